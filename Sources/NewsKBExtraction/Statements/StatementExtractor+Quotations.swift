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
}
