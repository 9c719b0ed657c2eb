// Direct quotations: the reporting clause after or before a quotation, and the main subject of a sentence.
// Part of StatementScanner (StatementExtractor.swift).

extension StatementScanner {
    // MARK: - direct quotations

    struct Attribution {
        var cueFirst: Int
        var cueLast: Int
        var speaker: SpeakerPhrase?
        /// Last token of the reporting clause.
        var clauseEnd: Int
        var after: Bool
    }

    /// `“…,” he said` / `“…,” said Peskov` / `“…” Peskov, the Kremlin spokesman, said`.
    func attributionAfter(_ q: QuoteRun) -> Attribution? {
        guard q.close >= 0 else { return nil }
        if let byline = bylineAfter(q) { return byline }
        var j = q.closeEnd + 1
        var skipped = 0
        while j < n, skipped < 2, toks[j].kind == .punctuation, isComma(j) || isDash(j) { j += 1; skipped += 1 }
        guard j < n, para[j] == para[q.close], isWord(j) else { return nil }
        // “… important.” He added that … — a new sentence; “Why?” he asked / “Go!” Clinton said. — the same one
        let newSentence = (sentenceOf(j) != sentenceOf(q.close) || (q.last >= 0 && isSentenceEndPunct(q.last))) && !toks[j].has(.lowercase)
        guard let a = attributionAfterCore(q, j) else { return nil }
        // "… on Fox News’s “Sunday Morning Futures,” Rep. Issa said Clinton …": the reporting clause has a
        // complement of its own, so the quotation (a title) is not what was said
        do {
            var k = a.cueLast + 1
            if a.clauseEnd > a.cueLast { k = a.clauseEnd + 1 }
            if k < n, bits[a.cueFirst].contains(.object), isWord(k), sp(k) == .objPron || bits[k].contains(.pron) { k += 1 }
            if k < n, para[k] == para[j], isWord(k), !isSentenceEndPunct(k) {
                let cEnd = contentEnd(sLo(k), sHi(k))
                if sp(k) == .that || (!endsClause(k, cEnd) && !bits[k].contains(.prep) && !bits[k].contains(.time) && sp(k) != .month
                                      && !bits[k].contains(.between) && sp(k) != .to && !isAdverb(k)) {
                    if q.words <= 8 && q.open > 0 && !startsClause(q.open) { return nil }
                }
            }
        }
        if newSentence {
            // only “…!” / “…?” may be followed by a capitalized reporting clause of their own,
            // and “… missing.” Trump said. — a bare reporting clause
            let bare = a.cueLast + 1 < n && isSentenceEndPunct(a.cueLast + 1) && a.clauseEnd <= a.cueLast
            guard bare || (q.last >= 0 && (isPunct(q.last, 0x21) || isPunct(q.last, 0x3F))) else { return nil }
            var k = a.cueLast + 1
            if k < n, bits[a.cueFirst].contains(.object), let o = speakerAfter(k, hi: min(n, k + 6)) { k = o.last + 1 }
            if a.clauseEnd + 1 > k { k = a.clauseEnd + 1 }
            if !(k >= n || isSentenceEndPunct(k) || para[k] != para[j] || endsClause(k, contentEnd(sLo(k), sHi(k)))) {
                // "Trump asked reporters rhetorically during a news conference": no clause of its own follows
                var e = k
                var steps = 0
                while e < n, para[e] == para[j], !isSentenceEndPunct(e), steps < 16 {
                    if isWord(e) && (sp(e) == .that || bits[e].contains(.pron) && toks[e].has(.lowercase) && sp(e) != .objPron) { return nil }
                    if toks[e].kind == .quote { return nil }
                    e += 1; steps += 1
                }
                if steps >= 16 { return nil }
            }
        }
        return a
    }

