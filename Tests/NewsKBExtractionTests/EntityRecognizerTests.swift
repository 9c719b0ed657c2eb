import Testing
@testable import NewsKBExtraction

/// Entity recognition on news-style sentences written for these tests.
@Suite struct EntityRecognizerTests {
    func mentions(_ body: String, _ configuration: EntityConfiguration = .standard) -> [(String, EntityType)] {
        let a = Analyzer(configuration: configuration).analyze(body)
        return a.mentions.map { ($0.text, a.entities[$0.entity].type) }
    }

    func has(_ ms: [(String, EntityType)], _ text: String, _ type: EntityType) -> Bool {
        ms.contains { $0.0 == text && $0.1 == type }
    }

    @Test func aPersonsNameInATitleCaseHeadlineHoldsOnlyTheTextsWords() {
        for headline in ["Brandt Lashes Out at City Council and Unions", "Images Of Angry Brandt Spread Online"] {
            let body = headline + """


            Mayor Tom Brandt criticised the city council on Monday for cutting the parks budget by a third. The council had voted for the cuts last week after a long debate.

            Mr. Brandt said the vote was a disgrace. Residents will vote on the budget in March.
            """
            let ms = mentions(body)
            let persons = Set(ms.filter { $0.1 == .person }.map(\.0))
            #expect(persons == ["Brandt", "Tom Brandt"], "\(headline): \(persons)")
        }
    }

    @Test func aMonthAfterAGivenNameOrAFormOfAddressIsASurname() {
        let text = "Theresa May, the shadow minister for transport, opened the new depot in Leeds. Later Mrs May said the trains would run in June."
        let persons = mentions(text).filter { $0.1 == .person }.map(\.0)
        #expect(persons == ["Theresa May", "May"], "\(persons)")
        // a month after another name, or alone, is a date
        #expect(mentions("Opec February output fell, and in May the ministers met again.").allSatisfy { $0.1 != .person })
    }

    @Test func titlesAreOutsideThePersonSpan() {
        let ms = mentions("President Vladimir Putin met Defence Minister Sergei Shoigu in Moscow on Tuesday.")
        #expect(has(ms, "Vladimir Putin", .person))
        #expect(has(ms, "Sergei Shoigu", .person))
        #expect(has(ms, "Moscow", .gpe))
        #expect(!ms.contains { $0.0.hasPrefix("President") || $0.0.hasPrefix("Defence") })
    }

    @Test func aDesignatorOrAnOrganisationHeadEndingANameMakesItAnOrganisation() {
        // the tagger reads a person's name in the first two words; the head decides
        let ms = mentions("Harlan Whitcombe Savings Bank said it would raise its quarterly dividend.")
        #expect(has(ms, "Harlan Whitcombe Savings Bank", .org), "\(ms)")
        let other = mentions("Analysts at Garrick Holloway Inc said Gerald Pemberton would retire.")
        #expect(has(other, "Garrick Holloway Inc", .org), "\(other)")
        #expect(has(other, "Gerald Pemberton", .person), "\(other)")
    }

    @Test func designatorsRightAfterANameMakeItACompanysName() {
        // the designator after the name is part of it, whatever the tagger read the name as
        let ms = mentions("The airline has signed an agreement with Talvik Oresund AB to buy 12 aircraft, Talvik said.")
        #expect(has(ms, "Talvik Oresund AB", .org), "\(ms)")
        let kk = mentions("Tamaru Shokuhin KK and a European partner said they agreed to build a plant.")
        #expect(has(kk, "Tamaru Shokuhin KK", .org), "\(kk)")
        // a company's name before its company words and designators is the company's
        let firm = mentions("Orange Brisket International Inc agreed to sell a unit. Orange Brisket said the price was fair.")
        #expect(has(firm, "Orange Brisket", .org), "\(firm)")
        // a designator or a foreign word for bank opening a name makes it a company's
        let opened = mentions("Meanwhile, N.V. Velders said it would expand. Banque Orlandine cut its rate.")
        #expect(opened.contains { $0.0.hasSuffix("Velders") && $0.1 == .org }, "\(opened)")
        #expect(has(opened, "Banque Orlandine", .org), "\(opened)")
        // a country ending a name that opens with no given name is a company's unit
        let unit = mentions("Analysts cited the bonds of Velmont Canada and of its parent.")
        #expect(has(unit, "Velmont Canada", .org), "\(unit)")
    }

    @Test func aPlacesOrAnEventsHeadTypesANameThatOpensWithNoGivenName() {
        let park = mentions("The concerts will be held at Fernleigh Park in Essex on 20 August.")
        #expect(park.contains { $0.0 == "Fernleigh Park" && $0.1 != .person }, "\(park)")
        let day = mentions("Campaigners asked bloggers to mark Bahrami Day on Tuesday.")
        #expect(day.contains { $0.0 == "Bahrami Day" && $0.1 == .event }, "\(day)")
        // a given name keeps the person, unless no surname is the head
        #expect(has(mentions("The film starred Doris Day and Rock Hudson."), "Doris Day", .person))
        let show = mentions("He was a regular guest on the Dorothy Vance Show in the 1970s.")
        #expect(show.contains { $0.0.hasSuffix("Vance Show") && $0.1 == .work }, "\(show)")
    }

