// Reported speech: the reporting clause, its content before or after the cue, and the cue kinds (`according to`, `seem`, `asked`, colon lead-ins, reporting nouns).
// Part of StatementScanner (StatementExtractor.swift).

extension StatementScanner {
    // MARK: - reported speech

    /// Whether tokens from `k` form a short reporting clause that ends the sentence
    /// (`CNN reported`, `he said on Tuesday`, `said Kirby`).
    func isTrailingAttribution(_ k: Int, _ hi: Int) -> Bool {
        guard k < hi, isWord(k) else { return false }
        if isVerbCue(k), !bits[k].contains(.participle), let s = speakerAfter(k + 1, hi: hi) {
            return endsClause(s.last + 1, hi - 1)
        }
        guard let s = speakerAfter(k, hi: hi) else { return false }
        var c = s.last + 1
        var skipped = 0
        while c < hi, isWord(c), bits[c].contains(.between), !bits[c].contains(.modal), skipped < 3 { c += 1; skipped += 1 }
        guard c < hi, isVerbCue(c), !bits[c].contains(.participle) else { return false }
        var e = c + 1
        if bits[c].contains(.object), e < hi, let o = speakerAfter(e, hi: hi), o.last - o.first < 4 { e = o.last + 1 }
        while e < hi, toks[e].kind == .punctuation, !isComma(e) { e += 1 }
        return e >= hi || endsClause(e, hi - 1)
    }

    /// Whether nothing but an adjunct (a comma, `on Tuesday`, `in a statement`, `at the forum`)
    /// follows token `k - 1` up to `cEnd`.
    func endsClause(_ k: Int, _ cEnd: Int) -> Bool {
        if k > cEnd || isComma(k) || toks[k].kind == .punctuation { return true }
        guard isWord(k), bits[k].contains(.prep) || bits[k].contains(.time) || sp(k) == .month || sp(k) == .who || sp(k) == .to else { return false }
        var j = k
        while j <= cEnd, j - k < 14 {
            if isWord(j) && isVerbCue(j) && j > k { return false }
            j += 1
        }
        return j > cEnd || isComma(j)
    }

    /// Last token of the sentence's content (sentence-final punctuation dropped).
    func contentEnd(_ lo: Int, _ hi: Int) -> Int {
        var e = hi - 1
        while e >= lo, toks[e].kind == .punctuation { e -= 1 }
        return e
    }

    /// The reported clause from token `f` to the end of the sentence, cut before a following
    /// `, adding …` / `; …`.
    func clauseAfter(_ f: Int, hi: Int) -> (Int, Int)? {
        var a = f
        while a < hi, toks[a].kind == .punctuation, !isWord(a) { a += 1 }
        guard a < hi else { return nil }
        var e = a
        var j = a
        let para0 = para[a]
        while j < hi, para[j] == para0 {
            if toks[j].kind == .punctuation && (punct[j] == 0x3B || (punct[j] == 0x3A && j + 1 < hi && toks[j + 1].kind == .quote)) && inRun[j] < 0 && j > a { break }
            if isComma(j), j + 1 < hi, isVerbCue(j + 1), bits[j + 1].contains(.participle), inRun[j] < 0 { break }
            if j > a, inRun[j] < 0, isWord(j), bits[j].contains(.conj), j + 1 < hi, isVerbCue(j + 1), !bits[j + 1].contains(.participle),
               bits[j + 1].contains(.past) || text.utf8[Int(toks[j + 1].byteEnd) - 1] == 0x73 {
                break
            }
            if j > a + 2, inRun[j] < 0 {
                // "…, whereas Petraeus acknowledged that …": a new reporting clause
                if isWord(j), bits[j].contains(.conj) {
                    var k = j + 1
                    while k < hi, k - j <= 7, !isVerbCue(k), toks[k].kind != .punctuation { k += 1 }
                    if k < hi, k - j <= 7, isVerbCue(k), !bits[k].contains(.participle), !bits[k].contains(.weak),
                       let sp0 = speakerBefore(k, lo: j + 1), sp0.first == j + 1 {
                        break
                    }
                }
                // "…, CNN reported." ends the clause
                if isComma(j), isTrailingAttribution(j + 1, hi) { break }
                // "…, said he was unaware" / "…, Lewandowski said he …": the main clause resumes
                if isComma(j), j + 1 < hi {
                    if isVerbCue(j + 1), !bits[j + 1].contains(.participle), !bits[j + 1].contains(.weak) { break }
                    var k = j + 1
                    while k < hi, k - j <= 7, !isVerbCue(k), toks[k].kind != .punctuation, toks[k].kind != .quote { k += 1 }
                    if k < hi, k - j <= 7, k > j + 1, isVerbCue(k), !bits[k].contains(.participle), !bits[k].contains(.weak),
                       let sp0 = speakerBefore(k, lo: j + 1), sp0.first == j + 1 {
                        break
                    }
                }
            }
            e = j
            j += 1
        }
        while e > a, toks[e].kind == .punctuation, !(toks[e].kind == .quote) { e -= 1 }
        while e > a, toks[e].kind == .punctuation || (toks[e].kind == .quote && opens(e, kind: markKind(e))) { e -= 1 }
        var words = 0
        for k in a...e where isWord(k) { words += 1; if words >= 2 { break } }
        return words >= 2 ? (a, e) : nil
    }