    /// `“… our greatest shame.” ― Ana Ruiz` at the end of a paragraph: a dash after the closing
    /// mark, then a name (two to five capitalised words, the last token of the paragraph or before
    /// its final period) signs the quotation, as under an epigraph or in a list of readers' words.
    func bylineAfter(_ q: QuoteRun) -> Attribution? {
        let d = q.closeEnd + 1
        guard d < n, isDash(d), para[d] == para[q.close], d + 1 < n, para[d + 1] == para[d] else { return nil }
        var k = d + 1
        while k < n, para[k] == para[d], k - d <= 5, isWord(k), isCap(k) { k += 1 }
        let last = k - 1
        guard last - d >= 2 else { return nil }
        if k < n, para[k] == para[d], !(isSentenceEndPunct(k) && (k + 1 >= n || para[k + 1] != para[d])) { return nil }
        return Attribution(cueFirst: d, cueLast: d, speaker: SpeakerPhrase(first: d + 1, last: last, kind: .named),
                           clauseEnd: last, after: true)
    }

    func attributionAfterCore(_ q: QuoteRun, _ j: Int) -> Attribution? {
        let hi = min(n, j + 24)
        var limit = j
        while limit < hi, para[limit] == para[j], !isSentenceEndPunct(limit), toks[limit].kind != .quote { limit += 1 }
        // inverted: said X
        if isVerbCue(j) && !bits[j].contains(.participle) {
            var cueLast = j
            if j + 1 < limit, bits[j].contains(.object), let obj = speakerAfter(j + 1, hi: limit), obj.kind == .pronoun || sp(obj.first) == .objPron {
                cueLast = j // "told me"
            }
            if let s = speakerAfter(j + 1, hi: limit) {
                return Attribution(cueFirst: j, cueLast: cueLast, speaker: s, clauseEnd: s.last, after: true)
            }
            return Attribution(cueFirst: j, cueLast: j, speaker: nil, clauseEnd: j, after: true)
        }
        // X (, apposition,) said
        guard var s = speakerAfter(j, hi: limit) else { return nil }
        var k = s.last + 1
        // "Sen. Chuck Schumer (D-N.Y.) said"
        if k < limit, isPunct(k, 0x28) {
            var e = k + 1
            while e < n, e - k < 10, para[e] == para[k], !isPunct(e, 0x29) { e += 1 }
            if e < n, isPunct(e, 0x29) {
                k = e + 1
                limit = k
                while limit < hi, para[limit] == para[j], !isSentenceEndPunct(limit), toks[limit].kind != .quote { limit += 1 }
            }
        }
        if k < limit, isComma(k) {
            // apposition up to a later comma ("Mr. Daniloff, now 81 and retired in Cambridge, Mass., said")
            var c = k + 1
            var found = -1
            while c < limit, c - k < 24 {
                if isComma(c), c + 1 < limit, isVerbCue(c + 1) || (isWord(c + 1) && bits[c + 1].contains(.between)) { found = c; break }
                if isWord(c), isVerbCue(c) { break }
                c += 1
            }
            if found >= 0 {
                k = found + 1
            } else if k + 1 < limit, sp(k + 1) == .who {
                return nil
            }
        }
        var skippedB = 0
        var passive = false
        while k < limit, isWord(k), bits[k].contains(.between), !isVerbCue(k), skippedB < 4 {
            if sp(k) == .be { passive = true }
            k += 1; skippedB += 1
        }
        guard k < limit, isVerbCue(k) else { return nil }
        // "Sanders was asked": a passive reports nothing of the subject's (except "was quoted as saying")
        if passive, sp(k) != .quoted, bits[k].contains(.past) { return nil }
        if bits[k].contains(.participle) && sp(k) != .saying { return nil }
        var cueLast = k
        var cueFirst = k
        if sp(k) == .quoted, k + 2 < n, sp(k + 1) == .as_, bits[k + 2].contains(.participle) {
            cueLast = k + 2
            if k - 1 > s.last, sp(k - 1) == .be { cueFirst = k - 1 }
        }
        if s.kind == .description, s.first == s.last, bits[s.first].contains(.det) { return nil }
        if isWord(s.first) && bits[s.first].contains(.pron) { s = SpeakerPhrase(first: s.first, last: s.first, kind: .pronoun) }
        return Attribution(cueFirst: cueFirst, cueLast: cueLast, speaker: s, clauseEnd: cueLast, after: true)
    }

