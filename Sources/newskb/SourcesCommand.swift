import ArgumentParser
import NewsKB

struct SourcesCommand: NewsKBSubcommand {
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

    enum Page: PageDefaults { static let noun = "documents" }
    @OptionGroup var paging: PagingOptions<Page>

    func execute() throws {
        let store = try KnowledgeStore.openForReading(path: database.path)
        output.print(try Catalog(db: store.db).sources(limit: paging.shown))
    }
}
