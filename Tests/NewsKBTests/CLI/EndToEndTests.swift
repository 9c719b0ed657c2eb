import Testing
import Foundation
@testable import NewsKB

/// The built `newskb` binary, run as a user would.
struct CLI {
    static var binary: String {
        if let env = ProcessInfo.processInfo.environment["NEWSKB_BIN"], !env.isEmpty { return env }
        return repoRoot + "/.build/debug/newskb"
    }

    struct Output { var status: Int32; var stdout: String; var stderr: String }

    static func run(_ args: [String], stdin: String? = nil, env: [String: String] = [:], cwd: String? = nil) throws -> Output {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = args
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "NEWSKB_DB")
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = inp
        try p.run()
        if let stdin { inp.fileHandleForWriting.write(Data(stdin.utf8)) }
        try inp.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Output(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                      stderr: String(decoding: e, as: UTF8.self))
    }
}

@Suite(.serialized) struct EndToEndTests {
    @Test func importThenQueryAsJSON() throws {
        let dir = TempDir()
        let db = dir.file("e2e.db")
        let imp = try CLI.run(["import", "--db", db, repoRoot + "/seeds"])
        #expect(imp.status == 0, "\(imp.stderr)")
        #expect(imp.stderr.contains("read 5, new 5, unchanged 0, replaced 0, failed 0"))
        let q = try CLI.run(["sql", "--db", db, "--format", "json",
                             "SELECT key, length(body) > 1000 AS long FROM documents ORDER BY key"])
        #expect(q.status == 0, "\(q.stderr)")
        let rows = try JSONSerialization.jsonObject(with: Data(q.stdout.utf8)) as? [[String: Any]]
        #expect(rows?.count == 5)
        #expect(rows?.first?["key"] as? String == "000_b71210cead4df8d3.txt")
        #expect(rows?.first?["long"] as? Int == 1)
        // Importing again changes nothing.
        let again = try CLI.run(["import", "--db", db, repoRoot + "/seeds"])
        #expect(again.stderr.contains("read 5, new 0, unchanged 5"))
    }

    @Test func rebuildRecomputesTheCorpusPhaseFromTheStoredClaims() throws {
        let dir = TempDir()
        let db = dir.file("r.db")
        #expect(try CLI.run(["import", "--quiet", "--db", db, repoRoot + "/seeds"]).status == 0)
        let before = try corpusViews(try KnowledgeStore.openForReading(path: db).db)
        // Results lost (as by a hand edit): rebuild computes them again, the same.
        let wipe = try CLI.run(["sql", "--write", "--db", db, "DELETE FROM claim_groups; DELETE FROM story_clusters"])
        #expect(wipe.status == 0, "\(wipe.stderr)")
        #expect(try corpusViews(try KnowledgeStore.openForReading(path: db).db) != before)
        let r = try CLI.run(["rebuild", "--db", db])
        #expect(r.status == 0 && r.stderr.contains("documents 5, stories 1"), "\(r.stderr)")
        #expect(try corpusViews(try KnowledgeStore.openForReading(path: db).db) == before)
        // A missing database is an error, not a new empty one.
        let missing = try CLI.run(["rebuild", "--db", dir.file("none.db")])
        #expect(missing.status != 0 && missing.stderr.contains("no database at"))
        #expect(!FileManager.default.fileExists(atPath: dir.file("none.db")))
    }