    /// The last token of the sentence holding an after-quotation reporting clause (its final punctuation).
    func lastOfClause(_ a: Attribution) -> Int {
        var k = a.clauseEnd
        while k + 1 < n, para[k + 1] == para[a.clauseEnd], toks[k + 1].kind != .quote { k += 1 }
        return k
    }

    /// `Putin said: “…”` / `…, stating, “…”` / `according to X, “…”` / `X said in a statement: “…”`.
    func attributionBefore(_ q: QuoteRun) -> Attribution? {
        var k = q.open - 1
        guard k >= 0 else { return nil }
        var sep = false
        if isColon(k) || isComma(k) || isDash(k) { sep = true; k -= 1 }
        guard k >= 0 else { return nil }
        // colon lead-in at the end of the previous paragraph
        if para[k] != para[q.open] && !(sep && isColon(q.open - 1)) { return nil }
        let lo = sLo(k)
        // search back for the cue through a short adjunct ("said in a statement:")
        var c = k
        var steps = 0
        while c >= lo, steps < 9 {
            if inRun[c] >= 0 || isSentenceEndPunct(c) { return nil }
            if isWord(c) && isVerbCue(c) { break }
            if isWord(c) && sp(c) == .to && c - 1 >= lo && sp(c - 1) == .according {
                // according to X, “…”
                guard let s = speakerAfter(c + 1, hi: k + 1) else { return nil }
                return Attribution(cueFirst: c - 1, cueLast: c, speaker: s, clauseEnd: k, after: false)
            }
            if c != k && !sep { return nil }
            if toks[c].kind == .punctuation && !isComma(c) { return nil }
            c -= 1; steps += 1
        }
        guard c >= lo, isWord(c), isVerbCue(c) else { return nil }
        if c != k && !sep { return nil }
        // the words between the cue and the quotation must not form a clause of their own
        if c < k {
            var words = 0
            for j in (c + 1)...k where isWord(j) {
                if bits[j].contains(.pron) || sp(j) == .that || bits[j].contains(.conj) { return nil }
                words += 1
            }
            if words > 6 { return nil }
        }
        if bits[c].contains(.participle) {
            if c - 1 >= lo, isComma(c - 1) || isDash(c - 1) {
                return Attribution(cueFirst: c, cueLast: c, speaker: mainSubject(lo, before: c - 1), clauseEnd: k, after: false)
            }
            if c - 2 >= lo, sp(c - 1) == .as_, sp(c - 2) == .quoted, let s = speakerBefore(c - 2, lo: lo) {
                return Attribution(cueFirst: c - 2, cueLast: c, speaker: s, clauseEnd: k, after: false)
            }
            return nil
        }
        if let s = speakerBefore(c, lo: lo) {
            return Attribution(cueFirst: c, cueLast: c, speaker: s, clauseEnd: k, after: false)
        }
        return nil
    }

    /// The subject of the sentence's main clause (for participle cues: `…, stating …`).
    func mainSubject(_ lo: Int, before end: Int) -> SpeakerPhrase? {
        var j = lo
        // "Notably, the White House …"
        if j + 1 < end, isWord(j), isComma(j + 1) { j += 2 }
        // skip an opening adjunct up to its comma ("During the summit, Kim …")
        if j < end, isWord(j), bits[j].contains(.prep) || bits[j].contains(.conj) || bits[j].contains(.between) || bits[j].contains(.time) {
            var c = j
            while c < end, !isComma(c) { c += 1 }
            if c < end { j = c + 1 } else if bits[j].contains(.conj) || bits[j].contains(.between) { j += 1 }
        }
        // a sentence opening with a quotation: the subject follows it (“…,” Mr. Axelrod said, calling …)
        if j < end, toks[j].kind == .quote, inRun[j] >= 0 {
            let q = runs[Int(inRun[j])]
            if q.open == j, q.closeEnd > j, q.closeEnd < end { j = q.closeEnd + 1 }
        }
        while j < end, toks[j].kind == .quote || toks[j].kind == .punctuation { j += 1 }
        guard j < end else { return nil }
        guard let s = speakerAfter(j, hi: end) else { return nil }
        // the subject is followed (after adverbs) by a verb, not by more noun phrase
        return s
    }

