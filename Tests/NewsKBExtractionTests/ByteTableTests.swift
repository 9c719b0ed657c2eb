import Testing
@testable import NewsKBExtraction

/// ``ByteTable``: keys found by their bytes, ASCII case folded when asked, at every key length
/// (the hash reads eight bytes at a time, then the rest).
@Suite struct ByteTableTests {
    func find(_ t: ByteTable<Int>, _ s: String, in text: String = "") -> Int? {
        // The key inside a larger buffer, so that the look-up reads a slice, not a whole buffer.
        let bytes = Array(("«" + text + s + text + "»").utf8)
        let start = Array(("«" + text).utf8).count
        return bytes.withUnsafeBufferPointer { t.value($0, start, start + s.utf8.count) }
    }

    @Test func everyLengthFoundAndNoPrefixConfused() {
        var t = ByteTable<Int>(foldCase: false, capacity: 4)
        let keys = (0...20).map { String(repeating: "x", count: $0) + "y" }
        for (i, k) in keys.enumerated() { t.insert(k, i) }
        for (i, k) in keys.enumerated() {
            #expect(find(t, k, in: "pad ") == i)
            #expect(find(t, String(k.dropLast())) == nil)
            #expect(find(t, k + "y") == nil)
        }
        #expect(t.count == keys.count)
    }

    @Test func foldsASCIILettersOnly() {
        var t = ByteTable<Int>(foldCase: true)
        t.insert("Prime Minister", 1)
        t.insert("Élysée Palace", 2)
        t.insert("[at@]", 3)
        #expect(find(t, "PRIME MINISTER") == 1)
        #expect(find(t, "prime minister") == 1)
        #expect(find(t, "Élysée PALACE") == 2)
        #expect(find(t, "éLYSÉE PALACE") == nil)   // non-ASCII bytes compare verbatim
        t.insert("{x}", 4)
        #expect(find(t, "[AT@]") == 3)
        #expect(find(t, "{at`}") == nil)          // `@` and `[` (next to `A` and `Z`) are not folded
        #expect(find(t, "[X]") == nil)
        #expect(find(t, "{X}") == 4)
    }

    @Test func caseSensitiveTable() {
        var t = ByteTable<Int>(foldCase: false)
        t.insert("WHO", 1)
        #expect(find(t, "WHO") == 1)
        #expect(find(t, "who") == nil)
        #expect(t.value("WHO") == 1)
    }

    @Test func emptyKey() {
        var t = ByteTable<Int>(foldCase: true)
        #expect(find(t, "") == nil)
        t.insert("", 7)
        #expect(find(t, "") == 7)
        #expect(find(t, "a") == nil)
    }

    @Test func replacingKeepsOneEntry() {
        var t = ByteTable<Int>(foldCase: true)
        #expect(t.insert("Kremlin", 1) == 0)
        #expect(t.insert("KREMLIN", 2) == 0)
        #expect(find(t, "kremlin") == 2)
        #expect(t.count == 1)
    }
}
