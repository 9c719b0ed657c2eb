import Foundation
import NewsKB

/// Query latency on an existing database (`newskb-bench --queries DB`): each query kind of the
/// CLI run many times through the same library calls the command uses, the full result
/// materialized and rendered as the command would print it; p50, p95 and max per kind.
/// Parameters (speakers, search terms, entities, documents) are picked from the database itself
/// with a fixed seed, frequent and rare alike. A measurement, not a test.
struct QueryBenchmark {
    var path: String
    /// Timed runs per query kind (cycling over its parameters), after one untimed warm-up pass.
    var runs = 200
    /// A query kind stops early once its timed runs have taken this long (at least one run).
    var budgetSeconds = 60.0
    var seed: UInt64 = 42
    /// The newskb binary for the end-to-end process timings; nil skips them.
    var cli: String?
    var cliRuns = 5

    /// One query kind: its parameters and how to run it once (returns the rows it printed).
    struct Kind {
        var name: String
        var params: [String]
        var run: (String) throws -> Int
        var cliArguments: (String) -> [String]
    }

    /// Latencies of one kind, in milliseconds.
    struct Measure {
        var name: String
        var params: Int
        var firstPass: [Double]
        var timed: [Double]
        var rows: [Int]
    }

    /// The join over the public views timed as `sql`: what one document says, who said it, and
    /// how many sources assert the same claims.
    static let joinSQL = """
        SELECT w.speaker, w.kind, w.quote, a.sources, a.claim
          FROM who_said w
          JOIN claim_evidence e ON e.statement_id = w.statement_id
          JOIN claim_agreement a ON a.claim_group = e.claim_group
         WHERE w.document = :doc
         ORDER BY w.start
        """

    func kinds(_ db: Database) throws -> [Kind] {
        var rng = SplitMix64(seed: seed)
        let table = ResultFormatter(format: .table, maxWidth: 100)
        /// who-said as the command prints it: the five columns, fitted to 100 columns.
        func whoSaid(_ filter: StatementQueries.Filter) throws -> Int {
            let r = try StatementQueries(db: db).whoSaid(filter)
            let shown = r.selecting(StatementQueries.whoSaidTableColumns)
            _ = ResultFormatter(format: .table, maxWidth: 100, priorityColumn: "quote").render(shown)
            return r.rows.count
        }
        let p = ParameterPicker(db: db)
        let speakers = try p.speakers(&rng)
        let terms = try p.searchTerms(&rng, count: 50)
        let entities = try p.entities(&rng)
        let documents = try p.documents(&rng, count: 50)
        return [
            // As the CLI runs them by default: a first page (who-said and entity 100 rows,
            // agree and disagree 20 groups; one more is fetched to tell whether more match).
            Kind(name: "who-said --speaker", params: speakers, run: { s in
                try whoSaid(.init(speaker: s, limit: 101, highlight: ("[", "]")))
            }, cliArguments: { ["who-said", "--speaker", $0] }),
            Kind(name: "who-said --about", params: terms, run: { t in
                try whoSaid(.init(about: t, limit: 101, highlight: ("[", "]")))
            }, cliArguments: { ["who-said", "--about", $0] }),
            Kind(name: "entity NAME", params: entities, run: { n in
                var rows = 0
                // As the command: the best matches profiled in full, the others named.
                let q = EntityQueries(db: db)
                let ids = try q.resolveRanked(n)
                for id in ids.dropFirst(EntityQueries.profilesPerPage).prefix(20) {
                    _ = try db.rows("SELECT name || ' (' || type || ')' FROM entities WHERE id = ?", [id])
                }
                for profile in try q.profiles(ids: Array(ids.prefix(EntityQueries.profilesPerPage)), limit: 101) {
                    _ = ResultFormatter(format: .table).render(profile.documents)
                    _ = ResultFormatter(format: .table).render(profile.statements)
                    rows += profile.documents.rows.count + profile.statements.rows.count
                }
                return rows
            }, cliArguments: { ["entity", $0] }),
            Kind(name: "agree --min-sources 3", params: ["3"], run: { m in
                let r = try ClaimQueries(db: db).agree(minSources: Int(m)!, limit: 21)
                _ = table.render(r.selecting(ClaimQueries.agreeTableColumns))
                return r.rows.count
            }, cliArguments: { ["agree", "--min-sources", $0] }),
            Kind(name: "disagree", params: [""], run: { _ in
                let r = try ClaimQueries(db: db).disagree(limit: 21)
                _ = table.render(r.selecting(ClaimQueries.disagreeTableColumns))
                return r.rows.count
            }, cliArguments: { _ in ["disagree"] }),
            // Every matching row (--all), for reference: the cost of printing it all.
            Kind(name: "who-said --speaker --all", params: speakers, run: { s in
                try whoSaid(.init(speaker: s, highlight: ("[", "]")))
            }, cliArguments: { ["who-said", "--speaker", $0, "--all"] }),
            Kind(name: "agree --min-sources 3 --all", params: ["3"], run: { m in
                let r = try ClaimQueries(db: db).agree(minSources: Int(m)!)
                _ = table.render(r.selecting(ClaimQueries.agreeTableColumns))
                return r.rows.count
            }, cliArguments: { ["agree", "--min-sources", $0, "--all"] }),
            Kind(name: "sql (join over views)", params: documents, run: { d in
                var rows = 0
                for r in try SQLRunner(db: db, allowWrites: false).run(Self.joinSQL, parameters: ["doc": d]) {
                    _ = ResultFormatter(format: .table).render(r)
                    rows += r.rows.count
                }
                return rows
            }, cliArguments: { ["sql", Self.joinSQL, "--param", "doc=\($0)"] }),
        ]
    }

