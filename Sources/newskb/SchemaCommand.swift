import ArgumentParser
import NewsKB

struct SchemaCommand: NewsKBSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "The public views and tables, with a line of documentation per column.",
        discussion: """
            The same text is in README's schema section, and in the schema_docs table of every \
            database, so that the file explains itself in the sqlite3 shell too.

            Examples:
              newskb schema
              newskb schema --format markdown
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func execute() throws {
        let store = try KnowledgeStore.openForReading(path: database.path)
        output.print(try Catalog(db: store.db).schema())
    }
}
