import Foundation
import NewsKBExtraction

/// Aliases and gazetteer entries added by users (`newskb alias add`), stored in the database
/// (`user_aliases`) so that the file carries everything needed to explain its answers.
/// The next import analyses with them, and re-analyses stored documents when they changed.
public struct UserAliases {
    /// One entry: `alias` is read in text as the entity `canonical` of `type`; a gazetteer
    /// entry has `alias == canonical`.
    public struct Entry: Sendable, Equatable {
        public var alias: String
        public var canonical: String
        public var type: EntityType

        public init(alias: String, canonical: String, type: EntityType) {
            self.alias = alias
            self.canonical = canonical
            self.type = type
        }
    }

    public let db: Database

    public init(db: Database) { self.db = db }

    public func all() throws -> [Entry] {
        try db.rows("SELECT alias, canonical, type FROM user_aliases ORDER BY alias, canonical, type").compactMap { r in
            guard let t = EntityType(rawValue: r[2].description) else { return nil }
            return Entry(alias: r[0].description, canonical: r[1].description, type: t)
        }
    }

    public func list() throws -> ResultSet {
        try ResultSet(statement: db.prepare(
            "SELECT alias, canonical, type, added_at FROM user_aliases ORDER BY canonical, alias"))
    }

    /// Adds an entry; returns false if it was already there.
    @discardableResult
    public func add(_ e: Entry) throws -> Bool {
        try db.execute("INSERT OR IGNORE INTO user_aliases(alias, canonical, type, added_at) VALUES (?, ?, ?, ?)",
                       [e.alias, e.canonical, e.type.rawValue, isoNow()])
        return db.changes > 0
    }

    /// Removes every entry with this alias; returns how many.
    public func remove(alias: String) throws -> Int {
        try db.execute("DELETE FROM user_aliases WHERE alias = ?", [alias])
        return db.changes
    }

    /// A fingerprint of the extractor and these entries: documents analysed under another are
    /// analysed again by the next import.
    static func analysisKey(for entries: [Entry]) -> String {
        let text = ([NewsKBVersion.string] + entries.map { "\($0.alias)\u{1F}\($0.canonical)\u{1F}\($0.type.rawValue)" })
            .joined(separator: "\u{1E}")
        return fnv1a64Hex(text)
    }

    /// The analyzer configured with these entries.
    static func analyzer(for entries: [Entry]) -> Analyzer {
        if entries.isEmpty { return Analyzer() }
        let gazetteer = entries.filter { $0.alias == $0.canonical }.map { EntityConfiguration.Entry(name: $0.alias, type: $0.type) }
        let aliases = entries.filter { $0.alias != $0.canonical }
            .map { EntityConfiguration.Alias(alias: $0.alias, canonical: $0.canonical, type: $0.type) }
        return Analyzer(configuration: EntityConfiguration(entries: gazetteer, aliases: aliases))
    }
}
