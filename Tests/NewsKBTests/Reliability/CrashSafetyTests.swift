import Testing
import Foundation
@testable import NewsKB

/// SIGKILL an import at random moments: the file stays consistent, no document is half there,
/// and importing again ends exactly where an uninterrupted import ends.
/// `make test` kills 5 times; `make crash-test` (NEWSKB_CRASH_KILLS=25) many more.
@Suite(.serialized) struct CrashSafetyTests {
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
            let p = Process()
            p.executableURL = URL(fileURLWithPath: CLI.binary)
            p.arguments = ["import", "--quiet", "--db", db, feed]
            p.standardError = FileHandle.nullDevice
            p.standardOutput = FileHandle.nullDevice
            try p.run()
            usleep(UInt32(Double.random(in: 0.02...max(0.05, duration * 0.9), using: &rng) * 1_000_000))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            if p.terminationReason == .uncaughtSignal { interrupted += 1 }

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
}
