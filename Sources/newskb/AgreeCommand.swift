import ArgumentParser
import NewsKB

struct AgreeCommand: NewsKBSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "agree",
        abstract: "Claims supported by several sources, most supported first, with each source's own sentence.",
        discussion: """
            A claim group holds claims from different documents that assert the same thing (paraphrases, \
            synonyms, the same number in other units, the same quotation reported differently). \
            --about keeps groups whose evidence contains the text (case-insensitive) or mentions an \
            entity with that name or alias; --story counts only the documents of one story (see `newskb stories`).

            Examples:
              newskb agree
              newskb agree --min-sources 3
              newskb agree --about Shoigu --format json
              newskb agree --story 1
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Only claims stated by at least this many documents.")
    var minSources: Int = 2

    @Option(help: "Only claims whose evidence contains this text or names this entity.")
    var about: String?

    @Option(help: "Only this story (its id from `newskb stories`).")
    var story: Int?

    enum Page: PageDefaults { static let limit: Int? = 20; static let noun = "claim groups" }
    @OptionGroup var paging: PagingOptions<Page>

    func execute() throws {
        let store = try KnowledgeStore.openForReading(path: database.path)
        let result = try ClaimQueries(db: store.db).agree(minSources: minSources, about: about, story: story,
                                                          limit: paging.fetchLimit)
        output.print(paging.cut(result, unit: "claim_group"), tableColumns: ClaimQueries.agreeTableColumns,
                     defaultTableWidth: 100)
    }
}
