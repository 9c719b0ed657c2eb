import Testing
@testable import NewsKB

@Test func placeholder() { #expect(EmbeddedMigrations.files.count >= 0) }
