/// The word lists claim extraction reads (`Lexicons/claims-*.txt`), loaded once.
struct ClaimLexicon: Sendable {
    enum NumberKind: Sendable { case number, scale, ordinal }
    enum DateKind: Sendable { case month, weekday, relative }
    struct Unit: Sendable { var words: [String]; var unit: String; var factor: Double }
    struct Predicate: Sendable { var name: String; var roles: Set<String> }

    var stop = Set<String>()
    var negation = Set<String>()
    /// Base form → representative base form.
    var synonyms = [String: String]()
    /// Base form → (next word, representative): synonyms only before that word (`stop>at`).
    var contextSynonyms = [String: [(next: String, rep: String)]]()
    /// Surface form → base word (before suffix rules).
    var irregular = [String: String]()
    var numbers = [String: (Double, NumberKind)]()
    var dates = [String: (DateKind, Int)]()
    /// First word of a unit form → forms starting with it, longest first.
    var units = [String: [Unit]]()
    /// Names of countries and regions (too coarse to conflict with a city: "in Russia" vs "in Vladivostok").
    var coarsePlaces = Set<String>()

    /// What the stop, negation, number, date and predicate lists say of one folded word: read
    /// with one hash lookup per token (``words``) instead of one per list.
    struct WordInfo: Sendable {
        var isStop = false
        var isNegation = false
        var number: (Double, NumberKind)?
        var date: (DateKind, Int)?
        /// One-word predicate form.
        var predicate: Predicate?
        /// Two-word predicate forms starting with this word, by their second word.
        var pairs: [String: Predicate] = [:]
    }
    /// Every word one of those lists names.
    var words = [String: WordInfo]()

    static let shared = ClaimLexicon()

    init() {
        for e in LexiconFiles.entries("claims-stopwords.txt") { stop.insert(ClaimLexicon.fold(e[0])) }
        for e in LexiconFiles.entries("claims-negation.txt") { negation.insert(ClaimLexicon.fold(e[0])) }
        for e in LexiconFiles.entries("claims-irregular.txt") where e.count >= 2 {
            for f in e[1].split(separator: " ") { irregular[String(f)] = e[0] }
        }
        for e in LexiconFiles.entries("claims-numbers.txt") where e.count >= 3 {
            guard let v = Double(e[1]) else { continue }
            let k: NumberKind = e[2] == "scale" ? .scale : e[2] == "ordinal" ? .ordinal : .number
            numbers[e[0]] = (v, k)
        }
        for e in LexiconFiles.entries("claims-dates.txt") where e.count >= 3 {
            guard let v = Int(e[2]) else { continue }
            let k: DateKind = e[1] == "month" ? .month : e[1] == "weekday" ? .weekday : .relative
            dates[e[0]] = (k, v)
        }
        for e in LexiconFiles.entries("claims-units.txt") where e.count >= 3 {
            guard let f = Double(e[2]) else { continue }
            // Forms are matched token by token, and the tokenizer splits `km/h` into `km`, `/`, `h`.
            let words = e[0].split(separator: " ").flatMap { w -> [String] in
                w.count > 1 && w.contains("/") ? w.split(separator: "/", omittingEmptySubsequences: false).map(String.init).joinedWithSlash() : [String(w)]
            }
            guard let first = words.first else { continue }
            units[first, default: []].append(Unit(words: words, unit: e[1], factor: f))
        }
        for k in units.keys { units[k]!.sort { $0.words.count > $1.words.count } }
        // Predicate forms: one word, or two joined by a space (`take place`).
        var predicates = [String: Predicate]()
        for e in LexiconFiles.entries("claims-predicates.txt") where e.count >= 3 {
            let p = Predicate(name: e[0], roles: Set(e[1].split(separator: " ").map(String.init)))
            for f in e[2].split(separator: " ") { predicates[f.replacingUnderscores()] = p }
        }
        for file in ["gazetteer-countries.txt", "gazetteer-regions.txt"] {
            for e in LexiconFiles.entries(file) { for f in e { coarsePlaces.insert(f.lowercased()) } }
        }
        // Synonyms last: they are reduced with the irregular forms and suffix rules above.
        for e in LexiconFiles.entries("claims-synonyms.txt") where e.count >= 2 {
            let rep = ClaimNormalizer.reduce(e[0], self)
            for v in e[1].split(separator: " ") {
                if let gt = v.firstIndex(of: ">") {
                    let word = ClaimNormalizer.reduce(String(v[..<gt]), self), next = String(v[v.index(after: gt)...])
                    contextSynonyms[word, default: []].append((next, rep))
                    continue
                }
                let s = String(v)
                synonyms[ClaimNormalizer.reduce(s, self)] = rep
                if s.contains("-") { synonyms[ClaimNormalizer.reduce(s.filter { $0 != "-" }, self)] = rep }
            }
            synonyms[rep] = rep
        }
        for w in stop { words[w, default: WordInfo()].isStop = true }
        for w in negation { words[w, default: WordInfo()].isNegation = true }
        for (w, n) in numbers { words[w, default: WordInfo()].number = n }
        for (w, d) in dates { words[w, default: WordInfo()].date = d }
        for (form, p) in predicates {
            let parts = form.split(separator: " ", omittingEmptySubsequences: false)
            if parts.count == 1 {
                words[form, default: WordInfo()].predicate = p
            } else if parts.count == 2 {
                words[String(parts[0]), default: WordInfo()].pairs[String(parts[1])] = p
            }
        }
    }

