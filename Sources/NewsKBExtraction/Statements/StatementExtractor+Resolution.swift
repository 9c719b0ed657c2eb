// Speaker resolution: a speaker phrase to a document entity or the phrase it stands for.
// Part of StatementScanner (StatementExtractor.swift).

extension StatementScanner {
    // MARK: - speaker resolution

    struct SpeakerRef {
        var entity: Int?
        var phrase: String?
        var isPerson: Bool
        var paragraph: Int32
        var plural: Bool
    }

    func phraseText(_ a: Int, _ b: Int) -> String { text.text(spanOf(a, b)) }

    /// Mentions overlapping tokens a...b.
    func mentionsIn(_ a: Int, _ b: Int) -> [Int] {
        let s = Int(toks[a].start), e = Int(toks[b].end)
        var lo = 0, hi = mentions.count
        while lo < hi { let m = (lo + hi) / 2; if mentions[m].span.end <= s { lo = m + 1 } else { hi = m } }
        var out = [Int]()
        var i = lo
        while i < mentions.count, mentions[i].span.start < e {
            if mentions[i].span.end > s, mentions[i].entity >= 0, mentions[i].entity < entities.count { out.append(i) }
            i += 1
        }
        return out
    }

    func resolve(_ raw: [RawStatement]) -> [Statement] {
        var out = [Statement]()
        out.reserveCapacity(raw.count)
        var lastPerson: SpeakerRef?
        var lastSpeaker: SpeakerRef?
        var lastOrg: SpeakerRef?
        // names seen as speakers (no entities): surname -> full name
        var nameByPart = [String: String]()
        var seen = Set<TextSpan>()
        for st in raw {
            let contentSpan = st.content
            if contentSpan.isEmpty { continue }
            // An amount is nobody (`3bn in multi-year contracts announced…`, `768,000 units from
            // the reported…`): the reading that found such a speaker found no statement (and
            // leaves the content to another reading of it).
            if let s = st.speaker, s.kind != .pronoun, s.kind != .relative, isAmount(s.first, s.last) { continue }
            // Nor is a page's own label (`UPDATE: …`, `Note: per share data not available`).
            if let s = st.speaker, s.first == s.last, isWord(s.first), Self.pageLabels.contains(foldedWord(s.first)) { continue }
            let key = TextSpan(contentSpan.start, contentSpan.end)
            if seen.contains(key) && st.kind != .direct { continue }
            seen.insert(key)
            var speakerSpan: TextSpan?
            var entity: Int?
            var phrase: String?
            var ref: SpeakerRef?
            let p = para[st.contentFirst]
            if let s0 = st.speaker {
                let s = s0.kind == .named || s0.kind == .description ? trimmedSpeaker(s0) : s0
                speakerSpan = spanOf(s.first, s.last)
                switch s.kind {
                case .pronoun:
                    let spk = sp(s.first)
                    if spk == .he || spk == .she {
                        // the person spoken of last, of the pronoun's gender where the document
                        // tells it (`she said` is not Donald Trump's)
                        let g: Gender = spk == .he ? .male : .female
                        let last = lastPerson.flatMap { genderOf($0).agrees(with: g) ? $0 : nil }
                        if let lp = last, p - lp.paragraph <= 3 { ref = lp }
                        else if let m = personMentionBefore(s.first, gender: g) {
                            ref = SpeakerRef(entity: mentions[m].entity, phrase: nil, isPerson: true, paragraph: p, plural: false)
                        } else if let lp = last { ref = lp }
                    } else if spk == .they || spk == .we {
                        if let ls = lastSpeaker, ls.plural || !ls.isPerson, p - ls.paragraph <= 2 { ref = ls }
                    } else if spk == .it {
                        if let lo = lastOrg, p - lo.paragraph <= 3 { ref = lo }
                    }
                    if let r = ref { entity = r.entity; phrase = r.entity == nil ? r.phrase : nil }
                    else { phrase = phraseText(s.first, s.last) }
                case .relative:
                    var a = s.antecedentFirst, b = s.antecedentLast
                    if a >= 0, let n = nameBeforeAge(a, b) { (a, b) = n }
                    if a >= 0 { (entity, phrase, ref) = named(a, b, p, &nameByPart) }
                case _ where s.first == s.last && isWord(s.first) && Self.relativeWords.contains(foldedWord(s.first)):
                    // a relative pronoun the tagger marked as the source (`…, which said`): the
                    // noun phrase it follows speaks; with none, no one is named (the pronoun stays
                    // the speaker's span, outside the claims of the sentence)
                    let k = s.first
                    let lo = max(0, k - 14)
                    if let np = k >= 2 && isComma(k - 1) ? npCoreBackward(k - 2, lo: lo) : (k >= 1 ? npCoreBackward(k - 1, lo: lo) : nil) {
                        (entity, phrase, ref) = named(np.first, np.last, p, &nameByPart)
                    }
                default:
                    // `the company`, `the bank` said: the organisation that spoke last, as `it`
                    // is (`Jewelmasters Inc said it signed… with Walt Disney Co. The company
                    // said…`: Jewelmasters, not the company named last).
                    if let (a, b) = nameBeforeAge(s.first, s.last) {
                        speakerSpan = spanOf(a, b)
                        (entity, phrase, ref) = named(a, b, p, &nameByPart)
                    } else if isCompanyDescription(s.first, s.last), let lo = lastOrg, p - lo.paragraph <= 3,
                       let e = lo.entity, entities[e].type == .org {
                        ref = lo; entity = e
                    } else {
                        (entity, phrase, ref) = named(s.first, s.last, p, &nameByPart)
                    }
                }
            } else if st.inherit, let ls = lastSpeaker, p - ls.paragraph <= 1 {
                ref = ls
                entity = ls.entity; phrase = ls.entity == nil ? ls.phrase : nil
            }
            if let r = ref {
                lastSpeaker = r
                lastSpeaker?.paragraph = p
                if r.isPerson { lastPerson = r; lastPerson?.paragraph = p }
                else if !r.plural { lastOrg = r; lastOrg?.paragraph = p }
            }
            let cue: TextSpan? = st.cueFirst >= 0 ? spanOf(st.cueFirst, st.cueLast) : nil
            out.append(Statement(kind: st.kind, content: contentSpan, cue: cue, speakerSpan: speakerSpan,
                                 speakerEntity: entity, speakerPhrase: phrase, place: st.place,
                                 sentence: sentenceIndex(contentSpan.start)))
        }
        out.sort { $0.content != $1.content ? $0.content < $1.content : ($0.cue?.start ?? -1) < ($1.cue?.start ?? -1) }
        return out
    }

