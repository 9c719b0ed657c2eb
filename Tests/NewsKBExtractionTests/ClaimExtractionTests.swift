import Testing
@testable import NewsKBExtraction

@Suite struct ClaimExtractionTests {
    func claims(_ text: String) -> [Claim] { Analyzer().analyze(text).claims }

    func quantities(_ text: String) -> [(Double, String)] {
        claims(text).flatMap(\.quantities).map { ($0.value, $0.unit) }
    }

    /// Number and unit normalization: (sentence, value in canonical unit, canonical unit).
    static let numberCases: [(String, Double, String)] = [
        ("The train can only travel at 37 mph on that line.", 59.546, "km/h"),
        ("The train can only travel at 37mph on that line.", 59.546, "km/h"),
        ("The train can only travel at 59 km/h on that line.", 59, "km/h"),
        ("It can only travel at approximately 59 kilometers per hour.", 59, "km/h"),
        ("It can only travel at 37 miles per hour at best.", 59.546, "km/h"),
        ("The spaceport lies approximately 1,000 kilometres from the city.", 1000, "km"),
        ("The new bridge is 620 metres long and opened today.", 620, "m"),
        ("Russia may need 122mm shells for its howitzers.", 122, "mm"),
        ("Unemployment rose to 12 percent last year in the region.", 12, "%"),
        ("Unemployment rose to 12% last year in the region.", 12, "%"),
        ("Unemployment rose to 12 per cent last year in the region.", 12, "%"),
        ("The company paid $1.2 billion for the mine in Chile.", 1.2e9, "USD"),
        ("The company paid $1.2bn for the mine in Chile.", 1.2e9, "USD"),
        ("The club paid €5m for the young striker.", 5e6, "EUR"),
        ("The club paid 5 million euros for the young striker.", 5e6, "EUR"),
        ("Officials said 3,500 tonnes of grain had left the port.", 3.5e6, "kg"),
        // Wire-service abbreviations and fractions.
        ("The bank raised its prime rate to 7-3/4 pct from 7-1/2 pct.", 7.75, "%"),
        ("The selling concession on the new notes is 5/8 pct.", 0.625, "%"),
        ("The mill sold the plant for 12 mln dlrs last month.", 1.2e7, "USD"),
        ("The board declared a quarterly dividend of 26 cts a share.", 0.26, "USD"),
    ]

    @Test func datesAndOddFractionsAreNotFractions() {
        // An improper fraction (a date written 25/12) and a third number are not amounts.
        #expect(!quantities("Output at the mill fell 25/12 pct in the year.").contains { $0.1 == "%" })
        #expect(!quantities("The code 1-2/3/4 pct appears in the filing.").contains { $0.1 == "%" })
    }

    @Test(arguments: 0..<numberCases.count) func numbersAndUnitsAreNormalized(_ i: Int) {
        let (text, value, unit) = Self.numberCases[i]
        let qs = quantities(text)
        #expect(qs.contains { $0.1 == unit && abs($0.0 - value) <= 0.01 * value }, "\(text) → \(qs)")
    }

    @Test func hugeAndOddValuesStillHaveAKey() {
        // Numbers beyond Int64 (a garbled "1e30 dollars", a string of digits) must not trap.
        for v in [1e30, -4.2e19, 9.3e18, .infinity, 123_456_789_012_345_678_901.0, 0.000001] {
            let q = Quantity(value: v, unit: "USD", span: TextSpan(0, 1))
            #expect(q.key.hasSuffix(" USD"), "\(v)")
        }
        let claims = self.claims("The fund holds 99999999999999999999999999 dollars, 1e30 euros and 340282366920938463463374607431768211456 yen.")
        #expect(claims.flatMap(\.quantities).allSatisfy { !$0.key.isEmpty })
    }

    @Test func numberWordsAreCounts() {
        let a = claims("His train includes at least twenty bulletproof carriages, officials believe.").flatMap(\.quantities)
        #expect(a.contains { $0.value == 20 && $0.unit == "" && $0.noun == ClaimNormalizer.baseForm("carriages") })
        let b = claims("The ministry confirmed that twenty-five soldiers were wounded.").flatMap(\.quantities)
        #expect(b.contains { $0.value == 25 && $0.unit == "" })
    }

    @Test func theCountedNounStopsAtTheVerbAndTheTime() {
        // The noun of a count is the head of the words after it, not the verb or the time that
        // follows: `the attacks killed`, `people fleeing`, `barrels last month`.
        func nouns(_ text: String) -> [String] { claims(text).flatMap(\.quantities).filter { $0.unit.isEmpty }.map(\.noun) }
        #expect(nouns("Four rockets killed the soldiers at dawn.") == [ClaimNormalizer.baseForm("rockets")])
        #expect(nouns("Rescuers said twelve families fleeing the flood reached the town.") == [ClaimNormalizer.baseForm("families")])
        #expect(nouns("The refinery shipped 40,000 barrels last week to the coast.") == [ClaimNormalizer.baseForm("barrels")])
        #expect(nouns("The rally drew 200 students demanding cheaper fares.") == [ClaimNormalizer.baseForm("students")])
        // A past form may still open the noun: `armoured vehicles`.
        #expect(nouns("The column had 14 armoured trucks on the road.") == [ClaimNormalizer.baseForm("trucks")])
    }

    @Test func quartersAndHalvesArePeriods() {
        // `the third quarter`, `4th qtr`, `first half`: the period is a measure, so that two
        // periods of one template differ; `a quarter of` stays a fraction.
        func periods(_ text: String) -> [String] {
            claims(text).flatMap(\.quantities).filter { $0.unit == "quarter" || $0.unit == "half" }.map { "\(Int($0.value)) \($0.unit)" }
        }
        #expect(periods("The merger is expected to close in the third quarter, the bank said.") == ["3 quarter"])
        #expect(periods("Net profit for the 4th qtr rose to 12 mln dlrs.") == ["4 quarter"])
        #expect(periods("Sales in the first fiscal half fell 3 pct.") == ["1 half"])
        #expect(periods("A quarter of the shares were sold to a fund.").isEmpty)
        #expect(periods("The horse finished second in the race.").isEmpty)
    }

