/// Finds named-entity mentions and groups them into document entities.
///
/// Pipeline: the learned BIO tagger (``NERTagger``: capitalisation, context, titles, name
/// heads and gazetteer features) proposes spans of four coarse classes; rules then
/// - extend a name with a lower-case facility head (`Vostochny space center` → FACILITY),
/// - refine types with the gazetteers and name heads (LOC → GPE/LOC/FACILITY, MISC → NORP,
///   EVENT, LAW; `Kremlin`, `White House` → ORG),
/// - add gazetteer names the tagger missed (multi-word forms, or single words not opening a
///   sentence), and impose user-configured entries,
/// - make a name after an honorific (`Mr.`, `Mrs.`, `Dr.`) a PERSON,
/// - give one surface form one type throughout the document (majority vote);
/// then ``Coreference`` joins mentions into entities and collects aliases and roles.
/// Titles are outside the name span (`President Vladimir Putin` → `Vladimir Putin`), so are
/// possessive endings (`Russia’s` → `Russia`).
public enum EntityRecognizer {
    /// Recognizes entities with the built-in lexicons (tokenizes `text` itself).
    public static func recognize(_ text: DocumentText, sentences: [Sentence]) -> ([DocumentEntity], [EntityMention]) {
        let tokens = Tokenizer.tokenize(text)
        return recognize(text, tokens: tokens, configuration: .standard)
    }

    /// Recognizes entities over tokens from ``Tokenizer/tokenize(_:)`` (sentence indices set).
    /// This is the whole entity stage and can be timed on its own.
    public static func recognize(_ text: DocumentText, tokens: [Token],
                                 configuration: EntityConfiguration = .standard) -> ([DocumentEntity], [EntityMention]) {
        let raw = mentions(text, tokens: tokens, configuration: configuration)
        return Coreference.resolve(text, tokens: tokens, mentions: raw, configuration: configuration)
    }

    /// A mention before coreference.
    struct Raw {
        var first: Int      // token index
        var end: Int        // token index, exclusive
        var type: EntityType
        /// Canonical name from a gazetteer entry whose form is exactly this mention.
        var known: String?
        var forced: Bool
    }

    static let lowerHeads: [(words: [[UInt8]], type: EntityType)] = {
        var out = [([[UInt8]], EntityType)]()
        for f in LexiconFiles.entries("name-heads.txt") where f.count > 1 {
            guard let c = f[0].unicodeScalars.first, c.properties.isLowercase,
                  let t = EntityType(rawValue: f[1]) else { continue }
            out.append((f[0].split(separator: " ").map { Array($0.utf8) }, t))
        }
        return out.sorted { $0.0.count > $1.0.count }
    }()

    static let honorifics: ByteTable<Bool> = {
        var t = ByteTable<Bool>(foldCase: true, capacity: 32)
        for h in ["Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Mx", "Mx.", "Dr", "Dr.", "Mme", "Mme."] { t.insert(h, true) }
        return t
    }()

    static func headType(_ p: UnsafeBufferPointer<UInt8>, _ t: Token) -> EntityType? {
        guard let h = NERTagger.heads.value(p, Int(t.byteStart), Int(t.byteEnd)) else { return nil }
        for type in EntityType.allCases where FeatureHash.string(type.rawValue) == h { return type }
        return nil
    }