    /// The quotations in quote marks, with the reporting clause after or before each (`“…,” he
    /// said.`, `Putin said: “…”`) or the running speaker; `“A,” X said. “B.”` is one statement.
    mutating func quotations() -> [RawStatement] {
        var raw = [RawStatement]()
        var attrs = [Attribution?](repeating: nil, count: runs.count)
        for (r, q) in runs.enumerated() where q.words >= 1 {
            attrs[r] = attributionAfter(q) ?? attributionBefore(q)
        }
        var r = 0
        while r < runs.count {
            let q = runs[r]
            guard q.words >= 1 else { r += 1; continue }
            let startsSentence = q.open == 0 || toks[q.open].has(.lineInitial) || isSentenceEndPunct(q.open - 1) ||
                (q.open - 1 >= 0 && toks[q.open - 1].kind == .quote) || isColon(q.open - 1) || isDash(q.open - 1) ||
                sentenceOf(q.open) != sentenceOf(max(0, q.open - 1))
            var attr = attrs[r]
            if attr == nil && q.words <= 2 { r += 1; continue }           // scare quotes
            if attr == nil && !startsSentence { r += 1; continue }         // a fragment: reported speech handles it
            if let a = attr, !a.after, !startsSentence, !isColon(q.open - 1), !isComma(q.open - 1) {
                attr = nil; r += 1; continue
            }
            // merge “A,” X said. “B.” / “A,” said X, the Y. “B.” into one statement
            var lastRun = r
            if let a = attr, a.after, r + 1 < runs.count {
                var r2 = r + 1
                // skip titles and scare quotes inside the reporting clause (told ''Inside Edition'')
                while r2 + 1 < runs.count, runs[r2].words <= 4, para[runs[r2].open] == para[q.open],
                      runs[r2].open > 0, !isSentenceEndPunct(runs[r2].open - 1),
                      attrs[r2] == nil, r2 - r < 4, !(toks[runs[r2].open].has(.lineInitial)) {
                    let prev = runs[r2].open - 1
                    if isSentenceEndPunct(prev) || toks[prev].has(.sentenceFinal) { break }
                    r2 += 1
                }
                let q2 = runs[r2]
                // the next quotation continues in the same paragraph, or opens the next one right after
                // the reporting clause ended this one
                let nextPara = para[q2.open] == para[q.open] + 1 && toks[q2.open].has(.lineInitial) && q2.open - 1 == lastOfClause(a)
                var ok = (para[q2.open] == para[q.open] || nextPara) && q2.words >= 1 && q2.open - q.closeEnd <= 40
                if let a2 = attrs[r2], a2.cueFirst != a.cueFirst { ok = false }
                if ok {
                    var j = q.closeEnd + 1
                    while j < q2.open { if toks[j].kind == .quote && inRun[j] >= 0 && Int(inRun[j]) >= r2 { ok = false; break }; j += 1 }
                    let before = q2.open - 1
                    if !(isComma(before) || isColon(before) || isSentenceEndPunct(before) || isDash(before) ||
                         toks[before].has(.abbreviation) || toks[before].has(.sentenceFinal)) { ok = false }
                }
                if ok { lastRun = r2 }
            }
            let qEnd = runs[lastRun]
            var firstTok = q.openEnd + 1
            let lastTok = qEnd.last
            guard firstTok <= lastTok else { r = lastRun + 1; continue }
            var content = TextSpan(Int(toks[q.openEnd].end), Int(qEnd.close >= 0 ? toks[qEnd.close].start : toks[lastTok].end))
            var kind = Statement.Kind.direct
            // a quotation that ends a clause ("They will pick whoever wins “and that will be Clinton,” he said"),
            // or follows a parenthetical reporting clause ("No change, he said, “hides it”"): the whole clause
            if let a = attr {
                let lo = sLo(q.open)
                var clauseStart = -1
                if a.after && !startsSentence {
                    clauseStart = lo
                } else if !a.after, let s = a.speaker, s.first - 1 > lo, isComma(s.first - 1), isComma(q.open - 1),
                          !(isWord(lo) && (bits[lo].contains(.prep) || bits[lo].contains(.conj) || phraseText(lo, lo).hasSuffix("ing"))) {
                    clauseStart = lo
                }
                if clauseStart >= 0, let (ca, _) = clauseBefore(clauseStart, q.open), ca < q.open {
                    firstTok = ca
                    content = TextSpan(Int(toks[ca].start), content.end)
                    kind = .partial
                }
            }
            var st = RawStatement(kind: kind, contentFirst: firstTok, contentLast: lastTok, content: content,
                                  anchor: attr?.cueFirst ?? q.open)
            if let a = attr {
                st.cueFirst = a.cueFirst; st.cueLast = a.cueLast; st.speaker = a.speaker
                for j in a.cueFirst...max(a.cueFirst, a.cueLast) { usedCue[j] = true }
                if a.after {
                    st.place = place(a.cueLast + 1, sHi(a.cueLast))
                } else {
                    st.place = place(sLo(a.cueFirst), q.open)
                }
                if a.speaker == nil, a.after == false { st.inherit = true }
            } else {
                st.inherit = true
            }
            if st.cueFirst >= 0 { for j in firstTok...lastTok { inDirect[j] = true } }
            raw.append(st)
            r = lastRun + 1
        }
        let ds = raw.filter { $0.cueFirst >= 0 }.sorted { $0.anchor < $1.anchor }
        directAnchors = ds.map { $0.anchor }
        directSpeakers = ds.map { $0.speaker }
        return raw
    }

