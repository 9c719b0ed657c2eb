/// A read-only hash table keyed by byte strings, for allocation-free lexicon look-ups in hot
/// loops: keys are hashed straight from a slice of the document's UTF-8 bytes.
///
/// Keys are stored in one flat buffer; open addressing with linear probing; 64-bit FNV-1a
/// hashes. With `foldCase`, ASCII letters are lower-cased both when keys are inserted and when
/// they are looked up (non-ASCII bytes are compared verbatim).
public struct ByteTable<Value: Sendable>: Sendable {
    private var keyBytes: [UInt8] = []
    // slot -> entry index + 1 (0 = empty)
    private var slots: [Int32]
    private var entryHash: [UInt64] = []
    private var entryStart: [Int32] = []
    private var entryLength: [Int32] = []
    public private(set) var values: [Value] = []
    public let foldCase: Bool
    private var mask: Int

    public init(foldCase: Bool, capacity: Int = 64) {
        self.foldCase = foldCase
        var n = 16
        while n < capacity * 2 { n <<= 1 }
        slots = [Int32](repeating: 0, count: n)
        mask = n - 1
    }

    public var count: Int { values.count }

    @inline(__always)
    static func fold(_ b: UInt8, _ fold: Bool) -> UInt8 {
        (fold && b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
    }

    /// ASCII upper-case letters of the eight bytes of `v` lower-cased, other bytes unchanged
    /// (SWAR: a byte's top bit marks it as `A`...`Z`, then becomes its 0x20 bit).
    @inline(__always)
    static func foldWord(_ v: UInt64) -> UInt64 {
        let low7 = v & 0x7F7F_7F7F_7F7F_7F7F
        let atLeastA = low7 &+ 0x3F3F_3F3F_3F3F_3F3F     // top bit set when byte >= 0x41
        let pastZ = low7 &+ 0x2525_2525_2525_2525        // top bit set when byte >= 0x5B
        let upper = atLeastA & ~pastZ & ~v & 0x8080_8080_8080_8080
        return v | (upper >> 2)
    }

    /// The hash of `p[start..<end]` (folded when `fold`). Eight bytes at a time: only the
    /// table's slot placement depends on it, never which key is found.
    @inline(__always)
    public static func hash(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, fold: Bool) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: end - start)
        guard let base = p.baseAddress, start < end else { return h }
        var i = start
        while i + 8 <= end {
            var v = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
            if fold { v = foldWord(v) }
            h = (h ^ v) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 29
            i += 8
        }
        if i < end {
            // The last 1...7 bytes as the low bytes of one little-endian word, read without
            // leaving the buffer: one load when it holds eight bytes from `i` (or eight bytes
            // ending at `end`), else two overlapping loads (the overlap ORs a byte with itself).
            let rest = end - i
            let at = UnsafeRawPointer(base + i)
            var v: UInt64
            if i + 8 <= p.count {
                v = UInt64(littleEndian: at.loadUnaligned(as: UInt64.self)) & (~UInt64(0) >> UInt64(64 - 8 * rest))
            } else if end >= 8 {
                v = UInt64(littleEndian: UnsafeRawPointer(base + end - 8).loadUnaligned(as: UInt64.self)) >> UInt64(64 - 8 * rest)
            } else if rest >= 4 {
                v = UInt64(UInt32(littleEndian: at.loadUnaligned(as: UInt32.self)))
                    | UInt64(UInt32(littleEndian: at.loadUnaligned(fromByteOffset: rest - 4, as: UInt32.self))) << UInt64(8 * (rest - 4))
            } else if rest >= 2 {
                v = UInt64(UInt16(littleEndian: at.loadUnaligned(as: UInt16.self)))
                    | UInt64(UInt16(littleEndian: at.loadUnaligned(fromByteOffset: rest - 2, as: UInt16.self))) << UInt64(8 * (rest - 2))
            } else {
                v = UInt64(p[i])
            }
            if fold { v = foldWord(v) }
            h = (h ^ v) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 29
        }
        h = h &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 32)
    }

    /// Inserts or replaces `key` (its UTF-8 bytes). Returns the entry index.
    @discardableResult
    public mutating func insert(_ key: String, _ value: Value) -> Int {
        let bytes = Array(key.utf8)
        return bytes.withUnsafeBufferPointer { p in insert(p, 0, p.count, value) }
    }

    @discardableResult
    public mutating func insert(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ value: Value) -> Int {
        if let e = find(p, start, end) {
            values[e] = value
            return e
        }
        if (values.count + 1) * 2 > slots.count { grow() }
        let h = Self.hash(p, start, end, fold: foldCase)
        let e = values.count
        entryHash.append(h)
        entryStart.append(Int32(keyBytes.count))
        entryLength.append(Int32(end - start))
        for i in start..<end { keyBytes.append(Self.fold(p[i], foldCase)) }
        values.append(value)
        place(e, h)
        return e
    }

    private mutating func place(_ e: Int, _ h: UInt64) {
        var s = Int(truncatingIfNeeded: h) & mask
        while slots[s] != 0 { s = (s + 1) & mask }
        slots[s] = Int32(e + 1)
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        for e in 0..<values.count { place(e, entryHash[e]) }
    }

    /// The entry index of the key `p[start..<end]`, if present.
    @inline(__always)
    public func find(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        find(p, start, end, hash: Self.hash(p, start, end, fold: foldCase))
    }

    public func find(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, hash h: UInt64) -> Int? {
        if values.isEmpty { return nil }
        let len = end - start
        var s = Int(truncatingIfNeeded: h) & mask
        while true {
            let v = Int(slots[s])
            if v == 0 { return nil }
            let e = v - 1
            if entryHash[e] == h && Int(entryLength[e]) == len {
                let ks = Int(entryStart[e])
                var ok = true
                var i = 0
                while i < len {
                    if keyBytes[ks + i] != Self.fold(p[start + i], foldCase) { ok = false; break }
                    i += 1
                }
                if ok { return e }
            }
            s = (s + 1) & mask
        }
    }

    @inline(__always)
    public func value(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Value? {
        if let e = find(p, start, end) { return values[e] }
        return nil
    }

    public func value(_ key: String) -> Value? {
        let bytes = Array(key.utf8)
        return bytes.withUnsafeBufferPointer { p in value(p, 0, p.count) }
    }

    public func contains(_ key: String) -> Bool { value(key) != nil }

    /// Calls `body` with each key (as stored: folded when ``foldCase``) and its value, in
    /// insertion order.
    public func forEach(_ body: (UnsafeBufferPointer<UInt8>, Value) -> Void) {
        keyBytes.withUnsafeBufferPointer { k in
            for e in 0..<values.count {
                let start = Int(entryStart[e])
                body(UnsafeBufferPointer(rebasing: k[start..<(start + Int(entryLength[e]))]), values[e])
            }
        }
    }
}

