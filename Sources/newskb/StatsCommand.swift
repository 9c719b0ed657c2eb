import ArgumentParser
import NewsKB

struct StatsCommand: NewsKBSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Rows in every table, the database size and the schema version.",
        discussion: """
            Examples:
              newskb stats
              newskb stats --format json
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func execute() throws {
        let store = try KnowledgeStore.openForReading(path: database.path)
        output.print(try Catalog(db: store.db).stats())
    }
}
