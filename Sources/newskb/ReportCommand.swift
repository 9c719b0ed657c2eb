import ArgumentParser
import NewsKB

struct ReportCommand: NewsKBSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a static site that shows, story by story, where sources agree and conflict.",
        discussion: """
            Plain HTML and one stylesheet: no script, no server, no external request; open \
            OUT/index.html in a browser, from the disk or published anywhere.

            OUT/index.html lists the stories (documents, outlets, dates, shared claims, \
            conflicts). OUT/story-N.html shows a story's sources side by side, the source x \
            claim matrix, the conflicts with each source's position and sentence, who said \
            what and the entities named. OUT/doc-N.html is an article with its statements, \
            shared claims and conflict evidence highlighted; every sentence shown elsewhere \
            links to its place there.

            Examples:
              newskb report --out report/
              newskb report --out report/ --min-documents 2
              newskb report --out story12/ --story 12
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(name: .long, help: ArgumentHelp("The folder to write the site into (created if missing).", valueName: "dir"))
    var out: String

    @Option(name: .customLong("story"), help: ArgumentHelp("Only this story (repeat for more; newskb stories lists them).", valueName: "id"))
    var stories: [Int] = []

    @Option(help: "Only stories with at least this many documents.")
    var minDocuments: Int = 1

    @Option(help: "Shared claims shown in each story's matrix (the rest are counted).")
    var claimsPerStory: Int = 60

    func validate() throws {
        if out.isEmpty { throw ValidationError("--out must name a folder.") }
        if minDocuments < 1 { throw ValidationError("--min-documents must be at least 1 (got \(minDocuments)).") }
        if claimsPerStory < 1 { throw ValidationError("--claims-per-story must be at least 1 (got \(claimsPerStory)).") }
        if let bad = stories.first(where: { $0 < 1 }) { throw ValidationError("--story must be a story id, 1 or more (got \(bad)).") }
    }

    func execute() throws {
        let store = try KnowledgeStore.openForReading(path: database.path)
        var options = StoryReport.Options()
        options.stories = stories
        options.minDocuments = minDocuments
        options.claimsPerStory = claimsPerStory
        let summary = try StoryReport(db: store.db).write(to: out, options: options)
        var folder = out
        while folder.count > 1 && folder.hasSuffix("/") { folder.removeLast() }
        let stories = summary.stories == 1 ? "1 story" : "\(summary.stories) stories"
        let articles = summary.articles == 1 ? "1 article" : "\(summary.articles) articles"
        let pages = summary.indexPages == 1 ? "1 index page" : "\(summary.indexPages) index pages"
        Terminal.write("wrote \(stories), \(articles) and \(pages) to \(folder)/index.html\n")
    }
}
