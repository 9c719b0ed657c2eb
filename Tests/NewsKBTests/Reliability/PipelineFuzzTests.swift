import Testing
import Foundation
import NewsKBExtraction
@testable import NewsKB

/// A seeded random-input fuzzer over the whole extraction pipeline: news-like text mutated with
/// quote marks, odd Unicode, line breaks and cut points. It must never crash, every span must lie
/// inside the text and read back exactly, and the same input must give the same analysis.
/// `make test` runs it for a few seconds; `make fuzz` (NEWSKB_FUZZ_SECONDS=300) for longer.
@Suite struct PipelineFuzzTests {
    static let pieces: [String] = [
        "“", "”", "\"", "'", "‘", "’", "«", "»", "—", " – ", ":", ";", ".", "...", "…", "?", "!", "\n", "\n\n", "\t",
        " said ", " told reporters ", " according to ", ", he said.", " Mr. ", " Dr. ", " U.S. ", " 3.5 ", " $1.2bn ",
        "🇺🇸", "👩‍👩‍👧", "e\u{301}", "\u{200B}", "\u{202E}", "\u{FEFF}", "עברית", "北京", "\u{0}", "Kim", "Putin",
        " the Kremlin ", " President ", "(", ")", "'s", "’s", " — ", "A", "-", "\r\n",
    ]

    static func mutate(_ base: [Unicode.Scalar], _ rng: inout SeededRandom) -> String {
        var scalars = base
        for _ in 0..<Int.random(in: 1...40, using: &rng) {
            guard !scalars.isEmpty else { break }
            let at = Int.random(in: 0...scalars.count, using: &rng)
            switch Int.random(in: 0..<4, using: &rng) {
            case 0, 1:
                scalars.insert(contentsOf: pieces.randomElement(using: &rng)!.unicodeScalars, at: at)
            case 2:
                let end = min(scalars.count, at + Int.random(in: 1...200, using: &rng))
                if at < end { scalars.removeSubrange(at..<end) }
            default:
                if let u = Unicode.Scalar(UInt32.random(in: 0x20...0x2FFF, using: &rng)) { scalars.insert(u, at: min(at, scalars.count)) }
            }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    static func checkAnalysis(_ text: String) {
        let analysis = Analyzer().analyze(text)
        let doc = DocumentText(text)
        let n = doc.scalarCount
        func inside(_ s: TextSpan?) -> Bool { s.map { 0 <= $0.start && $0.start <= $0.end && $0.end <= n } ?? true }
        for s in analysis.sentences { #expect(inside(s.span)) }
        for m in analysis.mentions {
            #expect(inside(m.span))
            #expect(analysis.entities.indices.contains(m.entity))
            if inside(m.span) { #expect(doc.text(m.span) == m.text) }
        }
        for s in analysis.statements {
            #expect(inside(s.content) && inside(s.cue) && inside(s.speakerSpan) && inside(s.place))
            #expect(s.speakerEntity.map { analysis.entities.indices.contains($0) } ?? true)
        }
        #expect(Analyzer().analyze(text) == analysis, "not deterministic")
    }

    @Test func randomMutationsOfNewsTextNeverBreakTheInvariants() throws {
        let seconds = Double(ProcessInfo.processInfo.environment["NEWSKB_FUZZ_SECONDS"] ?? "") ?? 4
        let seedDir = repoRoot + "/seeds"
        let bases = try FileManager.default.contentsOfDirectory(atPath: seedDir).sorted()
            .map { Array(try String(contentsOfFile: seedDir + "/" + $0, encoding: .utf8).unicodeScalars) }
        var rng = SeededRandom(seed: UInt64(ProcessInfo.processInfo.environment["NEWSKB_FUZZ_SEED"] ?? "") ?? 2026)
        let deadline = Date().addingTimeInterval(seconds)
        var runs = 0
        while Date() < deadline {
            let base = bases[Int.random(in: 0..<bases.count, using: &rng)]
            let cut = Int.random(in: 0...base.count, using: &rng)
            let slice = Array(base[Int.random(in: 0...cut, using: &rng)..<cut])
            Self.checkAnalysis(Self.mutate(slice.isEmpty ? base : slice, &rng))
            runs += 1
        }
        #expect(runs > 0)
    }

    @Test func degenerateInputs() {
        for text in ["", " ", "\n\n\n", "“", "”“”“", String(repeating: "“", count: 10_000),
                     String(repeating: "\"a ", count: 5_000), String(repeating: "said ", count: 5_000),
                     String(repeating: "Mr. ", count: 5_000), "\u{0}\u{0}", String(repeating: "🇺🇸", count: 1000)] {
            Self.checkAnalysis(text)
        }
    }
}
