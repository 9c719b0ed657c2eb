/// Extracts a document's claims: one per sentence the article asserts itself, and one per
/// (statement, sentence) piece of what it attributes to a source. Pure and deterministic.
///
/// Each claim gets its normalized form (see ``Claim``): base forms of content words with
/// synonyms mapped, the entities mentioned, numbers with normalized units (number words,
/// scales, currencies, unit conversions), dates, negation, and predicate frames (where an event
/// takes place, where something heads, who supplies whom) for the disagreement finder.
public enum ClaimExtractor {
    /// Claims for an analysed document, tokenizing the text again (prefer the entry point
    /// taking the tokens the analysis was built from).
    public static func extract(_ text: DocumentText, analysis: DocumentAnalysis) -> [Claim] {
        extract(text, tokens: Tokenizer.tokenize(text), analysis: analysis)
    }

    /// Claims for an analysed document. `tokens` are the tokens the analysis was built from
    /// (``Tokenizer``, sentence indices set); claims follow sentence order.
    public static func extract(_ text: DocumentText, tokens: [Token], analysis: DocumentAnalysis) -> [Claim] {
        let sentences = analysis.sentences
        guard !sentences.isEmpty, !tokens.isEmpty else { return [] }
        let n = text.scalarCount
        // Token ranges per sentence.
        var tokenRange = [Range<Int>](repeating: 0..<0, count: sentences.count)
        var i = 0
        while i < tokens.count {
            let s = Int(tokens[i].sentence)
            var j = i + 1
            while j < tokens.count && Int(tokens[j].sentence) == s { j += 1 }
            if s >= 0 && s < sentences.count { tokenRange[s] = i..<j }
            i = j
        }
        // Mentions per sentence.
        var mentionsBySentence = [[Int]](repeating: [], count: sentences.count)
        for (k, m) in analysis.mentions.enumerated() where m.sentence >= 0 && m.sentence < sentences.count
            && analysis.entities.indices.contains(m.entity) {
            mentionsBySentence[m.sentence].append(k)
        }
        // Statement pieces per sentence.
        var pieces = [[(statement: Int, span: TextSpan)]](repeating: [], count: sentences.count)
        for (k, st) in analysis.statements.enumerated() {
            let c = st.content
            guard c.start < c.end, c.end <= n else { continue }
            for s in sentenceIndexes(overlapping: c, sentences) {
                let sp = sentences[s].span
                let a = max(sp.start, c.start), b = min(sp.end, c.end)
                if b - a >= 3 { pieces[s].append((k, TextSpan(a, b))) }
            }
        }
        var out = [Claim]()
        let lex = ClaimLexicon.shared
        for s in sentences.indices {
            let sp = sentences[s].span
            guard sp.end <= n, sp.start < sp.end else { continue }
            var units: [(Int?, TextSpan)] = pieces[s].map { ($0.statement, $0.span) }
            if units.isEmpty {
                units = [(nil, sp)]
            } else {
                // What the sentence asserts outside its statements (and their speakers and
                // cues) is the document's own claim: "This meeting comes as a follow-up to
                // their last encounter in 2019, [emphasizing the need for …]".
                var covered = [TextSpan]()
                for p in pieces[s] {
                    covered.append(p.span)
                    let st = analysis.statements[p.statement]
                    for x in [st.cue, st.speakerSpan] { if let x, x.overlaps(sp) { covered.append(x) } }
                }
                covered.sort()
                var cursor = sp.start
                var gaps = [TextSpan]()
                for c in covered {
                    if c.start > cursor { gaps.append(TextSpan(cursor, c.start)) }
                    cursor = max(cursor, c.end)
                }
                if cursor < sp.end { gaps.append(TextSpan(cursor, sp.end)) }
                for g in gaps {
                    let inGap = tokens[slice(g, tokens, tokenRange[s])]
                    let words = inGap.lazy.filter { $0.isWordLike }
                    if words.count >= 6, let f = words.first, let l = inGap.last(where: { $0.isWordLike || $0.kind == .quote }) {
                        units.append((nil, TextSpan(Int(f.start), Int(l.end))))
                    }
                }
                units.sort { $0.1 < $1.1 }
            }
            units = units.flatMap { u in clauses(u.1, text, tokens, tokenRange[s]).map { (u.0, $0) } }
            for (statement, span) in units {
                var claim = Claim(span: span, sentence: s, statement: statement)
                fill(&claim, text, tokens, tokenRange[s], mentionsBySentence[s], analysis, lex)
                if claim.terms.isEmpty && claim.entities.isEmpty && claim.quantities.isEmpty { continue }
                out.append(claim)
            }
        }
        return out
    }

