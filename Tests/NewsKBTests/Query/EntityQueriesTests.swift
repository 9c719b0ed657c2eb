import Testing
import Foundation
@testable import NewsKB

/// Entities over real extraction output of the seed articles.
@Suite struct EntityQueriesTests {
    let dir = TempDir()
    let store: KnowledgeStore

    init() throws {
        _ = try importInto(dir.file("t.db"), [repoRoot + "/seeds"])
        store = try KnowledgeStore.openForReading(path: dir.file("t.db"))
    }

    var queries: EntityQueries { EntityQueries(db: store.db) }

    @Test func anyAliasOrRoleResolvesToTheOneCanonicalEntity() throws {
        let kim = try queries.resolve("Kim Jong Un")
        #expect(kim.count == 1)
        for alias in ["Kim", "Mr. Kim", "Mr Kim", "kim jong un"] {
            #expect(try queries.resolve(alias) == kim, "\(alias)")
        }
        let peskov = try queries.resolve("Dmitry Peskov")
        #expect(peskov.count == 1)
        for alias in ["Peskov", "Mr Peskov", "Kremlin spokesman"] {
            #expect(try queries.resolve(alias) == peskov, "\(alias)")
        }
        #expect(try queries.resolve("Nobody Anywhere").isEmpty)
    }

    @Test func differentThingsStayDifferent() throws {
        let names = try store.db.strings("SELECT name || '/' || type FROM entities")
        #expect(names.contains("Pyongyang/GPE") && names.contains("North Korea/GPE"))
        #expect(names.contains("Russia/GPE"))
        #expect(names.contains { $0.hasPrefix("Kremlin/") || $0.hasPrefix("the Kremlin/") })
        #expect(try queries.resolve("Pyongyang") != queries.resolve("North Korea"))
        #expect(try queries.resolve("Kremlin") != queries.resolve("Russia"))
    }

    @Test func listFiltersByTypeAndDocuments() throws {
        let people = try queries.list(type: "person", minDocuments: 4)
        let names = people.column("name").map(\.description)
        #expect(names.contains("Kim Jong Un") && names.contains("Vladimir Putin"))
        #expect(people.column("type").allSatisfy { $0.description == "PERSON" })
        #expect(people.column("documents").allSatisfy { ($0.int ?? 0) >= 4 })
    }

    @Test func profileShowsRolesDocumentsAndStatements() throws {
        let p = try queries.profile("Kremlin spokesman")
        #expect(p.count == 1)
        #expect(p[0].name == "Dmitry Peskov" && p[0].type == "PERSON")
        #expect(p[0].roles.contains { $0.lowercased().contains("kremlin spokesman") })
        #expect(p[0].documents.rows.count >= 2)
        #expect(p[0].documents.column("snippet").allSatisfy { $0.description.contains("Peskov") })
        #expect(p[0].statements.column("quote").contains { $0.description.contains("national interest") })
    }
}

/// A name several entities go by: the canonical one first, then the most used.
@Suite struct EntityRankingTests {
    @Test func aNameResolvesBestMatchFirst() throws {
        let dir = TempDir()
        let db = try KnowledgeStore.openForWriting(path: dir.file("t.db")).db
        try db.execute("""
            INSERT INTO entities(id, name, type, name_key, match_key) VALUES
              (5, 'U.S.', 'GPE', 'us', 'u.s.'), (6, 'Union Station', 'FACILITY', 'union station', 'union_station'),
              (7, 'United States', 'GPE', 'united states', 'united_states'), (8, 'Ursula Smith', 'PERSON', 'ursula smith', 'ursula_smith');
            INSERT INTO entity_aliases(entity_id, alias, alias_key, document_id) VALUES
              (7, 'US', 'us', NULL), (7, 'US', 'us', NULL), (7, 'U.S', 'us', NULL), (6, 'US', 'us', NULL);
            """)
        let q = EntityQueries(db: db)
        #expect(try q.resolveRanked("US") == [5, 7, 6])
        #expect(try q.resolveRanked("u.s.") == [5, 7, 6])
        #expect(try q.resolve("US") == [5, 6, 7])
        #expect(try q.resolveRanked("Ms Smith") == [8], "a surname, after the title")
        #expect(try q.resolveRanked("Smith") == [8])
        #expect(try q.resolveRanked("Station").isEmpty, "surnames are for persons")
    }
}

