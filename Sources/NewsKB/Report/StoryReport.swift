import Foundation

/// `newskb report`: a static site (HTML and one stylesheet; no script, no server, no external
/// request) that shows, story by story, where sources agree and where they conflict.
///
/// - `index.html` (then `index-2.html`…): the stories, with their documents, outlets, dates,
///   shared claims and conflicts;
/// - `story-N.html`: the sources side by side, the source × claim matrix, the conflicts with every
///   source's position, who said what, and the entities named;
/// - `doc-N.html`: an article's text with its statements, grouped claims and conflict evidence
///   highlighted; every sentence shown elsewhere links to its place here.
///
/// Everything read from the database is HTML-escaped. Read only from the public views.
public struct StoryReport {
    public struct Options: Sendable {
        /// Only these stories (empty: every story with at least ``minDocuments`` documents).
        public var stories: [Int] = []
        public var minDocuments = 1
        /// Claim groups shown in a story's matrix (the rest are counted in a note).
        public var claimsPerStory = 60
        /// Stories per index page.
        public var storiesPerPage = 200
        public init() {}
    }

    public struct Summary: Sendable, Equatable {
        public var stories = 0
        public var articles = 0
        public var indexPages = 0
    }

    public let db: Database
    public init(db: Database) { self.db = db }

    struct StoryRow {
        /// The title of its first document that has one, else the story's label (its terms).
        var id: Int, label: String, documents: Int, outlets: Int, first: String?, last: String?
        var sharedClaims = 0, conflicts = 0
    }

    struct Document {
        var id: Int64, key: String, title: String?, outlet: String?, published: String?
    }

