import ArgumentParser
import Foundation
import NewsKB

struct ImportCommand: NewsKBSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import articles from folders, files or standard input.",
        discussion: """
            Folders are read recursively (.txt, .md, .jsonl), in sorted order. A .txt or .md file is one \
            article; its first line becomes the title when it reads as a headline. A .jsonl file holds one \
            article per line: "text" is required; "id", "title", "source" or "outlet", "url", "date" or \
            "published", and "author" are optional. `-` reads standard input (JSONL or one text).

            A document's key is its path relative to the folder given (or the file name), the JSONL \
            "id", else FILE:LINE. Importing the same content again adds nothing; a changed document \
            with the same key replaces the old one and everything derived from it. One body under \
            several keys is stored once, under the smallest key, whatever the order.

            Bad inputs (empty, binary, invalid UTF-8, malformed JSON lines, records without "text") \
            are reported one line each on stderr with the file and line; the rest is imported and \
            the exit code is 1.

            Dates are read as 2023-09-13 (or an ISO timestamp), 2023/09/13, 13-SEP-2023, RFC 2822 \
            (Wed, 13 Sep 2023 10:00:00 +0000), 13 September 2023 or September 13, 2023. A date \
            that cannot be read (09/13/2023) is kept as given and noted by file and line; the \
            article is then compared with every week, as one without a date is.

            Examples:
              newskb import seeds/
              newskb import --db news.db articles.jsonl more-articles/
              newskb import --db news.db --date 2023-09-13 todays-articles/
              newskb import --db shard-1.db --defer-corpus part-1.jsonl
              cat article.txt | newskb import -
            """)

    @OptionGroup var database: DatabaseOptions

    @Flag(name: .shortAndLong, help: "No progress line and no summary.")
    var quiet = false

    @Option(help: "The largest article accepted, in megabytes (larger files or lines are reported and skipped).")
    var maxArticleMb: Int = 16

    @Option(help: ArgumentHelp("Write stage timings and peak memory as JSON to this file (for make bench).", valueName: "file"))
    var timings: String?

    @Option(help: ArgumentHelp(
        "The publication date of articles that carry none (.txt and .md files, JSONL lines without \"date\"): YYYY-MM-DD. Undated articles are compared with every week of the store.",
        valueName: "date"))
    var date: String?

    @Flag(help: ArgumentHelp(
        "Leave stories, claim groups and disagreements to be computed later: for shards that `newskb merge` combines (it computes them for the merged store). The next import, merge or `newskb rebuild` into this file computes them."))
    var deferCorpus = false

    func validate() throws {
        if let date, !Importer.isReadableDate(date) {
            throw ValidationError("--date: cannot read \"\(date)\" as a date; write it as YYYY-MM-DD.")
        }
    }

    @Argument(help: ArgumentHelp("Folders, files, or - for standard input.", valueName: "path"))
    var paths: [String]

    func execute() throws {
        let store = try KnowledgeStore.openForWriting(path: database.path)
        let importer = try Importer(store: store)
        importer.maxArticleBytes = maxArticleMb << 20
        importer.defaultPublished = date
        importer.runsCorpusPhase = !deferCorpus
        try ImportRun(verb: "importing", noun: "import", database: database.path, quiet: quiet, timings: timings)
            .run(importer) { try importer.importPaths(paths) }
    }
}

/// How `import` and `merge` run from the terminal: each input that fails gets a line on stderr;
/// a progress line while stderr is a terminal; Ctrl-C stops after the current transaction (what
/// was committed stays; exit 130); then the summary line, `--timings`, and exit code 1 when an
/// input failed.
struct ImportRun {
    var verb: String
    var noun: String
    var database: String
    var quiet: Bool
    var timings: String?
    /// What the summary line calls the inputs that could not be taken (`merge`: `shards refused`).
    var failedLabel = "failed"
    /// Notes on dates not read printed at most (the summary line counts them all).
    static let noticesShown = 5

