// Reported speech found by the learned tagger (``AttributionTagger``): its inputs, and statements
// from its tags. Part of StatementScanner (StatementExtractor.swift).

/// One token as the attribution tagger sees it: what `newskb attribution-tokens` prints for
/// `scripts/train-attribution.py`. Offsets are code points.
public struct AttributionTokenRow: Sendable, Equatable {
    public var sentence: Int
    public var start: Int
    public var end: Int
    /// The word, ASCII letters in lower case.
    public var word: String
    /// Its last three bytes when it is longer and they are ASCII, else `-`.
    public var suffix: String
    public var shape: String
    /// The statement lexicon's classes (bit set).
    public var classes: UInt32
    /// `O`, or `B-`/`I-` and the entity type of the mention holding it.
    public var entity: String
    public var quoted: Bool
    /// The rules' reading: `C` content, `Q` cue, `S` speaker, `O`.
    public var rule: String
}

extension StatementExtractor {
    /// The attribution tagger's inputs for every token of `body`, after the same analysis as
    /// ``Analyzer`` (tokens, sentences, entities, the rules' statements).
    public static func attributionTokens(_ body: String, configuration: EntityConfiguration = .standard) -> [AttributionTokenRow] {
        guard let (x, inputs) = attributionInputs(body, configuration: configuration) else { return [] }
        let text = x.text, tokens = x.toks
        let entityNames = AttributionTagger.entityNames   // `O`, then B-/I- of each type (the tagger's own value names)
        return text.utf8.withUnsafeBufferPointer { p in
            (0..<tokens.count).map { i in
                let t = tokens[i]
                let s = Int(t.byteStart), e = Int(t.byteEnd)
                let folded = p[s..<e].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
                let suffix = e - s > 3 && p[(e - 3)..<e].allSatisfy { $0 < 0x80 } ? String(decoding: folded.suffix(3), as: UTF8.self) : "-"
                let x = inputs[i]
                return AttributionTokenRow(sentence: Int(max(0, t.sentence)), start: Int(t.start), end: Int(t.end),
                                           word: String(decoding: folded, as: UTF8.self), suffix: suffix,
                                           shape: x.shape.name, classes: x.bits, entity: entityNames[Int(x.entity)],
                                           quoted: x.quoted, rule: x.rule.name)
            }
        }
    }

    /// The statements the rules find in `body` (before the tagger's are joined and before the weak
    /// cues are left out), for `scripts/train-weak-cues.py`: kind, content, and the cue's last
    /// word (ASCII letters in lower case), when there is a cue.
    public static func ruleStatements(_ body: String, configuration: EntityConfiguration = .standard)
        -> [(kind: Statement.Kind, content: TextSpan, cueWord: String?)] {
        let text = DocumentText(body)
        var tokens = Tokenizer.scan(text)
        let sentences = SentenceSplitter.split(text, tokens: &tokens)
        let (entities, mentions) = EntityRecognizer.recognize(text, tokens: tokens, configuration: configuration)
        if tokens.isEmpty { return [] }
        var x = StatementScanner(text: text, tokens: tokens, sentences: sentences, entities: entities, mentions: mentions)
        return x.ruleStatements().map { st in
            (st.kind, st.content, st.cueLast >= 0 ? x.foldedWord(st.cueLast) : nil)
        }
    }

    /// The scanner after the rules, and the tagger's inputs; nil for a body without tokens.
    static func attributionInputs(_ body: String, configuration: EntityConfiguration) -> (StatementScanner, [AttributionTagger.Inputs])? {
        let text = DocumentText(body)
        var tokens = Tokenizer.scan(text)
        let sentences = SentenceSplitter.split(text, tokens: &tokens)
        let (entities, mentions) = EntityRecognizer.recognize(text, tokens: tokens, configuration: configuration)
        if tokens.isEmpty { return nil }
        var x = StatementScanner(text: text, tokens: tokens, sentences: sentences, entities: entities, mentions: mentions)
        let raw = x.ruleStatements()
        return (x, x.attributionInputs(raw))
    }

