import ArgumentParser
import NewsKB

struct EntityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entity",
        abstract: "Everything about one entity: canonical name, type, aliases, roles, documents and statements.",
        discussion: """
            NAME may be the canonical name or any alias or role (Kim, Mr. Kim, Kremlin spokesman).

            Examples:
              newskb entity "Kim Jong Un"
              newskb entity Peskov --format json
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "A name, alias or role.")
    var name: String

    @Option(help: "List at most this many documents and statements (0: all).")
    var limit: Int = 100

    func run() throws {
        try reportingErrors {
            let store = try KnowledgeStore.openForReading(path: database.path)
            let profiles = try EntityQueries(db: store.db).profile(name, limit: Paging.fetchLimit(limit))
            if profiles.isEmpty {
                throw Failure(message: "no entity called \"\(name)\" (try `newskb entities` to list them)")
            }
            if output.format == .table {
                for p in profiles {
                    Terminal.write("""
                        \(p.name) (\(p.type))
                        aliases: \(p.aliases.isEmpty ? "—" : p.aliases.joined(separator: ", "))
                        roles:   \(p.roles.isEmpty ? "—" : p.roles.joined(separator: ", "))

                        documents:

                        """)
                    output.print(Paging.cut(p.documents, limit: limit, noun: "documents"))
                    Terminal.write("\nstatements:\n")
                    output.print(Paging.cut(p.statements, limit: limit, noun: "statements"))
                    Terminal.write("\n")
                }
            } else {
                // One row per entity; documents and statements as nested JSON text.
                let rows: [[DatabaseValue]] = profiles.map { p in
                    [.text(p.name), .text(p.type), .text(p.aliases.joined(separator: "; ")),
                     .text(p.roles.joined(separator: "; ")),
                     .integer(Int64(Paging.cut(p.documents, limit: limit, noun: "documents").rows.count)),
                     .integer(Int64(Paging.cut(p.statements, limit: limit, noun: "statements").rows.count))]
                }
                output.print(ResultSet(columns: ["name", "type", "aliases", "roles", "documents", "statements"], rows: rows))
            }
        }
    }
}