    @Test func monthAbbreviationsAndEventNamesAreNotCounts() {
        // `Sept. 11` is a date, not eleven hijackers; `9/11` and `7/7` are names, not fractions.
        let a = claims("Most of the Sept. 11 hijackers had entered on student visas, the report found.")
        #expect(!a.flatMap(\.quantities).contains { $0.value == 11 })
        #expect(a.flatMap(\.dates).contains { $0.month == 9 && $0.day == 11 })
        #expect(claims("Relatives of 9/11 victims welcomed the vote in the Senate.").flatMap(\.quantities).isEmpty)
        #expect(claims("The 7/7 inquiry heard from the rail staff.").flatMap(\.quantities).isEmpty)
        #expect(claims("The two leaders met on Oct. 3 in the capital.").flatMap(\.dates).contains { $0.month == 10 && $0.day == 3 })
        // Fractions written with a slash keep their value.
        #expect(quantities("Shares rose 1/2 point and the bond 15/16.").contains { abs($0.0 - 0.9375) < 1e-9 })
    }

    @Test func unitsConvertSoTheSameAmountMatches() {
        let mph = Quantity(value: 37 * 1.609344, unit: "km/h", span: TextSpan(0, 0))
        let kmh = Quantity(value: 59, unit: "km/h", span: TextSpan(0, 0))
        #expect(mph.matches(kmh))
        #expect(!mph.matches(Quantity(value: 80, unit: "km/h", span: TextSpan(0, 0))))
        #expect(!mph.matches(Quantity(value: 59, unit: "km", span: TextSpan(0, 0))))
    }

    @Test func yearsAreDatesNotQuantities() {
        let c = claims("Mr. Kim's last trip abroad was to Vladivostok in 2019 for a summit.")
        #expect(c.flatMap(\.quantities).isEmpty)
        #expect(c.flatMap(\.dates).contains { $0.year == 2019 })
    }

    @Test func datesResolveAgainstThePublicationDate() {
        let c = claims("The two leaders met on Tuesday in the border town, state media said.")
        let d = c.flatMap(\.dates).first { $0.weekday != nil }
        #expect(d != nil)
        // 2023-09-14 is a Thursday: "Tuesday" is 2023-09-12.
        #expect(d?.resolved(publishedOn: "2023-09-14") == "2023-09-12")
        #expect(d?.resolved(publishedOn: nil) == "weekday:2")
        let m = claims("The talks began on September 5, 2022 in the capital.").flatMap(\.dates)
        #expect(m.contains { $0.resolved(publishedOn: nil) == "2022-09-05" })
        // A month without a year: the last such month on or before publication in a claim about the
        // past, the coming one in a claim about the future, else the publication year's.
        let past = claims("The company bought the plant in August from a rival group.").flatMap(\.dates).first { $0.month == 8 }
        #expect(past?.resolved(publishedOn: "1987-03-20") == "1986-08")
        #expect(past?.resolved(publishedOn: "1987-10-02") == "1987-08")
        #expect(past?.resolved(publishedOn: nil) == "month:08")
        let coming = claims("The board will meet in February to vote on the merger.").flatMap(\.dates).first { $0.month == 2 }
        #expect(coming?.resolved(publishedOn: "1987-11-20") == "1988-02")
        let last = claims("Proceeds will repay debt incurred in the purchase of the mill last August.").flatMap(\.dates).first { $0.month == 8 }
        #expect(last?.resolved(publishedOn: "1987-03-20") == "1986-08")
        let present = claims("Grain shipments from the port are heavy in August, traders say.").flatMap(\.dates).first { $0.month == 8 }
        #expect(present?.resolved(publishedOn: "1987-03-20") == "1987-08")
        #expect(CivilDate(year: 2023, month: 9, day: 12).weekday == 2)
        #expect(CivilDate.parse("26-MAR-1987 14:42:44.66") == CivilDate(year: 1987, month: 3, day: 26))
        #expect(CivilDate.parse("2010-07-02") == CivilDate(year: 2010, month: 7, day: 2))
        #expect(CivilDate.parse("yesterday") == nil)
        #expect(CivilDate(dayNumber: CivilDate(year: 2024, month: 2, day: 29).dayNumber).string == "2024-02-29")
    }

    @Test func publicationDatesAreReadAsFeedsAndArchivesWriteThem() {
        let day = CivilDate(year: 2023, month: 9, day: 13)
        for s in ["2023-09-13", "2023-09-13T22:15:00-07:00", "2023/09/13", "13-SEP-2023 10:00:01.50",
                  "Wed, 13 Sep 2023 22:15:00 -0700", "Wednesday, 13 September 2023", "13 September 2023",
                  "September 13, 2023", "Sept. 13, 2023", "Sep 13 2023 10:00", "September 13th, 2023"] {
            #expect(CivilDate.parse(s) == day, "\(s)")
        }
        // Which of day and month comes first cannot be told; a day the month lacks; words.
        for s in ["09/13/2023", "13.09.2023", "31 September 2023", "29-FEB-2023", "Feb 30, 2024", "May 2023",
                  "last Wednesday", "Mayday 13 2023", ""] {
            #expect(CivilDate.parse(s) == nil, "\(s)")
        }
        #expect(CivilDate.parse("29-FEB-2024") == CivilDate(year: 2024, month: 2, day: 29))
        #expect(CivilDate.parse("Sun, 1 Mar 1987 01:30:29 GMT") == CivilDate(year: 1987, month: 3, day: 1))
    }

    @Test func synonymsAndInflectionsShareABaseForm() {
        #expect(ClaimNormalizer.baseForm("armored") == ClaimNormalizer.baseForm("bulletproof"))
        #expect(ClaimNormalizer.baseForm("persuaded") == ClaimNormalizer.baseForm("convince"))
        #expect(ClaimNormalizer.baseForm("carriages") == ClaimNormalizer.baseForm("carriage"))
        #expect(ClaimNormalizer.baseForm("met") == ClaimNormalizer.baseForm("meeting"))
        #expect(ClaimNormalizer.baseForm("attempted") == ClaimNormalizer.baseForm("tried"))
        #expect(ClaimNormalizer.baseForm("carriage") != ClaimNormalizer.baseForm("carrier"))
    }

    @Test func paraphrasesShareMostTerms() {
        let a = Set(claims("Mr. Kim’s train is rumored to include at least 20 heavy bulletproof carriages.").flatMap(\.terms))
        let b = Set(claims("It is rumored that his train includes at least twenty armored carriages.").flatMap(\.terms))
        let shared = a.intersection(b)
        #expect(shared.count >= 4, "\(a) / \(b)")
        #expect(shared.contains(ClaimNormalizer.baseForm("armored")))
    }

