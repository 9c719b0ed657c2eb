/// One token of a document: a word, number, punctuation mark, quotation mark or symbol.
///
/// Offsets are stored twice: UTF-8 byte offsets into ``DocumentText/utf8`` (for scanning)
/// and Unicode code-point offsets into the body (``span``, what every public span uses).
public struct Token: Sendable, Equatable {
    public enum Kind: UInt8, Sendable {
        /// Letters (and digits, internal hyphens/apostrophes, abbreviation periods: `al-Baghdadi`,
        /// `don't`, `U.S.`, `Mr.`, `G7`).
        case word
        /// Starts with a digit: `3.5`, `1,000`, `1.2bn`, `10:30`, `5th`, `1990s`.
        case number
        /// Punctuation: `. , ; : ! ? ( ) [ ] - -- — …` and `...`.
        case punctuation
        /// A quotation mark: `" “ ” ‘ ’ « » „ '` (see ``Flags/openingQuote``/``Flags/closingQuote``).
        case quote
        /// A possessive/clitic ending split off its word: `’s`, `'s`, or a bare `'` after a plural `s`.
        case possessive
        /// Anything else: `$ € % & @ #`, emoji, other symbols.
        case symbol
    }

    public struct Flags: OptionSet, Sendable, Hashable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        /// First letter is upper case (`Putin`, `NATO`, `McDonald`).
        public static let capitalized = Flags(rawValue: 1 << 0)
        /// Has at least one letter and no lower-case letter (`NATO`, `U.S.`, `BRUSSELS`).
        public static let allCaps = Flags(rawValue: 1 << 1)
        /// All letters lower case (`said`, `al-`).
        public static let lowercase = Flags(rawValue: 1 << 2)
        public static let hasDigit = Flags(rawValue: 1 << 3)
        /// Ends with an abbreviation period included in the token (`Mr.`, `U.S.`, `J.`).
        public static let abbreviation = Flags(rawValue: 1 << 4)
        /// Contains an internal hyphen.
        public static let hyphenated = Flags(rawValue: 1 << 5)
        /// First word/number of its sentence (opening quotes, brackets and bullets skipped).
        public static let sentenceInitial = Flags(rawValue: 1 << 6)
        /// First token of its line.
        public static let lineInitial = Flags(rawValue: 1 << 7)
        /// Preceded by whitespace (or the start of the text).
        public static let spaceBefore = Flags(rawValue: 1 << 8)
        /// Followed by whitespace (or the end of the text).
        public static let spaceAfter = Flags(rawValue: 1 << 9)
        /// A quotation mark that opens a quotation (by its shape or by its context).
        public static let openingQuote = Flags(rawValue: 1 << 10)
        /// A quotation mark that closes a quotation.
        public static let closingQuote = Flags(rawValue: 1 << 11)
        /// Contains a non-ASCII scalar.
        public static let nonASCII = Flags(rawValue: 1 << 12)
        /// Sentence-final punctuation (`.`, `!`, `?`, ellipsis) or an abbreviation that ended a sentence.
        public static let sentenceFinal = Flags(rawValue: 1 << 13)
        /// The token's line has no lower-case letter at all (an ALL-CAPS headline or table row).
        public static let inCapsLine = Flags(rawValue: 1 << 14)
        /// An ellipsis (`…`, `...`).
        public static let ellipsis = Flags(rawValue: 1 << 15)
        /// A dash (`-` standing alone, `--`, `–`, `—`).
        public static let dash = Flags(rawValue: 1 << 16)
    }

    /// UTF-8 byte offsets into ``DocumentText/utf8``, half-open.
    public var byteStart: Int32
    public var byteEnd: Int32
    /// Code-point offsets into the body, half-open.
    public var start: Int32
    public var end: Int32
    public var kind: Kind
    public var flags: Flags
    /// Index of the sentence holding the token (set by the sentence splitter).
    public var sentence: Int32

    public init(byteStart: Int32, byteEnd: Int32, start: Int32, end: Int32, kind: Kind, flags: Flags, sentence: Int32 = 0) {
        self.byteStart = byteStart
        self.byteEnd = byteEnd
        self.start = start
        self.end = end
        self.kind = kind
        self.flags = flags
        self.sentence = sentence
    }

    /// The code-point span of the token.
    public var span: TextSpan { TextSpan(Int(start), Int(end)) }
    /// The byte range of the token in ``DocumentText/utf8``.
    public var byteRange: Range<Int> { Int(byteStart)..<Int(byteEnd) }
    @inline(__always) public func has(_ f: Flags) -> Bool { flags.contains(f) }
    /// A word or number.
    public var isWordLike: Bool { kind == .word || kind == .number }
}

extension DocumentText {
    /// The text of a token.
    public func text(_ token: Token) -> String {
        String(decoding: utf8[token.byteRange], as: UTF8.self)
    }
}
