import Testing
import Foundation
@testable import NewsKB
import NewsKBExtraction

/// Which sources agree and where they conflict, on articles written for these tests: the learned
/// pair decision, event scope, and conflicts that are real.
@Suite(.serialized) struct AgreementTests {
    func doc(_ key: String, _ outlet: String?, _ body: String, published: String = "2026-03-02", title: String? = nil) -> SourceDocument {
        SourceDocument(key: key, title: title, outlet: outlet, published: published, body: body, origin: key)
    }

    func disagreements(_ db: Database) throws -> [(kind: String, document: String, position: String)] {
        try db.rows("SELECT kind, document, position FROM disagreements ORDER BY disagreement, document").map {
            ($0[0].string ?? "", $0[1].string ?? "", $0[2].string ?? "")
        }
    }

    // MARK: The model

    @Test func embeddedModelReadsAndWeighsMeaning() throws {
        let model = AgreementModel.shared
        #expect(model.threshold > 0 && model.threshold < 1)
        #expect(model.corpusThreshold >= model.threshold)
        var f = PairFeatures()
        f.dice = 0.5; f.diceWithQuantities = 0.5; f.sharedKeys = 4; f.lengthRatio = 0.8
        f.cosine = 0.3
        let low = model.probability(f)
        f.cosine = 0.95
        #expect(model.probability(f) > low)
        #expect(PairFeatures.names.count == f.values.count)
    }

    @Test func modelFileErrorsNameTheLine() {
        #expect(throws: AgreementModel.FormatError.self) { try AgreementModel(text: "threshold 0.5\nbias 0\n") }
        #expect(throws: AgreementModel.FormatError.self) { try AgreementModel(text: "threshold x\nbias 0\n") }
        let full = "threshold 0.5\nbias 0\n" + PairFeatures.names.map { "feature \($0) 0 1 0" }.joined(separator: "\n")
        #expect(throws: AgreementModel.FormatError.self) { try AgreementModel(text: full + "\nfeature extra 0 1 0") }
        #expect((try? AgreementModel(text: full))?.probability(PairFeatures()) == 0.5)
    }

    // MARK: Values that can both be true

    @Test func oneOutletsSentenceOnTwoDaysIsTwoFacts() throws {
        // A daily report's sentence that gives no date of its own tells of its own day: one
        // outlet's reports two days or a week apart are two facts, a day apart or in another outlet one.
        let text = "The central bank bought dollars through Tokyo brokers just after the market opened, dealers said."
        // (Each document has a sentence of its own: identical bodies are imported once.)
        func groups(_ docs: [SourceDocument]) throws -> [String] {
            let docs = docs.enumerated().map { i, d in
                var d = d
                d.body += [" Trading in the yen was thin.", " Volume in Tokyo was light."][i % 2]
                return d
            }
            let (_, store) = try importDocs(docs)
            return try store.db.rows("""
                SELECT group_concat(document) FROM (SELECT DISTINCT claim_group, document FROM claim_evidence ORDER BY 1, 2)
                 GROUP BY claim_group
                """).map { $0[0].string ?? "" }
        }
        #expect(try groups([doc("a.txt", "Wire", text, published: "2026-03-02"), doc("b.txt", "Wire", text, published: "2026-03-09")]).isEmpty)
        #expect(try groups([doc("a.txt", "Wire", text, published: "2026-03-02"), doc("b.txt", "Wire", text, published: "2026-03-04")]).isEmpty)
        #expect(try groups([doc("a.txt", "Wire", text, published: "2026-03-02"), doc("b.txt", "Wire", text, published: "2026-03-03")]) == ["a.txt,b.txt"])
        #expect(try groups([doc("a.txt", "Wire", text, published: "2026-03-02"), doc("b.txt", "Gazette", text, published: "2026-03-09")]) == ["a.txt,b.txt"])
        // A claim that dates itself is judged by its date.
        let dated = "The central bank bought dollars through Tokyo brokers on March 2, dealers said."
        #expect(try groups([doc("a.txt", "Wire", dated, published: "2026-03-02"), doc("b.txt", "Wire", dated, published: "2026-03-09")]) == ["a.txt,b.txt"])
    }

