// Speaker phrases next to a cue: names, appositions, pronouns, descriptions, unnamed sources.
// Part of StatementScanner (StatementExtractor.swift).

extension StatementScanner {
    // MARK: - speaker phrases

    /// Whether token `j` can be part of a noun phrase.
    func nounish(_ j: Int) -> Bool {
        guard isWord(j) else { return toks[j].kind == .possessive }
        let b = bits[j]
        // a capitalized word inside a sentence is a name even when it spells a function word (Will Rogers)
        if isCap(j), !toks[j].has(.sentenceInitial), !b.contains(.pron), !b.contains(.det), !b.contains(.rel),
           !toks[j].has(.allCaps) || toks[j].byteEnd - toks[j].byteStart > 1 {
            if !(b.contains(.conj) || b.contains(.stop)) || b.contains(.modal) { return true }
        }
        if b.contains(.pron) || b.contains(.rel) || b.contains(.stop) || b.contains(.conj) { return false }
        if b.contains(.between) && !b.contains(.det) { return false }
        if !b.intersection(B.anyVerb).isEmpty && !isCap(j) && !b.contains(.cueNoun) && !b.contains(.sourceHead) { return false }
        return true
    }

    /// The core noun phrase ending at token `k` (inclusive), not before `lo`.
    func npCoreBackward(_ k: Int, lo: Int) -> SpeakerPhrase? {
        var j = k
        var first = -1
        var words = 0
        var sawDet = false, sawCap = false
        while j >= lo && words < 12 {
            let t = toks[j]
            if t.kind == .possessive {
                if first < 0 { return nil }
                j -= 1; continue
            }
            guard t.kind == .word || t.kind == .number else { break }
            let b = bits[j]
            if b.contains(.det) && !isCap(j) || (b.contains(.det) && sp(j) == .the) || (b.contains(.det) && (sp(j) == .a)) {
                first = j; sawDet = true
                // "the head of the agency": continue through a preposition
                if j - 2 >= lo, bits[j - 1].contains(.prep), sp(j - 1) == .of || sp(j - 1) == .for_ || sp(j - 1) == .at || sp(j - 1) == .from || sp(j - 1) == .in_,
                   nounish(j - 2) {
                    j -= 1; words += 1; sawDet = false; continue
                }
                break
            }
            if b.contains(.prep) {
                let s = sp(j)
                if first >= 0, j - 1 >= lo, nounish(j - 1), s == .of || s == .for_ || s == .at || s == .from || s == .in_ {
                    j -= 1; words += 1; continue
                }
                break
            }
            if !nounish(j) { break }
            if b.contains(.time) || sp(j) == .month { if !isCap(j) || first < 0 { break } }
            // a lower-case -ing / -ed word ends a subject ("… terrorism suggests", "Cruz electrified crowds")
            if toks[j].has(.lowercase), !b.contains(.sourceHead), !b.contains(.cueNoun), toks[j].byteEnd - toks[j].byteStart > 4 {
                let e = Int(toks[j].byteEnd)
                let u = text.utf8
                if (u[e - 3] == 0x69 && u[e - 2] == 0x6E && u[e - 1] == 0x67) || (u[e - 2] == 0x65 && u[e - 1] == 0x64) { break }
            }
            if isCap(j) { sawCap = true }
            first = j
            words += 1
            j -= 1
        }
        guard first >= 0 else { return nil }
        // trim a leading preposition left dangling
        while first <= k, bits[first].contains(.prep) { first += 1 }
        guard first <= k else { return nil }
        let head = k
        let hb = bits[head]
        var sawNumber = false
        for j in first...k where toks[j].kind == .number { sawNumber = true }
        if !sawDet && !sawCap && !sawNumber {
            // bare lower-case phrase: only plausible source heads (analysts, officials, the data)
            let hb2 = hb
            let endsInS = text.utf8[Int(toks[head].byteEnd) - 1] == 0x73
            if !(hb2.contains(.sourceHead) || hb2.contains(.cueNoun) || endsInS) { return nil }
            if k - first > 3 { return nil }
        }
        return SpeakerPhrase(first: first, last: k, kind: sawCap && !sawDet ? .named : (sawCap && isCapPhrase(first, k) ? .named : .description))
    }

    /// A phrase of capitalized words (a name, possibly with "of"): `the White House` is not one.
    func isCapPhrase(_ a: Int, _ b: Int) -> Bool {
        var caps = 0
        for j in a...b where isWord(j) {
            if isCap(j) { caps += 1 } else if sp(j) != .the && sp(j) != .of { return false }
        }
        return caps > 0
    }

