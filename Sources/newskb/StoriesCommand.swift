import ArgumentParser
import NewsKB

struct StoriesCommand: NewsKBSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "stories",
        abstract: "Stories: documents that cover the same event, largest first.",
        discussion: """
            Documents are grouped by the distinctive entities and terms they share and by publication \
            dates close together; alike events (two summits, two earthquakes) stay apart.

            Examples:
              newskb stories
              newskb stories --min-documents 2 --format csv
              newskb stories --limit 5
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Only stories with at least this many documents.")
    var minDocuments: Int = 1

    enum Page: PageDefaults { static let noun = "stories" }
    @OptionGroup var paging: PagingOptions<Page>

    func execute() throws {
        let store = try KnowledgeStore.openForReading(path: database.path)
        let result = paging.cut(try ClaimQueries(db: store.db).stories(minDocuments: minDocuments), unit: "story")
        output.print(result, tableColumns: ClaimQueries.storiesTableColumns, defaultTableWidth: 100)
    }
}
