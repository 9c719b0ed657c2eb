import Foundation
import Testing
@testable import NewsKBExtraction

/// The learned attribution tagger: the Swift inference against the training script, and what it
/// adds to the rules, on sentences written for these tests.
struct AttributionModelTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/attribution")

    static func lines(_ name: String) throws -> [String] {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            .split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty }
    }

    @Test func theSwiftTaggerGivesTheScriptsTags() throws {
        let sentences = try Self.lines("attribution-sentences.txt")
        let expected = try Self.lines("attribution-tags.txt")
        #expect(sentences.count == expected.count, "re-run scripts/train-attribution.py --fixture-only")
        for (s, e) in zip(sentences, expected) {
            #expect(StatementExtractor.attributionTags(s).joined(separator: " ") == e, "\(s)")
        }
        // the fixture is not all O: the model marks something in most sentences
        #expect(expected.filter { $0.contains("B-C") }.count >= expected.count / 2)
    }
}

/// What the extractor (rules and tagger together) finds in reported speech without quote marks:
/// each cue family, frames, two speakers, content across a clause boundary. Sentences written for
/// these tests.
struct ReportedSpeechTests {
    func expectStatement(_ body: String, content: String, cue: String, speaker: String,
                         sourceLocation: SourceLocation = #_sourceLocation) {
        let rows = said(body)
        let row = rows.first { $0.content == content }
        #expect(row != nil, "no statement with content \(content) in \(rows)", sourceLocation: sourceLocation)
        #expect(row?.cue == cue, "\(rows)", sourceLocation: sourceLocation)
        #expect(row?.speaker == speaker, "\(rows)", sourceLocation: sourceLocation)
        #expect(row?.kind == .indirect, sourceLocation: sourceLocation)
    }

    @Test func aSpeechVerbWithItsContentAfter() {
        expectStatement("The port authority said the new cranes would double the number of containers handled each day.",
                        content: "the new cranes would double the number of containers handled each day",
                        cue: "said", speaker: "The port authority")
    }

    @Test func contentBeforeTheReportingClause() {
        expectStatement("Farmers in the delta fear the drought will ruin this year's rice harvest, an agronomist told the radio station.",
                        content: "Farmers in the delta fear the drought will ruin this year's rice harvest",
                        cue: "told", speaker: "an agronomist")
    }

    @Test func accordingTo() {
        expectStatement("According to the transport ministry, the rail line will reopen in September.",
                        content: "the rail line will reopen in September", cue: "According to", speaker: "the transport ministry")
    }

    @Test func aFindingAsEvidence() {
        expectStatement("A new survey shows most commuters would pay more for a faster bus service.",
                        content: "most commuters would pay more for a faster bus service", cue: "shows", speaker: "A new survey")
    }

    @Test func aBelief() {
        expectStatement("The fire chief believes the blaze started in a kitchen on the second floor.",
                        content: "the blaze started in a kitchen on the second floor", cue: "believes", speaker: "The fire chief")
    }

    @Test func contentThatRunsOverAClauseBoundary() {
        expectStatement("The museum will close for a year while the roof is repaired, its director announced on Tuesday.",
                        content: "The museum will close for a year while the roof is repaired", cue: "announced", speaker: "its director")
    }

    @Test func aColonAfterTheReportingClause() {
        expectStatement("The council's plan is clear, a spokeswoman said: the old market will be rebuilt.",
                        content: "the old market will be rebuilt", cue: "said", speaker: "a spokeswoman")
    }

    @Test func aReportingClauseBetweenDashes() {
        let rows = said("The verdict — the judge wrote — leaves the company liable for the clean-up.")
        let row = rows.first { $0.cue == "wrote" }
        #expect(row?.speaker == "the judge", "\(rows)")
        #expect(row?.content.contains("leaves the company liable for the clean-up") == true, "\(rows)")
    }

    @Test func twoSpeakersInOneSentenceKeepTheirOwnWords() {
        let body = "Local officials insist the water is safe to drink, although residents say it smells of chlorine."
        expectStatement(body, content: "the water is safe to drink", cue: "insist", speaker: "Local officials")
        expectStatement(body, content: "it smells of chlorine", cue: "say", speaker: "residents")
        let other = "Doctors at the clinic said the vaccine had been given to four hundred children, while the ministry said the figure was closer to two hundred."
        expectStatement(other, content: "the vaccine had been given to four hundred children", cue: "said", speaker: "Doctors at the clinic")
        expectStatement(other, content: "the figure was closer to two hundred", cue: "said", speaker: "the ministry")
    }

    @Test func aSentenceThatReportsNothingHasNoStatement() {
        #expect(said("The ferry leaves the harbour at seven and returns after dark.").isEmpty)
        #expect(said("Rain fell on the valley for three days, and the river rose above its banks.").isEmpty)
    }
}

/// A quotation signed after a dash at the end of its paragraph, as in a list of readers' words.
struct BylineTests {
    @Test func aNameAfterADashAtTheEndOfTheParagraphSignsTheQuotation() {
        let body = "Readers wrote to us about the closure.\n\n“The library was the only quiet place in town.” ― Marta Oyelaran\n\n“Nobody asked the people who use it.” ― Devin Castellano\n"
        let rows = said(body)
        #expect(rows.first { $0.content.hasPrefix("The library was") }?.speaker == "Marta Oyelaran", "\(rows)")
        #expect(rows.first { $0.content.hasPrefix("Nobody asked") }?.speaker == "Devin Castellano", "\(rows)")
    }

    @Test func aDashFollowedByMoreThanANameIsNoByline() {
        let body = "“The library was the only quiet place in town” — Marta Oyelaran told the council on Monday, before the vote.\n"
        let rows = said(body)
        let row = rows.first { $0.content.hasPrefix("The library was") }
        #expect(row?.cue == "told", "\(rows)")
    }
}