/// `newskb entity NAME` when the name means many entities: the best ones in full, the others named.
@Suite struct ManyEntitiesOfOneNameTests {
    @Test func theFirstPageProfilesTheBestMatchesAndNamesTheOthers() throws {
        let dir = TempDir()
        let path = dir.file("t.db")
        _ = try CLI.run(["import", "--quiet", "--db", path, repoRoot + "/seeds"])
        let db = try KnowledgeStore.openForWriting(path: path).db
        // Eight companies some document abbreviates `EC`; the more documents, the better the match.
        for i in 1...8 {
            try db.execute("INSERT INTO entities(name, type, name_key, match_key) VALUES ('Example Corp \(i)', 'ORG', 'example corp \(i)', 'example_corp_\(i)')")
            let id = db.lastInsertRowID
            for _ in 0..<i { try db.execute("INSERT INTO entity_aliases(entity_id, alias, alias_key, document_id) VALUES (\(id), 'EC', 'ec', NULL)") }
        }
        let page = try CLI.run(["entity", "--db", path, "EC", "--format", "csv"])
        #expect(page.status == 0, "\(page.stderr)")
        let names = page.stdout.split(separator: "\r\n").dropFirst().map { String($0.split(separator: ",")[0]) }
        #expect(names == (4...8).reversed().map { "Example Corp \($0)" }, "\(page.stdout)")
        #expect(page.stderr.contains("showing the best 5 of 8 entities called \"EC\"; also: Example Corp 3 (ORG), Example Corp 2 (ORG), Example Corp 1 (ORG)"), "\(page.stderr)")
        let all = try CLI.run(["entity", "--db", path, "EC", "--format", "csv", "--all"])
        #expect(all.stdout.split(separator: "\r\n").count == 9 && all.stderr.isEmpty, "\(all.stdout) \(all.stderr)")
    }
}

@Suite struct UserAliasTests {
    @Test func anAddedAliasIsHonouredByTheNextImportAndReanalysesStoredDocuments() throws {
        let dir = TempDir()
        dir.write("in/a.txt", "Ministers met on Monday.\nThe Frobnitz Council approved the plan, Jo Bloggs said.\nBloggs added that the vote was close.")
        let db = dir.file("t.db")
        _ = try importInto(db, [dir.file("in")])
        let before = try KnowledgeStore.openForReading(path: db).db
        #expect(try EntityQueries(db: before).resolve("JB").isEmpty)

        let store = try KnowledgeStore.openForWriting(path: db)
        let aliases = UserAliases(db: store.db)
        #expect(try aliases.add(.init(alias: "Frobnitz Council", canonical: "Frobnitz Council", type: .org)))
        #expect(try aliases.add(.init(alias: "Bloggs", canonical: "Josephine Bloggs", type: .person)))
        #expect(try !aliases.add(.init(alias: "Bloggs", canonical: "Josephine Bloggs", type: .person)))

        let (s, _, after) = try importInto(db, [dir.file("in")])
        #expect(s.replaced == 1, "stored documents are re-analysed when the user aliases change")
        let names = try after.db.strings("SELECT name || '/' || type FROM entities ORDER BY 1")
        #expect(names.contains("Frobnitz Council/ORG"))
        #expect(names.contains("Josephine Bloggs/PERSON"))
        #expect(try EntityQueries(db: after.db).resolve("Bloggs") == EntityQueries(db: after.db).resolve("Josephine Bloggs"))

        // Unchanged configuration: nothing to do.
        let (again, _, _) = try importInto(db, [dir.file("in")])
        #expect(again.unchanged == 1 && again.replaced == 0)
        #expect(try aliases.remove(alias: "Bloggs") == 1)
    }
}

@Suite struct AliasKeyTests {
    @Test func lookupKeysIgnoreCaseDotsSpacesAndPossessives() {
        let cases: [(String, String)] = [
            ("Mr. Peskov", "mr peskov"), ("mr  peskov", "mr peskov"), ("U.S.", "us"),
            ("Kim’s", "kim"), ("Putin's", "putin"), ("  Ümit ÖZDAĞ ", "ümit özdağ"), ("Kremlin\tspokesman", "kremlin spokesman"),
            ("  Dmitry  Peskov. ", "dmitry peskov"), ("Peskov’s", "peskov"), ("", ""),
        ]
        for (input, key) in cases { #expect(AliasKey.make(input) == key, "\(input)") }
    }
}
