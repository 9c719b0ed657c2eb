/// The statistical part of entity recognition: a greedy left-to-right BIO tagger over the
/// four CoNLL classes (PER, ORG, LOC, MISC) with the averaged-perceptron weights of
/// ``NERModel``. Its features mirror `scripts/train-ner.py` (keep the two in step):
///
/// static, per token: `b` (bias), `w` (ASCII-folded word), `sh` (shape: X/x/d/punctuation,
/// runs collapsed, 8 characters at most), `pw`/`nw`/`ppw`/`nnw` (neighbour words, `<s>`/`</s>`
/// outside the sentence), `psh`/`nsh` (neighbour shapes), `shw` (shape + next shape),
/// `pshw` (previous shape + shape), `s3`/`p3` (3-letter suffix/prefix of ASCII words of 4+
/// letters), `si`/`siw` (sentence-initial shape/word), `cl` (shape on an ALL-CAPS line),
/// `g`/`pg`/`ng` (gazetteer B-/I-TYPE of the token and its neighbours), `fn`/`pfn` (token /
/// previous token is a common first name), `ti` (previous token is a title), `hd`/`nhd`
/// (token / next token is a name head such as `Ministry`, with its type);
/// dynamic: `pt` (previous tag), `pt2` (two previous tags), `ptsh` (previous tag + shape).
/// Lower-case words and punctuation after an `O` are `O` without scoring.
enum NERTagger {
    /// CoNLL class of a tagged span.
    enum Class: Int { case per = 0, org, loc, misc }

    struct Span {
        var first: Int   // token index
        var end: Int     // token index, exclusive
        var cls: Class
    }

    static let T = (
        b: FeatureHash.string("b"), w: FeatureHash.string("w"), sh: FeatureHash.string("sh"),
        pw: FeatureHash.string("pw"), nw: FeatureHash.string("nw"), psh: FeatureHash.string("psh"),
        nsh: FeatureHash.string("nsh"), ppw: FeatureHash.string("ppw"), nnw: FeatureHash.string("nnw"),
        shw: FeatureHash.string("shw"), pshw: FeatureHash.string("pshw"), s3: FeatureHash.string("s3"),
        p3: FeatureHash.string("p3"), si: FeatureHash.string("si"), siw: FeatureHash.string("siw"),
        cl: FeatureHash.string("cl"), g: FeatureHash.string("g"), pg: FeatureHash.string("pg"),
        ng: FeatureHash.string("ng"), fn: FeatureHash.string("fn"), pfn: FeatureHash.string("pfn"),
        ti: FeatureHash.string("ti"), hd: FeatureHash.string("hd"), nhd: FeatureHash.string("nhd"),
        pt: FeatureHash.string("pt"), pt2: FeatureHash.string("pt2"), ptsh: FeatureHash.string("ptsh"))
    static let bos = FeatureHash.string("<s>")
    static let eos = FeatureHash.string("</s>")
    static let tagHash: [UInt64] = NERModel.tags.map { FeatureHash.string($0) }

    /// Gazetteer tag strings `B-GPE`, `I-ORG`… hashed, indexed by [isInside][EntityType index].
    static let gazHash: [[UInt64]] = [
        EntityType.allCases.map { FeatureHash.string("B-" + $0.rawValue) },
        EntityType.allCases.map { FeatureHash.string("I-" + $0.rawValue) },
    ]

    static let firstNames = ByteTable(lexicon: "first-names.txt", foldCase: false, capacity: 1024)

    /// Single-word titles (folded, without a final period).
    static let titleWords: ByteTable<Bool> = {
        var t = ByteTable<Bool>(foldCase: true, capacity: 256)
        for f in LexiconFiles.entries("titles.txt") where !f[0].contains(" ") {
            var w = f[0]
            while w.hasSuffix(".") { w.removeLast() }
            t.insert(w, true)
        }
        return t
    }()

    /// Capitalised single-word name heads → hash of their type name.
    static let heads: ByteTable<UInt64> = {
        var t = ByteTable<UInt64>(foldCase: false, capacity: 256)
        for f in LexiconFiles.entries("name-heads.txt") where f.count > 1 && !f[0].contains(" ") {
            if let c = f[0].unicodeScalars.first, c.properties.isUppercase { t.insert(f[0], FeatureHash.string(f[1])) }
        }
        return t
    }()

    struct TokenInfo {
        var word: UInt64 = 0
        var shape: UInt64 = 0
        var s3: UInt64 = 0
        var p3: UInt64 = 0
        var gaz: UInt64 = 0      // 0 = none
        var head: UInt64 = 0     // 0 = none
        var hasAffix = false
        var firstName = false
    }

