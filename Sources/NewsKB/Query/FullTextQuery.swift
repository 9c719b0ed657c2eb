/// Turns what a user types after `--about` into a safe FTS5 query.
///
/// Accepted: words (all must match), `"quoted phrases"`, `OR` between two terms, and a trailing
/// `*` for a prefix (`negotiat*`). Every word is quoted before it reaches FTS5, so punctuation
/// and FTS5 syntax (`NEAR`, `:`, `^`, parentheses) are plain text, never operators. Unbalanced
/// quotes and a dangling `OR` get a clear message instead of an SQLite error.
public enum FullTextQuery {
    /// The FTS5 MATCH expression for `input`.
    public static func make(_ input: String) throws -> String {
        let quoteCount = input.filter { $0 == "\"" || $0 == "“" || $0 == "”" }.count
        if quoteCount % 2 != 0 {
            throw QueryError(message: "--about \(input): unbalanced quotation mark; use \"…\" around a phrase or drop the quote")
        }
        var terms = [String]()  // each an FTS5 term, or "OR"
        var i = input.startIndex
        while i < input.endIndex {
            let c = input[i]
            if c == "\"" || c == "“" || c == "”" {
                let after = input.index(after: i)
                let close = input[after...].firstIndex { $0 == "\"" || $0 == "“" || $0 == "”" } ?? input.endIndex
                let words = wordsOf(input[after..<close])
                if !words.isEmpty { terms.append("\"" + words.joined(separator: " ") + "\"") }
                i = close < input.endIndex ? input.index(after: close) : close
                continue
            }
            if c.isWhitespace { i = input.index(after: i); continue }
            let end = input[i...].firstIndex { $0.isWhitespace || $0 == "\"" || $0 == "“" || $0 == "”" } ?? input.endIndex
            let raw = input[i..<end]
            if raw == "OR" {
                terms.append("OR")
            } else {
                let prefix = raw.hasSuffix("*")
                for (k, w) in wordsOf(raw).enumerated() {
                    let last = k == wordsOf(raw).count - 1
                    terms.append("\"" + w + "\"" + (prefix && last ? " *" : ""))
                }
            }
            i = end
        }
        if terms.first == "OR" || terms.last == "OR" || zip(terms, terms.dropFirst()).contains(where: { $0 == "OR" && $1 == "OR" }) {
            throw QueryError(message: "--about \(input): OR needs a word or phrase on both sides")
        }
        if terms.allSatisfy({ $0 == "OR" }) {
            throw QueryError(message: "--about \(input): nothing to search for; give one or more words")
        }
        return terms.joined(separator: " ")
    }

    /// Letters, digits and inner apostrophes/hyphens make words; everything else separates them.
    private static func wordsOf(_ s: Substring) -> [String] {
        var out = [String]()
        var cur = ""
        for ch in s {
            if ch.isLetter || ch.isNumber {
                cur.append(ch)
            } else if !cur.isEmpty {
                out.append(cur)
                cur = ""
            }
        }
        if !cur.isEmpty { out.append(cur) }
        return out
    }
}
