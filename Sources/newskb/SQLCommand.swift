import ArgumentParser
import Foundation
import NewsKB

struct SQLCommand: NewsKBSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Run SQL against the database (read-only unless --write).",
        discussion: """
            The SQL comes as an argument, or from standard input with `-`. Values are passed as named \
            parameters with --param and bound, never spliced into the SQL. Several statements may be \
            given; the rows of each statement that returns rows are printed.

            Examples:
              newskb sql "SELECT key, title FROM documents ORDER BY key"
              newskb sql "SELECT * FROM documents WHERE key = :key" --param key=000_b71210cead4df8d3.txt
              echo "SELECT count(*) AS n FROM documents" | newskb sql - --format json
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .customLong("param"), help: ArgumentHelp(
        "A named parameter: name=value, used as :name in the SQL. Repeatable.", valueName: "name=value"))
    var params: [String] = []

    @Flag(help: "Allow statements that change the database.")
    var write = false

    @Argument(help: ArgumentHelp("The SQL, or - to read it from standard input.", valueName: "sql"))
    var sql: String

    func execute() throws {
        var parameters = [String: String]()
        for p in params {
            guard let eq = p.firstIndex(of: "="), eq != p.startIndex else {
                throw Failure(message: "--param \(p): expected name=value")
            }
            parameters[String(p[..<eq])] = String(p[p.index(after: eq)...])
        }
        let text = sql == "-" ? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) : sql
        let store = try KnowledgeStore.openForReading(path: database.path, writable: write)
        let results = try SQLRunner(db: store.db, allowWrites: write).run(text, parameters: parameters)
        for r in results { output.print(r) }
    }
}
