import ArgumentParser
import NewsKB

struct WhoSaidCommand: NewsKBSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "who-said",
        abstract: "Who said what, where: attributed statements with speaker, kind, quote, document and place.",
        discussion: """
            --speaker takes a canonical name, any alias or role (Peskov, Mr Peskov, Kremlin spokesman), or \
            an unnamed-source phrase (a US official). --about is a full-text search over what was said: \
            words must all match, "quoted phrases" match as phrases, OR joins alternatives, and a trailing \
            * matches a prefix; results are ranked (bm25; when more than 5,000 statements match, the \
            5,000 most recently imported are ranked, --all ranks all) and the match is highlighted \
            in table output. Without --about, statements come in import order (document by document, \
            in text order).

            Examples:
              newskb who-said
              newskb who-said --speaker Kirby
              newskb who-said --about "artillery ammunition" --format json
              newskb who-said --document 003_1e0f470e273bc3f0.txt --kind direct
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "A speaker: name, alias, role or unnamed-source phrase.")
    var speaker: String?

    @Option(help: "Full-text search over the statements.")
    var about: String?

    @Option(help: "Only this document (its key).")
    var document: String?

    @Option(help: "Only this kind.")
    var kind: Statement.Kind?

    enum Page: PageDefaults { static let limit: Int? = 100; static let noun = "statements" }
    @OptionGroup var paging: PagingOptions<Page>

    func execute() throws {
        let store = try KnowledgeStore.openForReading(path: database.path)
        let table = output.format == .table
        let filter = StatementQueries.Filter(
            speaker: speaker, about: about, document: document, kind: kind?.rawValue, limit: paging.fetchLimit,
            highlight: table ? ("[", "]") : nil)
        let result = paging.cut(try StatementQueries(db: store.db).whoSaid(filter))
        // Tables fit the terminal, or 100 columns when stdout is not one.
        output.print(result, tableColumns: StatementQueries.whoSaidTableColumns, defaultTableWidth: 100,
                     priorityColumn: "quote")
    }
}
