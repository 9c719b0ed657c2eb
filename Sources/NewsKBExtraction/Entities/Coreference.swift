/// In-document coreference of entity mentions, and aliases and roles of the entities.
///
/// - Mentions whose form is a gazetteer/user form join by the entry's canonical name
///   (`U.S.` = `United States`; a user alias = its canonical name).
/// - Otherwise mentions of one type join by identical text; an acronym joins the ORG (or
///   other non-person) name whose capitalised initials it spells (`KCNA` = `Korean Central
///   News Agency`).
/// - A shorter PERSON form joins a fuller one that starts or ends with it (`Putin` →
///   `Vladimir Putin`, `Kim` → `Kim Jong Un`). When several different full names fit
///   (two people named Kim), the short form goes to the nearest *preceding* full name that
///   fits, or, when none precedes, to the nearest following one; it is never spread over both.
/// - Different types never merge (Pyongyang GPE ≠ North Korea GPE by text; Kremlin ORG ≠
///   Russia GPE).
/// - canonicalName is the fullest form (most tokens, then most characters) the document uses,
///   or the user's canonical name for user aliases.
/// - Roles: a title phrase just before a person's name (`Kremlin spokesman Dmitry Peskov`,
///   `Russia’s Defence Minister Sergei Shoigu` → `Defence Minister`) or an apposition after it
///   (`John Kirby, National Security Council spokesman,`).
enum Coreference {
    static let honorificWords: Set<String> = ["mr", "mrs", "ms", "miss", "mx", "mme", "sir", "dame"]

    static let titlePhrases: ByteTable<Bool> = {
        var t = ByteTable<Bool>(foldCase: true, capacity: 256)
        for f in LexiconFiles.entries("titles.txt") {
            var w = f[0]
            while w.hasSuffix(".") { w.removeLast() }
            t.insert(w, true)
        }
        return t
    }()

    static let connectors: Set<String> = ["of", "for", "the", "and", "on", "to", "in", "at", "&", "de", "du", "des", "la", "le", "von", "van", "der", "den", "al", "el"]

    /// Hash of a word's bytes with periods dropped and ’ read as ' (`U.S.` = `US`).
    @inline(__always)
    static func wordHash(_ p: UnsafeBufferPointer<UInt8>, _ t: Token) -> UInt64 {
        var h = FeatureHash.seed
        var i = Int(t.byteStart)
        let e = Int(t.byteEnd)
        while i < e {
            let b = p[i]
            if b == 0x2E { i += 1; continue }
            if b == 0xE2 && i + 2 < e && p[i + 1] == 0x80 && p[i + 2] == 0x99 { h = FeatureHash.add(h, 0x27); i += 3; continue }
            h = FeatureHash.add(h, b)
            i += 1
        }
        return h
    }

    /// A salt per entity type (by ``EntityType/ordinal``), so that equal texts of different types hash apart.
    static let typeSalt: [UInt64] = EntityType.allCases.indices.map { UInt64($0 + 1) &* 0x9E3779B97F4A7C15 }

    /// Union-find over mention indices; a set's representative is its smallest member. (A
    /// struct with mutating methods: local functions capturing the array would have every
    /// access to it checked for exclusivity at run time.)
    struct DisjointSets {
        var parent: [Int]
        init(_ n: Int) { parent = Array(0..<n) }
        mutating func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        mutating func union(_ a: Int, _ b: Int) {
            let ra = find(a), rb = find(b)
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
    }

