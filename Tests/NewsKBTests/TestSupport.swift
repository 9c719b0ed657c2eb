import Foundation
@testable import NewsKB

/// Imports `docs` into a fresh store in a temporary folder (kept alive by the returned `TempDir`),
/// in batches of `batchSize` documents (default: the importer's).
func importDocs(_ docs: [SourceDocument], batchSize: Int? = nil) throws -> (TempDir, KnowledgeStore) {
    let dir = TempDir()
    let store = try KnowledgeStore.openForWriting(path: dir.file("t.db"))
    let importer = try Importer(store: store)
    if let batchSize { importer.batchSize = batchSize }
    _ = try importer.importDocuments(docs)
    return (dir, store)
}

/// Documents (sorted keys) of the claim groups whose evidence contains `text`.
func groupDocuments(_ db: Database, containing text: String) throws -> [String] {
    try db.rows("""
        SELECT DISTINCT document FROM claim_evidence WHERE claim_group IN
          (SELECT claim_group FROM claim_evidence WHERE text LIKE '%' || ? || '%') ORDER BY document
        """, [text]).compactMap { $0[0].string }
}

/// A fresh temporary folder, removed when the value is released.
final class TempDir {
    let path: String

    init() {
        let base = FileManager.default.temporaryDirectory.path
        path = base + "/newskb-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }

    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        write(name, bytes: Array(text.utf8))
    }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) -> String {
        let full = file(name)
        try! FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: full, contents: Data(bytes))
        return full
    }
}

/// The repository root, found from this file's path.
let repoRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.path + "/Package.swift") { return url.path }
    }
    fatalError("Package.swift not found above \(#filePath)")
}()

/// Imports paths into a fresh store in `dir`, collecting the issues reported.
func importInto(_ dbPath: String, _ paths: [String]) throws -> (Importer.Summary, [ImportIssue], KnowledgeStore) {
    let store = try KnowledgeStore.openForWriting(path: dbPath)
    let importer = try Importer(store: store)
    var issues = [ImportIssue]()
    importer.onIssue = { issues.append($0) }
    let summary = try importer.importPaths(paths)
    return (summary, issues, store)
}

/// A small seeded random generator (SplitMix64), so random tests can be replayed.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A JSONL corpus of `count` distinct articles made by recombining the seed articles' sentences.
func syntheticCorpus(count: Int, seed: UInt64 = 42) throws -> String {
    let seedDir = repoRoot + "/seeds"
    var sentences = [String]()
    for f in try FileManager.default.contentsOfDirectory(atPath: seedDir).sorted() {
        let text = try String(contentsOfFile: seedDir + "/" + f, encoding: .utf8)
        for line in text.split(separator: "\n") {
            sentences += line.split(separator: ".").map { $0.trimmingCharacters(in: .whitespaces) + "." }.filter { $0.count > 20 }
        }
    }
    var rng = SeededRandom(seed: seed)
    var out = ""
    for i in 0..<count {
        var body = ""
        for _ in 0..<Int.random(in: 3...9, using: &rng) {
            body += sentences[Int.random(in: 0..<sentences.count, using: &rng)] + " "
        }
        body += "This is article number \(i)."
        let json = try JSONSerialization.data(withJSONObject: ["id": "a\(i)", "text": body], options: [.sortedKeys])
        out += String(decoding: json, as: UTF8.self) + "\n"
    }
    return out
}

/// Row counts of the tables derived from documents, for comparing two imports.
func derivedCounts(_ db: Database) throws -> [String: Int] {
    var out = [String: Int]()
    for t in ["documents", "sentences", "mentions", "statements", "statements_fts", "entities", "entity_aliases",
              "entity_roles", "claim_evidence", "claim_agreement", "disagreements", "stories"] {
        out[t] = try db.int("SELECT count(*) FROM \(t)")
    }
    return out
}

/// Per document key: its sentences, mentions and statements, to tell a half-imported document.
func perDocumentCounts(_ db: Database) throws -> [String: [Int]] {
    var out = [String: [Int]]()
    for r in try db.rows("""
        SELECT d.key,
               (SELECT count(*) FROM sentences s WHERE s.document_id = d.id),
               (SELECT count(*) FROM mentions m WHERE m.document_id = d.id),
               (SELECT count(*) FROM statements t WHERE t.document_id = d.id)
          FROM documents d
        """) {
        out[r[0].description] = [r[1].int!, r[2].int!, r[3].int!]
    }
    return out
}

/// Every public view of the corpus phase, as text (claim groups, agreement, disagreements,
/// stories), without row ids that depend on insertion order: equal lists mean equal results.
/// The corpus views as sets, ids left out (#17: a store built in several imports keeps the ids
/// it gave, so they differ from one built in one import): each story as its documents, each
/// claim group as its evidence, each disagreement as its kind, topic and positions; plus the
/// entity view.
func corpusSets(_ db: Database) throws -> Set<String> {
    let queries = [
        "SELECT 's', group_concat(document, ',') FROM (SELECT story, document FROM stories ORDER BY 1, 2) GROUP BY story",
        """
        SELECT 'g', group_concat(e, ';') FROM (SELECT claim_group, document || ':' || start || '-' || "end" || ':' || similarity AS e
          FROM claim_evidence ORDER BY 1, 2) GROUP BY claim_group
        """,
        """
        SELECT 'd', group_concat(e, ';') FROM (SELECT disagreement, kind || ':' || topic || ':' || document || ':' || start || '-' || "end" || ':' || position AS e
          FROM disagreements ORDER BY 1, 2) GROUP BY disagreement
        """,
        "SELECT 'e', document, entity, type, mention, start FROM entity_mentions",
    ]
    return Set(try queries.flatMap { q in try db.rows(q).map { $0.map(\.description).joined(separator: "|") } })
}

func corpusViews(_ db: Database) throws -> [String] {
    let queries = [
        "SELECT claim_group, document, start, \"end\", text, speaker, story, similarity FROM claim_evidence ORDER BY 1, 2, 3",
        "SELECT claim_group, claim, sources, documents, story, normalized FROM claim_agreement ORDER BY 1",
        "SELECT disagreement, topic, kind, document, start, \"end\", text, position, story FROM disagreements ORDER BY 1, 4, 5, 8",
        "SELECT story, document, label FROM stories ORDER BY 1, 2",
        // entities: the same canonical names, types and mentions whatever the order (#16)
        "SELECT document, entity, type, mention, start FROM entity_mentions ORDER BY 1, 5, 3",
    ]
    return try queries.flatMap { q in try db.rows(q).map { $0.map(\.description).joined(separator: "|") } }
}
