import Testing
import Foundation
@testable import NewsKB

/// Every bad input gets one clear issue naming the file (and line), the rest is imported,
/// and nothing already imported is lost.
@Suite struct BadInputTests {
    private func run(_ setup: (TempDir) -> [String]) throws -> (Importer.Summary, [ImportIssue], KnowledgeStore, TempDir) {
        let dir = TempDir()
        dir.write("good/ok.txt", "A good article.\nIt has text.")
        _ = try importInto(dir.file("t.db"), [dir.file("good")])
        let paths = setup(dir)
        let (s, issues, store) = try importInto(dir.file("t.db"), paths + [dir.file("good2")])
        return (s, issues, store, dir)
    }

    private func expectKeptAndGoodImported(_ store: KnowledgeStore) throws {
        let keys = try store.db.strings("SELECT key FROM documents ORDER BY key")
        #expect(keys.contains("ok.txt"), "an earlier import was lost")
        #expect(keys.contains("later.txt"), "the good file after the bad one was not imported")
    }

    @Test(arguments: [
        ("empty.txt", [UInt8](), "empty"),
        ("blank.txt", Array("  \n\n \t\n".utf8), "empty"),
        ("binary.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02], "binary"),
        ("latin1.txt", Array("caf".utf8) + [0xE9] + Array(" au lait".utf8), "invalid UTF-8 at byte 3"),
        ("truncated.txt", Array("ends in the middle ".utf8) + [0xE2, 0x80], "invalid UTF-8"),
    ])
    func badTextFile(name: String, bytes: [UInt8], expected: String) throws {
        let (s, issues, store, dir) = try run { dir in
            dir.write("bad/\(name)", bytes: bytes)
            dir.write("good2/later.txt", "Later article.\nMore text.")
            return [dir.file("bad")]
        }
        #expect(issues.count == 1)
        #expect(issues.first?.file == dir.file("bad/\(name)"))
        #expect(issues.first?.message.contains(expected) == true, "\(issues)")
        #expect(s.failed == 1 && s.new == 1)
        try expectKeptAndGoodImported(store)
    }

    @Test func jsonlProblemsNameTheLine() throws {
        let (s, issues, store, dir) = try run { dir in
            dir.write("bad/feed.jsonl", """
                {"id": "a", "text": "Fine record."}
                {"id": "b", "text": "Broken record
                {"id": "c", "title": "No text"}
                {"id": "d", "text": 42}
                {"id": "e", "text": "Wrong title type.", "title": ["x"]}
                [1, 2, 3]
                {"id": "a", "text": "Duplicate id."}
                {"id": "f", "text": ""}
                {"id": "g", "text": "Last good record."}
                """)
            dir.write("good2/later.txt", "Later article.\nMore text.")
            return [dir.file("bad/feed.jsonl")]
        }
        let file = dir.file("bad/feed.jsonl")
        let byLine = Dictionary(uniqueKeysWithValues: issues.compactMap { i in i.line.map { ($0, i.message) } })
        #expect(byLine[2]?.contains("malformed JSON") == true)
        #expect(byLine[3]?.contains("no \"text\"") == true)
        #expect(byLine[4]?.contains("\"text\" must be a string") == true)
        #expect(byLine[5]?.contains("\"title\" must be a string") == true)
        #expect(byLine[6]?.contains("expected a JSON object") == true)
        #expect(byLine[8]?.contains("empty") == true)
        // The duplicate id is named with the place of the first.
        #expect(issues.contains { $0.file == "\(file):7" && $0.message.contains("duplicate key \"a\"") && $0.message.contains("\(file):1") })
        #expect(issues.allSatisfy { $0.file.hasPrefix(file) })
        #expect(s.failed == 7)
        #expect(try store.db.strings("SELECT key FROM documents WHERE key IN ('a','g') ORDER BY key") == ["a", "g"])
        #expect(try store.db.strings("SELECT body FROM documents WHERE key = 'a'") == ["Fine record."])
        try expectKeptAndGoodImported(store)
    }

    @Test func missingPathAndUnreadableFile() throws {
        let (s, issues, store, dir) = try run { dir in
            let locked = dir.write("bad/locked.txt", "Secret.")
            chmod(locked, 0o000)
            dir.write("good2/later.txt", "Later article.\nMore text.")
            return [dir.file("nowhere"), locked]
        }
        #expect(issues.contains { $0.file == dir.file("nowhere") && $0.message.contains("no such file") })
        if getuid() != 0 {  // root reads any file
            #expect(issues.contains { $0.file == dir.file("bad/locked.txt") && $0.message.contains("cannot") })
        }
        #expect(s.failed >= 1)
        try expectKeptAndGoodImported(store)
    }

    @Test func symlinkLoopIsWalkedOnce() throws {
        let dir = TempDir()
        dir.write("in/a/one.txt", "One article.\nText.")
        try FileManager.default.createSymbolicLink(atPath: dir.file("in/a/loop"), withDestinationPath: dir.file("in"))
        let (s, issues, _) = try importInto(dir.file("t.db"), [dir.file("in")])
        #expect(s.new == 1)
        #expect(issues.count == 1 && issues[0].message.contains("already read"))
    }

    @Test func otherExtensionsInFoldersAreSkipped() throws {
        let dir = TempDir()
        dir.write("in/a.txt", "One article.\nText.")
        dir.write("in/photo.jpg", bytes: [0xFF, 0xD8, 0x00])
        dir.write("in/.hidden.txt", "Hidden.")
        let (s, issues, _) = try importInto(dir.file("t.db"), [dir.file("in")])
        #expect(s.new == 1 && issues.isEmpty)
    }
}
