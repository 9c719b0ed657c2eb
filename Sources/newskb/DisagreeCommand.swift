import ArgumentParser
import NewsKB

struct DisagreeCommand: NewsKBSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "disagree",
        abstract: "Where sources conflict: each disagreement with every source's position and evidence.",
        discussion: """
            Kinds: place (the same event in different places, heading toward vs away from a place), \
            time (different dates), numeric (different numbers for the same quantity), negation (one \
            source denies what another asserts), direction (A supplies B vs B supplies A).

            Examples:
              newskb disagree
              newskb disagree --story 1 --format json
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Only this story (its id from `newskb stories`).")
    var story: Int?

    enum Page: PageDefaults { static let limit: Int? = 20; static let noun = "disagreements" }
    @OptionGroup var paging: PagingOptions<Page>

    func execute() throws {
        let store = try KnowledgeStore.openForReading(path: database.path)
        let result = try ClaimQueries(db: store.db).disagree(story: story, limit: paging.fetchLimit)
        output.print(paging.cut(result, unit: "disagreement"), tableColumns: ClaimQueries.disagreeTableColumns,
                     defaultTableWidth: 100)
    }
}