    static func resolve(_ text: DocumentText, tokens: [Token], mentions raw0: [EntityRecognizer.Raw],
                        configuration: EntityConfiguration) -> ([DocumentEntity], [EntityMention]) {
        if raw0.isEmpty { return ([], []) }
        let n = raw0.count
        var raw = raw0
        var texts = [String]()
        texts.reserveCapacity(n)
        // word hashes of each mention, flat
        var wstart = [Int](), wcount = [Int]()
        var wh = [UInt64]()
        wstart.reserveCapacity(n); wcount.reserveCapacity(n); wh.reserveCapacity(n * 2)
        var textHash = [UInt64]()
        textHash.reserveCapacity(n)
        text.utf8.withUnsafeBufferPointer { p in
            for r in raw {
                texts.append(String(decoding: UnsafeBufferPointer(rebasing: p[Int(tokens[r.first].byteStart)..<Int(tokens[r.end - 1].byteEnd)]), as: UTF8.self))
                wstart.append(wh.count)
                var th = FeatureHash.seed
                for k in r.first..<r.end where tokens[k].isWordLike {
                    let h = wordHash(p, tokens[k])
                    wh.append(h)
                    th = FeatureHash.mix(th, h)
                }
                wcount.append(wh.count - wstart[wstart.count - 1])
                textHash.append(th)
            }
        }
        @inline(__always) func seqHash(_ i: Int, _ from: Int, _ count: Int) -> UInt64 {
            var h = FeatureHash.seed
            for k in 0..<count { h = FeatureHash.mix(h, wh[wstart[i] + from + k]) }
            return h
        }
        let typeSalt = Coreference.typeSalt

        // a lone word the tagger typed otherwise, that is the first or last word of a person's
        // fuller name in this document, is that person (`both Kim and Putin`)
        var nameWords = Set<UInt64>()
        for i in 0..<n where raw[i].type == .person && wcount[i] >= 2 {
            nameWords.insert(wh[wstart[i]]); nameWords.insert(wh[wstart[i] + wcount[i] - 1])
        }
        if !nameWords.isEmpty {
            for i in 0..<n where raw[i].type != .person && raw[i].known == nil && wcount[i] == 1 && nameWords.contains(wh[wstart[i]]) {
                raw[i].type = .person
            }
        }
        var sets = DisjointSets(n)
        // Fuller person names (two words or more), indexed by their first and last 1...3 words;
        // each is one person by its first and last word (`George Bush` = `George W. Bush`).
        let persons = (0..<n).filter { raw[$0].type == .person }
        var fuller = [UInt64: [Int]]()   // key -> mention indices (document order)
        var person = [UInt64](repeating: 0, count: n)   // fuller mention -> hash of its first and last word
        var keys = [UInt64]()
        for j in persons where wcount[j] >= 2 {
            keys.removeAll(keepingCapacity: true)
            for k in 1..<min(wcount[j], 4) {
                let head = seqHash(j, 0, k), tail = seqHash(j, wcount[j] - k, k)
                if !keys.contains(head) { keys.append(head) }
                if !keys.contains(tail) { keys.append(tail) }
            }
            for key in keys { fuller[key, default: []].append(j) }
            person[j] = FeatureHash.mix(wh[wstart[j]], wh[wstart[j] + wcount[j] - 1])
        }
        if persons.count > 1 {
            var byPerson = [UInt64: Int]()
            for j in persons where wcount[j] >= 2 && raw[j].known == nil {
                if let first = byPerson[person[j]] { sets.union(j, first) } else { byPerson[person[j]] = j }
            }
        }
        /// A short form that fits fuller names of two people (`Saxon` beside `Bill Saxon` and
        /// `Steven Saxon`): each of its mentions joins one of them (step 3), so equal texts do
        /// not join each other first.
        func ambiguousShortForm(_ i: Int) -> Bool {
            guard raw[i].type == .person, raw[i].known == nil, wcount[i] >= 1, wcount[i] <= 3,
                  let js = fuller[seqHash(i, 0, wcount[i])] else { return false }
            let own: UInt64? = wcount[i] >= 2 ? person[i] : nil
            var seen: UInt64? = nil
            for j in js where person[j] != own {
                if let s = seen, s != person[j] { return true }
                seen = person[j]
            }
            return false
        }
        /// A mention that is one letter (`F` of a ticker `<DBKG.F>`, an initial): never a short form.
        func isInitial(_ i: Int) -> Bool {
            guard raw[i].end - raw[i].first == 1 else { return false }
            let t = tokens[raw[i].first]
            let length = t.byteEnd - t.byteStart
            return length == 1 || (length == 2 && text.utf8.withUnsafeBufferPointer { $0[Int(t.byteEnd) - 1] } == 0x2E)
        }
        /// The gender a form of address right before mention i gives it (`Mr. Trump`).
        func addressGender(_ i: Int) -> Gender {
            guard raw[i].first > 0 else { return .unknown }
            let h = tokens[raw[i].first - 1]
            guard h.kind == .word else { return .unknown }
            return text.utf8.withUnsafeBufferPointer { Gender.ofAddress($0, Int(h.byteStart), Int(h.byteEnd)) }
        }
        /// The gender the first word of a person's name of two words or more gives it (`Melania Trump`).
        func givenGender(_ i: Int) -> Gender {
            guard wcount[i] >= 2 else { return .unknown }
            let t = tokens[raw[i].first]
            guard t.kind == .word else { return .unknown }
            return text.utf8.withUnsafeBufferPointer { Gender.ofGivenName($0, Int(t.byteStart), Int(t.byteEnd)) }
        }
        // a surname the document gives both a man and a woman (`Mr. Haldane` and `Mrs. Haldane`,
        // or `Mr. Walsh` and `Margaret Walsh`): its addressed mentions join only those of the
        // same form of address
        var surnameGenders = [UInt64: UInt8]()
        for i in persons where wcount[i] >= 1 {
            let g = wcount[i] == 1 ? addressGender(i) : givenGender(i)
            if g != .unknown { surnameGenders[wh[wstart[i] + wcount[i] - 1], default: 0] |= 1 << g.rawValue }
        }
        let bothGenders: UInt8 = 1 << Gender.female.rawValue | 1 << Gender.male.rawValue
        let surnamesOfBothGenders = Set(surnameGenders.filter { $0.value == bothGenders }.keys)
        // 1. same type + (same known canonical, or same normalised text)
        var byKey = [UInt64: Int]()
        byKey.reserveCapacity(n * 2)
        for i in 0..<n {
            let r = raw[i]
            let salt = typeSalt[r.type.ordinal]
            var k = FeatureHash.mix(salt, textHash[i])
            if r.type == .person, wcount[i] == 1, surnamesOfBothGenders.contains(wh[wstart[i]]) {
                let g = addressGender(i)
                if g != .unknown { k = FeatureHash.mix(k, UInt64(g.rawValue)) }
            }
            if ambiguousShortForm(i) {
                // joined in step 3
            } else if let j = byKey[k] { sets.union(i, j) } else { byKey[k] = i }
            if let known = r.known {
                let k2 = FeatureHash.mix(salt ^ 0x5555, FeatureHash.string(known))
                if let j = byKey[k2] { sets.union(i, j) } else { byKey[k2] = i }
            }
        }
        // 1b. a company's name without its designators is the company (`Vantrell` … `Vantrell
        // Corp`, `Control Data` … `Control Data Corp.`)
        text.utf8.withUnsafeBufferPointer { p in
            var bare = [UInt64: Int]()
            for i in 0..<n where raw[i].type == .org && raw[i].known == nil {
                let end = EntityRecognizer.endBeforeDesignators(p, tokens, raw[i].first, raw[i].end, keep: 1)
                guard end < raw[i].end else { continue }
                let words = (raw[i].first..<end).reduce(0) { $0 + (tokens[$1].isWordLike ? 1 : 0) }
                guard words >= 1 else { continue }
                let k = seqHash(i, 0, words)
                if let j = bare[k] { sets.union(i, j) } else { bare[k] = i }
            }
            guard !bare.isEmpty else { return }
            for i in 0..<n where raw[i].type == .org && raw[i].known == nil && !isInitial(i) {
                if let j = bare[textHash[i]], j != i { sets.union(i, j) }
            }
        }
        // 1c. an acronym in parentheses right after a name defines it: `Algemene Bank Nederland NV
        // (ABN)` — whatever other name its letters also spell
        var defined = Set<UInt64>()
        text.utf8.withUnsafeBufferPointer { p in
            for i in 1..<max(1, n) where raw[i].type != .person && raw[i].end - raw[i].first == 1 && raw[i].known == nil {
                let j = i - 1, a = raw[i].first
                guard raw[j].type == raw[i].type, raw[j].end - raw[j].first >= 2, a >= 1, raw[j].end == a - 1 else { continue }
                let t = tokens[a], open = tokens[a - 1]
                guard t.kind == .word, t.has(.allCaps), t.byteEnd - t.byteStart >= 2, open.byteEnd - open.byteStart == 1,
                      p[Int(open.byteStart)] == 0x28, a + 1 < tokens.count, tokens[a + 1].byteEnd - tokens[a + 1].byteStart == 1,
                      p[Int(tokens[a + 1].byteStart)] == 0x29 else { continue }
                // its first letter must open the name
                guard p[Int(t.byteStart)] == p[Int(tokens[raw[j].first].byteStart)] else { continue }
                sets.union(i, j)
                defined.insert(wh[wstart[i]])
            }
        }
        // 2. acronyms: initials of capitalised words (connectors skipped) = an all-caps word; a
        // designator's initial counts (`BIL` = `Brierley Investments Ltd`), but two words of the
        // name itself must be spelt (`UN` is not `Unilever NV`)
        var acronyms = [UInt64: Int]()
        text.utf8.withUnsafeBufferPointer { p in
            for i in 0..<n where raw[i].type != .person && wcount[i] >= 2 {
                var h = FeatureHash.seed
                var letters = 0, nameLetters = 0
                for k in raw[i].first..<raw[i].end where tokens[k].kind == .word && tokens[k].has(.capitalized) {
                    h = FeatureHash.add(h, p[Int(tokens[k].byteStart)])
                    letters += 1
                    if !EntityRecognizer.isDesignator(p, tokens[k]) { nameLetters += 1 }
                }
                if letters >= 2 && nameLetters >= 2 {
                    let key = FeatureHash.mix(typeSalt[raw[i].type.ordinal], h)
                    if acronyms[key] == nil { acronyms[key] = i }
                }
            }
            if !acronyms.isEmpty {
                for i in 0..<n where raw[i].type != .person && raw[i].end - raw[i].first == 1 && !defined.contains(wh[wstart[i]]) {
                    let t = tokens[raw[i].first]
                    guard t.kind == .word, t.has(.allCaps), t.byteEnd - t.byteStart >= 2 else { continue }
                    if let j = acronyms[FeatureHash.mix(typeSalt[raw[i].type.ordinal], wh[wstart[i]])] { sets.union(i, j) }
                }
            }
        }
        /// A one-word short form right after `Mr`, `Mrs`, `Ms` or `Miss`.
        func addressed(_ i: Int) -> Bool {
            guard wcount[i] == 1, raw[i].first > 0 else { return false }
            let h = tokens[raw[i].first - 1]
            return text.utf8.withUnsafeBufferPointer { Coreference.surnameAddress.find($0, Int(h.byteStart), Int(h.byteEnd)) != nil }
        }
        /// Words the document uses alone for a person (`Flight` of `Mr Flight`).
        var calledBySurname = Set<UInt64>()
        for i in persons where wcount[i] == 1 { calledBySurname.insert(wh[wstart[i]]) }
        // 3. person short forms join the fuller name they fit
        if persons.count > 1 {
            if !fuller.isEmpty {
                // distinct clusters per key, fixed before short forms join them
                var roots = [UInt64: Set<Int>]()
                for (key, js) in fuller {
                    var r = Set<Int>()
                    for j in js { r.insert(sets.find(j)); if r.count > 1 && js.count > 64 { break } }
                    roots[key] = r
                }
                for i in persons where raw[i].known == nil && wcount[i] >= 1 && wcount[i] <= 3 && !isInitial(i) {
                    let key = seqHash(i, 0, wcount[i])
                    guard var js = fuller[key], var r = roots[key] else { continue }
                    // `Mr Howard` is called by his surname: after Mr, Mrs or Ms a word that opens a
                    // fuller name the document calls by its last word (`Howard Flight` … `Mr
                    // Flight`) is not that person (`Mr. Kim` of `Kim Jong Un` is)
                    if addressed(i) {
                        js = js.filter { j in
                            seqHash(j, wcount[j] - wcount[i], wcount[i]) == key || !calledBySurname.contains(wh[wstart[j] + wcount[j] - 1])
                        }
                        // nor a fuller name of the other gender (`Mr. Trump` is not Melania Trump)
                        let g = addressGender(i)
                        if g != .unknown { js = js.filter { givenGender($0).agrees(with: g) } }
                        if js.isEmpty { continue }
                        r = Set(js.map { sets.find($0) })
                    }
                    if r.count == 1 { sets.union(i, r.first!); continue }
                    // ambiguous: nearest preceding fuller name, else nearest following
                    var lo = 0, hi = js.count
                    while lo < hi { let mid = (lo + hi) / 2; if js[mid] < i { lo = mid + 1 } else { hi = mid } }
                    if lo > 0 { sets.union(i, js[lo - 1]) } else if lo < js.count { sets.union(i, js[lo]) }
                }
            }
        }
        // clusters -> entities, in order of first mention
        var entityOf = [Int: Int]()
        var entities = [DocumentEntity]()
        var members = [[Int]]()
        for i in 0..<n {
            let r = sets.find(i)
            if let e = entityOf[r] { members[e].append(i); continue }
            entityOf[r] = entities.count
            members.append([i])
            entities.append(DocumentEntity(canonicalName: texts[i], type: raw[i].type))
        }
        var mentions = [EntityMention]()
        mentions.reserveCapacity(n)
        for i in 0..<n {
            let r = raw[i]
            let span = TextSpan(Int(tokens[r.first].start), Int(tokens[r.end - 1].end))
            mentions.append(EntityMention(span: span, text: texts[i], entity: entityOf[sets.find(i)]!, sentence: Int(tokens[r.first].sentence)))
        }
        /// A "person" whose name ends in a common word and that the document calls by its first
        /// word(s), never by its last (`Stone Container` … `Stone`, `Jupiter Research` …
        /// `Jupiter`): a company or a brand. People are called by their surname (`Bill Long` …
        /// `Long`), or by a given name (`Colin High` … `Colin`).
        func notAPerson(_ p: UnsafeBufferPointer<UInt8>, _ best: Int, _ ms: [Int]) -> Bool {
            let w = wcount[best]
            guard w >= 2, raw[best].known == nil, !raw[best].forced else { return false }
            let lastToken = tokens[raw[best].end - 1], firstToken = tokens[raw[best].first]
            guard lastToken.kind == .word, firstToken.kind == .word, !lastToken.has(.allCaps) else { return false }
            // the last word, or its singular (`Machines`), is a common word
            let lb = Int(lastToken.byteStart), le = Int(lastToken.byteEnd)
            let common = EntityRecognizer.commonWords.find(p, lb, le) != nil
                || (le - lb > 3 && p[le - 1] == 0x73 && EntityRecognizer.commonWords.find(p, lb, le - 1) != nil)
            guard common else { return false }
            var byFirst = false
            for i in ms where wcount[i] < w {
                let h = seqHash(i, 0, wcount[i])
                if h == seqHash(best, w - wcount[i], wcount[i]) { return false }
                if h == seqHash(best, 0, wcount[i]) { byFirst = true }
            }
            // a given name alone is how sport and show business call people (`Sir Elton`)
            return byFirst && NERTagger.firstNames.find(p, Int(firstToken.byteStart), Int(firstToken.byteEnd)) == nil
        }
        /// A mention's text without its trailing company designators (`Inc`, `Co.`, `, Ltd`, `and
        /// Co`), or nil when it has none or nothing else.
        func withoutDesignators(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, members ms: [Int]) -> String? {
            let first = raw[i].first
            let end = EntityRecognizer.endBeforeDesignators(p, tokens, first, raw[i].end, keep: 1)
            guard end < raw[i].end, tokens[end - 1].kind == .word,
                  (first..<end).contains(where: { tokens[$0].kind == .word && (tokens[$0].has(.capitalized) || tokens[$0].has(.allCaps)) })
            else { return nil }
            // one word left must still be a name: not a letter, a common word or a head
            // (`Petroleum` of a `Petroleum Co` cut from a longer name would join every such firm);
            // and the document must call the firm by that word alone (`Chrysler Corp` …
            // `Chrysler said`): a word alone names many things across a corpus (`The Milwaukee
            // Co.` is not the city, `Supermarkets Inc` not every supermarket chain)
            if end - first == 1 {
                let t = tokens[first], b = Int(t.byteStart), e = Int(t.byteEnd)
                if e - b < 2 || EntityRecognizer.isCommon(p, t) || EntityRecognizer.headType(p, t) != nil { return nil }
                let word = wordHash(p, t)
                if !ms.contains(where: { wcount[$0] == 1 && wh[wstart[$0]] == word }) { return nil }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: p[Int(tokens[first].byteStart)..<Int(tokens[end - 1].byteEnd)]), as: UTF8.self)
        }
        let hasUser = !configuration.aliases.isEmpty
        let userCanonical = Set(configuration.aliases.map(\.canonical))
        text.utf8.withUnsafeBufferPointer { p in
            for (e, ms) in members.enumerated() {
                // canonical: most words, then most characters, then first
                var best = ms[0]
                func len(_ i: Int) -> Int32 { tokens[raw[i].end - 1].end - tokens[raw[i].first].start }
                for i in ms where wcount[i] > wcount[best] || (wcount[i] == wcount[best] && len(i) > len(best)) { best = i }
                // a gazetteer name is known by its entry's canonical form in every document
                // (`U.S.`, `America` and `United States` are one entity across the corpus)
                var canonical = ms.lazy.compactMap { raw[$0].forced ? nil : raw[$0].known }.first ?? texts[best]
                if hasUser {
                    for i in ms where raw[i].forced { if let k = raw[i].known, userCanonical.contains(k) { canonical = k } }
                }
                entities[e].canonicalName = canonical
                for i in ms { if let k = raw[i].known { entities[e].knownName = k; break } }
                if entities[e].type != raw[best].type { entities[e].type = raw[best].type }
                if entities[e].type == .person && notAPerson(p, best, ms) { entities[e].type = .org }
                // a company is known by its name without its designators, in every document
                // (`Harlow Penrith and Co Inc`, `Harlow Penrith & Co.` → `Harlow Penrith`): the
                // forms written stay its aliases
                if entities[e].type == .org, entities[e].knownName == nil, !(hasUser && userCanonical.contains(canonical)),
                   let short = withoutDesignators(p, best, members: ms) {
                    canonical = short
                    entities[e].canonicalName = short
                }
                if ms.count > 1 {
                    var aliases = [String]()
                    var seen = Set<UInt64>()
                    for i in ms where texts[i] != canonical {
                        let h = FeatureHash.bytes(p, Int(tokens[raw[i].first].byteStart), Int(tokens[raw[i].end - 1].byteEnd), fold: false)
                        if seen.insert(h).inserted { aliases.append(texts[i]) }
                    }
                    entities[e].aliases = aliases
                } else if texts[ms[0]] != canonical {
                    entities[e].aliases = [texts[ms[0]]]
                }
                if entities[e].type == .person {
                    var female = false, male = false
                    for i in ms {
                        switch addressGender(i).joined(givenGender(i)) {
                        case .female: female = true
                        case .male: male = true
                        case .unknown: break
                        }
                    }
                    entities[e].gender = female == male ? .unknown : (female ? .female : .male)
                    var roles = [String]()
                    for i in ms {
                        for role in Self.roles(p, tokens, raw[i]) where !roles.contains(role) { roles.append(role) }
                    }
                    entities[e].roles = roles
                }
            }
        }
        return (entities, mentions)
    }

