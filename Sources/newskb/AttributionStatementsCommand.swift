import ArgumentParser
import NewsKB
import NewsKBExtraction

/// For `scripts/train-weak-cues.py`: the statements the rules find in the given articles (before
/// the tagger's are joined and the weak cues left out), read as `import` reads them. Not listed in `--help` (a tool for training).
struct AttributionStatementsCommand: NewsKBSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "attribution-statements",
        abstract: "Print the rules' statements (for scripts/train-weak-cues.py).",
        discussion: """
            One line `#<TAB>KEY` a document, then one line a statement: kind, content start, content end \
            (code points), the cue's last word (lower case; `-` without a cue).
            """,
        shouldDisplay: false)

    @Argument(help: "Files or folders to read, as `newskb import` reads them.")
    var paths: [String]

    func execute() throws {
        try writePerDocument(paths) { body in
            StatementExtractor.ruleStatements(body).map { st in
                "\(st.kind.rawValue)\t\(st.content.start)\t\(st.content.end)\t\(st.cueWord ?? "-")\n"
            }.joined()
        }
    }
}
