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
        var out = ""
        var reader = InputReader(onDocument: { doc in
            out += "#\t\(doc.key)\n"
            for r in StatementExtractor.attributionTokens(doc.body) {
                out += "\(r.sentence)\t\(r.start)\t\(r.end)\t\(r.word)\t\(r.suffix)\t\(r.shape)\t\(r.classes)\t\(r.entity)\t\(r.quoted ? 1 : 0)\t\(r.rule)\n"
            }
            if out.utf8.count > 1 << 20 { Terminal.write(out); out = "" }
        }, onIssue: { issue in
            Terminal.error("\(issue)")
        })
        try reader.read(paths: paths)
        Terminal.write(out)
    }
}
