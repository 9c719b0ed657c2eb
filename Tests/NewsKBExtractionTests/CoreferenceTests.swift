import Testing
@testable import NewsKBExtraction

/// In-document coreference: aliases resolve to the fullest name, different things never merge.
@Suite struct CoreferenceTests {
    func entity(_ a: DocumentAnalysis, containing text: String) -> DocumentEntity? {
        guard let m = a.mentions.first(where: { $0.text == text }) else { return nil }
        return a.entities[m.entity]
    }

    @Test func aCompanysNameThatIsAPersonsSurnameIsThePerson() {
        // `Fox` is Fox News in the gazetteer; here it is Liam Fox, also after `Mr.`
        let a = Analyzer().analyze("Liam Fox, the shadow foreign secretary, spoke in Leeds on Monday. Fox said the talks had failed, and Mr. Fox later repeated it.")
        let foxes = a.mentions.filter { $0.text == "Fox" }.map { a.entities[$0.entity] }
        #expect(foxes.count == 2 && foxes.allSatisfy { $0.canonicalName == "Liam Fox" && $0.type == .person }, "\(foxes)")
        // the company stays the company where no person bears its name
        let b = Analyzer().analyze("Analysts said Fox had raised its advertising rates for the autumn season.")
        #expect(b.mentions.filter { $0.text == "Fox" }.allSatisfy { b.entities[$0.entity].canonicalName == "Fox News" })
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

    @Test func formOfAddressKeepsASurnameFromAPersonOfTheOtherGender() {
        let a = Analyzer().analyze("""
            The governor's wife, Eleanor Haldane, opened the new wing of the hospital on Friday.
            Mr. Haldane arrived an hour later. Mrs. Haldane thanked the nurses.
            """)
        let wife = entityIndex(a, "Eleanor Haldane")
        #expect(wife != nil)
        #expect(entityIndex(a, "Haldane", occurrence: 1) == wife)   // Mrs. Haldane
        #expect(entityIndex(a, "Haldane", occurrence: 0) != wife)   // Mr. Haldane
        #expect(entity(a, containing: "Eleanor Haldane")?.gender == .female)
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

    @Test func aGivenNameAfterMrIsASurname() {
        let a = Analyzer().analyze("""
            Howard Pettifer was deselected by the party on Friday. Mr Howard, the party leader, said the rules were clear.
            Mr Pettifer said he would appeal.
            """)
        #expect(entityIndex(a, "Howard") != nil && entityIndex(a, "Howard") != entityIndex(a, "Howard Pettifer"), "\(a.entities)")
        #expect(entityIndex(a, "Pettifer") == entityIndex(a, "Howard Pettifer"), "\(a.entities)")
        // a surname that is also a given name still joins (`Mr James` of `David James`)
        let b = Analyzer().analyze("The savings were found by David James. Mr James said 250,000 jobs could go.")
        #expect(entityIndex(b, "James") == entityIndex(b, "David James"), "\(b.entities)")
    }

    @Test func twoPeopleWithOneSurnameStayTwo() {
        let a = Analyzer().analyze("""
            Halvorsen Marine said its chairman Arne Halvorsen and its chief executive Petra Halvorsen had resigned.
            Halvorsen said the board would meet on Friday. Petra Halvorsen declined to comment.
            """)
        let arne = entityIndex(a, "Arne Halvorsen"), petra = entityIndex(a, "Petra Halvorsen")
        #expect(arne != nil && petra != nil && arne != petra, "\(a.mentions.map { ($0.text, $0.entity) })")
        // the short form goes to one of them, the nearest before it, and joins no one else
        #expect(entityIndex(a, "Halvorsen", occurrence: 0) == petra)
        #expect(entityIndex(a, "Petra Halvorsen", occurrence: 1) == petra)
        // the same person written with and without a middle initial is one person
        let b = Analyzer().analyze("Edgar T. Brannigan said prices would rise. Edgar Brannigan, an analyst, added that Brannigan expected more.")
        #expect(entityIndex(b, "Edgar T. Brannigan") == entityIndex(b, "Edgar Brannigan"))
        #expect(entityIndex(b, "Brannigan") == entityIndex(b, "Edgar Brannigan"))
    }

    @Test func aNameCalledByItsFirstWordAndEndingInACommonWordIsNotAPerson() {
        let a = Analyzer().analyze("""
            Garvin Machines said on Tuesday it had agreed to buy a plant. Garvin said the price was not disclosed.
            Hessler Light said on Friday that sales rose. Hessler said profits would follow.
            Quentin Block said on Friday that orders rose. Block said profits would follow.
            """)
        #expect(entity(a, containing: "Garvin Machines")?.type == .org, "\(a.entities)")
        #expect(entityIndex(a, "Garvin") == entityIndex(a, "Garvin Machines"))
        #expect(entity(a, containing: "Hessler Light")?.type == .org, "\(a.entities)")
        // people are called by their surname, even one that is a common word
        #expect(entity(a, containing: "Quentin Block")?.type == .person, "\(a.entities)")
        #expect(entityIndex(a, "Block") == entityIndex(a, "Quentin Block"))
    }

    @Test func gazetteerNamesHaveOneCanonicalNameInEveryDocument() {
        // a document that only writes `U.S.` or `America` names the same entity as one that
        // writes `United States`
        for body in ["U.S. officials said the talks went well.", "Officials in America said the talks went well.",
                     "The United States said the talks went well."] {
            let a = Analyzer().analyze(body)
            #expect(a.entities.contains { $0.canonicalName == "United States" && $0.type == .gpe }, "\(body): \(a.entities)")
        }
        // a one-letter fragment (a ticker's suffix) is never a short form of a name
        let b = Analyzer().analyze("Kessler Bank AG <KESG.F> said profits rose, board member F. Anton Kessler said.")
        #expect(entity(b, containing: "F. Anton Kessler")?.aliases.contains("F") != true, "\(b.entities)")
    }

    @Test func aTitleWithoutANameIsARoleNotAnEntity() {
        let a = Analyzer().analyze("""
            Energy Secretary John Harrow said prices would fall. The Energy Secretary later told reporters \
            that Harrow would visit Texas. The Treasury Secretary declined to comment.
            """)
        #expect(!a.entities.contains { $0.canonicalName.hasSuffix("Secretary") }, "\(a.entities)")
        let harrow = entity(a, containing: "John Harrow")
        #expect(harrow?.roles == ["Energy Secretary"])
        #expect(harrow?.aliases == ["Harrow"])
    }

    @Test func aCompanyIsKnownByItsNameWithoutDesignators() {
        // two documents writing one firm with different designators name the same entity
        let a = Analyzer().analyze("Shares of Tillbury Cartwright and Co Inc rose. Tillbury Cartwright and Co Inc said it would buy back stock.")
        let b = Analyzer().analyze("Analysts at Tillbury Cartwright & Co. expect a rebound, said Tom Hale.")
        let c = Analyzer().analyze("Harwell Foods Corp said on Monday that Harwell Foods would close a plant.")
        #expect(entity(a, containing: "Tillbury Cartwright and Co Inc")?.canonicalName == "Tillbury Cartwright", "\(a.entities)")
        #expect(entity(b, containing: "Tillbury Cartwright & Co.")?.canonicalName == "Tillbury Cartwright", "\(b.entities)")
        #expect(entity(a, containing: "Tillbury Cartwright and Co Inc")?.aliases == ["Tillbury Cartwright and Co Inc"])
        #expect(entity(c, containing: "Harwell Foods Corp")?.canonicalName == "Harwell Foods", "\(c.entities)")
        // a head that is not a designator stays (`Group`), and so do people and places
        let d = Analyzer().analyze("Shares of Bellmont Holdings Group fell on Monday.")
        #expect(entity(d, containing: "Bellmont Holdings Group")?.canonicalName == "Bellmont Holdings Group", "\(d.entities)")
        // one word left names the firm only when the document calls it so: a word alone names
        // many things across a corpus (the city, every firm of a trade)
        let e = Analyzer().analyze("The shares were sold through The Milwaukee Co. and its partners.")
        #expect(entity(e, containing: "Milwaukee Co.")?.canonicalName == "Milwaukee Co.", "\(e.entities)")
        let f = Analyzer().analyze("The retailer agreed to buy Supermarkets Inc for 30 dlrs a share.")
        #expect(entity(f, containing: "Supermarkets Inc")?.canonicalName == "Supermarkets Inc", "\(f.entities)")
        let g = Analyzer().analyze("Vantrell Corp said its quarterly profit rose 12 pct. Analysts said shares of Vantrell would gain.")
        #expect(entity(g, containing: "Vantrell Corp")?.canonicalName == "Vantrell", "\(g.entities)")
    }

    @Test func aGazetteerNameWrittenInLowerCaseIsAnotherPhrase() {
        let a = Analyzer().analyze("The lender backs half of all US house purchases, officials said.")
        #expect(!a.entities.contains { $0.canonicalName == "House of Representatives" }, "\(a.entities)")
        let b = Analyzer().analyze("The US House voted on Tuesday to extend the program.")
        #expect(b.entities.contains { $0.canonicalName == "House of Representatives" }, "\(b.entities)")
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
        // an acronym in parentheses right after a name is that name's, whatever else it spells
        let d = Analyzer().analyze("""
            Amsel-Brandt Bank NV (Abra) disagreed. Algen Bank Nordhaven NV (ABN) says the rate is right. ABN agrees.
            """)
        #expect(entityIndex(d, "ABN") == entityIndex(d, "Algen Bank Nordhaven NV"), "\(d.entities)")
        #expect(entityIndex(d, "ABN") != entityIndex(d, "Amsel-Brandt Bank NV"), "\(d.entities)")
        // an acronym spells two words of the name itself, not one and a designator
        let b = Analyzer().analyze("Dravelle NV reported higher margins. DN shares rose 3 pct in Amsterdam.")
        #expect(entityIndex(b, "DN") == nil || entityIndex(b, "DN") != entityIndex(b, "Dravelle NV"), "\(b.entities)")
        let c = Analyzer().analyze("Corrigan Ware Ltd launched a bid. CWL said it held 20 pct.")
        #expect(entityIndex(c, "CWL") != nil && entityIndex(c, "CWL") == entityIndex(c, "Corrigan Ware Ltd"), "\(c.entities)")
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

    @Test func onePersonNamedMoreOrLessFullyHasOneKeyAcrossDocuments() {
        func key(_ name: String, _ type: EntityType = .person) -> String {
            ClaimKey.entityMatchKey(DocumentEntity(canonicalName: name, type: type))
        }
        // a lone middle initial, a generation suffix and a familiar given name are left out
        #expect(key("Harold T. Pemberton") == "harold_pemberton")
        #expect(key("Harold Pemberton") == "harold_pemberton")
        #expect(key("Robert K. Ashdown III") == "robert_ashdown")
        #expect(key("Bob Ashdown") == "robert_ashdown")
        #expect(key("Robert Ashdown Jr.") == "robert_ashdown")
        // the father beside his son is another person
        #expect(key("Robert Ashdown Sr.") == "robert_ashdown_sr.")
        #expect(key("Mike Ferrant") == key("Michael J. Ferrant"))
        #expect(key("Steve Calloway") == key("Stephen Calloway"))
        // two middle initials tell two people apart; a middle name that is a word stays
        #expect(key("Walter H. W. Quigley") == "walter_h._w._quigley")
        #expect(key("Walter W. Quigley") == "walter_quigley")
        #expect(key("Ana Maria Ruiz") == "ana_maria_ruiz")
        // one word, and names of other things, are as written
        #expect(key("Mike") == "mike")
        #expect(key("Mike R. Holdings", .org) == "mike_r._holdings")
        // the names a document reads: its fullest name gives the key
        let a = Analyzer().analyze("Harold T. Pemberton, the mayor, spoke on Monday. Pemberton said the bridge would reopen.")
        #expect(a.entities.filter { $0.type == .person }.map(ClaimKey.entityMatchKey) == ["harold_pemberton"])
    }
}