    /// The speaker phrase right before token `end` (a cue), allowing adverbs and auxiliaries
    /// in between (`has also said`), appositives (`John Kirby, the NSC spokesman, said`),
    /// relative clauses (`Kim, who arrived Tuesday, said`) and relative pronouns (`…, who said`).
    func speakerBefore(_ end: Int, lo: Int) -> SpeakerPhrase? {
        var k = end - 1
        var skipped = 0
        while k >= lo, skipped < 6 {
            if isWord(k), bits[k].contains(.between), !bits[k].contains(.pron) { k -= 1; skipped += 1; continue }
            // an adverb: "the platform specifically mentions", "he erroneously suggested"
            if isWord(k), toks[k].has(.lowercase), isAdverb(k) { k -= 1; skipped += 1; continue }
            // a time adjunct: "Clinton on Tuesday said", "Kim last week told"
            if isWord(k), sp(k) == .month, k - 1 >= lo {
                if sp(k - 1) == .on_ || bits[k - 1].contains(.time) { k -= 2; skipped += 2; continue }
                k -= 1; skipped += 1; continue
            }
            if isWord(k), k - 1 >= lo, sp(k) == .period,
               bits[k - 1].contains(.time) || bits[k - 1].contains(.det) { k -= 2; skipped += 2; continue }
            break
        }
        guard k >= lo else { return nil }
        if isWord(k) && bits[k].contains(.pron) {
            if sp(k) == .i || toks[k].has(.capitalized) && sp(k) == .objPron { return nil }
            return SpeakerPhrase(first: k, last: k, kind: .pronoun)
        }
        if isWord(k) && sp(k) == .who {
            if k - 1 >= lo, isComma(k - 1), let a = npCoreBackward(k - 2, lo: lo) {
                return SpeakerPhrase(first: k, last: k, kind: .relative, antecedentFirst: a.first, antecedentLast: a.last)
            }
            // restrictive: "18% who say", "business leaders who say"
            if k - 1 >= lo, isWord(k - 1), let a = npCoreBackward(k - 1, lo: lo) {
                return SpeakerPhrase(first: k, last: k, kind: .relative, antecedentFirst: a.first, antecedentLast: a.last)
            }
            return nil
        }
        if toks[k].kind == .punctuation && punct[k] == 0x29 { // ')'
            var j = k - 1
            while j >= lo, k - j < 10, !(toks[j].kind == .punctuation && punct[j] == 0x28) { j -= 1 }
            if j >= lo, k - j < 10 { k = j - 1 } else { return nil }
            guard k >= lo else { return nil }
        }
        if isComma(k) || isDash(k) {
            if let p = appositionBefore(k, lo: lo) { return p }
            if isComma(k), let p = longApposition(k, lo: lo) { return p }
            return nil
        }
        guard isWord(k) else { return nil }
        if bits[k].contains(.stop) || bits[k].contains(.conj) { return nil }
        return npCoreBackward(k, lo: lo)
    }

    /// `Rachel Berg, a philanthropist from Monsey, New York, said` / `Brianne Stone, 29, of Huntsville,
    /// Ala., says`: a name opening its clause, then apposition material with several commas, then the cue.
    func longApposition(_ k: Int, lo: Int) -> SpeakerPhrase? {
        var j = k - 1
        var best: SpeakerPhrase? = nil
        while j >= lo, k - j <= 36 {
            if toks[j].kind == .quote || isSentenceEndPunct(j) && !toks[j].has(.abbreviation) { break }
            if isWord(j), sp(j) == .that || (bits[j].contains(.pron) && toks[j].has(.lowercase) && sp(j) != .objPron) { break }
            if isComma(j), j - 1 >= lo {
                // a named phrase ending right before this comma and opening its clause
                if let p = npCoreBackward(j - 1, lo: lo), p.kind == .named,
                   p.first == lo || isComma(p.first - 1) || bits[p.first - 1].contains(.conj) {
                    var place = false
                    for m in mentionsIn(p.first, p.last) where [.gpe, .loc].contains(entities[mentions[m].entity].type) { place = true }
                    if !place { best = p }
                }
            }
            j -= 1
        }
        return best
    }

