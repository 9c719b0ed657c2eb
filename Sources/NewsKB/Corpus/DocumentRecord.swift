import NewsKBExtraction

/// What the corpus phase needs of one document, in one compact byte record: its title terms
/// and its claims (id, span, polarity, key hashes, quantities), in the canonical order the
/// windows compare them in.
///
/// ``KeyCounts/count()`` writes one record per document (`temp.corpus_records`) in the same
/// streaming pass that counts the keys, reading claims, entity keys and quantities with three
/// cursors that advance together; a window then reads one row per document instead of running
/// three queries with a seek per claim (``WindowLoader``). Keys are stored as their hashes
/// (``KeyHash``), which the window maps to corpus-wide ids.
///
/// Layout (little-endian): title term count (u32) and hashes (u64 each, in title order, with
/// repeats); claim count (u32); per claim: id (i64), start and end (i32), negated (u8), key
/// count (u16) and distinct key hashes (u64), vector length (u16) and bytes (i8), quantity count (u8) and per quantity value (f64),
/// start and end (i32), unit and noun (u16 length and UTF-8 bytes each).
///
/// The stored form (``stored()``, `corpus_records`, migration 019: what an import reads of the
/// documents its new ones are compared with) is more compact and has no vectors (the
/// comparisons that need them are made again with them, ``CorpusReach``).
struct DocumentRecord {
    struct Claim {
        var id: Int64, start: Int, end: Int, negated: Bool
        /// The claim's full key line (stored keys, then ` e:` and each entity key): for the
        /// canonical order only, not stored.
        var line: String
        /// Distinct key hashes.
        var keys: [UInt64]
        var quantities: [Quantity] = []
        /// The sentence vector (``ClaimVectors``); empty when the claim has none.
        var vector: [Int8] = []
    }

    var titleKeys = [UInt64]()
    var claims = [Claim]()
    /// The names of its keys, each once (``addName(_:_:)``): for the stored form, which refers
    /// to a key by its place here (`place`, by hash).
    private(set) var names = [[UInt8]]()
    private var place = [UInt64: Int]()

    /// Records a key's name, once (its hash and UTF-8 bytes).
    mutating func addName<C: Collection<UInt8>>(_ hash: UInt64, _ bytes: C) {
        guard place[hash] == nil else { return }
        place[hash] = names.count
        names.append(Array(bytes))
    }

    /// The stored form (`corpus_records`): no vectors, and each key by its place in a list of
    /// the record's key names, which the reader hashes again; integers as LEB128 varints.
    /// Layout: name count, each name (length, bytes); title key count and indexes; claim count,
    /// per claim (canonical order): id (zigzag difference from the previous claim's, the first
    /// from 0), start, length, negated, key count and indexes, quantity count and per quantity
    /// value (f64), start, length, unit and noun (length, bytes). Every key must have a name
    /// (``addName(_:_:)``).
    func stored() -> [UInt8] {
        var out = ByteWriter(capacity: 16 + names.count * 10 + claims.count * 40)
        out.varint(UInt64(names.count))
        for n in names {
            out.varint(UInt64(n.count))
            out.bytes += n
        }
        func index(_ h: UInt64) -> UInt64 { UInt64(place[h]!) }
        out.varint(UInt64(titleKeys.count))
        for k in titleKeys { out.varint(index(k)) }
        let sorted = canonical()
        out.varint(UInt64(sorted.count))
        var last: Int64 = 0
        for c in sorted {
            let d = c.id &- last
            out.varint(UInt64(bitPattern: (d << 1) ^ (d >> 63)))
            last = c.id
            out.varint(UInt64(max(0, c.start)))
            out.varint(UInt64(max(0, c.end - c.start)))
            out.bytes.append(c.negated ? 1 : 0)
            out.varint(UInt64(c.keys.count))
            for k in c.keys { out.varint(index(k)) }
            out.varint(UInt64(c.quantities.count))
            for q in c.quantities {
                out.put(q.value.bitPattern)
                out.varint(UInt64(max(0, q.span.start)))
                out.varint(UInt64(max(0, q.span.end - q.span.start)))
                out.varint(UInt64(q.unit.utf8.count))
                out.bytes += q.unit.utf8
                out.varint(UInt64(q.noun.utf8.count))
                out.bytes += q.noun.utf8
            }
        }
        return out.bytes
    }

    /// Reads a stored record (``stored()``), each key as `key` makes it of its hash and name (called once per
    /// key of the record, before the rest): `title` gets each title key, `claim` each claim (its
    /// `line` and `keys` empty, no vector) with its keys.
    static func decodeStored<Key>(_ bytes: UnsafeRawBufferPointer, key: (UInt64, UnsafeRawBufferPointer) -> Key,
                                  title: (Key) -> Void, claim: (Claim, [Key]) -> Void) {
        var r = StoredReader(bytes: bytes)
        guard !r.done else { return }
        var table = [Key]()
        let n = r.varint()
        table.reserveCapacity(n)
        for _ in 0..<n {
            let s = r.slice(r.varint())
            table.append(key(KeyHash(s).value, s))
        }
        guard !r.done else { return }
        for _ in 0..<r.varint() { title(table[r.varint()]) }
        var last: Int64 = 0
        var keys = [Key]()
        for _ in 0..<r.varint() {
            let z = UInt64(r.varint())
            last &+= Int64(bitPattern: (z >> 1) ^ (0 &- (z & 1)))
            let start = r.varint()
            let end = start + r.varint()
            var c = Claim(id: last, start: start, end: end, negated: r.byte() != 0, line: "", keys: [])
            keys.removeAll(keepingCapacity: true)
            for _ in 0..<r.varint() { keys.append(table[r.varint()]) }
            for _ in 0..<r.varint() {
                var raw: UInt64 = 0
                withUnsafeMutableBytes(of: &raw) { $0.copyMemory(from: r.slice(8)) }
                let qs = r.varint()
                let qe = qs + r.varint()
                let unit = r.text(), noun = r.text()
                c.quantities.append(Quantity(value: Double(bitPattern: UInt64(littleEndian: raw)), unit: unit, noun: noun, span: TextSpan(qs, qe)))
            }
            claim(c, keys)
        }
    }

