/// Runs user SQL (`newskb sql`): one or several statements, named parameters bound as values
/// (never spliced into the SQL), read-only unless writing is allowed.
public struct SQLRunner {
    public enum Failure: Error, CustomStringConvertible {
        case writeRefused(sql: String)
        case attachRefused(sql: String)
        case unknownParameter(String, sql: String)
        case missingParameter(String, sql: String)

        public var description: String {
            switch self {
            case .writeRefused(let sql):
                return "refused: this statement would change the database (pass --write to allow it): \(sql)"
            case .attachRefused(let sql):
                return "refused: ATTACH and DETACH reach other database files and need --write: \(sql)"
            case .unknownParameter(let p, _):
                return "--param \(p) is not used by the SQL"
            case .missingParameter(let p, let sql):
                return "the SQL uses parameter \(p) but no --param gives it a value: \(sql)"
            }
        }
    }

    public let db: Database
    public let allowWrites: Bool

    public init(db: Database, allowWrites: Bool) {
        self.db = db
        self.allowWrites = allowWrites
        if !allowWrites { db.denyAttach() }
    }

    /// Runs every statement of `sql` in order; returns the result of each statement that
    /// returns columns. Parameters are given by name (`name` for `:name`, `@name`, `$name`).
    public func run(_ sql: String, parameters: [String: String] = [:]) throws -> [ResultSet] {
        let statements: [PreparedStatement]
        do {
            statements = try db.prepareAll(sql)
        } catch let e as DatabaseError where e.resultCode == .SQLITE_AUTH {
            throw Failure.attachRefused(sql: e.sql ?? sql)
        }
        // Check everything before running anything: no statement runs if one is refused.
        var used = Set<String>()
        for s in statements {
            if !allowWrites && !s.isReadOnly { throw Failure.writeRefused(sql: s.sql) }
            for i in 0..<s.parameterCount {
                guard let raw = s.parameterName(i + 1) else {
                    throw Failure.missingParameter("?\(i + 1)", sql: s.sql)
                }
                let name = String(raw.dropFirst())
                guard parameters[name] != nil else { throw Failure.missingParameter(raw, sql: s.sql) }
                used.insert(name)
            }
        }
        if let extra = parameters.keys.sorted().first(where: { !used.contains($0) }) {
            throw Failure.unknownParameter(extra, sql: sql)
        }
        var results = [ResultSet]()
        for s in statements {
            for i in 0..<s.parameterCount {
                let raw = s.parameterName(i + 1)!
                try s.bind(.text(parameters[String(raw.dropFirst())]!), at: i + 1)
            }
            let r = try ResultSet(statement: s)
            if !r.columns.isEmpty { results.append(r) }
        }
        return results
    }
}
