import CNewsKBModels

/// Sentence vectors from a static table distilled from all-MiniLM-L6-v2 (scripts/build-embeddings.py):
/// one int8 row (with a float scale) per WordPiece id; a sentence is the mean of its WordPiece rows, its
/// component along the table's "common direction" removed, L2-normalised. Compare two sentences by the dot
/// product of their vectors (their cosine). About 256 multiply-adds a WordPiece.
///
/// A text without any WordPiece (empty, only whitespace or dropped characters) has the zero vector: its
/// dot product with everything is 0.
public final class SentenceEncoder: Sendable {
    /// The encoder over the table embedded in the binary (CNewsKBModels), loaded once.
    public static let shared: SentenceEncoder = {
        guard let encoder = SentenceEncoder(table: embeddedTable, tokenizer: .shared) else {
            fatalError("minilm-static.bin embedded in CNewsKBModels is not a valid table")
        }
        return encoder
    }()

    /// The bytes of `minilm-static.bin` as embedded in the binary (for checksums).
    public static var embeddedTable: UnsafeRawBufferPointer {
        var length = 0
        let base = newskb_minilm_static(&length)!
        return UnsafeRawBufferPointer(start: base, count: length)
    }

    /// The sha256 (hex) recorded for the embedded table when the script wrote it.
    public static let recordedTableSHA256: String = NEWSKB_MINILM_STATIC_SHA256

    /// The dimension of the shipped table.
    public static let dimension = 256

    public let tokenizer: WordPieceTokenizer
    public let dimension: Int
    public let vocabularySize: Int
    private let scales: [Float]
    private let rows: [Int8]
    private let common: [Float]

