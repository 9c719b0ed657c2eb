import CSQLite

/// An error reported by SQLite, with everything needed to understand it: the extended
/// result code, SQLite's own message, and the SQL that was running.
public struct DatabaseError: Error, CustomStringConvertible, Sendable {
    /// The extended result code (e.g. `SQLITE_CONSTRAINT_UNIQUE`, 2067).
    public let extendedResultCode: Int32
    /// SQLite's error message (`sqlite3_errmsg`), or our own explanation.
    public let message: String
    /// The SQL being prepared or run, when there was one.
    public let sql: String?

    /// The primary result code (`SQLITE_CONSTRAINT`, 19), the low 8 bits of the extended code.
    public var resultCode: Int32 { extendedResultCode & 0xFF }

    public init(extendedResultCode: Int32, message: String, sql: String? = nil) {
        self.extendedResultCode = extendedResultCode
        self.message = message
        self.sql = sql
    }

    /// Reads the current error of a connection.
    init(connection: OpaquePointer?, code: Int32, sql: String?) {
        let extended = connection.map { sqlite3_extended_errcode($0) } ?? code
        let msg = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? String(cString: sqlite3_errstr(code))
        self.init(extendedResultCode: extended == 0 ? code : extended, message: msg, sql: sql)
    }

    /// The symbolic name of the primary result code (`SQLITE_BUSY`), for messages.
    public var codeName: String {
        switch resultCode {
        case SQLITE_ERROR: return "SQLITE_ERROR"
        case SQLITE_PERM: return "SQLITE_PERM"
        case SQLITE_ABORT: return "SQLITE_ABORT"
        case SQLITE_BUSY: return "SQLITE_BUSY"
        case SQLITE_LOCKED: return "SQLITE_LOCKED"
        case SQLITE_NOMEM: return "SQLITE_NOMEM"
        case SQLITE_READONLY: return "SQLITE_READONLY"
        case SQLITE_INTERRUPT: return "SQLITE_INTERRUPT"
        case SQLITE_IOERR: return "SQLITE_IOERR"
        case SQLITE_CORRUPT: return "SQLITE_CORRUPT"
        case SQLITE_FULL: return "SQLITE_FULL"
        case SQLITE_CANTOPEN: return "SQLITE_CANTOPEN"
        case SQLITE_CONSTRAINT: return "SQLITE_CONSTRAINT"
        case SQLITE_MISMATCH: return "SQLITE_MISMATCH"
        case SQLITE_MISUSE: return "SQLITE_MISUSE"
        case SQLITE_RANGE: return "SQLITE_RANGE"
        case SQLITE_NOTADB: return "SQLITE_NOTADB"
        default: return "SQLite error \(resultCode)"
        }
    }

    public var description: String {
        var s = "\(codeName) (\(extendedResultCode)): \(message)"
        if let sql { s += " — while running: \(sql.count > 300 ? String(sql.prefix(300)) + "…" : sql)" }
        return s
    }
}