    @Test func negationIsMarked() {
        #expect(claims("Both sides have denied the reports about the deal.").first?.negated == true)
        #expect(claims("The Kremlin has not confirmed the meeting with the envoy.").first?.negated == true)
        #expect(claims("The Kremlin has confirmed the meeting with the envoy.").first?.negated == false)
    }

    func terms(_ text: String) -> Set<String> { Set(claims(text).flatMap(\.terms)) }
    func denied(_ word: String) -> String { ClaimExtractor.negatedTermPrefix + ClaimNormalizer.baseForm(word) }

    @Test func negationMarksTheTermsItDenies() {
        // The scope runs from the negation to the end of its clause; the subject stays plain.
        let t = terms("Mexico will not pay for the wall, and its markets rallied on the news.")
        #expect(t.isSuperset(of: [denied("pay"), denied("wall")]), "\(t)")
        #expect(!t.contains(denied("markets")) && t.contains(ClaimNormalizer.baseForm("markets")))
        // An entity inside the scope is denied as an entity key.
        let e = terms("The army never shelled the children’s hospital in Kharkiv during the night.")
        #expect(e.contains { $0.hasPrefix(ClaimExtractor.negatedTermPrefix + "e:") }, "\(e)")
        #expect(claims("The company has yet to confirm the closure of its northern factory.").first?.negated == true)
    }

    @Test func negationsThatDenyNothingNamedAreNotScoped() {
        // No subject in the clause: negated, but nothing marked.
        let a = claims("Those are not Republican principles, the senator told reporters.")
        #expect(a.contains { $0.negated })
        #expect(!a.flatMap(\.terms).contains { $0.hasPrefix(ClaimExtractor.negatedTermPrefix) })
        // A negation inside a condition asserts nothing.
        let b = terms("Lawmakers warned that if they do not pass the bill the economy will stall.")
        #expect(!b.contains { $0.hasPrefix(ClaimExtractor.negatedTermPrefix) }, "\(b)")
        // "Dismissed X as Y" disparages, it does not deny X.
        let c = terms("The senator dismissed the governor's budget as reckless spending on Monday.")
        #expect(!c.contains { $0.hasPrefix(ClaimExtractor.negatedTermPrefix) }, "\(c)")
        // "Not only … but also" asserts both.
        #expect(claims("The storm not only flooded the harbour but also cut power to the city.").allSatisfy { !$0.negated })
    }

    @Test func namesCountOnceAsEntitiesNotAsWords() {
        let t = terms("Kim Jong Un met Vladimir Putin at the Vostochny Cosmodrome on Wednesday.")
        #expect(!t.contains("jong") && !t.contains(ClaimNormalizer.baseForm("Putin")), "\(t)")
        // Places below a country keep their words: sources cut their names differently.
        let k = terms("Mr. Kim disembarked at the border station of Khasan on Tuesday.")
        #expect(k.contains(ClaimNormalizer.baseForm("Khasan")), "\(k)")
    }

    @Test func contextSynonymsMapOnlyBeforeTheirWord() {
        #expect(terms("The train stopped at the border station before dawn.").contains(ClaimNormalizer.baseForm("arrival")))
        #expect(!terms("The army stopped the convoy before dawn near the border.").contains(ClaimNormalizer.baseForm("arrival")))
    }

    @Test func relativeAdverbialAndConditionalClausesAreCut() {
        let a = claims("This visit is his first trip since the 2019 summit in Vladivostok, which followed the breakdown of talks with Washington.")
        #expect(a.count == 2, "\(a.map(\.span))")
        let b = claims("North Korea may seek help from Russia for its space program, as it recently failed to put a spy satellite into orbit.")
        #expect(b.count == 2)
        // The opening phrase is cut off, and asserts nothing without a verb (``ClaimPredicate``).
        let c = claims("During his long journey to the space center, the leader made a brief stop at a border station.")
        #expect(c.count == 1 && c[0].terms.contains(ClaimNormalizer.baseForm("border")), "\(c.map(\.terms))")
        let c2 = claims("After he had travelled to the space center, the leader made a brief stop at a border station.")
        #expect(c2.count == 2, "\(c2.map(\.span))")
        // A condition is not asserted: no claim holds it.
        let text = "The White House warned that North Korea would pay a heavy price if it supplies weapons to Russia."
        let d = claims(text)
        #expect(!d.isEmpty)
        #expect(!d.flatMap(\.terms).contains(ClaimNormalizer.baseForm("weapons")), "\(d.map(\.terms))")
        // An event adjunct inside the sentence is cut off: a claim of its own when it has a verb.
        let e = claims("His last trip abroad was to Vladivostok in 2019 for a summit with the president after the collapse of nuclear talks with Washington.")
        #expect(e.count == 1, "\(e.map(\.span))")
        let e2 = claims("His last trip abroad was to Vladivostok in 2019 for a summit with the president after the talks with Washington had collapsed.")
        #expect(e2.count == 2, "\(e2.map(\.span))")
    }

    @Test func aVerblessFragmentBesideAStatementIsAClaimOnlyWhenItDatesOrMeasures() {
        // A title beside the speaker asserts nothing: only the statement is a claim.
        let a = Analyzer().analyze("The new phones are selling well, said Anna Berg, the company’s senior vice president for mobile product development.")
        #expect(!a.claims.isEmpty && a.claims.allSatisfy { $0.statement != nil }, "\(a.claims.map(\.span))")
        // A fragment that dates an event stays the document's claim.
        let b = Analyzer().analyze("The new phones are selling well, said Anna Berg, a year after their launch in March 2023.")
        #expect(b.claims.contains { $0.statement == nil && !$0.dates.isEmpty }, "\(b.claims.map(\.span))")
        // Not when it opens with a preposition: that is where and when she spoke.
        let c = Analyzer().analyze("The new phones are selling well, said Anna Berg, at the annual trade fair in Berlin in March 2023.")
        #expect(!c.claims.isEmpty && c.claims.allSatisfy { $0.statement != nil }, "\(c.claims.map(\.span))")
    }

    @Test func aPieceCutAtItsAuxiliaryIsNoClaim() {
        // the reporting verb took `expressed support for…`: what is left before it stops at `has`
        let text = "Kellner, whose ward is mostly rural, has expressed support for a new bus route, but only after a public vote."
        let texts = claims(text).map { Self.slice(text, $0.span) }
        #expect(!texts.isEmpty)
        #expect(!texts.contains { $0.hasSuffix("has") }, "\(texts)")
        // at the end of its sentence the same ending is an ellipsis that asserts
        let ellipsis = "Sometimes the old mills make a profit, and sometimes they don't."
        #expect(claims(ellipsis).map { Self.slice(ellipsis, $0.span) }.contains { $0.contains("they don't") })
    }

