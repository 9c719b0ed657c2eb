/// Splits a document into sentences over the token stream.
///
/// - A line break always ends a sentence (headlines, bullets, datelines, table rows), and
///   every line break (single or blank lines) starts a new paragraph.
/// - `.`, `!`, `?` and ellipses end a sentence when the next token can start one (not a
///   lower-case word, comma, etc.); closing quotation marks and brackets right after the
///   terminal mark stay in the sentence (`…important to us.” He added`).
/// - Abbreviations keep their period in the token: titles (`Mr.`, `Gen.`) and initials (`J.`)
///   never end a sentence; other abbreviations (`U.S.`, `Inc.`, `Jan.`) end one only when a
///   typical sentence opener follows (`The`, `He`, `But`…) or a quotation opens.
public enum SentenceSplitter {
    public static func split(_ text: DocumentText) -> [Sentence] {
        var tokens = Tokenizer.scan(text)
        return split(text, tokens: &tokens)
    }

    /// Splits and fills `sentence` and the `sentenceInitial`/`sentenceFinal` flags of `tokens`
    /// (as returned by the tokenizer's scanner).
    public static func split(_ text: DocumentText, tokens: inout [Token]) -> [Sentence] {
        var out = [Sentence]()
        let n = tokens.count
        if n == 0 { return out }
        var paragraph = -1
        var sentStart = 0
        var i = 0
        func close(_ end: Int) { // tokens sentStart...end
            let s = tokens[sentStart], e = tokens[end]
            let idx = Int32(out.count)
            var marked = false
            for k in sentStart...end {
                tokens[k].sentence = idx
                if !marked, tokens[k].isWordLike {
                    tokens[k].flags.insert(.sentenceInitial)
                    marked = true
                }
            }
            out.append(Sentence(span: TextSpan(Int(s.start), Int(e.end)), paragraph: max(paragraph, 0)))
            sentStart = end + 1
        }
        text.utf8.withUnsafeBufferPointer { p in
            while i < n {
                if tokens[i].has(.lineInitial) {
                    if i > sentStart { close(i - 1) }
                    paragraph += 1
                }
                let t = tokens[i]
                var boundaryAfter = -1
                if t.kind == .punctuation && t.has(.sentenceFinal) || t.kind == .word && t.has(.abbreviation) {
                    // absorb closing quotes / brackets
                    var j = i + 1
                    while j < n, !tokens[j].has(.lineInitial) {
                        let u = tokens[j]
                        if u.kind == .quote && u.has(.closingQuote) { j += 1; continue }
                        if u.kind == .punctuation && u.byteEnd - u.byteStart == 1 && (p[Int(u.byteStart)] == 0x29 || p[Int(u.byteStart)] == 0x5D) { j += 1; continue }
                        break
                    }
                    if j >= n || tokens[j].has(.lineInitial) {
                        boundaryAfter = j - 1
                    } else if t.kind == .punctuation {
                        if canStart(tokens[j], p, strict: t.has(.ellipsis)) {
                            // `?`/`!` inside a quotation followed by an attribution (`"Why?" he asked`) is
                            // handled by canStart (lower-case word). A period right after a number with
                            // no space (`No. 1.`) is still a boundary.
                            boundaryAfter = j - 1
                        }
                    } else {
                        // abbreviation
                        let cls = Tokenizer.abbreviations.value(p, Int(t.byteStart), Int(t.byteEnd) - 1)
                        if cls != .title, !isInitial(t), startsSentenceStrongly(tokens, j, p) { boundaryAfter = j - 1 }
                    }
                }
                if boundaryAfter >= 0 {
                    tokens[i].flags.insert(.sentenceFinal)
                    close(boundaryAfter)
                    i = boundaryAfter + 1
                    continue
                }
                i += 1
            }
        }
        if sentStart < n { close(n - 1) }
        return out
    }

    @inline(__always)
    static func isInitial(_ t: Token) -> Bool {
        t.byteEnd - t.byteStart == 2 && t.has(.capitalized)
    }

    /// Can `t` start a sentence after a terminal mark?
    static func canStart(_ t: Token, _ p: UnsafeBufferPointer<UInt8>, strict: Bool) -> Bool {
        switch t.kind {
        case .word:
            if t.has(.lowercase) { return false }
            if strict { return t.has(.capitalized) }
            return true
        case .number: return !strict
        case .quote: return t.has(.openingQuote)
        case .symbol: return !strict
        case .possessive: return false
        case .punctuation:
            if strict { return false }
            let b = p[Int(t.byteStart)]
            return b == 0x28 || b == 0x5B || t.has(.dash)
        }
    }

    /// After an abbreviation: only a common sentence opener (or an opening quote followed by
    /// a capitalised word) starts a new sentence.
    static func startsSentenceStrongly(_ tokens: [Token], _ j: Int, _ p: UnsafeBufferPointer<UInt8>) -> Bool {
        let t = tokens[j]
        if t.kind == .quote && t.has(.openingQuote) {
            return j + 1 < tokens.count && tokens[j + 1].has(.capitalized)
        }
        guard t.kind == .word, t.has(.capitalized) else { return false }
        return sentenceOpeners.find(p, Int(t.byteStart), Int(t.byteEnd)) != nil
    }

    /// Words that typically open a sentence (`sentence-openers.txt`), matched case-sensitively.
    static let sentenceOpeners = ByteTable(lexicon: "sentence-openers.txt", foldCase: false, capacity: 256)
}
