/// Hashing shared by the gazetteer and the tagger model: 64-bit FNV-1a over bytes, and a
/// combiner for multi-part feature keys.
enum FeatureHash {
    static let seed: UInt64 = 0xcbf29ce484222325

    @inline(__always)
    static func add(_ h: UInt64, _ b: UInt8) -> UInt64 { (h ^ UInt64(b)) &* 0x100000001b3 }

    @inline(__always)
    static func bytes(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, fold: Bool) -> UInt64 {
        var h = seed
        var i = s
        while i < e {
            var b = p[i]
            if fold && b >= 0x41 && b <= 0x5A { b |= 0x20 }
            h = add(h, b)
            i += 1
        }
        return h
    }

    static func string(_ s: String) -> UInt64 {
        var h = seed
        for b in s.utf8 { h = add(h, b) }
        return h
    }

    @inline(__always)
    static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var h = (a ^ (b &+ 0x9E3779B97F4A7C15 &+ (a << 6) &+ (a >> 2))) &* 0xBF58476D1CE4E5B9
        h ^= h >> 31
        return h
    }
}

/// Names known in advance (countries, cities, regions, locations, nationalities,
/// organisations, facilities) and user-added entries, matched as token sequences.
///
/// Matching: at a capitalised (or ALL-CAPS) token, the longest entry (up to ``maxTokens``
/// tokens) whose tokens equal the text's tokens, ignoring ASCII case. Each form knows its
/// type and the canonical name of its entry (`U.S.` → `United States`).
public final class Gazetteer: Sendable {
    public struct Entry: Sendable {
        public var type: EntityType
        /// The canonical form (first form of the lexicon line, or the user's canonical name).
        public var canonical: String
        /// True for user-configured entries: they are imposed on the tagger's output.
        public var forced: Bool
        /// The form has no lower-case letter (`UN`, `WHO`): the text must be in capitals too.
        public var upperOnly: Bool = false
        /// The form's tokens that are capitalised (bit k: token k): the text may not write them
        /// in lower case (`US house purchases` is not the `US House`).
        var capitalized: UInt32 = 0
        /// From the countries list (a country name is a GPE even when it acts as an organisation).
        public var country: Bool = false
    }

    let table: ByteTable<Entry>
    /// Every token prefix of every form (`United`, `United States`, `United States of`…;
    /// folded): matching extends a phrase only while it is one, and rejects at once a word
    /// that starts no form.
    let prefixes: ByteTable<Bool>
    public let maxTokens: Int

    /// The lexicon files and the type each gives, in priority order (first file wins).
    static let files: [(String, EntityType)] = [
        ("gazetteer-countries.txt", .gpe), ("gazetteer-cities.txt", .gpe), ("gazetteer-regions.txt", .gpe),
        ("gazetteer-locations.txt", .loc), ("gazetteer-norp.txt", .norp), ("gazetteer-organizations.txt", .org),
        ("gazetteer-facilities.txt", .facility),
    ]

    /// The built-in gazetteer (loaded once).
    public static let standard = Gazetteer(extra: [])

    /// Built-in entries plus `extra` (name, type, canonical name) entries, which take precedence.
    public init(extra: [(name: String, type: EntityType, canonical: String)]) {
        var table = ByteTable<Entry>(foldCase: true, capacity: 4096)
        var prefixes = ByteTable<Bool>(foldCase: true, capacity: 8192)
        var maxT = 1
        func add(_ form: String, _ e: Entry, replace: Bool) {
            let key = Gazetteer.key(form)
            var e = e
            e.upperOnly = !form.unicodeScalars.contains { $0.properties.isLowercase }
            e.capitalized = key.capitalized
            if key.tokens == 0 { return }
            key.bytes.withUnsafeBufferPointer { p in
                if !replace, table.find(p, 0, p.count) != nil { return }
                table.insert(p, 0, p.count, e)
                for end in key.tokenEnds { prefixes.insert(p, 0, end, true) }
            }
            maxT = max(maxT, key.tokens)
        }
        for (file, type) in Gazetteer.files {
            for fields in LexiconFiles.entries(file) {
                for form in fields {
                    add(form, Entry(type: type, canonical: fields[0], forced: false, country: file == "gazetteer-countries.txt"), replace: false)
                }
            }
        }
        for x in extra {
            add(x.name, Entry(type: x.type, canonical: x.canonical, forced: true), replace: true)
            if x.canonical != x.name {
                add(x.canonical, Entry(type: x.type, canonical: x.canonical, forced: true), replace: true)
            }
        }
        self.table = table
        self.prefixes = prefixes
        self.maxTokens = min(maxT, 8)
    }

    /// The lookup key of a phrase: its tokens' bytes joined by single spaces, and where each
    /// token ends in it.
    static func key(_ form: String) -> (bytes: [UInt8], tokens: Int, tokenEnds: [Int], capitalized: UInt32) {
        let text = DocumentText(form)
        let toks = Tokenizer.scan(text)
        var out = [UInt8]()
        var ends = [Int]()
        var capitalized: UInt32 = 0
        for (k, t) in toks.enumerated() {
            if k > 0 { out.append(0x20) }
            out.append(contentsOf: text.utf8[t.byteRange])
            ends.append(out.count)
            if k < 32, t.kind == .word, t.has(.capitalized) || t.has(.allCaps) { capitalized |= 1 << UInt32(k) }
        }
        return (out, toks.count, ends, capitalized)
    }

    /// The entry of a phrase, if the whole phrase is a known form.
    public func lookup(_ phrase: String) -> Entry? {
        let k = Gazetteer.key(phrase)
        return k.bytes.withUnsafeBufferPointer { table.value($0, 0, $0.count) }
    }

    /// Longest match starting at token `i` within `i..<limit`: (token count, entry).
    /// `scratch` is a reusable buffer.
    func match(_ p: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ i: Int, _ limit: Int,
               scratch: inout [UInt8]) -> (Int, Entry)? {
        let t = tokens[i]
        guard prefixes.find(p, Int(t.byteStart), Int(t.byteEnd)) != nil else { return nil }
        let maxL = min(maxTokens, limit - i)
        scratch.removeAll(keepingCapacity: true)
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: max(1, maxL)) { ends -> (Int, Entry)? in
            // The phrase grows token by token while it is the prefix of some form: a longer
            // one cannot be a form either.
            var count = 0
            for k in 0..<maxL {
                let u = tokens[i + k]
                if k > 0 {
                    // forms never span a line or sentence break
                    if u.has(.lineInitial) { break }
                    scratch.append(0x20)
                }
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: p[Int(u.byteStart)..<Int(u.byteEnd)]))
                if k > 0 && scratch.withUnsafeBufferPointer({ prefixes.find($0, 0, $0.count) }) == nil { break }
                ends[count] = scratch.count
                count += 1
            }
            return scratch.withUnsafeBufferPointer { s -> (Int, Entry)? in
                var L = count
                while L > 0 {
                    if let e = table.value(s, 0, ends[L - 1]) {
                        var ok = true
                        if e.upperOnly {
                            for k in i..<(i + L) where tokens[k].kind == .word && !tokens[k].has(.allCaps) { ok = false }
                        }
                        // a capitalised word of the form written in lower case: another phrase
                        for k in 1..<max(1, min(L, 32)) where e.capitalized & (1 << UInt32(k)) != 0 {
                            let t = tokens[i + k]
                            if t.kind == .word && t.has(.lowercase) && !t.has(.capitalized) { ok = false }
                        }
                        if ok { return (L, e) }
                    }
                    L -= 1
                }
                return nil
            }
        }
    }
}
