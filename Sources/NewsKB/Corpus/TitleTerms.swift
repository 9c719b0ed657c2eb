import Foundation

/// The title terms of every document, in `documents.id` order, worked out on another core a
/// batch ahead of the pass that reads them (``KeyCounts/count()``), which otherwise spends a
/// good part of its time on them while the second core waits.
final class TitleTerms: @unchecked Sendable {
    private let batch: PreparedStatement
    private let queue = DispatchQueue(label: "newskb.title-terms", qos: .userInitiated)
    private let size: Int
    /// The batch being read from, and the next one (being worked out).
    private var current = [(id: Int64, terms: [String])](), position = 0
    private var next: (done: DispatchGroup, result: Box)?
    private var lastID: Int64 = .min

    private final class Box: @unchecked Sendable { var rows = [(id: Int64, terms: [String])]() }

    /// `scoped`: only the documents of `source` (a table of ids: a run over part of the store, ``CorpusPlan``).
    init(db: Database, batchSize: Int = 1024, scoped: Bool = false, source: String = "temp.corpus_documents") throws {
        batch = try db.prepare(scoped
            ? "SELECT d.id, d.title FROM \(source) t CROSS JOIN documents d ON d.id = t.id WHERE t.id > ? ORDER BY t.id LIMIT ?"
            : "SELECT id, title FROM documents WHERE id > ? ORDER BY id LIMIT ?")
        size = batchSize
        next = try start()
    }

    /// Reads the next batch of titles (on this thread) and works out their terms on the queue.
    private func start() throws -> (DispatchGroup, Box)? {
        var titles = [(Int64, String?)]()
        try batch.forEachRow([lastID, size]) { titles.append(($0.columnInt64(0), $0.columnString(1))) }
        guard let last = titles.last else { return nil }
        lastID = last.0
        let box = Box(), done = DispatchGroup()
        let read = titles
        queue.async(group: done) { box.rows = read.map { (id: $0.0, terms: ClaimCorpus.titleKeys($0.1)) } }
        return (done, box)
    }

    /// The terms of the title of document `id`; documents are asked for in ascending id order
    /// (one that is not, or not found, gets its terms worked out here).
    func terms(of id: Int64, title: @autoclosure () -> String?) throws -> [String] {
        while true {
            if position < current.count {
                if current[position].id == id { defer { position += 1 }; return current[position].terms }
                if current[position].id > id { return ClaimCorpus.titleKeys(title()) }
                position += 1
                continue
            }
            guard let n = next else { return ClaimCorpus.titleKeys(title()) }
            n.done.wait()
            (current, position) = (n.result.rows, 0)
            next = try start()
        }
    }
}
