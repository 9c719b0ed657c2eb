import CSQLite

/// A prepared statement: prepare once, then run it for every row or lookup with
/// ``execute(_:)``, ``forEachRow(_:_:)``, ``firstRow(_:_:)``, ``scalar(_:)`` or ``rows(_:)``, which
/// reset it, bind the values given (exactly one per parameter, or they throw; none given keeps
/// the bindings already made, as by ``bind(_:named:)``) and reset it again when done, even on error.
///
/// Statements are not thread-safe; they belong to the ``Database`` that prepared them and must
/// not outlive it.
public final class PreparedStatement {
    /// The SQL text of this statement.
    public let sql: String
    let handle: OpaquePointer
    unowned let database: Database

    init(database: Database, sql: String, handle: OpaquePointer) {
        self.database = database
        self.sql = sql
        self.handle = handle
    }

    deinit { sqlite3_finalize(handle) }

    /// True when the statement makes no direct change to the database file
    /// (`sqlite3_stmt_readonly`).
    public var isReadOnly: Bool { sqlite3_stmt_readonly(handle) != 0 }

    /// Column names of the result rows.
    public var columnNames: [String] {
        (0..<sqlite3_column_count(handle)).map { String(cString: sqlite3_column_name(handle, $0)) }
    }

    public var columnCount: Int { Int(sqlite3_column_count(handle)) }

    /// Number of parameters (`?`, `:name`) in the SQL.
    public var parameterCount: Int { Int(sqlite3_bind_parameter_count(handle)) }

    /// The name of parameter `index` (1-based) including its prefix (`:name`), if it has one.
    public func parameterName(_ index: Int) -> String? {
        sqlite3_bind_parameter_name(handle, Int32(index)).map { String(cString: $0) }
    }

    // MARK: Binding

    /// Binds `value` to the 1-based parameter `index`.
    public func bind(_ value: DatabaseValue, at index: Int) throws {
        let rc = value.bind(to: handle, at: Int32(index))
        if rc != SQLITE_OK { throw DatabaseError(connection: database.handle, code: rc, sql: sql) }
    }

    /// Binds values to the parameters in order, starting at 1: one value per parameter, or it
    /// throws (`SQLITE_RANGE`) rather than leave a parameter with the previous run's value.
    public func bind(_ values: [DatabaseBindable?]) throws {
        try checkArgumentCount(values.count)
        for (i, v) in values.enumerated() { try bind(v?.databaseValue ?? .null, at: i + 1) }
    }

    /// Throws unless `given` values fit the statement's parameters.
    private func checkArgumentCount(_ given: Int) throws {
        let expected = parameterCount
        if given != expected {
            throw DatabaseError(resultCode: .SQLITE_RANGE,
                                message: "wrong number of statement arguments: the SQL has \(expected) parameter\(expected == 1 ? "" : "s"), \(given) value\(given == 1 ? "" : "s") given",
                                sql: sql)
        }
    }

    /// Binds a named parameter (`name` without or with its `:`/`@`/`$` prefix).
    public func bind(_ value: DatabaseValue, named name: String) throws {
        let candidates = name.first.map { ":@$".contains($0) } == true ? [name] : [":" + name, "@" + name, "$" + name]
        for c in candidates {
            let i = sqlite3_bind_parameter_index(handle, c)
            if i > 0 { try bind(value, at: Int(i)); return }
        }
        throw DatabaseError(resultCode: .SQLITE_RANGE, message: "no parameter named \(name) in the SQL", sql: sql)
    }

    // MARK: Stepping

