import Testing
import Foundation
@testable import NewsKB

@Suite(.serialized) struct ClaimCorpusTests {
    func doc(_ key: String, _ body: String, published: String? = nil, title: String? = nil) -> SourceDocument {
        SourceDocument(key: key, title: title, published: published, body: body, origin: key)
    }

    func seeds() throws -> [SourceDocument] {
        let files = try FileManager.default.contentsOfDirectory(atPath: repoRoot + "/seeds").filter { $0.hasSuffix(".txt") }.sorted()
        return try files.map { doc($0, try String(contentsOfFile: repoRoot + "/seeds/" + $0, encoding: .utf8)) }
    }

    @Test func seedFactsGroupAcrossTheArticlesThatStateThem() throws {
        let (_, store) = try importDocs(try seeds())
        let db = store.db
        let speed = try groupDocuments(db, containing: "37 mph")
        #expect(speed.count >= 3, "\(speed)")
        let carriages = try groupDocuments(db, containing: "bulletproof carriages")
        #expect(carriages.count >= 3, "\(carriages)")
        let kirby = try groupDocuments(db, containing: "Shoigu had attempted to persuade")
        #expect(kirby.count >= 4, "\(kirby)")
        // The 2019 Vladivostok summit: stated by the first four articles, in four wordings.
        let summit = try groupDocuments(db, containing: "2019 summit")
        #expect(summit == ["000_b71210cead4df8d3.txt", "001_c5151bc69ca5c79e.txt", "002_0c3f8b5bdfad040c.txt", "003_1e0f470e273bc3f0.txt"], "\(summit)")
        // The stop at Khasan ("brief stop at the Khasan border station", "arrival at the border
        // station of Khasan", "arrival in the border town of Khasan").
        let khasan = try groupDocuments(db, containing: "Khasan")
        #expect(khasan == ["000_b71210cead4df8d3.txt", "003_1e0f470e273bc3f0.txt", "004_4fc8c52cf3cadb9a.txt"], "\(khasan)")
        #expect(try groupDocuments(db, containing: "spy satellite") == ["000_b71210cead4df8d3.txt", "003_1e0f470e273bc3f0.txt"])
        #expect(try groupDocuments(db, containing: "warnings from Washington") == ["000_b71210cead4df8d3.txt", "003_1e0f470e273bc3f0.txt"])
        // The summit and the collapse of the talks with Trump are two facts: no group holds both
        // (the collapse, stated as a clause in one article and as an adjunct, `following the
        // collapse of…`, in others, is no claim of those).
        let both = try db.rows("""
            SELECT claim_group FROM claim_evidence WHERE text LIKE '%2019 summit%'
            INTERSECT SELECT claim_group FROM claim_evidence WHERE text LIKE '%breakdown of nuclear%' OR text LIKE '%collapse of%'
            """)
        #expect(both.isEmpty && !summit.isEmpty)
        // The speed group and the carriages group are two groups.
        let g = try db.rows("SELECT DISTINCT claim_group FROM claim_evidence WHERE text LIKE '%37 mph%' OR text LIKE '%twenty bulletproof%'")
        #expect(g.count == 2)
        // Every evidence span round-trips through substr.
        let bad = try db.scalar("""
            SELECT count(*) FROM claim_evidence e JOIN documents d ON d.key = e.document
             WHERE substr(d.body, e.start + 1, e."end" - e.start) <> e.text
            """)?.int
        #expect(bad == 0)
        #expect(try db.scalar("SELECT count(*) FROM claim_agreement WHERE sources < 2")?.int == 0)
        // One piece of evidence per group and document.
        #expect(try db.int("SELECT count(*) FROM (SELECT 1 FROM claim_evidence GROUP BY claim_group, document HAVING count(*) > 1)") == 0)
    }

