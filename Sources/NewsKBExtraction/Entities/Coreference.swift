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

    static func resolve(_ text: DocumentText, tokens: [Token], mentions rawIn: [EntityRecognizer.Raw],
                        configuration: EntityConfiguration) -> ([DocumentEntity], [EntityMention]) {
        if rawIn.isEmpty { return ([], []) }
        let raw0 = rawIn
        let n = raw0.count
        func str(_ a: Int, _ b: Int) -> String {
            String(decoding: text.utf8[Int(tokens[a].byteStart)..<Int(tokens[b - 1].byteEnd)], as: UTF8.self)
        }
        let texts = raw0.map { str($0.first, $0.end) }
        // normalised key: curly apostrophes straightened, periods dropped (U.S. = US), case kept
        func norm(_ s: String) -> String {
            var out = ""
            for u in s.unicodeScalars {
                if u == "\u{2019}" { out.unicodeScalars.append("'") } else if u != "." { out.unicodeScalars.append(u) }
            }
            return out
        }
        // word tokens of each mention (normalised)
        let words: [[String]] = raw0.map { r in
            (r.first..<r.end).filter { tokens[$0].isWordLike }.map { norm(text.text(tokens[$0])) }
        }
        // a lone word the tagger typed otherwise, that is the first or last word of a person's
        // fuller name in this document, is that person (`both Kim and Putin`)
        var raw = raw0
        do {
            var nameWords = Set<String>()
            for i in 0..<n where raw[i].type == .person && words[i].count >= 2 {
                nameWords.insert(words[i][0]); nameWords.insert(words[i][words[i].count - 1])
            }
            if !nameWords.isEmpty {
                for i in 0..<n where raw[i].type != .person && raw[i].known == nil && words[i].count == 1 && nameWords.contains(words[i][0]) {
                    raw[i].type = .person
                }
            }
        }
        // union-find
        var parent = Array(0..<n)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        func union(_ a: Int, _ b: Int) {
            let ra = find(a), rb = find(b)
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        // 1. same type + (same known canonical, or same normalised text)
        var byKey = [String: Int]()
        for i in 0..<n {
            let r = raw[i]
            let k = r.type.rawValue + "\u{1}" + (r.known.map { "=" + $0 } ?? norm(texts[i]))
            if let j = byKey[k] { union(i, j) } else { byKey[k] = i }
            if r.known != nil {
                // also reachable by its own text (a tagger mention with the same text but no entry)
                let k2 = r.type.rawValue + "\u{1}" + norm(texts[i])
                if let j = byKey[k2] { union(i, j) } else { byKey[k2] = i }
            }
        }
        // 2. acronyms
        var acronyms = [String: Int]()
        for i in 0..<n where raw[i].type != .person && words[i].count >= 2 {
            var a = ""
            for w in words[i] where !connectors.contains(w.lowercased()) {
                if let c = w.unicodeScalars.first, c.properties.isUppercase { a.unicodeScalars.append(c) }
            }
            if a.unicodeScalars.count >= 2 { acronyms[raw[i].type.rawValue + "\u{1}" + a] = acronyms[raw[i].type.rawValue + "\u{1}" + a] ?? i }
        }
        if !acronyms.isEmpty {
            for i in 0..<n where words[i].count == 1 && raw[i].type != .person {
                let w = words[i][0]
                if w.unicodeScalars.count >= 2 && w.unicodeScalars.allSatisfy({ $0.properties.isUppercase }),
                   let j = acronyms[raw[i].type.rawValue + "\u{1}" + w] { union(i, j) }
            }
        }
        // 3. person short forms: index fuller names by their first and last 1...3 words
        let persons = (0..<n).filter { raw[$0].type == .person }
        if persons.count > 1 {
            var fuller = [String: [Int]]()   // key -> mention indices (document order)
            for j in persons where words[j].count >= 2 {
                let wj = words[j]
                var keys = Set<String>()
                for k in 1..<min(wj.count, 4) {
                    keys.insert(wj.prefix(k).joined(separator: " "))
                    keys.insert(wj.suffix(k).joined(separator: " "))
                }
                for key in keys { fuller[key, default: []].append(j) }
            }
            // distinct clusters per key, fixed before short forms join them
            var roots = [String: Set<Int>]()
            for (key, js) in fuller {
                var r = Set<Int>()
                for j in js { r.insert(find(j)); if r.count > 1 && js.count > 64 { break } }
                roots[key] = r
            }
            for i in persons where raw[i].known == nil && !words[i].isEmpty && words[i].count <= 3 {
                let key = words[i].joined(separator: " ")
                guard let js = fuller[key], let r = roots[key] else { continue }
                if r.count == 1 { union(i, r.first!); continue }
                // ambiguous: nearest preceding fuller name, else nearest following
                var lo = 0, hi = js.count
                while lo < hi { let mid = (lo + hi) / 2; if js[mid] < i { lo = mid + 1 } else { hi = mid } }
                if lo > 0 { union(i, js[lo - 1]) } else if lo < js.count { union(i, js[lo]) }
            }
        }
        // clusters -> entities, in order of first mention
        var entityOf = [Int: Int]()
        var entities = [DocumentEntity]()
        var members = [[Int]]()
        for i in 0..<n {
            let r = find(i)
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
            mentions.append(EntityMention(span: span, text: texts[i], entity: entityOf[find(i)]!, sentence: Int(tokens[r.first].sentence)))
        }
        let userCanonical = Dictionary(configuration.aliases.map { ($0.canonical, true) }, uniquingKeysWith: { a, _ in a })
        text.utf8.withUnsafeBufferPointer { p in
            for (e, ms) in members.enumerated() {
                // canonical: most words, then most characters, then first
                var best = ms[0]
                for i in ms where words[i].count > words[best].count ||
                    (words[i].count == words[best].count && texts[i].unicodeScalars.count > texts[best].unicodeScalars.count) { best = i }
                var canonical = texts[best]
                if let known = raw[best].known, raw[best].forced || userCanonical[known] != nil { canonical = known }
                for i in ms where raw[i].forced { if let k = raw[i].known, userCanonical[k] != nil { canonical = k } }
                entities[e].canonicalName = canonical
                if let k = ms.lazy.compactMap({ raw[$0].known }).first { entities[e].knownName = k }
                var aliases = [String]()
                var roles = [String]()
                for i in ms {
                    if texts[i] != canonical && !aliases.contains(texts[i]) { aliases.append(texts[i]) }
                    if raw[i].type == .person {
                        for role in Self.roles(p, tokens, raw[i]) where !roles.contains(role) { roles.append(role) }
                    }
                }
                entities[e].aliases = aliases
                entities[e].roles = roles
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

    static func isHonorific(_ p: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
        EntityRecognizer.honorifics.find(p, Int(t.byteStart), Int(t.byteEnd)) != nil
    }

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
