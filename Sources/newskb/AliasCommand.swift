import Foundation
import ArgumentParser
import NewsKB

struct AliasCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alias",
        abstract: "Add, list and remove user aliases and gazetteer entries (used by the next import).",
        discussion: """
            Entries live in the database (table user_aliases). The next `newskb import` analyses new \
            documents with them and re-analyses the documents already stored.

            Examples:
              newskb alias add "Kim Jong-un" --canonical "Kim Jong Un" --type PERSON
              newskb alias add "Vostochny Cosmodrome" --type FACILITY
              newskb alias list
              newskb alias remove "Kim Jong-un"
            """,
        subcommands: [Add.self, List.self, Remove.self])

    struct Add: NewsKBSubcommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an alias (with --canonical) or a gazetteer entry (without).",
            discussion: """
                Examples:
                  newskb alias add "Mr Peskov" --canonical "Dmitry Peskov" --type PERSON
                  newskb alias add "Eastern Economic Forum" --type EVENT
                """)

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "The name as it appears in text.")
        var alias: String

        @Option(help: "The canonical name it stands for (default: the alias itself, a gazetteer entry).")
        var canonical: String?

        @Option(help: "Entity type (any case).")
        var type: EntityType

        func execute() throws {
            let name = alias.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { throw Failure(message: "the alias is empty") }
            let store = try KnowledgeStore.openForWriting(path: database.path)
            let added = try UserAliases(db: store.db).add(.init(alias: name, canonical: canonical ?? name, type: type))
            Terminal.error(added ? "newskb: added; run `newskb import` to apply it" : "newskb: already there")
        }
    }

    struct List: NewsKBSubcommand {
        static let configuration = CommandConfiguration(
            abstract: "List user aliases and gazetteer entries.",
            discussion: "Examples:\n  newskb alias list --format json")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        enum Page: PageDefaults { static let noun = "entries" }
        @OptionGroup var paging: PagingOptions<Page>

        func execute() throws {
            let store = try KnowledgeStore.openForReading(path: database.path)
            output.print(paging.cut(try UserAliases(db: store.db).list()))
        }
    }

    struct Remove: NewsKBSubcommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove every entry with this alias.",
            discussion: "Examples:\n  newskb alias remove \"Kim Jong-un\"")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "The alias to remove.")
        var alias: String

        func execute() throws {
            let store = try KnowledgeStore.openForReading(path: database.path, writable: true)
            let n = try UserAliases(db: store.db).remove(alias: alias)
            if n == 0 { throw Failure(message: "no alias \"\(alias)\"") }
            Terminal.error("newskb: removed \(n); run `newskb import` to apply it")
        }
    }
}
