/// The word lists the statement extractor reads, loaded once from the embedded lexicon files
/// (`cues-verbs.txt`, `cues-nouns.txt`, `statement-source-heads.txt`, `statement-words.txt`).
///
/// Every look-up hashes a slice of the document's UTF-8 bytes (``ByteTable``, case-folded),
/// so classifying a token allocates nothing.
struct StatementLexicon: Sendable {
    /// Bits describing one word; a word may carry several.
    struct Bits: OptionSet, Sendable, Hashable {
        let rawValue: UInt32
        init(rawValue: UInt32) { self.rawValue = rawValue }
        // reporting verbs (cues-verbs.txt)
        static let speech = Bits(rawValue: 1 << 0)
        static let belief = Bits(rawValue: 1 << 1)
        static let evidence = Bits(rawValue: 1 << 2)
        static let object = Bits(rawValue: 1 << 3)
        static let describe = Bits(rawValue: 1 << 4)
        static let weak = Bits(rawValue: 1 << 5)
        /// An `-ing` form of a reporting verb (`saying`, `adding`).
        static let participle = Bits(rawValue: 1 << 6)
        // nouns
        static let cueNoun = Bits(rawValue: 1 << 7)
        static let sourceHead = Bits(rawValue: 1 << 8)
        // function words (statement-words.txt)
        static let det = Bits(rawValue: 1 << 9)
        static let pron = Bits(rawValue: 1 << 10)
        static let rel = Bits(rawValue: 1 << 11)
        static let between = Bits(rawValue: 1 << 12)
        static let prep = Bits(rawValue: 1 << 13)
        static let stop = Bits(rawValue: 1 << 14)
        static let time = Bits(rawValue: 1 << 15)
        static let title = Bits(rawValue: 1 << 16)
        static let conj = Bits(rawValue: 1 << 17)
        /// A plural source head (`officials`, `analysts`).
        static let plural = Bits(rawValue: 1 << 18)
        /// A past-tense / past-participle form of a reporting verb (`said`, `described`).
        static let past = Bits(rawValue: 1 << 19)
        /// A modal verb (`will`, `could`): a cue after it reports nothing yet.
        static let modal = Bits(rawValue: 1 << 20)
        /// A cue only when `as` follows (`see X as Y`).
        static let needsAs = Bits(rawValue: 1 << 21)
        /// `seem`/`appear` + `to`: an impression with no stated source.
        static let seem = Bits(rawValue: 1 << 22)

        static let anyVerb: Bits = [.speech, .belief, .evidence, .describe]
    }

    var table = ByteTable<Bits>(foldCase: true, capacity: 1024)

    static let shared = StatementLexicon()

    init() {
        func add(_ word: String, _ bits: Bits) {
            let w = word.lowercased()
            let old = table.value(w) ?? []
            table.insert(w, old.union(bits))
            // curly and straight apostrophes are interchangeable in look-ups
            if w.contains("'") { let c = w.replacingOccurrences("'", "\u{2019}"); table.insert(c, (table.value(c) ?? []).union(bits)) }
        }
        for e in LexiconFiles.entries("cues-verbs.txt") where e.count >= 2 {
            var cls: Bits = []
            if e.count >= 3 {
                for c in e[2].split(separator: " ") {
                    switch c {
                    case "speech": cls.insert(.speech)
                    case "belief": cls.insert(.belief)
                    case "evidence": cls.insert(.evidence)
                    case "object": cls.insert(.object)
                    case "describe": cls.insert(.describe)
                    case "weak": cls.insert(.weak)
                    case "as": cls.insert(.needsAs)
                    case "seem": cls.insert(.seem)
                    default: break
                    }
                }
            }
            if cls.intersection(.anyVerb).isEmpty && !cls.contains(.seem) { cls.insert(.speech) }
            for f in e[1].split(separator: " ") {
                var b = cls
                if f.hasSuffix("ing") { b.insert(.participle) }
                if f.hasSuffix("ed") || f.hasSuffix("said") || ["told", "wrote", "written", "thought", "felt", "knew", "found", "shown", "forecast"].contains(String(f)) {
                    b.insert(.past)
                }
                add(String(f), b)
            }
        }
        for e in LexiconFiles.entries("cues-nouns.txt") { add(e[0], .cueNoun) }
        for e in LexiconFiles.entries("statement-source-heads.txt") {
            add(e[0], .sourceHead)
            if e.count >= 2 { add(e[1], [.sourceHead, .plural]) }
        }
        for e in LexiconFiles.entries("statement-words.txt") where e.count >= 2 {
            let b: Bits
            switch e[1] {
            case "det": b = .det
            case "pron": b = .pron
            case "rel": b = .rel
            case "between": b = .between
            case "prep": b = .prep
            case "stop": b = .stop
            case "time": b = .time
            case "title": b = .title
            case "conj": b = .conj
            case "modal": b = [.modal, .between]
            default: continue
            }
            add(e[0], b)
        }
    }

    @inline(__always)
    func bits(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bits {
        table.value(p, start, end) ?? []
    }
}

extension String {
    fileprivate func replacingOccurrences(_ a: Character, _ b: String) -> String {
        var out = ""
        for c in self { if c == a { out += b } else { out.append(c) } }
        return out
    }
}