    /// The clause from the sentence start to the token before `end` (a comma or quote).
    func clauseBefore(_ lo: Int, _ end: Int) -> (Int, Int)? {
        var a = lo
        // skip a leading conjunction only when a clause follows
        while a < end, toks[a].kind == .punctuation, !isWord(a), toks[a].kind != .quote { a += 1 }
        var e = end - 1
        while e > a, toks[e].kind == .punctuation { e -= 1 }
        guard e >= a else { return nil }
        var words = 0
        for k in a...e where isWord(k) { words += 1; if words >= 2 { break } }
        return words >= 2 ? (a, e) : nil
    }

    func spanOf(_ a: Int, _ b: Int) -> TextSpan { TextSpan(Int(toks[a].start), Int(toks[b].end)) }

    func kindOf(_ a: Int, _ b: Int) -> Statement.Kind {
        if a <= b { for j in a...b where toks[j].kind == .quote && inRun[j] >= 0 { return .partial } }
        return .indirect
    }

    /// Whether content `a...b` is exactly a quotation already taken as a direct statement.
    func isDirectAlready(_ a: Int, _ b: Int) -> Bool {
        var inside = 0, total = 0
        for j in a...b where isWord(j) { total += 1; if inDirect[j] { inside += 1 } }
        return total > 0 && inside * 2 >= total
    }

    /// The speaker of the latest statement anchored in tokens lo..<c (a bounded look-back).
    func recentSpeaker(_ out: [RawStatement], _ lo: Int, _ c: Int) -> SpeakerPhrase? {
        var best: (Int, SpeakerPhrase)? = nil
        var i = out.count - 1
        while i >= 0, out[i].anchor >= lo || out[i].kind == .direct {
            if out[i].anchor >= lo, out[i].anchor < c, let s = out[i].speaker { best = (out[i].anchor, s); break }
            if out[i].kind == .direct { break }
            i -= 1
        }
        // direct statements come first in `out`, sorted by their anchors
        var a = 0, b = directAnchors.count
        while a < b { let m = (a + b) / 2; if directAnchors[m] < c { a = m + 1 } else { b = m } }
        if a > 0, directAnchors[a - 1] >= lo, let s = directSpeakers[a - 1], best == nil || directAnchors[a - 1] > best!.0 {
            return s
        }
        return best?.1
    }

