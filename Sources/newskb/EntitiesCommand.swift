import ArgumentParser
import NewsKB

struct EntitiesCommand: NewsKBSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "Named entities with their mention and document counts, most widely covered first.",
        discussion: """
            Types: PERSON, ORG, GPE (countries, cities), LOC, FACILITY, EVENT, NORP (nationalities), \
            PRODUCT, WORK, LAW, MISC.

            Examples:
              newskb entities
              newskb entities --type PERSON --min-documents 3
              newskb entities --format csv > entities.csv
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Only entities of this type.")
    var type: EntityType?

    @Option(help: "Only entities mentioned in at least this many documents.")
    var minDocuments: Int = 1

    enum Page: PageDefaults { static let noun = "entities" }
    @OptionGroup var paging: PagingOptions<Page>

    func execute() throws {
        let store = try KnowledgeStore.openForReading(path: database.path)
        output.print(try EntityQueries(db: store.db).list(type: type?.rawValue, minDocuments: minDocuments, limit: paging.shown))
    }
}