    /// The sub-range of `range` whose tokens lie inside `span` (tokens are in text order).
    static func slice(_ span: TextSpan, _ tokens: [Token], _ range: Range<Int>) -> Range<Int> {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi { let m = (lo + hi) / 2; if Int(tokens[m].start) < span.start { lo = m + 1 } else { hi = m } }
        var end = lo
        var a = lo, b = range.upperBound
        while a < b { let m = (a + b) / 2; if Int(tokens[m].end) <= span.end { a = m + 1 } else { b = m } }
        end = max(lo, a)
        return lo..<end
    }

    /// Cuts a claim span into clauses that can be true or false on their own: at `;`, at a
    /// spaced dash, and before a participle clause after a comma (`…carriages, contributing to
    /// its slow speed`). Pieces shorter than four words stay with their neighbour.
    static func clauses(_ span: TextSpan, _ text: DocumentText, _ tokens: [Token], _ range: Range<Int>) -> [TextSpan] {
        let range = slice(span, tokens, range)
        var cuts = [(end: Int, next: Int)]()
        var words = 0
        // Word-like tokens from each token to the end of the span (suffix counts).
        var after = [Int](repeating: 0, count: range.count + 1)
        if !range.isEmpty {
            for k in range.reversed() { after[k - range.lowerBound] = after[k - range.lowerBound + 1] + (tokens[k].isWordLike ? 1 : 0) }
        }
        var k = range.lowerBound
        while k < range.upperBound {
            let t = tokens[k]
            defer { k += 1 }
            guard Int(t.start) > span.start && Int(t.end) < span.end else { if Int(t.start) >= span.start { words += t.isWordLike ? 1 : 0 }; continue }
            if t.isWordLike { words += 1; continue }
            guard words >= 4, k + 1 < range.upperBound else { continue }
            let nx = tokens[k + 1]
            let b = text.utf8[Int(t.byteStart)]
            var cut = false
            if b == 59 { cut = true }                                   // ;
            else if t.has(.dash) && t.has(.spaceBefore) { cut = true }  // spaced dash
            else if b == 44 && nx.kind == .word && nx.has(.lowercase) { // , + participle
                let w = text.utf8[nx.byteRange]
                cut = w.count > 5 && w.suffix(3).elementsEqual("ing".utf8)
            }
            if cut {
                // The rest must have four words too.
                if after[k + 1 - range.lowerBound] >= 4 {
                    cuts.append((Int(t.start), Int(nx.start)))
                    words = 0
                }
            }
        }
        guard !cuts.isEmpty else { return [span] }
        var out = [TextSpan]()
        var start = span.start
        for c in cuts where c.end > start {
            out.append(TextSpan(start, c.end))
            start = c.next
        }
        if start < span.end { out.append(TextSpan(start, span.end)) }
        return out
    }

