import Testing
import Foundation
@testable import NewsKB

/// SIGKILL an import at random moments: the file stays consistent, no document is half there,
/// and importing again ends exactly where an uninterrupted import ends.
/// `make test` kills 5 times; `make crash-test` (NEWSKB_CRASH_KILLS=25) many more.
@Suite(.serialized) struct CrashSafetyTests {
    /// Starts `newskb import` of `feed` into `db`, SIGKILLs it after `seconds`; true when it was
    /// killed before it finished.
    func killImport(_ db: String, _ feed: String, after seconds: Double) throws -> Bool {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLI.binary)
        p.arguments = ["import", "--quiet", "--db", db, feed]
        p.standardError = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        usleep(UInt32(seconds * 1_000_000))
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        return p.terminationReason == .uncaughtSignal
    }

    @Test func killedImportsLeaveAConsistentDatabaseAndResume() throws {
        let env = ProcessInfo.processInfo.environment
        let kills = Int(env["NEWSKB_CRASH_KILLS"] ?? "") ?? 5
        let articles = Int(env["NEWSKB_CRASH_ARTICLES"] ?? "") ?? 2000
        let dir = TempDir()
        let feed = dir.write("feed.jsonl", try syntheticCorpus(count: articles))

        // The reference: one uninterrupted import.
        let t0 = Date()
        let ref = try CLI.run(["import", "--quiet", "--db", dir.file("ref.db"), feed])
        #expect(ref.status == 0, "\(ref.stderr)")
        let duration = Date().timeIntervalSince(t0)
        let refDB = try Database(path: dir.file("ref.db"), mode: .readOnly)
        let refCounts = try derivedCounts(refDB)
        let refPerDoc = try perDocumentCounts(refDB)
        #expect(refCounts["documents"] == articles)

        var rng = SeededRandom(seed: 7)
        let db = dir.file("crash.db")
        var interrupted = 0
        for _ in 0..<kills {
            if try killImport(db, feed, after: Double.random(in: 0.02...max(0.05, duration * 0.9), using: &rng)) { interrupted += 1 }

            let check = try Database(path: db)
            #expect(try check.strings("PRAGMA integrity_check") == ["ok"])
            #expect(try check.rows("PRAGMA foreign_key_check").isEmpty)
            // Every document present has exactly the derived rows of the uninterrupted import.
            for (key, counts) in try perDocumentCounts(check) {
                #expect(refPerDoc[key] == counts, "document \(key) is half-imported: \(counts) vs \(refPerDoc[key] ?? [])")
            }
            #expect(try IntegrityCheck(db: check).run().allSatisfy(\.ok))
        }
        #expect(interrupted > 0, "no import was killed before it finished")
        let resumed = try CLI.run(["import", "--quiet", "--db", db, feed])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(try derivedCounts(try Database(path: db, mode: .readOnly)) == refCounts)
    }

    /// The same for an import that recomputes only the weeks it reaches (#17): killed at random
    /// moments, the next import ends exactly where an uninterrupted one ends, ids included.
    @Test func killedIncrementalImportsResumeToTheSameStore() throws {
        let dir = TempDir()
        let weekly = BoundedCorpusTests().weeklyCorpus(weeks: 56, chained: true)
        func feed(_ name: String, _ docs: [SourceDocument]) throws -> String {
            var out = ""
            for d in docs {
                let json = try JSONSerialization.data(withJSONObject: ["id": d.key, "text": d.body, "date": d.published!], options: [.sortedKeys])
                out += String(decoding: json, as: UTF8.self) + "\n"
            }
            return dir.write(name, out)
        }
        let base = try feed("base.jsonl", weekly.filter { Int($0.key.dropFirst().prefix(2))! < 50 })
        let later = try feed("later.jsonl", weekly.filter { $0.key.hasPrefix("w55-") })
        #expect(try CLI.run(["import", "--quiet", "--db", dir.file("base.db"), base]).status == 0)
        func copyBase(to name: String) throws -> String {
            let path = dir.file(name)
            try FileManager.default.copyItem(atPath: dir.file("base.db"), toPath: path)
            return path
        }
        // The reference: the later week imported without interruption.
        let ref = try copyBase(to: "ref.db")
        let t0 = Date()
        let r = try CLI.run(["import", "--db", ref, later])
        let duration = Date().timeIntervalSince(t0)
        #expect(r.stderr.contains("recomputed for 4 documents"), "\(r.stderr)")
        let refViews = try corpusViews(try Database(path: ref, mode: .readOnly))

        var rng = SeededRandom(seed: 11)
        let db = try copyBase(to: "crash.db")
        var interrupted = 0
        for _ in 0..<4 {
            if try killImport(db, later, after: Double.random(in: 0.005...max(0.01, duration * 0.9), using: &rng)) { interrupted += 1 }
            let check = try Database(path: db)
            #expect(try check.strings("PRAGMA integrity_check") == ["ok"])
            // Either the corpus phase is owed, with the changes it must cover, or it is done.
            let owed = try check.int("SELECT count(*) FROM corpus_pending") > 0
            let changes = try check.int("SELECT count(*) FROM corpus_changes")
            #expect(owed || changes == 0)
            if !owed, try check.int("SELECT count(*) FROM documents WHERE key LIKE 'w55-%'") == 4 {
                #expect(try corpusViews(check) == refViews)
            }
        }
        #expect(interrupted > 0, "no import was killed before it finished")
        let resumed = try CLI.run(["import", "--quiet", "--db", db, later])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(try corpusViews(try Database(path: db, mode: .readOnly)) == refViews)
    }
}
