/// Rows returned by a query, with their column names, ready to print in any ``OutputFormat``.
public struct ResultSet: Sendable, Equatable {
    public var columns: [String]
    public var rows: [[DatabaseValue]]

    public init(columns: [String], rows: [[DatabaseValue]] = []) {
        self.columns = columns
        self.rows = rows
    }

    /// Runs a prepared statement to completion and collects its rows.
    public init(statement: PreparedStatement) throws {
        self.init(columns: statement.columnNames, rows: try statement.rows())
    }

    /// The values of one column by name (empty if there is no such column).
    public func column(_ name: String) -> [DatabaseValue] {
        guard let i = columns.firstIndex(of: name) else { return [] }
        return rows.map { $0[i] }
    }
}

extension ResultSet {
    /// The same rows with only the named columns, in that order (unknown names are skipped).
    public func selecting(_ names: [String]) -> ResultSet {
        let idx = names.compactMap { columns.firstIndex(of: $0) }
        return ResultSet(columns: idx.map { columns[$0] }, rows: rows.map { r in idx.map { r[$0] } })
    }
}