    @Test func aNounPhraseARelativeClauseModifiesIsNoClaim() {
        // where the mayor spoke: a noun phrase whose only verb is its relative clause's
        let text = "In a speech that lasted nearly an hour, the mayor of Eastbrook said the old bridge would reopen in May."
        let texts = claims(text).map { Self.slice(text, $0.span) }
        #expect(texts == ["the old bridge would reopen in May"], "\(texts)")
        // what a cue reports without a verb of its own is claimed with its cue
        let praised = "The union praised a settlement that gives dock workers a second rest day."
        #expect(claims(praised).map { Self.slice(praised, $0.span) } == ["praised a settlement that gives dock workers a second rest day"])
        // the main verb after the relative clause, and a sentence whose own verb no list holds
        for (text, claim) in [("Officials said the ferry that sank off the coast was carrying forty passengers.",
                               "the ferry that sank off the coast was carrying forty passengers"),
                              ("The harbour board oversees the ferries that cross the strait.",
                               "The harbour board oversees the ferries that cross the strait.")] {
            #expect(claims(text).map { Self.slice(text, $0.span) } == [claim])
        }
    }

    @Test func whomASourceToldIsNoClaim() {
        // the words between the cue and what was told: the audience, where and when
        let text = "Ms Okafor told a conference of harbour engineers in Lagos on Monday that the new quay would open in 2027."
        #expect(claims(text).map { Self.slice(text, $0.span) } == ["that the new quay would open in 2027"])
    }

    @Test func aQuestionIsNoClaimAndARefusalIsClaimedWithItsCue() {
        // a question, quoted or the document's own, is neither true nor false
        for text in ["Ms Okafor turned to the minister and asked: \"Do you support the new quay?\"",
                     "Will the new quay pay for itself within ten years?"] {
            #expect(claims(text).isEmpty, "\(claims(text).map { Self.slice(text, $0.span) })")
        }
        // what a source declined to do is no claim alone: it is claimed with its cue
        let text = "The harbour board declined to comment on what it would charge shipping lines."
        #expect(claims(text).map { Self.slice(text, $0.span) } == ["declined to comment on what it would charge shipping lines"])
    }

    @Test func parentheticalsPrepositionsAndARelativeClausesHeadCutNoClause() {
        func texts(_ text: String) -> [String] { claims(text).map { Self.slice(text, $0.span) } }
        // a parenthetical between two spaced dashes stays in its clause
        let dashed = "While paper maps have always sold well, a phone -- especially one with a good camera -- now helps hikers find their way."
        #expect(texts(dashed) == [dashed], "\(texts(dashed))")
        // one dash still cuts off what follows it
        let one = "Exports from the port rose 5 pct in March -- the strongest month since the quay opened."
        #expect(texts(one).first == "Exports from the port rose 5 pct in March " && texts(one).count == 2, "\(texts(one))")
        // `, as opposed to` and `, as well as` go on the clause before them
        let opposed = "The complaint stems from the enforcement of county rules, as opposed to choices made by the town council."
        #expect(texts(opposed) == [opposed], "\(texts(opposed))")
        let well = "The county will repair the bridge over the river, as well as widen the road to the ferry."
        #expect(texts(well) == [well], "\(texts(well))")
        // a noun phrase and the relative clause after its comma are one piece; a clause with its
        // own verb before the relative clause is still cut from it
        let shipped = "Grain shipments in the marketing year, which ended in September, amounted to 1.5 mln tonnes."
        #expect(texts(shipped) == [shipped], "\(texts(shipped))")
        let drilled = "The company drilled a second hole on the claim, which assayed half an ounce of gold a ton."
        #expect(texts(drilled) == ["The company drilled a second hole on the claim", "which assayed half an ounce of gold a ton."], "\(texts(drilled))")
        // `, regarding` and `, including` are prepositions: no participle clause opens there
        let regarding = "The mayor's account of the meetings, regarding the sale of the old quay, is not accurate."
        #expect(texts(regarding) == [regarding], "\(texts(regarding))")
        let including = "The port hired 40 new pilots last year, including 12 from the navy."
        #expect(texts(including) == [including], "\(texts(including))")
        // `no one` counts nothing: the participle clause it ends measures nothing and is no claim
        let noOne = "The dealers quit the market last month, leaving small investors with no one to sell to."
        #expect(texts(noOne) == ["The dealers quit the market last month"], "\(texts(noOne))")
        // `, as` opening a clause still cuts
        let clause = "The mill closed its second line last week, as demand for newsprint fell across the region."
        #expect(texts(clause).count == 2, "\(texts(clause))")
    }

    @Test func anAppositionBetweenTheSourceAndItsCueIsNoClaim() {
        func texts(_ text: String) -> [String] { claims(text).map { Self.slice(text, $0.span) } }
        // who the source is, between commas, asserts nothing the document reports
        let title = texts("Maria Keller, head of bond research at Lindqvist Capital, said she expected the central bank to cut rates in June.")
        #expect(!title.contains { $0.hasPrefix("head of bond research") } && title.contains { $0.contains("cut rates in June") }, "\(title)")
        // a predicate there is a claim: the source did something besides speaking
        let done = texts("Maria Keller, meanwhile, told reporters the bank would publish its forecasts in June, an aide said.")
        #expect(done.contains { $0.hasPrefix("told reporters") || $0.contains("would publish its forecasts") }, "\(done)")
        // and so is a relative clause about the source
        let who = texts("Maria Keller, 52, who has run the fund since 2004, said the bank would cut rates in June.")
        #expect(who.contains { $0.contains("has run the fund since 2004") }, "\(who)")
    }

    /// The code points `span` of `text`.
    static func slice(_ text: String, _ span: TextSpan) -> String {
        let u = Array(text.unicodeScalars)
        var v = String.UnicodeScalarView()
        v.append(contentsOf: u[span.start..<span.end])
        return String(v)
    }

    /// The texts of the claims of `text` that no statement attributes.
    func ownClaims(_ text: String) -> [String] {
        let a = Analyzer().analyze(text)
        return a.claims.filter { $0.statement == nil }.map { ClaimExtractionTests.slice(text, $0.span) }
    }