    /// Reads a table in the format of scripts/build-embeddings.py ("NKSE", version 1, little-endian);
    /// nil when it is not one or its vocabulary size differs from the tokenizer's.
    public init?(table: UnsafeRawBufferPointer, tokenizer: WordPieceTokenizer) {
        guard table.count >= 16, UInt32(littleEndian: table.loadUnaligned(as: UInt32.self)) == 0x4553_4B4E else { return nil }
        func u32(_ offset: Int) -> Int { Int(UInt32(littleEndian: table.loadUnaligned(fromByteOffset: offset, as: UInt32.self))) }
        let version = u32(4), vocabulary = u32(8), dimension = u32(12)
        guard version == 1, dimension > 0, vocabulary == tokenizer.vocabularySize,
              table.count == 16 + vocabulary * (4 + dimension) + 4 * dimension else { return nil }
        var scales = [Float](repeating: 0, count: vocabulary)
        var rows = [Int8](repeating: 0, count: vocabulary * dimension)
        rows.withUnsafeMutableBytes { out in
            for t in 0..<vocabulary {
                let offset = 16 + t * (4 + dimension)
                scales[t] = Float(bitPattern: UInt32(littleEndian: table.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
                out.baseAddress!.advanced(by: t * dimension)
                    .copyMemory(from: table.baseAddress!.advanced(by: offset + 4), byteCount: dimension)
            }
        }
        let commonOffset = 16 + vocabulary * (4 + dimension)
        self.common = (0..<dimension).map {
            Float(bitPattern: UInt32(littleEndian: table.loadUnaligned(fromByteOffset: commonOffset + 4 * $0, as: UInt32.self)))
        }
        self.scales = scales
        self.rows = rows
        self.tokenizer = tokenizer
        self.dimension = dimension
        self.vocabularySize = vocabulary
    }

    /// The WordPiece ids of a text (no [CLS]/[SEP]).
    public func tokenIDs(_ text: some StringProtocol) -> [Int32] {
        tokenizer.tokenIDs(text)
    }

    /// The unit sentence vector of a text (`dimension` floats); the zero vector when it has no WordPiece.
    public func embed(_ text: some StringProtocol) -> [Float] {
        var vector = [Float](repeating: 0, count: dimension)
        var string = String(text)
        string.withUTF8 { utf8 in
            vector.withUnsafeMutableBufferPointer { _ = embed(utf8: utf8, into: $0) }
        }
        return vector
    }

    /// The hot-path variant: embeds UTF-8 text into `vector` (at least `dimension` floats) without
    /// allocating (on ASCII text). Returns the number of WordPieces; 0 leaves the zero vector.
    @discardableResult
    public func embed(utf8 text: UnsafeBufferPointer<UInt8>, into vector: UnsafeMutableBufferPointer<Float>) -> Int {
        embed(into: vector) { add in tokenizer.forEachTokenID(utf8: text, add) }
    }

    /// Embeds a list of WordPiece ids (as `tokenIDs` gives) into `vector`; returns how many there were.
    @discardableResult
    public func embed(ids: some Sequence<Int32>, into vector: UnsafeMutableBufferPointer<Float>) -> Int {
        embed(into: vector) { add in
            for id in ids where id >= 0 && Int(id) < vocabularySize { add(id) }
        }
    }

    /// Sums the rows of the ids `produce` passes on, then `finish`es the vector.
    private func embed(into vector: UnsafeMutableBufferPointer<Float>, _ produce: ((Int32) -> Void) -> Void) -> Int {
        precondition(vector.count >= dimension, "vector buffer shorter than the dimension")
        let out = vector.baseAddress!
        out.update(repeating: 0, count: dimension)
        var count = 0
        let d = dimension
        scales.withUnsafeBufferPointer { scales in
            rows.withUnsafeBufferPointer { rows in
                let base = rows.baseAddress!
                produce { id in
                    let row = base + Int(id) * d
                    let scale = scales[Int(id)]
                    for k in 0..<d { out[k] += scale * Float(row[k]) }
                    count += 1
                }
            }
        }
        finish(out, tokens: count)
        return count
    }

    /// Mean, common direction removed, L2-normalised (in place).
    private func finish(_ v: UnsafeMutablePointer<Float>, tokens: Int) {
        guard tokens > 0 else { return }
        let n = Float(tokens)
        for k in 0..<dimension { v[k] /= n }
        var projection: Float = 0
        common.withUnsafeBufferPointer { c in
            for k in 0..<dimension { projection += v[k] * c[k] }
            for k in 0..<dimension { v[k] -= projection * c[k] }
        }
        var norm: Float = 0
        for k in 0..<dimension { norm += v[k] * v[k] }
        norm = norm.squareRoot()
        if norm > 0 {
            for k in 0..<dimension { v[k] /= norm }
        } else {
            v.update(repeating: 0, count: dimension)
        }
    }

    // MARK: - Vectors

    /// The cosine of two unit vectors (their dot product).
    public static func dot(_ a: [Float], _ b: [Float]) -> Float {
        precondition(a.count == b.count, "vectors of different dimensions")
        var s: Float = 0
        for k in 0..<a.count { s += a[k] * b[k] }
        return s
    }

    /// The scale of `quantize`: a unit vector's components are in [-1, 1].
    public static let quantizationScale: Float = 127

    /// A finished (unit) vector as int8, component × 127 rounded — for storing vectors compactly.
    public static func quantize(_ vector: [Float]) -> [Int8] {
        vector.withUnsafeBufferPointer { v in
            [Int8](unsafeUninitializedCapacity: v.count) { out, n in quantize(v, into: out); n = v.count }
        }
    }

    /// The same into a caller's buffer.
    public static func quantize(_ vector: UnsafeBufferPointer<Float>, into out: UnsafeMutableBufferPointer<Int8>) {
        precondition(out.count >= vector.count, "output buffer shorter than the vector")
        for k in 0..<vector.count { out[k] = Int8(max(-127, min(127, (vector[k] * quantizationScale).rounded()))) }
    }

    /// The cosine of two quantized vectors (≈ the dot product of the originals, within about 0.01).
    public static func dot(_ a: [Int8], _ b: [Int8]) -> Float {
        precondition(a.count == b.count, "vectors of different dimensions")
        return a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in dot(x, y) } }
    }

    public static func dot(_ a: UnsafeBufferPointer<Int8>, _ b: UnsafeBufferPointer<Int8>) -> Float {
        var s: Int32 = 0
        for k in 0..<min(a.count, b.count) { s &+= Int32(a[k]) * Int32(b[k]) }
        return Float(s) / (quantizationScale * quantizationScale)
    }
}
