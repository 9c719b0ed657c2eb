import Testing
@testable import NewsKB

@Suite struct FullTextQueryTests {
    @Test func wordsArePhrasesAndOperatorsArePlainText() throws {
        #expect(try FullTextQuery.make("artillery ammunition") == #""artillery" "ammunition""#)
        #expect(try FullTextQuery.make(#""state media" OR Kremlin"#) == #""state media" OR "Kremlin""#)
        #expect(try FullTextQuery.make("negotiat*") == #""negotiat" *"#)
        #expect(try FullTextQuery.make("NEAR(a b) col:x ^y") == #""NEAR" "a" "b" "col" "x" "y""#)
        #expect(try FullTextQuery.make("O'Brien") == #""O" "Brien""#)
        #expect(try FullTextQuery.make("“curly phrase”") == #""curly phrase""#)
    }

    @Test func strayQuotesAndDanglingOperatorsGetAClearMessage() {
        for bad in [#"stray "quote"#, "OR Kremlin", "Kremlin OR", "a OR OR b", "  ", "!!!"] {
            #expect(throws: QueryError.self, "\(bad)") { try FullTextQuery.make(bad) }
        }
    }
}