    /// Writes the site into `directory` (created if missing; files of the same names replaced).
    @discardableResult
    public func write(to directory: String, options: Options = Options()) throws -> Summary {
        let fm = FileManager.default
        do {
            try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw QueryError(message: "cannot create the report folder \(directory): \(error.localizedDescription)")
        }
        // Written in place: FileManager.createFile writes a temporary file and renames it, which
        // doubled the file-system work of a report of thousands of pages.
        func save(_ name: String, _ text: String) throws {
            let path = (directory as NSString).appendingPathComponent(name)
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            } catch {
                throw QueryError(message: "cannot write \(path): \(error.localizedDescription)")
            }
        }
        var summary = Summary()
        let stories = try storyRows(options)
        try save("style.css", HTML.stylesheet)
        // the index, paginated
        let pages = max(1, (stories.count + options.storiesPerPage - 1) / options.storiesPerPage)
        for page in 0..<pages {
            let slice = stories.dropFirst(page * options.storiesPerPage).prefix(options.storiesPerPage)
            try save(Self.indexName(page), indexPage(Array(slice), page: page, pages: pages, total: stories.count))
        }
        summary.indexPages = pages
        var written = Set<Int64>()
        for story in stories {
            let docs = try documents(ofStory: story.id)
            try save("story-\(story.id).html", try storyPage(story, docs, options))
            summary.stories += 1
            for d in docs where written.insert(d.id).inserted {
                try save("doc-\(d.id).html", try articlePage(d, story: story.id))
                summary.articles += 1
            }
        }
        return summary
    }

    /// The day of a publication date as the source wrote it: `2023-09-12` of an ISO time,
    /// `19-OCT-1987` of `19-OCT-1987 16:10:34.27`.
    static func day(_ published: String) -> String {
        let iso = published.prefix(10)
        if iso.count == 10, iso.enumerated().allSatisfy({ [4, 7].contains($0.offset) ? $0.element == "-" : $0.element.isNumber }) {
            return String(iso)
        }
        return String(published.split(separator: " ").first ?? Substring(published))
    }

    static func indexName(_ page: Int) -> String { page == 0 ? "index.html" : "index-\(page + 1).html" }

    // MARK: data

    func storyRows(_ options: Options) throws -> [StoryRow] {
        var rows = [StoryRow]()
        for r in try db.rows("""
            SELECT story,
                   coalesce((SELECT t.title FROM stories t WHERE t.story = s.story AND t.title <> ''
                              ORDER BY t.published IS NULL, t.published, t.document LIMIT 1), max(label)),
                   count(*), count(DISTINCT outlet), min(published), max(published)
              FROM stories s GROUP BY story HAVING count(*) >= ? ORDER BY count(*) DESC, story
            """, [options.minDocuments]) {
            let id = Int(r[0].int64 ?? 0)
            if !options.stories.isEmpty && !options.stories.contains(id) { continue }
            rows.append(StoryRow(id: id, label: r[1].string ?? "", documents: Int(r[2].int64 ?? 0),
                                 outlets: Int(r[3].int64 ?? 0), first: r[4].string, last: r[5].string))
        }
        if !options.stories.isEmpty {
            let found = Set(rows.map(\.id))
            if let missing = options.stories.first(where: { !found.contains($0) }) {
                throw QueryError(message: "no story \(missing) with at least \(options.minDocuments) documents (newskb stories lists them)")
            }
        }
        var shared = [Int: Int](), conflicts = [Int: Int]()
        for r in try db.rows("SELECT story, count(*) FROM claim_agreement WHERE sources >= 2 AND story IS NOT NULL GROUP BY story") {
            shared[Int(r[0].int64 ?? 0)] = Int(r[1].int64 ?? 0)
        }
        for r in try db.rows("""
            SELECT s.story, count(DISTINCT x.disagreement) FROM disagreements x JOIN stories s ON s.document = x.document GROUP BY s.story
            """) {
            conflicts[Int(r[0].int64 ?? 0)] = Int(r[1].int64 ?? 0)
        }
        for i in rows.indices {
            rows[i].sharedClaims = shared[rows[i].id] ?? 0
            rows[i].conflicts = conflicts[rows[i].id] ?? 0
        }
        return rows
    }

    func documents(ofStory story: Int) throws -> [Document] {
        try db.rows("""
            SELECT d.id, d.key, d.title, d.outlet, d.published
              FROM stories s JOIN documents d ON d.key = s.document
             WHERE s.story = ? ORDER BY d.published, d.key
            """, [story]).map {
            Document(id: $0[0].int64 ?? 0, key: $0[1].string ?? "", title: $0[2].string, outlet: $0[3].string, published: $0[4].string)
        }
    }

    // MARK: pages

    func indexPage(_ stories: [StoryRow], page: Int, pages: Int, total: Int) -> String {
        var b = "<h1>Stories</h1>\n<p class=\"note\">\(total) stories; documents that cover one event are one story. "
        b += "Shared claims: claims two or more sources assert; conflicts: where sources disagree.</p>\n"
        b += "<table>\n<tr><th>story</th><th>title or label</th><th>documents</th><th>outlets</th><th>dates</th><th>shared claims</th><th>conflicts</th></tr>\n"
        for s in stories {
            let dates = [s.first, s.last].compactMap { $0 }.map(Self.day)
            let span = Set(dates).count > 1 ? "\(dates[0]) – \(dates[1])" : (dates.first ?? "")
            b += "<tr><td><a href=\"story-\(s.id).html\">\(s.id)</a></td><td><a href=\"story-\(s.id).html\">\(HTML.escape(s.label))</a></td>"
            b += "<td>\(s.documents)</td><td>\(s.outlets)</td><td>\(HTML.escape(span))</td><td>\(s.sharedClaims)</td>"
            b += "<td>\(s.conflicts > 0 ? "<strong>\(s.conflicts)</strong>" : "0")</td></tr>\n"
        }
        b += "</table>\n"
        if pages > 1 {
            b += "<nav>pages: " + (0..<pages).map { $0 == page ? "<strong>\($0 + 1)</strong>" : "<a href=\"\(Self.indexName($0))\">\($0 + 1)</a>" }.joined(separator: " ") + "</nav>\n"
        }
        return HTML.page(title: "newskb report: stories", body: b)
    }

    func storyPage(_ story: StoryRow, _ docs: [Document], _ options: Options) throws -> String {
        let keys = docs.map(\.key)
        let column = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
        let docID = Dictionary(uniqueKeysWithValues: docs.map { ($0.key, $0.id) })
        func docLink(_ key: String, anchor: String? = nil, _ text: String) -> String {
            guard let id = docID[key] else { return HTML.escape(text) }
            return "<a href=\"doc-\(id).html\(anchor.map { "#" + $0 } ?? "")\">\(HTML.escape(text))</a>"
        }
        // the story's documents, by key, as every query below reads them (no list of keys bound:
        // a story may hold more documents than SQLite binds parameters)
        let ofStory = "(SELECT document FROM stories WHERE story = ?)"

        var b = "<nav><a href=\"index.html\">← all stories</a></nav>\n"
        b += "<h1>Story \(story.id): \(HTML.escape(story.label))</h1>\n"
        let outlets = story.outlets > 0 ? " from \(story.outlets) outlet\(story.outlets == 1 ? "" : "s")" : ""
        b += "<p class=\"note\">\(docs.count) documents\(outlets); \(story.sharedClaims) shared claims; \(story.conflicts) conflicts.</p>\n"

        // sources side by side
        b += "<h2 id=\"sources\">Sources</h2>\n<table class=\"sources\">\n<tr><th>#</th><th>outlet</th><th>date</th><th>title</th></tr>\n"
        for (i, d) in docs.enumerated() {
            b += "<tr><td>S\(i + 1)</td><td>\(HTML.escape(d.outlet ?? "—"))</td><td>\(HTML.escape(d.published.map(Self.day) ?? "—"))</td>"
            b += "<td>\(docLink(d.key, d.title ?? d.key))</td></tr>\n"
        }
        b += "</table>\n"

        // conflicts first: they are what a reader looks for
        let conflictRows = try db.rows("""
            SELECT disagreement, kind, topic, document, position, text, start, reason
              FROM disagreements
             WHERE disagreement IN (SELECT disagreement FROM disagreements WHERE document IN \(ofStory))
             ORDER BY disagreement, document, start
            """, [story.id])
        b += "<h2 id=\"conflicts\">Conflicts</h2>\n"
        if conflictRows.isEmpty { b += "<p class=\"note\">No conflict found among these sources.</p>\n" }
        var i = 0
        while i < conflictRows.count {
            let id = conflictRows[i][0].int64 ?? 0
            var j = i
            while j < conflictRows.count, conflictRows[j][0].int64 == id { j += 1 }
            let first = conflictRows[i]
            b += "<div class=\"conflict\" id=\"conflict-\(id)\">\n<h3>\(HTML.escape(first[1].string ?? "")): \(HTML.escape(first[2].string ?? ""))</h3>\n"
            if let reason = first[7].string, !reason.isEmpty { b += "<p class=\"note\">\(HTML.escape(reason))</p>\n" }
            b += "<table>\n<tr><th>source</th><th>position</th><th>sentence</th></tr>\n"
            for r in conflictRows[i..<j] {
                let key = r[3].string ?? "", start = r[6].int64 ?? 0
                let label = column[key].map { "S\($0 + 1) " } ?? ""
                b += "<tr><td>\(docLink(key, anchor: "at-\(start)", label + key))</td><td><strong>\(HTML.escape(r[4].string ?? ""))</strong></td>"
                b += "<td>\(docLink(key, anchor: "at-\(start)", r[5].string ?? ""))</td></tr>\n"
            }
            b += "</table>\n</div>\n"
            i = j
        }

        // the source × claim matrix
        let total = Int(try db.scalar("SELECT count(*) FROM claim_agreement WHERE story = ? AND sources >= 2", [story.id])?.int64 ?? 0)
        let groups = try db.rows("""
            SELECT claim_group, claim, sources, reason FROM claim_agreement
             WHERE story = ? AND sources >= 2 ORDER BY sources DESC, claim_group LIMIT ?
            """, [story.id, options.claimsPerStory])
        b += "<h2 id=\"claims\">Shared claims: which source asserts what</h2>\n"
        if groups.isEmpty {
            b += "<p class=\"note\">No claim that two of these sources assert.</p>\n"
        } else {
            var evidence = [Int64: [String: (claim: Int64, start: Int64)]]()
            let ids = groups.compactMap { $0[0].int64 }
            for r in try db.rows("""
                SELECT claim_group, document, claim_id, start FROM claim_evidence
                 WHERE claim_group IN (\(ids.map(String.init).joined(separator: ","))) ORDER BY claim_group, document, start
                """) {
                let g = r[0].int64 ?? 0, key = r[1].string ?? ""
                if evidence[g]?[key] == nil { evidence[g, default: [:]][key] = (r[2].int64 ?? 0, r[3].int64 ?? 0) }
            }
            b += "<table class=\"matrix\">\n<tr><th>claim</th>" + docs.enumerated().map { "<th title=\"\(HTML.escape($1.outlet ?? $1.key))\">S\($0 + 1)</th>" }.joined() + "</tr>\n"
            for g in groups {
                let id = g[0].int64 ?? 0
                b += "<tr><td>\(HTML.escape(g[1].string ?? ""))"
                if let reason = g[3].string, !reason.isEmpty { b += " <span class=\"note\">(\(HTML.escape(reason)))</span>" }
                b += "</td>"
                for d in docs {
                    if let e = evidence[id]?[d.key] {
                        b += "<td class=\"mark\"><a href=\"doc-\(d.id).html#at-\(e.start)\" title=\"where \(HTML.escape(d.outlet ?? d.key)) says it\">●</a></td>"
                    } else {
                        b += "<td class=\"mark\"></td>"
                    }
                }
                b += "</tr>\n"
            }
            b += "</table>\n"
            if total > groups.count { b += "<p class=\"note\">The first \(groups.count) of \(total) shared claims; the others are in the claim_agreement view.</p>\n" }
        }

        // who said what
        let said = try db.rows("""
            SELECT document, speaker, kind, quote, start FROM who_said
             WHERE document IN \(ofStory) ORDER BY document, start LIMIT 300
            """, [story.id])
        b += "<h2 id=\"who-said\">Who said what</h2>\n"
        if said.isEmpty { b += "<p class=\"note\">No attributed statement.</p>\n" } else {
            b += "<table>\n<tr><th>source</th><th>speaker</th><th>kind</th><th>statement</th></tr>\n"
            for r in said {
                let key = r[0].string ?? "", start = r[4].int64 ?? 0
                b += "<tr><td>\(column[key].map { "S\($0 + 1)" } ?? "")</td><td>\(HTML.escape(r[1].string ?? "—"))</td><td>\(HTML.escape(r[2].string ?? ""))</td>"
                b += "<td>\(docLink(key, anchor: "at-\(start)", r[3].string ?? ""))</td></tr>\n"
            }
            b += "</table>\n"
        }

        // entities named
        let entities = try db.rows("""
            SELECT entity, type, count(*), count(DISTINCT document) FROM entity_mentions
             WHERE document IN \(ofStory) GROUP BY entity_id ORDER BY 4 DESC, 3 DESC, entity LIMIT 60
            """, [story.id])
        b += "<h2 id=\"entities\">Entities named</h2>\n<table>\n<tr><th>entity</th><th>type</th><th>mentions</th><th>sources</th></tr>\n"
        for r in entities {
            b += "<tr><td>\(HTML.escape(r[0].string ?? ""))</td><td>\(HTML.escape(r[1].string ?? ""))</td><td>\(r[2].int64 ?? 0)</td><td>\(r[3].int64 ?? 0)</td></tr>\n"
        }
        b += "</table>\n"
        return HTML.page(title: "Story \(story.id): \(story.label)", body: b)
    }

    /// A highlighted span of an article: its classes and a label.
    struct Highlight { var start: Int, end: Int, cls: String, title: String }

    func articlePage(_ d: Document, story: Int) throws -> String {
        let row = try db.rows("SELECT body, url, author FROM documents WHERE id = ?", [d.id]).first
        let body = Array((row?[0].string ?? "").unicodeScalars)
        var marks = [Highlight]()
        for r in try db.rows("SELECT start, \"end\", coalesce(speaker, ''), kind FROM who_said WHERE document = ?", [d.key]) {
            marks.append(Highlight(start: Int(r[0].int64 ?? 0), end: Int(r[1].int64 ?? 0), cls: "hl-statement",
                                   title: "statement (\(r[3].string ?? "")) by \(r[2].string ?? "an unnamed source")"))
        }
        for r in try db.rows("""
            SELECT e.start, e."end", a.sources FROM claim_evidence e JOIN claim_agreement a ON a.claim_group = e.claim_group
             WHERE e.document = ? AND a.sources >= 2
            """, [d.key]) {
            marks.append(Highlight(start: Int(r[0].int64 ?? 0), end: Int(r[1].int64 ?? 0), cls: "hl-claim",
                                   title: "claim asserted by \(r[2].int64 ?? 0) sources"))
        }
        for r in try db.rows("SELECT start, \"end\", kind, position FROM disagreements WHERE document = ?", [d.key]) {
            marks.append(Highlight(start: Int(r[0].int64 ?? 0), end: Int(r[1].int64 ?? 0), cls: "hl-conflict",
                                   title: "conflict (\(r[2].string ?? "")): this source says \(r[3].string ?? "")"))
        }
        marks = marks.filter { $0.start >= 0 && $0.end <= body.count && $0.start < $0.end }
        marks.sort { ($0.start, -$0.end, $0.cls) < ($1.start, -$1.end, $1.cls) }

        var b = "<nav><a href=\"index.html\">← all stories</a> · <a href=\"story-\(story).html\">story \(story)</a></nav>\n"
        b += "<h1>\(HTML.escape(d.title ?? d.key))</h1>\n<p class=\"note\">\(HTML.escape([d.outlet, d.published, row?[2].string, d.key].compactMap { $0 }.joined(separator: " · ")))"
        if let url = row?[1].string, url.hasPrefix("http://") || url.hasPrefix("https://") {
            b += " · <a href=\"\(HTML.escape(url))\">original</a>"
        }
        b += "</p>\n<p class=\"legend note\"><span class=\"hl-statement\">attributed statement</span><span class=\"hl-claim\">claim other sources share</span><span class=\"hl-conflict\">position in a conflict</span></p>\n"
        b += "<div class=\"article-body\">" + Self.highlighted(body, marks) + "</div>\n"
        return HTML.page(title: d.title ?? d.key, body: b)
    }

    /// The text with nested spans: at every boundary the open highlights are closed and the ones
    /// covering the next stretch reopened, so that overlapping spans render; each highlight's start
    /// carries an anchor `at-START` that other pages link to.
    static func highlighted(_ body: [Unicode.Scalar], _ marks: [Highlight]) -> String {
        var cuts = Set([0, body.count])
        for m in marks { cuts.insert(m.start); cuts.insert(m.end) }
        let points = cuts.sorted()
        var out = ""
        var anchored = Set<Int>()
        for (a, z) in zip(points, points.dropFirst()) where a < z {
            let text = HTML.escape(String(String.UnicodeScalarView(body[a..<z])))
            if marks.contains(where: { $0.start == a }), anchored.insert(a).inserted { out += "<a id=\"at-\(a)\"></a>" }
            let covering = marks.filter { $0.start <= a && $0.end >= z }
            if covering.isEmpty { out += text; continue }
            let classes = Set(covering.map(\.cls)).sorted().joined(separator: " ")
            let title = covering.map(\.title).joined(separator: "; ")
            out += "<span class=\"\(classes)\" title=\"\(HTML.escape(title))\">\(text)</span>"
        }
        return out
    }
}
