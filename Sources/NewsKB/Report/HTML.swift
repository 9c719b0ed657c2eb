/// Building blocks of the static report: escaping and the page frame.
enum HTML {
    /// Text from an article or the database, safe in element content and in quoted attributes.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// A whole page: one stylesheet, no script, no external request.
    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <link rel="stylesheet" href="style.css">
        </head>
        <body>
        \(body)
        <footer>Made by newskb from its database; every highlighted span is a code-point range of the article's text.</footer>
        </body>
        </html>

        """
    }

    static let stylesheet = """
        body { font: 15px/1.45 system-ui, sans-serif; margin: 1.5rem auto; max-width: 72rem; padding: 0 1rem; color: #222; }
        h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
        nav { margin-bottom: 1rem; font-size: 0.9rem; }
        table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; }
        th, td { border: 1px solid #ccc; padding: 0.25rem 0.4rem; vertical-align: top; text-align: left; }
        th { background: #f3f3f3; }
        td.mark { text-align: center; }
        td.mark a { text-decoration: none; font-weight: bold; color: #1a5fb4; }
        .note { color: #666; font-size: 0.9rem; }
        .conflict { background: #fdecea; border-left: 4px solid #c01c28; padding: 0.4rem 0.8rem; margin: 0.8rem 0; }
        .conflict h3 { margin: 0 0 0.3rem; font-size: 1rem; }
        .article-body { white-space: pre-wrap; font-family: Georgia, serif; font-size: 1.05rem; line-height: 1.6; }
        .hl-statement { background: #e8f1fb; }
        .hl-claim { border-bottom: 2px solid #2ec27e; }
        .hl-conflict { background: #fbd3d0; }
        :target + span, :target + .hl-statement, :target + .hl-claim, :target + .hl-conflict { outline: 2px solid #e5a50a; }
        .legend span { padding: 0 0.3rem; margin-right: 0.5rem; }
        footer { margin-top: 3rem; color: #888; font-size: 0.8rem; }
        """
}