    func run(json jsonPath: String?) throws {
        let store = try KnowledgeStore.openForReading(path: path)
        let db = store.db
        let documents = try db.scalar("SELECT count(*) FROM documents")?.int ?? 0
        let statements = try db.scalar("SELECT count(*) FROM statements")?.int ?? 0
        FileHandle.standardError.write(Data("queries: \(path): \(documents) documents, \(statements) statements; picking parameters\n".utf8))
        let pickStart = wallNow()
        // For investigating: NEWSKB_BENCH_ONLY=text times only the kinds whose name contains it,
        // NEWSKB_BENCH_SKIP=text all but those.
        let env = ProcessInfo.processInfo.environment
        let only = env["NEWSKB_BENCH_ONLY"].flatMap { $0.isEmpty ? nil : $0 }
        let skip = env["NEWSKB_BENCH_SKIP"].flatMap { $0.isEmpty ? nil : $0 }
        let kinds = try kinds(db).filter { k in
            (only.map { k.name.contains($0) } ?? true) && !(skip.map { k.name.contains($0) } ?? false)
        }
        let pickSeconds = Double(wallNow() - pickStart) / 1e9
        var measures = [Measure]()
        // For investigating: NEWSKB_BENCH_SLOW=ms names every parameter whose run took longer (on stderr).
        let slow = env["NEWSKB_BENCH_SLOW"].flatMap(Double.init)
        for k in kinds {
            var m = Measure(name: k.name, params: k.params.count, firstPass: [], timed: [], rows: [])
            let warm = wallNow()
            for p in k.params where Double(wallNow() - warm) / 1e9 <= budgetSeconds {
                let t = wallNow()
                _ = try k.run(p)
                m.firstPass.append(Double(wallNow() - t) / 1e6)
            }
            let start = wallNow()
            for i in 0..<runs {
                let p = k.params[i % k.params.count]
                let t = wallNow()
                let n = try k.run(p)
                m.timed.append(Double(wallNow() - t) / 1e6)
                m.rows.append(n)
                if let slow, m.timed[m.timed.count - 1] > slow {
                    FileHandle.standardError.write(Data("queries: \(k.name) \(p): \(fmt(m.timed[m.timed.count - 1])) ms, \(n) rows\n".utf8))
                }
                if Double(wallNow() - start) / 1e9 > budgetSeconds { break }
            }
            FileHandle.standardError.write(Data("queries: \(k.name): \(m.timed.count) runs, p95 \(fmt(percentile(m.timed, 0.95))) ms\n".utf8))
            measures.append(m)
        }
        // End to end: the real binary, a new process per query, output to /dev/null.
        var cliTimes = [String: [Double]]()
        if let cli, FileManager.default.isExecutableFile(atPath: cli) {
            for (k, m) in zip(kinds, measures) where percentile(m.timed, 0.5) < 2000 {  // skip the multi-second ones
                for i in 0..<cliRuns {
                    let t = wallNow()
                    try runProcess(cli, k.cliArguments(k.params[i % k.params.count]) + ["--db", path])
                    cliTimes[k.name, default: []].append(Double(wallNow() - t) / 1e6)
                }
            }
        }
        printTable(measures, cliTimes)
        if let jsonPath {
            var queries = [String: Any]()
            for m in measures {
                queries[m.name] = [
                    "parameters": m.params, "runs": m.timed.count,
                    "p50_ms": round3(percentile(m.timed, 0.5)), "p95_ms": round3(percentile(m.timed, 0.95)),
                    "max_ms": round3(m.timed.max() ?? 0),
                    "first_pass_p50_ms": round3(percentile(m.firstPass, 0.5)),
                    "first_pass_p95_ms": round3(percentile(m.firstPass, 0.95)),
                    "rows_mean": m.rows.isEmpty ? 0 : Double(m.rows.reduce(0, +)) / Double(m.rows.count),
                    "rows_max": m.rows.max() ?? 0,
                    "cli_p50_ms": cliTimes[m.name].map { round3(percentile($0, 0.5)) } ?? NSNull(),
                ] as [String: Any]
            }
            let obj: [String: Any] = ["database": path, "documents": documents, "statements": statements,
                                      "seed": Int(seed), "parameter_pick_seconds": round3(pickSeconds), "queries": queries]
            let data = try JSONSerialization.data(withJSONObject: obj, options: [.prettyPrinted, .sortedKeys])
            try data.write(to: URL(fileURLWithPath: jsonPath))
        }
    }

