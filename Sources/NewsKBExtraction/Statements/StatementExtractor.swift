/// Finds attributed statements — who said what, where — in one document.
///
/// Three kinds (``Statement/Kind``):
/// - `direct`: a quotation in quote marks, attributed by a reporting clause after it
///   (`“…,” he said.`, `“…,” said Peskov.`), before it (`Putin said: “…”`, `…, stating, “…”`),
///   or by the running speaker of the passage (a paragraph that is only a quotation continues
///   the previous speaker). `“A,” X said. “B.”` is one statement; a quotation that runs over
///   paragraphs (a paragraph without a closing mark, the next opening with one) is one statement.
/// - `partial`: reported speech whose content contains a quoted fragment
///   (`negotiations were “actively advancing”`).
/// - `indirect`: reported speech: `X said (that) …`, `…, X said.`, `…, said X.`,
///   `A, X said, B.`, `according to X, …`, `X told reporters …`, `…, adding that …`,
///   `X was quoted as saying …`, colon lead-ins, reporting nouns (`the Kremlin’s statement
///   suggests …`, `denials from Pyongyang that …`).
///
/// Speakers: the speaker phrase next to the cue (a name, an appositive `John Kirby, the NSC
/// spokesman,`, a pronoun, a description `the spokesman`, an unnamed source `a US official`),
/// resolved to a document entity when one is available: the entity whose mention lies in the
/// phrase; for pronouns the running person speaker (or the last person named outside
/// quotations); for descriptions the entity the document gives that role. Without entities,
/// `speakerPhrase` carries the phrase (pronouns: the phrase of the speaker they refer to).
///
/// Spans are code points. Content of direct quotations excludes the outer marks; content of
/// reported speech runs from after the cue (including `that`) to the end of the sentence, or
/// from the start of the sentence to the comma before the reporting clause.
///
/// Cost: one tokenization (when tokens are not given), one pass to pair quotation marks, one
/// pass over reporting cues with bounded look-around: linear in the document.
public enum StatementExtractor {
    /// The longest content of reported (not directly quoted) speech, in tokens.
    static let maxReportedTokens = 250

    /// Entry point used by ``Analyzer``: tokenizes `text` itself.
    public static func extract(_ text: DocumentText, sentences: [Sentence], entities: [DocumentEntity],
                               mentions: [EntityMention]) -> [Statement] {
        let tokens = Tokenizer.tokenize(text)
        return extract(text, tokens: tokens, sentences: sentences, entities: entities, mentions: mentions)
    }

    /// Same, reusing the tokens of ``Tokenizer/tokenize(_:)`` (with sentence indices filled in).
    public static func extract(_ text: DocumentText, tokens: [Token], sentences: [Sentence],
                               entities: [DocumentEntity], mentions: [EntityMention]) -> [Statement] {
        if tokens.isEmpty { return [] }
        var x = StatementScanner(text: text, tokens: tokens, sentences: sentences, entities: entities, mentions: mentions)
        return x.run()
    }
}

/// A speaker phrase found next to a cue: token range `first...last` and what kind of phrase.
struct SpeakerPhrase {
    enum Kind { case pronoun, relative, named, description }
    var first: Int
    var last: Int
    var kind: Kind
    /// For a relative pronoun (`…, who said`) the phrase it refers to.
    var antecedentFirst: Int = -1
    var antecedentLast: Int = -1
}

/// A statement before speaker resolution.
struct RawStatement {
    var kind: Statement.Kind
    var contentFirst: Int   // token indices, inclusive
    var contentLast: Int
    /// Content code-point span, when it does not follow token edges (direct: inside the marks).
    var content: TextSpan
    var cueFirst: Int = -1
    var cueLast: Int = -1
    var speaker: SpeakerPhrase?
    /// Inherit the speaker of the previous statement (a quotation with no reporting clause).
    var inherit = false
    var place: TextSpan?
    /// Sort key: the token where the attribution happens.
    var anchor: Int
}

