import Foundation
import NewsKBExtraction

/// The documents of the corpus phase in a temporary table (`temp.corpus_documents`): each
/// document's canonical number (its rank in key order, which orders everything the phase
/// numbers), its id, publication day and week bucket. Windows read their documents bucket by
/// bucket from it, so no per-document array of the whole corpus is held in memory. A run over
/// part of the store (``CorpusPlan``) keeps only the documents it reads, numbered in the same
/// order among themselves.
final class CorpusDocuments {
    /// One document as a window sees it.
    struct Doc: Sendable {
        /// Canonical number: rank of the document's key (among the documents of the run).
        var number: Int
        /// `documents.id`.
        var id: Int64
        /// Days since 1970 of the publication date, when known.
        var day: Int?
        /// Week bucket (nil: undated).
        var bucket: Int?
        /// `documents.outlet` in lower case, when known (a recurring report is one outlet's).
        var outlet: String? = nil
    }

    private let db: Database
    /// Documents in the store (also those a run over part of it does not read).
    let count: Int
    /// The dated buckets, ascending (one per publication week that has documents: bounded by
    /// the span of dates, not by the number of documents).
    let buckets: [Int]
    /// Documents by dated bucket (of those kept).
    let bucketSizes: [Int: Int]
    /// Documents without a publication date (compared with every window), by number.
    let undated: [Doc]
    private let ofBucket: PreparedStatement

    /// Numbers every document; keeps those whose id `keep` holds (nil: all), indexed by id too.
    init(db: Database, bucketDays: Int, keep: Set<Int64>? = nil) throws {
        self.db = db
        try db.execute("""
            DROP TABLE IF EXISTS temp.corpus_documents;
            CREATE TEMP TABLE corpus_documents (number INTEGER PRIMARY KEY, id INTEGER NOT NULL, day INTEGER, bucket INTEGER, outlet TEXT);
            """)
        let insert = try db.prepare("INSERT INTO temp.corpus_documents(number, id, day, bucket, outlet) VALUES (?, ?, ?, ?, ?)")
        func add(_ number: Int, _ id: Int64, _ published: String?, _ outlet: String?) throws {
            let day = published.flatMap(CivilDate.parse)?.dayNumber
            let outlet = outlet.map { $0.lowercased() }.flatMap { $0.isEmpty ? nil : $0 }
            try insert.execute([number, id, day, day.map { CorpusPlan.bucket(ofDay: $0, bucketDays: bucketDays) }, outlet])
        }
        count = try db.transaction(immediate: false) {
            var n = 0
            if let keep {
                // Only the kept documents, numbered in their keys' order: the order their ranks in
                // the whole store give (a run over part of the store compares them with each
                // other only), without reading every document's key.
                let one = try db.prepare("SELECT key, published, outlet FROM documents WHERE id = ?")
                var rows = [(key: String, id: Int64, published: String?, outlet: String?)]()
                rows.reserveCapacity(keep.count)
                for id in keep.sorted() {
                    if let r = try one.firstRow([id], { ($0.columnString(0) ?? "", $0.columnString(1), $0.columnString(2)) }) { rows.append((r.0, id, r.1, r.2)) }
                }
                rows.sort { KeyCounts.precedes($0.key, $1.key) }
                for (i, r) in rows.enumerated() { try add(i, r.id, r.published, r.outlet) }
                n = try db.scalar("SELECT count(*) FROM documents")?.int ?? rows.count
            } else {
                try db.prepare("SELECT id, published, outlet FROM documents ORDER BY key").forEachRow { read in
                    try add(n, read.columnInt64(0), read.columnString(1), read.columnString(2))
                    n += 1
                }
            }
            try db.execute("CREATE INDEX temp.corpus_documents_bucket ON corpus_documents(bucket, number)")
            try db.execute("CREATE INDEX temp.corpus_documents_id ON corpus_documents(id)")
            return n
        }
        var sizes = [Int: Int]()
        for r in try db.rows("SELECT bucket, count(*) FROM temp.corpus_documents WHERE bucket IS NOT NULL GROUP BY bucket ORDER BY bucket") {
            if let b = r[0].int, let n = r[1].int { sizes[b] = n }
        }
        bucketSizes = sizes
        buckets = sizes.keys.sorted()
        ofBucket = try db.prepare("SELECT number, id, day, bucket, outlet FROM temp.corpus_documents WHERE bucket = ? ORDER BY number")
        let undatedStmt = try db.prepare("SELECT number, id, day, bucket, outlet FROM temp.corpus_documents WHERE bucket IS NULL ORDER BY number")
        undated = try CorpusDocuments.docs(undatedStmt, [])
    }

    /// The documents of a dated bucket, by number.
    func documents(inBucket b: Int) throws -> [Doc] {
        try CorpusDocuments.docs(ofBucket, [b])
    }

    private static func docs(_ stmt: PreparedStatement, _ values: [DatabaseBindable?]) throws -> [Doc] {
        var out = [Doc]()
        try stmt.forEachRow(values) { stmt in
            out.append(Doc(number: stmt.columnInt(0), id: stmt.columnInt64(1), day: stmt.column(2).int, bucket: stmt.column(3).int,
                           outlet: stmt.columnString(4)))
        }
        return out
    }

    /// The kept documents' numbers by id.
    func numbers(of ids: some Sequence<Int64>) throws -> [Int64: Int] {
        let stmt = try db.prepare("SELECT number FROM temp.corpus_documents WHERE id = ?")
        var out = [Int64: Int]()
        for id in ids { if let n = try stmt.scalar([id])?.int { out[id] = n } }
        return out
    }

    /// Drops the table.
    func drop() throws {
        try db.execute("DROP TABLE IF EXISTS temp.corpus_documents")
    }
}
