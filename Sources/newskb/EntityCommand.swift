import ArgumentParser
import NewsKB

struct EntityCommand: NewsKBSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "entity",
        abstract: "Everything about one entity: canonical name, type, aliases, roles, documents and statements.",
        discussion: """
            NAME may be the canonical name or any alias or role (Kim, Mr. Kim, Kremlin spokesman). \
            When it names several entities, the best match comes first (the entity of that \
            canonical name, then the one most documents call so); the first page profiles 5 of \
            them and names the others.

            Examples:
              newskb entity "Kim Jong Un"
              newskb entity Peskov --format json
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "A name, alias or role.")
    var name: String

    enum Page: PageDefaults { static let limit: Int? = 100; static let noun = "documents and statements" }
    @OptionGroup var paging: PagingOptions<Page>

    func execute() throws {
        let store = try KnowledgeStore.openForReading(path: database.path)
        let queries = EntityQueries(db: store.db)
        let ids = try queries.resolveRanked(name)
        if ids.isEmpty {
            throw Failure(message: "no entity called \"\(name)\" (try `newskb entities` to list them)")
        }
        // Best match first; on a page, the first few in full and the others by name.
        let shown = paging.shown != nil ? Array(ids.prefix(EntityQueries.profilesPerPage)) : ids
        let profiles = try queries.profiles(ids: shown, limit: paging.fetchLimit)
        if shown.count < ids.count {
            let others = try ids.dropFirst(shown.count).prefix(20).map { id in
                try store.db.rows("SELECT name || ' (' || type || ')' FROM entities WHERE id = ?", [id]).first?[0].description ?? "\(id)"
            }
            Terminal.error("newskb: showing the best \(shown.count) of \(ids.count) entities called \"\(name)\"; also: "
                           + others.joined(separator: ", ") + (ids.count - shown.count > others.count ? ", …" : "")
                           + " (--all shows all)")
        }
        if output.format == .table {
            for p in profiles {
                Terminal.write("""
                    \(p.name) (\(p.type))
                    aliases: \(p.aliases.isEmpty ? "—" : p.aliases.joined(separator: ", "))
                    roles:   \(p.roles.isEmpty ? "—" : p.roles.joined(separator: ", "))

                    documents:

                    """)
                output.print(paging.cut(p.documents, noun: "documents"))
                Terminal.write("\nstatements:\n")
                output.print(paging.cut(p.statements, noun: "statements"))
                Terminal.write("\n")
            }
        } else {
            // One row per entity; documents and statements as nested JSON text.
            let rows: [[DatabaseValue]] = profiles.map { p in
                [.text(p.name), .text(p.type), .text(p.aliases.joined(separator: "; ")),
                 .text(p.roles.joined(separator: "; ")),
                 .integer(Int64(paging.cut(p.documents, noun: "documents").rows.count)),
                 .integer(Int64(paging.cut(p.statements, noun: "statements").rows.count))]
            }
            output.print(ResultSet(columns: ["name", "type", "aliases", "roles", "documents", "statements"], rows: rows))
        }
    }
}
