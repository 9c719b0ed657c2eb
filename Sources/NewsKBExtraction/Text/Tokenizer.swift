/// Splits a document into ``Token``s: one linear pass over the UTF-8 bytes, no per-token
/// allocation besides the output array.
///
/// Rules (news text): words keep internal hyphens and apostrophes (`al-Baghdadi`, `don't`,
/// `O’Brien`) but a possessive `’s`/`'s` is its own ``Token/Kind/possessive`` token (also in
/// CoNLL-style `Germany 's`); known abbreviations, titles and initials keep their period
/// (`Mr.`, `Lt.`, `Jan.`, `J.`, `U.S.`, `e.g.`); numbers keep decimal and thousands
/// separators and unit suffixes (`3.5`, `1,000`, `$` `1.2bn`, `10:30`, `5th`); `...` and `…`
/// are one ellipsis token; `--` one dash; curly and straight quotation marks are ``Token/Kind/quote``
/// tokens flagged opening or closing from their shape or context; emoji and other symbols are
/// ``Token/Kind/symbol`` tokens, with combining marks, variation selectors and joiners kept
/// on the token they follow.
public enum Tokenizer {
    /// Tokens of the whole text, with sentence indices and `sentenceInitial` flags filled in
    /// (it runs the sentence splitter). Quotation-mark tokens carry opening/closing flags.
    public static func tokenize(_ text: DocumentText) -> [Token] {
        var tokens = scan(text)
        _ = SentenceSplitter.split(text, tokens: &tokens)
        return tokens
    }

    // MARK: - character classes

    enum CC: UInt8 {
        case space, newline, upper, lower, caseless, digit, extend
        case apostrophe     // ' ’
        case quote          // " “ ” ‘ „ « » ‹ › ‚ ‟
        case hyphen         // - ‐ ‑
        case period
        case ellipsis       // …
        case dash           // – — ― ‒
        case punct, symbol
    }

    @inline(__always)
    static func asciiClass(_ b: UInt8) -> CC {
        switch b {
        case 0x61...0x7A: return .lower
        case 0x41...0x5A: return .upper
        case 0x30...0x39: return .digit
        case 0x20, 0x09, 0x0B, 0x0C: return .space
        case 0x0A, 0x0D: return .newline
        case 0x27: return .apostrophe
        case 0x22: return .quote
        case 0x2D: return .hyphen
        case 0x2E: return .period
        case 0x21, 0x28, 0x29, 0x2C, 0x2F, 0x3A, 0x3B, 0x3F, 0x5B, 0x5C, 0x5D, 0x7B, 0x7D, 0x2A: return .punct
        case 0x00...0x08, 0x0E...0x1F, 0x7F: return .space
        default: return .symbol
        }
    }

    static func scalarClass(_ v: UInt32) -> CC {
        switch v {
        case 0x2019: return .apostrophe
        case 0x2018, 0x201C, 0x201D, 0x201E, 0x201A, 0x201F, 0x00AB, 0x00BB, 0x2039, 0x203A, 0x300C, 0x300D: return .quote
        case 0x2010, 0x2011: return .hyphen
        case 0x2012, 0x2013, 0x2014, 0x2015, 0x2212: return .dash
        case 0x2026: return .ellipsis
        case 0x0085, 0x2028, 0x2029: return .newline
        case 0x00A0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000, 0xFEFF, 0x00AD: return .space
        case 0x200C, 0x200D, 0xFE00...0xFE0F, 0xE0020...0xE007F, 0x1F3FB...0x1F3FF: return .extend
        default: break
        }
        guard let s = Unicode.Scalar(v) else { return .symbol }
        let p = s.properties
        switch p.generalCategory {
        case .uppercaseLetter, .titlecaseLetter: return .upper
        case .lowercaseLetter: return .lower
        case .otherLetter, .modifierLetter: return .caseless
        case .nonspacingMark, .spacingMark, .enclosingMark, .format: return .extend
        case .decimalNumber: return .digit
        case .letterNumber, .otherNumber: return .caseless
        case .spaceSeparator: return .space
        case .lineSeparator, .paragraphSeparator: return .newline
        case .control: return .space
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: return .punct
        default: return .symbol
        }
    }