    @Test func shardsImportedWithTheCorpusPhaseDeferredMergeToOneImport() throws {
        let dir = TempDir()
        let seeds = try FileManager.default.contentsOfDirectory(atPath: repoRoot + "/seeds").sorted()
        // Two shards of the seed articles, as two folders: the keys are the file names.
        for (i, f) in seeds.enumerated() {
            let text = try String(contentsOfFile: repoRoot + "/seeds/" + f, encoding: .utf8)
            dir.write("part\(i % 2)/\(f)", text)
        }
        for k in 0..<2 {
            let r = try CLI.run(["import", "--quiet", "--defer-corpus", "--db", dir.file("s\(k).db"), dir.file("part\(k)")])
            #expect(r.status == 0, "\(r.stderr)")
            let owed = try CLI.run(["sql", "--db", dir.file("s\(k).db"), "--format", "csv", "SELECT count(*) AS n FROM corpus_pending"])
            #expect(owed.stdout == "n\r\n1\r\n")
        }
        let m = try CLI.run(["merge", "--db", dir.file("m.db"), dir.file("s0.db"), dir.file("s1.db"), dir.file("nope.db")])
        #expect(m.status == 1)
        #expect(m.stderr.contains("\(dir.file("nope.db")): no such shard"))
        #expect(m.stderr.contains("read 5, new 5, unchanged 0, replaced 0, shards refused 1"), "\(m.stderr)")
        #expect(try CLI.run(["import", "--quiet", "--db", dir.file("one.db"), repoRoot + "/seeds"]).status == 0)
        let merged = try KnowledgeStore.openForReading(path: dir.file("m.db")).db
        let one = try KnowledgeStore.openForReading(path: dir.file("one.db")).db
        #expect(try corpusViews(merged) == corpusViews(one))
        #expect(try CLI.run(["check", "--db", dir.file("m.db")]).status == 0)
    }