    @Test func whatASourceSaysOfItselfHasTheSourceForHolder() {
        // An organisation or a country saying `its`/`it` of itself holds the claim.
        for (text, name) in [("Hartwell Petroleum Corp said its new posting for North Sea crude is 19 dlrs a barrel.", "Hartwell Petroleum"),
                             ("Norway said its forces had left the disputed island on Tuesday.", "Norway")] {
            let a = Analyzer().analyze(text)
            let held = a.claims.compactMap(\.holder).map { a.entities[$0].canonicalName }
            #expect(held == [name], "\(text): \(held) \(a.claims.map { ClaimExtractionTests.slice(text, $0.span) })")
        }
        // Another's words are no one's in particular: `it` of the weather, said by a person.
        let text = "Ana Ruiz said it would rain in the north on Tuesday."
        #expect(Analyzer().analyze(text).claims.allSatisfy { $0.holder == nil })
    }

    @Test func aPastFormBeforeItsAgentIsAParticiple() {
        // `operated by`, `led by`: a participle after a noun, no predicate.
        #expect(ownClaims("The new container terminal operated by the harbour authority since March.").isEmpty)
        #expect(ownClaims("An investor group led by a Lisbon pension fund and two of its directors.").isEmpty)
        // A finite passive has its form of `be`; an amount or a means after `by` keeps the verb.
        for sentence in [
            "The bridge was built by a Danish firm in 1932.",
            "Exports increased by 12 pct in March.",
            "Sales fell by nearly a quarter in the first half.",
            "The airline responded by cutting fares on every route.",
        ] {
            #expect(ownClaims(sentence).count == 1, "\(sentence): \(ownClaims(sentence))")
        }
    }

    @Test func aBarePresentFormIsAVerbOnlyAfterItsSubject() {
        // After a noun or an object, `plan`, `support`, `help` are nouns: no predicate.
        #expect(ownClaims("The harbour authority's rescue plan for the northern ferry line.").isEmpty)
        #expect(ownClaims("A letter to fellow senators seeking support for the new pension scheme.").isEmpty)
        // After a subject in the plural, `I`, `we`, `they`, an adverb, a negation, or a plural
        // before a preposition or a comma, they are verbs.
        for sentence in [
            "Officials in the three northern provinces plan to reopen the schools.",
            "The dockworkers, tired of the delays, plan a strike in May.",
            "They usually work night shifts at the harbour.",
            "Shipping lines also plan a second terminal near the harbour.",
            "I don 't want another strike at the harbour.",
        ] {
            #expect(ownClaims(sentence).count == 1, "\(sentence): \(ownClaims(sentence))")
        }
        // A form that is also a past tense keeps its verb after a singular noun (`cut`, `put`).
        #expect(ownClaims("The central bank cut its key rate by half a point.").count == 1)
        #expect(ownClaims("The ministry put the cost of the repairs at two million euros.").count == 1)
    }

    @Test func aVerbFormAfterADeterminerOrAPrepositionIsNoPredicate() {
        // `meeting` after a determiner, `registering` after a preposition: scene-setting, no claim.
        #expect(ownClaims("After an emergency meeting of the finance ministers, the central bank said rates would stay at 4 percent.").isEmpty)
        // A title in apposition opens with a capital, not a verb (`Head of the EC Delegation`).
        #expect(ownClaims("Lady Ann Marsh, Head of the Trade Delegation in Ottawa, said the talks would resume.").isEmpty)
        // Where the source spoke, with a participle after its noun (`remarks prepared for`).
        #expect(ownClaims("In remarks prepared for a dinner tonight in Boston, the governor said tolls would rise.").isEmpty)
        #expect(ownClaims("At the meeting, which was held in Geneva, the minister said prices would fall.").count == 1)
        #expect(ownClaims("After registering falls at the end of 2004, the lender said house prices rose in January.").isEmpty)
        // A participle phrase opening the sentence sets the scene for the subject after it.
        #expect(ownClaims("Posting on her blog on Friday evening, the novelist Clara Wendt said her next book would be set in Lagos.").isEmpty)
        // A verb form inside a name is no verb (`the Marshall Plan`).
        #expect(ownClaims("In a speech marking the anniversary of the Marshall Plan, the president urged allies to cut farm subsidies.").isEmpty)
        // `head` after `The` is a noun: the speaker's title is no claim.
        #expect(ownClaims("The head of the regional water authority, Piet Mols, told reporters that the reservoir was half empty.").isEmpty)
        // A participle clause cut after a comma says something of a subject it does not hold: a
        // claim only when it measures something (a year it names is no fact of its own).
        let c = ownClaims("Union members voted to strike on Friday, compounding the disruption caused by the storms.")
        #expect(c == ["Union members voted to strike on Friday"], "\(c)")
        let y = ownClaims("The council approved the budget on Monday, ending a long dispute over 1998 spending.")
        #expect(y == ["The council approved the budget on Monday"], "\(y)")
        let period = ownClaims("The mill closed its older plant on Monday, resulting in a second quarter charge against earnings.")
        #expect(period == ["The mill closed its older plant on Monday"], "\(period)")
        let d = ownClaims("Union members voted to strike on Friday, cutting the ferry service to 12 crossings a day.")
        #expect(d == ["Union members voted to strike on Friday", "cutting the ferry service to 12 crossings a day."], "\(d)")
        // A verb of a relative clause inside it is not its own (`websites which offer…`).
        let e = ownClaims("The studios stepped up their campaign, threatening websites which offer pirated copies of new films.")
        #expect(e == ["The studios stepped up their campaign"], "\(e)")
        // A verb form right after an opening subordinator has no subject: a reduced clause.
        #expect(ownClaims("While visiting the new harbour terminal on Tuesday.").isEmpty)
        #expect(ownClaims("While the minister visited the new harbour terminal on Tuesday.").count == 1)
        // A whole sentence with a word where a verb stands has a predicate, though no list holds
        // its present tense; a list of names or a noun phrase closed by a stop does not.
        #expect(ownClaims("The annual awards recognise the best designers in the country.").count == 1)
        #expect(ownClaims("R Mills, B Ogden, N Hart, J Dunn, M Blake.").isEmpty)
        #expect(ownClaims("The dissolution of the present parliament.").isEmpty)
        // Contracted `is` and progressive forms are verbs.
        let q = claims("\"It's about some phony ideal,\" he said. \"And it's going to be useless,\" she said.")
        #expect(q.count == 2, "\(q.map(\.span))")
    }

