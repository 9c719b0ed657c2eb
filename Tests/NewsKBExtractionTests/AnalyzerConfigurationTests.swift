import Testing
@testable import NewsKBExtraction

/// User configuration (`newskb alias add`, extra gazetteer entries) changes the output.
@Suite struct AnalyzerConfigurationTests {
    let body = "Officials at Qorvelt Dynamics said Vlad had approved the deal. Vladimir Putin spoke later."

    @Test func defaultAnalyzerDoesNotKnowTheInventedName() {
        let a = Analyzer().analyze(body)
        #expect(!a.mentions.contains { $0.text == "Qorvelt Dynamics" && a.entities[$0.entity].type == .product })
    }

    @Test func extraEntryIsRecognisedWithItsType() {
        let config = EntityConfiguration(entries: [.init(name: "Qorvelt Dynamics", type: .product)])
        let a = Analyzer(configuration: config).analyze(body)
        let m = a.mentions.first { $0.text == "Qorvelt Dynamics" }
        #expect(m != nil)
        #expect(m.map { a.entities[$0.entity].type } == .product)
    }

    @Test func userAliasJoinsTheCanonicalEntity() {
        let plain = Analyzer().analyze(body)
        let vladPlain = plain.mentions.first { $0.text == "Vlad" }
        let putinPlain = plain.mentions.first { $0.text == "Vladimir Putin" }
        #expect(vladPlain == nil || vladPlain?.entity != putinPlain?.entity)

        let config = EntityConfiguration(aliases: [.init(alias: "Vlad", canonical: "Vladimir Putin", type: .person)])
        let a = Analyzer(configuration: config).analyze(body)
        let vlad = a.mentions.first { $0.text == "Vlad" }
        let putin = a.mentions.first { $0.text == "Vladimir Putin" }
        #expect(vlad != nil && putin != nil)
        #expect(vlad?.entity == putin?.entity)
        #expect(vlad.map { a.entities[$0.entity].canonicalName } == "Vladimir Putin")
        #expect(vlad.map { a.entities[$0.entity].type } == .person)
    }
}
