/// An SQLite result code, primary (`SQLITE_CONSTRAINT`, 19) or extended
/// (`SQLITE_CONSTRAINT_UNIQUE`, 2067), by name rather than number (as GRDB's `ResultCode`).
///
/// A primary code used as a pattern matches its extended codes too:
/// `switch error.extendedResultCode { case .SQLITE_CONSTRAINT_UNIQUE: … case .SQLITE_CONSTRAINT: … }`.
/// See <https://www.sqlite.org/rescode.html>.
public struct ResultCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: Int32

    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// The primary code: the low 8 bits (`SQLITE_CONSTRAINT` for `SQLITE_CONSTRAINT_UNIQUE`).
    public var primaryResultCode: ResultCode { ResultCode(rawValue: rawValue & 0xFF) }

    /// True for a primary code.
    public var isPrimary: Bool { self == primaryResultCode }

    /// A primary code matches itself and its extended codes; an extended code only itself.
    public static func ~= (pattern: ResultCode, code: ResultCode) -> Bool {
        pattern.isPrimary ? pattern == code.primaryResultCode : pattern == code
    }

    /// The symbolic name of the primary code (`SQLITE_BUSY`), for messages.
    public var name: String {
        ResultCode.names[primaryResultCode] ?? "SQLite error \(primaryResultCode.rawValue)"
    }

    /// The name, with the number of an extended code: `SQLITE_CONSTRAINT (2067)`.
    public var description: String { isPrimary ? name : "\(name) (\(rawValue))" }

    // Primary result codes.
    public static let SQLITE_OK = ResultCode(rawValue: 0)
    public static let SQLITE_ERROR = ResultCode(rawValue: 1)
    public static let SQLITE_INTERNAL = ResultCode(rawValue: 2)
    public static let SQLITE_PERM = ResultCode(rawValue: 3)
    public static let SQLITE_ABORT = ResultCode(rawValue: 4)
    public static let SQLITE_BUSY = ResultCode(rawValue: 5)
    public static let SQLITE_LOCKED = ResultCode(rawValue: 6)
    public static let SQLITE_NOMEM = ResultCode(rawValue: 7)
    public static let SQLITE_READONLY = ResultCode(rawValue: 8)
    public static let SQLITE_INTERRUPT = ResultCode(rawValue: 9)
    public static let SQLITE_IOERR = ResultCode(rawValue: 10)
    public static let SQLITE_CORRUPT = ResultCode(rawValue: 11)
    public static let SQLITE_NOTFOUND = ResultCode(rawValue: 12)
    public static let SQLITE_FULL = ResultCode(rawValue: 13)
    public static let SQLITE_CANTOPEN = ResultCode(rawValue: 14)
    public static let SQLITE_PROTOCOL = ResultCode(rawValue: 15)
    public static let SQLITE_EMPTY = ResultCode(rawValue: 16)
    public static let SQLITE_SCHEMA = ResultCode(rawValue: 17)
    public static let SQLITE_TOOBIG = ResultCode(rawValue: 18)
    public static let SQLITE_CONSTRAINT = ResultCode(rawValue: 19)
    public static let SQLITE_MISMATCH = ResultCode(rawValue: 20)
    public static let SQLITE_MISUSE = ResultCode(rawValue: 21)
    public static let SQLITE_NOLFS = ResultCode(rawValue: 22)
    public static let SQLITE_AUTH = ResultCode(rawValue: 23)
    public static let SQLITE_FORMAT = ResultCode(rawValue: 24)
    public static let SQLITE_RANGE = ResultCode(rawValue: 25)
    public static let SQLITE_NOTADB = ResultCode(rawValue: 26)
    public static let SQLITE_NOTICE = ResultCode(rawValue: 27)
    public static let SQLITE_WARNING = ResultCode(rawValue: 28)
    public static let SQLITE_ROW = ResultCode(rawValue: 100)
    public static let SQLITE_DONE = ResultCode(rawValue: 101)

    // Extended result codes this program tells apart or tests for.
    public static let SQLITE_BUSY_TIMEOUT = ResultCode(rawValue: 5 | (3 << 8))
    public static let SQLITE_IOERR_WRITE = ResultCode(rawValue: 10 | (3 << 8))
    public static let SQLITE_CANTOPEN_ISDIR = ResultCode(rawValue: 14 | (2 << 8))
    public static let SQLITE_READONLY_DIRECTORY = ResultCode(rawValue: 8 | (6 << 8))
    public static let SQLITE_CONSTRAINT_CHECK = ResultCode(rawValue: 19 | (1 << 8))
    public static let SQLITE_CONSTRAINT_FOREIGNKEY = ResultCode(rawValue: 19 | (3 << 8))
    public static let SQLITE_CONSTRAINT_NOTNULL = ResultCode(rawValue: 19 | (5 << 8))
    public static let SQLITE_CONSTRAINT_PRIMARYKEY = ResultCode(rawValue: 19 | (6 << 8))
    public static let SQLITE_CONSTRAINT_TRIGGER = ResultCode(rawValue: 19 | (7 << 8))
    public static let SQLITE_CONSTRAINT_UNIQUE = ResultCode(rawValue: 19 | (8 << 8))
    public static let SQLITE_CONSTRAINT_DATATYPE = ResultCode(rawValue: 19 | (12 << 8))

    /// Names of the primary codes that messages name (the others show their number).
    private static let names: [ResultCode: String] = [
        .SQLITE_ERROR: "SQLITE_ERROR", .SQLITE_PERM: "SQLITE_PERM", .SQLITE_ABORT: "SQLITE_ABORT",
        .SQLITE_BUSY: "SQLITE_BUSY", .SQLITE_LOCKED: "SQLITE_LOCKED", .SQLITE_NOMEM: "SQLITE_NOMEM",
        .SQLITE_READONLY: "SQLITE_READONLY", .SQLITE_INTERRUPT: "SQLITE_INTERRUPT", .SQLITE_IOERR: "SQLITE_IOERR",
        .SQLITE_CORRUPT: "SQLITE_CORRUPT", .SQLITE_FULL: "SQLITE_FULL", .SQLITE_CANTOPEN: "SQLITE_CANTOPEN",
        .SQLITE_CONSTRAINT: "SQLITE_CONSTRAINT", .SQLITE_MISMATCH: "SQLITE_MISMATCH", .SQLITE_MISUSE: "SQLITE_MISUSE",
        .SQLITE_RANGE: "SQLITE_RANGE", .SQLITE_NOTADB: "SQLITE_NOTADB",
    ]
}