struct StatementScanner {
    typealias B = StatementLexicon.Bits
    let text: DocumentText
    let toks: [Token]
    let sentences: [Sentence]
    let entities: [DocumentEntity]
    let mentions: [EntityMention]
    let n: Int
    var bits: [B]
    /// Small id for a handful of words the grammar needs by name (see `Special`).
    var special: [UInt8]
    /// First byte of a punctuation token (`,` `:` `.` `;` `(` `)`), 0 otherwise.
    var punct: [UInt8]
    /// Paragraph index of each token.
    var para: [Int32]
    /// Index into `runs` of the quotation holding each token (marks included), -1 outside.
    var inRun: [Int32]
    var runs: [QuoteRun] = []
    /// Token range of each sentence (by the tokens' sentence index).
    var sentLo: [Int32] = []
    var sentHi: [Int32] = []
    /// Cue tokens already used by a statement.
    var usedCue: [Bool]
    /// Tokens that are part of a direct statement's content.
    var inDirect: [Bool]
    /// Cue positions and speakers of the direct statements, sorted by position.
    var directAnchors: [Int] = []
    var directSpeakers: [SpeakerPhrase?] = []

    enum Special: UInt8 {
        case none = 0, according, to, as_, that, by, be, it, in_, at, during, from, about, of, colonWord,
             they, we, i, he, she, objPron, who, the, a, with, interview, quoted, saying, month, said, for_, on_, asked_, period, and_, but_, if_, whether_
    }

    struct QuoteRun {
        var open: Int      // token index of the opening mark
        var close: Int     // token index of the closing mark, or -1 when unclosed
        var last: Int      // last token inside the quotation
        var words: Int
        /// Last token of the opening mark and of the closing mark (`''` is two tokens).
        var openEnd: Int = -1
        var closeEnd: Int = -1
    }

    init(text: DocumentText, tokens: [Token], sentences: [Sentence], entities: [DocumentEntity], mentions: [EntityMention]) {
        self.text = text
        self.toks = tokens
        self.sentences = sentences
        self.entities = entities
        self.mentions = mentions
        n = tokens.count
        bits = [B](repeating: [], count: n)
        special = [UInt8](repeating: 0, count: n)
        punct = [UInt8](repeating: 0, count: n)
        para = [Int32](repeating: 0, count: n)
        inRun = [Int32](repeating: -1, count: n)
        usedCue = [Bool](repeating: false, count: n)
        inDirect = [Bool](repeating: false, count: n)
    }

    static let specials: ByteTable<UInt8> = {
        var t = ByteTable<UInt8>(foldCase: true, capacity: 64)
        let m: [(String, Special)] = [
            ("according", .according), ("to", .to), ("as", .as_), ("that", .that), ("by", .by),
            ("is", .be), ("are", .be), ("was", .be), ("were", .be), ("be", .be), ("been", .be), ("being", .be),
            ("it", .it), ("in", .in_), ("at", .at), ("during", .during), ("from", .from), ("about", .about),
            ("of", .of), ("they", .they), ("we", .we), ("i", .i), ("he", .he), ("she", .she),
            ("me", .objPron), ("him", .objPron), ("her", .objPron), ("them", .objPron), ("us", .objPron),
            ("who", .who), ("the", .the), ("a", .a), ("an", .a), ("with", .with), ("interview", .interview),
            ("quoted", .quoted), ("saying", .saying), ("said", .said), ("for", .for_), ("on", .on_), ("asked", .asked_), ("week", .period), ("month", .period), ("year", .period),
            ("and", .and_), ("but", .but_), ("if", .if_), ("whether", .whether_),
            ("january", .month), ("february", .month), ("march", .month), ("april", .month), ("june", .month),
            ("july", .month), ("august", .month), ("september", .month), ("october", .month),
            ("november", .month), ("december", .month), ("monday", .month), ("tuesday", .month),
            ("wednesday", .month), ("thursday", .month), ("friday", .month), ("saturday", .month), ("sunday", .month),
        ]
        for (w, s) in m { t.insert(w, s.rawValue) }
        return t
    }()

