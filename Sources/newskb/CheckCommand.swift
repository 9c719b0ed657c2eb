import ArgumentParser
import NewsKB

struct CheckCommand: NewsKBSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a database: integrity, foreign keys, every span's offsets, orphans, full-text index.",
        discussion: """
            Prints one line per check; exits 1 when any check fails.

            Examples:
              newskb check
              newskb check --db news.db --format json
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func execute() throws {
        // The FTS5 integrity-check is issued as an INSERT, so open for writing (nothing is changed).
        let store = try KnowledgeStore.openForReading(path: database.path, writable: true)
        let findings = try IntegrityCheck(db: store.db).run()
        output.print(ResultSet(columns: ["check", "result", "detail"], rows: findings.map {
            [.text($0.check), .text($0.ok ? "ok" : "FAILED"), .text($0.detail)]
        }))
        if findings.contains(where: { !$0.ok }) { throw ExitCode(1) }
    }
}