    @Test func claimsTellWhatIsToHappenFromWhatHappened() {
        let a = claims("The three companies will unveil the new chip at a technology conference in San Francisco.")
        #expect(a.count == 1 && a.allSatisfy { $0.prospective && !$0.past }, "\(a.map { ($0.span, $0.prospective, $0.past) })")
        let b = claims("The three companies unveiled the new chip at a technology conference on Monday.")
        #expect(b.count == 1 && b.allSatisfy { $0.past && !$0.prospective })
        // An intention, a condition.
        let plan = claims("The ferry company plans to sell its two oldest vessels to a Norwegian operator.")
        #expect(!plan.isEmpty && plan.allSatisfy { $0.prospective })
        let condition = claims("If the minister had known about the loans, he would have resigned.")
        #expect(!condition.isEmpty && condition.allSatisfy { $0.prospective })
        // The present is neither; `due to` is a cause, not a schedule; `the proposed sale` is no past.
        let c = claims("The new chip runs twice as fast as the old one due to its smaller transistors.")
        #expect(!c.isEmpty && c.allSatisfy { !$0.prospective && !$0.past }, "\(c.map(\.span))")
        // A report's verb dates the report, not what it reports.
        func past(_ s: String) -> Bool {
            let t = DocumentText(s)
            let tokens = Tokenizer.tokenize(t)
            return ClaimPredicate.mood(t, tokens, Array(tokens.indices)) == .past
        }
        #expect(!past("I would like to know who those people are,\" the senator said."))
        #expect(past("The ferry company sold its two oldest vessels."))
        let d = claims("Shareholders of the brewer support the proposed sale of its Scottish maltings.")
        #expect(!d.isEmpty && d.allSatisfy { !$0.prospective && !$0.past }, "\(d.map(\.span))")
    }

    /// (sentence, part of one of its claims, whether that claim is prospective).
    /// A sentence, a part of it, and whether the claim holding that part is prospective (nil: no
    /// claim holds it).
    static let guessCases: [(String, String, Bool?)] = [
        // A guess reported as such, and what a statement inside it holds: it may be so.
        ("Several analysts speculated that the harbour board had awarded the contract to a Dutch dredging firm.", "awarded the contract", true),
        ("Several analysts speculated that the mayor had told the board that the harbour was sold in March.", "the harbour was sold", true),
        // A question put to a source: what opens with `whether` or `if` is the question, and it
        // asserts nothing; what someone asserted inside the question's content stays asserted.
        ("A reporter asked the mayor whether the council had approved the new tram line in secret.", "approved the new tram line", nil),
        ("The mayor, when asked if the council had changed its plans after an engineer who said he thought the old bridge was unsafe for lorries, replied no.",
         "changed its plans", nil),
        // What opens with `whether` is a question whatever the cue.
        ("Two engineers doubted whether the old bridge could carry the new trams.", "carry the new trams", nil),
        // A question word after a question cue opens the question too.
        ("Reporters asked the mayor why the ferry was late again.", "the ferry was late", nil),
        ("The interviewer asked the mayor how serious her plan for the harbour is.", "serious her plan", nil),
        // So does a question word after a source that did not answer.
        ("The harbour board declined to say when the old ferry terminal would reopen.", "the old ferry terminal would reopen", nil),
        ("Neither regulator would say how much money the rescue of the ferry company might need.", "money the rescue", nil),
        // What a source that answered tells stays asserted.
        ("The ferry captain described how the old ship had been stopped twice by the coastguard.", "stopped twice", false),
        ("The harbour board said that when the old ferry terminal reopened, fares fell by a third.", "fares fell", false),
        ("The mayor, when asked if the council had changed its plans after an engineer who said he thought the old bridge was unsafe for lorries, replied no.",
         "the old bridge was unsafe", false),
        // The same content said, or an answer told, is what happened.
        ("Several analysts said that the harbour board had awarded the contract to a Dutch dredging firm.", "awarded the contract", false),
        ("The mayor had told the board that the harbour was sold in March.", "the harbour was sold", false),
        ("The mayor told reporters that the council had approved the new tram line in March.", "approved the new tram line", false),
        // A guess beside a denial in one sentence: the denial is what the chairman says happened.
        ("While many have speculated that the port authority offered the pilot a pension, its chairman said no offer was ever made.", "the pilot a pension", true),
        ("While many have speculated that the port authority offered the pilot a pension, its chairman said no offer was ever made.", "no offer was ever made", false),
    ]

    @Test(arguments: guessCases)
    func whatASourceReportsAsAGuessMayBeSoAndAQuestionAssertsNothing(sentence: String, part: String, prospective: Bool?) {
        let claims = Analyzer().analyze(sentence).claims.map { (text: ClaimExtractionTests.slice(sentence, $0.span), prospective: $0.prospective) }
        #expect(claims.first { $0.text.contains(part) }?.prospective == prospective, "\(claims)")
    }