    @Test func eachSeedFactIsOneGroupHoldingEveryArticleThatStatesIt() throws {
        let (_, store) = try importDocs(try seeds())
        let db = store.db
        func docs(_ numbers: [String]) -> [String] { numbers.map { n in try! seeds().first { $0.key.hasPrefix(n + "_") }!.key }.sorted() }
        // The evidence text that identifies each fact, and the seed articles (by number) that state it.
        let facts: [(String, [String])] = [
            ("Shoigu", ["000", "001", "002", "003"]),                 // Kirby: Shoigu and artillery ammunition
            ("2019", ["000", "001", "002", "003"]),                   // the 2019 Vladivostok summit
            ("Khasan", ["000", "003", "004"]),                        // the stop at Khasan
            ("bulletproof carriages", ["000", "001", "003"]),
            ("59 k", ["000", "001", "003"]),                          // 37 mph = 59 km/h = 59 kilometers per hour
            ("spy satellite", ["000", "003"]),
            ("not warnings from Washington", ["000", "003"]),         // Peskov's quotation
        ]
        for (text, numbers) in facts {
            let groups = try db.rows("SELECT DISTINCT claim_group FROM claim_evidence WHERE text LIKE '%' || ? || '%'", [text])
            #expect(groups.count == 1, "\(text): \(groups.count) groups")
            #expect(try groupDocuments(db, containing: text) == docs(numbers), "\(text)")
        }
    }

    @Test func seedConflictsOverTheMeetingPlaceAndTheTrainsHeadingAreFound() throws {
        let (_, store) = try importDocs(try seeds())
        let rows = try store.db.rows("SELECT disagreement, kind, topic, document, position FROM disagreements")
        let byTopic = Dictionary(grouping: rows, by: { $0[2].string ?? "" })
        let place = byTopic["meeting place"] ?? []
        #expect(Set(place.compactMap { $0[4].string }).count >= 2, "\(place)")
        #expect(Set(place.compactMap { $0[3].string }).count >= 2)
        let heading = byTopic["heading"] ?? []
        #expect(heading.contains { $0[4].string == "away from Vladivostok" })
        #expect(heading.contains { $0[4].string == "toward Vladivostok" })
        // The 2019 summit in Vladivostok is another event: not a position on this meeting's place.
        let texts = try store.db.rows("SELECT text FROM disagreements WHERE topic = 'meeting place'").compactMap { $0[0].string }
        #expect(!texts.contains { $0.contains("2019") }, "\(texts)")
        // No false denials or dates: "as early as Tuesday" is a bound, "has not confirmed that
        // Mr Kim will meet him there" denies too little to contradict anything.
        let kinds = Set(rows.compactMap { $0[1].string })
        #expect(kinds == ["place"], "\(rows)")
        #expect(try store.db.scalar("SELECT count(DISTINCT story) FROM stories")?.int == 1)
    }


    @Test func sameDocumentsGiveTheSameViewsWhateverTheImportOrderOrBatchSize() throws {
        var docs = try seeds()
        docs += [
            doc("x1.txt", "An earthquake of magnitude 6.1 struck the coast of Peru on Monday, killing 12 people.", published: "2021-03-01"),
            doc("x2.txt", "A magnitude 6.1 earthquake hit the Peruvian coast on Monday and killed 12 people.", published: "2021-03-02"),
        ]
        // One body under two keys (a wire story filed twice): the store keeps the smaller key,
        // whichever came first.
        docs.append(doc("x0.txt", docs[docs.count - 1].body, published: "2021-03-02"))
        docs.append(doc("zz.txt", docs[0].body, published: docs[0].published))
        let (_, a) = try importDocs(docs)
        #expect(try a.db.rows("SELECT key FROM documents WHERE key IN ('x0.txt', 'x2.txt', 'zz.txt')").map { $0[0].description } == ["x0.txt"])
        let (_, b) = try importDocs(docs.reversed(), batchSize: 2)
        // Incrementally: half first, then the rest.
        let dir = TempDir()
        let store = try KnowledgeStore.openForWriting(path: dir.file("c.db"))
        _ = try Importer(store: store).importDocuments(Array(docs[3...]))
        _ = try Importer(store: store).importDocuments(Array(docs[..<3]))
        let va = try corpusViews(a.db)
        #expect(!va.isEmpty)
        #expect(va == (try corpusViews(b.db)))
        // Imported in two runs, the store keeps the ids its first run gave: the same views as sets.
        #expect(try corpusSets(a.db) == corpusSets(store.db))
    }