    @Test func roundingAndConversionsAreNotConflicts() {
        #expect(DisagreementFinder.compatible(6.2, 6))          // "6.2 miles" and "6 miles"
        #expect(DisagreementFinder.compatible(1_470_000, 1_500_000))
        #expect(DisagreementFinder.compatible(59.5, 59))         // 37 mph and 59 km/h
        #expect(!DisagreementFinder.compatible(300, 923))
        #expect(!DisagreementFinder.compatible(100, 120))        // a round 100 is not 120
        #expect(!DisagreementFinder.compatible(12, 30))
    }

    // MARK: Agreement

    static let floodA = """
        Floods swept through the river town of Kestrel on Tuesday after three days of heavy rain.
        The Interior Ministry said the floods had destroyed the main bridge over the Varna river near Kestrel.
        Rescue teams from the Lorne region evacuated hundreds of families from low-lying streets.
        """
    static let floodB = """
        Rescuers in Kestrel worked through the night on Tuesday as the Varna river burst its banks.
        Flooding wrecked the principal bridge across the Varna river close to Kestrel, the Interior Ministry said.
        Hundreds of families were moved out of low-lying streets by teams from the Lorne region.
        """

    @Test func aParaphraseInOtherWordsGroups() throws {
        let (_, store) = try importDocs([doc("a.txt", "Alpha", Self.floodA), doc("b.txt", "Beta", Self.floodB)])
        #expect(try groupDocuments(store.db, containing: "destroyed the main bridge") == ["a.txt", "b.txt"])
        // The group says why: the model's probability and what both state.
        let reason = try store.db.scalar("""
            SELECT a.reason FROM claim_agreement a JOIN claim_evidence e ON e.claim_group = a.claim_group
             WHERE e.text LIKE '%destroyed the main bridge%'
            """)?.string ?? ""
        #expect(reason.hasPrefix("probability 0.") && reason.contains("bridg"), "\(reason)")
    }

    @Test func aTemplateAboutDifferentDealsDoesNotGroup() throws {
        let a = """
            Castell Group agreed to buy the dairy maker Norland Foods for cash, the companies said on Monday.
            Terms of the acquisition were not disclosed.
            Norland Foods runs four plants in the north of the country.
            """
        let b = """
            Ardent Holdings agreed to acquire the textile firm Brightwater Mills, the buyer said on Thursday.
            Terms of the acquisition were not disclosed.
            Brightwater Mills employs about 900 people at its two sites.
            """
        let (_, store) = try importDocs([doc("a.txt", "Wire", a, published: "2026-03-02"), doc("b.txt", "Wire", b, published: "2026-03-05")])
        #expect(try groupDocuments(store.db, containing: "Terms of the acquisition") == [])
    }

    @Test func datesAreComparedAsFarAsBothGiveThem() {
        func d(_ key: String) -> Int32 { ClaimGrouper.packedDate(ofKey: key) ?? -1 }
        #expect(ClaimGrouper.compatibleDates(d("d:2004"), d("d:2004-04")))
        #expect(ClaimGrouper.compatibleDates(d("d:month:04"), d("d:2004-04-11")))
        #expect(ClaimGrouper.compatibleDates(d("d:weekday:5"), d("d:2004-04-11")))   // a weekday is not checked against a day
        #expect(!ClaimGrouper.compatibleDates(d("d:2004-04-11"), d("d:2004-04-15")))
        #expect(!ClaimGrouper.compatibleDates(d("d:1986-06"), d("d:1987-01")))
        #expect(!ClaimGrouper.compatibleDates(d("d:month:12"), d("d:month:09")))
        #expect(!ClaimGrouper.compatibleDates(d("d:weekday:1"), d("d:weekday:5")))
        #expect(ClaimGrouper.packedDate(ofKey: "d:relative:-1") == nil)  // yesterday of an unknown day
        #expect(ClaimGrouper.packedDate(ofKey: "payment") == nil)
        // A date is stored with its coarser forms: the most precise stands for them.
        #expect(ClaimGrouper.refines(d("d:1987-05-11"), d("d:1987")) && ClaimGrouper.refines(d("d:1987-05-11"), d("d:1987-05")))
        #expect(!ClaimGrouper.refines(d("d:1987-05"), d("d:1987-05")) && !ClaimGrouper.refines(d("d:1987-05"), d("d:1987-05-11")))
    }

