import Testing
import Foundation
@testable import NewsKB

/// A bad database file or a hostile file system: clear messages, no partial writes, non-zero exits.
@Suite(.serialized) struct DatabaseFaultTests {
    @Test func corruptedDatabaseIsReportedClearly() throws {
        let dir = TempDir()
        let db = dir.file("t.db")
        _ = try CLI.run(["import", "--quiet", "--db", db, repoRoot + "/seeds"])
        _ = try CLI.run(["sql", "--db", db, "--write", "PRAGMA wal_checkpoint(TRUNCATE)"])
        // Scribble over the middle of the file, keeping the header.
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: db)))
        for i in stride(from: 4096, to: min(bytes.count, 4096 * 12), by: 1) { bytes[i] = UInt8(truncatingIfNeeded: i &* 31) }
        try Data(bytes).write(to: URL(fileURLWithPath: db))
        let check = try CLI.run(["check", "--db", db])
        #expect(check.status != 0)
        #expect(check.stderr.contains("malformed") || check.stdout.contains("FAILED"), "\(check.stdout)\(check.stderr)")
        let imp = try CLI.run(["import", "--db", db, repoRoot + "/seeds"])
        #expect(imp.status != 0)
        #expect(imp.stderr.contains("newskb: error:"))
    }

    /// A file system of our own (tmpfs), so "full" and "read-only" are real. Needs root
    /// (mount); skipped with a note elsewhere.
    private func withTmpfs(size: String, _ body: (String) throws -> Void) throws {
        let dir = TempDir()
        let mnt = dir.file("mnt")
        try FileManager.default.createDirectory(atPath: mnt, withIntermediateDirectories: true)
        guard shell("mount", "-t", "tmpfs", "-o", "size=\(size)", "tmpfs", mnt) == 0 else {
            print("note: cannot mount a tmpfs here (not root?): file-system fault test skipped")
            return
        }
        defer { _ = shell("umount", "-l", mnt) }
        try body(mnt)
    }

    @Test func fullDiskFailsCleanlyAndKeepsWhatWasCommitted() throws {
        try withTmpfs(size: "3m") { mnt in  // the seeds fit (with their WAL and rebuilt indexes); 3,000 articles do not
            let db = mnt + "/t.db"
            let first = try CLI.run(["import", "--quiet", "--db", db, repoRoot + "/seeds"])
            #expect(first.status == 0, "\(first.stderr)")
            let dir = TempDir()
            let feed = dir.write("feed.jsonl", try syntheticCorpus(count: 3000))
            let r = try CLI.run(["import", "--quiet", "--db", db, feed])
            #expect(r.status != 0)
            #expect(r.stderr.contains("SQLITE_FULL") || r.stderr.contains("disk is full") || r.stderr.contains("I/O"), "\(r.stderr)")
            let check = try Database(path: db, mode: .readOnly)
            #expect(try check.strings("PRAGMA integrity_check") == ["ok"])
            #expect(try check.int("SELECT count(*) FROM documents WHERE key LIKE '00%'") == 5)
            #expect(try check.int("SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.document_id = d.id)") == 0)
        }
    }

    @Test func readOnlyFileSystemGivesAClearError() throws {
        try withTmpfs(size: "4m") { mnt in
            let db = mnt + "/t.db"
            _ = try CLI.run(["import", "--quiet", "--db", db, repoRoot + "/seeds"])
            _ = try CLI.run(["sql", "--db", db, "--write", "PRAGMA wal_checkpoint(TRUNCATE)"])
            #expect(shell("mount", "-o", "remount,ro", mnt) == 0)
            let r = try CLI.run(["import", "--db", db, repoRoot + "/seeds"])
            #expect(r.status != 0)
            #expect(r.stderr.contains("newskb: error:") && (r.stderr.contains("read-only") || r.stderr.contains("readonly") || r.stderr.contains("unable to open")), "\(r.stderr)")
            let fresh = try CLI.run(["import", "--db", mnt + "/new.db", repoRoot + "/seeds"])
            #expect(fresh.status != 0)
            #expect(fresh.stderr.contains("cannot open database"), "\(fresh.stderr)")
        }
    }
}

@discardableResult
func shell(_ args: String...) -> Int32 {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = args
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    do { try p.run() } catch { return -1 }
    p.waitUntilExit()
    return p.terminationStatus
}
