import CNewsKBModels

/// BERT's uncased WordPiece tokenizer (all-MiniLM-L6-v2's `tokenizer.json`: BertNormalizer with
/// clean_text, handle_chinese_chars, lowercase and accent stripping; BertPreTokenizer; WordPiece with
/// `##` continuations, words over 100 characters and words without a full match → `[UNK]`), on UTF-8
/// bytes.
///
/// Pure-ASCII words take a byte path (a class table, lowercase into a scratch buffer, an open-addressing
/// hash table of the vocabulary's bytes: no String per word or token); a word with a non-ASCII byte goes
/// through the Unicode rules scalar by scalar:
/// - dropped: U+0000, U+FFFD and "other" characters (Cc, Cf, Cn, Co, Cs) except tab, newline, return;
/// - whitespace (the White_Space property) separates words;
/// - CJK ideographs are words of their own;
/// - accents: NFD (the table `accent-folding.txt`, Hangul syllables by algorithm), then the Mn marks dropped;
/// - lowercase: each scalar's full lowercase mapping;
/// - punctuation (ASCII 33–47, 58–64, 91–96, 123–126 and every Unicode P* category) is a word of its own.
///
/// Unlike the package's tokenizer, the literal strings `[CLS]`, `[SEP]` etc. in the text are not read as
/// special tokens (news text has none; the embedding ignores them anyway).
public final class WordPieceTokenizer: Sendable {
    /// The tokenizer over the vocabulary embedded in the binary (CNewsKBModels).
    public static let shared: WordPieceTokenizer = {
        var length = 0
        let base = newskb_wordpiece_vocab(&length)!
        return WordPieceTokenizer(vocabularyText: UnsafeBufferPointer(start: base, count: length))
    }()

    public static let maxCharactersPerWord = 100

    /// The id of `[UNK]`.
    public let unknownID: Int32

    private struct Entry: Sendable {
        var start: Int32
        var length: Int32
    }

    private let blob: [UInt8]           // every token's bytes, `##` removed from continuations
    private let entries: [Entry]        // by id
    private let slots: [Int32]          // open addressing, id or -1
    private let mask: Int
    private let maxTokenBytes: Int
    private let folding: [UInt32: [UInt32]]

    /// A vocabulary as `vocab.txt` has it: one token a line, line n (from 0) is id n.
    public convenience init(vocabularyText: UnsafeBufferPointer<UInt8>) {
        var lines: [[UInt8]] = []
        var start = 0
        for i in 0..<vocabularyText.count where vocabularyText[i] == 10 {
            var end = i
            if end > start, vocabularyText[end - 1] == 13 { end -= 1 }
            lines.append(Array(vocabularyText[start..<end]))
            start = i + 1
        }
        if start < vocabularyText.count { lines.append(Array(vocabularyText[start...])) }
        self.init(tokens: lines)
    }

    /// A vocabulary as a list of tokens (UTF-8), id = position.
    public init(tokens: [[UInt8]]) {
        var blob: [UInt8] = []
        var entries: [Entry] = []
        var unk: Int32 = 0
        var maxBytes = 1
        for (id, token) in tokens.enumerated() {
            var bytes = token[...]
            var continuation = false
            if bytes.count > 2, bytes[bytes.startIndex] == 35, bytes[bytes.startIndex + 1] == 35 {
                bytes = bytes.dropFirst(2)
                continuation = true
            }
            if token == Array("[UNK]".utf8) { unk = Int32(id) }
            entries.append(Entry(start: Int32(blob.count), length: Int32(bytes.count) * (continuation ? -1 : 1)))
            blob.append(contentsOf: bytes)
            maxBytes = max(maxBytes, bytes.count)
        }
        var size = 1024
        while size < tokens.count * 3 { size <<= 1 }
        var slots = [Int32](repeating: -1, count: size)
        blob.withUnsafeBufferPointer { b in
            for (id, e) in entries.enumerated() {
                let length = Int(abs(e.length))
                let start = b.baseAddress! + Int(e.start)
                var h = Self.hash(start, length, continuation: e.length < 0) & (size - 1)
                var duplicate = false
                while slots[h] >= 0 {
                    let other = entries[Int(slots[h])]
                    if other.length == e.length, Self.equal(b.baseAddress! + Int(other.start), start, length) {
                        duplicate = true
                        break
                    }
                    h = (h + 1) & (size - 1)
                }
                if !duplicate { slots[h] = Int32(id) }
            }
        }
        self.blob = blob
        self.entries = entries
        self.slots = slots
        self.mask = size - 1
        self.maxTokenBytes = maxBytes
        self.unknownID = unk
        self.folding = Self.loadFolding()
    }

