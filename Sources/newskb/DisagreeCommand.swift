import ArgumentParser
import NewsKB

struct DisagreeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disagree",
        abstract: "Where sources conflict: each disagreement with every source's position and evidence.",
        discussion: """
            Kinds: place (the same event in different places, heading toward vs away from a place),
            time (different dates), numeric (different numbers for the same quantity), negation (one
            source denies what another asserts), direction (A supplies B vs B supplies A).

            Examples:
              newskb disagree
              newskb disagree --story 1 --format json
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Only this story (its id from `newskb stories`).")
    var story: Int?

    @Option(help: "Show at most this many disagreements (0: all).")
    var limit: Int = 20

    func run() throws {
        try reportingErrors {
            let store = try KnowledgeStore.openForReading(path: database.path)
            var result = try ClaimQueries(db: store.db).disagree(story: story, limit: Paging.fetchLimit(limit))
            result = Paging.cut(result, limit: limit, unit: "disagreement", noun: "disagreements")
            if output.format == .table {
                result = result.selecting(["disagreement", "kind", "topic", "document", "position", "text"])
            }
            output.print(result, defaultTableWidth: 100)
        }
    }
}
