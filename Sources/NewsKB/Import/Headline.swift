/// Decides whether an article's first line is its headline.
enum Headline {
    /// The first line when it reads as a headline: followed by more text, at most 200
    /// characters, not a bullet, and not ending like a sentence (`.`, `!`, `?`, `:`, `;`, `,`).
    static func title(of body: String) -> String? {
        guard let nl = body.firstIndex(of: "\n") else { return nil }
        let line = body[..<nl].trimmingCharacters()
        let rest = body[body.index(after: nl)...]
        guard !line.isEmpty, line.count <= 200, rest.contains(where: { !$0.isWhitespace }) else { return nil }
        if let f = line.first, "-*•–—".contains(f) { return nil }
        var last = line.last!
        var trimmed = line
        while "\"”’'»)".contains(last), trimmed.count > 1 { trimmed.removeLast(); last = trimmed.last! }
        if ".!?:;,".contains(last) && !line.hasSuffix("...") { return nil }
        // A headline has few words; a short sentence without final punctuation is rare in news.
        if line.split(separator: " ").count > 25 { return nil }
        return String(line)
    }

    /// `# Title` on the first non-blank line of a Markdown file, else the plain-text rule.
    static func markdownTitle(_ body: String) -> String? {
        for raw in body.split(separator: "\n", omittingEmptySubsequences: true).prefix(1) {
            let line = raw.trimmingCharacters()
            if line.hasPrefix("# ") { return String(line.dropFirst(2)).trimmingCharacters() }
        }
        return title(of: body)
    }
}

extension StringProtocol {
    func trimmingCharacters() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
