import Testing
@testable import NewsKBExtraction

@Suite struct TokenizerTests {
    func toks(_ s: String) -> [String] {
        let t = DocumentText(s)
        return Tokenizer.tokenize(t).map { t.text($0) }
    }

    func kinds(_ s: String) -> [Token.Kind] {
        Tokenizer.tokenize(DocumentText(s)).map(\.kind)
    }

    @Test func possessivesAreSplitOffTheName() {
        #expect(toks("Russia’s far east") == ["Russia", "’s", "far", "east"])
        #expect(toks("Germany 's representative") == ["Germany", "'s", "representative"])
        #expect(toks("the countries’ leaders") == ["the", "countries", "’", "leaders"])
        #expect(kinds("Kim Jong Un’s train")[3] == .possessive)
    }

    @Test func wordsKeepInternalHyphensAndApostrophes() {
        #expect(toks("Abu Bakr al-Baghdadi met Jean-Claude") == ["Abu", "Bakr", "al-Baghdadi", "met", "Jean-Claude"])
        #expect(toks("don't we’re O'Brien") == ["don't", "we’re", "O'Brien"])
        #expect(toks("AT&T rose") == ["AT&T", "rose"])
    }

    @Test func abbreviationsTitlesAndInitials() {
        #expect(toks("Mr. Kim met Lt. Col. Smith in the U.S. on Jan. 5") ==
                ["Mr.", "Kim", "met", "Lt.", "Col.", "Smith", "in", "the", "U.S.", "on", "Jan.", "5"])
        #expect(toks("J. R. R. Tolkien") == ["J.", "R.", "R.", "Tolkien"])
        #expect(toks("No. 10 Downing Street") == ["No.", "10", "Downing", "Street"])
        #expect(toks("The answer was no.") == ["The", "answer", "was", "no", "."])
    }

    @Test func numbersAndAmounts() {
        #expect(toks("$1.2bn, 3.5% and 1,000 at 10:30") == ["$", "1.2bn", ",", "3.5", "%", "and", "1,000", "at", "10:30"])
        #expect(kinds("1,000")[0] == .number)
        #expect(toks("the 1990s, 5th place") == ["the", "1990s", ",", "5th", "place"])
    }

    @Test func quotesEllipsesAndDashes() {
        let t = DocumentText("“Yes,” he said... \"No\" -- maybe — ‘fine’")
        let tokens = Tokenizer.tokenize(t)
        #expect(tokens.map { t.text($0) } == ["“", "Yes", ",", "”", "he", "said", "...", "\"", "No", "\"", "--", "maybe", "—", "‘", "fine", "’"])
        #expect(tokens[0].has(.openingQuote) && tokens[3].has(.closingQuote))
        #expect(tokens[7].has(.openingQuote) && tokens[9].has(.closingQuote))
        #expect(tokens[13].has(.openingQuote) && tokens[15].has(.closingQuote))
        #expect(tokens[6].has(.ellipsis) && tokens[10].has(.dash))
    }

    @Test func spacedStraightQuotesAlternate() {
        let t = DocumentText("\" We do n't support it , \" the Commission said .")
        let q = Tokenizer.tokenize(t).filter { $0.kind == .quote }
        #expect(q.count == 2)
        #expect(q[0].has(.openingQuote) && q[1].has(.closingQuote))
    }

    @Test func spansAreCodePointOffsetsWithEmojiAndCombiningMarks() {
        let body = "🇺🇸 Cafe\u{301} “Kim” 👍🏽 said."
        let t = DocumentText(body)
        let tokens = Tokenizer.tokenize(t)
        let texts = tokens.map { t.text($0.span) }
        #expect(texts == ["🇺🇸", "Cafe\u{301}", "“", "Kim", "”", "👍🏽", "said", "."])
        let scalars = Array(body.unicodeScalars)
        for tok in tokens {
            let s = String(String.UnicodeScalarView(scalars[Int(tok.start)..<Int(tok.end)]))
            #expect(s == t.text(tok))
        }
    }

    @Test func capsLineAndFlags() {
        let t = DocumentText("BRUSSELS 1996-08-22\nThe European Commission said.")
        let tokens = Tokenizer.tokenize(t)
        #expect(tokens[0].has(.inCapsLine) && tokens[0].has(.allCaps) && tokens[0].has(.lineInitial))
        #expect(!tokens[2].has(.inCapsLine) && tokens[2].has(.sentenceInitial) && tokens[2].has(.lineInitial))
        #expect(tokens[3].has(.capitalized) && !tokens[3].has(.sentenceInitial))
        #expect(tokens[5].has(.lowercase))
    }
}
