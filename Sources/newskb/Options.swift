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

// Options whose values are a fixed set: help lists the values, completion offers them, and the
// parser rejects any other value naming the valid ones.
extension OutputFormat: ExpressibleByArgument {}

extension EntityType: ExpressibleByArgument {
    /// Entity types are upper case in the database; any case is accepted here (`--type person`).
    public init?(argument: String) { self.init(rawValue: argument.uppercased()) }
}

extension Statement.Kind: ExpressibleByArgument {}

/// `--format`, shared by every listing command.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Output format.", valueName: "format"))
    var format: OutputFormat = .table

    /// Prints a result in the chosen format; tables show only `tableColumns` (when given) and
    /// are cut to the terminal's width when stdout is a terminal.
    func print(_ result: ResultSet, tableColumns: [String]? = nil, defaultTableWidth: Int? = nil,
               priorityColumn: String? = nil) {
        var result = result
        if format == .table, let tableColumns { result = result.selecting(tableColumns) }
        let width = format == .table ? (Terminal.columns(of: STDOUT_FILENO) ?? defaultTableWidth) : nil
        Terminal.write(ResultFormatter(format: format, maxWidth: width, priorityColumn: priorityColumn).render(result))
    }
}

/// What a listing command shows without `--limit`: the size of its first page (nil: everything),
/// and what it counts, for help and messages.
protocol PageDefaults {
    static var limit: Int? { get }
    static var noun: String { get }
}

extension PageDefaults {
    /// Everything, unless a command pages by default.
    static var limit: Int? { nil }
}

/// `--limit N` and `--all`, shared by every listing command. Commands with many rows (a
/// 1,000,000-article database holds hundreds of thousands of statements for a frequent speaker)
/// print a first page by default; `--limit N` changes its size, `--all` prints everything.
struct PagingOptions<Defaults: PageDefaults>: ParsableArguments {
    // Unconditional, so that `--limit -3` reaches validate() instead of reading as an option.
    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Show at most this many \(Defaults.noun) (default: \(Defaults.limit.map { "\($0)" } ?? "all")).",
        valueName: "n"))
    var limit: Int?

    @Flag(help: "Show every one of the \(Defaults.noun).")
    var all = false

    func validate() throws {
        if let limit, limit < 1 {
            throw ValidationError("--limit \(limit): expected a positive number of \(Defaults.noun) (--all shows every one)")
        }
        if all && limit != nil { throw ValidationError("--limit and --all: give one or the other") }
    }

    /// The most units to show; nil for all.
    var shown: Int? { all ? nil : limit ?? Defaults.limit }

    /// The limit to ask the query for: one more than shown, to know whether more exist; nil for all.
    var fetchLimit: Int? { shown.map { $0 + 1 } }

    /// Cuts `result` to its first `shown` units (rows, or runs of rows with the same value in
    /// column `unit`), and notes on stderr when more were found.
    func cut(_ result: ResultSet, unit: String? = nil, noun: String = Defaults.noun) -> ResultSet {
        guard let limit = shown else { return result }
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
                Terminal.error("newskb: showing the first \(limit) \(noun); more match (--limit N shows more, --all all)")
                break
            }
            kept.append(row)
        }
        return ResultSet(columns: result.columns, rows: kept)
    }
}