    /// The tagger's tag for every token of `body`, sentence by sentence (tests compare them with
    /// the training script's).
    static func attributionTags(_ body: String) -> [String] {
        guard let (x, inputs) = attributionInputs(body, configuration: .standard) else { return [] }
        var out = [String]()
        inputs.withUnsafeBufferPointer { p in
            for s in 0..<x.sentLo.count where x.sentHi[s] > x.sentLo[s] {
                out += AttributionTagger.shared.tag(p, Int(x.sentLo[s]), Int(x.sentHi[s])).map { AttributionTagger.tags[$0.rawValue] }
            }
        }
        return out
    }
}

extension StatementScanner {
    typealias Tagger = AttributionTagger

    /// The tagger's inputs for every token; `raw` gives the rules' reading.
    func attributionInputs(_ raw: [RawStatement]) -> [Tagger.Inputs] {
        var out = [Tagger.Inputs](repeating: .init(), count: n)
        let dashSuffix = FeatureHash.string("-")
        text.utf8.withUnsafeBufferPointer { p in
            for i in 0..<n {
                let t = toks[i]
                let s = Int(t.byteStart), e = Int(t.byteEnd)
                var x = Tagger.Inputs()
                x.word = FeatureHash.bytes(p, s, e, fold: true)
                var ascii = e - s > 3
                if ascii { for j in (e - 3)..<e where p[j] >= 0x80 { ascii = false } }
                x.suffix = ascii ? FeatureHash.bytes(p, e - 3, e, fold: true) : dashSuffix
                x.shape = shape(i)
                x.bits = bits[i].rawValue
                x.quoted = inRun[i] >= 0
                out[i] = x
            }
        }
        // entity mentions (sorted by start), first token B, later ones I
        let types = EntityType.allCases
        var m = 0
        for i in 0..<n {
            let s = Int(toks[i].start), e = Int(toks[i].end)
            while m < mentions.count && mentions[m].span.end <= s { m += 1 }
            guard m < mentions.count, mentions[m].span.start <= s, e <= mentions[m].span.end,
                  mentions[m].entity >= 0, mentions[m].entity < entities.count,
                  let type = types.firstIndex(of: entities[mentions[m].entity].type) else { continue }
            let first = mentions[m].span.start == s
            out[i].entity = UInt8(1 + 2 * type + (first ? 0 : 1))
        }
        for st in raw {
            if st.contentFirst >= 0 && st.contentLast >= st.contentFirst {
                for j in st.contentFirst...min(st.contentLast, n - 1) { out[j].rule = .content }
            }
            if st.cueFirst >= 0 { for j in st.cueFirst...max(st.cueFirst, st.cueLast) { out[j].rule = .cue } }
            if let s = st.speaker { for j in s.first...s.last { out[j].rule = .speaker } }
        }
        return out
    }

    func shape(_ i: Int) -> Tagger.Shape {
        let t = toks[i]
        switch t.kind {
        case .word:
            if t.has(.allCaps) { return .allCaps }
            if t.has(.capitalized) { return .capitalized }
            return t.has(.lowercase) ? .lower : .mixed
        case .number: return .number
        case .quote: return .quote
        case .possessive: return .possessive
        case .symbol: return .symbol
        case .punctuation:
            if t.has(.dash) { return .dash }
            switch punct[i] {
            case 0x2C: return .comma
            case 0x3A: return .colon
            case 0x3B: return .semicolon
            case 0x2E, 0x21, 0x3F: return .period
            case 0x28, 0x5B: return .open
            case 0x29, 0x5D: return .close
            default: return .punct
            }
        }
    }

