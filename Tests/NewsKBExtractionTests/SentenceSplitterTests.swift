import Testing
@testable import NewsKBExtraction

@Suite struct SentenceSplitterTests {
    func sents(_ s: String) -> [String] {
        let t = DocumentText(s)
        return SentenceSplitter.split(t).map { t.text($0.span) }
    }

    @Test func titlesAndAbbreviationsDoNotEndSentences() {
        #expect(sents("Mr. Kim met Dr. Lee and Lt. Col. Smith. They spoke.") ==
                ["Mr. Kim met Dr. Lee and Lt. Col. Smith.", "They spoke."])
        #expect(sents("Sen. Warren and Gov. Newsom spoke on Jan. 5 at No. 10 Downing Street.").count == 1)
        #expect(sents("The U.S. Senate voted. Acme Inc. said it agreed.") ==
                ["The U.S. Senate voted.", "Acme Inc. said it agreed."])
    }

    @Test func abbreviationAtSentenceEndBeforeAnOpener() {
        #expect(sents("Troops returned to the U.S. The move was expected.") ==
                ["Troops returned to the U.S.", "The move was expected."])
    }

    @Test func initials() {
        #expect(sents("J. R. R. Tolkien wrote it. George W. Bush read it.") ==
                ["J. R. R. Tolkien wrote it.", "George W. Bush read it."])
    }

    @Test func decimalsAndAmounts() {
        #expect(sents("Profit rose 3.5 percent to $1.2bn. Sales hit 1,000 units.") ==
                ["Profit rose 3.5 percent to $1.2bn.", "Sales hit 1,000 units."])
    }

    @Test func ellipses() {
        #expect(sents("We waited... and waited. Then… Nothing happened.") ==
                ["We waited... and waited.", "Then…", "Nothing happened."])
    }

    @Test func sentenceEndingInsideQuotationMarks() {
        #expect(sents("He said the talks were “important to us.” He added that more would follow.") ==
                ["He said the talks were “important to us.”", "He added that more would follow."])
        #expect(sents("\"Why now?\" he asked. \"Because.\"") == ["\"Why now?\" he asked.", "\"Because.\""])
    }

    @Test func quotationOverSeveralSentences() {
        let s = sents("“We will win. Nobody doubts it. The war is over,” Putin said.")
        #expect(s == ["“We will win.", "Nobody doubts it.", "The war is over,” Putin said."])
    }

    @Test func linesAreBoundariesAndParagraphs() {
        let body = "Kim arrives in Russia\n- Possible arms deal\n\nThe train crossed the border. It was late.\nMoscow welcomed him"
        let t = DocumentText(body)
        let s = SentenceSplitter.split(t)
        #expect(s.map { t.text($0.span) } == ["Kim arrives in Russia", "- Possible arms deal", "The train crossed the border.", "It was late.", "Moscow welcomed him"])
        #expect(s.map(\.paragraph) == [0, 1, 2, 2, 3])
    }

    @Test func curlyAndStraightApostrophes() {
        #expect(sents("Russia’s army didn't stop. Kim's train did.") == ["Russia’s army didn't stop.", "Kim's train did."])
    }

    @Test func tokensKnowTheirSentence() {
        let t = DocumentText("One sentence. Another one here.")
        let toks = Tokenizer.tokenize(t)
        #expect(toks.map(\.sentence) == [0, 0, 0, 1, 1, 1, 1])
        #expect(toks[3].has(.sentenceInitial))
    }

    @Test func emptyAndWhitespace() {
        #expect(sents("").isEmpty)
        #expect(sents("  \n\n \t ").isEmpty)
    }
}
