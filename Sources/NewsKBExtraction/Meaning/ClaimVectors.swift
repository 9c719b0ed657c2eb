/// Gives each claim its sentence vector: the ``SentenceEncoder`` embedding of its span, quantized
/// to `Int8` (``SentenceEncoder/quantize(_:into:)``), which the corpus phase compares by dot
/// product (the grouper's `cosine` feature). A claim without WordPieces keeps an empty vector.
public enum ClaimVectors {
    public static func attach(to claims: inout [Claim], text: DocumentText, encoder: SentenceEncoder = .shared) {
        guard !claims.isEmpty else { return }
        let d = encoder.dimension
        var buffer = [Float](repeating: 0, count: d)
        text.utf8.withUnsafeBufferPointer { utf8 in
            buffer.withUnsafeMutableBufferPointer { v in
                for i in claims.indices {
                    let span = claims[i].span
                    let a = text.byteOffset(ofScalar: span.start), b = text.byteOffset(ofScalar: span.end)
                    guard encoder.embed(utf8: UnsafeBufferPointer(rebasing: utf8[a..<b]), into: v) > 0 else { continue }
                    // Quantized straight into the claim's own array (no scratch copied per claim).
                    claims[i].vector = [Int8](unsafeUninitializedCapacity: d) { q, n in
                        SentenceEncoder.quantize(UnsafeBufferPointer(v), into: q)
                        n = d
                    }
                }
            }
        }
    }
}