    @Test func eachKindOfDisagreementIsFound() throws {
        let (_, store) = try importDocs([
            doc("a.txt", """
                The earthquake killed 120 people in the mountain villages of Nepal, officials said on Sunday.
                The summit will take place in Geneva next week, diplomats said.
                Investigators said that Iran supplies Russia with attack drones for the war.
                The company has confirmed that its factory in the northern town will close.
                """, published: "2015-04-26"),
            doc("b.txt", """
                The earthquake killed 45 people in the mountain villages of Nepal, officials said on Sunday.
                The summit will take place in Vienna next week, diplomats said.
                Investigators said that Russia supplies Iran with attack drones for the war.
                The company has not confirmed that its factory in the northern town will close.
                """, published: "2015-04-26"),
        ])
        let kinds = Set(try store.db.rows("SELECT kind FROM disagreements").compactMap { $0[0].string })
        #expect(kinds.isSuperset(of: ["numeric", "place", "direction", "negation"]), "\(kinds)")
        // Each disagreement lists both sources.
        let perConflict = try store.db.rows("SELECT disagreement, count(DISTINCT document) FROM disagreements GROUP BY 1")
        #expect(perConflict.allSatisfy { $0[1].int == 2 })
        let numeric = try store.db.rows("SELECT position FROM disagreements WHERE kind = 'numeric' ORDER BY document").compactMap { $0[0].string }
        #expect(numeric.contains { $0.contains("120") } && numeric.contains { $0.contains("45") })
    }

    @Test func aNumericPairFromTwoStoriesIsNoDisagreement() {
        func row(_ doc: Int, _ value: Double) -> ClaimCorpus.ClaimRow {
            // One proposition (the same sentence vector) about one holder (entity key 7).
            var r = ClaimCorpus.ClaimRow(id: Int64(doc), doc: doc, start: 0, end: 40, negated: false, matchKeys: "", keys: [7],
                                         vector: [Int8](repeating: 8, count: 256))
            r.quantities = [Quantity(value: value, unit: "", noun: "people", span: TextSpan(0, 9))]
            return r
        }
        let keys = DisagreementFinder.KeyNames([row(0, 0)], names: { _ in "kestrel" }, isDate: { _ in false }, isEntity: { $0 == 7 })
        #expect(DisagreementFinder.passes(row(0, 40), row(1, 52), .numeric, keys, sameStory: true))
        #expect(!DisagreementFinder.passes(row(0, 40), row(1, 52), .numeric, keys, sameStory: false))
        #expect(!DisagreementFinder.passes(row(0, 40), row(1, 40.5), .numeric, keys, sameStory: true))
    }

    @Test func numbersDisagreeOnlyWithinOneStory() throws {
        // The same kind of statement with other numbers, in articles about two different events
        // (other places, other people, a week apart): not a disagreement between sources.
        let (_, store) = try importDocs([
            doc("a.txt", """
                Floods in the southern province of Sindh killed 40 people, the disaster agency said on Monday.
                Rescue teams in boats reached villages cut off by the Indus river near Sukkur.
                """, published: "2022-08-01"),
            doc("b.txt", """
                Floods killed 25 people in the Bavarian town of Passau, the regional police said on Monday.
                Firefighters pumped water out of cellars along the Danube and the Inn.
                """, published: "2022-08-08"),
            doc("c.txt", """
                Floods in the southern province of Sindh killed 40 people, officials in Karachi said on Monday.
                Rescue teams in boats reached villages near Sukkur cut off by the Indus river.
                """, published: "2022-08-01"),
            doc("d.txt", """
                Floods in the southern province of Sindh killed 52 people, a provincial minister said on Monday.
                Rescue teams in boats reached villages along the Indus river near Sukkur.
                """, published: "2022-08-02"),
        ])
        let numeric = try store.db.rows("""
            SELECT disagreement, group_concat(document, ' ') FROM (SELECT DISTINCT disagreement, document FROM disagreements
             WHERE kind = 'numeric' ORDER BY document) GROUP BY disagreement
            """).compactMap { $0[1].string }
        // Sindh: 40 (two outlets) against 52; Passau's 25 is another story.
        #expect(numeric == ["a.txt c.txt d.txt"], "\(numeric)")
    }

    @Test func timeDisagreementsCompareResolvedDates() throws {
        let (_, store) = try importDocs([
            doc("a.txt", "The two presidents met on Tuesday at the lakeside palace outside the capital, aides said.", published: "2019-06-14"),
            doc("b.txt", "The two presidents met on Wednesday at the lakeside palace outside the capital, aides said.", published: "2019-06-14"),
        ])
        let rows = try store.db.rows("SELECT kind, position FROM disagreements WHERE kind = 'time'")
        #expect(Set(rows.compactMap { $0[1].string }) == ["on 2019-06-11", "on 2019-06-12"], "\(rows)")
    }

