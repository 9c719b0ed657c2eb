import Testing
@testable import NewsKB

/// One JSONL line to the fields newskb reads, or a message naming what is wrong with it.
@Suite struct JSONLRecordTests {
    private func parse(_ line: String) -> JSONLRecord.ParseResult { JSONLRecord.parse(ArraySlice(Array(line.utf8))) }

    private func record(_ line: String) -> JSONLRecord? {
        if case .success(let r) = parse(line) { return r }
        return nil
    }

    private func problem(_ line: String) -> String? {
        if case .failure(let m) = parse(line) { return m }
        return nil
    }

    @Test func fieldsAndEscapes() throws {
        let r = try #require(record(#"""
            {"id": 17, "title":"Kremlin \"denies\" report", "source": "TASS", "date":"2019-04-25",
             "text":"Line one.\nPeskov said: \u201cNo.\u201d Caf\u00e9 \ud83d\ude00 a\/b \\ end\t.", "extra": {"nested": [1, 2.5e3, true, null, {"a": "b"}]}}
            """#.replacingOccurrences(of: "\n", with: " ")))
        #expect(r.id == "17")
        #expect(r.title == "Kremlin \"denies\" report")
        #expect(r.outlet == "TASS")
        #expect(r.published == "2019-04-25")
        #expect(r.text == "Line one.\nPeskov said: “No.” Café 😀 a/b \\ end\t.")
        #expect(r.url == nil && r.author == nil)
    }

    @Test func laterAlternativesAndEmptyStrings() throws {
        let r = try #require(record(#"{"text": "x", "outlet": "Reuters", "published": "", "date": "2020-01-02", "title": ""}"#))
        #expect(r.outlet == "Reuters")
        #expect(r.published == nil)  // an empty string is no value; `date` is not consulted after `published`
        #expect(r.title == nil)
        // A lone surrogate becomes U+FFFD rather than failing the line.
        #expect(record(#"{"text": "a\ud800b"}"#)?.text == "a\u{FFFD}b")
    }

    @Test func malformedLinesAreNamed() {
        for line in [
            #"{"text": "x",}"#, #"{"text": "x""#, #"{"text": "x"} trailing"#, #"{"text": "bad \q escape"}"#,
            "{\"text\": \"raw \u{01} control\"}", #"{"text": 01}"#, #"{"text": tru}"#, #"{text: "x"}"#,
            #"{"text": "x", "a": [1, 2}"#, #"{"text": "\u12G4"}"#, "", "   ",
        ] {
            #expect(problem(line)?.hasPrefix("malformed JSON: ") == true, "\(line)")
        }
        #expect(problem(#"{"text": "x",}"#) == "malformed JSON: expected a member name in quotes at character 14")
    }

    @Test func wrongShapesAreNamed() {
        #expect(problem(#"["text"]"#) == "expected a JSON object with a \"text\" field, found an array")
        #expect(problem(#""just a string""#) == "expected a JSON object with a \"text\" field, found a string")
        #expect(problem(#"{"title": "t"}"#) == "record has no \"text\" field")
        #expect(problem(#"{"text": null}"#) == "record has no \"text\" field")
        #expect(problem(#"{"text": 5}"#) == "\"text\" must be a string, found a number")
        #expect(problem(#"{"text": "x", "title": true}"#) == "\"title\" must be a string, found a boolean")
        #expect(problem(#"{"text": "x", "author": {"name": "A"}}"#) == "\"author\" must be a string, found an object")
    }
}
