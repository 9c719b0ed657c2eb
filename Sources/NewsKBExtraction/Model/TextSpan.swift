/// A half-open range of **Unicode code-point** offsets into a document body.
///
/// `start` and `end` count `Unicode.Scalar`s from the beginning of the verbatim body,
/// so that SQLite's `substr(body, start + 1, end - start)` returns the spanned text.
/// They are neither `String.Index`, UTF-16 nor UTF-8 offsets.
public struct TextSpan: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        precondition(start <= end, "TextSpan start \(start) after end \(end)")
        self.start = start
        self.end = end
    }

    public var length: Int { end - start }
    public var isEmpty: Bool { start == end }

    public func contains(_ other: TextSpan) -> Bool { start <= other.start && other.end <= end }
    public func overlaps(_ other: TextSpan) -> Bool { start < other.end && other.start < end }

    public static func < (a: TextSpan, b: TextSpan) -> Bool {
        a.start != b.start ? a.start < b.start : a.end < b.end
    }

    public var description: String { "[\(start),\(end))" }
}