    @Test func denialsConflictOnlyWithTheSamePropositionAboutTheSameSubject() throws {
        let (_, store) = try importDocs([
            doc("a.txt", """
                Mexico will pay for the new border wall, the candidate told supporters in Phoenix.
                The mayor attended the opening ceremony of the border wall at the harbour.
                The attack on the border post happened at night near the harbour.
                He ran on Republican principles in the border wall campaign.
                """, published: "2016-08-31"),
            doc("b.txt", """
                Mexico will not pay for the new border wall, the foreign minister said in a statement.
                The governor did not attend the opening ceremony of the border wall at the harbour.
                The attack on the border post did not happen in a vacuum, an analyst said.
                Those are not Republican principles, a senator said of the border wall campaign.
                """, published: "2016-08-31"),
        ])
        let db = store.db
        #expect(try db.scalar("SELECT count(DISTINCT story) FROM stories")?.int == 1)
        let rows = try db.rows("SELECT disagreement, document, position, text FROM disagreements WHERE kind = 'negation' ORDER BY 1, 2")
        // One conflict: Mexico will pay / will not pay. Not the mayor against the governor (another
        // subject), not "did not happen in a vacuum" (another predicate), not "Those are not …"
        // (no subject named).
        #expect(Set(rows.compactMap { $0[0].int }).count == 1, "\(rows)")
        #expect(rows.map { $0[2].string ?? "" } == ["asserts", "denies"])
        #expect(rows.allSatisfy { ($0[3].string ?? "").contains("Mexico") })
    }

    @Test func datesOfDifferentEventsOrBoundsDoNotConflict() throws {
        let (_, store) = try importDocs([
            // Two meetings of one president with different people.
            doc("a.txt", "President Barack Obama met House Speaker John Boehner on Tuesday to discuss the tax deal and the budget.", published: "2010-12-09"),
            doc("b.txt", "President Barack Obama met President Bronislaw Komorowski of Poland on Wednesday to discuss missile defence and the tax deal.", published: "2010-12-09"),
            // A meeting announced for Thursday and reported after it.
            doc("c.txt", "President Barack Obama will meet Senator Bernie Sanders on Thursday at the White House.", published: "2016-06-07"),
            doc("d.txt", "President Barack Obama met Senator Bernie Sanders on Thursday at the White House.", published: "2016-06-10"),
            // A bound is not a date of the event.
            doc("e.txt", "The summit of the two leaders could take place as early as Monday in the border town.", published: "2016-06-10"),
            doc("f.txt", "The summit of the two leaders took place on Wednesday in the border town.", published: "2016-06-10"),
        ])
        let rows = try store.db.rows("SELECT document, position FROM disagreements WHERE kind = 'time'")
        #expect(rows.isEmpty, "\(rows)")
    }

    @Test func placesConflictForOneEventNotForTwo() throws {
        let (_, store) = try importDocs([
            doc("a.txt", """
                President Donald Trump will meet President Vladimir Putin in Helsinki on Monday, officials said.
                NATO defence ministers met in Brussels on Wednesday to prepare the summit.
                """, published: "2018-07-13"),
            doc("b.txt", """
                President Donald Trump will meet President Vladimir Putin in Vienna on Monday, officials said.
                Theresa May met Emmanuel Macron in London on Wednesday to prepare the summit.
                """, published: "2018-07-13"),
        ])
        let rows = try store.db.rows("SELECT position FROM disagreements WHERE kind = 'place'").compactMap { $0[0].string }
        // Helsinki against Vienna (the same two leaders); not Brussels (NATO ministers) against
        // London (May and Macron), nor either against Helsinki or Vienna.
        #expect(Set(rows) == ["at Helsinki", "at Vienna"], "\(rows)")
    }

    @Test func pastEventsAndOtherYearsAreNotPositions() throws {
        let (_, store) = try importDocs([
            doc("a.txt", """
                The leaders will meet in Geneva next week, diplomats said on Monday.
                The unemployment rate in the region was 5 percent in 2019, the agency said.
                """, published: "2021-03-01"),
            doc("b.txt", """
                The leaders will meet in Geneva next week; their 2019 summit took place in Vienna.
                The unemployment rate in the region was 7 percent in 2021, the agency said.
                """, published: "2021-03-01"),
        ])
        let rows = try store.db.rows("SELECT kind, position FROM disagreements")
        #expect(rows.isEmpty, "\(rows)")
    }