    mutating func reported(_ c: Int, into out: inout [RawStatement]) {
        let lo = sLo(c), hi = sHi(c)
        let cEnd = contentEnd(lo, hi)
        guard cEnd >= lo else { return }
        let b = bits[c]
        let weak = b.contains(.weak)
        if b.contains(.needsAs) {
            var j = c + 1
            while j <= cEnd, j - c <= 10, sp(j) != .as_ { j += 1 }
            guard j <= cEnd, j - c <= 10, sp(j) == .as_ else { return }
        }
        func emit(_ a: Int, _ e: Int, cue: (Int, Int), speaker: SpeakerPhrase?, place pl: TextSpan?) {
            guard a <= e, !isDirectAlready(a, e) else { return }
            let kind = kindOf(a, e)
            // Reported speech runs at most `maxReportedTokens` tokens (PolNeAR: 99.9% of contents
            // are under 150 words). Without the bound, a line of thousands of "X said …" clauses
            // gives thousands of contents each running to the end of the line: quadratic text.
            var e = e
            if kind != .direct, e - a >= StatementExtractor.maxReportedTokens { e = a + StatementExtractor.maxReportedTokens - 1 }
            out.append(RawStatement(kind: kind, contentFirst: a, contentLast: e, content: spanOf(a, e),
                                    cueFirst: cue.0, cueLast: cue.1, speaker: speaker, place: pl, anchor: cue.0))
            for j in cue.0...max(cue.0, cue.1) { usedCue[j] = true }
        }
        // participle: ", adding that …", ", saying …"
        if b.contains(.participle) {
            guard c - 1 >= lo, isComma(c - 1) || isDash(c - 1) else { return }
            var f = c + 1
            if b.contains(.object), let o = speakerAfter(f, hi: cEnd + 1), o.last - o.first < 5 { f = o.last + 1 }
            guard let (a, e) = clauseAfter(f, hi: cEnd + 1) else { return }
            let subj = recentSpeaker(out, lo, c) ?? mainSubject(lo, before: c - 1)
            emit(a, e, cue: (c, c), speaker: subj, place: nil)
            return
        }
        // passive: "is expected", "were reported" — only "was quoted as saying" and "it is believed that"
        var p = c - 1
        while p >= lo, isWord(p), bits[p].contains(.between), sp(p) != .be, !bits[p].contains(.pron) { p -= 1 }
        if p >= lo, isWord(p), sp(p) == .be, b.contains(.past) || sp(c) == .quoted {
            if sp(c) == .quoted, c + 2 <= cEnd, sp(c + 1) == .as_, bits[c + 2].contains(.participle) {
                var q = p - 1
                while q >= lo, isWord(q), bits[q].contains(.between) { q -= 1 }
                guard let s = speakerBefore(q + 1, lo: lo) else { return }
                if let (a, e) = clauseAfter(c + 3, hi: cEnd + 1) {
                    emit(a, e, cue: (p, c + 2), speaker: s, place: nil)
                }
                return
            }
            if p - 1 >= lo, sp(p - 1) == .it, c + 1 <= cEnd, sp(c + 1) == .that, let (a, e) = clauseAfter(c + 1, hi: cEnd + 1) {
                emit(a, e, cue: (p, c), speaker: nil, place: nil)
            }
            return
        }
        // "to say", "will say", "the alleged": infinitives, modals and adjectives are not reports
        if c - 1 >= lo, isWord(c - 1), sp(c - 1) == .to || isArticle(c - 1) { return }
        var q = c - 1
        while q >= lo, isWord(q), bits[q].contains(.between), !bits[q].contains(.pron) {
            if bits[q].contains(.modal) { return }
            q -= 1
        }
        // coordinated: "Carson admitted …, but said …"
        var coordSubject: SpeakerPhrase? = nil
        if q >= lo, q < c, isWord(q), sp(q) != .that, bits[q].contains(.conj),
           sp(q) == .and_ || sp(q) == .but_ {
            coordSubject = recentSpeaker(out, lo, c) ?? mainSubject(lo, before: q)
            if coordSubject == nil { return }
        }
        guard let s = coordSubject ?? speakerBefore(c, lo: lo) else {
            // inverted: "…, said Kirby." / "…,” said Gorka."
            if !weak, c - 1 >= lo, isComma(c - 1) || (toks[c - 1].kind == .quote && !opens(c - 1, kind: markKind(c - 1))),
               let sp2 = speakerAfter(c + 1, hi: cEnd + 1), sp2.kind != .pronoun || sp2.first == c + 1,
               endsClause(sp2.last + 1, cEnd) {
                guard let (a, e) = clauseBefore(lo, c - 1) else { return }
                emit(a, e, cue: (c, c), speaker: sp2, place: place(sp2.last + 1, cEnd + 1))
            }
            return
        }
        var f = c + 1
        if b.contains(.object), f <= cEnd, isWord(f), sp(f) != .that {
            if sp(f) == .objPron || bits[f].contains(.pron) && sp(f) != .it { f += 1 }      // told her, asked them
            else if let o = speakerAfter(f, hi: cEnd + 1), o.last - o.first < 6 { f = o.last + 1 }
        }
        // "praised Garland and said …", "showed up", "cited by": not a reported clause here
        if f <= cEnd, isWord(f), bits[f].contains(.conj) && !isIfWhether(f) || sp(f) == .by || isParticle(f) { return }
        let hasBefore = coordSubject == nil && s.first - 1 > lo && (isComma(s.first - 1) || isDash(s.first - 1) ||
            (toks[s.first - 1].kind == .quote && !opens(s.first - 1, kind: markKind(s.first - 1))))
        // content before: "…, X said (on Tuesday)."
        func before(_ placeFrom: Int) {
            guard hasBefore, let (a, e) = clauseBefore(lo, s.first - 1) else { return }
            emit(a, e, cue: (c, c), speaker: s, place: place(placeFrom, cEnd + 1))
        }
        if f < n, isColon(f), f + 1 < n, para[f + 1] != para[f], toks[f + 1].kind != .quote {
            // "In a speech last July, he said:" — the next paragraph is what was said
            var e = f + 1
            while e + 1 < n, para[e + 1] == para[f + 1] { e += 1 }
            while e > f + 1, toks[e].kind == .punctuation { e -= 1 }
            if e - f >= 3 { emit(f + 1, e, cue: (c, c), speaker: s, place: place(lo, s.first)) }
            return
        }
        if f > cEnd { before(f); return }
        if isComma(f) {
            if hasBefore {
                // "A, he said, B" — the whole sentence
                if let (a, _) = clauseBefore(lo, s.first - 1), let (_, e) = clauseAfter(f + 1, hi: cEnd + 1) {
                    emit(a, e, cue: (c, c), speaker: s, place: nil)
                } else if let (a, e) = clauseAfter(f + 1, hi: cEnd + 1) {
                    emit(a, e, cue: (c, c), speaker: s, place: nil)   // "Recently, he said, he has …"
                } else { before(f) }
                return
            }
            if weak { return }
            if let (a, e) = clauseAfter(f + 1, hi: cEnd + 1) { emit(a, e, cue: (c, c), speaker: s, place: place(lo, s.first)) }
            return
        }
        if isColon(f) {
            if f == cEnd || f + 1 >= n || para[f + 1] != para[f] { return } // a quotation in the next paragraph: direct pass
            if let (a, e) = clauseAfter(f + 1, hi: cEnd + 1) { emit(a, e, cue: (c, c), speaker: s, place: place(lo, s.first)) }
            return
        }
        if sp(f) == .that {
            if let (a, e) = clauseAfter(f, hi: cEnd + 1) { emit(a, e, cue: (c, c), speaker: s, place: place(lo, s.first)) }
            return
        }
        if toks[f].kind == .quote {
            if let (a, e) = clauseAfter(f, hi: cEnd + 1) { emit(a, e, cue: (c, c), speaker: s, place: place(lo, s.first)) }
            return
        }
        // an adjunct after the cue: "said on Tuesday that", "told reporters in Moscow", "said in a statement:"
        if isWord(f), bits[f].contains(.prep) || bits[f].contains(.time) || sp(f) == .month || bits[f].contains(.between) && !bits[f].contains(.det) {
            var g = f
            var subjectStart = -1
            while g <= cEnd, g - f < 14 {
                if toks[g].kind == .quote, inRun[g] >= 0 {
                    // a quoted title inside the adjunct: said on ABC's "This Week" that …
                    let q = runs[Int(inRun[g])]
                    if q.open == g, q.closeEnd > 0, q.words <= 8, q.closeEnd + 1 <= cEnd, sp(q.closeEnd + 1) == .that { g = q.closeEnd + 1; break }
                }
                if sp(g) == .that || isColon(g) || isComma(g) || toks[g].kind == .quote { break }
                if isVerbCue(g) { break }
                // "said in a statement Thursday night they pulled …": a subject pronoun opens the clause
                if g > f + 1, isWord(g), bits[g].contains(.pron), toks[g].has(.lowercase) || sp(g) == .i {
                    subjectStart = g; break
                }
                // "said on Tuesday the bridge would reopen", "said last week the company had…": a
                // determiner right after a time word opens the clause (not "on Tuesday the 14th that",
                // nor another time, "reported in February a year ago").
                if g > f, isWord(g), bits[g].contains(.det), toks[g].has(.lowercase), isWord(g - 1), isTimeWord(g - 1),
                   g < cEnd, !isTimeWord(g + 1), !(g + 1 ..< min(g + 4, cEnd + 1)).contains(where: { sp($0) == .that }) {
                    subjectStart = g; break
                }
                g += 1
            }
            if subjectStart >= 0 {
                if let (a, e) = clauseAfter(subjectStart, hi: cEnd + 1) { emit(a, e, cue: (c, c), speaker: s, place: place(f, subjectStart) ?? place(lo, s.first)) }
                return
            }
            if g > cEnd {
                if hasBefore { before(f) }
                return
            }
            if sp(g) == .that {
                if let (a, e) = clauseAfter(g, hi: cEnd + 1) { emit(a, e, cue: (c, c), speaker: s, place: place(f, g) ?? place(lo, s.first)) }
                return
            }
            if isColon(g) || isComma(g) {
                if hasBefore && isComma(g) {
                    if let (a, _) = clauseBefore(lo, s.first - 1), let (_, e) = clauseAfter(g + 1, hi: cEnd + 1) {
                        emit(a, e, cue: (c, c), speaker: s, place: place(f, g))
                    }
                    return
                }
                if weak && isComma(g) { return }
                if let (a, e) = clauseAfter(g + 1, hi: cEnd + 1) { emit(a, e, cue: (c, c), speaker: s, place: place(f, g) ?? place(lo, s.first)) }
                return
            }
            if toks[g].kind == .quote {
                if let (a, e) = clauseAfter(g, hi: cEnd + 1) { emit(a, e, cue: (c, c), speaker: s, place: place(f, g)) }
                return
            }
            return
        }
        // "which Trump had called a disaster", "what Buchanan called hand-to-hand combat": the relative pronoun opens the content
        if s.first - 1 >= lo, isWord(s.first - 1), ["which", "what", "whom"].contains(phraseText(s.first - 1, s.first - 1).lowercased()),
           let (_, e) = clauseAfter(f, hi: cEnd + 1) {
            emit(s.first - 1, e, cue: (c, c), speaker: s, place: nil)
            return
        }
        if let (a, e) = clauseAfter(f, hi: cEnd + 1) { emit(a, e, cue: (c, c), speaker: s, place: place(lo, s.first)) }
    }

