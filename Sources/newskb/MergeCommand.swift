import ArgumentParser
import Foundation
import NewsKB

struct MergeCommand: NewsKBSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Add shard databases (parts of a corpus imported separately) to a database.",
        discussion: """
            A shard is an ordinary newskb database: some of a corpus's articles imported by \
            `newskb import`, on this machine or another (`scripts/spark-import.py` makes them on a \
            Spark cluster; `import --defer-corpus` skips the work the merge does again). Merge adds \
            each shard's documents and everything derived from them (sentences, entities and \
            mentions, statements, claims) without analysing them again, then computes stories, \
            claim groups and disagreements for what was added, as an import does. Merging the \
            shards of a partition of a corpus gives the views one import of the whole corpus gives.

            Documents are taken as `import` takes articles: the same key and content adds \
            nothing, a changed document with the same key replaces the stored one (the later shard \
            wins), one body under several keys is kept under the smallest key. A shard made by \
            another newskb version or with other user aliases (`newskb alias`) is refused, as are \
            missing files and files that are not newskb databases: each is reported on stderr, the \
            other shards are merged, and the exit code is 1. Interrupted (Ctrl-C), the merge keeps \
            every document written; running it again adds the rest.

            Examples:
              newskb merge --db corpus.db shards/shard-*.db
              newskb merge --db archive.db today.db
              newskb merge --db corpus.db --defer-corpus shard-1.db; newskb merge --db corpus.db --defer-corpus shard-2.db; newskb merge --db corpus.db
            """)

    @OptionGroup var database: DatabaseOptions

    @Flag(name: .shortAndLong, help: "No progress line and no summary.")
    var quiet = false

    @Option(help: ArgumentHelp("Write stage timings and peak memory as JSON to this file.", valueName: "file"))
    var timings: String?

    @Flag(help: ArgumentHelp(
        "Leave stories, claim groups and disagreements to be computed later (by the next merge, import or `newskb rebuild`): for merging shards one by one as they arrive."))
    var deferCorpus = false

    @Argument(help: ArgumentHelp(
        "Shard database files. With none, merge computes what merges with --defer-corpus left owed.",
        valueName: "shard"))
    var shards: [String] = []

    func execute() throws {
        let store = try KnowledgeStore.openForWriting(path: database.path)
        let importer = try Importer(store: store)
        importer.runsCorpusPhase = !deferCorpus
        var run = ImportRun(verb: "merging", noun: "merge", database: database.path, quiet: quiet, timings: timings)
        run.failedLabel = "shards refused"
        try run.run(importer) { try importer.merge(shards: shards) }
    }
}