extension ByteTable where Value == Bool {
    /// A set of words: each one a key (value `true`).
    public init<Words: Sequence>(words: Words, foldCase: Bool, capacity: Int = 64) where Words.Element == String {
        self.init(foldCase: foldCase, capacity: capacity)
        for w in words { insert(w, true) }
    }

    /// A set of words written one after the other, separated by spaces or line breaks.
    public init(spaced list: String, foldCase: Bool, capacity: Int = 64) {
        self.init(words: list.split(whereSeparator: { $0 == " " || $0 == "\n" }).lazy.map(String.init), foldCase: foldCase, capacity: capacity)
    }

    /// The first field of every entry of a lexicon file (``LexiconFiles/entries(_:)``), as a set
    /// of words.
    public init(lexicon name: String, foldCase: Bool, capacity: Int = 64) {
        self.init(words: LexiconFiles.entries(name).lazy.map { $0[0] }, foldCase: foldCase, capacity: capacity)
    }
}

/// Access to the embedded lexicon files (`Sources/NewsKBExtraction/Lexicons/*.txt`).
///
/// Common format: UTF-8, one entry per line; `#` starts a comment line (a `#` preceded by
/// whitespace starts a trailing comment); blank lines are ignored; fields are separated by a
/// TAB or by ` | ` as each file documents.
public enum LexiconFiles {
    /// The raw contents of an embedded lexicon file, or "" when absent.
    public static func contents(_ name: String) -> String {
        for f in EmbeddedLexicons.files where f.name == name { return f.contents }
        return ""
    }

    /// The entries of a lexicon file: comment-stripped, trimmed, non-empty lines split into
    /// fields on TAB or `|` (each field trimmed).
    public static func entries(_ name: String) -> [[String]] {
        var out = [[String]]()
        for raw in contents(name).split(separator: "\n", omittingEmptySubsequences: true) {
            var line = Substring(raw)
            if line.hasPrefix("#") { continue }
            var prev: Character = "x"
            if let idx = line.indices.first(where: { i in
                defer { prev = line[i] }
                return line[i] == "#" && (prev == " " || prev == "\t")
            }) { line = line[..<idx] }
            let fields = line.split(whereSeparator: { $0 == "\t" || $0 == "|" })
                .map { $0.trimmingCharacters(in: " \t\r") }
            if fields.isEmpty || fields[0].isEmpty { continue }
            out.append(fields)
        }
        return out
    }
}

extension Substring {
    func trimmingCharacters(in set: String) -> String {
        var s = self[...]
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