    @inline(__always)
    static func isTitle(_ p: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
        guard t.kind == .word else { return false }
        var e = Int(t.byteEnd)
        while e > Int(t.byteStart) && p[e - 1] == 0x2E { e -= 1 }
        return titlePhrases.find(p, Int(t.byteStart), e) != nil
    }

    /// Forms of address followed by a surname, never a given name (`Mr Howard`; not `Sir`).
    static let surnameAddress = ByteTable(
        words: ["Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Mx", "Mx."],
        foldCase: false, capacity: 16)

    /// Forms of address next to a name that are not roles (`Mr`, `Dr`, `Lord`, `Sir`).
    static let addressForms = ByteTable(
        words: ["Lord", "Lady", "Sir", "Dame", "Prof", "Prof.", "Professor", "Baroness", "Baron"],
        foldCase: true, capacity: 32)

    static func isHonorific(_ p: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
        EntityRecognizer.honorifics.find(p, Int(t.byteStart), Int(t.byteEnd)) != nil ||
            addressForms.find(p, Int(t.byteStart), Int(t.byteEnd)) != nil
    }

    /// Words before a title that make it another office (`shadow chancellor`, `vice president`,
    /// `former president`).
    static let roleQualifiers: Set<String> = ["shadow", "former", "ex", "deputy", "vice", "assistant", "acting", "junior", "under", "co"]