    @Test func timingsAreOneJSONObjectWithSortedKeys() throws {
        let dir = TempDir()
        let file = dir.file("timings.json")
        let r = try CLI.run(["import", "--quiet", "--db", dir.file("t.db"), "--timings", file, repoRoot + "/seeds"])
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.hasPrefix("{\"corpus\":{\"candidates\":") && text.hasSuffix("}\n"), "\(text)")
        let json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
        #expect(Set(json.keys) == ["seconds", "words", "peak_rss_bytes", "stages", "corpus"])
        #expect((json["words"] as? Int ?? 0) > 1000 && (json["peak_rss_bytes"] as? Int ?? 0) > 0)
        #expect((json["stages"] as? [String: Double])?["analyze"] != nil)
        let corpus = json["corpus"] as? [String: Any] ?? [:]
        #expect(corpus["documents"] as? Int == 5)
        #expect(Set(corpus.keys) == ["documents", "claims", "windows", "comparisons", "claim_groups", "stories", "conflicts", "scope", "steps",
                                     "changed", "candidates", "linked", "read"])
        #expect(corpus["scope"] as? String == "all: no key counts taken yet")
        let steps = corpus["steps"] as? [String: [String: Double]] ?? [:]
        #expect(steps["count"]?.keys.sorted() == ["cpu", "wall"])
    }

    @Test func badInputExitsNonZeroNamingFileAndLineButImportsTheRest() throws {
        let dir = TempDir()
        let feed = dir.write("feed.jsonl", "{\"id\": \"ok\", \"text\": \"Fine.\"}\n{broken\n")
        let r = try CLI.run(["import", "--db", dir.file("t.db"), feed])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(feed):2: malformed JSON"))
        let q = try CLI.run(["sql", "--db", dir.file("t.db"), "--format", "csv", "SELECT key FROM documents"])
        #expect(q.stdout == "key\r\nok\r\n")
    }

    @Test func datesFromFeedsAreReadAndOnesThatCannotBeAreNamedNotRefused() throws {
        let dir = TempDir()
        let feed = dir.write("feed.jsonl", """
            {"id": "rss", "date": "Wed, 13 Sep 2023 22:15:00 -0700", "text": "The harbour reopened on Wednesday after the storm."}
            {"id": "us", "date": "09/13/2023", "text": "The harbour reopened on Wednesday after the storm passed."}
            {"id": "words", "published": "September 14, 2023", "text": "Ferries ran again on Thursday."}

            """)
        let r = try CLI.run(["import", "--db", dir.file("t.db"), feed])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("note: \(feed):2: date \"09/13/2023\" not read"), "\(r.stderr)")
        #expect(!r.stderr.contains("\(feed):1:") && !r.stderr.contains("\(feed):3:"), "\(r.stderr)")
        #expect(r.stderr.contains("1 dates not read (kept as given, compared as undated)"), "\(r.stderr)")
        // Kept as given; the two read are in the corpus phase's weeks (no undated document but one).
        let rows = try CLI.run(["sql", "--db", dir.file("t.db"), "--format", "csv",
                                "SELECT key, published FROM documents ORDER BY key"])
        #expect(rows.stdout.contains("us,09/13/2023"), "\(rows.stdout)")
    }

    @Test func articlesWithoutADateComparedWithMuchOfTheStoreSaySo() throws {
        let dir = TempDir()
        // 60 dated articles: one more is under the 2 % after which the counts are taken again.
        // The undated one is compared with most of them (one harbour).
        let lines = (0..<60).map { i in
            "{\"id\": \"a\(i)\", \"date\": \"2023-0\(1 + i % 9)-1\(i % 10)\", \"text\": \"Harbour \(i) reopened after storm number \(i) passed the coast.\"}"
        }
        let feed = dir.write("feed.jsonl", lines.joined(separator: "\n") + "\n")
        _ = try CLI.run(["import", "--db", dir.file("t.db"), feed])
        let note = dir.write("note.txt", "Ferries ran again on Thursday after the harbour reopened.")
        let r = try CLI.run(["import", "--db", dir.file("t.db"), note])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("note: 1 articles without a date are compared with every week ("), "\(r.stderr)")
        #expect(r.stderr.contains("documents were candidates); `--date YYYY-MM-DD` gives them a publication date"), "\(r.stderr)")
        // With a date given, no note.
        let later = dir.write("later.txt", "Ferries ran again on Friday after the harbour reopened.")
        let d = try CLI.run(["import", "--db", dir.file("t2.db"), "--date", "2023-09-15", feed, later])
        #expect(!d.stderr.contains("without a date"), "\(d.stderr)")
    }

    @Test func sqlIsReadOnlyUnlessWrite() throws {
        let dir = TempDir()
        let db = dir.file("t.db")
        _ = try CLI.run(["import", "--db", db, "-"], stdin: "One article from stdin.\nSecond line.")
        let refused = try CLI.run(["sql", "--db", db, "DELETE FROM documents"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("--write"))
        let ok = try CLI.run(["sql", "--db", db, "--write", "UPDATE documents SET title = 'T'"])
        #expect(ok.status == 0, "\(ok.stderr)")
        let t = try CLI.run(["sql", "--db", db, "--format", "tsv", "SELECT key, title FROM documents"])
        #expect(t.stdout == "key\ttitle\nstdin\tT\n")
    }

    @Test func sqlFromStdinWithParameters() throws {
        let dir = TempDir()
        let db = dir.file("t.db")
        _ = try CLI.run(["import", "--db", db, repoRoot + "/seeds"])
        let r = try CLI.run(["sql", "--db", db, "-", "--param", "k=003_1e0f470e273bc3f0.txt", "--format", "jsonl"],
                            stdin: "SELECT title FROM documents WHERE key = :k")
        #expect(r.stdout == "{\"title\": \"Kim Jong Un crosses Russian border for talks with Putin\"}\n")
    }

    @Test func defaultDatabaseComesFromEnvironment() throws {
        let dir = TempDir()
        _ = try CLI.run(["import", repoRoot + "/seeds/000_b71210cead4df8d3.txt"], env: ["NEWSKB_DB": dir.file("env.db")])
        #expect(FileManager.default.fileExists(atPath: dir.file("env.db")))
        _ = try CLI.run(["import", repoRoot + "/seeds/000_b71210cead4df8d3.txt"], cwd: dir.path)
        #expect(FileManager.default.fileExists(atPath: dir.file("newskb.db")))
    }

    @Test func missingDatabaseAndNonDatabaseGiveClearErrors() throws {
        let dir = TempDir()
        let missing = try CLI.run(["sources", "--db", dir.file("nope.db")])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no database at \(dir.file("nope.db"))"))
        let junk = dir.write("junk.db", String(repeating: "not sqlite ", count: 100))
        let r = try CLI.run(["stats", "--db", junk])
        #expect(r.status == 1)
        #expect(r.stderr.contains("not a usable database"))
    }

    @Test func everyCommandHasHelpWithExamples() throws {
        for cmd in ["import", "sql", "sources", "stats", "schema"] {
            let r = try CLI.run([cmd, "--help"])
            #expect(r.status == 0)
            #expect(r.stdout.contains("Examples:"), "\(cmd) --help has no examples")
        }
        let v = try CLI.run(["--version"])
        #expect(v.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == NewsKBVersion.string)
    }

    @Test func schemaListsDocumentedPublicViews() throws {
        let dir = TempDir()
        let db = dir.file("t.db")
        _ = try CLI.run(["import", "--db", db, repoRoot + "/seeds/000_b71210cead4df8d3.txt"])
        let r = try CLI.run(["schema", "--db", db, "--format", "jsonl"])
        for needle in ["\"object\": \"who_said\"", "\"object\": \"entity_mentions\"", "\"object\": \"documents\""] {
            #expect(r.stdout.contains(needle))
        }
    }

    @Test func readmeSchemaSectionMatchesTheDatabase() throws {
        let dir = TempDir()
        let db = dir.file("t.db")
        _ = try CLI.run(["import", "--db", db, repoRoot + "/seeds/000_b71210cead4df8d3.txt"])
        let md = try CLI.run(["schema", "--db", db, "--format", "markdown"]).stdout
        let readme = try String(contentsOfFile: repoRoot + "/README.md", encoding: .utf8)
        #expect(readme.contains("<!-- schema:begin -->\n" + md + "<!-- schema:end -->"),
                "README's schema section drifted: run scripts/update-readme.sh")
    }
}

