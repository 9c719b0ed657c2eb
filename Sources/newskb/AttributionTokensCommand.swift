import ArgumentParser
import NewsKB
import NewsKBExtraction

/// For `scripts/train-attribution.py`: the attribution tagger's inputs for every token of the
/// given articles, read as `import` reads them. Not listed in `--help` (a tool for training).
struct AttributionTokensCommand: NewsKBSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "attribution-tokens",
        abstract: "Print the attribution tagger's inputs for every token (for scripts/train-attribution.py).",
        discussion: """
            One line `#<TAB>KEY` a document, then one line a token: sentence, start, end (code points), \
            word (lower case), suffix, shape, lexicon classes, entity tag, quoted (0/1), the rules' tag.
            """,
        shouldDisplay: false)

    @Argument(help: "Files or folders to read, as `newskb import` reads them.")
    var paths: [String]

    func execute() throws {
        try writePerDocument(paths) { body in
            StatementExtractor.attributionTokens(body).map { r in
                "\(r.sentence)\t\(r.start)\t\(r.end)\t\(r.word)\t\(r.suffix)\t\(r.shape)\t\(r.classes)\t\(r.entity)\t\(r.quoted ? 1 : 0)\t\(r.rule)\n"
            }.joined()
        }
    }
}

/// For the hidden training commands: reads `paths` as `import` does and writes, a document at a
/// time, a line `#<TAB>KEY` and then what `lines` makes of its body.
func writePerDocument(_ paths: [String], _ lines: @escaping (String) -> String) throws {
    var out = ""
    var reader = InputReader(onDocument: { doc in
        out += "#\t\(doc.key)\n" + lines(doc.body)
        if out.utf8.count > 1 << 20 { Terminal.write(out); out = "" }
    }, onIssue: { issue in
        Terminal.error("\(issue)")
    })
    try reader.read(paths: paths)
    Terminal.write(out)
}
