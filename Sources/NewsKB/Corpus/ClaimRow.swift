import NewsKBExtraction

extension ClaimCorpus {
    /// A claim as the corpus phase reads it back: its document's canonical number, span,
    /// polarity, keys (ids), quantities and frames (these two for disagreements).
    struct ClaimRow {
        var id: Int64, doc: Int, start: Int, end: Int, negated: Bool, matchKeys: String
        var keys: [Int32] = []
        var quantities: [Quantity] = []
        var frames: [StoredFrame] = []
        /// The sentence vector (``ClaimVectors``); empty when the claim has none.
        var vector: [Int8] = []
    }

    /// A claim frame as stored (`claim_frames`): entity frames carry the entity's key
    /// (``ClaimKey/entityKey(_:)``) and name, time frames the resolved date.
    struct StoredFrame {
        var predicate: String
        var role: ClaimFrame.Role
        /// The entity key (`vladivostok`), or the resolved date for `.time`.
        var value: String
        /// As people read it (`Vladivostok`, `North Korea → Russia`).
        var label: String
        /// The patient's entity key for `.direction`.
        var other: String?
        var span: TextSpan
    }
}

extension Quantity {
    /// The columns a reader selects for a quantity, in the order ``init(row:at:)`` reads them.
    static let columns = #"q.value, q.unit, q.noun, q.start, q."end""#

    /// Reads a quantity from ``columns`` of the current row of `row`, starting at column `first`.
    init(row: PreparedStatement, at first: Int) {
        self.init(value: row.column(first).double ?? 0, unit: row.columnString(first + 1) ?? "",
                  noun: row.columnString(first + 2) ?? "", span: TextSpan(row.columnInt(first + 3), row.columnInt(first + 4)))
    }
}

extension ClaimCorpus.StoredFrame {
    /// The columns a reader selects for a frame, in the order ``init(row:at:)`` reads them.
    static let columns = #"f.predicate, f.role, f.value, f.value_label, f.other, f.start, f."end""#

    /// Reads a frame from ``columns`` of the current row of `row`, starting at column `first`;
    /// nil for a role the extractor does not write.
    init?(row: PreparedStatement, at first: Int) {
        guard let role = ClaimFrame.Role(rawValue: row.columnString(first + 1) ?? "") else { return nil }
        self.init(predicate: row.columnString(first) ?? "", role: role, value: row.columnString(first + 2) ?? "",
                  label: row.columnString(first + 3) ?? "", other: row.columnString(first + 4),
                  span: TextSpan(row.columnInt(first + 5), row.columnInt(first + 6)))
    }
}

extension ClaimFrame.Role {
    /// A place role: where the event takes place, or where something heads to or away from.
    var isPlace: Bool { self == .at || self == .toward || self == .away }
}

extension ClaimCorpus.ClaimRow {
    /// The canonical order of claims read back: document, span, key line, id.
    static func canonicallyPrecedes(_ a: Self, _ b: Self) -> Bool {
        (a.doc, a.start, a.end, a.matchKeys, a.id) < (b.doc, b.start, b.end, b.matchKeys, b.id)
    }

    /// The normalized form shown for a claim group: the base forms of its words, then its
    /// quantities in canonical units (`armor carriag train 59.5 km/h`).
    var normalized: String {
        // The word keys of the line, read on its bytes (entity `e:` and date `d:` keys and the
        // holder marker `h:` left out).
        var out = [UInt8]()
        var line = matchKeys
        line.withUTF8 { b in
            var start = 0
            for i in 0...b.count where i == b.count || b[i] == 32 {
                defer { start = i + 1 }
                guard i > start else { continue }
                if ClaimKey.kind(ofBytes: UnsafeBufferPointer(rebasing: b[start..<i])) != .word { continue }
                if i - start > 2 && b[start] == 104 && b[start + 1] == 58 { continue }   // h:
                if !out.isEmpty { out.append(32) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<i]))
            }
        }
        let words = String(decoding: out, as: UTF8.self)
        return ([words].filter { !$0.isEmpty } + quantities.map(\.key)).joined(separator: " ")
    }
}