    @Test func aTitleOfAWorkIsNoPerson() {
        // an article, a pronoun or a question word opens no person's name; `And` joins two
        let ms = mentions("Winner in the comedy category was The Pelhams, beating Why We Wander and Tollan And The Tinkers.")
        #expect(!ms.contains { $0.1 == .person && ($0.0.hasPrefix("The") || $0.0.hasPrefix("Why") || $0.0.contains("And")) }, "\(ms)")
        // a month after a name is a date, not part of it
        let month = mentions("The survey estimated Ombra February output at 16 mln bpd, Ombra said.")
        #expect(!month.contains { $0.0.hasSuffix("February") }, "\(month)")
    }

    @Test func aPersonsNameEndsBeforeALowerCaseWordThatIsNoParticle() {
        let ms = mentions("The company alleged bias by Judge Anthony Corville against Brandt and its lawyer.")
        #expect(has(ms, "Anthony Corville", .person), "\(ms)")
        #expect(!ms.contains { $0.0.contains("against") }, "\(ms)")
        // particles stay
        #expect(has(mentions("The talks were chaired by Ursula von der Leyen in Brussels."), "Ursula von der Leyen", .person))
    }

    @Test func aRankAbbreviationIsATitle() {
        let ms = mentions("Marine Cpl. Dennis Oakhart, 21, was charged yesterday. Oakhart denied it.")
        #expect(has(ms, "Dennis Oakhart", .person), "\(ms)")
        #expect(!ms.contains { $0.0.contains("Cpl") }, "\(ms)")
    }

    @Test func aRolePhraseReadAsPartOfAPersonsNameIsARole() {
        let a = Analyzer().analyze("""
            The talks were led by Fisheries Affairs Minister Rowan Talbot-Keane, who flew in on Monday.
            Brackwater Mills Chairman Dr. Edwina Strand said orders were rising. Strand added that exports grew.
            """)
        let ms = a.mentions.map { ($0.text, a.entities[$0.entity].type) }
        #expect(has(ms, "Rowan Talbot-Keane", .person), "\(ms)")
        #expect(has(ms, "Edwina Strand", .person), "\(ms)")
        #expect(!ms.contains { $0.0.contains("Minister") || $0.0.contains("Chairman") }, "\(ms)")
        let rowan = a.mentions.first { $0.text == "Rowan Talbot-Keane" }.map { a.entities[$0.entity] }
        #expect(rowan?.roles == ["Fisheries Affairs Minister"], "\(String(describing: rowan?.roles))")
        // a sentence's first word that is a common word is not part of the name that follows it
        let opener = mentions("Boss Gordon Strachley said the team had played well. Strachley was pleased.")
        #expect(has(opener, "Gordon Strachley", .person), "\(opener)")
        #expect(!opener.contains { $0.0.hasPrefix("Boss") }, "\(opener)")
        // a title word ending a name is a surname
        #expect(has(mentions("The loan was approved, said Gordon Judge of the regional bank."), "Gordon Judge", .person))
    }

    @Test func aCompanyWordEndingANameMakesItAnOrganisation() {
        let ms = mentions("Shares of Tillman Brodie Oil rose after Corwin Halsey International said it would bid.")
        #expect(has(ms, "Tillman Brodie Oil", .org), "\(ms)")
        #expect(has(ms, "Corwin Halsey International", .org), "\(ms)")
        // a designator alone is never a name
        let alone = mentions("The Marston Valley Brick Co. said on Friday that Co. shares fell.")
        #expect(!alone.contains { $0.0 == "Co." || $0.0 == "Co" }, "\(alone)")
    }

    @Test func aNameFollowedByAndCoIsAFirm() {
        let ms = mentions("""
            Analysts at Harlow Penrith and Co said the shares were cheap. Harlow Penrith expects the \
            price to rise, while Edwina Strand & Sons sold its stake. John Blaine said little.
            """)
        #expect(has(ms, "Harlow Penrith and Co", .org), "\(ms)")
        #expect(has(ms, "Harlow Penrith", .org), "\(ms)")
        #expect(has(ms, "Edwina Strand & Sons", .org), "\(ms)")
        #expect(!ms.contains { $0.0 == "Harlow Penrith" && $0.1 == .person }, "\(ms)")
        // a person named in the same sentence stays a person
        #expect(has(ms, "John Blaine", .person), "\(ms)")
        let corp = mentions("Brantley Steel Corp said it filed for bankruptcy. Brantley Steel said creditors would be paid.")
        #expect(has(corp, "Brantley Steel", .org) && !has(corp, "Brantley Steel", .person), "\(corp)")
        let ltd = mentions("Silver rose, brokers Bertram Ashcombe and Co Ltd said. Bertram Ashcombe expects more.")
        #expect(has(ltd, "Bertram Ashcombe and Co Ltd", .org), "\(ltd)")
        #expect(has(ltd, "Bertram Ashcombe", .org), "\(ltd)")
    }

