import CSQLite

/// A value as SQLite stores it: NULL, INTEGER, REAL, TEXT or BLOB.
public enum DatabaseValue: Hashable, Sendable, CustomStringConvertible {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    public var isNull: Bool { if case .null = self { return true } else { return false } }

    public var int64: Int64? {
        switch self {
        case .integer(let v): return v
        case .real(let v): return Int64(exactly: v)
        default: return nil
        }
    }

    public var int: Int? { int64.map { Int($0) } }

    public var string: String? {
        switch self {
        case .text(let s): return s
        case .integer(let v): return String(v)
        case .real(let v): return String(v)
        case .blob(let b): return String(decoding: b, as: UTF8.self)
        case .null: return nil
        }
    }

    /// The value as text for display: NULL is the empty string.
    public var description: String { string ?? "" }
}

/// A type that can be bound to a statement parameter.
public protocol DatabaseBindable {
    var databaseValue: DatabaseValue { get }
    /// Binds the value to parameter `index` (1-based) of a prepared statement and returns the
    /// SQLite result code. The default goes through ``databaseValue``; the common types bind
    /// directly, which keeps bulk inserts free of intermediate values.
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32
}

extension DatabaseBindable {
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        databaseValue.bind(to: statement, at: index)
    }
}

extension Int: DatabaseBindable {
    public var databaseValue: DatabaseValue { .integer(Int64(self)) }
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 { sqlite3_bind_int64(statement, index, Int64(self)) }
}
extension Int64: DatabaseBindable {
    public var databaseValue: DatabaseValue { .integer(self) }
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 { sqlite3_bind_int64(statement, index, self) }
}
extension Double: DatabaseBindable {
    public var databaseValue: DatabaseValue { .real(self) }
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 { sqlite3_bind_double(statement, index, self) }
}
extension String: DatabaseBindable {
    public var databaseValue: DatabaseValue { .text(self) }
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        var s = self
        // Native strings are contiguous UTF-8: bound with their length, no C-string copy.
        return s.withUTF8 { sqlite3_bind_text(statement, index, $0.baseAddress, Int32($0.count), SQLITE_TRANSIENT) }
    }
}
extension Bool: DatabaseBindable {
    public var databaseValue: DatabaseValue { .integer(self ? 1 : 0) }
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 { sqlite3_bind_int64(statement, index, self ? 1 : 0) }
}
extension DatabaseValue: DatabaseBindable {
    public var databaseValue: DatabaseValue { self }
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        switch self {
        case .null: return sqlite3_bind_null(statement, index)
        case .integer(let v): return sqlite3_bind_int64(statement, index, v)
        case .real(let v): return sqlite3_bind_double(statement, index, v)
        case .text(let s): return s.bind(to: statement, at: index)
        case .blob(let b):
            return b.withUnsafeBytes { sqlite3_bind_blob(statement, index, $0.baseAddress, Int32($0.count), SQLITE_TRANSIENT) }
        }
    }
}
extension Optional: DatabaseBindable where Wrapped: DatabaseBindable {
    public var databaseValue: DatabaseValue { self?.databaseValue ?? .null }
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        switch self {
        case .none: return sqlite3_bind_null(statement, index)
        case .some(let v): return v.bind(to: statement, at: index)
        }
    }
}
/// A vector of bytes (a claim's quantized sentence vector), bound as a blob; empty binds NULL.
extension Array: DatabaseBindable where Element == Int8 {
    public var databaseValue: DatabaseValue { isEmpty ? .null : .blob(map { UInt8(bitPattern: $0) }) }
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        if isEmpty { return sqlite3_bind_null(statement, index) }
        return withUnsafeBytes { sqlite3_bind_blob(statement, index, $0.baseAddress, Int32($0.count), SQLITE_TRANSIENT) }
    }
}
