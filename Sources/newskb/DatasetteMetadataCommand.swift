import ArgumentParser
import Foundation
import NewsKB

struct DatasetteMetadataCommand: NewsKBSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "datasette-metadata",
        abstract: "A Datasette metadata document (JSON) that describes every table, view and column.",
        discussion: """
            Built from the database's own documentation (schema_docs): the database, each public \
            table and view and each column described; full-text search over statements set up on \
            statements and who_said; the importer's own tables hidden.

            Examples:
              newskb datasette-metadata --db newskb.db > metadata.json
              datasette newskb.db --metadata metadata.json
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(name: .long, help: ArgumentHelp(
        "The database's name in Datasette (default: the file name without its extension).", valueName: "name"))
    var name: String?

    func validate() throws {
        if let name, name.isEmpty || name.contains("/") {
            throw ValidationError("--name must be a non-empty name without '/' (Datasette's name for the database).")
        }
    }

    func execute() throws {
        let store = try KnowledgeStore.openForReading(path: database.path)
        let stem = URL(fileURLWithPath: database.path).deletingPathExtension().lastPathComponent
        let metadata = try DatasetteMetadata.build(db: store.db, name: name ?? stem)
        Terminal.write(try metadata.json() + "\n")
    }
}