    /// A word's lexicon bits and its ``Special`` id (``specials``), found with one look-up.
    struct WordClass { var bits: B; var special: UInt8 }
    static let wordClasses: ByteTable<WordClass> = {
        var t = ByteTable<WordClass>(foldCase: true, capacity: 2048)
        StatementLexicon.shared.table.forEach { key, bits in t.insert(key, 0, key.count, WordClass(bits: bits, special: 0)) }
        specials.forEach { key, special in
            var c = t.value(key, 0, key.count) ?? WordClass(bits: [], special: 0)
            c.special = special
            t.insert(key, 0, key.count, c)
        }
        return t
    }()

    // MARK: - token classification

    mutating func classify() {
        let lex = StatementLexicon.shared
        var paragraph: Int32 = -1
        text.utf8.withUnsafeBufferPointer { p in
            for i in 0..<n {
                let t = toks[i]
                if t.has(.lineInitial) || i == 0 { paragraph += 1 }
                para[i] = paragraph
                let s = Int(t.byteStart), e = Int(t.byteEnd)
                switch t.kind {
                case .word:
                    let c = Self.wordClasses.value(p, s, e)
                    // "Mr." keeps its period in the token; look up without it too
                    var b = c?.bits ?? []
                    if b.isEmpty, t.has(.abbreviation), e - s > 1 { b = lex.bits(p, s, e - 1) }
                    bits[i] = b
                    special[i] = c?.special ?? 0
                case .punctuation:
                    punct[i] = p[s]
                    if t.has(.dash) { punct[i] = 0x2D }
                default:
                    break
                }
            }
        }
        // sentence ranges
        var maxS: Int32 = 0
        for t in toks { maxS = max(maxS, t.sentence) }
        sentLo = [Int32](repeating: Int32.max, count: Int(maxS) + 1)
        sentHi = [Int32](repeating: -1, count: Int(maxS) + 1)
        for i in 0..<n {
            let s = Int(max(0, toks[i].sentence))
            if sentLo[s] == Int32.max { sentLo[s] = Int32(i) }
            sentHi[s] = Int32(i + 1)
        }
        // sentences that got no tokens: make them empty ranges
        for s in 0..<sentLo.count where sentLo[s] == Int32.max { sentLo[s] = 0; sentHi[s] = 0 }
    }

    @inline(__always) func isWord(_ i: Int) -> Bool { i >= 0 && i < n && (toks[i].kind == .word || toks[i].kind == .number) }
    @inline(__always) func isCap(_ i: Int) -> Bool { toks[i].kind == .word && (toks[i].has(.capitalized) || toks[i].has(.allCaps)) }
    @inline(__always) func sp(_ i: Int) -> Special { Special(rawValue: special[i]) ?? .none }
    @inline(__always) func isPunct(_ i: Int, _ c: UInt8) -> Bool { i >= 0 && i < n && punct[i] == c && toks[i].kind == .punctuation }
    @inline(__always) func isComma(_ i: Int) -> Bool { isPunct(i, 0x2C) }
    @inline(__always) func isColon(_ i: Int) -> Bool { isPunct(i, 0x3A) }
    @inline(__always) func isDash(_ i: Int) -> Bool { i >= 0 && i < n && toks[i].kind == .punctuation && toks[i].has(.dash) }
    @inline(__always) func isSentenceEndPunct(_ i: Int) -> Bool {
        i >= 0 && i < n && toks[i].kind == .punctuation && (punct[i] == 0x2E || punct[i] == 0x21 || punct[i] == 0x3F || toks[i].has(.ellipsis))
    }
    @inline(__always) func sentenceOf(_ i: Int) -> Int { Int(max(0, toks[i].sentence)) }
    @inline(__always) func sLo(_ i: Int) -> Int { Int(sentLo[sentenceOf(i)]) }
    @inline(__always) func sHi(_ i: Int) -> Int { Int(sentHi[sentenceOf(i)]) }
    /// A reporting verb (any class).
    @inline(__always) func isVerbCue(_ i: Int) -> Bool { toks[i].kind == .word && !bits[i].intersection(B.anyVerb).isEmpty && !isCap(i) }

