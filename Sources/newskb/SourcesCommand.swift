import ArgumentParser
import NewsKB

struct SourcesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources",
        abstract: "List the documents with their metadata and what was extracted from each.",
        discussion: """
            Examples:
              newskb sources
              newskb sources --format csv > documents.csv
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Show at most this many documents.")
    var limit: Int?

    func run() throws {
        try reportingErrors {
            let store = try KnowledgeStore.openForReading(path: database.path)
            output.print(try Catalog(db: store.db).sources(limit: limit))
        }
    }
}