    /// An apposition or relative clause between two commas (or dashes) right before token `k + 1`.
    func appositionBefore(_ k: Int, lo: Int) -> SpeakerPhrase? {
        do {
            // appositive or relative clause between two commas (or dashes)
            let dash = isDash(k)
            var c2 = k - 1
            var sawVerb = false
            while c2 >= lo, k - c2 < 30, dash ? !isDash(c2) : !isComma(c2) {
                if toks[c2].kind == .quote || isSentenceEndPunct(c2) { return nil }
                if isVerbCue(c2) && sp(c2) != .quoted { sawVerb = true }
                c2 -= 1
            }
            // a relative clause may hold a verb ("the Post, which originally said …, said"); an apposition not
            if sawVerb, c2 >= lo, c2 + 1 < k, !(sp(c2 + 1) == .who || bits[c2 + 1].contains(.rel)) { return nil }
            guard c2 >= lo, isComma(c2) || isDash(c2), c2 + 1 < k else { return nil }
            let segFirst = c2 + 1, segLast = k - 1
            if sp(segFirst) == .who || bits[segFirst].contains(.rel) {
                if let a = npCoreBackward(c2 - 1, lo: lo) {
                    return SpeakerPhrase(first: a.first, last: a.last, kind: a.kind)
                }
                return nil
            }
            guard let before = npCoreBackward(c2 - 1, lo: lo) else { return nil }
            // "Judge Stranch, in her dissent, said" / "Ada Fisher, one of only a handful of RNC members, said"
            if before.kind == .named || dash, isWord(segFirst), !sawVerb,
               bits[segFirst].contains(.prep) || bits[segFirst].contains(.det) || toks[segFirst].kind == .number || (dash && sp(segFirst) == .who)
                || (toks[segFirst].has(.lowercase) && phraseText(segFirst, segFirst).hasSuffix("ing")) {
                var ok = true
                for j in segFirst...segLast where isWord(j) && (bits[j].contains(.pron) && sp(j) != .objPron || sp(j) == .that) { ok = false; break }
                if ok && (before.first == lo || isComma(before.first - 1) || bits[before.first - 1].contains(.conj) || toks[before.first - 1].kind == .quote) {
                    return SpeakerPhrase(first: before.first, last: before.last, kind: .named)
                }
            }
            guard let seg = npCoreBackward(segLast, lo: segFirst), seg.first == segFirst else { return nil }
            // "Former UK ambassador to North Korea, John Everard, argues": the name is the segment
            var segIsPlace = false
            for m in mentionsIn(seg.first, seg.last) where [.gpe, .loc].contains(entities[mentions[m].entity].type) { segIsPlace = true }
            if seg.kind == .named, !segIsPlace, before.kind == .description || containsHead(before) {
                // the description must start its clause
                if before.first == lo || isComma(before.first - 1) || bits[before.first - 1].contains(.conj) {
                    return seg
                }
            }
            // "Former UK ambassador to North Korea, John Everard, argues": a description with a
            // prepositional phrase opens the sentence
            if seg.kind == .named, !segIsPlace {
                var j = c2 - 1
                var head = false
                while j >= lo, c2 - j <= 10, !isComma(j) {
                    if isWord(j) && isVerbCue(j) { head = false; break }
                    if isWord(j) && (bits[j].contains(.sourceHead) || bits[j].contains(.title)) { head = true }
                    if toks[j].kind == .quote { head = false; break }
                    j -= 1
                }
                if head && (j < lo || c2 - j > 10 ? j < lo : true) && (j < lo || isComma(j)) { return seg }
            }
            if before.kind == .named, seg.kind == .description || containsHead(seg) {
                return SpeakerPhrase(first: before.first, last: before.last, kind: .named)
            }
            return nil
        }
    }

    /// An article or possessive determiner (`the alleged`, `his stated goal`), not a quantifier
    /// that can be a subject on its own (`some said`, `many believe`).
    func isArticle(_ j: Int) -> Bool {
        guard isWord(j), bits[j].contains(.det) else { return false }
        if sp(j) == .the || sp(j) == .a || sp(j) == .objPron { return true }
        let w = phraseText(j, j).lowercased()
        return ["his", "its", "their", "our", "my", "your", "this", "these", "those", "no"].contains(w)
    }

    /// A lower-case word ending in -ed (a past tense or participle), not a known noun.
    func isPastForm(_ j: Int) -> Bool {
        let a = Int(toks[j].byteStart), e = Int(toks[j].byteEnd)
        guard e - a >= 4, !bits[j].contains(.sourceHead), !bits[j].contains(.cueNoun) else { return false }
        let u = text.utf8
        return u[e - 2] == 0x65 && u[e - 1] == 0x64
    }

