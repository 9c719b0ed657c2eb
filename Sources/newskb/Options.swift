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

/// Listing commands print a first page by default (a 1,000,000-article database holds hundreds of
/// thousands of statements for a frequent speaker): `--limit N` changes it, `--limit 0` prints
/// everything. When rows were left out, a note on stderr says so.
enum Paging {
    /// The limit to ask the query for: one more than shown, to know whether more exist; nil for all.
    static func fetchLimit(_ limit: Int) -> Int? { limit > 0 ? limit + 1 : nil }

    /// Cuts `result` to its first `limit` units (rows, or runs of rows with the same value in
    /// column `unit`), and notes on stderr when more were found.
    static func cut(_ result: ResultSet, limit: Int, unit: String? = nil, noun: String) -> ResultSet {
        guard limit > 0 else { return result }
        var kept = [[DatabaseValue]]()
        var units = 0
        var last: DatabaseValue?
        let column = unit.flatMap { result.columns.firstIndex(of: $0) }
        for row in result.rows {
            if let c = column {
                if row[c] != last { units += 1; last = row[c] }
            } else {
                units += 1
            }
            if units > limit {
                Terminal.error("newskb: showing the first \(limit) \(noun); more match (--limit N shows more, --limit 0 all)")
                break
            }
            kept.append(row)
        }
        return ResultSet(columns: result.columns, rows: kept)
    }
}
