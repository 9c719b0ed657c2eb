import Testing
import NewsKBExtraction
@testable import NewsKB

/// Keys numbered as a window meets them (``KeyCounts/fromStored``, the first round of an
/// import's comparisons): a window sorts them by name, so it numbers its keys exactly as it would
/// with corpus-wide ids (ranks of the sorted names), and weighs them by the stored counts.
@Suite struct KeyInterningTests {
    /// A store with the counts of an earlier run for two of the keys.
    func store() throws -> Database {
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE corpus_weights (hash INTEGER PRIMARY KEY, claims INTEGER NOT NULL, docs INTEGER NOT NULL)")
        for (name, claims, docs) in [("strike", 40, 12), ("e:harbour_authority", 7, 3)] {
            try db.execute("INSERT INTO corpus_weights(hash, claims, docs) VALUES (?, ?, ?)", [Int64(bitPattern: KeyHash.of(name)), claims, docs])
        }
        return db
    }

    @Test func aWindowOfInternedKeysNumbersThemInNameOrderAndWeighsThemByTheStoredCounts() throws {
        let db = try store()
        let counts = try KeyCounts(db: db)
        counts.fromStored = true
        try counts.count()
        try counts.weigh(bySnapshotOf: 1_000)
        let marker = try #require(ClaimKey.marker(.past))
        // Met in this order: ids 0, 1, 2, … whatever their names.
        let met = ["strike", "zebra", "d:2026-03", "crew", "e:harbour_authority", "aardvark", marker, "ferri", "d:2026"]
        func intern(_ name: String) -> Int32 {
            Array(name.utf8).withUnsafeBytes { counts.intern(KeyHash.of(name), $0) }
        }
        #expect(met.map(intern) == (0..<Int32(met.count)).map { $0 })
        #expect(intern("crew") == 3 && counts.distinctKeys == met.count)  // (once each)
        try counts.weighInterned()

        func ids(_ names: [String]) -> [Int32] { names.map { Int32(met.firstIndex(of: $0)!) } }
        var claims = [ClaimCorpus.ClaimRow(id: 1, doc: 0, start: 0, end: 40, negated: false, matchKeys: "",
                                           keys: ids(["strike", "crew", "e:harbour_authority", "d:2026-03", "d:2026"])),
                      ClaimCorpus.ClaimRow(id: 2, doc: 1, start: 0, end: 30, negated: false, matchKeys: "",
                                           keys: ids(["zebra", marker, "crew", "aardvark"]))]
        var titles = [(doc: 0, keys: ids(["ferri", "strike", "ferri"]))]
        var scratch = [Int32]()
        let keys = try WindowKeys(claims: &claims, titles: &titles, counts: counts, scratch: &scratch)

        // Sorted by their bytes, as corpus-wide ids would be.
        #expect(keys.names == met.sorted { KeyCounts.precedes($0, $1) })
        #expect(keys.names.first == "aardvark")
        // Each claim's keys in window ids, ascending, naming the same keys; titles keep their order.
        #expect(claims[0].keys == claims[0].keys.sorted())
        #expect(Set(claims[0].keys.map { keys.names[Int($0)] }) == ["strike", "crew", "e:harbour_authority", "d:2026-03", "d:2026"])
        #expect(Set(claims[1].keys.map { keys.names[Int($0)] }) == ["zebra", marker, "crew", "aardvark"])
        #expect(titles[0].keys.map { keys.names[Int($0)] } == ["ferri", "strike", "ferri"])
        // Weighed by the stored counts; keys they do not hold count as held once.
        func index(_ name: String) -> Int { keys.names.firstIndex(of: name)! }
        #expect(keys.claimFrequency[index("strike")] == 40 && keys.documentFrequency[index("strike")] == 12)
        #expect(keys.claimFrequency[index("e:harbour_authority")] == 7)
        #expect(keys.claimFrequency[index("zebra")] == 1 && keys.documentFrequency[index("zebra")] == 1)
        #expect(keys.weights == ClaimGrouper.weights(counts: keys.claimFrequency, claims: 1_000))
        // What the names say: kinds, dates, moods.
        #expect(keys.kinds[index("e:harbour_authority")] == .entity && keys.kinds[index("d:2026")] == .date && keys.kinds[index("crew")] == .word)
        #expect(keys.dateKeys == [Int32(index("d:2026")), Int32(index("d:2026-03"))])
        #expect(keys.dateValues[index("d:2026-03")] == ClaimGrouper.packedDate(ofKey: "d:2026-03"))
        #expect(keys.dateValues[index("crew")] == 0)
        #expect(keys.moods[index(marker)] == .past && keys.moods[index("crew")] == nil)
        try counts.drop()
    }

    @Test func aStoredRecordReadWithInternedKeysNamesEachKeyOfItsClaims() throws {
        let db = try store()
        let counts = try KeyCounts(db: db)
        counts.fromStored = true
        var record = DocumentRecord()
        for t in ["harbour", "strike"] { record.titleKeys.append(KeyHash.of(t)); record.addName(KeyHash.of(t), t.utf8) }
        let claimKeys = [["strike", "crew", "e:harbour_authority"], ["harbour", "crew", "d:2026-03"]]
        record.claims = claimKeys.enumerated().map { i, names in
            DocumentRecord.Claim(id: Int64(10 + i), start: 20 * i, end: 20 * i + 15, negated: i == 1, line: names.joined(separator: " "),
                                 keys: names.map(KeyHash.of))
        }
        for names in claimKeys { for n in names { record.addName(KeyHash.of(n), n.utf8) } }
        var title = [Int32](), read = [(id: Int64, negated: Bool, keys: [Int32])]()
        record.stored().withUnsafeBytes { bytes in
            DocumentRecord.decodeStored(bytes, key: counts.intern, title: { title.append($0) }) { c, keys in read.append((c.id, c.negated, keys)) }
        }
        func name(_ id: Int32) throws -> String { try counts.entry(id).name }
        #expect(try title.map(name) == ["harbour", "strike"])
        #expect(read.map(\.id) == [10, 11] && read.map(\.negated) == [false, true])
        #expect(try read.map { try $0.keys.map(name) } == claimKeys)
        // Each name once: "harbour" of the title is the key of the second claim.
        #expect(counts.distinctKeys == 5)
        try counts.drop()
    }
}
