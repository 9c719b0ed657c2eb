import Testing
@testable import NewsKBExtraction

/// The base forms of ``ClaimNormalizer``: ASCII words take a byte path, others the `String`
/// path; both must follow the same rules.
@Suite struct ClaimNormalizerTests {
    func reduce(_ w: String) -> String { ClaimNormalizer.reduce(ClaimLexicon.fold(w), ClaimLexicon.shared) }

    @Test func suffixRules() {
        #expect(reduce("carriages") == "carriag")
        #expect(reduce("persuaded") == "persuad")
        #expect(reduce("stopped") == "stop")
        #expect(reduce("studies") == "studi")
        #expect(reduce("tried") == "tri")
        #expect(reduce("try") == "tri")
        #expect(reduce("boxes") == "box")
        #expect(reduce("classes") == "class")
        #expect(reduce("campus") == "campus")  // `us` keeps its s
        #expect(reduce("sing") == "sing")      // too short for `ing`
        #expect(reduce("red") == "red")
    }

    @Test func possessivesAndApostrophes() {
        #expect(reduce("Russia's") == "russia")
        #expect(reduce("Russia’s") == "russia")   // curly apostrophe folded first
        #expect(reduce("leaders'") == reduce("leaders"))
    }

    @Test func irregularFormsThenSuffixes() {
        #expect(reduce("met") == reduce("meet"))
        #expect(ClaimNormalizer.baseForm("met") == ClaimNormalizer.baseForm("meeting"))
    }

    @Test func nonASCIIWordsKeepTheirForm() {
        // Suffix rules apply to ASCII words only.
        #expect(reduce("cafés") == "cafés")
        #expect(reduce("Naïve's") == "naïve")
        #expect(reduce("Ärzte") == "ärzte")
    }

    @Test func termsAreStopFreeBaseForms() {
        let lex = ClaimLexicon.shared
        #expect(lex.term("the", next: nil).isStop)
        #expect(!lex.term(reduce("carriages"), next: nil).isStop)
        #expect(lex.term(reduce("armored"), next: nil).base == lex.term(reduce("bulletproof"), next: nil).base)
        // Unknown words stand for themselves.
        #expect(lex.term("zzyzx", next: "the") == ("zzyzx", false))
    }
}
