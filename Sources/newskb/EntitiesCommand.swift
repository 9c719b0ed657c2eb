import ArgumentParser
import NewsKB

struct EntitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "Named entities with their mention and document counts, most widely covered first.",
        discussion: """
            Types: PERSON, ORG, GPE (countries, cities), LOC, FACILITY, EVENT, NORP (nationalities),
            PRODUCT, WORK, LAW, MISC.

            Examples:
              newskb entities
              newskb entities --type PERSON --min-documents 3
              newskb entities --format csv > entities.csv
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Only entities of this type.")
    var type: String?

    @Option(help: "Only entities mentioned in at least this many documents.")
    var minDocuments: Int = 1

    @Option(help: "Show at most this many entities.")
    var limit: Int?

    func run() throws {
        try reportingErrors {
            let store = try KnowledgeStore.openForReading(path: database.path)
            if let t = type, !EntityType.allCases.map(\.rawValue).contains(t.uppercased()) {
                throw Failure(message: "--type \(t): expected one of \(EntityType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            output.print(try EntityQueries(db: store.db).list(type: type, minDocuments: minDocuments, limit: limit))
        }
    }
}
