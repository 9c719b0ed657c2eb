import CSQLite

/// An error reported by SQLite, with everything needed to understand it: the extended
/// result code, SQLite's own message, and the SQL that was running.
public struct DatabaseError: Error, CustomStringConvertible, Sendable {
    /// The extended result code (e.g. `.SQLITE_CONSTRAINT_UNIQUE`, 2067).
    public let extendedResultCode: ResultCode
    /// SQLite's error message (`sqlite3_errmsg`), or our own explanation.
    public let message: String
    /// The SQL being prepared or run, when there was one.
    public let sql: String?

    /// The primary result code (`.SQLITE_CONSTRAINT`, 19), the low 8 bits of the extended code.
    public var resultCode: ResultCode { extendedResultCode.primaryResultCode }

    /// An error with `resultCode` (primary or extended) and our own message.
    public init(resultCode: ResultCode = .SQLITE_ERROR, message: String, sql: String? = nil) {
        self.extendedResultCode = resultCode
        self.message = message
        self.sql = sql
    }

    /// Reads the current error of a connection.
    init(connection: OpaquePointer?, code: Int32, sql: String?) {
        let extended = connection.map { sqlite3_extended_errcode($0) } ?? code
        let msg = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? String(cString: sqlite3_errstr(code))
        self.init(resultCode: ResultCode(rawValue: extended == 0 ? code : extended), message: msg, sql: sql)
    }

    public var description: String {
        var s = "\(resultCode.name) (\(extendedResultCode.rawValue)): \(message)"
        if let sql { s += " — while running: \(sql.count > 300 ? String(sql.prefix(300)) + "…" : sql)" }
        return s
    }
}
