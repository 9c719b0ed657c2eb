import Foundation
import Testing
@testable import NewsKBExtraction

/// The seed articles of `seeds/`, read from the repository.
enum SeedText {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("seeds")

    static func named(_ prefix: String) -> String? {
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return nil }
        guard let f = files.sorted().first(where: { $0.hasPrefix(prefix) }) else { return nil }
        return try? String(contentsOf: folder.appendingPathComponent(f), encoding: .utf8)
    }

    static var all: [String] { ["000", "001", "002", "003", "004"].compactMap(named) }
}

/// On the seed articles: every quotation is attributed to the right speaker, and the reported
/// statements of Kirby, Peskov, Panda, Everard, the Kremlin and the White House are found.
@Suite struct StatementSeedTests {
    func rows(_ seed: String) throws -> [SaidRow] {
        let body = try #require(SeedText.named(seed), "seed \(seed) missing")
        return said(body)
    }

    func expectSpeaker(_ rows: [SaidRow], _ content: String, _ who: String, kind: Statement.Kind? = nil,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        let r = find(rows, content)
        #expect(r != nil, "no statement containing “\(content)”", sourceLocation: sourceLocation)
        #expect(r?.who?.contains(who) == true, "“\(content)” attributed to \(r?.who ?? "nobody"), expected \(who)",
                sourceLocation: sourceLocation)
        if let kind { #expect(r?.kind == kind, sourceLocation: sourceLocation) }
    }

    @Test func seed000() throws {
        let r = try rows("000")
        expectSpeaker(r, "actively advancing", "White House", kind: .partial)
        expectSpeaker(r, "Shoigu had attempted to persuade Pyongyang", "Kirby", kind: .indirect)
        expectSpeaker(r, "bilateral relations, the situation in the region", "Kremlin", kind: .partial)
        expectSpeaker(r, "Russia would always act in its national interest", "Peskov")
        expectSpeaker(r, "The interests of our two countries are important to us", "Peskov", kind: .direct)
        expectSpeaker(r, "North Korea may also seek food aid", "Analysts")
    }

    @Test func seed001() throws {
        let r = try rows("001")
        expectSpeaker(r, "they will likely discuss an arms deal", "US official")
        expectSpeaker(r, "the two leaders would meet", "Kremlin", kind: .partial)
        expectSpeaker(r, "accompanied by senior government officials", "Korean Central News Agency")
        expectSpeaker(r, "Russia and North Korea are “actively advancing”", "White House", kind: .partial)
        expectSpeaker(r, "convince Pyongyang to sell artillery ammunition", "Kirby", kind: .partial)
        expectSpeaker(r, "Russia and North Korea have goods each other wants", "Panda", kind: .indirect)
        expectSpeaker(r, "What matters now is whether both sides can agree", "Panda", kind: .direct)
        expectSpeaker(r, "Russia will likely ask North Korea for conventional arms", "Panda", kind: .indirect)
        expectSpeaker(r, "This could allow North Korea to transfer more sophisticated weaponry", "Panda", kind: .direct)
    }

    @Test func seed002() throws {
        let r = try rows("002")
        expectSpeaker(r, "the efforts of Russia’s Defence Minister", "Kirby")
        expectSpeaker(r, "heightened media attention surrounding the potential meeting", "Everard")
        expectSpeaker(r, "the pressing need for munitions in Moscow", "Everard")
        expectSpeaker(r, "North Korea would leverage this to demand steep prices", "Everard")
        expectSpeaker(r, "more of a transactional nature", "experts")
    }

    @Test func seed003() throws {
        let r = try rows("003")
        expectSpeaker(r, "When I get there, you will know", "Putin", kind: .direct)
        expectSpeaker(r, "fully-fledged visit", "Kremlin", kind: .partial)
        expectSpeaker(r, "it might take place in the “coming days.”", "Kremlin")
        expectSpeaker(r, "negotiations between Russia and North Korea were on a weapons deal", "White House", kind: .partial)
        expectSpeaker(r, "Shoigu had tried to “convince Pyongyang", "Kirby", kind: .partial)
        expectSpeaker(r, "Russia would always act in its national interest", "Peskov", kind: .indirect)
        expectSpeaker(r, "The interests of our two countries are important to us", "Peskov", kind: .direct)
        expectSpeaker(r, "North Korea also wants food aid", "analysts")
        let putin = find(r, "When I get there")
        #expect(putin?.place == "at the Eastern Economic Forum")
    }

    @Test func seed004() throws {
        let r = try rows("004")
        expectSpeaker(r, "a clear manifestation", "Kim Jong Un", kind: .partial)
        expectSpeaker(r, "Russia may be interested in North Korea’s stockpile", "Experts")
        expectSpeaker(r, "pay a price", "White House", kind: .partial)
        expectSpeaker(r, "he was greeted by an honour guard", "Korean Central News Agency")
    }

    /// Every quotation of more than two words in the seeds belongs to some statement with a speaker.
    @Test func everyQuotationIsAttributed() throws {
        for body in SeedText.all {
            let a = Analyzer().analyze(body)
            let t = DocumentText(body)
            let scalars = Array(body.unicodeScalars)
            var i = 0
            while i < scalars.count {
                if scalars[i] == "“", let close = scalars[(i + 1)...].firstIndex(of: "”") {
                    let inner = String(String.UnicodeScalarView(scalars[(i + 1)..<close]))
                    if inner.split(separator: " ").count > 2 {
                        let owner = a.statements.first { $0.content.start <= i + 1 && close <= $0.content.end + 1 }
                        #expect(owner != nil, "quotation “\(inner)” has no statement")
                        #expect(owner?.speakerEntity != nil || owner?.speakerPhrase != nil,
                                "quotation “\(inner)” has no speaker: \(owner.map { t.text($0.content) } ?? "")")
                    }
                    i = close + 1
                } else { i += 1 }
            }
        }
    }
}
