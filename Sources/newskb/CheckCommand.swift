import Foundation
import ArgumentParser
import NewsKB

struct CheckCommand: NewsKBSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a database: integrity, foreign keys, every span's offsets, orphans, full-text index.",
        discussion: """
            Prints one line per check; exits 1 when any check fails.

            With --recompute, also copies the database to a temporary file, recomputes stories, claim \
            groups and disagreements there over the whole store with the stored key counts, and \
            compares them (members and ids) with those stored: what an import that recomputed only \
            the components its documents reach must equal. Costs a copy of the file and a full corpus phase.

            Examples:
              newskb check
              newskb check --db news.db --format json
              newskb check --recompute
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions
    @Flag(help: "Also compare the stored stories, claim groups and disagreements with a recomputation on a copy.")
    var recompute = false

    func execute() throws {
        // The FTS5 integrity-check is issued as an INSERT, so open for writing (nothing is changed).
        let store = try KnowledgeStore.openForReading(path: database.path, writable: true)
        var findings = try IntegrityCheck(db: store.db).run()
        if recompute {
            let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("newskb-recompute-\(getpid()).db").path
            let d = try CorpusRecomputation.compare(store.db, scratch: scratch)
            findings.append(IntegrityCheck.Finding(check: "corpus phase equals a recomputation", ok: d.total == 0, detail: d.total == 0 ? "ok" :
                "\(d.stories) stories, \(d.groups) claim groups and \(d.conflicts) disagreements differ from a recomputation with the stored key counts: run `newskb rebuild`"))
        }
        output.print(ResultSet(columns: ["check", "result", "detail"], rows: findings.map {
            [.text($0.check), .text($0.ok ? "ok" : "FAILED"), .text($0.detail)]
        }))
        if findings.contains(where: { !$0.ok }) { throw ExitCode(1) }
    }
}
