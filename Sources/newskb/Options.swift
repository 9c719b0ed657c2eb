import ArgumentParser
import Foundation
import NewsKB

/// `--db`, shared by every command.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The database file (default: $NEWSKB_DB, else ./newskb.db).", valueName: "file"))
    var db: String?

    var path: String { db ?? KnowledgeStore.defaultPath }
}

extension OutputFormat: ExpressibleByArgument {}

/// `--format`, shared by every listing command.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "format"))
    var format: OutputFormat = .table

    /// Prints a result in the chosen format; tables are cut to the terminal's width when
    /// stdout is a terminal.
    func print(_ result: ResultSet, defaultTableWidth: Int? = nil, priorityColumn: String? = nil) {
        let width = format == .table ? (Terminal.columns(of: STDOUT_FILENO) ?? defaultTableWidth) : nil
        Terminal.write(ResultFormatter(format: format, maxWidth: width, priorityColumn: priorityColumn).render(result))
    }
}
