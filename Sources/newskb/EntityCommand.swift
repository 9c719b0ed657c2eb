import ArgumentParser
import NewsKB

struct EntityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entity",
        abstract: "Everything about one entity: canonical name, type, aliases, roles, documents and statements.",
        discussion: """
            NAME may be the canonical name or any alias or role (Kim, Mr. Kim, Kremlin spokesman).
            When it names several entities, the best match comes first (the entity of that
            canonical name, then the one most documents call so); the first page profiles 5 of
            them and names the others.

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
            let queries = EntityQueries(db: store.db)
            let ids = try queries.resolveRanked(name)
            if ids.isEmpty {
                throw Failure(message: "no entity called \"\(name)\" (try `newskb entities` to list them)")
            }
            // Best match first; on a page, the first few in full and the others by name.
            let shown = limit > 0 ? Array(ids.prefix(EntityQueries.profilesPerPage)) : ids
            let profiles = try queries.profiles(ids: shown, limit: Paging.fetchLimit(limit))
            if shown.count < ids.count {
                let others = try ids.dropFirst(shown.count).prefix(20).map { id in
                    try store.db.rows("SELECT name || ' (' || type || ')' FROM entities WHERE id = ?", [id]).first?[0].description ?? "\(id)"
                }
                Terminal.error("newskb: showing the best \(shown.count) of \(ids.count) entities called \"\(name)\"; also: "
                               + others.joined(separator: ", ") + (ids.count - shown.count > others.count ? ", …" : "")
                               + " (--limit 0 shows all)")
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
