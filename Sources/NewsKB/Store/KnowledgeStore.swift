import Foundation

/// A newskb database file: opened, checked and migrated to the schema this binary writes.
public final class KnowledgeStore {
    public let db: Database

    /// The database used when none is named: `$NEWSKB_DB`, else `newskb.db` here.
    public static var defaultPath: String {
        if let env = ProcessInfo.processInfo.environment["NEWSKB_DB"], !env.isEmpty { return env }
        return "newskb.db"
    }

    /// Opens (creating if needed) and migrates a database for writing.
    public static func openForWriting(path: String) throws -> KnowledgeStore {
        let db = try Database(path: path, mode: .create)
        try Migrator.embedded.migrate(db)
        return KnowledgeStore(db: db)
    }

    /// Opens an existing database for reading. Refuses a missing file, a file that is not a
    /// newskb database, and one written by a newer newskb.
    public static func openForReading(path: String, writable: Bool = false) throws -> KnowledgeStore {
        guard FileManager.default.fileExists(atPath: path) else {
            throw DatabaseError(resultCode: .SQLITE_CANTOPEN,
                                message: "no database at \(path): run `newskb import --db \(path) PATH...` first, or pass --db")
        }
        let db = try Database(path: path, mode: writable ? .readWrite : .readOnly)
        let version = try db.userVersion()
        let latest = Migrator.embedded.latestVersion
        if version > latest {
            throw DatabaseError(resultCode: .SQLITE_ERROR,
                                message: "\(path) has schema version \(version), written by a newer newskb; this one understands up to version \(latest)")
        }
        if version == 0 {
            throw DatabaseError(resultCode: .SQLITE_ERROR, message: "\(path) is not a newskb database (no schema version)")
        }
        if version < latest && writable {
            try Migrator.embedded.migrate(db)
        }
        // Queries read pages all over a large file (a page of `agree` touches a few thousand
        // documents); SQLite's default 2 MB page cache would read them again on every query of a
        // long-lived reader. Up to 64 MB, allocated only as pages are read.
        try db.execute("PRAGMA cache_size = -65536")
        return KnowledgeStore(db: db)
    }

    public init(db: Database) { self.db = db }
}