    @Test func sameMeasuresInOtherUnitsGroupAndTwoSharedWordsDoNot() throws {
        let (_, store) = try importDocs([
            doc("a.txt", """
                The new express train reaches a top speed of 200 mph (322 km/h) on the coastal line.
                We will bring back our jobs.
                """, published: "2022-05-02"),
            doc("b.txt", """
                Its maximum is 322 kilometres per hour (200 miles per hour).
                We will bring back our borders.
                """, published: "2022-05-02"),
        ])
        // No word in common, the same two measures: one fact (found through the measures).
        #expect(try groupDocuments(store.db, containing: "322") == ["a.txt", "b.txt"])
        // Two shared words are too little to make two short claims one.
        #expect(try groupDocuments(store.db, containing: "bring back").isEmpty)
    }

    @Test func whatIsToHappenAndWhatHappenedAreTwoStagesNotOneFact() throws {
        let (_, store) = try importDocs([
            doc("a.txt", """
                Engineers from the three companies, who have worked on the processor for three years, will unveil the chip at a conference in San Francisco.
                The processor runs ten times faster than current desktop chips.
                """, published: "2005-02-07"),
            doc("b.txt", """
                Engineers from the three companies, who have worked on the processor for three years, unveiled the chip in San Francisco on Monday.
                The processor runs ten times faster than current desktop chips, the companies say.
                """, published: "2005-02-08"),
        ])
        // The chip to be unveiled and the chip unveiled: two stages of the story.
        let unveil = try store.db.rows("SELECT DISTINCT claim_group FROM claim_evidence WHERE text LIKE '%unveil%'")
        #expect(unveil.count == 0, "\(unveil)")
        // A fact in the present stated by both groups.
        #expect(try groupDocuments(store.db, containing: "ten times faster") == ["a.txt", "b.txt"])
    }

    @Test func paraphrasesGroupAndNearMissesDoNot() throws {
        let (_, store) = try importDocs([
            doc("a.txt", """
                Defence Minister Sergei Shoigu tried to persuade Pyongyang to sell artillery ammunition to Moscow.
                The central bank raised its main interest rate to 5 percent on Thursday.
                """, published: "2023-09-01"),
            doc("b.txt", """
                Defence Minister Sergei Shoigu attempted to convince Pyongyang to sell artillery ammunition to Moscow.
                The central bank cut its main interest rate to 3 percent on Thursday.
                """, published: "2023-09-01"),
            doc("c.txt", """
                Sergei Shoigu inspected a new artillery factory near Moscow and praised its workers.
                """, published: "2023-09-01"),
        ])
        let shoigu = try groupDocuments(store.db, containing: "persuade Pyongyang")
        #expect(shoigu == ["a.txt", "b.txt"])
        // Same entities, different claim: the factory visit and the interest-rate moves do not group.
        #expect(try groupDocuments(store.db, containing: "inspected").isEmpty)
        #expect(try groupDocuments(store.db, containing: "interest rate").isEmpty)
    }

    @Test func twoEventsWithTheSameActorsAreTwoStories() throws {
        let first = """
            President Donald Trump and North Korean leader Kim Jong Un met in Singapore on Tuesday for their first summit.
            The two leaders signed a joint statement at the Capella hotel on Sentosa island.
            Kim committed to work toward complete denuclearization of the Korean peninsula, the statement said.
            """
        let second = """
            President Donald Trump and North Korean leader Kim Jong Un ended their summit in Hanoi abruptly on Thursday.
            The talks at the Metropole hotel collapsed over demands for sanctions relief, officials said.
            No agreement was signed, and a planned lunch was cancelled.
            """
        let (_, store) = try importDocs([
            doc("s1.txt", first, published: "2018-06-12"),
            doc("s2.txt", first.replacingOccurrences(of: "met in Singapore", with: "held talks in Singapore"), published: "2018-06-12"),
            doc("h1.txt", second, published: "2019-02-28"),
            doc("h2.txt", second.replacingOccurrences(of: "ended their summit", with: "cut short their meeting"), published: "2019-02-28"),
        ])
        let rows = try store.db.rows("SELECT document, story FROM stories ORDER BY document")
        let story = Dictionary(uniqueKeysWithValues: rows.map { ($0[0].string ?? "", $0[1].int ?? -1) })
        #expect(story["s1.txt"] == story["s2.txt"])
        #expect(story["h1.txt"] == story["h2.txt"])
        #expect(story["s1.txt"] != story["h1.txt"])
    }