    /// Token `i`'s text, ASCII letters in lower case.
    func foldedWord(_ i: Int) -> String {
        String(decoding: text.utf8[Int(toks[i].byteStart)..<Int(toks[i].byteEnd)].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// `statement-weak-cues.txt`: by kind of statement (`indirect`, `partial`), the hashes of its
    /// weak cue words (hashed as the tagger hashes words).
    static let weakCues: [Statement.Kind: Set<UInt64>] = LexiconFiles.entries("statement-weak-cues.txt")
        .reduce(into: [:]) { out, f in
            if f.count >= 2, let kind = Statement.Kind(rawValue: f[0]) { out[kind, default: []].insert(FeatureHash.string(f[1].lowercased())) }
        }

    /// Leaves out reported speech (not quotations) whose cue ends in a weak cue word for its kind
    /// (`statement-weak-cues.txt`: words whose statements of that kind by the rules match a
    /// PolNeAR `train` attribution less than 60% of the time, such as `support`, `want`, `seemed`;
    /// `scripts/train-weak-cues.py`): the tagger's, and the rules' that the tagger did not find
    /// too (``RawStatement/confirmed``), unless the cue lies inside the content (the writer's hedge:
    /// `The governor seemed to suggest that…`, `The envoy reportedly told aides…`).
    func dropWeakCues(_ raw: inout [RawStatement]) {
        let weak = Self.weakCues
        if weak.isEmpty { return }
        text.utf8.withUnsafeBufferPointer { p in
            raw.removeAll { st in
                guard st.kind != .direct, !st.confirmed, st.cueLast >= 0, st.cueLast < n, let words = weak[st.kind] else { return false }
                let t = toks[st.cueLast]
                // a hedge inside its content stays (`The governor seemed to suggest…`)
                return words.contains(FeatureHash.bytes(p, Int(t.byteStart), Int(t.byteEnd), fold: true))
                    && !(st.contentFirst <= st.cueFirst && st.cueLast <= st.contentLast)
            }
        }
    }

    /// Nouns a word before them modifies as the name of a security: `preferred stock`,
    /// `preferred shares`.
    static let securityNouns: Set<String> = ["stock", "stocks", "share", "shares", "unit", "units", "dividend", "dividends",
                                             "issue", "issues", "stockholders", "shareholders", "securities", "equity"]
    /// Words that make a following `notes` the name of a debt security (`senior notes`,
    /// `medium-term notes`, `Swiss francs of convertible notes`).
    static let noteModifiers: Set<String> = ["convertible", "senior", "subordinated", "promissory", "exchangeable", "guaranteed",
                                             "secured", "unsecured", "floating", "coupon", "term", "medium-term", "long-term",
                                             "short-term", "bank", "treasury", "pct", "dlr", "dlrs", "rate", "debt", "credit"]

    /// Determiners after which a past form modifies a noun (`an indicated coupon`, `the proposed
    /// merger`, `its estimated reserves`).
    static let modifierDeterminers: Set<String> = ["a", "an", "the", "its", "their", "his", "her", "our", "my", "your"]

    /// Leaves out reported speech whose cue is no verb: a past form right after a determiner
    /// (``modifierDeterminers``: `with an indicated coupon of 1-3/8 pct`, `the proposed merger of
    /// the two banks`, `an estimated 20,000 of those`); a word of a security's name: `preferred`
    /// before a security noun (``securityNouns``: `1,000 shares of its cumulative preferred stock`),
    /// `notes` after a number, a `-year` word or a modifier of debt (``noteModifiers``: `the 6-3/8 pct
    /// two-year notes fell 1/16`, `100 mln dlrs of its medium-term notes`), after an amount `of`
    /// (`50 mln Swiss francs of five year straight notes`) or before `due`. Business
    /// newswire writes these on every page, and no one says anything in them.
    func dropModifierCues(_ raw: inout [RawStatement]) {
        func word(_ i: Int) -> Int? {
            toks.indices.contains(i) && toks[i].isWordLike ? i : nil
        }
        raw.removeAll { st in
            guard st.kind != .direct, st.cueFirst >= 0, st.cueFirst == st.cueLast, st.cueLast < n else { return false }
            let cue = foldedWord(st.cueLast)
            if cue.hasSuffix("ed"), st.cueFirst > 0, toks[st.cueFirst - 1].kind == .word,
               Self.modifierDeterminers.contains(foldedWord(st.cueFirst - 1)) { return true }
            let next = word(st.cueLast + 1).map(foldedWord)
            switch cue {
            case "preferred":
                return next.map { Self.securityNouns.contains($0) } ?? false
            case "notes":
                if next == "due" { return true }
                guard st.cueFirst > 0, toks[st.cueFirst - 1].kind == .word || toks[st.cueFirst - 1].kind == .number else { return false }
                let before = foldedWord(st.cueFirst - 1)
                if toks[st.cueFirst - 1].kind == .number || before.hasSuffix("-year") || Self.noteModifiers.contains(before) { return true }
                // an amount of them: `100 mln Swiss francs of 10-year bullet notes`
                var j = st.cueFirst - 1, steps = 0
                while j > 0, steps < 4, toks[j].isWordLike, foldedWord(j) != "of" { j -= 1; steps += 1 }
                guard j > 0, toks[j].kind == .word, foldedWord(j) == "of", toks[j - 1].isWordLike else { return false }
                let unit = foldedWord(j - 1)
                return toks[j - 1].kind == .number || Self.amountWords.contains(unit) || ClaimLexicon.shared.numbers[unit]?.1 == .scale
                    || ClaimLexicon.shared.units[unit].map { $0.contains { $0.unit.count == 3 } } == true
            default:
                return false
            }
        }
    }

    /// Joins the tagger's statements (`found`) to the rules' (`raw`). Every statement of the rules
    /// stays, with its speaker and cue (what they find, they find well: quotations, speakers
    /// through coreference; ``dropWeakCues(_:)`` comes after); the tagger
    /// - sets the content of a reported statement of the rules that it finds too (the same cue,
    ///   each content covering half of the longer), which is then `confirmed`: its boundaries
    ///   follow the annotation it was trained on;
    /// - adds a statement it is confident of (``AttributionTagger/addedMargin``) unless it overlaps
    ///   one of theirs by half of the shorter; an attribution inside the content of another (`X
    ///   said that Y believes Z`), with a cue of its own, is a statement of its own either way.
    static func merge(_ found: [RawStatement], into raw: inout [RawStatement]) {
        func cover(_ a: RawStatement, _ b: RawStatement) -> Int {
            max(0, min(a.content.end, b.content.end) - max(a.content.start, b.content.start))
        }
        func nested(_ inner: RawStatement, in outer: RawStatement) -> Bool {
            outer.content.start <= inner.content.start && inner.content.end <= outer.content.end
                && outer.content.length > inner.content.length * 3 / 2
        }
        func sameCue(_ a: RawStatement, _ b: RawStatement) -> Bool {
            a.cueFirst >= 0 && b.cueFirst >= 0 && a.cueFirst <= b.cueLast && b.cueFirst <= a.cueLast
        }
        let rules = raw.count
        var refined = [Bool](repeating: false, count: rules)
        for st in found {
            if let k = (0..<rules).first(where: { raw[$0].kind != .direct && !refined[$0] && sameCue(raw[$0], st) &&
                cover(raw[$0], st) * 2 >= max(raw[$0].content.length, st.content.length) }) {
                refined[k] = true
                raw[k].confirmed = true
                raw[k].content = st.content
                raw[k].contentFirst = st.contentFirst
                raw[k].contentLast = st.contentLast
            } else if st.confidence >= AttributionTagger.shared.addedMargin, !(0..<rules).contains(where: { r in
                cover(raw[r], st) * 2 >= min(raw[r].content.length, st.content.length)
                    && !(raw[r].kind != .direct && !sameCue(raw[r], st) && (nested(st, in: raw[r]) || nested(raw[r], in: st))) }) {
                raw.append(st)
            }
        }
    }

    /// Reported speech the tagger finds: each content span with the nearest cue of its sentence
    /// and the source nearest that cue. A content span wholly inside a quotation is left to the
    /// rules for quotations.
    func modelStatements(_ inputs: [Tagger.Inputs], tagger: Tagger = .shared) -> [RawStatement] {
        var out = [RawStatement]()
        var scratch = Tagger.Scratch()
        var spans: [(kind: Tagger.Tag, first: Int, last: Int)] = []
        inputs.withUnsafeBufferPointer { x in
            for s in 0..<sentLo.count where sentHi[s] > sentLo[s] {
                let lo = Int(sentLo[s]), hi = Int(sentHi[s])
                tagger.tag(x, lo, hi, into: &scratch)
                let margins = scratch.margins
                spans.removeAll(keepingCapacity: true)
                for (k, tag) in scratch.tags.enumerated() {
                    switch tag {
                    case .bS, .bQ, .bC: spans.append((tag, lo + k, lo + k))
                    case .iS, .iQ, .iC: spans[spans.count - 1].last = lo + k
                    case .o: break
                    }
                }
                func gap(_ a: (first: Int, last: Int), _ b: (first: Int, last: Int)) -> Int {
                    a.last < b.first ? b.first - a.last : a.first > b.last ? a.first - b.last : 0
                }
                for c in spans where c.kind == .bC {
                    var allQuoted = true, anyQuoted = false, words = 0
                    for j in c.first...c.last {
                        if inRun[j] >= 0 { anyQuoted = true } else { allQuoted = false }
                        if isWord(j) { words += 1 }
                    }
                    guard !allQuoted, words >= 2 else { continue }
                    guard let q = spans.filter({ $0.kind == .bQ }).min(by: { gap(($0.first, $0.last), (c.first, c.last)) < gap(($1.first, $1.last), (c.first, c.last)) }) else { continue }
                    let source = spans.filter { $0.kind == .bS }.min { gap(($0.first, $0.last), (q.first, q.last)) < gap(($1.first, $1.last), (q.first, q.last)) }
                    var st = RawStatement(kind: anyQuoted ? .partial : .indirect, contentFirst: c.first, contentLast: c.last,
                                          content: spanOf(c.first, c.last), anchor: q.first)
                    st.cueFirst = q.first
                    st.cueLast = q.last
                    // confidence: the mean margin of the content's tags and of the cue's, averaged
                    var contentSum: Float = 0, cueSum: Float = 0
                    for j in c.first...c.last { contentSum += margins[j - lo] }
                    for j in q.first...q.last { cueSum += margins[j - lo] }
                    st.confidence = (contentSum / Float(c.last - c.first + 1) + cueSum / Float(q.last - q.first + 1)) / 2
                    if let sp = source {
                        st.speaker = speakerPhrase(sp.first, sp.last, lo: lo)
                    } else {
                        // no source marked: the rules' speaker next to the cue
                        st.speaker = q.first > c.last ? speakerAfter(q.last + 1, hi: hi) ?? speakerBefore(q.first, lo: lo)
                                                      : speakerBefore(q.first, lo: lo)
                    }
                    st.place = q.first > c.last ? place(q.last + 1, hi) : place(lo, c.first)
                    out.append(st)
                }
            }
        }
        return out
    }

    /// The speaker phrase of a source span the tagger marked.
    func speakerPhrase(_ first: Int, _ last: Int, lo: Int) -> SpeakerPhrase {
        if first == last, isWord(first), bits[first].contains(.pron) {
            return SpeakerPhrase(first: first, last: last, kind: .pronoun)
        }
        if first == last, sp(first) == .who {
            let k = first - 1 >= lo && isComma(first - 1) ? first - 2 : first - 1
            if k >= lo, let a = npCoreBackward(k, lo: lo) {
                return SpeakerPhrase(first: first, last: last, kind: .relative, antecedentFirst: a.first, antecedentLast: a.last)
            }
        }
        return SpeakerPhrase(first: first, last: last, kind: .named)
    }
}
