import Testing
@testable import NewsKB

/// The candidate look-up's order of documents (``DocumentOrder``): read key by key while few are
/// asked about, from one scan of the key index past that; both ways give canonical order
/// (``KeyCounts/precedes``: UTF-8 bytes), and neither knows a deleted document.
@Suite struct DocumentOrderTests {
    /// Keys whose byte order differs from their ids' order and, for two of them, from the
    /// order of `String` comparison of unnormalised text (`e` + combining acute sorts before `é`).
    static let keys: [(id: Int64, key: String)] = [
        (1, "wire/2026-03-02/b.txt"), (2, "wire/2026-03-02/a.txt"), (3, "Z-last-uppercase-first"),
        (5, "caf\u{E9}.txt"), (6, "cafe\u{301}.txt"), (9, "wire/2026-03-02/a.txt:2"), (12, "0001"),
    ]

    func store(sparse: Bool = false) throws -> Database {
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE documents (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE)")
        for (id, key) in Self.keys {
            try db.execute("INSERT INTO documents(id, key) VALUES (?, ?)", [sparse ? id * 1_000_000 : id, key])
        }
        return db
    }

    @Test(arguments: [false, true])
    func keyByKeyAndOneScanGiveTheKeysByteOrder(sparse: Bool) throws {
        let db = try store(sparse: sparse)
        let scale: Int64 = sparse ? 1_000_000 : 1
        let oneByOne = try DocumentOrder(db: db, scanAfter: .max)
        let scanned = try DocumentOrder(db: db, scanAfter: 0)
        let ids = Self.keys.map { $0.id * scale } + [4 * scale, 100 * scale]  // two that do not exist
        for a in ids {
            for b in ids {
                let x = Self.keys.first { $0.id * scale == a }?.key, y = Self.keys.first { $0.id * scale == b }?.key
                let expected: Bool? = if let x, let y { KeyCounts.precedes(x, y) } else { nil }
                #expect(try oneByOne.precedes(a, b) == expected, "\(a) \(b)")
                #expect(try scanned.precedes(a, b) == expected, "\(a) \(b)")
            }
            #expect(try oneByOne.exists(a) == Self.keys.contains { $0.id * scale == a })
            #expect(try scanned.exists(a) == Self.keys.contains { $0.id * scale == a })
        }
        #expect(!oneByOne.scanned && scanned.scanned)
        // Byte order, not `String` order: the decomposed é (0x65 0xCC 0x81) before the composed one (0xC3 0xA9).
        #expect(try scanned.precedes(6 * scale, 5 * scale) == true)
        #expect(try scanned.precedes(12 * scale, 3 * scale) == true && scanned.precedes(3 * scale, 2 * scale) == true)
    }

    @Test func itSwitchesToOneScanOnceEnoughDocumentsWereAskedAbout() throws {
        let db = try store()
        let order = try DocumentOrder(db: db, scanAfter: 3)
        #expect(try order.precedes(2, 1) == true && !order.scanned)  // two read
        #expect(try order.exists(3) && !order.scanned)                // three read
        #expect(try order.precedes(1, 12) == false && order.scanned)  // the fourth asks for the scan
        #expect(try order.precedes(9, 1) == true && order.precedes(1, 4) == nil)
    }
}