    func run(_ importer: Importer, _ body: () throws -> Importer.Summary) throws {
        importer.onIssue = { issue in Terminal.error("newskb: \(issue)") }
        // Dates not read: the first few by file and line; the summary line counts them all.
        var notices = 0
        importer.onNotice = { notice in
            notices += 1
            if notices <= ImportRun.noticesShown { Terminal.error("newskb: note: \(notice)") }
        }
        let showProgress = !quiet && Terminal.stderrIsTerminal
        if showProgress {
            let verb = self.verb
            importer.onProgress = { s in
                let rate = s.seconds > 0 ? Double(s.new + s.replaced) / s.seconds : 0
                FileHandle.standardError.write(Data(("\r\u{1B}[K" + verb + String(
                    format: ": %d read, %d written, %.0f documents/s", s.read, s.new + s.replaced, rate)).utf8))
            }
        }
        let interrupt = InterruptFlag.install()
        importer.shouldStop = { interrupt.isSet }
        let summary: Importer.Summary
        do {
            summary = try body()
        } catch let stop as Importer.Interrupted {
            if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            Terminal.error("newskb: \(stop)")
            throw ExitCode(130)
        }
        if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        if !quiet { Terminal.error("newskb: \(noun) into \(database): \(summary.line(failed: failedLabel))") }
        // Articles without a date are compared with every week: when that made the import compare
        // them with a tenth of the store or more (or recompute all of it), say how to avoid it.
        if !quiet, summary.undated > 0, let corpus = summary.corpus,
           corpus.recomputedAll?.hasPrefix(CorpusReach.wideReason) == true || corpus.candidates * 10 >= corpus.documents {
            Terminal.error("newskb: note: \(summary.undated) articles without a date are compared with every week (\(corpus.candidates) of \(corpus.documents) documents were candidates); `--date YYYY-MM-DD` gives them a publication date")
        }
        if let timings {
            try ImportTimings(summary).json().write(toFile: timings, atomically: true, encoding: .utf8)
        }
        if summary.failed > 0 { throw ExitCode(1) }
    }
}

/// What `import --timings FILE` writes (for make bench): seconds in all and by stage, words, peak
/// memory, and what the corpus phase did with its time by step (wall clock and CPU). Seconds are
/// rounded to the millisecond.
struct ImportTimings: Encodable {
    struct Step: Encodable { var wall: Double, cpu: Double }
    struct Corpus: Encodable {
        var documents, claims, windows, comparisons, claimGroups, stories, conflicts: Int
        /// What the phase recomputed: `all: ` and why, or how many documents.
        var scope: String
        /// A run over part of the store: documents changed, candidates their postings gave,
        /// documents they link to, documents read (``ClaimCorpus/Summary``).
        var changed, candidates, linked, read: Int
        var steps: [String: Step]
        enum CodingKeys: String, CodingKey {
            case documents, claims, windows, comparisons, claimGroups = "claim_groups", stories, conflicts, scope, steps
            case changed, candidates, linked, read
        }
    }

    var seconds: Double
    var words: Int
    var peakRSSBytes: Int
    var stages: [String: Double]
    var corpus: Corpus?

    enum CodingKeys: String, CodingKey {
        case seconds, words, peakRSSBytes = "peak_rss_bytes", stages, corpus
    }

    init(_ summary: Importer.Summary) {
        func ms(_ s: Double) -> Double { (s * 1000).rounded() / 1000 }
        seconds = ms(summary.seconds)
        words = summary.words
        peakRSSBytes = ProcessStats.peakResidentBytes
        stages = summary.stageSeconds.mapValues(ms)
        corpus = summary.corpus.map { c in
            Corpus(documents: c.documents, claims: c.claims, windows: c.windows, comparisons: c.comparisons,
                   claimGroups: c.groups, stories: c.stories, conflicts: c.conflicts, scope: c.scope,
                   changed: c.changedDocuments, candidates: c.candidates, linked: c.linked, read: c.readDocuments,
                   steps: Dictionary(uniqueKeysWithValues: c.stepWall.map { step, wall in
                       (step, Step(wall: ms(wall), cpu: ms(c.stepCPU[step] ?? 0)))
                   }))
        }
    }

    /// One line of JSON, keys sorted.
    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}
