import NewsKBExtraction

/// The matching keys of one claim, as stored in `claims.match_keys`: one line of
/// space-separated keys that the corpus phase compares and indexes.
///
/// - a content word's base form as is (`armor`, `summit`);
/// - `e:` and an entity key, spaces written as `_` (`e:kim_jong_un`): not stored in the line but
///   in `entities.match_key` (``ClaimKey/entityMatchKey(_:)``), and added by readers through
///   `claim_entities`;
/// - `d:` and a resolved date (`d:2019-04-25`); readers expand a day to its month and year and
///   a month to its year (``scan(_:_:)``), so "in April 2019" matches "on April 25, 2019";
/// - markers: the claim's mood (`m:past`) and holder (`h:citgo`), ``ClaimKey/isMarker(_:)``.
///
/// Prefixes are ``ClaimKey``'s. Words never contain spaces and never start with `e:` or `d:` (base forms are letters), so
/// the line parses back without ambiguity (``scan(_:_:)``).
struct ClaimKeys {
    private(set) var text = ""
    private var seen = Set<Substring>()

    mutating func removeAll() {
        text.removeAll(keepingCapacity: true)
        seen.removeAll(keepingCapacity: true)
    }

    private mutating func append(_ key: Substring) {
        guard !key.isEmpty, seen.insert(key).inserted else { return }
        if !text.isEmpty { text.append(" ") }
        text.append(contentsOf: key)
    }

    mutating func add(word: String) {
        append(Substring(word.replacingByte(32, with: 95)))
    }

    mutating func add(date: String) {
        append(Substring(ClaimKey.date(date)))
    }

    /// Every key of a stored line, each date also as its month and year (a day matches its
    /// month and year: "April 2019" = "in 2019"). A key may repeat when a derived date is also
    /// stored.
    static func scan(_ line: String, _ body: (String) -> Void) {
        var line = line
        line.withUTF8 { bytes in scanBytes(bytes) { body(String(decoding: $0, as: UTF8.self)) } }
    }

    /// The hashes (``KeyHash``) of the keys ``scan(_:_:)`` gives, each with its bytes, read from
    /// the line's bytes: the same keys, without a `String` each (the corpus phase's pass over
    /// every claim).
    static func scanHashes(_ line: UnsafeBufferPointer<UInt8>, _ body: (UInt64, UnsafeBufferPointer<UInt8>) -> Void) {
        scanBytes(line) { body(KeyHash($0).value, $0) }
    }

    /// The keys of a line as slices of its bytes (a derived date is a prefix of its day).
    private static func scanBytes(_ line: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var start = 0
        for i in 0...line.count where i == line.count || line[i] == 32 {
            defer { start = i + 1 }
            guard i > start else { continue }
            body(UnsafeBufferPointer(rebasing: line[start..<i]))
            // d:YYYY-MM-DD → d:YYYY-MM and d:YYYY; d:YYYY-MM → d:YYYY.
            let n = i - start
            if n >= 9, ClaimKey.kind(ofBytes: UnsafeBufferPointer(rebasing: line[start..<i])) == .date, (48...57).contains(line[start + 2]) {
                body(UnsafeBufferPointer(rebasing: line[start..<start + 6]))
                if n == 12 { body(UnsafeBufferPointer(rebasing: line[start..<start + 9])) }
            }
        }
    }
}

extension StringProtocol {
    /// The string with one ASCII byte replaced by another (`" "` → `"_"`), without Foundation.
    func replacingByte(_ a: UInt8, with b: UInt8) -> String {
        guard utf8.contains(a) else { return String(self) }
        return String(decoding: utf8.map { $0 == a ? b : $0 }, as: UTF8.self)
    }
}
