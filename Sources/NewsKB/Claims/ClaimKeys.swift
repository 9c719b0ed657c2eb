/// The matching keys of one claim, as stored in `claims.match_keys`: one line of
/// space-separated keys that the corpus phase compares and indexes.
///
/// - a content word's base form as is (`armor`, `summit`);
/// - `e:` and an entity key, spaces written as `_` (`e:kim_jong_un`);
/// - `d:` and a resolved date; a day also yields its month and year, a month its year
///   (`d:2019-04-25 d:2019-04 d:2019`: "in April 2019" matches "on April 25, 2019").
///
/// Words never contain spaces and never start with `e:` or `d:` (base forms are letters), so
/// the line parses back without ambiguity (``parse(_:)``).
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

    mutating func add(entity key: String) {
        append(Substring("e:" + key.replacingByte(32, with: 95)))
    }

    mutating func add(date: String) {
        append(Substring("d:" + date))
        // A day also matches its month and year ("April 2019" = "in 2019").
        if date.count >= 7, date.first?.isNumber == true {
            append(Substring("d:" + date.prefix(4)))
            if date.count == 10 { append(Substring("d:" + date.prefix(7))) }
        }
    }

    /// The keys of a stored line.
    static func parse(_ line: String) -> [Substring] {
        line.split(separator: " ")
    }

    /// True for a content-word key (not an entity or a date).
    static func isWord(_ key: Substring) -> Bool {
        !(key.hasPrefix("e:") || key.hasPrefix("d:"))
    }
}

extension StringProtocol {
    /// The string with one ASCII byte replaced by another (`" "` → `"_"`), without Foundation.
    func replacingByte(_ a: UInt8, with b: UInt8) -> String {
        guard utf8.contains(a) else { return String(self) }
        return String(decoding: utf8.map { $0 == a ? b : $0 }, as: UTF8.self)
    }
}