    @Test func attributedContentWithoutAVerbTakesItsCue() {
        func texts(_ text: String) -> [String] {
            let a = Analyzer().analyze(text)
            return a.claims.map { ClaimExtractionTests.slice(text, $0.span) }
        }
        // The cue right before verbless content is its predicate.
        #expect(texts("The harbour board rejected a proposal requiring the ferry company to double its winter sailings.")
                == ["rejected a proposal requiring the ferry company to double its winter sailings"])
        #expect(texts("The ferry company agreed to sell its two oldest vessels to a Norwegian operator.")
                == ["agreed to sell its two oldest vessels to a Norwegian operator"])
        // A quoted sentence keeps its claim though its present-tense verb is in no list.
        #expect(texts("\"This old harbour town glows at dusk,\" the mayor said.") == ["This old harbour town glows at dusk,"])
        // A verbless piece cut from content that goes on is no claim: its verb is in another
        // piece. A parenthetical between two dashes cuts nothing: the subject keeps its verb.
        let cut = texts("His sister said her neighbour, a retired teacher from Leeds; who moved to Spain in 2001; had warned the council about the damp.")
        #expect(!cut.contains { $0.hasPrefix("her neighbour") } && cut.contains { $0.hasPrefix("had warned") }, "\(cut)")
        let dashed = texts("His sister said her neighbour, a retired teacher from Leeds - who moved to Spain in 2001 - had warned the council about the damp.")
        #expect(dashed.contains { $0.hasPrefix("her neighbour") && $0.contains("had warned") } && !dashed.contains { $0.hasPrefix("had warned") }, "\(dashed)")
    }

    @Test func theSettingAndTheFrameOfAReportAreNoClaims() {
        // Where and when the source spoke, before the source, asserts nothing of its own.
        let a = Analyzer().analyze("At a closed-door party lunch on Thursday, two senior senators said the bill would pass next month.")
        let own = a.claims.filter { $0.statement == nil }
        #expect(!a.claims.isEmpty && own.isEmpty, "\(a.claims.map(\.span))")
        // A report's frame whose content the sentence does not hold is no claim either.
        let b = Analyzer().analyze("WASHINGTON -- Real estate developer Marcus Holloway said Thursday\nThe tower will have 90 floors.")
        #expect(!b.claims.contains { $0.statement == nil && $0.terms.contains("develop") }, "\(b.claims.map(\.span))")
        // A sentence with a verb of its own beside the report stays.
        let c = Analyzer().analyze("Prices rose sharply on Monday, the ministry said.")
        #expect(!c.claims.isEmpty, "\(c.claims.map(\.span))")
        // An `-ing` word in how the source is named is no verb of the frame's own.
        let d = "The board will spend about $2.5 billion on the new sea wall, acting White House chief of staff John Smith told reporters."
        let dClaims = Analyzer().analyze(d).claims.map { ClaimExtractionTests.slice(d, $0.span) }
        #expect(dClaims.contains { $0.hasPrefix("The board will spend") } && !dClaims.contains { $0.contains("told reporters") }, "\(dClaims)")
        // A frame closed by a colon introduces the quotation after it, however long it is.
        let e = "Ana Ruiz told journalists after the weekly cabinet meeting: \"We will not sell the port.\""
        let eClaims = Analyzer().analyze(e).claims.map { ClaimExtractionTests.slice(e, $0.span) }
        #expect(eClaims.contains { $0.hasPrefix("We will not sell") } && !eClaims.contains { $0.contains("journalists") }, "\(eClaims)")
    }

    @Test func aRelativeClauseIsAboutTheNameBeforeIt() {
        let text = "The plan was rejected by Ana Ruiz, who was mayor of Leeds from 2006 to 2012, and by Tom Hart, who was mayor of Leeds from 2000 to 2006."
        let a = Analyzer().analyze(text)
        func holders(_ opening: String) -> [String] {
            a.claims.first { ClaimExtractionTests.slice(text, $0.span).hasPrefix(opening) }.map { $0.entities.map { a.entities[$0].canonicalName } } ?? []
        }
        #expect(holders("who was mayor of Leeds from 2006").contains("Ana Ruiz"), "\(holders("who was mayor of Leeds from 2006"))")
        #expect(holders("who was mayor of Leeds from 2000").contains("Tom Hart") && !holders("who was mayor of Leeds from 2000").contains("Ana Ruiz"))
        // `which` after an organisation; not after a place.
        let org = "The port will be run by Harbor Holdings Inc, which owns three ferry lines in the north."
        let b = Analyzer().analyze(org)
        #expect(b.claims.first { ClaimExtractionTests.slice(org, $0.span).hasPrefix("which owns") }.map { $0.entities.map { b.entities[$0].canonicalName } } == ["Harbor Holdings"])
        let place = "The leaders met in Vladivostok, which lies near the border with China and North Korea."
        let c = Analyzer().analyze(place)
        #expect(c.claims.first { ClaimExtractionTests.slice(place, $0.span).hasPrefix("which lies") }.map { $0.entities.map { c.entities[$0].canonicalName }.contains("Vladivostok") } == false)
    }

    @Test func aConcessionOpeningASentenceIsDroppedAsAConditionIs() {
        let text = "Whatever the board decides, the new quay will open in May."
        #expect(Analyzer().analyze(text).claims.map { ClaimExtractionTests.slice(text, $0.span) } == ["the new quay will open in May."])
        // Inside a sentence the same word opens an object, not a concession.
        let inside = "The harbour board said it would do whatever it takes to keep the ferry running."
        let claims = Analyzer().analyze(inside).claims.map { ClaimExtractionTests.slice(inside, $0.span) }
        #expect(claims.contains { $0.contains("whatever it takes") }, "\(claims)")
    }

    @Test func aParticipleServingAsAPrepositionOpensNoClaim() {
        // `following`, `including` open an adjunct cut from its clause, not a participle clause.
        for (text, kept, dropped) in [
            ("The two ministers spoke on Tuesday following their separate responses to the floods in the north.", "The two ministers spoke", "following"),
            ("The storm closed six schools, including two in the harbour district.", "The storm closed six schools", "including"),
        ] {
            let claims = Analyzer().analyze(text).claims.map { ClaimExtractionTests.slice(text, $0.span) }
            #expect(claims.contains { $0.hasPrefix(kept) } && !claims.contains { $0.hasPrefix(dropped) }, "\(claims)")
        }
        // A participle clause after a comma keeps its claim.
        let text = "The ferry left the harbour at dawn, carrying ninety passengers to the islands."
        let claims = Analyzer().analyze(text).claims.map { ClaimExtractionTests.slice(text, $0.span) }
        #expect(claims.contains { $0.hasPrefix("carrying ninety passengers") }, "\(claims)")
    }

    @Test func anAdjunctCutFromWhatASourceSaysIsNoClaim() {
        // A relative clause cuts what the report says; the short verbless piece left before it
        // (`growth in external debt`) asserts nothing, the clause with its verb stays.
        let text = "The report said growth in external debt, which rose sharply, was a concern."
        let chars = Array(text)
        let pieces = Analyzer().analyze(text).claims.map { String(chars[$0.span.start..<$0.span.end]) }
        #expect(!pieces.contains("growth in external debt"), "\(pieces)")
        #expect(pieces.contains { $0.contains("rose sharply") }, "\(pieces)")
        // A verbless quotation of some length stays.
        let b = Analyzer().analyze("The senator called it \"a very tender and sensitive topic for the voters\".")
        #expect(!b.claims.isEmpty, "\(b.claims.map(\.span))")
    }

    @Test func aCompanyReferringToItselfHoldsWhatItSays() {
        // The company is the claim's holder: its entity is among the claim's.
        let a = Analyzer().analyze("Harwell Foods Corp said it has filed a shelf registration covering 200 mln dlrs of debt.")
        let claim = a.claims.first { $0.statement != nil }
        let company = a.entities.firstIndex { $0.canonicalName.hasPrefix("Harwell Foods") }
        #expect(claim != nil && company != nil && claim!.entities.contains(company!), "\(a.claims) \(a.entities)")
        // Without a pronoun for it, the source stays outside the claim.
        let b = Analyzer().analyze("Harwell Foods Corp said demand for frozen meals rose sharply in March.")
        let other = b.claims.first { $0.statement != nil }
        let firm = b.entities.firstIndex { $0.canonicalName.hasPrefix("Harwell Foods") }
        #expect(other != nil && firm != nil && !other!.entities.contains(firm!), "\(b.claims) \(b.entities)")
    }

    @Test func timeFramesSkipBoundsAndFarDates() {
        let a = Analyzer().analyze("The meeting could potentially take place as early as Tuesday, officials said.")
        #expect(!a.claims.flatMap(\.frames).contains { $0.role == .time })
        let b = Analyzer().analyze("The two leaders met on Tuesday in the border town, officials said.")
        #expect(b.claims.flatMap(\.frames).contains { $0.role == .time })
    }

    @Test func futureWeekdaysResolveForward() {
        let d = claims("The president will meet the union leaders on Thursday in the capital.").flatMap(\.dates).first { $0.weekday != nil }
        #expect(d?.future == true)
        // 2016-06-07 is a Tuesday: the coming Thursday is 2016-06-09.
        #expect(d?.resolved(publishedOn: "2016-06-07") == "2016-06-09")
        let p = claims("The president met the union leaders on Thursday in the capital.").flatMap(\.dates).first { $0.weekday != nil }
        #expect(p?.future == false)
        #expect(p?.resolved(publishedOn: "2016-06-07") == "2016-06-02")
    }

    @Test func framesOfANamedYearCarryItInTheirTopic() {
        let a = Analyzer().analyze("It is his first trip abroad since his 2019 summit with the president in Vladivostok.")
        #expect(a.claims.flatMap(\.frames).contains { $0.predicate == "meeting place 2019" && $0.role == .at }, "\(a.claims.flatMap(\.frames))")
    }

    @Test func statementsBecomeLinkedClaims() {
        let a = Analyzer().analyze("National Security Council spokesman John Kirby said Russia’s Defence Minister Sergei Shoigu had tried to convince Pyongyang to sell artillery ammunition.")
        #expect(!a.statements.isEmpty)
        let linked = a.claims.filter { $0.statement != nil }
        #expect(!linked.isEmpty)
        for c in linked { #expect(a.statements[c.statement!].content.overlaps(c.span)) }
    }

    @Test func sentencesSplitIntoClauses() {
        let text = "Notably, his train is rumored to include at least 20 heavy bulletproof carriages, contributing to its relatively slow speed of approximately 37 mph."
        let c = claims(text)
        #expect(c.count == 2)
        #expect(c.last?.quantities.first?.unit == "km/h")
    }

    @Test func placeFramesForWhereAnEventTakesPlaceAndWhereSomethingHeads() {
        let a = Analyzer().analyze("The meeting was initially expected to take place in Vladivostok, officials said.")
        let f = a.claims.flatMap(\.frames)
        #expect(f.contains { $0.predicate == "meeting place" && $0.role == .at && a.entities[$0.value].canonicalName == "Vladivostok" })
        let b = Analyzer().analyze("The train is reportedly moving northward, away from the city of Vladivostok.")
        #expect(b.claims.flatMap(\.frames).contains { $0.role == .away })
        let c = Analyzer().analyze("It is currently en route to Vladivostok, the port city.")
        #expect(c.claims.flatMap(\.frames).contains { $0.role == .toward })
    }

    @Test func directionFramesKeepAgentAndPatient() {
        let a = Analyzer().analyze("Officials fear that Iran supplies Russia with attack drones.")
        let f = a.claims.flatMap(\.frames).filter { $0.role == .direction }
        #expect(f.count == 1)
        if let x = f.first, let o = x.other {
            #expect(a.entities[x.value].canonicalName == "Iran")
            #expect(a.entities[o].canonicalName == "Russia")
        }
    }

    @Test func claimSpansLieInsideTheTextWithEmojiAndCombiningMarks() {
        let text = "🇺🇦 Officials said 20 drones 👩‍👩‍👧 hit Kyiv on Tuesday; the café’s owner, José, was not hurt. “It was 37 mph,” he said."
        let a = Analyzer().analyze(text)
        let n = text.unicodeScalars.count
        for c in a.claims {
            #expect(c.span.start >= 0 && c.span.end <= n && c.span.start < c.span.end)
            for q in c.quantities { #expect(c.span.contains(q.span)) }
        }
        #expect(!a.claims.isEmpty)
    }

    @Test func randomInputNeverCrashesAndSpansStayInside() {
        var rng: UInt64 = 0x9E3779B97F4A7C15
        func next() -> UInt64 { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng }
        let pieces = ["37", "mph", "km/h", "$", "1,000", "twenty-five", " ", ".", ",", ";", " – ", "\u{201C}", "\u{201D}", "not",
                      "said", "Tuesday", "in", "Vladivostok", "met", "summit", "away", "from", "é", "🇫🇷", "\u{0301}", "\n",
                      "%", "bn", "m", "1.2", "2019", "March", "5", "per", "hour", "Iran", "supplies", "Russia"]
        for _ in 0..<200 {
            var s = ""
            for _ in 0..<Int(next() % 60) { s += pieces[Int(next() % UInt64(pieces.count))]; if next() % 3 == 0 { s += " " } }
            let a = Analyzer().analyze(s)
            let n = s.unicodeScalars.count
            for c in a.claims {
                #expect(c.span.start >= 0 && c.span.end <= n && c.span.start <= c.span.end)
                for q in c.quantities { #expect(q.span.end <= n) }
                for f in c.frames { #expect(f.span.end <= n && f.span.start >= 0) }
            }
            #expect(Analyzer().analyze(s) == a)
        }
        #expect(Analyzer().analyze("").claims.isEmpty)
    }
}

@Suite struct ClaimScaleTests {
    /// One 60 KB line (no sentence break, many statements, clauses and mentions): claim
    /// extraction on it finishes with every span inside the text. (Its speed is measured by
    /// `make bench`, not asserted: a slow machine must not fail a test.)
    @Test func aHugeLine() {
        var s = ""
        let piece = "officials said 20 drones hit the city, killing 3 people; the mayor, who was not hurt, said the attack was over, adding that Iran supplies Russia with drones, "
        while s.utf8.count < 60_000 { s += piece }
        var analysis = Analyzer().analyze(s)
        analysis.claims = []
        let claims = ClaimExtractor.extract(DocumentText(s), analysis: analysis)
        #expect(!claims.isEmpty)
        for c in claims { #expect(c.span.end <= s.unicodeScalars.count) }
    }
}
