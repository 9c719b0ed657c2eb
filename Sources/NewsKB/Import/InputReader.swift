import Foundation

/// Reads the inputs of an import — folders (recursively, in sorted order), files and `-`
/// (standard input) — and streams their articles one at a time.
///
/// Formats: `.txt` and `.md` hold one article per file; `.jsonl` one article per line
/// (`text` required; `id`, `title`, `source`/`outlet`, `url`, `date`/`published`, `author`
/// optional). Problems are reported through `onIssue` and reading goes on.
public struct InputReader {
    /// File extensions read inside folders.
    public static let extensions: Set<String> = ["txt", "md", "jsonl"]

    public var onDocument: (SourceDocument) throws -> Void
    public var onIssue: (ImportIssue) -> Void
    /// The largest article accepted, in bytes of UTF-8 (a file, or a JSONL line). News articles
    /// are far smaller; anything larger is reported, not analysed.
    public var maxArticleBytes = 16 << 20
    /// Files in folders skipped for their extension.
    public private(set) var skippedFiles = 0

    public init(onDocument: @escaping (SourceDocument) throws -> Void, onIssue: @escaping (ImportIssue) -> Void) {
        self.onDocument = onDocument
        self.onIssue = onIssue
    }

    /// Reads every path in order. Throws only what `onDocument` throws (e.g. a database failure).
    public mutating func read(paths: [String]) throws {
        for path in paths {
            if path == "-" {
                try readStandardInput()
                continue
            }
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
                onIssue(ImportIssue(file: path, message: "no such file or folder"))
                continue
            }
            if isDir.boolValue {
                var visited = Set<String>()
                try readFolder(root: path, relative: "", visited: &visited)
            } else {
                try readFile(path: path, key: (path as NSString).lastPathComponent)
            }
        }
    }

    private mutating func readFolder(root: String, relative: String, visited: inout Set<String>) throws {
        let dir = relative.isEmpty ? root : root + "/" + relative
        // Symlink loops: a folder whose real path was already walked is not walked again.
        let real = (dir as NSString).resolvingSymlinksInPath
        guard visited.insert(real).inserted else {
            onIssue(ImportIssue(file: dir, message: "skipped: folder already read (symbolic link loop?)"))
            return
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        } catch {
            onIssue(ImportIssue(file: dir, message: "cannot read folder: \(error.localizedDescription)"))
            return
        }
        for name in names where !name.hasPrefix(".") {
            let rel = relative.isEmpty ? name : relative + "/" + name
            let full = root + "/" + rel
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDir) else {
                onIssue(ImportIssue(file: full, message: "cannot read: dangling link or vanished file"))
                continue
            }
            if isDir.boolValue {
                try readFolder(root: root, relative: rel, visited: &visited)
            } else if InputReader.extensions.contains((name as NSString).pathExtension.lowercased()) {
                try readFile(path: full, key: rel)
            } else {
                skippedFiles += 1
            }
        }
    }

    private func readFile(path: String, key: String) throws {
        if (path as NSString).pathExtension.lowercased() == "jsonl" {
            try readJSONL(path: path, keyPrefix: key)
            return
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            onIssue(ImportIssue(file: path, message: "cannot open: \(String(cString: strerror(errno)))"))
            return
        }
        defer { try? handle.close() }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maxArticleBytes {
            onIssue(ImportIssue(file: path, message: tooLarge(size)))
            return
        }
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try handle.readToEnd() ?? Data())
        } catch {
            onIssue(ImportIssue(file: path, message: "cannot read: \(error.localizedDescription)"))
            return
        }
        switch TextDecoder.decode(bytes) {
        case .failure(let f):
            onIssue(ImportIssue(file: path, message: f.message))
        case .success(let body):
            let title = (path as NSString).pathExtension.lowercased() == "md"
                ? Headline.markdownTitle(body) : Headline.title(of: body)
            try onDocument(SourceDocument(key: key, title: title, body: body, origin: path))
        }
    }

    private func tooLarge(_ bytes: Int) -> String {
        String(format: "too large for one article: %.1f MB (limit %.0f MB; raise it with --max-article-mb)",
               Double(bytes) / 1_048_576, Double(maxArticleBytes) / 1_048_576)
    }

    private func readStandardInput() throws {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        let bytes = [UInt8](data)
        let firstNonSpace = bytes.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }
        if firstNonSpace == UInt8(ascii: "{") {
            var lineNo = 0
            var start = 0
            for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x0A {
                lineNo += 1
                if i > start { try handleJSONLine(Array(bytes[start..<i]), file: "-", line: lineNo, keyPrefix: "stdin") }
                start = i + 1
            }
        } else {
            switch TextDecoder.decode(bytes) {
            case .failure(let f): onIssue(ImportIssue(file: "-", message: f.message))
            case .success(let body):
                try onDocument(SourceDocument(key: "stdin", title: Headline.title(of: body), body: body, origin: "-"))
            }
        }
    }

    private func readJSONL(path: String, keyPrefix: String) throws {
        guard let fp = fopen(path, "rb") else {
            onIssue(ImportIssue(file: path, message: "cannot open: \(String(cString: strerror(errno)))"))
            return
        }
        defer { fclose(fp) }
        var linePtr: UnsafeMutablePointer<CChar>?
        var cap = 0
        defer { free(linePtr) }
        var lineNo = 0
        while true {
            let n = getline(&linePtr, &cap, fp)
            if n < 0 { break }
            lineNo += 1
            guard let p = linePtr else { break }
            if n > maxArticleBytes {
                onIssue(ImportIssue(file: path, line: lineNo, message: tooLarge(n)))
                continue
            }
            var bytes = Array(UnsafeRawBufferPointer(start: p, count: n).bindMemory(to: UInt8.self))
            if lineNo == 1, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { bytes.removeFirst(3) }
            if lineNo == 1, bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
                onIssue(ImportIssue(file: path, message: "UTF-16 JSONL is not supported: convert it to UTF-8 (iconv -f UTF-16 -t UTF-8)"))
                return
            }
            try handleJSONLine(bytes, file: path, line: lineNo, keyPrefix: keyPrefix)
        }
        if ferror(fp) != 0 {
            onIssue(ImportIssue(file: path, line: lineNo + 1, message: "read error: \(String(cString: strerror(errno)))"))
        }
    }

    private func handleJSONLine(_ raw: [UInt8], file: String, line: Int, keyPrefix: String) throws {
        var bytes = raw[...]
        while let last = bytes.last, last == 0x0A || last == 0x0D || last == 0x20 || last == 0x09 { bytes.removeLast() }
        while let first = bytes.first, first == 0x20 || first == 0x09 { bytes.removeFirst() }
        if bytes.isEmpty { return }  // blank lines are allowed between records
        switch JSONLRecord.parse(bytes) {
        case .failure(let message):
            onIssue(ImportIssue(file: file, line: line, message: message))
        case .success(let record):
            switch TextDecoder.decodeUTF8(Array(record.text.utf8)[...]) {
            case .failure(.empty): onIssue(ImportIssue(file: file, line: line, message: "\"text\" is empty"))
            case .failure(let f): onIssue(ImportIssue(file: file, line: line, message: "\"text\": " + f.message))
            case .success:
                try onDocument(SourceDocument(
                    key: record.id ?? "\(keyPrefix):\(line)", title: record.title, outlet: record.outlet,
                    url: record.url, published: record.published, author: record.author,
                    body: record.text, origin: "\(file):\(line)"))
            }
        }
    }
}
