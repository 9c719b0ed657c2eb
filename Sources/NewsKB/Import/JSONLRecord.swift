import Foundation

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
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [])
        } catch {
            return .failure("malformed JSON: \(describe(error))")
        }
        guard let dict = object as? [String: Any] else {
            return .failure("expected a JSON object with a \"text\" field, found \(typeName(object))")
        }
        guard let textValue = dict["text"], !(textValue is NSNull) else {
            return .failure("record has no \"text\" field")
        }
        guard let text = textValue as? String else {
            return .failure("\"text\" must be a string, found \(typeName(textValue))")
        }
        var record = JSONLRecord(text: text)
        var problem: String?
        func field(_ names: [String]) -> String? {
            for name in names {
                guard let v = dict[name], !(v is NSNull) else { continue }
                if let s = v as? String { return s.isEmpty ? nil : s }
                if let n = v as? NSNumber, name == "id" { return n.stringValue }
                problem = problem ?? "\"\(name)\" must be a string, found \(typeName(v))"
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

    private static func typeName(_ v: Any) -> String {
        switch v {
        case is String: return "a string"
        case is NSNumber: return "a number"
        case is [Any]: return "an array"
        case is [String: Any]: return "an object"
        case is NSNull: return "null"
        default: return "\(type(of: v))"
        }
    }

    private static func describe(_ error: Error) -> String {
        let ns = error as NSError
        if let d = ns.userInfo[NSDebugDescriptionErrorKey] as? String { return d }
        return ns.localizedDescription
    }
}