    public var vocabularySize: Int { entries.count }

    /// The token of an id, `##` included for continuations.
    public func token(_ id: Int32) -> String {
        let e = entries[Int(id)]
        let bytes = blob[Int(e.start)..<Int(e.start) + Int(abs(e.length))]
        return (e.length < 0 ? "##" : "") + String(decoding: bytes, as: UTF8.self)
    }

    /// The WordPiece ids of a text, without [CLS]/[SEP].
    public func tokenIDs(_ text: some StringProtocol) -> [Int32] {
        var ids: [Int32] = []
        ids.reserveCapacity(text.utf8.count / 4 + 4)
        var string = String(text)
        string.withUTF8 { forEachTokenID(utf8: $0) { ids.append($0) } }
        return ids
    }

    /// Calls `body` with each WordPiece id of UTF-8 text, in order; allocates nothing on ASCII text.
    /// Invalid UTF-8 reads as U+FFFD, which is dropped.
    public func forEachTokenID(utf8 text: UnsafeBufferPointer<UInt8>, _ body: (Int32) -> Void) {
        guard let base = text.baseAddress, text.count > 0 else { return }
        blob.withUnsafeBufferPointer { blobBuffer in
            slots.withUnsafeBufferPointer { slotBuffer in
                entries.withUnsafeBufferPointer { entryBuffer in
                    let table = Table(blob: blobBuffer.baseAddress!, slots: slotBuffer.baseAddress!,
                                      entries: entryBuffer.baseAddress!, mask: mask,
                                      maxTokenBytes: maxTokenBytes, unknown: unknownID)
                    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { scratch in
                        scan(base, text.count, table, scratch.baseAddress!, body)
                    }
                }
            }
        }
    }

    // MARK: - The byte scanner

    private struct Table {
        let blob: UnsafePointer<UInt8>
        let slots: UnsafePointer<Int32>
        let entries: UnsafePointer<Entry>
        let mask: Int
        let maxTokenBytes: Int
        let unknown: Int32

        @inline(__always)
        func lookup(_ p: UnsafePointer<UInt8>, _ length: Int, continuation: Bool) -> Int32 {
            var h = WordPieceTokenizer.hash(p, length, continuation: continuation) & mask
            let signed = Int32(length) * (continuation ? -1 : 1)
            while true {
                let id = slots[h]
                if id < 0 { return -1 }
                let e = entries[Int(id)]
                if e.length == signed, WordPieceTokenizer.equal(blob + Int(e.start), p, length) { return id }
                h = (h + 1) & mask
            }
        }

