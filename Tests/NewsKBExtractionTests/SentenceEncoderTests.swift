import Foundation
import Testing
@testable import NewsKBExtraction

/// The static sentence encoder: the embedded table is the one the script wrote (sha256), the Swift
/// vectors equal the script's, and meaning shows in the cosine.
@Suite struct SentenceEncoderTests {
    struct VectorCase: Decodable {
        let text: String
        let ids: [Int32]
        let vector: [Float]
    }

    @Test func sha256KnownAnswers() {
        func hex(_ s: String) -> String { Array(s.utf8).withUnsafeBytes { SHA256.hex($0) } }
        #expect(hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hex(String(repeating: "a", count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func embeddedTableIsTheRecordedOne() {
        #expect(SentenceEncoder.recordedTableSHA256.count == 64)
        #expect(SHA256.hex(SentenceEncoder.embeddedTable) == SentenceEncoder.recordedTableSHA256)
        #expect(SentenceEncoder.shared.dimension == SentenceEncoder.dimension)
        #expect(SentenceEncoder.shared.vocabularySize == WordPieceTokenizer.shared.vocabularySize)
    }

    @Test func vectorsEqualTheScript() throws {
        let cases = try meaningFixture("sentence-vectors.jsonl", as: VectorCase.self)
        #expect(cases.count >= 20)
        let encoder = SentenceEncoder.shared
        for c in cases {
            #expect(encoder.tokenIDs(c.text) == c.ids, "\(c.text)")
            let v = encoder.embed(c.text)
            let worst = zip(v, c.vector).map { abs($0 - $1) }.max() ?? 1
            #expect(worst < 1e-3, "\(c.text): largest difference \(worst)")
            var w = [Float](repeating: 0, count: encoder.dimension)
            w.withUnsafeMutableBufferPointer { _ = encoder.embed(ids: c.ids, into: $0) }
            #expect(zip(v, w).allSatisfy { abs($0 - $1) < 1e-6 })
        }
    }

    @Test func paraphraseCloserThanUnrelated() {
        let e = SentenceEncoder.shared
        let a = e.embed("The train crossed the border into Russia early on Monday morning.")
        let paraphrase = e.embed("The locomotive arrived in Russia by rail at dawn on Monday.")
        let unrelated = e.embed("The company said quarterly profit fell 12% as sales of its phones slowed.")
        #expect(SentenceEncoder.dot(a, paraphrase) > SentenceEncoder.dot(a, unrelated) + 0.1)
        let b = e.embed("Heavy rain flooded several villages in the north of the country overnight.")
        let c = e.embed("Floodwater swamped a number of northern villages after a night of downpours.")
        #expect(SentenceEncoder.dot(b, c) > SentenceEncoder.dot(b, unrelated) + 0.1)
        #expect(abs(SentenceEncoder.dot(a, a) - 1) < 1e-5)
    }

    @Test func emptyTextIsTheZeroVector() {
        let e = SentenceEncoder.shared
        #expect(e.embed("").allSatisfy { $0 == 0 })
        #expect(e.embed(" \u{200B} ").allSatisfy { $0 == 0 })
        var v = [Float](repeating: 1, count: e.dimension)
        let n = v.withUnsafeMutableBufferPointer { buffer in
            var s = "  "
            return s.withUTF8 { e.embed(utf8: $0, into: buffer) }
        }
        #expect(n == 0 && v.allSatisfy { $0 == 0 })
    }

    @Test func quantizedDotApproximatesCosine() {
        let e = SentenceEncoder.shared
        let texts = ["Oil prices dropped below $70 a barrel.", "Crude fell under 70 dollars per barrel.",
                     "The striker scored twice in the second half."]
        let v = texts.map { e.embed($0) }
        let q = v.map { SentenceEncoder.quantize($0) }
        #expect(q[0].count == SentenceEncoder.dimension)
        for i in 0..<3 {
            for j in 0..<3 {
                #expect(abs(SentenceEncoder.dot(q[i], q[j]) - SentenceEncoder.dot(v[i], v[j])) < 0.02)
            }
        }
    }
}

/// SHA-256 (FIPS 180-4), for the table checksum without a crypto dependency.
enum SHA256 {
    static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    static func hex(_ data: UnsafeRawBufferPointer) -> String {
        var h: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
        var tail = Array(data[(data.count / 64 * 64)...])
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        let bits = UInt64(data.count) * 8
        for i in (0..<8).reversed() { tail.append(UInt8(truncatingIfNeeded: bits >> (UInt64(i) * 8))) }
        var w = [UInt32](repeating: 0, count: 64)
        func block(_ p: UnsafeRawBufferPointer) {
            for i in 0..<16 {
                w[i] = UInt32(p[4 * i]) << 24 | UInt32(p[4 * i + 1]) << 16 | UInt32(p[4 * i + 2]) << 8 | UInt32(p[4 * i + 3])
            }
            for i in 16..<64 {
                let s0 = w[i - 15].rotr(7) ^ w[i - 15].rotr(18) ^ (w[i - 15] >> 3)
                let s1 = w[i - 2].rotr(17) ^ w[i - 2].rotr(19) ^ (w[i - 2] >> 10)
                w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
            }
            var (a, b, c, d, e, f, g, hh) = (h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7])
            for i in 0..<64 {
                let t1 = hh &+ (e.rotr(6) ^ e.rotr(11) ^ e.rotr(25)) &+ ((e & f) ^ (~e & g)) &+ k[i] &+ w[i]
                let t2 = (a.rotr(2) ^ a.rotr(13) ^ a.rotr(22)) &+ ((a & b) ^ (a & c) ^ (b & c))
                (hh, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
            }
            for (i, v) in [a, b, c, d, e, f, g, hh].enumerated() { h[i] = h[i] &+ v }
        }
        for start in stride(from: 0, to: data.count / 64 * 64, by: 64) {
            block(UnsafeRawBufferPointer(rebasing: data[start..<start + 64]))
        }
        tail.withUnsafeBytes { t in
            for start in stride(from: 0, to: t.count, by: 64) { block(UnsafeRawBufferPointer(rebasing: t[start..<start + 64])) }
        }
        return h.map { v in String(repeating: "0", count: 8 - String(v, radix: 16).count) + String(v, radix: 16) }.joined()
    }
}

private extension UInt32 {
    func rotr(_ n: UInt32) -> UInt32 { self >> n | self << (32 - n) }
}
