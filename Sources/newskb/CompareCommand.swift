import ArgumentParser
import NewsKB

struct CompareCommand: NewsKBSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Source × source: claims shared and claims in conflict for each pair of sources.",
        discussion: """
            One row per pair of sources (documents, or outlets with --by-outlet) that share a claim \
            group or take different positions in a disagreement.

            Examples:
              newskb compare
              newskb compare --by-outlet --format csv
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    @Flag(help: "Compare outlets (documents.outlet) instead of documents.")
    var byOutlet = false

    @Option(help: "Only this story (its id from `newskb stories`).")
    var story: Int?

    enum Page: PageDefaults { static let noun = "pairs" }
    @OptionGroup var paging: PagingOptions<Page>

    func execute() throws {
        let store = try KnowledgeStore.openForReading(path: database.path)
        let result = try ClaimQueries(db: store.db).compare(byOutlet: byOutlet, story: story)
        output.print(paging.cut(result), defaultTableWidth: 100)
    }
}