    static func mentions(_ text: DocumentText, tokens: [Token], configuration: EntityConfiguration) -> [Raw] {
        let gaz = configuration.gazetteer
        let spans = NERTagger.tag(text, tokens, gazetteer: gaz)
        var out = [Raw]()
        out.reserveCapacity(spans.count + 8)
        var scratch = [UInt8]()
        text.utf8.withUnsafeBufferPointer { p in
            func exact(_ a: Int, _ b: Int) -> Gazetteer.Entry? {
                guard let (L, e) = gaz.match(p, tokens, a, b, scratch: &scratch), L == b - a else { return nil }
                return e
            }
            for s in spans {
                var first = s.first, end = s.end
                // never start or end on punctuation/possessive (tagger noise)
                while first < end, !tokens[first].isWordLike { first += 1 }
                while end > first, !tokens[end - 1].isWordLike { end -= 1 }
                if first >= end { continue }
                let entry = exact(first, end)
                // a capitalised sentence opener or -ly adverb alone is not a name (`Notably`, `However`)
                if end - first == 1 && entry == nil && tokens[first].has(.sentenceInitial) {
                    let t = tokens[first]
                    let b = Int(t.byteStart), e = Int(t.byteEnd)
                    if SentenceSplitter.sentenceOpeners.find(p, b, e) != nil ||
                        (e - b > 4 && p[e - 2] == 0x6C && p[e - 1] == 0x79 && !t.has(.allCaps)) { continue }
                }
                var type: EntityType
                switch s.cls {
                case .per:
                    type = .person
                    if let e = entry, e.type != .gpe && e.type != .loc && e.type != .person { type = e.type }
                case .org:
                    type = .org
                    if let e = entry, e.type == .facility || e.type == .norp { type = e.type }
                case .loc:
                    if let e = entry, e.type != .person {
                        type = e.type
                    } else if let h = headType(p, tokens[end - 1]), end - first > 1 {
                        type = h == .org ? .facility : h
                    } else {
                        type = .gpe
                    }
                case .misc:
                    if let e = entry, e.type == .norp || e.type == .facility || e.type == .org {
                        type = e.type == .norp ? .norp : .misc
                    } else if let h = headType(p, tokens[end - 1]), end - first > 1,
                              h == .event || h == .law || h == .work || h == .product {
                        type = h
                    } else {
                        type = .misc
                    }
                }
                // lower-case facility head right after the name: `Vostochny space center`
                var ext = end
                for h in lowerHeads {
                    var ok = end + h.words.count <= tokens.count
                    var k = 0
                    while ok && k < h.words.count {
                        let t = tokens[end + k]
                        let w = h.words[k]
                        if t.has(.lineInitial) || Int(t.byteEnd - t.byteStart) != w.count { ok = false; break }
                        for j in 0..<w.count where p[Int(t.byteStart) + j] | 0x20 != w[j] { ok = false; break }
                        k += 1
                    }
                    if ok && s.cls != .per { ext = end + h.words.count; type = h.type; break }
                }
                out.append(Raw(first: first, end: ext, type: type, known: entry?.canonical, forced: false))
            }

            // gazetteer names the tagger missed, and forced (user) entries
            var extra = [Raw]()
            var i = 0
            var sentEnd = 0
            while i < tokens.count {
                if i >= sentEnd {
                    sentEnd = i + 1
                    while sentEnd < tokens.count && tokens[sentEnd].sentence == tokens[i].sentence { sentEnd += 1 }
                }
                let t = tokens[i]
                if t.kind == .word, t.has(.capitalized) || t.has(.allCaps),
                   let (L, e) = gaz.match(p, tokens, i, sentEnd, scratch: &scratch) {
                    let useful = e.forced || L > 1 || (!t.has(.sentenceInitial) && !t.has(.inCapsLine))
                    if useful { extra.append(Raw(first: i, end: i + L, type: e.type, known: e.canonical, forced: e.forced)) }
                    i += L
                } else {
                    i += 1
                }
            }
            if !extra.isEmpty {
                // both lists are sorted and each is free of overlaps: one merge pass
                var drop = [Bool](repeating: false, count: out.count)
                var merged = [Raw]()
                var j = 0
                for x in extra {
                    while j < out.count && out[j].end <= x.first { j += 1 }
                    var k = j
                    var overlaps = false
                    while k < out.count && out[k].first < x.end {
                        overlaps = true
                        if x.forced { drop[k] = true }
                        k += 1
                    }
                    if x.forced || !overlaps { merged.append(x) }
                }
                var kept = [Raw]()
                kept.reserveCapacity(out.count + merged.count)
                for (k, r) in out.enumerated() where !drop[k] { kept.append(r) }
                kept.append(contentsOf: merged)
                kept.sort { $0.first != $1.first ? $0.first < $1.first : $0.end > $1.end }
                // forced entries may overlap each other: keep the first, longest
                out.removeAll(keepingCapacity: true)
                for r in kept where out.last.map({ $0.end <= r.first }) ?? true { out.append(r) }
            }

            // a name after an honorific is a person
            for k in out.indices where out[k].first > 0 && !out[k].forced {
                let t = tokens[out[k].first - 1]
                if t.kind == .word, honorifics.find(p, Int(t.byteStart), Int(t.byteEnd)) != nil {
                    out[k].type = .person
                }
            }
        }
        harmonizeTypes(text, tokens, &out)
        return out
    }

    /// One surface form, one type: the most frequent type of each text (ties: first seen),
    /// except for user-forced mentions.
    static func harmonizeTypes(_ text: DocumentText, _ tokens: [Token], _ ms: inout [Raw]) {
        if ms.count < 2 { return }
        var votes = [String: [EntityType: Int]]()
        var firstType = [String: EntityType]()
        var keys = [String]()
        keys.reserveCapacity(ms.count)
        for m in ms {
            let k = String(decoding: text.utf8[Int(tokens[m.first].byteStart)..<Int(tokens[m.end - 1].byteEnd)], as: UTF8.self)
            keys.append(k)
            votes[k, default: [:]][m.type, default: 0] += m.forced ? 100 : 1
            if firstType[k] == nil { firstType[k] = m.type }
        }
        for i in ms.indices where !ms[i].forced {
            guard let v = votes[keys[i]], v.count > 1 else { continue }
            let top = v.values.max()!
            let ft = firstType[keys[i]]!
            ms[i].type = v[ft] == top ? ft : v.filter { $0.value == top }.map(\.key).sorted { $0.rawValue < $1.rawValue }[0]
        }
    }
}

/// What users add to the built-in lexicons (stored by the knowledge store, e.g. `newskb alias add`).
public struct EntityConfiguration: Sendable {
    /// An extra gazetteer entry: the name is recognised with this type wherever it occurs.
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var type: EntityType
        public init(name: String, type: EntityType) { self.name = name; self.type = type }
    }

    /// A user alias: `alias` is another name of `canonical` (both are recognised, as `type`,
    /// and their mentions in one document join one entity named `canonical`).
    public struct Alias: Sendable, Equatable {
        public var alias: String
        public var canonical: String
        public var type: EntityType
        public init(alias: String, canonical: String, type: EntityType) {
            self.alias = alias; self.canonical = canonical; self.type = type
        }
    }

    public let entries: [Entry]
    public let aliases: [Alias]
    let gazetteer: Gazetteer

    public init(entries: [Entry] = [], aliases: [Alias] = []) {
        self.entries = entries
        self.aliases = aliases
        if entries.isEmpty && aliases.isEmpty {
            gazetteer = .standard
        } else {
            gazetteer = Gazetteer(extra: entries.map { ($0.name, $0.type, $0.name) } + aliases.map { ($0.alias, $0.type, $0.canonical) })
        }
    }

    /// The built-in lexicons only.
    public static let standard = EntityConfiguration()
}