    /// Role phrases around one person mention.
    static func roles(_ p: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ m: EntityRecognizer.Raw) -> [String] {
        var out = [String]()
        let sent = tokens[m.first].sentence
        func str(_ a: Int, _ b: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: p[Int(tokens[a].byteStart)..<Int(tokens[b].byteEnd)]), as: UTF8.self)
        }
        // before: [Capitalised/title words]* ending with a title word, right before the name
        var k = m.first - 1
        var lastTitle = -1
        var start = -1
        var steps = 0
        while k >= 0 && steps < 7 && tokens[k].sentence == sent {
            let t = tokens[k]
            if t.kind != .word { break }
            if isHonorific(p, t) { if lastTitle < 0 { k -= 1; steps += 1; continue } else { break } }
            if isTitle(p, t) {
                if lastTitle < 0 { lastTitle = k }
                start = k
            } else if t.has(.capitalized) && !t.has(.sentenceInitial) || (t.has(.capitalized) && lastTitle >= 0 && t.has(.sentenceInitial) && !SentenceSplitter.sentenceOpeners.contains(str(k, k))) {
                if lastTitle < 0 { break }
                start = k
            } else {
                break
            }
            k -= 1
            steps += 1
        }
        // a word that makes the title another office belongs to the role (`shadow chancellor`,
        // `former President`): a description of the office is not one of it
        if start >= 0, k >= 0, k == start - 1, tokens[k].sentence == sent, tokens[k].kind == .word,
           roleQualifiers.contains(str(k, k).lowercased()) {
            start = k
        }
        if lastTitle >= 0 && start >= 0 && lastTitle == m.first - 1 - (m.first - 1 - lastTitle) {
            // the phrase must touch the name (honorifics in between are skipped above)
            var gapOK = true
            var g = lastTitle + 1
            while g < m.first { if !isHonorific(p, tokens[g]) { gapOK = false }; g += 1 }
            if gapOK { out.append(str(start, lastTitle)) }
        }
        // after: `Name, [the] role phrase,` ending with a title word or starting with one
        var a = m.end
        if a < tokens.count, tokens[a].sentence == sent, tokens[a].kind == .punctuation, p[Int(tokens[a].byteStart)] == 0x2C {
            a += 1
            var b = a
            var hasTitleFirst = false, lastIsTitle = false
            var firstContent = -1
            while b < tokens.count && b - a < 9 && tokens[b].sentence == sent {
                let t = tokens[b]
                if t.kind == .punctuation || t.kind == .quote { break }
                if t.kind == .word && t.has(.lowercase) && !isTitle(p, t) && !connectors.contains(str(b, b)) && !["a", "an"].contains(str(b, b)) { firstContent = -2; break }
                if firstContent == -1 && !(t.kind == .word && ["the", "a", "an"].contains(str(b, b).lowercased())) {
                    firstContent = b
                    hasTitleFirst = isTitle(p, t)
                }
                lastIsTitle = isTitle(p, t)
                b += 1
            }
            let closes = b >= tokens.count || tokens[b].sentence != sent ||
                (tokens[b].kind == .punctuation && (p[Int(tokens[b].byteStart)] == 0x2C || tokens[b].has(.sentenceFinal)))
            if firstContent >= 0 && closes && b > firstContent && (hasTitleFirst || lastIsTitle) {
                out.append(str(firstContent, b - 1))
            }
        }
        return out
    }
}