    mutating func according(_ c: Int, into out: inout [RawStatement]) {
        let lo = sLo(c), hi = sHi(c)
        let cEnd = contentEnd(lo, hi)
        guard c + 2 <= cEnd, var s = speakerAfter(c + 2, hi: cEnd + 1) else { return }
        // "according to information disclosed by a US official"
        var k = s.last + 1
        if k <= cEnd, isWord(k), !bits[k].intersection(B.anyVerb).isEmpty || toks[k].kind == .word && text.utf8[Int(toks[k].byteEnd) - 1] == 0x64 {
            if k + 1 <= cEnd, sp(k + 1) == .by, let s2 = speakerAfter(k + 2, hi: cEnd + 1) { s = s2; k = s2.last + 1 }
        }
        var content: (Int, Int)?
        let atStart = c == lo || (c - 1 >= lo && (bits[c - 1].contains(.conj) || toks[c - 1].kind == .punctuation && !isComma(c - 1)))
        if atStart {
            var j = k
            while j <= cEnd, !isComma(j) { j += 1 }
            if j <= cEnd { content = clauseAfter(j + 1, hi: cEnd + 1) }
        } else if c - 1 >= lo, isComma(c - 1) || isDash(c - 1) {
            content = clauseBefore(lo, c - 1)
            // a clause may follow too: "X, according to Y, is Z"
            if let (a, _) = content, c - 1 - a <= 5, k <= cEnd, isComma(k), let (_, e) = clauseAfter(k + 1, hi: cEnd + 1) { content = (a, e) }
        } else {
            content = clauseBefore(lo, c)
        }
        guard let (a, e) = content, !isDirectAlready(a, e) else { return }
        out.append(RawStatement(kind: kindOf(a, e), contentFirst: a, contentLast: e, content: spanOf(a, e),
                                cueFirst: c, cueLast: c + 1, speaker: s, anchor: c))
        usedCue[c] = true
    }

