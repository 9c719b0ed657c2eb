import CSQLite

/// A connection to a SQLite database file, over the C API.
///
/// At open it turns foreign keys on, selects WAL journaling for writable connections, sets a
/// busy timeout, and refuses a SQLite that is too old or lacks FTS5. A `Database` is not
/// thread-safe: use it from one thread at a time.
public final class Database {
    /// How to open the file.
    public enum Mode: Sendable {
        /// Read-only: every write fails with `SQLITE_READONLY`.
        case readOnly
        /// Read and write an existing file.
        case readWrite
        /// Read and write, creating the file if it does not exist.
        case create
    }

    /// The oldest SQLite this program accepts (STRICT tables, RETURNING, FTS5 trigram, …).
    public static let minimumSQLiteVersion = 3_040_000

    /// The path given at open.
    public let path: String
    public let mode: Mode
    let handle: OpaquePointer

    /// The SQLite library version, e.g. `3.40.1`.
    public static var sqliteVersion: String { String(cString: sqlite3_libversion()) }

    public init(path: String, mode: Mode = .create, busyTimeoutMilliseconds: Int32 = 10_000) throws {
        try Database.checkLibrary()
        self.path = path
        self.mode = mode
        // URI file names are on so that `ATTACH` can open a shard read-only (``uri(readOnly:)``);
        // a path that merely starts with `file:` is still a path.
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_URI
        switch mode {
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        case .readWrite: flags |= SQLITE_OPEN_READWRITE
        case .create: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        }
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(path.hasPrefix("file:") ? "./" + path : path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let error = DatabaseError(connection: db, code: rc, sql: nil)
            sqlite3_close_v2(db)
            throw DatabaseError(resultCode: error.extendedResultCode,
                                message: "cannot open database \(path): \(error.message)")
        }
        self.handle = db
        sqlite3_busy_timeout(db, busyTimeoutMilliseconds)
        sqlite3_extended_result_codes(db, 1)
        // Extensions stay off: the query surface must not load code.
        sqlite3_db_config_int(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0)
        do {
            // Reading the schema tells a non-database file at once, with SQLite's message.
            _ = try scalar("SELECT count(*) FROM sqlite_schema")
            try execute("PRAGMA foreign_keys = ON")
            if mode != .readOnly {
                // A new file gets 8 KiB pages (article bodies fill them with less waste); the
                // size is fixed once the first table exists.
                if try scalar("PRAGMA page_count")?.int == 0 { try execute("PRAGMA page_size = 8192") }
                try execute("PRAGMA journal_mode = WAL")
                try execute("PRAGMA synchronous = NORMAL")
            }
        } catch let error as DatabaseError {
            sqlite3_close_v2(db)
            throw DatabaseError(resultCode: error.extendedResultCode,
                                message: "\(path) is not a usable database: \(error.message)", sql: error.sql)
        }
    }

    deinit { sqlite3_close_v2(handle) }

