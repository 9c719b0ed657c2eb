/// A strict JSON parser (RFC 8259) for one JSONL line, on its UTF-8 bytes. It keeps only the
/// members of a top-level object that the caller asks for and checks the syntax of everything
/// else without building it: an import reads millions of lines and needs a handful of fields
/// from each (Foundation's `JSONSerialization` built every value as an `NSObject` first).
struct JSONValueParser {
    /// A kept value. Numbers keep their literal text.
    enum Value: Equatable {
        case string(String), number(String), bool(Bool), null, array, object

        /// How an error message names the value's type.
        var typeName: String {
            switch self {
            case .string: return "a string"
            case .number: return "a number"
            case .bool: return "a boolean"
            case .null: return "null"
            case .array: return "an array"
            case .object: return "an object"
            }
        }
    }

    /// A syntax error at a byte offset of the line.
    struct SyntaxError: Error, CustomStringConvertible {
        var message: String
        var offset: Int
        var description: String { "\(message) at character \(offset + 1)" }
    }

    /// Parses `bytes` (valid UTF-8) as one JSON value. For an object, returns the members whose
    /// names are in `keep` (the last one wins when a name repeats); for any other value, its
    /// type as the single entry under the empty name.
    static func parse(_ bytes: ArraySlice<UInt8>, keep: Set<String>) throws -> [String: Value] {
        try bytes.withUnsafeBufferPointer { p in
            var parser = Parser(p: p, keep: keep)
            parser.skipSpace()
            var out = [String: Value]()
            if parser.peek == UInt8(ascii: "{") {
                try parser.object(into: &out)
            } else {
                out[""] = try parser.value(build: false)
            }
            parser.skipSpace()
            if parser.i < p.count { throw parser.error("unexpected text after the JSON value") }
            return out
        }
    }

    private struct Parser {
        let p: UnsafeBufferPointer<UInt8>
        let keep: Set<String>
        var i = 0
        var depth = 0

        init(p: UnsafeBufferPointer<UInt8>, keep: Set<String>) { self.p = p; self.keep = keep }

        var peek: UInt8? { i < p.count ? p[i] : nil }

        func error(_ message: String) -> SyntaxError { SyntaxError(message: message, offset: i) }

        mutating func skipSpace() {
            while i < p.count, p[i] == 0x20 || p[i] == 0x0A || p[i] == 0x0D || p[i] == 0x09 { i += 1 }
        }

        mutating func expect(_ c: Character) throws {
            skipSpace()
            guard peek == c.asciiValue else { throw error("expected '\(c)'") }
            i += 1
        }

        /// A top-level object, keeping the members named in `keep`.
        mutating func object(into out: inout [String: Value]) throws {
            i += 1  // {
            skipSpace()
            if peek == UInt8(ascii: "}") { i += 1; return }
            while true {
                skipSpace()
                guard peek == UInt8(ascii: "\"") else { throw error("expected a member name in quotes") }
                let name = try string(build: true)
                try expect(":")
                let wanted = keep.contains(name)
                let v = try value(build: wanted)
                if wanted { out[name] = v }
                skipSpace()
                if peek == UInt8(ascii: ",") { i += 1; continue }
                if peek == UInt8(ascii: "}") { i += 1; return }
                throw error("expected ',' or '}'")
            }
        }

        /// Any value; strings and numbers are built only when `build` is set.
        mutating func value(build: Bool) throws -> Value {
            skipSpace()
            guard let c = peek else { throw error("unexpected end of the line") }
            switch c {
            case UInt8(ascii: "\""): return .string(try string(build: build))
            case UInt8(ascii: "{"), UInt8(ascii: "["): return try container()
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number(build: build))
            default: throw error("unexpected character '\(Unicode.Scalar(c))'")
            }
        }

        /// A nested object or array, checked and skipped.
        mutating func container() throws -> Value {
            let isObject = p[i] == UInt8(ascii: "{")
            let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
            depth += 1
            guard depth <= 512 else { throw error("nested too deeply") }
            defer { depth -= 1 }
            i += 1
            skipSpace()
            if peek == close { i += 1; return isObject ? .object : .array }
            while true {
                if isObject {
                    skipSpace()
                    guard peek == UInt8(ascii: "\"") else { throw error("expected a member name in quotes") }
                    _ = try string(build: false)
                    try expect(":")
                }
                _ = try value(build: false)
                skipSpace()
                if peek == UInt8(ascii: ",") { i += 1; continue }
                if peek == close { i += 1; return isObject ? .object : .array }
                throw error(isObject ? "expected ',' or '}'" : "expected ',' or ']'")
            }
        }

        mutating func literal(_ word: StaticString) throws {
            let n = word.utf8CodeUnitCount
            for k in 0..<n where i + k >= p.count || p[i + k] != word.utf8Start[k] {
                throw error(i + k < p.count ? "unexpected character '\(Unicode.Scalar(p[i + k]))'" : "unexpected end of the line")
            }
            i += n
        }

        mutating func number(build: Bool) throws -> String {
            let start = i
            func digits() -> Int { let s = i; while i < p.count, p[i] >= 0x30, p[i] <= 0x39 { i += 1 }; return i - s }
            if peek == UInt8(ascii: "-") { i += 1 }
            if peek == UInt8(ascii: "0") { i += 1 } else if digits() == 0 { throw error("expected a digit") }
            if peek == UInt8(ascii: ".") { i += 1; if digits() == 0 { throw error("expected a digit") } }
            if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
                i += 1
                if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { i += 1 }
                if digits() == 0 { throw error("expected a digit") }
            }
            return build ? String(decoding: UnsafeBufferPointer(rebasing: p[start..<i]), as: UTF8.self) : ""
        }

        /// A string at `"`; its unescaped text when `build` is set.
        mutating func string(build: Bool) throws -> String {
            i += 1  // "
            var out = [UInt8]()
            var runStart = i
            while true {
                guard i < p.count else { throw error("unterminated string") }
                let c = p[i]
                if c == UInt8(ascii: "\"") {
                    if build { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<i])) }
                    i += 1
                    return build ? String(decoding: out, as: UTF8.self) : ""
                }
                if c < 0x20 { throw error("unescaped control character in a string") }
                guard c == UInt8(ascii: "\\") else { i += 1; continue }
                if build { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<i])) }
                i += 1
                guard i < p.count else { throw error("unterminated string") }
                let e = p[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar), i + 1 < p.count, p[i] == UInt8(ascii: "\\"), p[i + 1] == UInt8(ascii: "u") {
                        let save = i
                        i += 2
                        let low = try hex4()
                        if (0xDC00..<0xE000).contains(low) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            i = save
                        }
                    }
                    // A lone surrogate is no character: U+FFFD stands in for it.
                    let u = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                    out.append(contentsOf: String(Character(u)).utf8)
                default:
                    i -= 1
                    throw error("invalid escape '\\\(Unicode.Scalar(e))'")
                }
                runStart = i
            }
        }

        mutating func hex4() throws -> UInt32 {
            guard i + 4 <= p.count else { throw error("expected four hex digits") }
            var v: UInt32 = 0
            for _ in 0..<4 {
                let c = p[i]
                let d: UInt8
                switch c {
                case 0x30...0x39: d = c - 0x30
                case 0x41...0x46: d = c - 0x41 + 10
                case 0x61...0x66: d = c - 0x61 + 10
                default: throw error("expected four hex digits")
                }
                v = v << 4 | UInt32(d)
                i += 1
            }
            return v
        }
    }
}
