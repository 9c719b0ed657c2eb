import CSQLite
import Foundation

/// Applies the numbered SQL migrations of `migrations/` (embedded in the binary) in order,
/// each in its own transaction, recording each in `PRAGMA user_version` and `schema_migrations`.
public struct Migrator: Sendable {
    /// One migration: its number (the file's numeric prefix), file name and SQL.
    public struct Migration: Sendable {
        public let version: Int
        public let name: String
        public let sql: String
    }

    public let migrations: [Migration]

    /// The migrations compiled into this binary.
    public static let embedded = Migrator(files: EmbeddedMigrations.files)

    public init(files: [(name: String, contents: String)]) {
        migrations = files.compactMap { file in
            let digits = file.name.prefix { $0.isNumber }
            guard let v = Int(digits) else { return nil }
            return Migration(version: v, name: file.name, sql: file.contents)
        }.sorted { $0.version < $1.version }
    }

    /// The schema version this binary writes.
    public var latestVersion: Int { migrations.last?.version ?? 0 }

    /// Brings `db` up to `target` (default: the latest). Returns the migrations applied.
    /// Refuses, changing nothing, a database written by a newer newskb.
    @discardableResult
    public func migrate(_ db: Database, upTo target: Int? = nil) throws -> [Migration] {
        let target = target ?? latestVersion
        let current = try db.userVersion()
        if current > latestVersion {
            throw DatabaseError(
                resultCode: .SQLITE_ERROR,
                message: "\(db.path) has schema version \(current), written by a newer newskb; this one understands up to version \(latestVersion). Upgrade newskb to open it.")
        }
        var applied = [Migration]()
        for m in migrations where m.version > current && m.version <= target {
            try db.transaction {
                try db.execute(m.sql)
                try db.execute("INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)",
                               [m.version, m.name, isoNow()])
                try db.execute("PRAGMA user_version = \(m.version)")
            }
            applied.append(m)
        }
        return applied
    }
}

/// Current UTC time as ISO 8601 (`2026-11-22T11:05:00Z`).
func isoNow() -> String {
    var t = time(nil)
    var tm = tm()
    gmtime_r(&t, &tm)
    return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ",
                  Int(tm.tm_year) + 1900, Int(tm.tm_mon) + 1, Int(tm.tm_mday),
                  Int(tm.tm_hour), Int(tm.tm_min), Int(tm.tm_sec))
}