    @Test func aTemplateNamingOneCompanyDoesNotGroupWithAnotherCompanys() throws {
        // One claim names its company, the other takes it from its document: two companies.
        let a = """
            Quarry Hill Corp said it filed to offer 50 mln dlrs of convertible debentures.
            Proceeds will be used to repay bank borrowings and for general corporate purposes.
            """
        let b = """
            Lindqvist Marine Inc filed for a public offering of two mln common shares.
            Lindqvist Marine will use the proceeds to repay bank borrowings and for general corporate purposes.
            """
        let (_, store) = try importDocs([doc("a.txt", "Wire", a, published: "1987-04-06"), doc("b.txt", "Wire", b, published: "1987-04-07")])
        #expect(try groupDocuments(store.db, containing: "repay bank borrowings") == [])
    }

    @Test func oneSentenceOnTwoDaysDoesNotGroup() throws {
        // One company, two dates: two meetings (or a disagreement over the date), not one fact.
        let a = """
            Sardis Textile Corp said its board will meet on May 11 to consider a two-for-one stock split.
            Sardis Textile shares rose on the news in heavy trading.
            """
        let b = """
            Sardis Textile Corp said its board will meet on May 25 to consider a two-for-one stock split.
            The company makes cotton yarn at three mills.
            """
        let (_, store) = try importDocs([doc("a.txt", "Alpha", a, published: "1987-04-06"), doc("b.txt", "Beta", b, published: "1987-04-08")])
        #expect(try groupDocuments(store.db, containing: "its board will meet on May") == [])
    }

    @Test func claimsThatEachGiveAnotherDateDoNotGroup() throws {
        // One record date in common, two payment dates: two dividends, not one fact. A claim that
        // only leaves a date out still groups.
        func body(_ sentence: String) -> String {
            "Sardis Textile Corp said on Monday \(sentence)\nThe company makes cotton yarn at three mills in Georgia."
        }
        let a = body("its quarterly dividend of 15 cts a share will be paid on April 30 to holders of record on April 3.")
        let b = body("its quarterly dividend of 15 cts a share will be paid on April 28 to holders of record on April 3.")
        let c = body("its quarterly dividend of 15 cts a share will be paid on April 30.")
        let (_, two) = try importDocs([doc("a.txt", "Alpha", a, published: "1987-03-16"), doc("b.txt", "Beta", b, published: "1987-03-16")])
        #expect(try groupDocuments(two.db, containing: "quarterly dividend") == [])
        let (_, one) = try importDocs([doc("a.txt", "Alpha", a, published: "1987-03-16"), doc("c.txt", "Gamma", c, published: "1987-03-16")])
        #expect(try groupDocuments(one.db, containing: "quarterly dividend") == ["a.txt", "c.txt"])
    }

    @Test func oneFactWithItsDateWrittenTwoWaysGroups() throws {
        // `last August`, in March 1987, is August 1986, as `in August 1986` says.
        let a = """
            Talbot Chemical Corp said it will sell 40 mln dlrs of notes.
            Proceeds will be used to repay bank debt incurred in the acquisition of Carrow Plastics Inc last August.
            """
        let b = """
            Talbot Chemical Corp filed to offer 40 mln dlrs of notes, it said on Friday.
            The proceeds will repay bank debt incurred in the acquisition of Carrow Plastics Inc in August 1986.
            """
        let (_, store) = try importDocs([doc("a.txt", "Alpha", a, published: "1987-03-16"), doc("b.txt", "Beta", b, published: "1987-03-20")])
        #expect(try groupDocuments(store.db, containing: "acquisition of Carrow Plastics") == ["a.txt", "b.txt"])
    }

    @Test func amountsThatDifferDoNotGroup() throws {
        let a = "Shares of Norland Foods rose 70 cents to 23.90 dlrs in heavy trading on Monday, dealers said."
        let b = "Shares of Norland Foods fell 23 cents to 23.83 dlrs in heavy trading on Monday, dealers said."
        let (_, store) = try importDocs([doc("a.txt", "Alpha", a), doc("b.txt", "Beta", b)])
        #expect(try groupDocuments(store.db, containing: "Shares of Norland Foods") == [])
    }

    // MARK: Conflicts

    static func blast(_ injured: String) -> String {
        """
        An explosion tore through the Delmont chemical plant outside Marwick on Monday morning.
        Police in Marwick said \(injured) people were injured in the explosion at the Delmont chemical plant.
        Firefighters from Marwick and Tolley fought the blaze for six hours before it was under control.
        """
    }

