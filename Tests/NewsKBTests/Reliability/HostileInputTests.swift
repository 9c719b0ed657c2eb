import Testing
import Foundation
@testable import NewsKB

/// Inputs built to hurt: each gets a clear message naming the file (and line), the rest of the
/// import goes on, and nothing is lost.
@Suite(.serialized) struct HostileInputTests {
    @Test func hugeFileAndHugeLineAreReportedNotSwallowed() throws {
        let dir = TempDir()
        // A 200 MB file would be a 200 MB article: refused by size, without reading it.
        let huge = dir.file("in/huge.txt")
        try FileManager.default.createDirectory(atPath: dir.file("in"), withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: huge, contents: nil)
        let h = try FileHandle(forWritingTo: URL(fileURLWithPath: huge))
        try h.truncate(atOffset: 200 << 20)  // sparse: 200 MB of NULs on no disk
        try h.close()
        // A 20 MB JSONL line without a newline.
        var line = "{\"id\": \"big\", \"text\": \""
        line += String(repeating: "word ", count: (20 << 20) / 5)
        line += "\"}"
        dir.write("in/long.jsonl", "{\"id\": \"small\", \"text\": \"A small article.\"}\n" + line)
        dir.write("in/ok.txt", "Fine article.\nText.")
        let (s, issues, store) = try importInto(dir.file("t.db"), [dir.file("in")])
        #expect(issues.contains { $0.file == huge && $0.message.contains("too large for one article: 200.0 MB") })
        #expect(issues.contains { $0.file == dir.file("in/long.jsonl") && $0.line == 2 && $0.message.contains("too large") })
        #expect(s.new == 2)
        #expect(try store.db.strings("SELECT key FROM documents ORDER BY key") == ["ok.txt", "small"])
    }

    @Test func aLargeArticleBelowTheLimitIsImported() throws {
        let dir = TempDir()
        var text = ""
        while text.utf8.count < 256 << 10 {
            text += "Officials said the talks “were useful” and would resume, according to Reuters. "
        }
        dir.write("in/big.txt", text)
        let (s, issues, store) = try importInto(dir.file("t.db"), [dir.file("in")])
        #expect(issues.isEmpty && s.new == 1)
        #expect(try IntegrityCheck(db: store.db).run().allSatisfy(\.ok))
    }

    @Test func oneEnormousSentenceStaysBounded() throws {
        // A single 64 KB line of reporting clauses with no sentence break: thousands of
        // statements, none of whose reported content may run to the end of the line.
        let dir = TempDir()
        var line = ""
        while line.utf8.count < 64 << 10 {
            line += "Kim said the “war” in Russia’s capital was over, President Putin told reporters in Moscow, "
        }
        dir.write("in/line.txt", line)
        let (s, issues, store) = try importInto(dir.file("t.db"), [dir.file("in")])
        #expect(issues.isEmpty && s.new == 1)
        #expect(try store.db.int("SELECT count(*) FROM statements") > 500)
        let longest = try store.db.int("SELECT max(\"end\" - start) FROM statements WHERE kind <> 'direct'")
        #expect(longest < 3000, "reported speech runs \(longest) characters")
        #expect(try IntegrityCheck(db: store.db).run().allSatisfy(\.ok))
    }

    @Test func manyTinyFilesInDeeplyNestedFolders() throws {
        let dir = TempDir()
        let count = Int(ProcessInfo.processInfo.environment["NEWSKB_TINY_FILES"] ?? "") ?? 100_000
        for i in 0..<count {
            dir.write("in/\(i % 100)/\(i).txt", "Tiny \(i).")
        }
        var deep = "in/deep"
        for i in 0..<100 { deep += "/d\(i)" }
        dir.write(deep + "/bottom.txt", "Found at the bottom.")
        let (s, issues, store) = try importInto(dir.file("t.db"), [dir.file("in")])
        #expect(issues.isEmpty)
        #expect(s.new == count + 1)
        #expect(try store.db.int("SELECT count(*) FROM documents WHERE key LIKE 'deep/%/bottom.txt'") == 1)
    }

    @Test func strangeButValidTextIsImportedWithSpansInside() throws {
        let dir = TempDir()
        let texts = [
            "“”“”‘’\"\"''«»",
            "He said “this never closes. And goes on.\n\nAnother paragraph “opens and\n“closes” oddly.",
            "Zero\u{200B}width\u{200D}joiners and \u{FEFF}BOMs inside, said Kim\u{200B}.",
            "مرحبا said the official, \u{202E}reversed\u{202C} text עברית.",
            "Combining: e\u{301}\u{302}\u{303} Zalgo t\u{336}e\u{336}x\u{336}t, “a\u{301},” he said.",
            "Emoji 👩‍👩‍👧‍👦 🇺🇦 🏳️‍🌈 “We’re 💯 sure,” said Ms. Smith 😀.",
        ]
        for (i, t) in texts.enumerated() { dir.write("in/\(i).txt", t) }
        let (s, issues, store) = try importInto(dir.file("t.db"), [dir.file("in")])
        #expect(issues.isEmpty, "\(issues)")
        #expect(s.new == texts.count)
        #expect(try store.db.strings("SELECT body FROM documents ORDER BY key") == texts)
        #expect(try IntegrityCheck(db: store.db).run().allSatisfy(\.ok))
    }
}