    /// A source phrase without the adverb or the verb it runs on into (`Trump swiftly`, `Mr.
    /// LePage nevertheless`, `Mr. Schumer interjected`, `Mr. Trump voiced skepticism`): the name
    /// speaks. A verb is cut only after a name the entity tagger found (`Documents released on
    /// Friday` stays).
    func trimmedSpeaker(_ s: SpeakerPhrase) -> SpeakerPhrase {
        var s = s
        while s.last > s.first, isWord(s.last), toks[s.last].has(.lowercase),
              isAdverb(s.last) || Self.sentenceAdverbs.contains(foldedWord(s.last)) { s.last -= 1 }
        var k = s.first + 1
        while k <= s.last {
            if isWord(k), isWord(k - 1), toks[k - 1].has(.capitalized),
               text.utf8.withUnsafeBufferPointer({ ClaimPredicate.isRegularPast($0, toks[k]) }),
               mentionsIn(k - 1, k - 1).contains(where: { mentions[$0].span.end == Int(toks[k - 1].end) }) {
                s.last = k - 1
                break
            }
            k += 1
        }
        return s
    }

    /// Adverbs of a whole sentence that a source span can end in (`The White House nevertheless`).
    static let sentenceAdverbs: Set<String> = ["nevertheless", "nonetheless", "however", "though", "too", "meanwhile", "instead"]

    /// Words after a number that make it an amount, not a count of people (`dlrs`, `francs`,
    /// `tonnes`, `years`), beside the units and scale words of the claim lexicon.
    static let amountWords: Set<String> = ["dlr", "dlrs", "francs", "marks", "pesos", "lire", "euros", "pounds", "rupees", "roubles",
                                           "units", "shares", "barrels", "bushels", "tonnes", "tons", "ounces", "cars", "years",
                                           "months", "weeks", "days", "hours"]

    /// True when tokens a...b are an amount, not a source: a currency symbol, or a number (after
    /// `A total of`) with a currency, unit or scale word (`$1bn`, `37.5bn`, `4bn euros`, `8.2 mln
    /// tonnes`, `30 years`), or a percentage that changes (`3.5 pct from`, `5% to`). A count of
    /// people (`36 people`, `5,200 flight attendants`) and a share of them (`16%`, `53% of those
    /// polled`) are sources; so is a capitalised name after a number (`50 Cent`).
    func isAmount(_ a: Int, _ b: Int) -> Bool {
        var k = a
        if b - k >= 3, isWord(k), foldedWord(k) == "a", foldedWord(k + 1) == "total", foldedWord(k + 2) == "of" { k += 3 }
        if toks[k].kind == .symbol { return true }
        guard toks[k].kind == .number else { return false }
        let lex = ClaimLexicon.shared
        let digits = foldedWord(k)
        let glued = String(digits.drop { $0.isNumber || $0 == "." || $0 == "," })
        if !glued.isEmpty, lex.numbers[glued]?.1 == .scale { return true }
        guard k + 1 < n, (isWord(k + 1) && toks[k + 1].has(.lowercase)) || toks[k + 1].kind == .symbol else { return false }
        let next = foldedWord(k + 1)
        if next == "%" || next == "pct" || next == "percent" || next == "per" {
            var r = k + 2
            if next == "per", r < n, foldedWord(r) == "cent" { r += 1 }
            return r < n && isWord(r) && (foldedWord(r) == "from" || foldedWord(r) == "to")
        }
        if lex.numbers[next]?.1 == .scale { return true }
        return Self.amountWords.contains(next) || lex.units[next] != nil
    }