@Suite(.serialized) struct InterruptTests {
    @Test func ctrlCStopsAfterTheCurrentBatchAndExits130() throws {
        let dir = TempDir()
        // A feed big enough that the import is still running when the signal arrives.
        var feed = ""
        for i in 0..<20_000 {
            feed += "{\"id\": \"n\(i)\", \"text\": \"Officials said on Monday that talks number \(i) would resume in Geneva. “We are ready,” the envoy told reporters.\"}\n"
        }
        let path = dir.write("feed.jsonl", feed)
        let db = dir.file("t.db")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLI.binary)
        p.arguments = ["import", "--db", db, path]
        let err = Pipe()
        p.standardError = err
        p.standardOutput = Pipe()
        try p.run()
        // Wait until the first batch is committed, then interrupt.
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if let s = try? Database(path: db, mode: .readOnly), (try? s.scalar("SELECT count(*) FROM documents")?.int ?? 0) ?? 0 > 0 { break }
            usleep(20_000)
        }
        kill(p.processIdentifier, SIGINT)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        if p.terminationStatus == 0 { return }  // finished before the signal: nothing to check
        #expect(p.terminationStatus == 130, "\(stderr)")
        #expect(stderr.contains("interrupted after"))
        let store = try KnowledgeStore.openForReading(path: db)
        #expect(try IntegrityCheck(db: try Database(path: db)).run().allSatisfy(\.ok))
        let partial = try store.db.int("SELECT count(*) FROM documents")
        #expect(partial > 0 && partial < 20_000)
        // Every stored document is complete: it has its sentences.
        #expect(try store.db.int("SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.document_id = d.id)") == 0)
        let again = try CLI.run(["import", "--db", db, path])
        #expect(again.status == 0)
        #expect(again.stderr.contains("new \(20_000 - partial), unchanged \(partial)"), "\(again.stderr)")
    }
}

@Suite(.serialized) struct QueryCommandTests {
    let dir = TempDir()
    var db: String { dir.file("q.db") }

    init() throws {
        _ = try CLI.run(["import", "--quiet", "--db", dir.file("q.db"), repoRoot + "/seeds"])
    }

    @Test func whoSaidTableFitsHundredColumnsAndShowsTheFiveColumns() throws {
        let r = try CLI.run(["who-said", "--db", db])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines[0].split(separator: " ", omittingEmptySubsequences: true) == ["speaker", "kind", "quote", "document", "place"])
        for line in lines { #expect(displayWidth(String(line)) <= 100, "\(line)") }
    }

