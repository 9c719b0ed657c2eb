import Testing
import Foundation
@testable import NewsKB

/// Readers during an import see consistent data (WAL); two imports into one file both finish
/// (the second waits for the write lock batch by batch) and nothing is corrupted.
@Suite(.serialized) struct ConcurrencyTests {
    @Test func readersDuringAnImportAndTwoImportsAtOnce() throws {
        let dir = TempDir()
        let a = dir.write("a.jsonl", try syntheticCorpus(count: 600, seed: 1))
        let b = dir.write("b.jsonl", try syntheticCorpus(count: 600, seed: 2).replacingOccurrences(of: "\"id\":\"a", with: "\"id\":\"b"))
        let db = dir.file("t.db")
        // Create the schema first so the readers can open the file.
        _ = try CLI.run(["import", "--quiet", "--db", db, dir.write("x.txt", "A first article.\nWith text.")])

        func start(_ path: String) throws -> (Process, Pipe) {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: CLI.binary)
            p.arguments = ["import", "--quiet", "--db", db, path]
            let err = Pipe()
            p.standardError = err
            p.standardOutput = FileHandle.nullDevice
            try p.run()
            return (p, err)
        }
        let (pa, ea) = try start(a)
        let (pb, eb) = try start(b)

        // Read while they write: counts never go down, and every visible document is complete.
        var last = 0
        var reads = 0
        while pa.isRunning || pb.isRunning {
            let reader = try KnowledgeStore.openForReading(path: db).db
            try reader.transaction(immediate: false) {
                let n = try reader.int("SELECT count(*) FROM documents")
                #expect(n >= last)
                last = n
                #expect(try reader.int("SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.document_id = d.id)") == 0)
            }
            reads += 1
            usleep(10_000)
        }
        let errA = String(decoding: ea.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errB = String(decoding: eb.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        pa.waitUntilExit()
        pb.waitUntilExit()
        #expect(pa.terminationStatus == 0, "\(errA)")
        #expect(pb.terminationStatus == 0, "\(errB)")
        #expect(reads > 0)
        let final = try Database(path: db)
        #expect(try final.int("SELECT count(*) FROM documents") == 1201)
        #expect(try final.strings("PRAGMA integrity_check") == ["ok"])
        #expect(try IntegrityCheck(db: final).run().allSatisfy(\.ok))
    }

    @Test func aWriterHeldTooLongGivesAClearBusyError() throws {
        let dir = TempDir()
        let path = dir.file("t.db")
        let holder = try KnowledgeStore.openForWriting(path: path).db
        try holder.execute("BEGIN IMMEDIATE")
        defer { try? holder.execute("ROLLBACK") }
        let store = try KnowledgeStore(db: Database(path: path, mode: .readWrite, busyTimeoutMilliseconds: 200))
        let importer = try Importer(store: store)
        let error = #expect(throws: DatabaseError.self) {
            _ = try importer.importDocuments([SourceDocument(key: "k", body: "Some text.", origin: "test")])
        }
        #expect(error?.resultCode == .SQLITE_BUSY)
        #expect(error?.message.contains("locked") == true)
    }
}
