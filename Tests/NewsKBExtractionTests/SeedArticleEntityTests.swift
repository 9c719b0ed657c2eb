import Testing
@testable import NewsKBExtraction

/// The seed articles (`seeds/*.txt`): every person, organisation, place and facility is found,
/// aliases resolve to one entity per person, and nothing is wrongly merged.
@Suite struct SeedArticleEntityTests {
    static let seedsDir: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        parts.removeLast(3)   // Tests/NewsKBExtractionTests/<file>
        return parts.joined(separator: "/") + "/seeds"
    }()

    static func load(_ name: String) -> String? {
        guard let f = fopen(seedsDir + "/" + name, "r") else { return nil }
        defer { fclose(f) }
        var bytes = [UInt8]()
        var buf = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buf, 1, buf.count, f)
            if n <= 0 { break }
            bytes.append(contentsOf: buf[0..<n])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static let files = ["000_b71210cead4df8d3.txt", "001_c5151bc69ca5c79e.txt", "002_0c3f8b5bdfad040c.txt",
                        "003_1e0f470e273bc3f0.txt", "004_4fc8c52cf3cadb9a.txt"]

    func analysis(_ file: String) -> DocumentAnalysis? {
        Self.load(file).map { Analyzer().analyze($0) }
    }

    func entity(_ a: DocumentAnalysis, _ canonical: String) -> DocumentEntity? {
        a.entities.first { $0.canonicalName == canonical }
    }

    @Test func seed000() throws {
        let a = try #require(analysis(Self.files[0]))
        for (name, type) in [("Vladimir Putin", EntityType.person), ("Kim Jong Un", .person), ("John Kirby", .person),
                             ("Sergei Shoigu", .person), ("Dmitry Peskov", .person), ("Vladivostok", .gpe),
                             ("Pyongyang", .gpe), ("Moscow", .gpe), ("Kremlin", .org), ("White House", .org),
                             ("National Security Council", .org), ("Russia", .gpe), ("North Korea", .gpe)] {
            #expect(entity(a, name)?.type == type, "\(name)")
        }
        #expect(a.entities.contains { $0.type == .facility && $0.canonicalName.hasPrefix("Vostochny") })
        #expect(a.entities.contains { $0.type == .facility && $0.canonicalName.hasPrefix("Khasan") })
        #expect(entity(a, "Vladimir Putin")?.aliases == ["Putin"])
        #expect(entity(a, "Dmitry Peskov")?.roles == ["Kremlin spokesman"])
        #expect(entity(a, "Sergei Shoigu")?.roles == ["Defence Minister"])
        #expect(entity(a, "John Kirby")?.roles == ["National Security Council spokesman"])
        // one entity per person
        #expect(a.entities.filter { $0.canonicalName.contains("Kim") }.count == 1)
        #expect(a.entities.filter { $0.canonicalName.contains("Putin") }.count == 1)
    }

    @Test func seed001() throws {
        let a = try #require(analysis(Self.files[1]))
        for (name, type) in [("Kim Jong Un", EntityType.person), ("Vladimir Putin", .person), ("John Kirby", .person),
                             ("Sergei Shoigu", .person), ("Eastern Economic Forum", .org), ("Korean Central News Agency", .org),
                             ("CBS", .org), ("Kremlin", .org), ("White House", .org), ("Vladivostok", .gpe),
                             ("Pyongyang", .gpe), ("Carnegie Endowment for International Peace", .org)] {
            #expect(entity(a, name)?.type == type, "\(name)")
        }
        // `Mr. Kim` and the headline's `Kim Jong Un` are one person; `Mr. Shoigu` is Sergei Shoigu
        let kim = try #require(entity(a, "Kim Jong Un"))
        #expect(kim.aliases.contains("Kim"))
        #expect(a.entities.filter { $0.type == .person && $0.canonicalName.hasPrefix("Kim") }.count == 1)
        #expect(entity(a, "Sergei Shoigu")?.aliases.contains("Shoigu") == true)
    }

    @Test func seed002to004() throws {
        let b = try #require(analysis(Self.files[2]))
        #expect(entity(b, "BBC")?.type == .org)
        #expect(entity(b, "CBS")?.type == .org)
        #expect(entity(b, "John Kirby")?.type == .person)
        let c = try #require(analysis(Self.files[3]))
        #expect(entity(c, "Dmitry Peskov")?.roles == ["Kremlin spokesman"])
        #expect(c.entities.contains { $0.type == .facility && $0.canonicalName.hasPrefix("Vostochny") })
        #expect(entity(c, "Vladimir Putin")?.aliases.contains("Putin") == true)
        let d = try #require(analysis(Self.files[4]))
        #expect(entity(d, "Korean Central News Agency")?.type == .org)
        #expect(d.entities.contains { $0.type == .facility && $0.canonicalName.hasPrefix("Vostochny") })
    }

    @Test func noWrongMergesInAnySeed() throws {
        for f in Self.files {
            let a = try #require(analysis(f))
            for e in a.entities {
                // every alias of a person is a word sequence of its canonical name
                if e.type == .person {
                    for al in e.aliases { #expect(e.canonicalName.contains(al), "\(f): \(al) -> \(e.canonicalName)") }
                }
            }
            let byName = Dictionary(grouping: a.entities.indices, by: { a.entities[$0].canonicalName })
            for (name, ids) in byName { #expect(ids.count == 1, "\(f): \(name) split") }
            let t = DocumentText(Self.load(f)!)
            for m in a.mentions { #expect(t.text(m.span) == m.text) }
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
