import ArgumentParser
import NewsKB

@main
struct NewsKBCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newskb",
        abstract: "Turn news articles into a SQLite knowledge store: who said what, where, and which sources agree.",
        discussion: """
            Import articles, then ask questions from the command line or open the database file \
            in the sqlite3 shell. The database is `$NEWSKB_DB`, else ./newskb.db, unless --db names one.

            Examples:
              newskb import seeds/
              newskb sql "SELECT key, title FROM documents"
              newskb sources --format json | jq '.[].key'
              sqlite3 newskb.db "SELECT * FROM documents LIMIT 1"
            """,
        version: NewsKBVersion.string,
        subcommands: [
            ImportCommand.self, MergeCommand.self, WhoSaidCommand.self, EntitiesCommand.self, EntityCommand.self, AliasCommand.self,
            SQLCommand.self, SourcesCommand.self, StatsCommand.self, SchemaCommand.self, CheckCommand.self,
            RebuildCommand.self, AgreeCommand.self, DisagreeCommand.self, StoriesCommand.self, CompareCommand.self, DatasetteMetadataCommand.self, ReportCommand.self, AttributionTokensCommand.self, AttributionStatementsCommand.self,
        ])
}