    /// Drops a quotation without a reporting clause that another statement already holds.
    func dropHeldQuotations(_ raw: inout [RawStatement]) {
        var keep = [Bool](repeating: true, count: raw.count)
        let holders = raw.filter { $0.cueFirst >= 0 }.map { $0.content }.sorted()
        for (i, st) in raw.enumerated() where st.kind == .direct && st.cueFirst < 0 {
            // holders sorted by start: binary search the last one starting at or before this content
            var lo = 0, hi = holders.count
            while lo < hi { let m = (lo + hi) / 2; if holders[m].start <= st.content.start { lo = m + 1 } else { hi = m } }
            var k = lo - 1
            while k >= 0, lo - k <= 8 {
                let h = holders[k]
                let cover = min(h.end, st.content.end) - max(h.start, st.content.start)
                if cover * 2 >= st.content.length { keep[i] = false; break }
                k -= 1
            }
        }
        if keep.contains(false) { raw = raw.enumerated().filter { keep[$0.offset] }.map { $0.element } }
    }

    /// `Clinton “drew well” in 2008, said Beck. “That was her constituency.”`: a reported clause
    /// whose reporting clause is followed by a quotation with no attribution of its own is one
    /// statement with it (the quotation continues the same speaker's words).
    func mergeFollowingQuotations(_ raw: inout [RawStatement]) {
        var inheritedAt = [Int: Int]()   // first content token -> index in raw
        for (i, st) in raw.enumerated() where st.kind == .direct && st.cueFirst < 0 { inheritedAt[st.contentFirst] = i }
        if inheritedAt.isEmpty { return }
        var drop = Set<Int>()
        for i in raw.indices {
            let st = raw[i]
            guard st.cueFirst > st.contentLast, st.kind != .direct || st.cueFirst > st.contentLast else { continue }
            var j = max(st.cueLast, st.speaker?.last ?? 0) + 1
            var steps = 0
            while j < n, steps < 20, toks[j].kind != .quote, para[j] == para[st.cueFirst] { j += 1; steps += 1 }
            guard j < n, toks[j].kind == .quote, inRun[j] >= 0, para[j] == para[st.cueFirst] else { continue }
            let q = runs[Int(inRun[j])]
            guard q.open == j, q.open > 0, isSentenceEndPunct(q.open - 1) || isComma(q.open - 1) else { continue }
            guard let k = inheritedAt[q.openEnd + 1], !drop.contains(k) else { continue }
            raw[i].contentLast = raw[k].contentLast
            raw[i].content = TextSpan(raw[i].content.start, raw[k].content.end)
            if raw[i].kind == .indirect { raw[i].kind = .partial }
            drop.insert(k)
        }
        if !drop.isEmpty { raw = raw.enumerated().filter { !drop.contains($0.offset) }.map { $0.element } }
    }
}