    @Test func listingsPrintAFirstPageAndSayWhenMoreMatch() throws {
        func jsonRows(_ args: [String]) throws -> (rows: [[String: Any]], stderr: String) {
            let r = try CLI.run(args + ["--db", db, "--format", "json"])
            #expect(r.status == 0, "\(r.stderr)")
            return ((try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]]) ?? [], r.stderr)
        }
        let all = try jsonRows(["who-said", "--all"])
        #expect(all.rows.count > 3 && all.stderr.isEmpty)
        let page = try jsonRows(["who-said", "--limit", "3"])
        #expect(page.rows.count == 3)
        #expect(page.stderr.contains("showing the first 3 statements; more match"))
        let exact = try jsonRows(["who-said", "--limit", "\(all.rows.count)"])
        #expect(exact.rows.count == all.rows.count && exact.stderr.isEmpty)
        // agree and disagree count groups and disagreements, each with all its rows.
        let groups = try jsonRows(["agree", "--limit", "1"])
        #expect(Set(groups.rows.compactMap { $0["claim_group"] as? Int }).count == 1 && groups.rows.count >= 2)
        #expect(groups.stderr.contains("showing the first 1 claim groups"))
        let conflicts = try jsonRows(["disagree", "--limit", "1"])
        #expect(Set(conflicts.rows.compactMap { $0["disagreement"] as? Int }) == [1] && conflicts.rows.count >= 2)
    }

    @Test func whoSaidBySpeakerAliasAsJSON() throws {
        let r = try CLI.run(["who-said", "--db", db, "--speaker", "Mr Peskov", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0["speaker"] as? String == "Dmitry Peskov" })
        #expect(rows.contains { ($0["quote"] as? String)?.contains("national interest") == true })
    }

    @Test func whoSaidAboutWithAStrayQuoteGetsAClearMessage() throws {
        let r = try CLI.run(["who-said", "--db", db, "--about", "arms \"deal"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("unbalanced quotation mark"))
        #expect(!r.stderr.contains("SQLITE"))
        let ok = try CLI.run(["who-said", "--db", db, "--about", "interests countries"])
        #expect(ok.stdout.contains("[interests] of our two [countries]"), "\(ok.stdout)")
    }

    @Test func entitiesAndEntity() throws {
        let e = try CLI.run(["entities", "--db", db, "--type", "PERSON", "--min-documents", "5", "--format", "csv"])
        #expect(e.stdout.hasPrefix("name,type,mentions,documents\r\n"))
        #expect(e.stdout.contains("Kim Jong Un,PERSON,"))
        let bad = try CLI.run(["entities", "--db", db, "--type", "ALIEN"])
        #expect(bad.status == 64 && bad.stderr.contains("The value 'ALIEN' is invalid for '--type <type>'"))
        let k = try CLI.run(["entity", "--db", db, "Mr. Kim"])
        #expect(k.status == 0)
        #expect(k.stdout.hasPrefix("Kim Jong Un (PERSON)"))
        let none = try CLI.run(["entity", "--db", db, "Nobody Anywhere"])
        #expect(none.status == 1 && none.stderr.contains("no entity called"))
    }

    @Test func aliasCommands() throws {
        let add = try CLI.run(["alias", "add", "--db", db, "Vostochny launch site", "--canonical", "Vostochny Cosmodrome", "--type", "facility"])
        #expect(add.status == 0, "\(add.stderr)")
        let list = try CLI.run(["alias", "list", "--db", db, "--format", "tsv"])
        #expect(list.stdout.contains("Vostochny launch site\tVostochny Cosmodrome\tFACILITY"))
        let bad = try CLI.run(["alias", "add", "--db", db, "X", "--type", "planet"])
        #expect(bad.status == 64 && bad.stderr.contains("The value 'planet' is invalid for '--type <type>'"))
        let rm = try CLI.run(["alias", "remove", "--db", db, "Vostochny launch site"])
        #expect(rm.status == 0)
    }

    @Test func checkPassesOnAFreshImport() throws {
        let r = try CLI.run(["check", "--db", db])
        #expect(r.status == 0, "\(r.stdout)")
        #expect(!r.stdout.contains("FAILED"))
    }
}