    @Test func twoSourcesGivingDifferentCountsOfOneFactConflict() throws {
        let (_, store) = try importDocs([doc("a.txt", "Alpha", Self.blast("12")), doc("b.txt", "Beta", Self.blast("30"))])
        let found = try disagreements(store.db)
        #expect(found.contains { $0.kind == "numeric" && $0.document == "a.txt" && $0.position.contains("12") }, "\(found)")
        #expect(found.contains { $0.kind == "numeric" && $0.document == "b.txt" && $0.position.contains("30") }, "\(found)")
        // It says why: the same quantity, the two values.
        let reason = try store.db.scalar("SELECT reason FROM disagreements WHERE kind = 'numeric'")?.string ?? ""
        #expect(reason.contains("same quantity") && reason.contains("12") && reason.contains("30"), "\(reason)")
    }

    @Test func aFigureThatMayBeSoDoesNotContradictOneReported() throws {
        // Control: the two counts reported conflict (above); a count that may be so does not.
        let may = Self.blast("12").replacingOccurrences(of: "people were injured", with: "people may have been injured")
        let (_, store) = try importDocs([doc("a.txt", "Alpha", may), doc("b.txt", "Beta", Self.blast("30"))])
        let found = try disagreements(store.db)
        #expect(found.filter { $0.kind == "numeric" }.isEmpty, "\(found)")
    }

    /// A denial, and the same proposition asserted or reported as a guess.
    static func contract(_ first: String) -> [String] {
        ["""
        The harbour board of Marwick met on Monday to review the dredging contract for the old port.
        \(first)
        The board will publish its minutes on Friday.
        """, """
        The harbour board of Marwick met on Monday to review the dredging contract for the old port.
        The harbour board never awarded the dredging contract to Norvik Dredging, its chairman said on Monday.
        The board will publish its minutes on Friday.
        """]
    }

    @Test func aDenialDoesNotContradictAGuess() throws {
        let asserted = Self.contract("The harbour board awarded the dredging contract to Norvik Dredging, a port official said on Monday.")
        let (_, control) = try importDocs([doc("a.txt", "Alpha", asserted[0]), doc("b.txt", "Beta", asserted[1])])
        let conflicts = try disagreements(control.db)
        #expect(conflicts.contains { $0.kind == "negation" }, "\(conflicts)")
        let guessed = Self.contract("Many in Marwick have speculated that the harbour board awarded the dredging contract to Norvik Dredging.")
        let (_, store) = try importDocs([doc("a.txt", "Alpha", guessed[0]), doc("b.txt", "Beta", guessed[1])])
        let found = try disagreements(store.db)
        #expect(found.filter { $0.kind == "negation" }.isEmpty, "\(found)")
    }

    @Test func oneOutletUpdatingItsOwnCountIsNotADisagreement() throws {
        let (_, store) = try importDocs([doc("a.txt", "Alpha", Self.blast("12")), doc("b.txt", "Alpha", Self.blast("30"))])
        #expect(try disagreements(store.db).isEmpty)
    }

    @Test func roundedFiguresDoNotConflict() throws {
        let (_, store) = try importDocs([doc("a.txt", "Alpha", Self.blast("about 100")), doc("b.txt", "Beta", Self.blast("103"))])
        #expect(try disagreements(store.db).filter { $0.kind == "numeric" }.isEmpty)
    }

    @Test func numbersOfDifferentCompaniesDoNotConflict() throws {
        let a = """
            Norland Foods said on Monday its quarterly profit rose to 15 mln dlrs on higher dairy sales.
            The company also raised its dividend.
            """
        let b = """
            Castell Group said on Monday its quarterly profit rose to 26 mln dlrs on higher dairy sales.
            The company also raised its dividend.
            """
        let (_, store) = try importDocs([doc("a.txt", "Alpha", a), doc("b.txt", "Beta", b)])
        #expect(try disagreements(store.db).isEmpty)
    }

    @Test func twoMeetingsWithOtherParticipantsAreNotAConflictOfPlace() throws {
        let a = """
            President Halvard met Prime Minister Osei in Brussels on Friday to discuss the trade pact.
            The two leaders agreed to meet again next month.
            """
        let b = """
            President Halvard met Chancellor Brandt in Geneva on Friday to discuss the trade pact.
            The two leaders agreed to meet again next month.
            """
        let (_, store) = try importDocs([doc("a.txt", "Alpha", a), doc("b.txt", "Beta", b)])
        #expect(try disagreements(store.db).filter { $0.kind == "place" }.isEmpty)
    }
}
