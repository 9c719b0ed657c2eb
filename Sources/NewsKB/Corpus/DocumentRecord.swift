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

    /// The record's bytes; claims in canonical order (start, end, key line, id).
    func encoded() -> [UInt8] {
        var out = ByteWriter(capacity: 8 + claims.count * 96 + titleKeys.count * 8)
        out.put(UInt32(titleKeys.count))
        for k in titleKeys { out.put(k) }
        func before(_ a: Claim, _ b: Claim) -> Bool { (a.start, a.end, a.line, a.id) < (b.start, b.end, b.line, b.id) }
        // Claims come in document position, which is nearly always this order already.
        let sorted = zip(claims, claims.dropFirst()).allSatisfy({ !before($1, $0) }) ? claims : claims.sorted(by: before)
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

    /// Appends little-endian integers and length-prefixed strings to a byte array.
    private struct ByteWriter {
        var bytes = [UInt8]()
        init(capacity: Int) { bytes.reserveCapacity(capacity) }
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