    @Test func claimsAreComparedWithinTwoWeekWindowsAndUndatedDocumentsWithAll() throws {
        let fact = "The central bank raised its main interest rate to 4.5 percent to curb rising inflation, the governor said."
        let paraphrase = "The governor said the central bank raised its main interest rate to 4.5 percent to curb rising inflation."
        var docs = [
            // Same week: one group; across a week boundary, 6 days apart: the same group.
            doc("a.txt", fact, published: "2022-03-02"),
            doc("b.txt", paraphrase, published: "2022-03-04"),
            doc("c.txt", fact + " Markets fell.", published: "2022-03-08"),
            // Months later: never compared with the others.
            doc("d.txt", paraphrase + " Markets rose.", published: "2022-09-20"),
        ]
        func groups(_ db: Database) throws -> [String] {
            try db.rows("""
                SELECT group_concat(document) FROM (SELECT DISTINCT claim_group, document FROM claim_evidence ORDER BY 1, 2)
                 GROUP BY claim_group
                """).map { $0[0].string ?? "" }
        }
        let (_, dated) = try importDocs(docs)
        #expect(try groups(dated.db) == ["a.txt,b.txt,c.txt"])
        #expect(try ClaimCorpus(db: dated.db).update(full: true).windows == 3)  // weeks of a/b, c, d
        // An undated document is compared with every window (so it can join both).
        docs.append(doc("e.txt", "Officials said that " + fact.lowercased()))
        let (_, mixed) = try importDocs(docs)
        #expect(try groups(mixed.db) == ["a.txt,b.txt,c.txt,d.txt,e.txt"])
        #expect(try ClaimCorpus(db: mixed.db).update(full: true).windows == 4)
    }

    @Test func oneTemplateSaidByTwoCompaniesIsTwoFacts() throws {
        // Two refiners each say the same words of themselves: two facts; the same refiner in two
        // reports (named two ways): one.
        let text = " said its new posting for Brent crude at the Sullom Voe terminal in Shetland is 19 dlrs a barrel, effective today."
        let docs = [
            doc("h.txt", "Hartwell Petroleum Corp" + text, published: "1987-06-17"),
            doc("h2.txt", "Hartwell Petroleum" + text, published: "1987-06-17"),
            doc("k.txt", "Kessler Energy Inc" + text, published: "1987-06-17"),
        ]
        let (_, store) = try importDocs(docs)
        let groups = try store.db.rows("""
            SELECT group_concat(document) FROM (SELECT DISTINCT claim_group, document FROM claim_evidence ORDER BY 1, 2)
             GROUP BY claim_group
            """).map { $0[0].string ?? "" }
        #expect(groups == ["h.txt,h2.txt"], "\(groups)")
    }

    @Test func onePersonNamedMoreOrLessFullyIsOneEntityKeyAcrossDocuments() throws {
        // One person named three ways (with a middle initial, with a familiar given name) in three
        // reports: one key for stories and claims; another person with the same surname: another.
        let docs = [
            doc("p1.txt", "Robert T. Pemberton said the Elm Street bridge would reopen in May.", published: "1987-06-17"),
            doc("p2.txt", "Bob Pemberton, the city engineer, said on Tuesday the bridge would reopen in May.", published: "1987-06-17"),
            doc("p3.txt", "The bridge will reopen in May, Robert Pemberton told the council.", published: "1987-06-17"),
            doc("a.txt", "Alice Pemberton said the Elm Street library would close in June.", published: "1987-06-17"),
        ]
        let (_, store) = try importDocs(docs)
        let keys = try store.db.strings("""
            SELECT DISTINCT e.match_key FROM entities e JOIN mentions m ON m.entity_id = e.id
             WHERE e.type = 'PERSON' ORDER BY 1
            """)
        #expect(keys == ["alice_pemberton", "robert_pemberton"], "\(keys)")
        let names = try store.db.strings("SELECT name FROM entities WHERE match_key = 'robert_pemberton' ORDER BY name")
        #expect(names == ["Bob Pemberton", "Robert Pemberton", "Robert T. Pemberton"], "\(names)")
        // A user asking for any of the names finds that name first, then the person's others.
        let q = EntityQueries(db: store.db)
        func named(_ ids: [Int64]) throws -> [String] { try ids.map { try store.db.strings("SELECT name FROM entities WHERE id = ?", [$0])[0] } }
        #expect(try named(q.resolveRanked("Bob Pemberton")) == ["Bob Pemberton", "Robert T. Pemberton", "Robert Pemberton"])
        #expect(try named(q.resolveRanked("Mr. Robert Pemberton")).sorted() == names)
        #expect(try named(q.resolveRanked("Alice Pemberton")) == ["Alice Pemberton"])
        let said = try StatementQueries(db: store.db).whoSaid(.init(speaker: "Rob Pemberton"))
        #expect(Set(said.rows.compactMap { $0[said.columns.firstIndex(of: "document")!].string }) == ["p1.txt", "p2.txt", "p3.txt"], "\(said.rows)")
    }