    // MARK: - quotation marks

    /// 2 = double mark, 1 = single mark, 0 = not a quotation mark. Two adjacent straight
    /// apostrophes (`''`, an old newswire convention) count as one double mark on the first.
    func markKind(_ i: Int) -> Int {
        let t = toks[i]
        guard t.kind == .quote else { return 0 }
        let b0 = text.utf8[Int(t.byteStart)]
        if b0 == 0x22 { return 2 }
        if b0 == 0x27 {
            if i + 1 < n, toks[i + 1].kind == .quote, toks[i + 1].byteStart == t.byteEnd, text.utf8[Int(toks[i + 1].byteStart)] == 0x27 { return 2 }
            if i > 0, toks[i - 1].kind == .quote, toks[i - 1].byteEnd == t.byteStart, text.utf8[Int(toks[i - 1].byteStart)] == 0x27 { return -1 } // second half
            return 1
        }
        let s = text.utf8
        let st = Int(t.byteStart)
        if st + 2 < s.count, s[st] == 0xE2, s[st + 1] == 0x80 {
            switch s[st + 2] {
            case 0x9C, 0x9D, 0x9E, 0x9F: return 2   // “ ” „ ‟
            case 0x98, 0x99, 0x9A, 0x9B: return 1   // ‘ ’ ‚ ‛
            default: return 0
            }
        }
        if st + 1 < s.count, s[st] == 0xC2, s[st + 1] == 0xAB || s[st + 1] == 0xBB { return 2 } // « »
        return 1
    }

    /// Whether the mark at `i` opens (true) or closes (false) a quotation.
    func opens(_ i: Int, kind: Int) -> Bool {
        let t = toks[i]
        if kind == 2, text.utf8[Int(t.byteStart)] == 0x27 {
            // '' : decide by the surrounding space
            let second = i + 1 < n ? toks[i + 1] : t
            let spaceAfter = second.has(.spaceAfter)
            let spaceBefore = t.has(.spaceBefore) || t.has(.lineInitial)
            if spaceBefore && !spaceAfter { return true }
            if spaceAfter && !spaceBefore { return false }
            return spaceBefore
        }
        if t.has(.openingQuote) { return true }
        if t.has(.closingQuote) { return false }
        return t.has(.spaceBefore) || t.has(.lineInitial)
    }