    private func printTable(_ measures: [Measure], _ cli: [String: [Double]]) {
        let header = ["query", "params", "runs", "p50 ms", "p95 ms", "max ms", "1st-pass p95", "rows mean", "rows max", "CLI p50 ms"]
        var lines = [header]
        for m in measures {
            let rowsMean = m.rows.isEmpty ? 0 : Double(m.rows.reduce(0, +)) / Double(m.rows.count)
            lines.append([m.name, "\(m.params)", "\(m.timed.count)", fmt(percentile(m.timed, 0.5)),
                          fmt(percentile(m.timed, 0.95)), fmt(m.timed.max() ?? 0), fmt(percentile(m.firstPass, 0.95)),
                          String(format: "%.0f", rowsMean), "\(m.rows.max() ?? 0)",
                          cli[m.name].map { fmt(percentile($0, 0.5)) } ?? "—"])
        }
        let widths = header.indices.map { i in lines.map { $0[i].count }.max() ?? 0 }
        for l in lines {
            print(l.enumerated().map { i, s in i == 0 ? s.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                                                      : String(repeating: " ", count: widths[i] - s.count) + s }
                .joined(separator: "  "))
        }
    }

    private func runProcess(_ path: String, _ arguments: [String]) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = arguments
        p.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        p.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try p.run()
        p.waitUntilExit()
    }
}

/// Picks realistic query parameters from the database: frequent and rare speakers, words and
/// phrases from statement text, frequent and random entities, random documents.
struct ParameterPicker {
    let db: Database

    /// 20 most frequent named speakers, 5 of them by surname as users type them (`Kirby`),
    /// 20 rare ones (one or two statements), and 5 frequent unnamed-source phrases.
    func speakers(_ rng: inout SplitMix64) throws -> [String] {
        let counts = try db.rows("""
            SELECT e.name, count(*) FROM statements s JOIN entities e ON e.id = s.speaker_entity_id
             GROUP BY e.id ORDER BY 2 DESC, e.name
            """).map { ($0[0].description, $0[1].int ?? 0) }
        var out = [String]()
        for (i, (name, _)) in counts.prefix(20).enumerated() {
            out.append(i % 4 == 3 ? String(name.split(separator: " ").last ?? Substring(name)) : name)
        }
        let rare = counts.filter { $0.1 <= 2 }.map(\.0)
        out += sample(rare, 20, &rng)
        out += try strings("""
            SELECT speaker_phrase FROM statements WHERE speaker_phrase IS NOT NULL
             GROUP BY speaker_phrase COLLATE NOCASE ORDER BY count(*) DESC, speaker_phrase LIMIT 5
            """)
        return out
    }