    static func sentenceIndexes(overlapping c: TextSpan, _ sentences: [Sentence]) -> [Int] {
        // Binary search for the first sentence ending after c.start.
        var lo = 0, hi = sentences.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sentences[mid].span.end <= c.start { lo = mid + 1 } else { hi = mid }
        }
        var out = [Int]()
        var s = lo
        while s < sentences.count && sentences[s].span.start < c.end { out.append(s); s += 1 }
        return out
    }

    /// Lower-cased text of a token (curly apostrophes straightened).
    @inline(__always)
    static func lower(_ text: DocumentText, _ t: Token) -> String {
        if !t.has(.nonASCII) {
            var b = Array(text.utf8[t.byteRange])
            for k in b.indices where b[k] >= 65 && b[k] <= 90 { b[k] |= 0x20 }
            return String(decoding: b, as: UTF8.self)
        }
        return ClaimLexicon.fold(text.text(t))
    }

    static let venueWords: Set<String> = ["place", "venue", "location", "site", "host"]
    static let placeTypes: Set<EntityType> = [.gpe, .loc, .facility]
    static let actorTypes: Set<EntityType> = [.person, .org, .gpe, .norp]

    /// The most tokens of one claim that are normalized (see ``fill``).
    static let maxClaimTokens = 256

    static func fill(_ claim: inout Claim, _ text: DocumentText, _ tokens: [Token], _ range: Range<Int>,
                     _ mentionIdx: [Int], _ analysis: DocumentAnalysis, _ lex: ClaimLexicon) {
        let span = claim.span
        // Tokens inside the claim.
        var toks = [Int]()
        toks.append(contentsOf: slice(span, tokens, range))
        // A claim's normalized form comes from at most its first `maxClaimTokens` tokens: news
        // sentences are far shorter, and the bound keeps one enormous sentence (thousands of
        // overlapping statements on one line) linear instead of quadratic.
        if toks.count > maxClaimTokens { toks.removeLast(toks.count - maxClaimTokens) }
        let words = toks.map { lower(text, tokens[$0]) }
        var terms = Set<String>()
        var consumed = [Bool](repeating: false, count: toks.count)
        var predicates = [(pos: Int, pred: ClaimLexicon.Predicate)]()

        var p = 0
        while p < toks.count {
            let t = tokens[toks[p]]
            let w = words[p]
            if consumed[p] { p += 1; continue }
            // Two-word predicate forms (take place, en route).
            if p + 1 < toks.count, let pr = lex.predicates[w + " " + words[p + 1]] {
                predicates.append((p, pr))
            } else if let pr = lex.predicates[w] {
                predicates.append((p, pr))
            }
            if t.kind == .number || (t.kind == .word && (lex.numbers[w]?.1 == .number || (t.has(.hyphenated) && lex.numbers[String(w.prefix { $0 != "-" })] != nil)))
                || (t.kind == .symbol && lex.units[w] != nil) {
                if let used = readNumber(p, toks, words, tokens, text, lex, &claim) {
                    for q in p..<min(toks.count, p + used) { consumed[q] = true }
                    p += max(1, used)
                    continue
                }
            }
            if t.kind == .word {
                if lex.negation.contains(w) { claim.negated = true; p += 1; continue }
                if let (kind, v) = lex.dates[w] {
                    let capital = t.has(.capitalized)
                    switch kind {
                    case .weekday where capital:
                        claim.dates.append(ClaimDate(weekday: v, span: t.span)); p += 1; continue
                    case .relative:
                        claim.dates.append(ClaimDate(relativeDays: v, span: t.span)); p += 1; continue
                    case .month where capital && (w.count > 3 || t.has(.abbreviation) || p + 1 < toks.count && tokens[toks[p + 1]].kind == .number):
                        var d = ClaimDate(month: v, span: t.span)
                        var q = p + 1
                        var end = t.end
                        if q < toks.count, tokens[toks[q]].kind == .number, let day = Int(words[q]), (1...31).contains(day) {
                            d.day = day; end = tokens[toks[q]].end; q += 1
                            if q < toks.count, words[q] == "," { q += 1 }
                        }
                        if q < toks.count, tokens[toks[q]].kind == .number, let y = Int(words[q]), (1800...2100).contains(y) {
                            d.year = y; end = tokens[toks[q]].end; q += 1
                        }
                        d.span = TextSpan(Int(t.start), Int(end))
                        claim.dates.append(d)
                        for r in p..<q { consumed[r] = true }
                        p = q
                        continue
                    default: break
                    }
                }
                if !lex.stop.contains(w) && w.utf8.count > 1 {
                    let r = ClaimNormalizer.reduce(w, lex)
                    let base = lex.synonyms[r] ?? r
                    if !lex.stop.contains(base) { terms.insert(base) }
                }
            }
            p += 1
        }
        claim.terms = terms.sorted()
        // An attributed claim is negated by its reporting clause too ("denied that …",
        // "has not confirmed …"): look at the cue and the few words before it.
        if !claim.negated, let si = claim.statement, analysis.statements.indices.contains(si), let cue = analysis.statements[si].cue {
            var k = max(range.lowerBound, slice(TextSpan(cue.start, max(cue.start, cue.end)), tokens, range).lowerBound - 3)
            var before = [Int]()
            while k < range.upperBound && Int(tokens[k].start) < cue.end {
                if Int(tokens[k].end) <= cue.start { before.append(k) } else if lex.negation.contains(lower(text, tokens[k])) { claim.negated = true }
                k += 1
            }
            for b in before.suffix(3) where lex.negation.contains(lower(text, tokens[b])) { claim.negated = true }
        }

        // Entities inside the claim.
        var ents = Set<Int>()
        var inside = [(mention: EntityMention, tokenPos: Int)]()
        // Mentions are in text order: start at the first one at or after the span.
        var first = 0, last = mentionIdx.count
        while first < last {
            let mid = (first + last) / 2
            if analysis.mentions[mentionIdx[mid]].span.start < span.start { first = mid + 1 } else { last = mid }
        }
        for k in mentionIdx[first...] {
            let m = analysis.mentions[k]
            if m.span.start >= span.end { break }
            guard span.contains(m.span) else { continue }
            ents.insert(m.entity)
            var lo = 0, hi = toks.count
            while lo < hi { let mid = (lo + hi) / 2; if Int(tokens[toks[mid]].start) < m.span.start { lo = mid + 1 } else { hi = mid } }
            let pos = lo
            inside.append((m, pos))
        }
        claim.entities = ents.sorted()

        // Frames.
        guard !predicates.isEmpty else { return }
        var frames = Set<ClaimFrame>()
        for (pos, pr) in predicates {
            if pr.roles.contains("time") {
                for d in claim.dates.indices { frames.insert(ClaimFrame(predicate: pr.name, role: .time, value: d, span: claim.dates[d].span)) }
            }
            if pr.roles.contains("at") || pr.roles.contains("toward") || pr.roles.contains("away") {
                for (m, mpos) in inside where placeTypes.contains(analysis.entities[m.entity].type) {
                    let e = analysis.entities[m.entity]
                    if lex.coarsePlaces.contains(e.canonicalName.lowercased()) || lex.coarsePlaces.contains((e.knownName ?? "").lowercased()) { continue }
                    var found = placeRole(before: mpos, words)
                    // "X … the meeting place / venue": the place is the subject.
                    if found == nil, mpos < pos, pr.roles.contains("at"),
                       venueWords.contains(words[pos]) || (pos + 1 < words.count && venueWords.contains(words[pos + 1])) {
                        found = (.at, mpos)
                    }
                    guard let (role, startTok) = found, startTok < toks.count else { continue }
                    guard pr.roles.contains(role.rawValue) else { continue }
                    // The place must be near its predicate (same clause, roughly; an event's
                    // place may sit further away: "Putin, who was at X, … awaited Kim for the summit").
                    guard abs(mpos - pos) <= (role == .at ? 30 : 12) else { continue }
                    let a = min(Int(tokens[toks[startTok]].start), m.span.start)
                    frames.insert(ClaimFrame(predicate: pr.name, role: role, value: m.entity, span: TextSpan(a, m.span.end)))
                }
            }
            if pr.roles.contains("direction") {
                let actors = inside.filter { actorTypes.contains(analysis.entities[$0.mention.entity].type) }
                guard let agent = actors.last(where: { $0.tokenPos < pos && pos - $0.tokenPos <= 4 }),
                      let patient = actors.first(where: { $0.tokenPos > pos && $0.tokenPos - pos <= 3 }),
                      agent.mention.entity != patient.mention.entity else { continue }
                if words[agent.tokenPos..<pos].contains(",") { continue }
                frames.insert(ClaimFrame(predicate: pr.name, role: .direction, value: agent.mention.entity,
                                         other: patient.mention.entity,
                                         span: TextSpan(agent.mention.span.start, patient.mention.span.end)))
            }
        }
        claim.frames = frames.sorted { ($0.span, $0.predicate, $0.role.rawValue, $0.value) < ($1.span, $1.predicate, $1.role.rawValue, $1.value) }
    }

    /// The role a preposition before a place gives it: `in`/`at` → at; `to`/`towards` → toward;
    /// `away from`/`past` → away. Looks back over `the`, `of` and a few words (`the city of`).
    static func placeRole(before pos: Int, _ words: [String]) -> (ClaimFrame.Role, Int)? {
        var q = pos - 1
        var skipped = 0
        while q >= 0 && skipped <= 4 {
            switch words[q] {
            case "in", "at", "inside": return (.at, q)
            case "to", "towards", "toward", "into": return (.toward, q)
            case "past": return (.away, q)
            case "from":
                if q > 0 && words[q - 1] == "away" { return (.away, q - 1) }
                return nil
            case ",", ".", ";", ":", "(", ")", "near", "with", "and", "or", "by", "than", "between", "for", "on", "across", "outside", "'s", "’s":
                return nil
            default:
                skipped += 1
                q -= 1
            }
        }
        return nil
    }

    /// Reads a quantity starting at claim token `p`; returns the number of claim tokens used,
    /// or nil when it is no quantity (then the words are ordinary terms). Years become dates.
    static func readNumber(_ p: Int, _ toks: [Int], _ words: [String], _ tokens: [Token], _ text: DocumentText,
                           _ lex: ClaimLexicon, _ claim: inout Claim) -> Int? {
        var q = p
        var unit: String? = nil
        var factor = 1.0
        var currency = false
        // Currency symbol before the number.
        if tokens[toks[q]].kind == .symbol || (tokens[toks[q]].kind == .word && lex.units[words[q]]?.first?.unit.count == 3 && words[q].count <= 3 && q + 1 < toks.count && tokens[toks[q + 1]].kind == .number) {
            guard let u = lex.units[words[q]]?.first(where: { $0.words.count == 1 }), u.unit.count == 3,
                  q + 1 < toks.count, tokens[toks[q + 1]].kind == .number || lex.numbers[words[q + 1]]?.1 == .number else { return nil }
            unit = u.unit; factor = u.factor; currency = true
            q += 1
        }
        guard q < toks.count else { return nil }
        let startTok = tokens[toks[q]]
        var value: Double
        var glued = ""
        var plainInteger = false
        if startTok.kind == .number {
            guard let (v, rest, integer) = parseDigits(words[q]) else { return nil }
            value = v; glued = rest; plainInteger = integer && !words[q].contains(",")
            q += 1
        } else if let (v, k) = lex.numbers[words[q]], k == .number {
            value = v
            q += 1
            // "twenty five", "twenty-five" (the tokenizer keeps hyphenated words whole).
            if q < toks.count, let (v2, k2) = lex.numbers[words[q]], k2 == .number, v2 < 10, value >= 20, value < 100 {
                value += v2; q += 1
            }
        } else if words[q].contains("-") {
            let parts = words[q].split(separator: "-").map(String.init)
            guard parts.count == 2, let a = lex.numbers[parts[0]], let b = lex.numbers[parts[1]], a.1 == .number, b.1 == .number else { return nil }
            value = a.0 + b.0
            q += 1
        } else {
            return nil
        }
        // Glued suffix: 1.2bn, 37mph, 122mm, 5th, 1990s.
        if !glued.isEmpty {
            if let (s, k) = lex.numbers[glued], k == .scale, glued != "m" || currency {
                value *= s
            } else if let u = lex.units[glued]?.first(where: { $0.words.count == 1 }), unit == nil {
                unit = u.unit; factor = u.factor
            } else if glued == "m" {
                unit = "m"
            } else {
                return nil  // ordinals, decades, times: ordinary terms
            }
        }
        // Scale words after the number: "1.2 million", "$5 bn".
        while q < toks.count, let (s, k) = lex.numbers[words[q]], k == .scale, words[q] != "m" || currency || unit != nil {
            value *= s
            q += 1
        }
        // Unit after the number (multi-word forms first); a hyphen may join them ("37-mile").
        if unit == nil || currency {
            var r = q
            if r < toks.count && words[r] == "-" { r += 1 }
            if r < toks.count, let forms = lex.units[words[r]] {
                for f in forms where r + f.words.count <= toks.count && Array(words[r..<(r + f.words.count)]) == f.words {
                    if currency && f.unit.count != 3 { break }
                    if f.words == ["m"] && value >= 1000 { break }
                    unit = f.unit; factor = f.factor
                    q = r + f.words.count
                    break
                }
            }
        }
        let end = Int(tokens[toks[q - 1]].end)
        let span = TextSpan(Int(tokens[toks[p]].start), end)
        if unit == nil && plainInteger && value >= 1800 && value <= 2100 {
            claim.dates.append(ClaimDate(year: Int(value), span: span))
            return q - p
        }
        var noun = ""
        if unit == nil {
            // The counted noun: the last word of the lower-case run after the number.
            var r = q
            var last = ""
            while r < toks.count && r < q + 3 && tokens[toks[r]].kind == .word && !lex.stop.contains(words[r])
                    && tokens[toks[r]].has(.lowercase) {
                last = words[r]; r += 1
            }
            if !last.isEmpty { let b = ClaimNormalizer.reduce(last, lex); noun = lex.synonyms[b] ?? b }
        }
        claim.quantities.append(Quantity(value: value * factor, unit: unit ?? "", noun: noun, span: span))
        return q - p
    }

    /// Digits with `,` thousands separators and a `.` decimal point, then any glued letters.
    static func parseDigits(_ w: String) -> (Double, String, Bool)? {
        var intPart: Double = 0
        var frac: Double = 0
        var scale = 1.0
        var seenDot = false
        var digits = 0
        var rest = Substring("")
        let u = Array(w.utf8)
        var i = 0
        while i < u.count {
            let c = u[i]
            if c >= 48 && c <= 57 {
                digits += 1
                if seenDot { scale /= 10; frac += Double(c - 48) * scale } else { intPart = intPart * 10 + Double(c - 48) }
            } else if c == 44 && !seenDot && i + 3 < u.count + 0 && i + 3 <= u.count - 1 + 1 {
                // thousands separator: must be followed by three digits
                guard i + 3 < u.count + 1, (1...3).allSatisfy({ i + $0 < u.count && u[i + $0] >= 48 && u[i + $0] <= 57 }) else { break }
            } else if c == 46 && !seenDot && i + 1 < u.count && u[i + 1] >= 48 && u[i + 1] <= 57 {
                seenDot = true
            } else {
                break
            }
            i += 1
        }
        guard digits > 0 else { return nil }
        if i < u.count { rest = Substring(String(decoding: u[i...], as: UTF8.self)) }
        if rest.contains(where: { !$0.isLetter && $0 != "%" && $0 != "/" }) { return nil }
        return (intPart + frac, String(rest), !seenDot)
    }
}