        /// Greedy longest-match-first over one normalised word (whole characters of valid UTF-8).
        @inline(__always)
        func wordPiece(_ word: UnsafePointer<UInt8>, _ count: Int, _ body: (Int32) -> Void) {
            let whole = lookup(word, count, continuation: false)
            if whole >= 0 { body(whole); return }
            // Check that every piece matches before emitting any: a word with no full match is [UNK].
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: count) { pieces in
                var n = 0
                var start = 0
                while start < count {
                    var end = min(count, start + maxTokenBytes)
                    var found: Int32 = -1
                    while end > start {
                        if end == count || word[end] & 0xC0 != 0x80 {
                            found = lookup(word + start, end - start, continuation: start > 0)
                            if found >= 0 { break }
                        }
                        end -= 1
                    }
                    if found < 0 { body(unknown); return }
                    pieces[n] = found
                    n += 1
                    start = end
                }
                for i in 0..<n { body(pieces[i]) }
            }
        }
    }

    /// ASCII byte classes: 0 word, 1 whitespace, 2 punctuation, 3 dropped (control), 4 uppercase letter.
    private static let asciiClass: [UInt8] = (0..<128).map { b -> UInt8 in
        switch b {
        case 9, 10, 13, 32: return 1
        case 33...47, 58...64, 91...96, 123...126: return 2
        case 0..<32, 127: return 3
        case 65...90: return 4
        default: return 0
        }
    }

    private func scan(_ text: UnsafePointer<UInt8>, _ count: Int, _ table: Table,
                      _ scratch: UnsafeMutablePointer<UInt8>, _ body: (Int32) -> Void) {
        Self.asciiClass.withUnsafeBufferPointer { classes in
            let cls = classes.baseAddress!
            var i = 0
            while i < count {
                let b = text[i]
                if b < 0x80 {
                    let c = cls[Int(b)]
                    if c == 1 || c == 3 { i += 1; continue }
                    if c == 2 { table.wordPiece(text + i, 1, body); i += 1; continue }
                }
                // A word: up to the next ASCII whitespace or punctuation.
                let start = i
                var length = 0          // bytes written to scratch (ASCII path)
                var ascii = true
                while i < count {
                    let b = text[i]
                    if b >= 0x80 { ascii = false; i += 1; continue }
                    let c = cls[Int(b)]
                    if c == 1 || c == 2 { break }
                    if ascii, c != 3 {
                        if length < 127 { scratch[length] = c == 4 ? b | 0x20 : b }
                        length += 1
                    }
                    i += 1
                }
                if ascii {
                    if length == 0 { continue }
                    if length > Self.maxCharactersPerWord { body(table.unknown) } else { table.wordPiece(scratch, length, body) }
                } else {
                    unicodeWord(text + start, i - start, table, body)
                }
            }
        }
    }

    // MARK: - The Unicode path

    /// One byte-delimited word holding non-ASCII characters: normalise it scalar by scalar, split it on
    /// Unicode whitespace, punctuation and CJK ideographs, WordPiece each part.
    private func unicodeWord(_ p: UnsafePointer<UInt8>, _ count: Int, _ table: Table, _ body: (Int32) -> Void) {
        var word: [UInt8] = []
        var characters = 0
        func flush() {
            if word.isEmpty { return }
            if characters > Self.maxCharactersPerWord {
                body(table.unknown)
            } else {
                word.withUnsafeBufferPointer { table.wordPiece($0.baseAddress!, $0.count, body) }
            }
            word.removeAll(keepingCapacity: true)
            characters = 0
        }
        func single(_ s: Unicode.Scalar) {
            var one = [UInt8]()
            Self.appendUTF8(s.value, to: &one)
            one.withUnsafeBufferPointer { table.wordPiece($0.baseAddress!, $0.count, body) }
        }
        var folded: [UInt32] = []
        var i = 0
        while i < count {
            let (value, width) = Self.decode(p + i, count - i)
            i += width
            guard let scalar = Unicode.Scalar(value) else { continue }
            if value == 0 || value == 0xFFFD || Self.isOther(scalar) { continue }
            if scalar.properties.isWhitespace { flush(); continue }
            if Self.isCJK(value) {
                flush()
                for v in fold(value, into: &folded) { if let s = Unicode.Scalar(v) { single(s) } }
                continue
            }
            for v in fold(value, into: &folded) {
                guard let s = Unicode.Scalar(v) else { continue }
                if s.properties.generalCategory == .nonspacingMark { continue }
                let lower: [Unicode.Scalar] = s.properties.changesWhenLowercased
                    ? Array(s.properties.lowercaseMapping.unicodeScalars) : [s]
                for l in lower {
                    if l.properties.isWhitespace {
                        flush()
                    } else if Self.isPunctuation(l) {
                        flush()
                        single(l)
                    } else {
                        Self.appendUTF8(l.value, to: &word)
                        characters += 1
                    }
                }
            }
        }
        flush()
    }

    /// NFD of one scalar (Hangul syllables by algorithm, the rest by the embedded table), Mn not yet dropped.
    private func fold(_ value: UInt32, into out: inout [UInt32]) -> [UInt32] {
        out.removeAll(keepingCapacity: true)
        if value >= 0xAC00, value <= 0xD7A3 {
            let s = value - 0xAC00
            out.append(0x1100 + s / 588)
            out.append(0x1161 + (s % 588) / 28)
            if s % 28 != 0 { out.append(0x11A7 + s % 28) }
        } else if let mapped = folding[value] {
            out.append(contentsOf: mapped)
        } else {
            out.append(value)
        }
        return out
    }

    private static func loadFolding() -> [UInt32: [UInt32]] {
        var length = 0
        let base = newskb_accent_folding(&length)!
        var table: [UInt32: [UInt32]] = [:]
        var fields: [UInt32] = []
        var value: UInt32 = 0
        var inNumber = false
        for i in 0..<length {
            let b = base[i]
            switch b {
            case 48...57, 65...70, 97...102:
                let digit = b <= 57 ? b - 48 : (b | 0x20) - 87
                value = value << 4 | UInt32(digit)
                inNumber = true
            default:
                if inNumber { fields.append(value); value = 0; inNumber = false }
                if b == 10, let key = fields.first {
                    table[key] = Array(fields.dropFirst())
                    fields.removeAll(keepingCapacity: true)
                }
            }
        }
        return table
    }

    // MARK: - Character classes

    static func isOther(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 9, 10, 13: return false
        default:
            switch s.properties.generalCategory {
            case .control, .format, .unassigned, .privateUse, .surrogate: return true
            default: return false
            }
        }
    }

    static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 128 { return (33...47).contains(v) || (58...64).contains(v) || (91...96).contains(v) || (123...126).contains(v) }
        switch s.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    static func isCJK(_ v: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x20000...0x2A6DF).contains(v)
            || (0x2A700...0x2B73F).contains(v) || (0x2B740...0x2B81F).contains(v) || (0x2B820...0x2CEAF).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0x2F800...0x2FA1F).contains(v)
    }

    // MARK: - Bytes

    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, _ length: Int, continuation: Bool) -> Int {
        var h: UInt32 = continuation ? 0x9E37_79B9 : 0x811C_9DC5
        for i in 0..<length { h = (h ^ UInt32(p[i])) &* 0x0100_0193 }
        h ^= h >> 15
        h = h &* 0x2C1B_3C6D
        h ^= h >> 12
        return Int(h)
    }

    @inline(__always)
    static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        for i in 0..<length where a[i] != b[i] { return false }
        return true
    }

    /// One scalar from UTF-8; invalid or truncated sequences give (U+FFFD, 1).
    static func decode(_ p: UnsafePointer<UInt8>, _ available: Int) -> (UInt32, Int) {
        let b0 = UInt32(p[0])
        if b0 < 0x80 { return (b0, 1) }
        func cont(_ k: Int) -> UInt32? {
            guard k < available, p[k] & 0xC0 == 0x80 else { return nil }
            return UInt32(p[k] & 0x3F)
        }
        if b0 >= 0xC2, b0 <= 0xDF, let c1 = cont(1) { return ((b0 & 0x1F) << 6 | c1, 2) }
        if b0 >= 0xE0, b0 <= 0xEF, let c1 = cont(1), let c2 = cont(2) {
            let v = (b0 & 0x0F) << 12 | c1 << 6 | c2
            if v >= 0x800, !(0xD800...0xDFFF).contains(v) { return (v, 3) }
        }
        if b0 >= 0xF0, b0 <= 0xF4, let c1 = cont(1), let c2 = cont(2), let c3 = cont(3) {
            let v = (b0 & 0x07) << 18 | c1 << 12 | c2 << 6 | c3
            if v >= 0x10000, v <= 0x10FFFF { return (v, 4) }
        }
        return (0xFFFD, 1)
    }

    static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        switch v {
        case 0..<0x80:
            out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | v >> 6)); out.append(UInt8(0x80 | v & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | v >> 12)); out.append(UInt8(0x80 | (v >> 6) & 0x3F)); out.append(UInt8(0x80 | v & 0x3F))
        default:
            out.append(UInt8(0xF0 | v >> 18)); out.append(UInt8(0x80 | (v >> 12) & 0x3F))
            out.append(UInt8(0x80 | (v >> 6) & 0x3F)); out.append(UInt8(0x80 | v & 0x3F))
        }
    }
}