    @Test func eachTypesOrdinalIsItsPositionAmongAllCases() {
        // arrays indexed by type (the tagger's gazetteer tags, coreference's salts, type votes)
        for (i, t) in EntityType.allCases.enumerated() { #expect(t.ordinal == i, "\(t)") }
    }

    @Test func aNationalityOrCountryOpeningACompanysNameIsPartOfIt() {
        let ms = mentions("Norwegian Fjord Ferries Ltd said on Monday that U.S. Harbor Corp would buy two of its ships.")
        #expect(has(ms, "Norwegian Fjord Ferries Ltd", .org), "\(ms)")
        #expect(has(ms, "U.S. Harbor Corp", .org), "\(ms)")
        #expect(!ms.contains { $0.0 == "Norwegian" || $0.0 == "U.S." }, "\(ms)")
        // a place of several words, and an organisation's own span going on to its designators
        let more = mentions("Shares of Danish Harbour Transport Co Plc rose on Monday, traders at the New York Cotton Exchange said.")
        #expect(has(more, "Danish Harbour Transport Co Plc", .org), "\(more)")
        #expect(has(more, "New York Cotton Exchange", .org), "\(more)")
        #expect(!more.contains { $0.0 == "New York" || $0.0 == "Danish" }, "\(more)")
        // a nationality before a common noun stays a nationality
        #expect(has(mentions("Norwegian officials said the ferry would sail."), "Norwegian", .norp))
    }

    @Test func honorificsMarkPersons() {
        let ms = mentions("The talks ended late. Mr. Kim left the hall, and Mrs. Okonjo stayed with Dr. Haverford.")
        #expect(has(ms, "Kim", .person))
        #expect(has(ms, "Okonjo", .person))
        #expect(has(ms, "Haverford", .person))
    }

    @Test func possessiveIsOutsideTheSpan() {
        let ms = mentions("Analysts said Russia’s army and Germany's economy were under strain.")
        #expect(has(ms, "Russia", .gpe))
        #expect(has(ms, "Germany", .gpe))
    }

    @Test func organisationHeads() {
        let ms = mentions("The Carnegie Endowment for International Peace and the Ministry of Foreign Affairs both issued statements, as did the Meridian Shipping Corporation.")
        #expect(has(ms, "Carnegie Endowment for International Peace", .org))
        #expect(ms.contains { $0.0.contains("Ministry of Foreign Affairs") && $0.1 == .org })
        #expect(ms.contains { $0.0.contains("Meridian Shipping Corporation") && $0.1 == .org })
    }

    @Test func sentenceInitialCommonWordsAreNotEntities() {
        let ms = mentions("However, the plan failed. Notably, nobody objected. In the end, the Kremlin agreed.")
        #expect(!ms.contains { $0.0 == "However" || $0.0 == "Notably" || $0.0 == "In" })
        #expect(has(ms, "Kremlin", .org))
    }

    @Test func particlesAndHyphens() {
        let ms = mentions("The group was led by Abu Bakr al-Baghdadi. Ursula von der Leyen spoke after Jean-Claude Juncker.")
        #expect(ms.contains { $0.0.contains("al-Baghdadi") && $0.1 == .person })
        #expect(ms.contains { $0.0.contains("von der Leyen") && $0.1 == .person })
        #expect(ms.contains { $0.0.contains("Jean-Claude") && $0.1 == .person })
    }

    @Test func nationalitiesAreNORPAndFacilities() {
        let ms = mentions("A Russian delegation greeted North Korean officials at the Vostochny space center near the Khasan border station.")
        #expect(has(ms, "Russian", .norp))
        #expect(has(ms, "North Korean", .norp))
        #expect(has(ms, "Vostochny space center", .facility))
        #expect(has(ms, "Khasan border station", .facility))
    }

    @Test func allCapsHeadlineAndDateline() {
        let ms = mentions("RUSSIA AND NORTH KOREA HOLD TALKS\nMOSCOW 2023-09-12\nThe talks began on Tuesday.")
        #expect(ms.contains { $0.0 == "RUSSIA" })
        #expect(ms.contains { $0.0 == "NORTH KOREA" })
        #expect(ms.contains { $0.0 == "MOSCOW" })
    }

    @Test func eventsAndLaws() {
        let ms = mentions("Leaders met at the Eastern Economic Forum in Vladivostok to discuss the Paris Agreement.")
        #expect(ms.contains { $0.0 == "Eastern Economic Forum" && ($0.1 == .org || $0.1 == .event) })
        #expect(has(ms, "Vladivostok", .gpe))
        #expect(ms.contains { $0.0.contains("Paris Agreement") && $0.1 == .law } || ms.contains { $0.0 == "Paris" })
    }

    @Test func spansAreExactCodePoints() {
        let body = "🇺🇸 Witnesses said “Kim Jong Un’s train” 👍🏽 reached Vladivostok, KCNA said."
        let a = Analyzer().analyze(body)
        let t = DocumentText(body)
        #expect(!a.mentions.isEmpty)
        for m in a.mentions { #expect(t.text(m.span) == m.text) }
        #expect(a.mentions.contains { $0.text == "Kim Jong Un" })
        #expect(a.mentions.contains { $0.text == "Vladivostok" })
    }
}
