import Testing
@testable import NewsKBExtraction

/// In-document coreference: aliases resolve to the fullest name, different things never merge.
@Suite struct CoreferenceTests {
    func entity(_ a: DocumentAnalysis, containing text: String) -> DocumentEntity? {
        guard let m = a.mentions.first(where: { $0.text == text }) else { return nil }
        return a.entities[m.entity]
    }

    func entityIndex(_ a: DocumentAnalysis, _ text: String, occurrence: Int = 0) -> Int? {
        let ms = a.mentions.filter { $0.text == text }
        return occurrence < ms.count ? ms[occurrence].entity : nil
    }

    @Test func shortFormsAndHonorificsResolveToTheFullestName() {
        let a = Analyzer().analyze("""
            North Korean leader Kim Jong Un arrived in Russia on Tuesday.
            Mr. Kim was greeted by officials. Later, Mr Kim boarded his train, and Kim waved.
            """)
        let e = entity(a, containing: "Kim Jong Un")
        #expect(e?.canonicalName == "Kim Jong Un")
        #expect(e?.type == .person)
        #expect(e?.aliases == ["Kim"])
        #expect(e?.roles.contains("North Korean leader") == true)
        let kims = a.mentions.filter { $0.text == "Kim" || $0.text == "Kim Jong Un" }
        #expect(kims.count == 4)
        #expect(Set(kims.map(\.entity)).count == 1)
    }

    @Test func surnameJoinsWesternFullName() {
        let a = Analyzer().analyze("Russian President Vladimir Putin hosted the forum. Putin said the talks were useful.")
        #expect(entityIndex(a, "Putin") == entityIndex(a, "Vladimir Putin"))
        #expect(entity(a, containing: "Putin")?.canonicalName == "Vladimir Putin")
        #expect(entity(a, containing: "Putin")?.roles == ["Russian President"])
    }

    @Test func ambiguousShortFormGoesToTheNearestPrecedingFullName() {
        let a = Analyzer().analyze("""
            Kim Jong Un arrived in Moscow on Monday.
            His sister Kim Yo Jong stayed in Pyongyang.
            Kim said the visit would be short.
            """)
        let un = entityIndex(a, "Kim Jong Un"), yo = entityIndex(a, "Kim Yo Jong")
        #expect(un != nil && yo != nil && un != yo)
        #expect(entityIndex(a, "Kim") == yo)
    }

    @Test func differentThingsNeverMerge() {
        let a = Analyzer().analyze("""
            Pyongyang said North Korea would respond. The Kremlin said Russia was ready.
            Moscow and Pyongyang signed a deal, and the Kremlin welcomed it.
            """)
        let ids = ["Pyongyang", "North Korea", "Kremlin", "Russia", "Moscow"].map { entityIndex(a, $0) }
        #expect(!ids.contains(nil))
        #expect(Set(ids.compactMap { $0 }).count == 5)
        #expect(entity(a, containing: "Kremlin")?.type == .org)
        #expect(entity(a, containing: "Russia")?.type == .gpe)
        #expect(entityIndex(a, "Pyongyang", occurrence: 1) == entityIndex(a, "Pyongyang"))
    }

    @Test func acronymsAndGazetteerAliases() {
        let a = Analyzer().analyze("""
            The Korean Central News Agency reported the visit. KCNA said the leaders met.
            Officials in the United States were worried, and a U.S. envoy said so.
            """)
        #expect(entityIndex(a, "KCNA") == entityIndex(a, "Korean Central News Agency"))
        #expect(entity(a, containing: "KCNA")?.canonicalName == "Korean Central News Agency")
        #expect(entityIndex(a, "U.S.") == entityIndex(a, "United States"))
        #expect(entity(a, containing: "U.S.")?.knownName == "United States")
    }

    @Test func rolesFromTitlesAndAppositions() {
        let a = Analyzer().analyze("""
            Kremlin spokesman Dmitry Peskov declined to comment.
            John Kirby, National Security Council spokesman, said the talks were advancing.
            Russia’s Defence Minister Sergei Shoigu visited in July.
            """)
        #expect(entity(a, containing: "Dmitry Peskov")?.roles == ["Kremlin spokesman"])
        #expect(entity(a, containing: "John Kirby")?.roles == ["National Security Council spokesman"])
        #expect(entity(a, containing: "Sergei Shoigu")?.roles == ["Defence Minister"])
        #expect(entity(a, containing: "Kremlin")?.type == .org)
    }
}
