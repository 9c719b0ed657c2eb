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
    /// with one hash lookup per token (``wordIndex(_:)``) instead of one per list.
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

    /// What a reduced form (``ClaimNormalizer/reduce(_:_:)``) stands for as a term: the
    /// synonym list's representative, context synonyms, and whether the results are stop words.
    struct Term: Sendable {
        var isStop = false
        var synonym: String?
        var synonymIsStop = false
        var context: [(next: String, rep: String, repIsStop: Bool)] = []
    }

    // Byte-keyed copies of the lists above, for the per-token path: an ASCII word is found by
    // hashing its bytes (``ByteTable``, no allocation) instead of by `String` hashing, and its
    // entry read in place (`wordTable.values[i]`), not copied. A word with non-ASCII bytes is
    // looked up in dictionaries, where `String` equality (canonical equivalence) decides, as
    // it did before, so both paths give the same answers. (The list keys are ASCII; the
    // non-ASCII ones, `€ £ ¥`, have no ASCII equivalent.)
    /// Every word one of the lists names.
    var wordTable = ByteTable<WordInfo>(foldCase: false, capacity: 1024)
    private var wordIndexes = [String: Int]()
    var irregularTable = ByteTable<String>(foldCase: false, capacity: 512)
    /// Every reduced form with a synonym, and every stop word.
    var termTable = ByteTable<Term>(foldCase: false, capacity: 2048)
    private var termIndexes = [String: Int]()

    static let shared = ClaimLexicon()

    init() {
        for e in LexiconFiles.entries("claims-stopwords.txt") { stop.insert(ClaimLexicon.fold(e[0])) }
        for e in LexiconFiles.entries("claims-negation.txt") { negation.insert(ClaimLexicon.fold(e[0])) }
        for e in LexiconFiles.entries("claims-irregular.txt") where e.count >= 2 {
            for f in e[1].split(separator: " ") { irregular[String(f)] = e[0] }
        }
        for (form, base) in irregular { irregularTable.insert(form, base) }
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
        var words = [String: WordInfo]()
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
        for (w, info) in words { wordIndexes[w] = wordTable.insert(w, info) }
        var terms = [String: Term]()
        for w in stop { terms[w, default: Term()].isStop = true }
        for (r, rep) in synonyms {
            terms[r, default: Term()].synonym = rep
            terms[r, default: Term()].synonymIsStop = stop.contains(rep)
        }
        for (r, list) in contextSynonyms {
            terms[r, default: Term()].context = list.map { ($0.next, $0.rep, stop.contains($0.rep)) }
        }
        for (r, t) in terms { termIndexes[r] = termTable.insert(r, t) }
    }

    /// Calls `body` with the bytes of `s` when they are all ASCII, else returns nil.
    @inline(__always)
    static func withASCII<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R?) -> R?? {
        var s = s
        return s.withUTF8 { p -> R?? in
            for b in p where b >= 0x80 { return nil }
            return .some(body(p))
        }
    }

    /// The index in `wordTable.values` of what the lists say of a folded word.
    @inline(__always)
    func wordIndex(_ w: String) -> Int? {
        if let found = ClaimLexicon.withASCII(w, { p in wordTable.find(p, 0, p.count) }) { return found }
        return wordIndexes[w]
    }

    /// `negation.contains(w)`, through ``wordIndex(_:)`` (every negation word has an entry).
    @inline(__always)
    func isNegation(_ w: String) -> Bool { wordIndex(w).map { wordTable.values[$0].isNegation } ?? false }

    /// The irregular base of the ASCII bytes `p[0..<count]`.
    @inline(__always)
    func irregularBase(_ p: UnsafeBufferPointer<UInt8>, _ count: Int) -> String? { irregularTable.value(p, 0, count) }

    /// The irregular base of a word (`lex.irregular[w]`, by bytes when ASCII).
    @inline(__always)
    func irregularBase(_ w: String) -> String? {
        if let found = ClaimLexicon.withASCII(w, { p in irregularTable.value(p, 0, p.count) }) { return found }
        return irregular[w]
    }

    /// The term a reduced form `r` gives before the word `next`, and whether it is a stop word:
    /// `synonyms[r] ?? r`, or the representative of a context synonym of `r` whose next word is
    /// `next`; stop when ``stop`` holds the result.
    func term(_ r: String, next: String?) -> (base: String, isStop: Bool) {
        let found = ClaimLexicon.withASCII(r) { p in termTable.find(p, 0, p.count) }
        guard let i = found ?? termIndexes[r] else { return (r, false) }
        var base = r, isStop = termTable.values[i].isStop
        if let s = termTable.values[i].synonym { base = s; isStop = termTable.values[i].synonymIsStop }
        if !termTable.values[i].context.isEmpty, let next, let c = termTable.values[i].context.first(where: { $0.next == next }) {
            base = c.rep; isStop = c.repIsStop
        }
        return (base, isStop)
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
        if let r = ClaimLexicon.withASCII(folded, { p in reduceASCII(folded, p, lex) }), let r { return r }
        var w = folded
        if w.hasSuffix("'s") { w.removeLast(2) } else if w.hasSuffix("'") { w.removeLast() }
        if let base = lex.irregularBase(w) { w = base }
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

extension ClaimNormalizer {
    /// ``reduce(_:_:)`` of an all-ASCII word, on its bytes in a stack buffer: the same steps
    /// (for ASCII, a `Character` is a byte). Nil when an irregular base is not ASCII (then the
    /// `String` steps apply).
    static func reduceASCII(_ word: String, _ src: UnsafeBufferPointer<UInt8>, _ lex: ClaimLexicon) -> String? {
        var n = src.count
        if n >= 2 && src[n - 2] == 0x27 && src[n - 1] == 0x73 { n -= 2 } else if n >= 1 && src[n - 1] == 0x27 { n -= 1 }
        if let base = lex.irregularBase(src, n) {
            return ClaimLexicon.withASCII(base) { p in reduceSuffixes(p, p.count, unchanged: base) } ?? nil
        }
        return reduceSuffixes(src, n, unchanged: n == src.count ? word : nil)
    }

    /// The last `k` (1...4) bytes of `s`, as ``reduceSuffixes(_:_:unchanged:)`` compares them.
    @inline(__always)
    static func tail(_ s: StaticString) -> UInt32 {
        var v: UInt32 = 0
        for i in 0..<s.utf8CodeUnitCount { v = v << 8 | UInt32(s.utf8Start[i]) }
        return v
    }

    static let suffixes = (s: tail("s"), ss: tail("ss"), us: tail("us"), is: tail("is"), ed: tail("ed"),
                           ies: tail("ies"), ied: tail("ied"), xes: tail("xes"), zes: tail("zes"), ing: tail("ing"),
                           sses: tail("sses"), ches: tail("ches"), shes: tail("shes"))

    /// The suffix rules of ``reduce(_:_:)`` on the ASCII bytes `src[0..<count]`. `unchanged`
    /// is those bytes as a `String`, returned as it is when no rule applies.
    static func reduceSuffixes(_ src: UnsafeBufferPointer<UInt8>, _ count: Int, unchanged: String?) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count + 1) { b in
            for i in 0..<count { b[i] = src[i] }
            var n = count
            if n == 3, b[2] == 121, !isVowel(b[1]) { b[2] = 105; return String(decoding: UnsafeBufferPointer(rebasing: b[0..<3]), as: UTF8.self) }  // try → tri, like tried
            guard n > 3 else { return unchanged ?? String(decoding: UnsafeBufferPointer(rebasing: b[0..<n]), as: UTF8.self) }
            // The last four bytes, the last one lowest: a suffix of k bytes is `last4 & mask(k)`.
            let last4 = UInt32(b[n - 4]) << 24 | UInt32(b[n - 3]) << 16 | UInt32(b[n - 2]) << 8 | UInt32(b[n - 1])
            let x = suffixes
            // A suffix must be shorter than the word (n > 3 here, so only four-byte ones check).
            let e1 = last4 & 0xFF, e2 = last4 & 0xFFFF, e3 = last4 & 0xFF_FFFF, e4 = n > 4 ? last4 : 0
            if e3 == x.ies && n > 4 { n -= 3; b[n] = 121; n += 1 }
            else if e3 == x.ied && n > 4 { n -= 3; b[n] = 121; n += 1 }
            else if e4 == x.sses { n -= 2 }
            else if e4 == x.ches || e4 == x.shes || e3 == x.xes || e3 == x.zes { n -= 2 }
            else if e1 == x.s && e2 != x.ss && e2 != x.us && e2 != x.is { n -= 1 }
            else if e3 == x.ing && n > 5 && asciiHasVowel(b, n - 3) { n -= 3 }
            else if e2 == x.ed && n > 4 && asciiHasVowel(b, n - 2) { n -= 2 }
            var changed = n != count
            if n > 3, b[n - 1] == b[n - 2], !isVowel(b[n - 1]), b[n - 1] != 115 { n -= 1; changed = true }
            if n > 3, b[n - 1] == 101 { n -= 1; changed = true }
            if n > 2, b[n - 1] == 121 { b[n - 1] = 105; changed = true }
            if !changed, let unchanged { return unchanged }
            return String(decoding: UnsafeBufferPointer(rebasing: b[0..<n]), as: UTF8.self)
        }
    }

    /// True when `b[0..<m]` has a vowel or `y`.
    @inline(__always)
    static func asciiHasVowel(_ b: UnsafeMutableBufferPointer<UInt8>, _ m: Int) -> Bool {
        for i in 0..<m where isVowel(b[i]) || b[i] == 121 { return true }
        return false
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