    /// Lower case with curly apostrophes straightened.
    static func fold(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            if ch == "\u{2019}" || ch == "\u{2018}" { out.unicodeScalars.append("'") }
            else if ch.value < 0x80 { out.unicodeScalars.append(ch.value >= 65 && ch.value <= 90 ? Unicode.Scalar(ch.value + 32)! : ch) }
            else { out += String(ch).lowercased() }
        }
        return out
    }
}

extension StringProtocol {
    fileprivate func replacingUnderscores() -> String { String(self.map { $0 == "_" ? " " : $0 }) }
}

/// Reduces words to the base forms claims are compared by.
public enum ClaimNormalizer {
    /// The base form of one word: lower case, irregular forms mapped (`met` → `meet`), regular
    /// suffixes stripped (`carriages` → `carriag`, `persuaded` → `persuad`), synonyms mapped to
    /// their representative (`bulletproof` → `armor`). The result is a matching key, not a word.
    public static func baseForm(_ word: String) -> String {
        let lex = ClaimLexicon.shared
        let r = reduce(ClaimLexicon.fold(word), lex)
        return lex.synonyms[r] ?? r
    }

    /// The content terms of a text (stop words, negations, numbers and one-letter words
    /// dropped), as base forms in text order, with repeats. Used for titles.
    public static func terms(of text: String) -> [String] {
        let lex = ClaimLexicon.shared
        var out = [String]()
        var word = ""
        func flush() {
            defer { word = "" }
            guard word.count > 1 else { return }
            let f = ClaimLexicon.fold(word)
            if lex.stop.contains(f) || lex.negation.contains(f) || lex.numbers[f] != nil { return }
            let r = reduce(f, lex)
            out.append(lex.synonyms[r] ?? r)
        }
        for ch in text {
            if ch.isLetter || ch == "'" || ch == "\u{2019}" || (ch == "-" && !word.isEmpty) { word.append(ch) } else { flush() }
        }
        flush()
        return out
    }

    static func isVowel(_ c: UInt8) -> Bool { c == 97 || c == 101 || c == 105 || c == 111 || c == 117 }

    /// Irregular forms and suffix rules on a folded word (no synonyms).
    static func reduce(_ folded: String, _ lex: ClaimLexicon) -> String {
        var w = folded
        if w.hasSuffix("'s") { w.removeLast(2) } else if w.hasSuffix("'") { w.removeLast() }
        if let base = lex.irregular[w] { w = base }
        var b = Array(w.utf8)
        if b.count == 3, b[2] == 121, !isVowel(b[1]) { b[2] = 105; return String(decoding: b, as: UTF8.self) }  // try → tri, like tried
        guard b.count > 3, b.allSatisfy({ $0 < 0x80 }) else { return w }
        // Byte comparison of a suffix, without allocating (this runs for every word of every
        // claim). The bytes are passed, not captured: a closure capturing a `var` boxes it.
        func ends(_ b: [UInt8], _ s: StaticString) -> Bool {
            let n = s.utf8CodeUnitCount
            guard b.count > n else { return false }
            let p = s.utf8Start, base = b.count - n
            for i in 0..<n where b[base + i] != p[i] { return false }
            return true
        }
        func hasVowel(_ b: [UInt8], _ n: Int) -> Bool { b[0..<n].contains(where: { isVowel($0) || $0 == 121 }) }
        if ends(b, "ies") && b.count > 4 { b.removeLast(3); b.append(121) }
        else if ends(b, "ied") && b.count > 4 { b.removeLast(3); b.append(121) }
        else if ends(b, "sses") { b.removeLast(2) }
        else if ends(b, "ches") || ends(b, "shes") || ends(b, "xes") || ends(b, "zes") { b.removeLast(2) }
        else if ends(b, "s") && !ends(b, "ss") && !ends(b, "us") && !ends(b, "is") { b.removeLast() }
        else if ends(b, "ing") && b.count > 5 && hasVowel(b, b.count - 3) { b.removeLast(3) }
        else if ends(b, "ed") && b.count > 4 && hasVowel(b, b.count - 2) { b.removeLast(2) }
        // Doubled final consonant (stopp → stop; call → cal, consistently for every form).
        if b.count > 3, b[b.count - 1] == b[b.count - 2], !isVowel(b[b.count - 1]), b[b.count - 1] != 115 { b.removeLast() }
        if b.count > 3, b.last == 101 { b.removeLast() }
        if b.count > 2, b.last == 121 { b[b.count - 1] = 105 }
        return String(decoding: b, as: UTF8.self)
    }
}

extension Array where Element == String {
    /// [km, h] → [km, /, h]
    fileprivate func joinedWithSlash() -> [String] {
        var out = [String]()
        for (i, x) in enumerated() { if i > 0 { out.append("/") }; if !x.isEmpty { out.append(x) } }
        return out
    }
}
