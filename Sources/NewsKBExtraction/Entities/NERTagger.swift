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
    static let typeIndex: [EntityType: Int] = {
        var d = [EntityType: Int]()
        for (i, t) in EntityType.allCases.enumerated() { d[t] = i }
        return d
    }()

    static let firstNames: ByteTable<Bool> = {
        var t = ByteTable<Bool>(foldCase: false, capacity: 1024)
        for f in LexiconFiles.entries("first-names.txt") { t.insert(f[0], true) }
        return t
    }()

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
        var title = false        // this token is a title word
    }

    /// Shape and folded-word hashes of token bytes.
    @inline(__always)
    static func info(_ p: UnsafeBufferPointer<UInt8>, _ t: Token) -> TokenInfo {
        var r = TokenInfo()
        let s = Int(t.byteStart), e = Int(t.byteEnd)
        r.word = FeatureHash.bytes(p, s, e, fold: true)
        var sh = FeatureHash.seed
        var chars = 0
        var last: UInt32 = 0xFFFF_FFFF
        var i = s
        var ascii = true
        while i < e && chars < 8 {
            let (c, len, v) = Tokenizer.classify(p, i)
            var out: UInt32
            switch c {
            case .upper: out = 0x58
            case .lower, .caseless: out = 0x78
            case .digit: out = v < 0x80 ? 0x64 : v
            default: out = v
            }
            if len > 1 { ascii = false }
            if out != last {
                if out == v && len > 1 {
                    for k in 0..<len { sh = FeatureHash.add(sh, p[i + k]) }
                } else {
                    sh = FeatureHash.add(sh, UInt8(out))
                }
                chars += 1
                last = out
            }
            i += len
        }
        r.shape = sh
        if ascii {
            var k = i
            while k < e { if p[k] >= 0x80 { ascii = false; break }; k += 1 }
        }
        if ascii && e - s >= 4 && t.kind != .symbol {
            r.hasAffix = true
            r.s3 = FeatureHash.bytes(p, e - 3, e, fold: true)
            r.p3 = FeatureHash.bytes(p, s, s + 3, fold: true)
        } else if ascii && e - s >= 4 {
            r.hasAffix = true
            r.s3 = FeatureHash.bytes(p, e - 3, e, fold: true)
            r.p3 = FeatureHash.bytes(p, s, s + 3, fold: true)
        }
        if t.kind == .word {
            r.firstName = firstNames.find(p, s, e) != nil
            var te = e
            while te > s && p[te - 1] == 0x2E { te -= 1 }
            r.title = te > s && titleWords.find(p, s, te) != nil
            r.head = heads.value(p, s, e) ?? 0
        }
        return r
    }

    /// Tags the tokens of every sentence. Returns spans in document order.
    static func tag(_ text: DocumentText, _ tokens: [Token], gazetteer: Gazetteer, model: NERModel = .shared) -> [Span] {
        var spans = [Span]()
        let n = tokens.count
        if n == 0 { return spans }
        var infos = [TokenInfo](repeating: TokenInfo(), count: n)
        var scratch = [UInt8]()
        scratch.reserveCapacity(256)
        text.utf8.withUnsafeBufferPointer { p in
            // sentence ranges
            var sStart = 0
            while sStart < n {
                var sEnd = sStart + 1
                while sEnd < n && tokens[sEnd].sentence == tokens[sStart].sentence { sEnd += 1 }
                for i in sStart..<sEnd { infos[i] = info(p, tokens[i]) }
                // gazetteer B-/I- tags, longest match from capitalised tokens
                var i = sStart
                while i < sEnd {
                    if tokens[i].kind == .word && tokens[i].has(.capitalized),
                       let (L, e) = gazetteer.match(p, tokens, i, sEnd, scratch: &scratch) {
                        let ti = typeIndex[e.type] ?? 0
                        for k in i..<(i + L) { infos[k].gaz = gazHash[k == i ? 0 : 1][ti] }
                        i += L
                    } else {
                        i += 1
                    }
                }
                tagSentence(tokens, infos, sStart, sEnd, model, &spans)
                sStart = sEnd
            }
        }
        return spans
    }

    static func tagSentence(_ tokens: [Token], _ infos: [TokenInfo], _ s: Int, _ e: Int, _ model: NERModel, _ spans: inout [Span]) {
        var prev = -1, prev2 = -1   // tag indices; -1 = <s>
        var open: Span? = nil
        var scores = [Float](repeating: 0, count: NERModel.nTags)
        for i in s..<e {
            let t = tokens[i]
            let pO = prev <= 0
            var best = 0
            if pO && ((t.kind == .word && t.has(.lowercase)) || t.kind == .punctuation || t.kind == .quote || t.kind == .possessive || t.kind == .symbol) {
                best = 0
            } else {
                let o = infos[i]
                let hp = i > s ? infos[i - 1] : nil
                let hq = i + 1 < e ? infos[i + 1] : nil
                let pw = hp?.word ?? bos, nw = hq?.word ?? eos
                let psh = hp?.shape ?? bos, nsh = hq?.shape ?? eos
                let ppw = i - 2 >= s ? infos[i - 2].word : bos
                let nnw = i + 2 < e ? infos[i + 2].word : eos
                let m = FeatureHash.mix
                scores.withUnsafeMutableBufferPointer { sc in
                    let sp = sc.baseAddress!
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
                    if let hp, hp.gaz != 0 { model.add(m(T.pg, hp.gaz), to: sp) }
                    if let hq, hq.gaz != 0 { model.add(m(T.ng, hq.gaz), to: sp) }
                    if o.firstName { model.add(T.fn, to: sp) }
                    if let hp, hp.firstName { model.add(T.pfn, to: sp) }
                    if let hp, hp.title, tokens[i - 1].kind == .word { model.add(T.ti, to: sp) }
                    if o.head != 0 { model.add(m(T.hd, o.head), to: sp) }
                    if let hq, hq.head != 0 { model.add(m(T.nhd, hq.head), to: sp) }
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