    /// Labels a page puts before its own text (`UPDATE:`, `Note:`, `Correction:`): no source.
    static let pageLabels: Set<String> = ["update", "updated", "updates", "note", "notes", "correction", "clarification",
                                          "addendum", "postscript", "editor's", "ed"]

    /// Relative pronouns that can stand for a source (`…, which said`).
    static let relativeWords: Set<String> = ["which", "who", "that", "whom"]

    /// The name before an age in apposition (`Staunton, 49, who…`, `Redknapp, 57, quit… and
    /// vowed`): when tokens a...b are one number right after a comma, the noun phrase before that
    /// comma; a number is nobody's name.
    func nameBeforeAge(_ a: Int, _ b: Int) -> (Int, Int)? {
        guard a == b, a >= 2, toks[a].kind == .number, isComma(a - 1), let np = npCoreBackward(a - 2, lo: max(0, a - 14)) else { return nil }
        return (np.first, np.last)
    }

    /// Nouns by which a report calls the organisation it has named (`the company said its…`);
    /// not `unit` or `parent`, which name another.
    static let companyNouns: Set<String> = ["company", "firm", "bank", "corporation", "group", "carrier", "airline",
                                            "insurer", "lender", "utility", "retailer", "brokerage", "manufacturer", "maker"]

    /// True when tokens a...b are `the` and one of ``companyNouns`` (`the company`, `The bank`).
    func isCompanyDescription(_ a: Int, _ b: Int) -> Bool {
        b == a + 1 && isWord(a) && sp(a) == .the && isWord(b) && Self.companyNouns.contains(phraseText(b, b).lowercased())
    }

    /// The last PERSON mention before token `t`, outside quotations, within a few paragraphs.
    /// The gender of the person a speaker reference names (unknown for a phrase).
    func genderOf(_ r: SpeakerRef) -> Gender {
        guard let e = r.entity, e >= 0, e < entities.count else { return .unknown }
        return entities[e].gender
    }

    /// The last mention of a person before token t, outside quotations, whose gender agrees
    /// with `gender`.
    func personMentionBefore(_ t: Int, gender: Gender = .unknown) -> Int? {
        let pos = Int(toks[t].start)
        var lo = 0, hi = mentions.count
        while lo < hi { let m = (lo + hi) / 2; if mentions[m].span.start < pos { lo = m + 1 } else { hi = m } }
        var i = lo - 1
        var steps = 0
        while i >= 0, steps < 200 {
            let m = mentions[i]
            if m.entity >= 0, m.entity < entities.count, entities[m.entity].type == .person,
               entities[m.entity].gender.agrees(with: gender) {
                // outside quotations
                let b = text.byteOffset(ofScalar: min(m.span.start, text.scalarCount))
                if !insideRunAtByte(b) { return i }
            }
            i -= 1; steps += 1
        }
        return nil
    }

    func insideRunAtByte(_ byte: Int) -> Bool {
        // binary search the token at this byte
        var lo = 0, hi = n
        while lo < hi { let m = (lo + hi) / 2; if Int(toks[m].byteEnd) <= byte { lo = m + 1 } else { hi = m } }
        return lo < n && inRun[lo] >= 0
    }