    /// Whether the quotation opening at `o` is embedded in a prepositional phrase (a title: on “Meet the Press”).
    func startsClause(_ o: Int) -> Bool {
        var j = o - 1
        var steps = 0
        while j >= 0, steps < 4, isWord(j) || toks[j].kind == .possessive {
            if bits[j].contains(.prep) { return false }
            j -= 1; steps += 1
        }
        return true
    }

    func isIfWhether(_ j: Int) -> Bool { sp(j) == .if_ || sp(j) == .whether_ }

    /// A lower-case -ly word of five letters or more that is not a known noun (`specifically`, not `ally`).
    func isAdverb(_ j: Int) -> Bool {
        let a = Int(toks[j].byteStart), e = Int(toks[j].byteEnd)
        if toks[j].has(.lowercase), Self.timeAdverbs.contains(foldedWord(j)) { return true }
        guard e - a >= 5 else { return false }
        let u = text.utf8
        return u[e - 2] == 0x6C && u[e - 1] == 0x79 && !bits[j].contains(.sourceHead) && !bits[j].contains(.cueNoun)
    }

    /// Adverbs of time and order between a source and its cue that end in no `-ly` (`The
    /// Atlantic first reported`, `the ministry later said`).
    static let timeAdverbs: Set<String> = ["first", "also", "again", "later", "once", "twice", "already", "still", "never", "then", "now", "just"]

    func isParticle(_ j: Int) -> Bool {
        let u = text.utf8
        let a = Int(toks[j].byteStart), e = Int(toks[j].byteEnd)
        switch e - a {
        case 2: return (u[a] | 0x20 == 0x75 && u[a + 1] | 0x20 == 0x70)                       // up
        case 3: return (u[a] | 0x20 == 0x6F && u[a + 1] | 0x20 == 0x75 && u[a + 2] | 0x20 == 0x74) || // out
                       (u[a] | 0x20 == 0x6F && u[a + 1] | 0x20 == 0x66 && u[a + 2] | 0x20 == 0x66)    // off
        case 4: return (u[a] | 0x20 == 0x64 && u[a + 1] | 0x20 == 0x6F && u[a + 2] | 0x20 == 0x77 && u[a + 3] | 0x20 == 0x6E) || // down
                       (u[a] | 0x20 == 0x62 && u[a + 1] | 0x20 == 0x61 && u[a + 2] | 0x20 == 0x63 && u[a + 3] | 0x20 == 0x6B)    // back
        default: return false
        }
    }

    func containsHead(_ p: SpeakerPhrase) -> Bool {
        for j in p.first...p.last where isWord(j) {
            if bits[j].contains(.sourceHead) || bits[j].contains(.title) { return true }
        }
        return false
    }

    /// The speaker phrase starting at token `j` (after an inverted cue, `according to`, `by`).
    func speakerAfter(_ j: Int, hi: Int) -> SpeakerPhrase? {
        guard j < hi, isWord(j) else { return nil }
        if bits[j].contains(.pron) {
            if sp(j) == .i { return nil }
            return SpeakerPhrase(first: j, last: j, kind: .pronoun)
        }
        var k = j
        var last = -1
        var sawCap = false, sawDet = false
        while k < hi && k - j < 12 {
            let t = toks[k]
            if t.kind == .possessive { if last < 0 { return nil }; last = k; k += 1; continue }
            guard t.kind == .word || t.kind == .number else { break }
            let b = bits[k]
            if b.contains(.det) && (!isCap(k) || k == j) {
                if last >= 0 && !(k > j && bits[k - 1].contains(.prep)) { break }
                sawDet = true; k += 1; continue
            }
            if b.contains(.prep) {
                let s = sp(k)
                if last >= 0, s == .of || s == .for_, k + 1 < hi, isWord(k + 1), nounish(k + 1) || bits[k + 1].contains(.det) { k += 1; continue }
                break
            }
            if !nounish(k) { break }
            if b.contains(.time) || sp(k) == .month { break }
            if isCap(k) { sawCap = true }
            last = k
            k += 1
        }
        guard last >= j else { return nil }
        return SpeakerPhrase(first: j, last: last, kind: sawCap && !sawDet ? .named : (sawCap && isCapPhrase(j, last) ? .named : .description))
    }
}
