import Testing
import Foundation

/// Bad arguments are rejected by the parser, before any command runs: one clear message naming
/// the option (and the valid values of a fixed set), the usage, and exit code 64.
@Suite(.serialized, .seedDatabase) struct ArgumentTests {
    /// The seeds, imported once for the suite: no test here writes to the database.
    var db: String { get throws { try #require(SeedDatabase.path) } }

    static let listings: [[String]] = [
        ["who-said"], ["entities"], ["entity", "Peskov"], ["sources"], ["agree"], ["disagree"], ["stories"],
        ["compare"], ["alias", "list"],
    ]

    @Test(arguments: listings) func aNegativeOrZeroLimitIsRejected(command: [String]) throws {
        for limit in ["-3", "0"] {
            let r = try CLI.run(command + ["--db", db, "--limit", limit])
            #expect(r.status == 64, "\(command) --limit \(limit): \(r.stderr)")
            #expect(r.stderr.contains("Error: --limit \(limit): expected a positive number of"), "\(r.stderr)")
            #expect(r.stderr.contains("--all shows every one") && r.stdout.isEmpty)
        }
        let both = try CLI.run(command + ["--db", db, "--limit", "2", "--all"])
        #expect(both.status == 64 && both.stderr.contains("--limit and --all: give one or the other"))
        let all = try CLI.run(command + ["--db", db, "--all"])
        #expect(all.status == 0, "\(command) --all: \(all.stderr)")
    }

    @Test func aDateThatDoesNotReadIsRejected() throws {
        let r = try CLI.run(["import", "--db", db, "--date", "13/09/2023x", repoRoot + "/seeds"])
        #expect(r.status == 64, "\(r.stderr)")
        #expect(r.stderr.contains("Error: --date: cannot read \"13/09/2023x\" as a date; write it as YYYY-MM-DD."), "\(r.stderr)")
    }

    @Test func anUnknownTypeOrKindIsRejectedNamingTheValidValues() throws {
        let type = try CLI.run(["entities", "--db", db, "--type", "ALIEN"])
        #expect(type.status == 64)
        #expect(type.stderr.contains("The value 'ALIEN' is invalid for '--type <type>'"), "\(type.stderr)")
        #expect(type.stderr.contains("PERSON") && type.stderr.contains("FACILITY"))
        let kind = try CLI.run(["who-said", "--db", db, "--kind", "shouted"])
        #expect(kind.status == 64)
        #expect(kind.stderr.contains("The value 'shouted' is invalid for '--kind <kind>'"), "\(kind.stderr)")
        #expect(kind.stderr.contains("'direct', 'partial' or 'indirect'"))
        let format = try CLI.run(["sources", "--db", db, "--format", "xml"])
        #expect(format.status == 64 && format.stderr.contains("The value 'xml' is invalid for '--format <format>'"))
    }

    @Test func typesAreAcceptedInAnyCaseAndKindsFilter() throws {
        let lower = try CLI.run(["entities", "--db", db, "--type", "person", "--format", "csv"])
        let upper = try CLI.run(["entities", "--db", db, "--type", "PERSON", "--format", "csv"])
        #expect(lower.status == 0 && lower.stdout == upper.stdout && lower.stdout.contains(",PERSON,"))
        let direct = try CLI.run(["who-said", "--db", db, "--kind", "direct", "--all", "--format", "tsv"])
        let kinds = Set(direct.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "\t")[1] })
        #expect(direct.status == 0 && kinds == ["direct"], "\(direct.stderr)")
    }

    @Test func helpListsTheValuesOfFixedSets() throws {
        // Help wraps to the terminal's width: compare with the words joined by single spaces.
        func help(_ command: String) throws -> String {
            try CLI.run([command, "--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        let entities = try help("entities")
        #expect(entities.contains("(values: PERSON, ORG, GPE, LOC, FACILITY, EVENT, NORP, PRODUCT, WORK, LAW, MISC)"), "\(entities)")
        #expect(entities.contains("--limit <n> Show at most this many entities (default: all).") && entities.contains("--all"))
        let whoSaid = try help("who-said")
        #expect(whoSaid.contains("(values: direct, partial, indirect)"), "\(whoSaid)")
        #expect(whoSaid.contains("Show at most this many statements (default: 100)."))
    }

    /// Help is wrapped by the parser: a paragraph written on several source lines must not keep
    /// their breaks, or an 80-column help breaks lines after a word or two (`… the database` /
    /// `file` / `in the sqlite3 shell`).
    @Test(arguments: [[]] + ["import", "who-said", "entities", "entity", "alias", "sql", "sources", "stats", "schema",
                             "check", "rebuild", "agree", "disagree", "stories", "compare", "datasette-metadata", "report"].map { [$0] })
    func helpParagraphsReadCleanly(command: [String]) throws {
        let out = try CLI.run(command + ["--help"]).stdout
        let text = out.components(separatedBy: "USAGE:")[0].components(separatedBy: "\n")
        for (a, b) in zip(text, text.dropFirst()) where !a.isEmpty && !b.isEmpty && !a.hasPrefix(" ") && !b.hasPrefix(" ") {
            #expect(a.count >= 50 || a.hasSuffix(":") || a.hasSuffix("."), "\(command): a line breaks after \"\(a)\"")
        }
    }

    @Test func storiesTakeALimit() throws {
        let all = try CLI.run(["stories", "--db", db, "--format", "json"])
        #expect(all.status == 0, "\(all.stderr)")
        let one = try CLI.run(["stories", "--db", db, "--limit", "1", "--format", "json"])
        #expect(one.status == 0, "\(one.stderr)")
        let rows = try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [[String: Any]] ?? []
        // One story, with every one of its documents.
        #expect(!rows.isEmpty && Set(rows.compactMap { $0["story"] as? Int }) == [1])
        #expect(one.stdout == all.stdout || one.stderr.contains("showing the first 1 stories"))
    }
}

/// The seed articles imported once into a temporary database for a whole suite: its path is
/// `SeedDatabase.path` while the suite's tests run, and it is removed after the last.
struct SeedDatabase: SuiteTrait, TestScoping {
    @TaskLocal static var path: String?

    func provideScope(for test: Test, testCase: Test.Case?,
                      performing function: @Sendable () async throws -> Void) async throws {
        let dir = TempDir()
        let path = dir.file("a.db")
        _ = try CLI.run(["import", "--quiet", "--db", path, repoRoot + "/seeds"])
        try await Self.$path.withValue(path) { try await function() }
        withExtendedLifetime(dir) {}
    }
}

extension Trait where Self == SeedDatabase {
    /// ``SeedDatabase``: the seeds imported once for the suite.
    static var seedDatabase: Self { Self() }
}