    /// The URI of a database file for `ATTACH` (every byte but letters, digits and `-._~/`
    /// percent-encoded), read-only when asked.
    public static func uri(path: String, readOnly: Bool) -> String {
        let hex = Array("0123456789ABCDEF".unicodeScalars)
        var out = "file:"
        for b in path.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            default:
                out.unicodeScalars.append("%")
                out.unicodeScalars.append(hex[Int(b >> 4)])
                out.unicodeScalars.append(hex[Int(b & 15)])
            }
        }
        return readOnly ? out + "?mode=ro" : out
    }

    /// Throws unless the linked SQLite is recent enough and has FTS5.
    public static func checkLibrary() throws {
        if sqlite3_libversion_number() < minimumSQLiteVersion {
            throw DatabaseError(resultCode: .SQLITE_ERROR,
                                message: "SQLite \(sqliteVersion) is too old: newskb needs 3.40 or later (Debian 12: apt-get install libsqlite3-0)")
        }
        if sqlite3_compileoption_used("ENABLE_FTS5") == 0 {
            throw DatabaseError(resultCode: .SQLITE_ERROR,
                                message: "this SQLite (\(sqliteVersion)) was built without FTS5, which newskb needs for full-text search")
        }
    }

    // MARK: Running SQL

    /// Prepares one statement. Reuse it for every row rather than preparing again.
    public func prepare(_ sql: String) throws -> PreparedStatement {
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &stmt, nil)
        guard rc == SQLITE_OK, let stmt else {
            throw DatabaseError(connection: handle, code: rc, sql: sql)
        }
        return PreparedStatement(database: self, sql: sql, handle: stmt)
    }

    /// Prepares every statement of a script, in order (for `newskb sql` and migrations).
    public func prepareAll(_ script: String) throws -> [PreparedStatement] {
        var out = [PreparedStatement]()
        let bytes = Array(script.utf8CString)
        try bytes.withUnsafeBufferPointer { buf in
            var tail: UnsafePointer<CChar>? = buf.baseAddress
            while let start = tail, start.pointee != 0 {
                var stmt: OpaquePointer?
                var next: UnsafePointer<CChar>?
                let rc = sqlite3_prepare_v2(handle, start, -1, &stmt, &next)
                let consumed = next.map { $0 - start } ?? 0
                let text = String(decoding: UnsafeRawBufferPointer(start: start, count: consumed), as: UTF8.self)
                guard rc == SQLITE_OK else {
                    throw DatabaseError(connection: handle, code: rc, sql: text.trimmingWhitespace())
                }
                if let stmt {
                    out.append(PreparedStatement(database: self, sql: text.trimmingWhitespace(), handle: stmt))
                }
                tail = next
            }
        }
        return out
    }

    /// Runs SQL that returns no rows (one or several statements).
    public func execute(_ sql: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &error)
        if rc != SQLITE_OK {
            let message = error.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(rc))
            sqlite3_free(error)
            throw DatabaseError(resultCode: ResultCode(rawValue: sqlite3_extended_errcode(handle)), message: message, sql: sql)
        }
    }

    /// Runs a one-off statement with parameters.
    public func execute(_ sql: String, _ values: [DatabaseBindable?]) throws {
        try prepare(sql).execute(values)
    }

    /// The first column of the first row of a query, or nil.
    public func scalar(_ sql: String, _ values: [DatabaseBindable?] = []) throws -> DatabaseValue? {
        try prepare(sql).scalar(values)
    }

    /// Every row of a query.
    public func rows(_ sql: String, _ values: [DatabaseBindable?] = []) throws -> [[DatabaseValue]] {
        try prepare(sql).rows(values)
    }

    // MARK: Transactions

    /// Runs `body` in a transaction: committed if it returns, rolled back if it throws.
    /// `IMMEDIATE` takes the write lock at once, so a second writer waits (busy timeout) up front.
    public func transaction<T>(immediate: Bool = true, _ body: () throws -> T) throws -> T {
        try execute(immediate ? "BEGIN IMMEDIATE" : "BEGIN")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            if sqlite3_get_autocommit(handle) == 0 { try? execute("ROLLBACK") }
            throw error
        }
    }

    /// True while a transaction is open.
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// Rowid of the last successful INSERT on this connection.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    public var changes: Int { Int(sqlite3_changes(handle)) }

    /// `PRAGMA user_version`: the schema version recorded by migrations.
    public func userVersion() throws -> Int { try scalar("PRAGMA user_version")?.int ?? 0 }

    /// Refuses `ATTACH` and `DETACH` on this connection from now on (they fail at prepare time
    /// with "not authorized"): a read-only query surface must not reach other files.
    public func denyAttach() {
        sqlite3_set_authorizer(handle, { _, action, _, _, _, _ in
            action == SQLITE_ATTACH || action == SQLITE_DETACH ? SQLITE_DENY : SQLITE_OK
        }, nil)
    }

    /// Asks a running statement on this connection to stop (safe from another thread).
    public func interrupt() { sqlite3_interrupt(handle) }
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}

extension Database {
    /// The first column of the first row as an integer (0 when there is none): counts.
    func int(_ sql: String, _ values: [DatabaseBindable?] = []) throws -> Int {
        try scalar(sql, values)?.int ?? 0
    }

    /// The first column of every row, as text.
    func strings(_ sql: String, _ values: [DatabaseBindable?] = []) throws -> [String] {
        try rows(sql, values).map { $0[0].description }
    }

    /// `EXPLAIN QUERY PLAN` of a statement: one line per step (`SEARCH s USING INDEX …`).
    public func queryPlan(_ sql: String, _ values: [(String, DatabaseValue)] = []) throws -> [String] {
        let stmt = try prepare("EXPLAIN QUERY PLAN " + sql)
        for (name, value) in values { try stmt.bind(value, named: name) }
        var out = [String]()
        while try stmt.step() { out.append(stmt.columnString(3) ?? "") }
        return out
    }
}