    @Test func replacingADocumentUpdatesGroups() throws {
        let dir = TempDir()
        let store = try KnowledgeStore.openForWriting(path: dir.file("r.db"))
        let a = doc("a.txt", "The bridge collapsed on Monday after days of heavy rain in the northern province.", published: "2020-01-06")
        let b = doc("b.txt", "The bridge in the northern province collapsed on Monday after days of heavy rain.", published: "2020-01-06")
        _ = try Importer(store: store).importDocuments([a, b])
        #expect(try store.db.scalar("SELECT count(*) FROM claim_groups")?.int == 1)
        _ = try Importer(store: store).importDocuments([doc("b.txt", "The football club signed a new striker from Brazil for a record fee.", published: "2020-01-06")])
        #expect(try store.db.scalar("SELECT count(*) FROM claim_groups")?.int == 0)
        #expect(try store.db.scalar("SELECT count(*) FROM stories")?.int == 2)
    }

    @Test func groupingScalesAboutLinearly() throws {
        let small = ClaimGrouper.benchmark(claims: 20_000)
        let large = ClaimGrouper.benchmark(claims: 80_000)
        #expect(small.groups > 1000)
        // Four times the claims: far fewer than sixteen times the comparisons.
        #expect(Double(large.comparisons) < 8 * Double(max(1, small.comparisons)), "\(small) \(large)")
        if let n = ProcessInfo.processInfo.environment["NEWSKB_BENCH_CLAIMS"].flatMap(Int.init) {
            let r = ClaimGrouper.benchmark(claims: n)
            print("ClaimGrouper.benchmark(\(n)): \(r.seconds) s, \(r.groups) groups, \(r.comparisons) comparisons")
        }
    }

    @Test func cliCommandsAnswer() throws {
        let dir = TempDir()
        let db = dir.file("cli.db")
        let imp = try CLI.run(["import", "--db", db, repoRoot + "/seeds"])
        #expect(imp.status == 0, "\(imp.stderr)")
        let agree = try CLI.run(["agree", "--db", db, "--min-sources", "3", "--format", "json"])
        #expect(agree.status == 0, "\(agree.stderr)")
        let rows = try JSONSerialization.jsonObject(with: Data(agree.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(rows.allSatisfy { ($0["sources"] as? Int ?? 0) >= 3 })
        #expect(rows.contains { ($0["text"] as? String ?? "").contains("Shoigu") })
        let about = try CLI.run(["agree", "--db", db, "--about", "Shoigu", "--format", "csv"])
        #expect(about.status == 0 && about.stdout.contains("Shoigu"))
        let dis = try CLI.run(["disagree", "--db", db])
        #expect(dis.status == 0 && dis.stdout.contains("Vladivostok"))
        let st = try CLI.run(["stories", "--db", db, "--format", "csv"])
        #expect(st.status == 0 && st.stdout.contains("004_4fc8c52cf3cadb9a.txt"))
        let cmp = try CLI.run(["compare", "--db", db, "--format", "csv"])
        #expect(cmp.status == 0 && cmp.stdout.contains("shared"))
        let help = try CLI.run(["agree", "--help"])
        #expect(help.stdout.contains("--min-sources"))
        let bad = try CLI.run(["agree", "--db", db, "--min-sources", "0"])
        #expect(bad.status != 0)
    }
}
