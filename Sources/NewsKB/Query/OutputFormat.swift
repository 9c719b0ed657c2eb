import Foundation
/// How a listing is printed. Every listing command accepts all of them.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// Aligned columns for people; long cells cut to a width when one is given.
    case table
    /// One JSON array of objects; keys in column order, stable across runs.
    case json
    /// One JSON object per line.
    case jsonl
    /// RFC 4180 comma-separated values with a header line.
    case csv
    /// Tab-separated values with a header line; tabs and newlines in cells escaped as \t and \n.
    case tsv
    /// A GitHub-flavoured Markdown table.
    case markdown
}

/// Renders a ``ResultSet`` as text in an ``OutputFormat``.
public struct ResultFormatter: Sendable {
    public var format: OutputFormat
    /// Maximum line width for `table` (cells are cut with `…` to fit); nil for no limit.
    public var maxWidth: Int?
    /// When cutting to `maxWidth`, the column that keeps its room longest (e.g. `quote`): the
    /// others are cut to at most 24 columns first.
    public var priorityColumn: String?

    public init(format: OutputFormat, maxWidth: Int? = nil, priorityColumn: String? = nil) {
        self.format = format
        self.maxWidth = maxWidth
        self.priorityColumn = priorityColumn
    }

    public func render(_ result: ResultSet) -> String {
        switch format {
        case .table: return table(result)
        case .json:
            if result.rows.isEmpty { return "[]\n" }
            return "[\n" + result.rows.map { "  " + jsonObject(result.columns, $0) }.joined(separator: ",\n") + "\n]\n"
        case .jsonl: return result.rows.map { jsonObject(result.columns, $0) + "\n" }.joined()
        case .csv:
            return ([result.columns.map(csvCell)] + result.rows.map { $0.map { csvCell($0.description) } })
                .map { $0.joined(separator: ",") + "\r\n" }.joined()
        case .tsv:
            return ([result.columns.map(tsvCell)] + result.rows.map { $0.map { tsvCell($0.description) } })
                .map { $0.joined(separator: "\t") + "\n" }.joined()
        case .markdown:
            let head = "| " + result.columns.map(mdCell).joined(separator: " | ") + " |\n"
            let rule = "|" + result.columns.map { _ in "---" }.joined(separator: "|") + "|\n"
            return head + rule + result.rows.map { "| " + $0.map { mdCell($0.description) }.joined(separator: " | ") + " |\n" }.joined()
        }
    }

    // MARK: table

    private func table(_ r: ResultSet) -> String {
        if r.columns.isEmpty { return "" }
        let cells: [[String]] = r.rows.map { $0.map { oneLine($0.description) } }
        var widths = r.columns.map { displayWidth($0) }
        for row in cells { for (i, c) in row.enumerated() { widths[i] = max(widths[i], displayWidth(c)) } }
        if let maxWidth {
            widths = fit(widths, into: maxWidth - 2 * (widths.count - 1),
                         priority: priorityColumn.flatMap { r.columns.firstIndex(of: $0) })
        }
        func line(_ values: [String]) -> String {
            var parts = [String]()
            for (i, v) in values.enumerated() {
                let cut = cutToWidth(v, widths[i])
                parts.append(i == values.count - 1 ? cut : pad(cut, widths[i]))
            }
            return parts.joined(separator: "  ")
        }
        var out = line(r.columns) + "\n"
        out += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for row in cells { out += line(row) + "\n" }
        out += "(\(r.rows.count) row\(r.rows.count == 1 ? "" : "s"))\n"
        return out
    }

    /// Shrinks the widest columns first until the total fits (each keeps at least 4); with a
    /// priority column, the others are first cut to at most 24.
    private func fit(_ widths: [Int], into total: Int, priority: Int? = nil) -> [Int] {
        var w = widths
        if let p = priority {
            while w.reduce(0, +) > total,
                  let i = w.indices.filter({ $0 != p && w[$0] > 24 }).max(by: { w[$0] < w[$1] }) {
                w[i] -= 1
            }
        }
        while w.reduce(0, +) > max(total, 4 * w.count) {
            guard let i = w.indices.max(by: { w[$0] < w[$1] }), w[i] > 4 else { break }
            w[i] -= 1
        }
        return w
    }

    private func oneLine(_ s: String) -> String {
        if isPlainASCII(s) { return s }
        guard s.contains(where: { $0.isNewline || $0 == "\t" }) else { return s }
        return String(s.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }

    private func pad(_ s: String, _ width: Int) -> String {
        let w = displayWidth(s)
        return w >= width ? s : s + String(repeating: " ", count: width - w)
    }

    private func cutToWidth(_ s: String, _ width: Int) -> String {
        if isPlainASCII(s) {  // one column a byte
            return s.utf8.count <= width ? s : String(decoding: s.utf8.prefix(max(width - 1, 0)), as: UTF8.self) + "…"
        }
        if displayWidth(s) <= width { return s }
        var out = ""
        var w = 0
        for ch in s {
            let cw = charWidth(ch)
            if w + cw > width - 1 { break }
            out.append(ch)
            w += cw
        }
        return out + "…"
    }

    // MARK: escaping

    private func csvCell(_ s: String) -> String {
        if s.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }

    private func tsvCell(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "\t": out += "\\t"
            case "\n", "\r\n": out += "\\n"
            case "\r": out += "\\r"
            case "\\": out += "\\\\"
            default: out.append(ch)
            }
        }
        return out
    }

    private func mdCell(_ s: String) -> String {
        oneLine(s).replacingOccurrences(of: "|", with: "\\|")
    }
}

/// One JSON object with keys in the given order.
func jsonObject(_ keys: [String], _ values: [DatabaseValue]) -> String {
    var out = "{"
    for (i, k) in keys.enumerated() {
        if i > 0 { out += ", " }
        out += jsonString(k) + ": " + jsonValue(values[i])
    }
    return out + "}"
}

func jsonValue(_ v: DatabaseValue) -> String {
    switch v {
    case .null: return "null"
    case .integer(let i): return String(i)
    case .real(let d): return d.isFinite ? String(d) : "null"
    case .text(let s): return jsonString(s)
    case .blob(let b): return jsonString(b.map { String(format: "%02x", $0) }.joined())
    }
}

/// A JSON string literal (RFC 8259), non-ASCII kept as UTF-8.
func jsonString(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
        switch u {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if u.value < 0x20 {
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(u)
            }
        }
    }
    return out + "\""
}

/// Terminal columns a string takes: East Asian wide characters and most emoji take two.
func displayWidth(_ s: String) -> Int {
    if isPlainASCII(s) { return s.utf8.count }
    return s.reduce(0) { $0 + charWidth($1) }
}

/// ASCII without tabs, line or page breaks: one character, and one column, per byte (checked
/// on the bytes; walking the characters of every cell of a long table costs more than the query).
func isPlainASCII(_ s: String) -> Bool {
    for b in s.utf8 where b >= 0x80 || (b >= 0x09 && b <= 0x0D) { return false }
    return true
}

func charWidth(_ ch: Character) -> Int {
    guard let u = ch.unicodeScalars.first else { return 0 }
    let v = u.value
    if v < 0x300 { return 1 }
    if u.properties.generalCategory == .nonspacingMark { return 0 }
    if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
        || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
        || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v) || (0x20000...0x3FFFD).contains(v)
        || (0x1F1E6...0x1F1FF).contains(v) {
        return 2
    }
    return 1
}
