import ArgumentParser
import NewsKB

struct StoriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stories",
        abstract: "Stories: documents that cover the same event, largest first.",
        discussion: """
            Documents are grouped by the distinctive entities and terms they share and by publication
            dates close together; alike events (two summits, two earthquakes) stay apart.

            Examples:
              newskb stories
              newskb stories --min-documents 2 --format csv
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Only stories with at least this many documents.")
    var minDocuments: Int = 1

    func run() throws {
        try reportingErrors {
            let store = try KnowledgeStore.openForReading(path: database.path)
            var result = try ClaimQueries(db: store.db).stories(minDocuments: minDocuments)
            if output.format == .table {
                result = result.selecting(["story", "documents", "document", "title", "label"])
            }
            output.print(result, defaultTableWidth: 100)
        }
    }
}
