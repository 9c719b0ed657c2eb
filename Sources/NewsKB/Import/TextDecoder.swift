/// Turns the raw bytes of an input into the verbatim body, or says why it cannot.
///
/// A UTF-8 BOM is dropped; UTF-16 with a BOM is decoded; NUL bytes (binary files), invalid
/// UTF-8 and empty input are refused with a message naming the problem and where it is.
enum TextDecoder {
    enum Failure: Error, Equatable {
        case empty
        case binary(byteOffset: Int)
        case invalidUTF8(byteOffset: Int)
        case invalidUTF16

        var message: String {
            switch self {
            case .empty: return "empty: no text to import"
            case .binary(let o): return "binary data (NUL byte at byte \(o)): not a text file"
            case .invalidUTF8(let o): return "invalid UTF-8 at byte \(o): convert the file to UTF-8 (e.g. iconv -f LATIN1 -t UTF-8)"
            case .invalidUTF16: return "invalid UTF-16 text after its byte-order mark"
            }
        }
    }

    static func decode(_ bytes: [UInt8]) -> Result<String, Failure> {
        if bytes.count >= 2 && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return decodeUTF16(bytes, littleEndian: bytes[0] == 0xFF)
        }
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        return decodeUTF8(bytes[start...], offsetBase: start)
    }

    static func decodeUTF8(_ bytes: ArraySlice<UInt8>, offsetBase: Int = 0) -> Result<String, Failure> {
        if let nul = bytes.firstIndex(of: 0) { return .failure(.binary(byteOffset: nul - bytes.startIndex + offsetBase)) }
        if let bad = firstInvalidUTF8(bytes) { return .failure(.invalidUTF8(byteOffset: bad - bytes.startIndex + offsetBase)) }
        let s = String(decoding: bytes, as: UTF8.self)
        if isBlank(s) { return .failure(.empty) }
        return .success(s)
    }

    static func decodeUTF16(_ bytes: [UInt8], littleEndian: Bool) -> Result<String, Failure> {
        guard bytes.count % 2 == 0 else { return .failure(.invalidUTF16) }
        var units = [UInt16]()
        units.reserveCapacity(bytes.count / 2 - 1)
        var i = 2
        while i + 1 < bytes.count {
            units.append(littleEndian ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8
                                      : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
            i += 2
        }
        var s = ""
        var it = units.makeIterator()
        var codec = UTF16()
        loop: while true {
            switch codec.decode(&it) {
            case .scalarValue(let v):
                if v.value == 0 { return .failure(.binary(byteOffset: s.utf16.count * 2 + 2)) }
                s.unicodeScalars.append(v)
            case .emptyInput: break loop
            case .error: return .failure(.invalidUTF16)
            }
        }
        if isBlank(s) { return .failure(.empty) }
        return .success(s)
    }

    /// Offset of the first byte that starts an invalid UTF-8 sequence, or nil.
    static func firstInvalidUTF8(_ b: ArraySlice<UInt8>) -> Int? {
        var i = b.startIndex
        let end = b.endIndex
        while i < end {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            var need = 0
            var min: UInt32 = 0
            var cp: UInt32 = 0
            if c & 0xE0 == 0xC0 { need = 1; min = 0x80; cp = UInt32(c & 0x1F) }
            else if c & 0xF0 == 0xE0 { need = 2; min = 0x800; cp = UInt32(c & 0x0F) }
            else if c & 0xF8 == 0xF0 { need = 3; min = 0x10000; cp = UInt32(c & 0x07) }
            else { return i }
            if i + need >= end { return i }
            for k in 1...need {
                let cc = b[i + k]
                if cc & 0xC0 != 0x80 { return i }
                cp = cp << 6 | UInt32(cc & 0x3F)
            }
            if cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) { return i }
            i += need + 1
        }
        return nil
    }

    static func isBlank(_ s: String) -> Bool {
        s.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }
}
