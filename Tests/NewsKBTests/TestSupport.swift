import Foundation
@testable import NewsKB

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


