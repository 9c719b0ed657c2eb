import Testing
@testable import NewsKB

@Suite struct ResultFormatterTests {
    let result = ResultSet(columns: ["key", "n", "text"], rows: [
        [.text("a.txt"), .integer(3), .text("He said, \"yes\"\nthen left")],
        [.text("b|c"), .null, .real(1.5)],
    ])

    @Test func jsonIsAnArrayOfObjectsWithKeysInColumnOrder() {
        let json = ResultFormatter(format: .json).render(result)
        #expect(json == """
            [
              {"key": "a.txt", "n": 3, "text": "He said, \\"yes\\"\\nthen left"},
              {"key": "b|c", "n": null, "text": 1.5}
            ]

            """)
        #expect(ResultFormatter(format: .json).render(ResultSet(columns: ["x"])) == "[]\n")
    }

    @Test func jsonlIsOneObjectPerLine() {
        let lines = ResultFormatter(format: .jsonl).render(result).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[1] == #"{"key": "b|c", "n": null, "text": 1.5}"#)
    }

    @Test func csvQuotesWhatNeedsQuoting() {
        #expect(ResultFormatter(format: .csv).render(result) ==
            "key,n,text\r\na.txt,3,\"He said, \"\"yes\"\"\nthen left\"\r\nb|c,,1.5\r\n")
    }

    @Test func tsvEscapesTabsAndNewlines() {
        #expect(ResultFormatter(format: .tsv).render(result) == "key\tn\ttext\na.txt\t3\tHe said, \"yes\"\\nthen left\nb|c\t\t1.5\n")
    }

    @Test func markdownEscapesPipes() {
        let md = ResultFormatter(format: .markdown).render(result)
        #expect(md.contains("| b\\|c |  | 1.5 |"))
        #expect(md.hasPrefix("| key | n | text |\n|---|---|---|\n"))
    }

    @Test func tableAlignsAndCutsToWidth() {
        let t = ResultFormatter(format: .table).render(result)
        let lines = t.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0].hasPrefix("key    n  text"))
        #expect(lines[2].hasPrefix("a.txt  3  He said, \"yes\" then left"))
        #expect(lines.last(where: { !$0.isEmpty }) == "(2 rows)")
        let narrow = ResultFormatter(format: .table, maxWidth: 24).render(result)
        for line in narrow.split(separator: "\n") { #expect(displayWidth(String(line)) <= 24, "\(line)") }
        #expect(narrow.contains("…"))
    }

    @Test func theByteFastPathAgreesWithCharacters() {
        // Plain ASCII is measured and cut on bytes; everything else by characters, as before.
        for s in ["", "abc", "a\tb", "a\r\nb", "line\nbreak", "x—y", "naïve", "北京 talks", "He said, \"yes\""] {
            #expect(displayWidth(s) == s.reduce(0) { $0 + charWidth($1) }, "\(s)")
        }
        #expect(isPlainASCII("Talks in Oslo, 2024.") && !isPlainASCII("a\tb") && !isPlainASCII("naïve"))
        let r = ResultSet(columns: ["quote"], rows: [[.text("The weather in Oslo is excellent")], [.text("Le temps à Oslo est excellent")]])
        let lines = ResultFormatter(format: .table, maxWidth: 12).render(r).split(separator: "\n").map(String.init)
        #expect(lines[2] == "The weather…" && lines[3] == "Le temps à …", "\(lines)")
    }

    @Test func wideCharactersCountTwoColumns() {
        #expect(displayWidth("abc") == 3)
        #expect(displayWidth("北京") == 4)
        #expect(displayWidth("e\u{301}") == 1)
    }

    @Test func thePriorityColumnKeepsItsRoomLongest() {
        let r = ResultSet(columns: ["speaker", "quote", "document"], rows: [[
            .text("the defense ministry of South Korea"),
            .text("that Mr. Kim’s armored train had entered Russia on Tuesday morning, local time"),
            .text("001_c5151bc69ca5c79e.txt")]])
        let t = ResultFormatter(format: .table, maxWidth: 100, priorityColumn: "quote").render(r)
        let row = String(t.split(separator: "\n")[2])
        #expect(displayWidth(row) <= 100)
        // 100 columns less two gaps and two columns cut to 24: the quote keeps 48.
        #expect(row.contains("that Mr. Kim’s armored train had entered Russia…"))
        #expect(row.hasPrefix("the defense ministry of…  "))
        #expect(row.hasSuffix("001_c5151bc69ca5c79e.txt"))
    }
}
