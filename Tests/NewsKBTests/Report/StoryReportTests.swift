import Testing
import Foundation
@testable import NewsKB

/// `newskb report`: the static site, read back as files.
@Suite struct StoryReportTests {
    private func read(_ dir: TempDir, _ name: String) throws -> String {
        try String(contentsOfFile: dir.file(name), encoding: .utf8)
    }

    @Test func theSeedsStoryShowsTheMatrixTheConflictsAndLinksToTheSentences() throws {
        let dir = TempDir()
        _ = try importInto(dir.file("t.db"), [repoRoot + "/seeds"])
        let db = try KnowledgeStore.openForReading(path: dir.file("t.db")).db
        let out = TempDir()
        let summary = try StoryReport(db: db).write(to: out.path)
        #expect(summary == StoryReport.Summary(stories: 1, articles: 5, indexPages: 1))
        let index = try read(out, "index.html")
        #expect(index.contains("href=\"story-1.html\""))
        // a story is called by the title of its first document that has one (the seeds: one has)
        #expect(index.contains("Kim Jong Un crosses Russian border for talks with Putin</a>"), "\(index)")
        let story = try read(out, "story-1.html")
        // the two conflicts of the seeds, each with every source's position
        #expect(story.contains("meeting place") && story.contains("heading"))
        for position in ["at Vladivostok", "at Vostochny Cosmodrome", "toward Vladivostok", "away from Vladivostok"] {
            #expect(story.contains(position), "\(position)")
        }
        // the matrix: a row per shared claim, a column per source, marks linking to the evidence
        #expect(story.contains("class=\"matrix\""))
        #expect(story.contains("<th title=") && story.contains(">S5</th>"))
        // from a conflict's position to its sentence in the article: one link, to an anchor that exists
        let links = story.matches(of: /href="(doc-\d+\.html)#(at-\d+)"/).map { (String($0.1), String($0.2)) }
        #expect(!links.isEmpty)
        for (page, anchor) in links.prefix(40) {
            #expect(try read(out, page).contains("id=\"\(anchor)\""), "\(page)#\(anchor)")
        }
        #expect(FileManager.default.fileExists(atPath: out.file("style.css")))
        // no script and nothing fetched from elsewhere
        for name in ["index.html", "story-1.html"] {
            let page = try read(out, name)
            #expect(!page.contains("<script") && !page.contains("src=\"http"), "\(name)")
        }
    }

    @Test func articleTextIsEscapedEverywhere() throws {
        let body = """
            Mayor Ilse Varga said the <script>alert(1)</script> tag was "onload=steal()" harmless. \
            "The bridge will open on Monday," Varga said.
            """
        let (dir, store) = try importDocs([
            SourceDocument(key: "a<b>.txt", title: "<img src=x onerror=alert(1)>", body: body, origin: "a"),
        ])
        _ = dir
        let out = TempDir()
        try StoryReport(db: store.db).write(to: out.path)
        for name in try FileManager.default.contentsOfDirectory(atPath: out.path) where name.hasSuffix(".html") {
            let page = try read(out, name)
            #expect(!page.contains("<script"), "\(name)")
            #expect(!page.contains("<img"), "\(name)")
            #expect(!page.contains("\"onload="), "\(name)")
        }
        let article = try FileManager.default.contentsOfDirectory(atPath: out.path).first { $0.hasPrefix("doc-") }
        let page = try read(out, try #require(article))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(page.contains("&quot;onload=steal()&quot;"))
        // the statement is highlighted
        #expect(page.contains("hl-statement"))
    }

    @Test func highlightsThatOverlapNestAndKeepTheTextExact() {
        let body = Array("Alpha beta gamma delta.".unicodeScalars)
        let marks = [StoryReport.Highlight(start: 0, end: 10, cls: "hl-statement", title: "s"),
                     StoryReport.Highlight(start: 6, end: 16, cls: "hl-claim", title: "c")]
        let html = StoryReport.highlighted(body, marks)
        #expect(html.contains("<a id=\"at-0\"></a>") && html.contains("<a id=\"at-6\"></a>"))
        #expect(html.contains("<span class=\"hl-claim hl-statement\" title=\"s; c\">beta</span>"))
        // with the tags taken out, the text is the body
        #expect(html.replacing(/<[^>]*>/, with: "") == "Alpha beta gamma delta.")
    }

    @Test func publicationDaysAreShownAsTheSourceWroteThem() {
        #expect(StoryReport.day("2023-09-12T08:30:00Z") == "2023-09-12")
        #expect(StoryReport.day("19-OCT-1987 16:10:34.27") == "19-OCT-1987")
        #expect(StoryReport.day("Tuesday") == "Tuesday")
    }

    @Test func aStoryThatDoesNotExistIsRefusedNamingIt() throws {
        let dir = TempDir()
        _ = try importInto(dir.file("t.db"), [repoRoot + "/seeds"])
        let db = try KnowledgeStore.openForReading(path: dir.file("t.db")).db
        var options = StoryReport.Options()
        options.stories = [42]
        #expect(throws: QueryError.self) { try StoryReport(db: db).write(to: TempDir().path, options: options) }
        do { try StoryReport(db: db).write(to: TempDir().path, options: options) } catch let e as QueryError {
            #expect(e.message.contains("no story 42"))
        }
    }
}