    mutating func pairQuotes() {
        var open = -1
        var parasSpanned = 0
        var words = 0
        var i = 0
        while i < n {
            if open >= 0 && i > 0 && para[i] != para[i - 1] {
                // paragraph break inside a quotation
                let k = markKind(i)
                if k == 2 && opens(i, kind: 2) && parasSpanned < 4 {
                    parasSpanned += 1          // news convention: the quotation continues
                    i += 1
                    continue
                }
                runs.append(QuoteRun(open: open, close: -1, last: i - 1, words: words))
                open = -1
            }
            let k = markKind(i)
            if k == 2 {
                if open < 0 {
                    if opens(i, kind: 2) { open = i; parasSpanned = 0; words = 0 }
                } else if !opens(i, kind: 2) || text.utf8[Int(toks[i].byteStart)] == 0x22 || text.utf8[Int(toks[i].byteStart)] == 0x27 {
                    runs.append(QuoteRun(open: open, close: i, last: i - 1, words: words))
                    open = -1
                } else {
                    // a second opening mark: the first was never closed
                    runs.append(QuoteRun(open: open, close: -1, last: i - 1, words: words))
                    open = i; parasSpanned = 0; words = 0
                }
                if text.utf8[Int(toks[i].byteStart)] == 0x27 { i += 1 } // skip the second half of ''
            } else if isWord(i) {
                words += 1
            }
            i += 1
        }
        if open >= 0 { runs.append(QuoteRun(open: open, close: -1, last: n - 1, words: words)) }
        // marks inside markup attributes (`timestamp="…"`) are not quotations
        runs.removeAll { q in q.open > 0 && toks[q.open - 1].byteEnd == toks[q.open].byteStart && text.utf8[Int(toks[q.open - 1].byteStart)] == 0x3D }
        for k in runs.indices {
            let q = runs[k]
            runs[k].openEnd = q.open + (markKind(q.open) == 2 && text.utf8[Int(toks[q.open].byteStart)] == 0x27 ? 1 : 0)
            if q.close >= 0 {
                runs[k].closeEnd = q.close + (markKind(q.close) == 2 && text.utf8[Int(toks[q.close].byteStart)] == 0x27 ? 1 : 0)
            }
        }
        for (r, q) in runs.enumerated() {
            let end = q.close >= 0 ? max(q.close, q.closeEnd) : q.last
            if end >= q.open { for j in q.open...end { inRun[j] = Int32(r) } }
        }
        // single quotation marks outside double quotations, within one paragraph
        var singles = [QuoteRun]()
        i = 0
        while i < n {
            if inRun[i] < 0, markKind(i) == 1, opens(i, kind: 1), i + 1 < n, isWord(i + 1) {
                var j = i + 1
                var w = 0
                var found = -1
                while j < n, j - i < 80, para[j] == para[i], inRun[j] < 0 {
                    if markKind(j) == 1 && !opens(j, kind: 1) { found = j; break }
                    if markKind(j) == 1 && opens(j, kind: 1) { break }
                    if isWord(j) { w += 1 }
                    j += 1
                }
                if found > 0, w >= 1 {
                    singles.append(QuoteRun(open: i, close: found, last: found - 1, words: w))
                    i = found + 1
                    continue
                }
            }
            i += 1
        }
        if !singles.isEmpty {
            for var q in singles {
                let r = Int32(runs.count)
                q.openEnd = q.open; q.closeEnd = q.close
                runs.append(q)
                for j in q.open...q.close { inRun[j] = r }
            }
            runs.sort { $0.open < $1.open }
            for j in 0..<n { inRun[j] = -1 }
            for (r, q) in runs.enumerated() {
                let end = q.close >= 0 ? max(q.close, q.closeEnd) : q.last
                if end >= q.open { for j in q.open...end { inRun[j] = Int32(r) } }
            }
        }
    }

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
        guard e - a >= 5 else { return false }
        let u = text.utf8
        return u[e - 2] == 0x6C && u[e - 1] == 0x79 && !bits[j].contains(.sourceHead) && !bits[j].contains(.cueNoun)
    }

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

    /// Finds a place adjunct (`at the Eastern Economic Forum`, `in Moscow`) among tokens a..<b,
    /// looking at most `placeWindow` tokens back from b: a place belongs near its reporting
    /// clause, and the bound keeps a sentence with thousands of cues linear.
    func place(_ a: Int, _ b: Int) -> TextSpan? {
        let placeWindow = 48
        var j = max(0, a, b - placeWindow)
        let end = min(n, b)
        while j < end {
            if isWord(j), inRun[j] < 0, sp(j) == .at || sp(j) == .in_ {
                var k = j + 1
                if k < end, sp(k) == .the { k += 1 }
                var last = -1
                while k < end, isWord(k), isCap(k) && sp(k) != .month && !bits[k].contains(.time) || (last >= 0 && sp(k) == .of && k + 1 < end && isCap(k + 1)) {
                    last = k; k += 1
                }
                if last > j { return spanOf(j, last) }
            }
            j += 1
        }
        return nil
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

    // MARK: - driver

    mutating func run() -> [Statement] {
        classify()
        pairQuotes()
        var raw = [RawStatement]()
        // 1. direct quotations
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
        // 2. reported speech
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
        mergeFollowingQuotations(&raw)
        // a quotation without a reporting clause that another statement already holds
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
        raw.sort { $0.anchor != $1.anchor ? $0.anchor < $1.anchor : $0.contentFirst < $1.contentFirst }
        return resolve(raw)
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
            let key = TextSpan(contentSpan.start, contentSpan.end)
            if seen.contains(key) && st.kind != .direct { continue }
            seen.insert(key)
            var speakerSpan: TextSpan?
            var entity: Int?
            var phrase: String?
            var ref: SpeakerRef?
            let p = para[st.contentFirst]
            if let s = st.speaker {
                speakerSpan = spanOf(s.first, s.last)
                switch s.kind {
                case .pronoun:
                    let spk = sp(s.first)
                    if spk == .he || spk == .she {
                        if let lp = lastPerson, p - lp.paragraph <= 3 { ref = lp }
                        else if let m = personMentionBefore(s.first) {
                            ref = SpeakerRef(entity: mentions[m].entity, phrase: nil, isPerson: true, paragraph: p, plural: false)
                        } else if let lp = lastPerson { ref = lp }
                    } else if spk == .they || spk == .we {
                        if let ls = lastSpeaker, ls.plural || !ls.isPerson, p - ls.paragraph <= 2 { ref = ls }
                    } else if spk == .it {
                        if let lo = lastOrg, p - lo.paragraph <= 3 { ref = lo }
                    }
                    if let r = ref { entity = r.entity; phrase = r.entity == nil ? r.phrase : nil }
                    else { phrase = phraseText(s.first, s.last) }
                case .relative:
                    let a = s.antecedentFirst, b = s.antecedentLast
                    if a >= 0 { (entity, phrase, ref) = named(a, b, p, &nameByPart) }
                default:
                    (entity, phrase, ref) = named(s.first, s.last, p, &nameByPart)
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

    /// The last PERSON mention before token `t`, outside quotations, within a few paragraphs.
    func personMentionBefore(_ t: Int) -> Int? {
        let pos = Int(toks[t].start)
        var lo = 0, hi = mentions.count
        while lo < hi { let m = (lo + hi) / 2; if mentions[m].span.start < pos { lo = m + 1 } else { hi = m } }
        var i = lo - 1
        var steps = 0
        while i >= 0, steps < 200 {
            let m = mentions[i]
            if m.entity >= 0, m.entity < entities.count, entities[m.entity].type == .person {
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
        var candidates = [Int]()
        for (i, e) in entities.enumerated() {
            for r in e.roles {
                let words = r.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
                if words.contains(head) && mods.allSatisfy({ m in words.contains(m) || m.count <= 2 }) { candidates.append(i); break }
            }
        }
        if candidates.isEmpty && !mods.isEmpty {
            // "the Russian president" when the document only says "President Putin": the head alone, if unique
            for (i, e) in entities.enumerated() where e.roles.contains(where: { r in
                r.lowercased().split(whereSeparator: { !$0.isLetter }).contains(Substring(head)) }) { candidates.append(i) }
            if candidates.count != 1 { return nil }
        }
        if candidates.isEmpty { return nil }
        if candidates.count == 1 { return candidates[0] }
        // most recent mention before the phrase
        let pos = Int(toks[a].start)
        var lo = 0, hi = mentions.count
        while lo < hi { let m = (lo + hi) / 2; if mentions[m].span.start < pos { lo = m + 1 } else { hi = m } }
        var i = lo - 1
        while i >= 0, lo - i <= 400 {
            if candidates.contains(mentions[i].entity) { return mentions[i].entity }
            i -= 1
        }
        return candidates[0]
    }

    func sentenceIndex(_ pos: Int) -> Int {
        var lo = 0, hi = sentences.count
        while lo < hi { let m = (lo + hi) / 2; if sentences[m].span.end <= pos { lo = m + 1 } else { hi = m } }
        return min(lo, max(0, sentences.count - 1))
    }
}