    /// `Trump seemed to suggest …`: the clause, with no stated source.
    mutating func seem(_ c: Int, into out: inout [RawStatement]) {
        let lo = sLo(c), hi = sHi(c)
        let cEnd = contentEnd(lo, hi)
        var a = c - 1
        while a > lo, !isComma(a - 1), toks[a - 1].kind != .quote { a -= 1 }
        guard a >= lo, a < c, cEnd > c + 1 else { return }
        guard let (ca, ce) = clauseAfter(a, hi: cEnd + 1), ca < c, !isDirectAlready(ca, ce) else { return }
        out.append(RawStatement(kind: kindOf(ca, ce), contentFirst: ca, contentLast: ce, content: spanOf(ca, ce),
                                cueFirst: c, cueLast: c, speaker: nil, anchor: c))
        usedCue[c] = true
    }

    /// `When asked whether …, X said` / `Asked about …, X replied`: the question, unattributed.
    mutating func asked(_ c: Int, into out: inout [RawStatement]) {
        let lo = sLo(c), hi = sHi(c)
        let cEnd = contentEnd(lo, hi)
        var j = c + 1
        while j <= cEnd, !isComma(j), toks[j].kind != .quote { j += 1 }
        guard j <= cEnd, j - c >= 3, isComma(j) else { return }
        out.append(RawStatement(kind: .indirect, contentFirst: c + 1, contentLast: j - 1, content: spanOf(c + 1, j - 1),
                                cueFirst: c, cueLast: c, speaker: nil, anchor: c))
        usedCue[c] = true
    }

