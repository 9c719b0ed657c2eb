import Testing
import Foundation
import NewsKBExtraction
@testable import NewsKB

/// The binary carries copies of migrations/ and the lexicons; they must not drift from the files.
@Suite struct EmbeddedResourcesTests {
    private func filesOnDisk(_ folder: String, _ ext: String) throws -> [(String, String)] {
        let dir = repoRoot + "/" + folder
        return try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(ext) }.sorted()
            .map { ($0, try String(contentsOfFile: dir + "/" + $0, encoding: .utf8)) }
    }

    @Test func embeddedMigrationsMatchTheFiles() throws {
        let disk = try filesOnDisk("migrations", ".sql")
        #expect(!disk.isEmpty)
        #expect(EmbeddedMigrations.files.map(\.name) == disk.map(\.0), "run `make generate`")
        for (e, d) in zip(EmbeddedMigrations.files, disk) {
            #expect(e.contents == d.1, "\(e.name) drifted from migrations/: run `make generate`")
        }
    }

    @Test func embeddedLexiconsMatchTheFiles() throws {
        let disk = try filesOnDisk("Sources/NewsKBExtraction/Lexicons", ".txt")
        #expect(EmbeddedLexicons.files.map(\.name) == disk.map(\.0), "run `make generate`")
        for (e, d) in zip(EmbeddedLexicons.files, disk) {
            #expect(e.contents == d.1, "\(e.name) drifted from Lexicons/: run `make generate`")
        }
    }
}