    /// Resolves a named or descriptive phrase a...b.
    func named(_ a0: Int, _ b: Int, _ p: Int32, _ nameByPart: inout [String: String]) -> (Int?, String?, SpeakerRef?) {
        var a = a0
        // "the Kremlin’s statement": the possessor speaks
        if isWord(b), bits[b].contains(.cueNoun) {
            var j = b - 1
            while j >= a, toks[j].kind != .possessive { j -= 1 }
            if j > a { return named(a, j - 1, p, &nameByPart) }
        }
        let ms = mentionsIn(a, b)
        var best: Int? = nil
        for m in ms where entities[mentions[m].entity].type == .person { best = m; break }
        if best == nil {
            // the head of the phrase must be named: "a US official" is not the US
            var head = b
            var j = a
            while j < b { if isWord(j), bits[j].contains(.prep) { head = j - 1; break }; j += 1 }
            while head > a, toks[head].kind != .word { head -= 1 }
            let hs = Int(toks[head].start)
            for m in ms where mentions[m].span.start <= hs && hs < mentions[m].span.end { best = m; break }
        }
        let plural = isWord(b) && (bits[b].contains(.plural) || (!isCap(b) && text.utf8[Int(toks[b].byteEnd) - 1] == 0x73 && !bits[b].contains(.cueNoun)))
        if let m = best {
            let e = mentions[m].entity
            return (e, nil, SpeakerRef(entity: e, phrase: nil, isPerson: entities[e].type == .person, paragraph: p, plural: false))
        }
        // a description: the entity the document names in that role
        let definite = isWord(a) && (sp(a) == .the || bits[a].contains(.det) && !(sp(a) == .a))
        if !isCap(b) || definite {
            if definite && sp(a) == .the, let e = roleEntity(a, b) {
                return (e, nil, SpeakerRef(entity: e, phrase: nil, isPerson: entities[e].type == .person, paragraph: p, plural: false))
            }
        }
        // no entity: keep the phrase; names seen before complete short forms (Kirby → John Kirby)
        while a < b, isWord(a), bits[a].contains(.title) && isCap(a) && toks[a].has(.abbreviation) { a += 1 }
        var phrase = phraseText(a, b)
        let isName = isCapPhrase(a, b) && !(isWord(a) && sp(a) == .the)
        if isName {
            if a == b, let full = nameByPart[phrase] { phrase = full }
            else if b > a {
                for j in a...b where isWord(j) && isCap(j) && !bits[j].contains(.title) { nameByPart[phraseText(j, j)] = phrase }
            }
        }
        let person = isName && entities.isEmpty && !(isWord(a) && sp(a) == .the) && !containsOrgWord(a, b)
        return (nil, phrase, SpeakerRef(entity: nil, phrase: phrase, isPerson: person, paragraph: p, plural: plural))
    }

    func containsOrgWord(_ a: Int, _ b: Int) -> Bool {
        for j in a...b where isWord(j) {
            if bits[j].contains(.sourceHead) || bits[j].contains(.cueNoun) { return true }
        }
        return false
    }

    /// The entity whose roles contain the head word of the description a...b (most recently
    /// mentioned before it wins).
    func roleEntity(_ a: Int, _ b: Int) -> Int? {
        guard isWord(b), !entities.isEmpty else { return nil }
        let head = phraseText(b, b).lowercased()
        var mods = [String]()
        if a + 1 < b { for j in (a + 1)..<b where isWord(j) { mods.append(phraseText(j, j).lowercased()) } }
        // A role another office qualifies is not the office (`shadow chancellor`, `vice president`,
        // `former president`), unless the description says so too.
        func holds(_ r: String, _ m: [String]) -> Bool {
            let words = r.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
            guard let h = words.firstIndex(of: head) else { return false }
            if words[..<h].contains(where: { Coreference.roleQualifiers.contains($0) && !mods.contains($0) }) { return false }
            return m.allSatisfy { x in words.contains(x) || x.count <= 2 }
        }
        var candidates = [Int]()
        for (i, e) in entities.enumerated() where e.roles.contains(where: { holds($0, mods) }) { candidates.append(i) }
        if candidates.isEmpty && !mods.isEmpty {
            // "the Russian president" when the document only says "President Putin": the head alone, if unique
            for (i, e) in entities.enumerated() where e.roles.contains(where: { holds($0, []) }) { candidates.append(i) }
            if candidates.count != 1 { return nil }
        }
        if candidates.isEmpty { return nil }
        // The most recent mention before the phrase; else the first after its sentence (`the
        // economy minister said` before `Economy minister Heizo Takenaka…`), never one in its own
        // sentence: that is whom the statement is about (`the chancellor said the cuts proposed
        // by shadow chancellor Oliver Letwin…`).
        let pos = Int(toks[a].start)
        var lo = 0, hi = mentions.count
        while lo < hi { let m = (lo + hi) / 2; if mentions[m].span.start < pos { lo = m + 1 } else { hi = m } }
        var i = lo - 1
        while i >= 0, lo - i <= 400 {
            if candidates.contains(mentions[i].entity) { return mentions[i].entity }
            i -= 1
        }
        guard !sentences.isEmpty else { return nil }
        let sentenceEnd = sentences[sentenceIndex(pos)].span.end
        var k = lo
        while k < mentions.count, k - lo <= 400 {
            if candidates.contains(mentions[k].entity) { return mentions[k].span.start >= sentenceEnd ? mentions[k].entity : nil }
            k += 1
        }
        return nil
    }

    func sentenceIndex(_ pos: Int) -> Int {
        var lo = 0, hi = sentences.count
        while lo < hi { let m = (lo + hi) / 2; if sentences[m].span.end <= pos { lo = m + 1 } else { hi = m } }
        return min(lo, max(0, sentences.count - 1))
    }
}
