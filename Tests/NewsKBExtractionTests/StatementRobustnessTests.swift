import Testing
@testable import NewsKBExtraction

@Suite struct StatementRobustnessTests {
    func checkSpans(_ body: String, _ statements: [Statement]) {
        let count = body.unicodeScalars.count
        for s in statements {
            #expect(s.content.start >= 0 && s.content.end <= count && s.content.start < s.content.end, "content \(s.content) in \(count)")
            for sp in [s.cue, s.speakerSpan, s.place].compactMap({ $0 }) {
                #expect(sp.start >= 0 && sp.end <= count && sp.start <= sp.end)
            }
        }
    }

    @Test func seededRandomInputNeverCrashesAndSpansStayInside() {
        let pieces = ["“", "”", "‘", "’", "\"", "'", "''", "«", "»", " said", " says", " told", " according to", ",", ".", ":",
                      " he", " she", " the spokesman", " Kirby", " Peskov", " officials", " that", "\n", "\n\n", " ",
                      "🇺🇸", "e\u{301}", "—", " -- ", "(", ")", " who", " Mr.", " a US official", " Russia’s", "!", "?",
                      " in Moscow", " at the Forum", "\u{0}", "\u{FFFD}", "漢字", " and", " but"]
        var rng = SeededRandom(seed: 20_240_917)
        for _ in 0..<400 {
            var body = ""
            let n = Int.random(in: 0..<120, using: &rng)
            for _ in 0..<n { body += pieces[Int.random(in: 0..<pieces.count, using: &rng)] }
            let a = Analyzer().analyze(body)
            checkSpans(body, a.statements)
            for s in a.statements {
                if let e = s.speakerEntity { #expect(e >= 0 && e < a.entities.count) }
                #expect(s.sentence >= 0 && (a.sentences.isEmpty || s.sentence < a.sentences.count))
            }
        }
    }

    @Test func unbalancedAndOnlyQuoteMarks() {
        let bodies = [
            "",
            "“",
            "”",
            "“““”””\"\"\"'''‘‘’’",
            "“This quotation never closes and runs on, the official said\n\nNext paragraph without marks.\n\nAnother one.",
            "He said “ and then ” said he “",
            String(repeating: "“Yes,” he said. ", count: 2000),
            String(repeating: "\"", count: 5000),
            "said said said, said: “”",
        ]
        for body in bodies {
            let a = Analyzer().analyze(body)
            checkSpans(body, a.statements)
        }
        // an unclosed quotation is bounded by its paragraph, never swallows the document
        let body = "“This quotation never closes, the official said\n\nThe next paragraph is narration.\n\nSo is this one."
        let a = Analyzer().analyze(body)
        let t = DocumentText(body)
        for s in a.statements { #expect(!t.text(s.content).contains("narration")) }
    }

    @Test func longLine() {
        // ~600 KB on one line: every statement is found and inside the text. (Speed is measured by
        // `make bench`, not asserted here: a slow machine must not fail a test.)
        let unit = "“The talks are advancing,” Kirby said, adding that the deal was close, according to officials. "
        let body = String(repeating: unit, count: 6000)
        let a = Analyzer().analyze(body)
        checkSpans(body, a.statements)
        #expect(a.statements.count >= 6000)
    }

    @Test func deterministic() throws {
        let body = try #require(SeedText.all.first)
        let a = Analyzer().analyze(body)
        let b = Analyzer().analyze(body)
        #expect(a.statements == b.statements)
        #expect(!a.statements.isEmpty)
        let c = StatementExtractor.extract(DocumentText(body), sentences: a.sentences, entities: a.entities, mentions: a.mentions)
        let d = StatementExtractor.extract(DocumentText(body), sentences: a.sentences, entities: a.entities, mentions: a.mentions)
        #expect(c == d)
    }

    @Test func lexiconsLoad() {
        for name in ["cues-verbs.txt", "cues-nouns.txt", "statement-source-heads.txt", "statement-words.txt"] {
            #expect(!LexiconFiles.entries(name).isEmpty, "\(name) is empty or missing")
        }
        let lex = StatementLexicon.shared
        for w in ["said", "emphasised", "emphasized", "criticised", "criticized", "told", "warned"] {
            #expect(lex.table.value(w)?.contains(.speech) == true, "\(w)")
        }
        #expect(lex.table.value("officials")?.contains(.sourceHead) == true)
        #expect(lex.table.value("statement")?.contains(.cueNoun) == true)
    }
}
