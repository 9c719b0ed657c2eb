// newskb-bench: the extraction stages timed one by one on one core, and the claim grouping at
// scale. A measurement, not a test (`make bench` runs it after the import benchmark). Stages are
// timed in thread CPU time, so a busy machine does not inflate them.
// With --queries: the latency of the query commands on an existing database (QueryBenchmark.swift;
// `make bench-large` runs it).
//
//   newskb-bench CORPUS.jsonl [--claims N] [--json FILE]
//   newskb-bench --queries DB [--runs N] [--seed S] [--cli NEWSKB_BINARY] [--json FILE]
import Foundation
import NewsKB
import NewsKBExtraction

if let q = CommandLine.arguments.firstIndex(of: "--queries") {
    let a = CommandLine.arguments
    func option(_ name: String) -> String? { a.firstIndex(of: name).flatMap { $0 + 1 < a.count ? a[$0 + 1] : nil } }
    guard q + 1 < a.count else {
        FileHandle.standardError.write(Data("usage: newskb-bench --queries DB [--runs N] [--seed S] [--budget SECONDS] [--cli NEWSKB] [--json FILE]\n".utf8))
        exit(2)
    }
    var bench = QueryBenchmark(path: a[q + 1])
    if let r = option("--runs").flatMap(Int.init) { bench.runs = max(1, r) }
    if let s = option("--seed").flatMap(UInt64.init) { bench.seed = s }
    if let b = option("--budget").flatMap(Double.init) { bench.budgetSeconds = b }
    bench.cli = option("--cli") ?? URL(fileURLWithPath: a[0]).deletingLastPathComponent().appendingPathComponent("newskb").path
    do {
        try bench.run(json: option("--json"))
    } catch {
        FileHandle.standardError.write(Data("newskb-bench: \(error)\n".utf8))
        exit(1)
    }
    exit(0)
}

/// CPU time of this thread in nanoseconds: one core's work, whatever else the machine runs.
func now() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

var args = Array(CommandLine.arguments.dropFirst())
var claimCount = 1_000_000
var jsonPath: String?
if let i = args.firstIndex(of: "--claims"), i + 1 < args.count { claimCount = Int(args[i + 1]) ?? claimCount; args.removeSubrange(i...i + 1) }
if let i = args.firstIndex(of: "--json"), i + 1 < args.count { jsonPath = args[i + 1]; args.removeSubrange(i...i + 1) }
guard let corpus = args.first else {
    FileHandle.standardError.write(Data("usage: newskb-bench CORPUS.jsonl [--claims N] [--json FILE]\n".utf8))
    exit(2)
}

// Load the texts first: reading is not part of what is timed here.
var texts = [String]()
var words = 0
guard let fp = fopen(corpus, "rb") else { FileHandle.standardError.write(Data("cannot open \(corpus)\n".utf8)); exit(1) }
var line: UnsafeMutablePointer<CChar>?
var cap = 0
while getline(&line, &cap, fp) > 0 {
    if let obj = try? JSONSerialization.jsonObject(with: Data(String(cString: line!).utf8)) as? [String: Any],
       let t = obj["text"] as? String {
        texts.append(t)
        words += t.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).count
    }
}
fclose(fp)

var stage = ["tokens+sentences": UInt64(0), "entities": 0, "statements": 0, "claims": 0]
var counts = ["sentences": 0, "mentions": 0, "statements": 0, "claims": 0]
for body in texts {
    let text = DocumentText(body)
    var t = now()
    // As the analyzer does: the token stream, then sentences (tokenize() would split twice).
    var tokens = Tokenizer.scan(text)
    let sentences = SentenceSplitter.split(text, tokens: &tokens)
    stage["tokens+sentences"]! += now() - t
    t = now()
    let (entities, mentions) = EntityRecognizer.recognize(text, tokens: tokens)
    stage["entities"]! += now() - t
    t = now()
    let statements = StatementExtractor.extract(text, tokens: tokens, sentences: sentences, entities: entities, mentions: mentions)
    stage["statements"]! += now() - t
    t = now()
    let analysis = DocumentAnalysis(sentences: sentences, entities: entities, mentions: mentions, statements: statements)
    var claims = ClaimExtractor.extract(text, tokens: tokens, analysis: analysis)
    ClaimVectors.attach(to: &claims, text: text)  // as the analyzer does: claims with their sentence vectors
    stage["claims"]! += now() - t
    counts["sentences"]! += sentences.count
    counts["mentions"]! += mentions.count
    counts["statements"]! += statements.count
    counts["claims"]! += claims.count
}

let grouping = ClaimGrouper.benchmark(claims: claimCount)

var rows = [(String, String)]()
rows.append(("corpus", "\((corpus as NSString).lastPathComponent): \(texts.count) articles, \(words) words"))
for name in ["tokens+sentences", "entities", "statements", "claims"] {
    let s = Double(stage[name]!) / 1e9
    rows.append(("\(name) (1 core)", String(format: "%.2f s, %.0f words/s", s, Double(words) / s)))
}
let total = Double(stage.values.reduce(0, +)) / 1e9
rows.append(("all extraction (1 core)", String(format: "%.2f s, %.0f words/s", total, Double(words) / total)))
rows.append(("found", counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")))
rows.append(("claim grouping", String(format: "%d synthetic claims in %.1f s (%d groups, %d comparisons)",
                                      claimCount, grouping.seconds, grouping.groups, grouping.comparisons)))
let w = rows.map(\.0.count).max() ?? 0
for (k, v) in rows { print(k.padding(toLength: w, withPad: " ", startingAt: 0) + "  " + v) }

if let jsonPath {
    var obj: [String: Any] = ["articles": texts.count, "words": words, "counts": counts,
                              "grouping": ["claims": claimCount, "seconds": grouping.seconds, "groups": grouping.groups]]
    var st = [String: Any]()
    for (k, v) in stage { st[k] = ["seconds": Double(v) / 1e9, "words_per_s": Double(words) / (Double(v) / 1e9)] }
    obj["stages_one_core"] = st
    let data = try JSONSerialization.data(withJSONObject: obj, options: [.prettyPrinted, .sortedKeys])
    try data.write(to: URL(fileURLWithPath: jsonPath))
}