    /// Reads the varints, bytes and names of a stored record in order.
    private struct StoredReader {
        let bytes: UnsafeRawBufferPointer
        var at = 0
        var done: Bool { at >= bytes.count }

        mutating func varint() -> Int {
            var v: UInt64 = 0, shift: UInt64 = 0
            while at < bytes.count {
                let b = bytes[at]
                at += 1
                v |= UInt64(b & 0x7f) << shift
                if b < 0x80 { break }
                shift += 7
            }
            return Int(truncatingIfNeeded: v)
        }

        mutating func byte() -> UInt8 {
            defer { at += 1 }
            return bytes[at]
        }

        mutating func slice(_ n: Int) -> UnsafeRawBufferPointer {
            defer { at += n }
            return UnsafeRawBufferPointer(rebasing: bytes[at..<at + n])
        }

        mutating func text() -> String {
            let n = varint()
            return String(decoding: slice(n), as: UTF8.self)
        }
    }

    /// The record's bytes; claims in canonical order (start, end, key line, id).
    func encoded() -> [UInt8] {
        var out = ByteWriter(capacity: 8 + claims.count * 96 + titleKeys.count * 8)
        out.put(UInt32(titleKeys.count))
        for k in titleKeys { out.put(k) }
        let sorted = canonical()
        out.put(UInt32(sorted.count))
        for c in sorted {
            out.put(c.id)
            out.put(Int32(truncatingIfNeeded: c.start))
            out.put(Int32(truncatingIfNeeded: c.end))
            out.put(UInt8(c.negated ? 1 : 0))
            out.put(UInt16(c.keys.count))
            for k in c.keys { out.put(k) }
            out.put(UInt16(c.vector.count))
            c.vector.withUnsafeBytes { out.bytes.append(contentsOf: $0) }
            out.put(UInt8(min(c.quantities.count, 255)))
            for q in c.quantities.prefix(255) {
                out.put(q.value.bitPattern)
                out.put(Int32(truncatingIfNeeded: q.span.start))
                out.put(Int32(truncatingIfNeeded: q.span.end))
                out.put(q.unit)
                out.put(q.noun)
            }
        }
        return out.bytes
    }

    /// The claims in canonical order (start, end, key line, id).
    private func canonical() -> [Claim] {
        func before(_ a: Claim, _ b: Claim) -> Bool { (a.start, a.end, a.line, a.id) < (b.start, b.end, b.line, b.id) }
        // Claims come in document position, which is nearly always this order already.
        return zip(claims, claims.dropFirst()).allSatisfy({ !before($1, $0) }) ? claims : claims.sorted(by: before)
    }

    /// Appends little-endian integers, varints and length-prefixed strings to a byte array.
    private struct ByteWriter {
        var bytes = [UInt8]()
        init(capacity: Int) { bytes.reserveCapacity(capacity) }
        mutating func varint(_ v: UInt64) {
            var v = v
            while v >= 0x80 {
                bytes.append(UInt8(v & 0x7f) | 0x80)
                v >>= 7
            }
            bytes.append(UInt8(v))
        }
        mutating func put<T: FixedWidthInteger>(_ v: T) {
            var le = v.littleEndian
            Swift.withUnsafeBytes(of: &le) { bytes.append(contentsOf: $0) }
        }
        mutating func put(_ s: String) {
            let n = min(s.utf8.count, Int(UInt16.max))
            put(UInt16(n))
            bytes.append(contentsOf: s.utf8.prefix(n))
        }
    }

    /// Reads a record: `title` gets each title key hash, `claim` each claim (its `line` empty).
    static func decode(_ bytes: UnsafeRawBufferPointer, title: (UInt64) -> Void, claim: (Claim) -> Void) {
        var at = 0
        func get<T: FixedWidthInteger>(_: T.Type) -> T {
            var v = T.zero
            withUnsafeMutableBytes(of: &v) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[at..<at + MemoryLayout<T>.size])) }
            at += MemoryLayout<T>.size
            return T(littleEndian: v)
        }
        func string() -> String {
            let n = Int(get(UInt16.self))
            defer { at += n }
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[at..<at + n]), as: UTF8.self)
        }
        guard bytes.count >= 8 else { return }
        for _ in 0..<get(UInt32.self) { title(get(UInt64.self)) }
        for _ in 0..<get(UInt32.self) {
            var c = Claim(id: get(Int64.self), start: Int(get(Int32.self)), end: Int(get(Int32.self)), negated: get(UInt8.self) != 0,
                          line: "", keys: [])
            let nk = Int(get(UInt16.self))
            c.keys.reserveCapacity(nk)
            for _ in 0..<nk { c.keys.append(get(UInt64.self)) }
            let nv = Int(get(UInt16.self))
            c.vector = Array(UnsafeRawBufferPointer(rebasing: bytes[at..<at + nv]).bindMemory(to: Int8.self))
            at += nv
            for _ in 0..<get(UInt8.self) {
                let value = Double(bitPattern: get(UInt64.self))
                let (start, end) = (Int(get(Int32.self)), Int(get(Int32.self)))
                let unit = string(), noun = string()
                c.quantities.append(Quantity(value: value, unit: unit, noun: noun, span: TextSpan(start, end)))
            }
            claim(c)
        }
    }
}