    /// Advances to the next row: true when a row is available, false when done.
    @discardableResult
    public func step() throws -> Bool {
        let rc = sqlite3_step(handle)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = DatabaseError(connection: database.handle, code: rc, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Resets the statement so it can run again; bindings are kept until rebound.
    public func reset() {
        sqlite3_reset(handle)
    }

    /// Clears all bindings to NULL.
    public func clearBindings() { sqlite3_clear_bindings(handle) }

    /// Resets, binds `values`, and steps to completion. For INSERT/UPDATE/DELETE.
    public func execute(_ values: [DatabaseBindable?]? = nil) throws {
        try forEachRow(values) { _ in }
    }

    /// Resets, binds `values` to the parameters in order, and steps to completion: the bulk-write
    /// form of ``execute(_:)``, with each value bound as its own type (no array, no boxing). Throws
    /// unless there is one value per parameter.
    public func execute<each V: DatabaseBindable>(binding values: repeat each V) throws {
        reset()
        var count = 0
        for _ in repeat each values { count += 1 }
        try checkArgumentCount(count)
        var index: Int32 = 0
        for value in repeat each values {
            index += 1
            let rc = value.bind(to: handle, at: index)
            if rc != SQLITE_OK { throw DatabaseError(connection: database.handle, code: rc, sql: sql) }
        }
        while try step() {}
        reset()
    }

    /// Resets, binds `values` (nil: keeps the bindings made), and calls `body` with the statement
    /// on each row; resets again when done, even when `body` or a step throws.
    public func forEachRow(_ values: [DatabaseBindable?]? = nil, _ body: (PreparedStatement) throws -> Void) throws {
        reset()
        defer { reset() }
        if let values { try bind(values) }
        while try step() { try body(self) }
    }

    /// Resets, binds `values` (nil: keeps the bindings made), steps once and returns `body` of the
    /// first row (nil when there is none); resets again when done, even on error.
    @discardableResult
    public func firstRow<T>(_ values: [DatabaseBindable?]? = nil, _ body: (PreparedStatement) throws -> T) throws -> T? {
        reset()
        defer { reset() }
        if let values { try bind(values) }
        return try step() ? body(self) : nil
    }

    /// Resets, binds, steps once and returns the first column of the first row (or nil).
    public func scalar(_ values: [DatabaseBindable?]? = nil) throws -> DatabaseValue? {
        try firstRow(values) { $0.column(0) }
    }

    /// Resets, binds, and returns every row.
    public func rows(_ values: [DatabaseBindable?]? = nil) throws -> [[DatabaseValue]] {
        var out = [[DatabaseValue]]()
        let n = columnCount
        try forEachRow(values) { s in out.append((0..<n).map { s.column($0) }) }
        return out
    }

    // MARK: Columns of the current row

    public func column(_ index: Int) -> DatabaseValue {
        let i = Int32(index)
        switch sqlite3_column_type(handle, i) {
        case SQLITE_NULL: return .null
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, i))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, i))
        case SQLITE_BLOB:
            let n = Int(sqlite3_column_bytes(handle, i))
            guard n > 0, let p = sqlite3_column_blob(handle, i) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: p, count: n)))
        default:
            return .text(columnString(index) ?? "")
        }
    }

    public func columnInt64(_ index: Int) -> Int64 { sqlite3_column_int64(handle, Int32(index)) }
    public func columnInt(_ index: Int) -> Int { Int(sqlite3_column_int64(handle, Int32(index))) }

    /// The bytes of a blob column, valid inside `body` only; empty for an empty blob or NULL.
    public func withColumnBlob<T>(_ index: Int, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        let n = Int(sqlite3_column_bytes(handle, Int32(index)))
        return try body(UnsafeRawBufferPointer(start: n > 0 ? sqlite3_column_blob(handle, Int32(index)) : nil, count: n))
    }

    public func columnString(_ index: Int) -> String? {
        guard let p = sqlite3_column_text(handle, Int32(index)) else { return nil }
        let n = Int(sqlite3_column_bytes(handle, Int32(index)))
        return String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
    }
}

/// SQLite's "copy this buffer now" destructor, which the C macro cannot express in Swift.
let SQLITE_TRANSIENT = unsafeBitCast(Int(-1), to: sqlite3_destructor_type.self)
