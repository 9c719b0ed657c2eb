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
/// The rules live in one file per section: `+Quotations` (quote marks and their reporting clauses),
/// `+ReportedSpeech` (reporting verbs and nouns, `according to`, colon lead-ins), `+Speakers` (the
/// phrase next to a cue), `+Place` (where it was said), `+Resolution` (a phrase to an entity). A
/// learned tagger (``AttributionTagger``, `+Model`) reads every sentence too: it refines the content
/// of the reported statements the rules find and adds the ones they miss when it is confident.
///
/// Cost: one tokenization (when tokens are not given), one pass to pair quotation marks, one
/// pass over reporting cues with bounded look-around, one pass of the tagger: linear in the document.
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
    /// For the tagger's statements, the mean margin of its content tags (see ``AttributionTagger``).
    var confidence: Float = .infinity
    /// A statement of the rules that the tagger found too (the same cue, much the same content).
    var confirmed = false
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

    // MARK: - driver

    mutating func run() -> [Statement] {
        var raw = ruleStatements()
        let found = modelStatements(attributionInputs(raw))
        Self.merge(found, into: &raw)
        dropWeakCues(&raw)
        dropModifierCues(&raw)
        raw.sort { $0.anchor != $1.anchor ? $0.anchor < $1.anchor : $0.contentFirst < $1.contentFirst }
        return resolve(raw)
    }

    /// The statements the rules find: quotations (`+Quotations`), then reported speech
    /// (`+ReportedSpeech`), then the quotations that continue a reported statement or that one
    /// already holds.
    mutating func ruleStatements() -> [RawStatement] {
        classify()
        pairQuotes()
        var raw = quotations()
        reportedSpeech(into: &raw)
        mergeFollowingQuotations(&raw)
        dropHeldQuotations(&raw)
        return raw
    }
}
