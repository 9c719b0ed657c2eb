import Foundation
import Testing
@testable import NewsKBExtraction

/// The cases of a JSONL fixture in Tests/Fixtures/meaning/ (written by scripts/build-embeddings.py
/// --fixtures), one a line; read here and by SentenceEncoderTests.
func meaningFixture<Case: Decodable>(_ name: String, as type: Case.Type = Case.self) throws -> [Case] {
    let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/meaning")
    let data = try Data(contentsOf: folder.appendingPathComponent(name))
    return try data.split(separator: UInt8(ascii: "\n")).map { try JSONDecoder().decode(Case.self, from: Data($0)) }
}

/// The Swift WordPiece tokenizer against the package's (`tokenizers`, all-MiniLM-L6-v2's tokenizer.json)
/// on ~3,000 generated sentences (scripts/build-embeddings.py --fixtures): vocabulary words in every
/// capitalisation, digits, punctuation, accents, other scripts, CJK, emoji, quote marks, odd whitespace
/// and control characters.
@Suite struct WordPieceTokenizerTests {
    struct Case: Decodable {
        let text: String
        let ids: [Int32]
    }

    @Test func generatedSentencesMatchThePackageTokenizer() throws {
        let cases = try meaningFixture("wordpiece-ids.jsonl", as: Case.self)
        #expect(cases.count >= 3000)
        let tokenizer = WordPieceTokenizer.shared
        var mismatches = 0
        for c in cases {
            let ids = tokenizer.tokenIDs(c.text)
            if ids != c.ids {
                mismatches += 1
                if mismatches <= 10 {
                    Issue.record("\(c.text.debugDescription)\n  package \(c.ids.map { tokenizer.token($0) })\n  swift   \(ids.map { tokenizer.token($0) })")
                }
            }
        }
        #expect(mismatches == 0, "\(mismatches) of \(cases.count) sentences differ")
    }

    @Test func basics() {
        let t = WordPieceTokenizer.shared
        #expect(t.vocabularySize == 30522)
        #expect(t.tokenIDs("").isEmpty)
        #expect(t.tokenIDs(" \t\n ").isEmpty)
        #expect(t.tokenIDs("Hello, World!").map { t.token($0) } == ["hello", ",", "world", "!"])
        #expect(t.tokenIDs("Crème BRÛLÉE").map { t.token($0) } == t.tokenIDs("creme brulee").map { t.token($0) })
        #expect(t.tokenIDs(String(repeating: "a", count: 101)) == [t.unknownID])
        #expect(t.tokenIDs("北京") .count == 2)
        // The UTF-8 entry point gives the same ids.
        var ids: [Int32] = []
        var s = "Quarterly profits at US media giant TimeWarner jumped 76%"
        s.withUTF8 { t.forEachTokenID(utf8: $0) { ids.append($0) } }
        #expect(ids == t.tokenIDs(s))
    }

    /// Invalid UTF-8 reads as U+FFFD (dropped) and never traps.
    @Test func invalidUTF8() {
        let t = WordPieceTokenizer.shared
        let bytes: [UInt8] = [0x61, 0xFF, 0x62, 0xC3, 0x20, 0xE2, 0x82, 0x20, 0xF0, 0x9F, 0x98]
        var ids: [Int32] = []
        bytes.withUnsafeBufferPointer { t.forEachTokenID(utf8: $0) { ids.append($0) } }
        #expect(ids == t.tokenIDs("ab"))
    }

    /// Words a second in release builds: `NEWSKB_WORDPIECE_SPEED=path/to/corpus.jsonl swift test -c release
    /// --filter WordPieceSpeed` (skipped otherwise).
    @Test func wordPieceSpeed() throws {
        guard let path = ProcessInfo.processInfo.environment["NEWSKB_WORDPIECE_SPEED"] else { return }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var texts: [String] = []
        for line in data.split(separator: UInt8(ascii: "\n")) {
            if let o = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any], let text = o["text"] as? String {
                texts.append(text)
            }
        }
        let words = texts.reduce(0) { $0 + $1.split(whereSeparator: { $0 == " " || $0 == "\n" }).count }
        let t = WordPieceTokenizer.shared
        let e = SentenceEncoder.shared
        var tokens = 0
        let clock = ContinuousClock()
        let tokenizing = clock.measure {
            for var text in texts { text.withUTF8 { t.forEachTokenID(utf8: $0) { _ in tokens += 1 } } }
        }
        var vector = [Float](repeating: 0, count: e.dimension)
        var checksum: Float = 0
        let embedding = clock.measure {
            for var text in texts {
                text.withUTF8 { u in vector.withUnsafeMutableBufferPointer { _ = e.embed(utf8: u, into: $0) } }
                checksum += vector[0]
            }
        }
        func rate(_ d: Duration) -> Double {
            Double(words) / (Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18)
        }
        print("wordpiece: \(words) words, \(tokens) tokens; tokenize \(Int(rate(tokenizing))) words/s, "
              + "embed \(Int(rate(embedding))) words/s (whole articles, checksum \(checksum))")
    }
}

/// `make check-embeddings`: reads sentences (one a line) from NEWSKB_WORDPIECE_INPUT and writes their
/// ids (space-separated, one line each) to NEWSKB_WORDPIECE_OUTPUT; the script compares them with the
/// package tokenizer's. Does nothing without those variables.
@Suite struct WordPieceCorpusCheck {
    @Test func writeIDs() throws {
        let env = ProcessInfo.processInfo.environment
        guard let input = env["NEWSKB_WORDPIECE_INPUT"], let output = env["NEWSKB_WORDPIECE_OUTPUT"] else { return }
        let data = try Data(contentsOf: URL(fileURLWithPath: input))
        var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        let t = WordPieceTokenizer.shared
        let out = lines.map { line in
            t.tokenIDs(String(decoding: line, as: UTF8.self)).map(String.init).joined(separator: " ")
        }.joined(separator: "\n") + "\n"
        try out.write(toFile: output, atomically: true, encoding: .utf8)
    }
}
