/// One article as read from an input file, before analysis.
public struct SourceDocument: Sendable, Equatable {
    /// Identity: path relative to the imported folder, JSONL `id`, or `FILE:LINE`.
    public var key: String
    public var title: String?
    public var outlet: String?
    public var url: String?
    public var published: String?
    public var author: String?
    /// The verbatim text (a UTF-8 BOM dropped, UTF-16 decoded). Offsets refer to it.
    public var body: String
    /// Where it was read from: `FILE` or `FILE:LINE`.
    public var origin: String

    public init(key: String, title: String? = nil, outlet: String? = nil, url: String? = nil,
                published: String? = nil, author: String? = nil, body: String, origin: String) {
        self.key = key
        self.title = title
        self.outlet = outlet
        self.url = url
        self.published = published
        self.author = author
        self.body = body
        self.origin = origin
    }

    /// FNV-1a 64-bit hash of the body, as 16 hex digits.
    public var contentHash: String { fnv1a64Hex(body) }

    /// Number of whitespace-separated words in the body.
    public var wordCount: Int {
        var body = body
        return body.withUTF8 { bytes in
            var n = 0
            var inWord = false
            for b in bytes {
                let space = b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D
                if !space && !inWord { n += 1 }
                inWord = !space
            }
            return n
        }
    }
}

/// A problem with one input (a file, or one line of it), reported on stderr; the import goes on.
public struct ImportIssue: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String

    public init(file: String, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}

func fnv1a64(_ s: String) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in s.utf8 {
        h ^= UInt64(b)
        h = h &* 0x0000_0100_0000_01b3
    }
    return h
}

func fnv1a64Hex(_ s: String) -> String {
    let hex = String(fnv1a64(s), radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
}