    /// Search terms from the text of random statements: single words, pairs of words (all
    /// must match) and two-word phrases, 60/30/10.
    func searchTerms(_ rng: inout SplitMix64, count: Int) throws -> [String] {
        let maxID = try db.scalar("SELECT max(id) FROM statements")?.int ?? 0
        guard maxID > 0 else { return [] }
        let stop: Set<String> = ["that", "this", "with", "from", "have", "were", "will", "would", "their", "there",
                                 "which", "about", "they", "been", "said", "also", "than", "into", "more", "some"]
        var out = [String]()
        var attempts = 0
        while out.count < count && attempts < count * 20 {
            attempts += 1
            let id = Int.random(in: 1...maxID, using: &rng)
            guard let quote = try db.rows("SELECT quote FROM who_said WHERE statement_id >= ? ORDER BY statement_id LIMIT 1", [id]).first?[0].string
            else { continue }
            let words = quote.split { !$0.isLetter }.map { $0.lowercased() }.filter { $0.count >= 4 && !stop.contains($0) }
            guard words.count >= 2 else { continue }
            let i = Int.random(in: 0..<(words.count - 1), using: &rng)
            switch out.count % 10 {
            case 0..<6: out.append(words[i])
            case 6..<9: out.append(words[i] + " " + words[Int.random(in: 0..<words.count, using: &rng)])
            default: out.append("\"" + words[i] + " " + words[i + 1] + "\"")
            }
        }
        return out
    }

    /// 25 most mentioned entities and 25 random ones.
    func entities(_ rng: inout SplitMix64) throws -> [String] {
        var out = try strings("""
            SELECT e.name FROM (SELECT entity_id, count(*) AS n FROM mentions GROUP BY entity_id ORDER BY n DESC LIMIT 25) m
              JOIN entities e ON e.id = m.entity_id ORDER BY m.n DESC, e.name
            """)
        let maxID = try db.scalar("SELECT max(id) FROM entities")?.int ?? 0
        var attempts = 0
        while out.count < 50 && maxID > 0 && attempts < 500 {
            attempts += 1
            let id = Int.random(in: 1...maxID, using: &rng)
            if let n = try db.rows("SELECT name FROM entities WHERE id >= ? ORDER BY id LIMIT 1", [id]).first?[0].string,
               !out.contains(n) { out.append(n) }
        }
        return out
    }

    /// Keys of random documents.
    func documents(_ rng: inout SplitMix64, count: Int) throws -> [String] {
        let maxID = try db.scalar("SELECT max(id) FROM documents")?.int ?? 0
        guard maxID > 0 else { return [] }
        return try (0..<count).compactMap { _ in
            try db.rows("SELECT key FROM documents WHERE id >= ? ORDER BY id LIMIT 1", [Int.random(in: 1...maxID, using: &rng)]).first?[0].string
        }
    }

    private func strings(_ sql: String) throws -> [String] {
        try db.rows(sql).compactMap { $0[0].string }
    }

    private func sample(_ items: [String], _ n: Int, _ rng: inout SplitMix64) -> [String] {
        guard items.count > n else { return items }
        var pool = items
        var out = [String]()
        for _ in 0..<n { out.append(pool.swapRemoveRandom(&rng)) }
        return out
    }
}

extension Array {
    fileprivate mutating func swapRemoveRandom(_ rng: inout SplitMix64) -> Element {
        let i = Int.random(in: 0..<count, using: &rng)
        swapAt(i, count - 1)
        return removeLast()
    }
}

/// SplitMix64: a tiny seeded generator, so the parameters are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Monotonic wall-clock time in nanoseconds (queries are measured as a user waits for them).
func wallNow() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

func percentile(_ xs: [Double], _ q: Double) -> Double {
    guard !xs.isEmpty else { return 0 }
    let s = xs.sorted()
    let rank = Int((Double(s.count) * q).rounded(.up))  // nearest-rank method
    return s[min(s.count, max(rank, 1)) - 1]
}

func fmt(_ ms: Double) -> String { ms >= 100 ? String(format: "%.0f", ms) : String(format: "%.2f", ms) }
func round3(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
