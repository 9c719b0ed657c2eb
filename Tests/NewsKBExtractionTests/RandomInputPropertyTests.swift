import Testing
@testable import NewsKBExtraction

/// Seeded random inputs: no crash, every span inside the text, mention text equals its span.
@Suite struct RandomInputPropertyTests {
    static let pieces: [String] = [
        "Putin", "Kim Jong Un", "Mr.", "Dr.", "U.S.", " ", " ", " ", "\n", "\n\n", ".", ",", "!", "?", "…", "...",
        "“", "”", "\"", "'", "’", "‘", "’s", "'s", "-", "--", "—", "(", ")", "$1.2bn", "3.5", "1,000",
        "🇺🇸", "👍🏽", "👨‍👩‍👧", "e\u{301}", "\u{301}", "\u{200D}", "\u{FE0F}", "مرحبا", "שלום", "\u{202E}", "日本",
        "President", "said", "the", "Kremlin", "North Korea", "al-", "von der", "J.", "No.", "\u{0}", "\r\n",
        "\u{2028}", "ALL CAPS", "Inc.", "Ministry", "of", "Russia", "\u{A0}", "\t", "#", "@", "&",
    ]

    func check(_ body: String) {
        let text = DocumentText(body)
        let n = body.unicodeScalars.count
        let tokens = Tokenizer.tokenize(text)
        for t in tokens {
            #expect(t.start >= 0 && t.start < t.end && Int(t.end) <= n)
            #expect(Int(t.byteEnd) <= text.utf8.count)
            #expect(text.text(t.span) == text.text(t))
        }
        let a = Analyzer().analyze(body)
        for s in a.sentences { #expect(s.span.start >= 0 && s.span.end <= n && !s.span.isEmpty) }
        for m in a.mentions {
            #expect(m.span.start >= 0 && m.span.end <= n)
            #expect(text.text(m.span) == m.text)
            #expect(m.entity >= 0 && m.entity < a.entities.count)
            #expect(m.sentence >= 0 && m.sentence < a.sentences.count)
        }
        for st in a.statements {
            #expect(st.content.end <= n)
        }
        #expect(Analyzer().analyze(body) == a, "deterministic")
    }

    @Test func randomPieces() {
        var rng = SeededRandom(seed: 20260911)
        for _ in 0..<300 {
            var s = ""
            for _ in 0..<rng.below(60) { s += Self.pieces[rng.below(Self.pieces.count)] }
            check(s)
        }
    }

    @Test func randomScalars() {
        var rng = SeededRandom(seed: 42)
        for _ in 0..<200 {
            var s = String.UnicodeScalarView()
            for _ in 0..<rng.below(80) {
                let r = rng.below(10)
                let v: UInt32 = r < 4 ? UInt32(0x20 + rng.below(0x5F)) : r < 6 ? UInt32(0x80 + rng.below(0x700)) :
                    r < 8 ? UInt32(0x2000 + rng.below(0x100)) : UInt32(0x1F300 + rng.below(0x400))
                if let u = Unicode.Scalar(v) { s.append(u) }
            }
            check(String(s))
        }
    }

    @Test func edgeCases() {
        check("")
        check("\"")
        check("“unbalanced quote. And more “ nested ‘ marks")
        check("’s")
        check("'s 's ’ ’s")
        check(".")
        check("Mr.")
        check("\u{301}\u{301}abc")
        check("🇺")
        check(String(repeating: "a", count: 10) + "\u{0}" + "Z.")
    }

    /// Sentences, tokens and entities of a 1 MB line (the whole pipeline is checked on smaller
    /// inputs above; this one guards the text and entity stages against quadratic steps).
    @Test func megabyteLine() {
        var s = ""
        s.reserveCapacity(1 << 20)
        let words = ["Kim ", "said ", "the ", "U.S. ", "“war” ", "Russia’s ", "3.5 ", "President Putin ", "🇺🇸 "]
        var i = 0
        while s.utf8.count < 1 << 20 { s += words[i % words.count]; i += 1 }
        for body in [s, String(repeating: "x", count: 1 << 20), String(repeating: "Kim ", count: 1 << 18)] {
            let text = DocumentText(body)
            let n = body.unicodeScalars.count
            var tokens = Tokenizer.scan(text)
            let sentences = SentenceSplitter.split(text, tokens: &tokens)
            for st in sentences { #expect(st.span.end <= n) }
            let (entities, mentions) = EntityRecognizer.recognize(text, tokens: tokens)
            var bad = 0
            for m in mentions where m.span.end > n || m.entity >= entities.count { bad += 1 }
            #expect(bad == 0)
            if let m = mentions.last { #expect(text.text(m.span) == m.text) }
        }
    }
}
