import Testing
import NewsKBExtraction
@testable import NewsKB

/// Document records: the form a run writes for its windows and the compact stored form
/// (`corpus_records`) an import reads back give the same title keys, claims and quantities; the
/// stored form names its keys and has no vectors.
@Suite struct DocumentRecordTests {
    /// A record of a document written for the test: a title with a repeated term, two claims
    /// (one out of canonical order, one negated, one with a large id gap and quantities).
    func sample() -> DocumentRecord {
        var r = DocumentRecord()
        for t in ["ferry", "strike", "ferry"] {
            let h = KeyHash.of(t)
            r.titleKeys.append(h)
            r.addName(h, t.utf8)
        }
        func claim(_ id: Int64, _ start: Int, _ end: Int, _ keys: [String], negated: Bool = false) -> DocumentRecord.Claim {
            var c = DocumentRecord.Claim(id: id, start: start, end: end, negated: negated, line: keys.joined(separator: " "),
                                         keys: keys.map(KeyHash.of))
            c.vector = [3, -7, 127]
            return c
        }
        var late = claim(9_000_000_001, 140, 196, ["ferri", "crew", "e:harbour_authority", "d:2026-03"])
        late.quantities = [Quantity(value: 412, unit: "", noun: "passeng", span: TextSpan(150, 153)),
                           Quantity(value: 18.5, unit: "km/h", span: TextSpan(170, 178))]
        r.claims = [late, claim(12, 0, 57, ["strike", "crew", "union"], negated: true)]
        for c in r.claims { for (k, n) in zip(c.keys, c.line.split(separator: " ")) { r.addName(k, n.utf8) } }
        return r
    }

    @Test func theStoredFormReadsBackAsTheRecordWithoutVectorsAndWithItsKeysNamed() {
        let record = sample()
        var full = (title: [UInt64](), claims: [DocumentRecord.Claim]())
        record.encoded().withUnsafeBytes { bytes in
            DocumentRecord.decode(bytes, title: { full.title.append($0) }, claim: { full.claims.append($0) })
        }
        var stored = (title: [UInt64](), claims: [DocumentRecord.Claim](), names: [UInt64: String]())
        let bytes = record.stored()
        bytes.withUnsafeBytes { bytes in
            DocumentRecord.decodeStored(bytes, key: { h, n in stored.names[h] = String(decoding: n, as: UTF8.self); return h },
                                        title: { stored.title.append($0) }) { c, keys in
                var c = c
                c.keys = keys
                stored.claims.append(c)
            }
        }
        // Title keys in order, with the repeat; claims in canonical order (by start).
        #expect(stored.title == full.title)
        #expect(stored.title == ["ferry", "strike", "ferry"].map(KeyHash.of))
        #expect(stored.claims.map(\.id) == [12, 9_000_000_001])
        #expect(full.claims.map(\.id) == [12, 9_000_000_001])
        for (s, f) in zip(stored.claims, full.claims) {
            #expect((s.start, s.end, s.negated) == (f.start, f.end, f.negated))
            #expect(s.keys == f.keys)
            #expect(s.quantities == f.quantities)
            #expect(s.vector.isEmpty && f.vector == [3, -7, 127])
        }
        #expect(stored.claims[1].quantities.map(\.noun) == ["passeng", ""])
        // Every key is named once, and its hash is its name's.
        #expect(stored.names.count == 7)
        for (h, n) in stored.names { #expect(KeyHash.of(n) == h, "\(n)") }
        #expect(stored.names[KeyHash.of("e:harbour_authority")] == "e:harbour_authority")
        // Compact: varints and key indexes, against 8-byte hashes and vectors.
        #expect(bytes.count < record.encoded().count)
    }
}
