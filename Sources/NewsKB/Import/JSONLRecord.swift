/// The fields newskb reads from one JSONL line.
struct JSONLRecord {
    var id: String?
    var text: String
    var title: String?
    var outlet: String?
    var url: String?
    var published: String?
    var author: String?

    enum ParseResult { case success(JSONLRecord), failure(String) }

    /// Parses one line, with a message naming the problem (bad JSON, missing `text`, a field
    /// of the wrong type). Unknown fields are ignored.
    static func parse(_ bytes: ArraySlice<UInt8>) -> ParseResult {
        if TextDecoder.firstInvalidUTF8(bytes) != nil { return .failure("invalid UTF-8 in this line") }
        let members: [String: JSONValueParser.Value]
        do {
            members = try JSONValueParser.parse(bytes, keep: fieldNames)
        } catch {
            return .failure("malformed JSON: \(error)")
        }
        if let other = members[""] {
            return .failure("expected a JSON object with a \"text\" field, found \(other.typeName)")
        }
        guard let textValue = members["text"], textValue != .null else {
            return .failure("record has no \"text\" field")
        }
        guard case .string(let text) = textValue else {
            return .failure("\"text\" must be a string, found \(textValue.typeName)")
        }
        var record = JSONLRecord(text: text)
        var problem: String?
        func field(_ names: [String]) -> String? {
            for name in names {
                guard let v = members[name], v != .null else { continue }
                if case .string(let s) = v { return s.isEmpty ? nil : s }
                if case .number(let n) = v, name == "id" { return n }
                problem = problem ?? "\"\(name)\" must be a string, found \(v.typeName)"
                return nil
            }
            return nil
        }
        record.id = field(["id"])
        record.title = field(["title"])
        record.outlet = field(["source", "outlet"])
        record.url = field(["url"])
        record.published = field(["published", "date"])
        record.author = field(["author"])
        if let problem { return .failure(problem) }
        return .success(record)
    }

    /// The members read from a line.
    private static let fieldNames: Set<String> = ["text", "id", "title", "source", "outlet", "url", "published", "date", "author"]
}
