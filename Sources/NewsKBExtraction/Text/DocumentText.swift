/// A document body prepared for analysis: its UTF-8 bytes for fast scanning, and the map
/// from UTF-8 byte offsets to Unicode code-point offsets that every ``TextSpan`` uses.
///
/// Build it once per document. Hot loops scan ``utf8``; spans are converted to code points
/// with ``scalarOffset(ofByte:)`` when they leave the extraction.
public struct DocumentText: Sendable {
    /// The verbatim body.
    public let body: String
    /// The body's UTF-8 bytes.
    public let utf8: [UInt8]
    /// `scalarStarts[i]` is the byte offset at which code point `i` starts; the last element
    /// is `utf8.count`, so it has `scalarCount + 1` elements.
    public let scalarStarts: [Int32]

    public init(_ body: String) {
        self.body = body
        let bytes = Array(body.utf8)
        self.utf8 = bytes
        var starts = [Int32]()
        starts.reserveCapacity(bytes.count + 1)
        for (i, b) in bytes.enumerated() where b & 0xC0 != 0x80 {
            starts.append(Int32(i))
        }
        starts.append(Int32(bytes.count))
        self.scalarStarts = starts
    }

    /// Number of Unicode code points in the body.
    public var scalarCount: Int { scalarStarts.count - 1 }

    /// The code-point offset of the code point that starts at (or contains) byte `byte`.
    /// `byte == utf8.count` maps to ``scalarCount``.
    public func scalarOffset(ofByte byte: Int) -> Int {
        // Binary search for the last start <= byte.
        var lo = 0, hi = scalarStarts.count - 1
        let target = Int32(byte)
        while lo < hi {
            let mid = (lo + hi + 1) >> 1
            if scalarStarts[mid] <= target { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// The byte offset at which code point `scalar` starts (`scalarCount` maps to `utf8.count`).
    @inline(__always)
    public func byteOffset(ofScalar scalar: Int) -> Int { Int(scalarStarts[scalar]) }

    /// Converts a byte range `[start, end)` to a code-point ``TextSpan``.
    public func span(bytes start: Int, _ end: Int) -> TextSpan {
        TextSpan(scalarOffset(ofByte: start), scalarOffset(ofByte: end))
    }

    /// The text of a code-point span, exactly as `substr(body, start+1, end-start)` returns it.
    public func text(_ span: TextSpan) -> String {
        let a = byteOffset(ofScalar: span.start), b = byteOffset(ofScalar: span.end)
        return String(decoding: utf8[a..<b], as: UTF8.self)
    }
}