    /// A paragraph opening with a name and a colon (`Bernie Sanders: ‘…’`, `TAPPER: …`):
    /// a headline or transcript attribution of the rest of the paragraph.
    mutating func colonLead(_ c: Int, into out: inout [RawStatement]) {
        var j = c
        while j < n, j - c < 6, isWord(j) || toks[j].kind == .possessive, isCap(j) || toks[j].kind == .possessive || sp(j) == .of { j += 1 }
        guard j > c, j < n, isColon(j), para[j] == para[c], j + 1 < n, para[j + 1] == para[c] else { return }
        if isWord(c), bits[c].contains(.prep) || bits[c].contains(.conj) || bits[c].contains(.det) || sp(c) == .month { return }
        // a dateline ("WASHINGTON: …") is a place, not a speaker
        for m in mentionsIn(c, j - 1) where entities[mentions[m].entity].type == .gpe || entities[mentions[m].entity].type == .loc { return }
        var e = j + 1
        while e + 1 < n, para[e + 1] == para[c] { e += 1 }
        while e > j + 1, toks[e].kind == .punctuation { e -= 1 }
        var words = 0
        for k in (j + 1)...e where isWord(k) { words += 1 }
        guard words >= 3 else { return }
        let a = j + 1
        out.append(RawStatement(kind: kindOf(a, e), contentFirst: a, contentLast: e, content: spanOf(a, e),
                                cueFirst: j, cueLast: j, speaker: SpeakerPhrase(first: c, last: j - 1, kind: .named), anchor: j))
        for k in a...e { inDirect[k] = true }
    }