    /// Shape characters of ASCII bytes: X, x, d, or the byte itself.
    static let asciiShape: [UInt8] = (0..<128).map { b -> UInt8 in
        switch b {
        case 0x41...0x5A: return 0x58
        case 0x61...0x7A: return 0x78
        case 0x30...0x39: return 0x64
        default: return UInt8(b)
        }
    }

    /// Word, shape and affix hashes of a token, and its lexicon flags.
    @inline(__always)
    static func info(_ p: UnsafeBufferPointer<UInt8>, _ t: Token, _ shapeTable: UnsafeBufferPointer<UInt8>) -> TokenInfo {
        var r = TokenInfo()
        let s = Int(t.byteStart), e = Int(t.byteEnd)
        var wh = FeatureHash.seed
        var sh = FeatureHash.seed
        var chars = 0
        var last: UInt32 = 0xFFFF_FFFF
        var ascii = true
        var i = s
        while i < e {
            let b = p[i]
            if b < 0x80 {
                wh = FeatureHash.add(wh, (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b)
                if chars < 8 {
                    let o = UInt32(shapeTable[Int(b)])
                    if o != last { sh = FeatureHash.add(sh, UInt8(o)); chars += 1; last = o }
                }
                i += 1
                continue
            }
            ascii = false
            let (c, len, v) = Tokenizer.classify(p, i)
            for k in 0..<len { wh = FeatureHash.add(wh, p[i + k]) }
            if chars < 8 {
                var out: UInt32
                switch c {
                case .upper: out = 0x58
                case .lower, .caseless: out = 0x78
                default: out = v
                }
                if out != last {
                    if out == v {
                        for k in 0..<len { sh = FeatureHash.add(sh, p[i + k]) }
                    } else {
                        sh = FeatureHash.add(sh, UInt8(out))
                    }
                    chars += 1
                    last = out
                }
            }
            i += len
        }
        r.word = wh
        r.shape = sh
        if ascii && e - s >= 4 {
            r.hasAffix = true
            r.s3 = FeatureHash.bytes(p, e - 3, e, fold: true)
            r.p3 = FeatureHash.bytes(p, s, s + 3, fold: true)
        }
        if t.kind == .word && t.has(.capitalized) {
            r.firstName = firstNames.find(p, s, e) != nil
            r.head = heads.value(p, s, e) ?? 0
        }
        return r
    }

    @inline(__always)
    static func isTitle(_ p: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
        guard t.kind == .word else { return false }
        let s = Int(t.byteStart)
        var e = Int(t.byteEnd)
        while e > s && p[e - 1] == 0x2E { e -= 1 }
        return e > s && titleWords.find(p, s, e) != nil
    }

    /// A gazetteer match found while tagging: tokens `first..<first+length`.
    struct GazetteerMatch {
        var first: Int
        var length: Int
        var entry: Gazetteer.Entry
    }

    /// Tags the tokens of every sentence. Returns spans in document order, and the gazetteer
    /// matches (longest, left to right, from capitalised words) it used as features.
    static func tag(_ text: DocumentText, _ tokens: [Token], gazetteer: Gazetteer,
                    model: PerceptronWeights = NERModel.shared) -> ([Span], [GazetteerMatch]) {
        var spans = [Span]()
        var matches = [GazetteerMatch]()
        let n = tokens.count
        if n == 0 { return (spans, matches) }
        var infos = [TokenInfo](repeating: TokenInfo(), count: n)
        var scratch = [UInt8]()
        scratch.reserveCapacity(256)
        let scores = UnsafeMutablePointer<Float>.allocate(capacity: NERModel.nTags)
        defer { scores.deallocate() }
        text.utf8.withUnsafeBufferPointer { p in
            asciiShape.withUnsafeBufferPointer { shapeTable in
                tokens.withUnsafeBufferPointer { tk in
                    infos.withUnsafeMutableBufferPointer { inf in
                        for i in 0..<n { inf[i] = info(p, tk[i], shapeTable) }
                        var sStart = 0
                        while sStart < n {
                            var sEnd = sStart + 1
                            while sEnd < n && tk[sEnd].sentence == tk[sStart].sentence { sEnd += 1 }
                            // gazetteer B-/I- tags, longest match from capitalised tokens
                            var i = sStart
                            while i < sEnd {
                                if tk[i].kind == .word && tk[i].has(.capitalized),
                                   let (L, e) = gazetteer.match(p, tokens, i, sEnd, scratch: &scratch) {
                                    let ti = e.type.ordinal
                                    for k in i..<(i + L) { inf[k].gaz = gazHash[k == i ? 0 : 1][ti] }
                                    matches.append(GazetteerMatch(first: i, length: L, entry: e))
                                    i += L
                                } else {
                                    i += 1
                                }
                            }
                            tagSentence(p, tk, UnsafeBufferPointer(inf), sStart, sEnd, model, scores, &spans)
                            sStart = sEnd
                        }
                    }
                }
            }
        }
        return (spans, matches)
    }

    static func tagSentence(_ p: UnsafeBufferPointer<UInt8>, _ tokens: UnsafeBufferPointer<Token>,
                            _ infos: UnsafeBufferPointer<TokenInfo>, _ s: Int, _ e: Int, _ model: PerceptronWeights,
                            _ sp: UnsafeMutablePointer<Float>, _ spans: inout [Span]) {
        var prev = -1, prev2 = -1   // tag indices; -1 = <s>
        var open: Span? = nil
        let m = FeatureHash.mix
        for i in s..<e {
            let t = tokens[i]
            let pO = prev <= 0
            var best = 0
            if pO && ((t.kind == .word && t.has(.lowercase)) || t.kind == .punctuation || t.kind == .quote || t.kind == .possessive || t.kind == .symbol) {
                best = 0
            } else {
                let o = infos[i]
                let hasP = i > s, hasQ = i + 1 < e
                let pw = hasP ? infos[i - 1].word : bos, nw = hasQ ? infos[i + 1].word : eos
                let psh = hasP ? infos[i - 1].shape : bos, nsh = hasQ ? infos[i + 1].shape : eos
                let ppw = i - 2 >= s ? infos[i - 2].word : bos
                let nnw = i + 2 < e ? infos[i + 2].word : eos
                for j in 0..<NERModel.nTags { sp[j] = 0 }
                model.add(T.b, to: sp)
                model.add(m(T.w, o.word), to: sp)
                model.add(m(T.sh, o.shape), to: sp)
                model.add(m(T.pw, pw), to: sp)
                model.add(m(T.nw, nw), to: sp)
                model.add(m(T.psh, psh), to: sp)
                model.add(m(T.nsh, nsh), to: sp)
                model.add(m(T.ppw, ppw), to: sp)
                model.add(m(T.nnw, nnw), to: sp)
                model.add(m(m(T.shw, o.shape), nsh), to: sp)
                model.add(m(m(T.pshw, psh), o.shape), to: sp)
                if o.hasAffix {
                    model.add(m(T.s3, o.s3), to: sp)
                    model.add(m(T.p3, o.p3), to: sp)
                }
                if t.has(.sentenceInitial) {
                    model.add(m(T.si, o.shape), to: sp)
                    model.add(m(T.siw, o.word), to: sp)
                }
                if t.has(.inCapsLine) { model.add(m(T.cl, o.shape), to: sp) }
                if o.gaz != 0 { model.add(m(T.g, o.gaz), to: sp) }
                if hasP && infos[i - 1].gaz != 0 { model.add(m(T.pg, infos[i - 1].gaz), to: sp) }
                if hasQ && infos[i + 1].gaz != 0 { model.add(m(T.ng, infos[i + 1].gaz), to: sp) }
                if o.firstName { model.add(T.fn, to: sp) }
                if hasP && infos[i - 1].firstName { model.add(T.pfn, to: sp) }
                if hasP && isTitle(p, tokens[i - 1]) { model.add(T.ti, to: sp) }
                if o.head != 0 { model.add(m(T.hd, o.head), to: sp) }
                if hasQ && infos[i + 1].head != 0 { model.add(m(T.nhd, infos[i + 1].head), to: sp) }
                let pth = prev < 0 ? bos : tagHash[prev]
                let pt2h = prev2 < 0 ? bos : tagHash[prev2]
                model.add(m(T.pt, pth), to: sp)
                model.add(m(m(T.pt2, pt2h), pth), to: sp)
                model.add(m(m(T.ptsh, pth), o.shape), to: sp)
                var bs: Float = -.infinity
                for j in 0..<NERModel.nTags {
                    // I-X only after B-X / I-X
                    if j > 0 && j % 2 == 0 && (prev <= 0 || (prev + 1) / 2 != j / 2) { continue }
                    if sp[j] > bs { bs = sp[j]; best = j }
                }
            }
            // spans
            if best == 0 || best % 2 == 1 {
                if let o = open { spans.append(o); open = nil }
                if best != 0 { open = Span(first: i, end: i + 1, cls: Class(rawValue: (best - 1) / 2)!) }
            } else {
                open?.end = i + 1
            }
            prev2 = prev
            prev = best
        }
        if let o = open { spans.append(o) }
    }
}