    /// Decodes the scalar at byte `i`: (class, byte length, scalar value).
    @inline(__always)
    static func classify(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (CC, Int, UInt32) {
        let b = p[i]
        if b < 0x80 { return (asciiClass(b), 1, UInt32(b)) }
        var v: UInt32, len: Int
        if b >= 0xF0 { v = UInt32(b & 0x07); len = 4 } else if b >= 0xE0 { v = UInt32(b & 0x0F); len = 3 } else { v = UInt32(b & 0x1F); len = 2 }
        if i + len > p.count { return (.symbol, 1, 0xFFFD) }
        for k in 1..<len { v = (v << 6) | UInt32(p[i + k] & 0x3F) }
        return (scalarClass(v), len, v)
    }

    @inline(__always) static func isLetter(_ c: CC) -> Bool { c == .upper || c == .lower || c == .caseless }
    @inline(__always) static func isAlnum(_ c: CC) -> Bool { isLetter(c) || c == .digit }

    // MARK: - abbreviations

    /// Abbreviation classes of `abbreviations.txt`.
    enum AbbrevClass: UInt8, Sendable {
        /// Titles before a name (Mr., Dr., Gen., Sen.): never end a sentence.
        case title
        /// Before a number (No., Nos., Art., p.): keep the period only before a digit.
        case numeric
        /// Anything else (Inc., Jan., etc., approx.): may end a sentence.
        case other
    }

    static let abbreviations: ByteTable<AbbrevClass> = {
        var t = ByteTable<AbbrevClass>(foldCase: true, capacity: 256)
        for f in LexiconFiles.entries("abbreviations.txt") {
            var key = f[0]
            if key.hasSuffix(".") { key.removeLast() }
            let cls: AbbrevClass = f.count > 1 ? (f[1] == "title" ? .title : f[1] == "numeric" ? .numeric : .other) : .other
            t.insert(key, cls)
        }
        return t
    }()

    // MARK: - scanner

    /// The raw token stream (no sentence information yet: ``SentenceSplitter/split(_:tokens:)``
    /// adds it, as ``Analyzer`` does).
    public static func scan(_ text: DocumentText) -> [Token] {
        text.utf8.withUnsafeBufferPointer { p in scan(p) }
    }

    static func scan(_ p: UnsafeBufferPointer<UInt8>) -> [Token] {
        var state = ScanState(p)
        state.run()
        return state.tokens
    }

    /// The scanner's running state. A struct with mutating methods rather than local functions
    /// capturing local variables: captured variables are boxed and every access to them is
    /// checked for exclusivity at run time, which cost more than the scanning itself.
    private struct ScanState {
        let p: UnsafeBufferPointer<UInt8>
        let n: Int
        var tokens = [Token]()
        // running byte -> scalar cursor
        var curByte = 0, curScalar: Int32 = 0
        var spaceBefore = true
        var lineStart = true
        var straightDoubleOpen = false
        var singleOpen = 0
        var lineFirstToken = 0
        var lineHasLower = false, lineHasLetter = false

        init(_ p: UnsafeBufferPointer<UInt8>) {
            self.p = p
            self.n = p.count
            tokens.reserveCapacity(p.count / 5 + 4)
        }

        @inline(__always) mutating func scalarAt(_ b: Int) -> Int32 {
            while curByte < b {
                if p[curByte] & 0xC0 != 0x80 { curScalar += 1 }
                curByte += 1
            }
            return curScalar
        }

        mutating func finishLine() {
            if lineHasLetter && !lineHasLower && tokens.count > lineFirstToken {
                for k in lineFirstToken..<tokens.count { tokens[k].flags.insert(.inCapsLine) }
            }
            lineFirstToken = tokens.count
            lineHasLower = false
            lineHasLetter = false
            straightDoubleOpen = false
            singleOpen = 0
        }

        @inline(__always) mutating func emit(_ s: Int, _ e: Int, _ kind: Token.Kind, _ f: Token.Flags) {
            var flags = f
            if spaceBefore { flags.insert(.spaceBefore) }
            if lineStart { flags.insert(.lineInitial) }
            let ss = scalarAt(s), se = scalarAt(e)
            tokens.append(Token(byteStart: Int32(s), byteEnd: Int32(e), start: ss, end: se, kind: kind, flags: flags))
            spaceBefore = false
            lineStart = false
        }

        @inline(__always) func classAt(_ j: Int) -> CC { j < n ? classify(p, j).0 : .space }

        mutating func run() {
            var i = 0
            while i < n {
                let (c, len, v) = classify(p, i)
                switch c {
                case .space:
                    spaceBefore = true
                    if let last = tokens.last, Int(last.byteEnd) == i { tokens[tokens.count - 1].flags.insert(.spaceAfter) }
                    i += len
                case .newline:
                    spaceBefore = true
                    if let last = tokens.last, Int(last.byteEnd) == i { tokens[tokens.count - 1].flags.insert(.spaceAfter) }
                    if !lineStart { finishLine() }
                    lineStart = true
                    i += len
                case .extend:
                    if let last = tokens.last, Int(last.byteEnd) == i {
                        var j = i + len
                        while j < n, classify(p, j).0 == .extend { j += classify(p, j).1 }
                        tokens[tokens.count - 1].byteEnd = Int32(j)
                        tokens[tokens.count - 1].end = scalarAt(j)
                        tokens[tokens.count - 1].flags.insert(.nonASCII)
                        i = j
                    } else {
                        var j = i + len
                        while j < n, classify(p, j).0 == .extend { j += classify(p, j).1 }
                        emit(i, j, .symbol, .nonASCII)
                        i = j
                    }
                case .upper, .lower, .caseless:
                    let (e, f) = scanWord(p, i)
                    if !f.contains(.allCaps) && (f.contains(.lowercase) || f.contains(.capitalized)) { lineHasLower = true }
                    lineHasLetter = true
                    emit(i, e, .word, f)
                    i = e
                case .digit:
                    let (e, f) = scanNumber(p, i)
                    emit(i, e, .number, f)
                    i = e
                case .apostrophe, .quote:
                    let prevAttached = tokens.last.map { Int($0.byteEnd) == i } ?? false
                    let next = classAt(i + len)
                    let nextIsSpace = i + len >= n || next == .space || next == .newline
                    // possessive: ’s / 's after a word (attached, or CoNLL-style spaced `Germany 's`)
                    if c == .apostrophe, i + len < n, p[i + len] | 0x20 == 0x73,
                       !isAlnum(classAt(i + len + 1)),
                       let last = tokens.last, last.isWordLike || last.kind == .symbol,
                       prevAttached || (spaceBefore && last.kind == .word && (i + len + 1 >= n || classAt(i + len + 1) == .space || classAt(i + len + 1) == .newline)) {
                        emit(i, i + len + 1, .possessive, [])
                        i += len + 1
                        continue
                    }
                    var f: Token.Flags = v >= 0x80 ? .nonASCII : []
                    switch v {
                    case 0x201C, 0x201E, 0x00AB, 0x2039, 0x2018, 0x201A, 0x201F, 0x300C:
                        f.insert(.openingQuote)
                        if v == 0x2018 || v == 0x201A { singleOpen += 1 }
                    case 0x201D, 0x00BB, 0x203A, 0x300D:
                        f.insert(.closingQuote)
                    case 0x22:
                        let opening: Bool
                        if (spaceBefore || !prevAttached) && !nextIsSpace { opening = true }
                        else if prevAttached && nextIsSpace { opening = false }
                        else { opening = !straightDoubleOpen }
                        f.insert(opening ? .openingQuote : .closingQuote)
                        straightDoubleOpen = opening
                    default: // ’ or ' not inside a word
                        if prevAttached, let last = tokens.last, last.kind == .word,
                           p[Int(last.byteEnd) - 1] | 0x20 == 0x73, singleOpen == 0, !isAlnum(next) {
                            // plural possessive: `the countries’ leaders`
                            emit(i, i + len, .possessive, f)
                            i += len
                            continue
                        }
                        if !prevAttached && !nextIsSpace {
                            f.insert(.openingQuote); singleOpen += 1
                        } else {
                            f.insert(.closingQuote); if singleOpen > 0 { singleOpen -= 1 }
                        }
                    }
                    emit(i, i + len, .quote, f)
                    i += len
                case .hyphen:
                    var j = i + len
                    var runs = 1
                    while j < n, classify(p, j).0 == .hyphen { j += classify(p, j).1; runs += 1 }
                    _ = runs
                    emit(i, j, .punctuation, .dash)
                    i = j
                case .dash:
                    emit(i, i + len, .punctuation, [.dash, .nonASCII])
                    i += len
                case .ellipsis:
                    emit(i, i + len, .punctuation, [.ellipsis, .nonASCII, .sentenceFinal])
                    i += len
                case .period:
                    var j = i + 1
                    while j < n, p[j] == 0x2E { j += 1 }
                    if j - i >= 2 { emit(i, j, .punctuation, [.ellipsis, .sentenceFinal]) } else { emit(i, j, .punctuation, .sentenceFinal) }
                    i = j
                case .punct:
                    if v == 0x21 || v == 0x3F {
                        var j = i + 1
                        while j < n, p[j] == 0x21 || p[j] == 0x3F { j += 1 }
                        emit(i, j, .punctuation, .sentenceFinal)
                        i = j
                    } else {
                        var f: Token.Flags = v >= 0x80 ? .nonASCII : []
                        if v == 0x3002 || v == 0xFF01 || v == 0xFF1F || v == 0x061F || v == 0x0964 { f.insert(.sentenceFinal) }
                        emit(i, i + len, .punctuation, f)
                        i += len
                    }
                case .symbol:
                    var j = i + len
                    // a flag emoji is a pair of regional indicators
                    if v >= 0x1F1E6 && v <= 0x1F1FF, j < n, case let (_, l2, v2) = classify(p, j), v2 >= 0x1F1E6 && v2 <= 0x1F1FF { j += l2 }
                    while j < n, classify(p, j).0 == .extend { j += classify(p, j).1 }
                    emit(i, j, .symbol, v >= 0x80 ? .nonASCII : [])
                    i = j
                }
            }
            if let last = tokens.last, Int(last.byteEnd) == n { tokens[tokens.count - 1].flags.insert(.spaceAfter) }
            finishLine()
        }
    }

    /// Scans a word starting at a letter: returns its end and flags.
    static func scanWord(_ p: UnsafeBufferPointer<UInt8>, _ start: Int) -> (Int, Token.Flags) {
        let n = p.count
        var j = start
        var upper = 0, lower = 0, letters = 0
        var firstUpper = false
        var f: Token.Flags = []
        var lastWasLetter = false
        while j < n {
            // ASCII letters, the bulk of a word, without the general classification (the
            // same steps as the letter case below, for a one-byte letter).
            let b = p[j]
            if b >= 0x61 && b <= 0x7A || b >= 0x41 && b <= 0x5A {
                let isUpper = b <= 0x5A
                if letters == 0 { firstUpper = isUpper }
                letters += 1
                if isUpper { upper += 1 } else { lower += 1 }
                lastWasLetter = true
                j += 1
                continue
            }
            let (c, len, _) = classify(p, j)
            switch c {
            case .upper, .lower, .caseless:
                if letters == 0 { firstUpper = c == .upper }
                letters += 1
                if c == .upper { upper += 1 } else if c == .lower { lower += 1 }
                if len > 1 { f.insert(.nonASCII) }
                lastWasLetter = true
                j += len
                continue
            case .digit:
                f.insert(.hasDigit); lastWasLetter = false; j += len; continue
            case .extend:
                f.insert(.nonASCII); j += len; continue
            case .hyphen:
                if j + len < n, isAlnum(classify(p, j + len).0) { f.insert(.hyphenated); lastWasLetter = false; j += len; continue }
            case .apostrophe:
                if lastWasLetter, j + len < n {
                    let (c2, l2, _) = classify(p, j + len)
                    if isLetter(c2) {
                        // possessive ’s ends the word
                        if p[j + len] | 0x20 == 0x73, l2 == 1, !isAlnum(j + len + 1 < n ? classify(p, j + len + 1).0 : .space) { break }
                        if len > 1 { f.insert(.nonASCII) }
                        lastWasLetter = false
                        j += len
                        continue
                    }
                }
            case .symbol:
                // AT&T, R&D
                if p[j] == 0x26, upper > 0, lower == 0, j + 1 < n, classify(p, j + 1).0 == .upper { j += 1; continue }
            default: break
            }
            break
        }
        // trailing period
        if j < n, p[j] == 0x2E, !(j + 1 < n && p[j + 1] == 0x2E) {
            if letters == 1 && j - start <= 4 && !f.contains(.hasDigit) {
                // initial or dotted initialism: J. / U.S. / e.g. / a.m.
                j += 1
                while j + 1 < n, isLetter(classify(p, j).0), classify(p, j).1 == 1, p[j + 1] == 0x2E { j += 2 }
                f.insert(.abbreviation)
            } else if let cls = abbreviations.value(p, start, j) {
                if cls != .numeric || nextNonSpaceIsDigit(p, j + 1) {
                    j += 1
                    f.insert(.abbreviation)
                }
            } else if j + 1 < n, classify(p, j + 1).0 == .lower, lower > 0 {
                // domain names: bbc.co.uk, Amazon.com
                var k = j
                while k < n, p[k] == 0x2E, k + 1 < n, classify(p, k + 1).0 == .lower {
                    k += 1
                    while k < n, isAlnum(classify(p, k).0) { k += classify(p, k).1 }
                }
                j = k
            }
        }
        if letters > 0 {
            if firstUpper { f.insert(.capitalized) }
            if lower == 0 && upper > 0 { f.insert(.allCaps) }
            if upper == 0 && lower > 0 { f.insert(.lowercase) }
        }
        return (j, f)
    }

    static func nextNonSpaceIsDigit(_ p: UnsafeBufferPointer<UInt8>, _ from: Int) -> Bool {
        var k = from
        while k < p.count, p[k] == 0x20 { k += 1 }
        return k < p.count && p[k] >= 0x30 && p[k] <= 0x39
    }

    /// Scans a number starting at a digit.
    static func scanNumber(_ p: UnsafeBufferPointer<UInt8>, _ start: Int) -> (Int, Token.Flags) {
        let n = p.count
        var j = start
        var f: Token.Flags = [.hasDigit]
        while j < n {
            let (c, len, _) = classify(p, j)
            if c == .digit { j += len; continue }
            if isLetter(c) { if len > 1 { f.insert(.nonASCII) }; j += len; continue }
            let b = p[j]
            if (b == 0x2E || b == 0x2C || b == 0x3A || b == 0x2F), j + 1 < n, p[j + 1] >= 0x30, p[j + 1] <= 0x39 { j += 1; continue }
            if c == .hyphen, j + len < n, isAlnum(classify(p, j + len).0) { f.insert(.hyphenated); j += len; continue }
            break
        }
        return (j, f)
    }
}