    /// `the Kremlin’s statement that …`, `denials from Pyongyang that …`.
    mutating func noun(_ c: Int, into out: inout [RawStatement]) {
        let lo = sLo(c), hi = sHi(c)
        let cEnd = contentEnd(lo, hi)
        guard c + 1 <= cEnd else { return }
        var s: SpeakerPhrase?
        var f = c + 1
        if c - 1 >= lo, toks[c - 1].kind == .possessive, sp(c + 1) == .that {
            s = speakerBefore(c - 1, lo: lo)
        } else if sp(c + 1) == .from || sp(c + 1) == .by, let s2 = speakerAfter(c + 2, hi: cEnd + 1) {
            s = s2
            f = s2.last + 1
            guard f <= cEnd, sp(f) == .that || sp(f) == .about else { return }
        } else { return }
        guard let spk = s, let (a, e) = clauseAfter(f, hi: cEnd + 1), !isDirectAlready(a, e) else { return }
        out.append(RawStatement(kind: kindOf(a, e), contentFirst: a, contentLast: e, content: spanOf(a, e),
                                cueFirst: c, cueLast: c, speaker: spk, anchor: c))
        usedCue[c] = true
    }

    /// Reported speech: each reporting word outside quotations and not yet a quotation's cue
    /// (`according to`, `seem to`, `asked`, reporting verbs, reporting nouns, colon lead-ins).
    mutating func reportedSpeech(into raw: inout [RawStatement]) {
        for c in 0..<n where toks[c].kind == .word && inRun[c] < 0 && !usedCue[c] {
            let b = bits[c]
            if toks[c].has(.lineInitial) { colonLead(c, into: &raw) }
            if sp(c) == .according, c + 1 < n, sp(c + 1) == .to {
                according(c, into: &raw)
            } else if b.contains(.seem), c + 1 < n, sp(c + 1) == .to || isAdverb(c), !isCap(c) {
                seem(c, into: &raw)
            } else if sp(c) == .asked_, c + 1 < n, isWord(c + 1),
                      toks[c].has(.sentenceInitial) || (c > 0 && isWord(c - 1) && phraseText(c - 1, c - 1).lowercased() == "when") {
                asked(c, into: &raw)
            } else if !b.intersection(B.anyVerb).isEmpty && !isCap(c)
                        && !(b.contains(.cueNoun) && c + 1 < n && isWord(c + 1) && isVerbCue(c + 1)) {
                let before = raw.count
                reported(c, into: &raw)
                if raw.count == before, b.contains(.cueNoun) { noun(c, into: &raw) }
            } else if b.contains(.cueNoun) {
                noun(c, into: &raw)
            }
        }
    }
}
