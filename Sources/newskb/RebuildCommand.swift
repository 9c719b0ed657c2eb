import ArgumentParser
import NewsKB

struct RebuildCommand: NewsKBSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Recompute stories, claim groups and disagreements over the whole database.",
        discussion: """
            Runs the corpus phase from the stored claims, as an import that adds or replaces a \
            document does, without reading any article: the stories, claim groups and disagreements \
            are computed anew from scratch, and entities that no document mentions any more go. An \
            import that was killed before its corpus phase is completed by the next import or by \
            this command.

            Examples:
              newskb rebuild
              newskb rebuild --db news.db
            """)

    @OptionGroup var database: DatabaseOptions

    @Flag(name: .shortAndLong, help: "No summary.")
    var quiet = false

    func execute() throws {
        // An existing newskb database only: a missing file is an error, not a new empty store.
        let store = try KnowledgeStore.openForReading(path: database.path, writable: true)
        let summary = try Importer(store: store).rebuild()
        if !quiet, let c = summary.corpus {
            Terminal.error("newskb: rebuilt \(database.path): documents \(c.documents), stories \(c.stories), "
                           + "claim groups \(c.groups), disagreements \(c.conflicts) in \(String(format: "%.2f", summary.seconds)) s")
        }
    }
}
