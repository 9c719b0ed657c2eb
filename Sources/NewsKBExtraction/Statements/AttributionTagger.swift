/// The learned half of attribution: an averaged-perceptron tagger over the tokens of a sentence
/// with BIO tags for the source (`S`), the cue (`Q`) and the content (`C`) of reported speech,
/// decoded greedily left to right. Trained by `scripts/train-attribution.py` on PolNeAR `train`
/// (tuned on `dev`); the weights are `Lexicons/attribution-model.txt`.
///
/// Its inputs per token (``Inputs``) are what the rule-based scanner already computed: the word,
/// its shape, the statement lexicon's classes, the entity tagger's type, whether it lies in a
/// quotation, and the rules' own reading (content, cue, speaker or nothing). The same values are
/// printed by `newskb attribution-tokens` for the training script, so the two sides read one set
/// of values; the templates that combine them are written twice, here and in the script
/// (`static_features`, `dynamic_features`), and `AttributionModelTests` checks that both give the
/// same tags.
///
/// Cost: the weights are regrouped at load time so that a token costs two hashed look-ups (its
/// word and its suffix) and array reads for every template over a small closed set of values
/// (shapes, classes, entity types, the rules' tags, distance buckets); a word's record carries its
/// weights at every position it is seen from (`w`, `w-1`, `w+1`, `w-2`, `w+2`, the nearest cues'
/// words).
struct AttributionTagger: Sendable {
    static let tags = ["O", "B-S", "I-S", "B-Q", "I-Q", "B-C", "I-C"]
    static let nTags = 7
    enum Tag: Int { case o = 0, bS, iS, bQ, iQ, bC, iC }
    static let shared = AttributionTagger(LexiconFiles.contents("attribution-model.txt"))

    /// One token's values, as `newskb attribution-tokens` prints them.
    struct Inputs {
        /// FNV hash of the word's bytes, ASCII letters folded to lower case.
        var word: UInt64 = 0
        /// Hash of its last three bytes (folded) when it is longer and they are ASCII, else of `-`.
        var suffix: UInt64 = 0
        var shape: Shape = .other
        var bits: UInt32 = 0
        /// 0 outside an entity mention; 1 + 2 × type for its first token, 2 + 2 × type after.
        var entity: UInt8 = 0
        var quoted = false
        var rule: RuleTag = .o
    }

    enum Shape: Int, CaseIterable {
        case lower, capitalized, allCaps, mixed, number, comma, colon, semicolon, period, dash, open, close, punct, quote, possessive, symbol, other
        var name: String {
            ["x", "Xx", "X", "xX", "d", ",", ":", ";", ".", "-", "(", ")", "p", "q", "s", "$", "o"][rawValue]
        }
    }

    /// What the rules made of a token.
    enum RuleTag: Int, CaseIterable {
        case o, content, cue, speaker
        var name: String { ["O", "C", "Q", "S"][rawValue] }
    }

    // MARK: - value sets of the closed templates (names as the script writes them)

    static let startName = "<s>", stopName = "</s>"
    /// Shapes, then `<s>`, `</s>`.
    static let shapeNames = Shape.allCases.map(\.name) + [startName, stopName]
    static let entityNames = ["O"] + EntityType.allCases.flatMap { ["B-" + $0.rawValue, "I-" + $0.rawValue] } + [startName, stopName]
    static let ruleNames = RuleTag.allCases.map(\.name) + [startName, stopName]
    /// Previous tags: the tags, then `<s>`.
    static let prevNames = tags + [startName]
    static let posBucket = ["0", "1", "2", "3", "4-6", "4-6", "4-6", "7-12", "7-12", "7-12", "7-12", "7-12", "7-12", "13+"]
    static let endBucket = ["0", "1", "2", "3-6", "3-6", "3-6", "3-6", "7+"]
    static let cueBucket = ["none", "1", "2", "3-5", "3-5", "3-5", "6+"]
    static let commaBucket = ["0", "1", "2", "3+"]
    /// Classes that make a token a cue candidate for the `cl`/`cr`/`clw`/`crw` features.
    static let cueBits = StatementLexicon.Bits.anyVerb.union(.cueNoun).rawValue

    /// The closed templates: name and the names of their values (the order of the value index).
    static let closed: [(String, [String])] = [
        ("b", [""]), ("sh", shapeNames), ("c", (0..<32).map(String.init)), ("c-1", (0..<32).map(String.init)),
        ("c+1", (0..<32).map(String.init)), ("n", entityNames), ("n-1", entityNames), ("n+1", entityNames),
        ("q", ["0", "1"]), ("r", ruleNames), ("r-1", ruleNames), ("r+1", ruleNames),
        ("pos", unique(posBucket)), ("end", unique(endBucket)), ("cl", unique(cueBucket)), ("cr", unique(cueBucket)),
        ("cm", commaBucket), ("t-1", prevNames)]
    enum Closed: Int { case bias, sh, c, cm1, cp1, n, nm1, np1, q, r, rm1, rp1, pos, end, cl, cr, cm, prev }
    /// Pairs of closed values: `shp`, `shn` (shape × shape), `t-2` (previous tag × previous tag).
    static let pairs: [(String, [String])] = [("shp", shapeNames), ("shn", shapeNames), ("t-2", prevNames)]
    /// Slots of a word's record, 7 weights each.
    static let wordSlots = ["w", "w-1", "w+1", "w-2", "w+2", "clw", "crw"]

    static func unique(_ a: [String]) -> [String] { a.reduce(into: []) { if !$0.contains($1) { $0.append($1) } } }

    /// One feature's weights, a lane per tag (the eighth lane unused).
    typealias Row = SIMD8<Float>
    /// Dense weights of the closed templates: `closedBase[t]` is the row of template t's first value.
    let closedWeights: [Row]
    let closedBase: [Int]
    let pairWeights: [Row]
    let pairBase: [Int]
    /// Words (with `<s>`, `</s>`) and suffixes: hashed records.
    let words: RecordTable
    let suffixes: RecordTable
    static let wordRecord = wordSlots.count
    static let start = FeatureHash.string(startName), stop = FeatureHash.string(stopName)
    let startRecord: Int
    let stopRecord: Int
    /// The confidence a statement of the tagger needs to be added where the rules found nothing:
    /// the mean margin (score of the tag over the score of `O`) of its content tags and of its cue
    /// tags, averaged. From the model file (`added_margin`), chosen on PolNeAR dev
    /// (`scripts/train-attribution.py`, `ADDED_MARGIN`).
    let addedMargin: Float

    /// Index maps from a bucket's distance to its value index.
    static func bucketIndex(_ table: [String]) -> [Int] { let u = unique(table); return table.map { u.firstIndex(of: $0)! } }
    static let posIndex = bucketIndex(posBucket), endIndex = bucketIndex(endBucket), cueIndex = bucketIndex(cueBucket)

    init(_ contents: String) {
        var closedBase = [Int](), total = 0
        for (_, values) in Self.closed { closedBase.append(total); total += values.count }
        var closedWeights = [Row](repeating: Row(), count: total)
        var pairBase = [Int](), pairTotal = 0
        for (_, values) in Self.pairs { pairBase.append(pairTotal); pairTotal += values.count * values.count }
        var pairWeights = [Row](repeating: Row(), count: pairTotal)
        var words = RecordTable(width: Self.wordRecord), suffixes = RecordTable(width: 1)
        let closedIndex = Dictionary(uniqueKeysWithValues: Self.closed.enumerated().map { ($1.0, $0) })
        let valueIndex = Self.closed.map { Dictionary($0.1.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a }) }
        let pairIndex = Dictionary(uniqueKeysWithValues: Self.pairs.enumerated().map { ($1.0, $0) })
        let pairValues = Self.pairs.map { Dictionary($0.1.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a }) }
        let slotIndex = Dictionary(uniqueKeysWithValues: Self.wordSlots.enumerated().map { ($1, $0) })
        let tagIndex = Dictionary(uniqueKeysWithValues: Self.tags.enumerated().map { ($1, $0) })
        // Parsed on bytes: most lines are word features, hashed straight from the file's bytes.
        let hashOf = Dictionary(uniqueKeysWithValues: (Self.wordSlots + ["suf"])
            .map { (FeatureHash.string($0), $0) })
        var text = contents
        var margin: Float = 0
        text.withUTF8 { p in
            let count = p.count
            var i = 0
            var w = Row()
            while i < count {
                var end = i
                while end < count && p[end] != 0x0A { end += 1 }
                defer { i = end + 1 }
                guard end > i, p[i] != 0x23 else { continue }  // empty line, `#` comment
                let line = String(decoding: UnsafeBufferPointer(rebasing: p[i..<min(end, i + 13)]), as: UTF8.self)
                if line == "added_margin " {
                    margin = Float(String(decoding: UnsafeBufferPointer(rebasing: p[(i + 13)..<end]), as: UTF8.self)) ?? 0
                    continue
                }
                var tab = i
                while tab < end && p[tab] != 0x09 { tab += 1 }
                guard tab < end else { continue }
                // fields of the feature: template and values (space-separated)
                var fields = [(Int, Int)]()
                var a = i
                for j in i...tab where j == tab || p[j] == 0x20 { fields.append((a, j)); a = j + 1 }
                // TAG=WEIGHT pairs, weights in thousandths
                w = Row()
                var j = tab + 1
                while j < end {
                    var eq = j
                    while eq < end && p[eq] != 0x3D { eq += 1 }
                    var k = eq + 1, value = 0, negative = false
                    if k < end && p[k] == 0x2D { negative = true; k += 1 }
                    while k < end && p[k] >= 0x30 && p[k] <= 0x39 { value = value * 10 + Int(p[k] - 0x30); k += 1 }
                    let tag = String(decoding: UnsafeBufferPointer(rebasing: p[j..<eq]), as: UTF8.self)
                    if let t = tagIndex[tag] { w[t] = Float(negative ? -value : value) / 1000 }
                    j = k + 1
                }
                func hash(_ f: (Int, Int)) -> UInt64 { FeatureHash.bytes(p, f.0, f.1, fold: false) }
                func string(_ f: (Int, Int)) -> String { String(decoding: UnsafeBufferPointer(rebasing: p[f.0..<f.1]), as: UTF8.self) }
                let template = hashOf[hash(fields[0])]
                switch (template, fields.count) {
                case ("suf", 2):
                    suffixes.add(w, record: suffixes.insert(hash(fields[1])), slot: 0)
                case (.some(let name), 2):
                    if let slot = slotIndex[name] { words.add(w, record: words.insert(hash(fields[1])), slot: slot) }
                default:
                    let f = fields.map(string)
                    if let t = closedIndex[f[0]] {
                        if let v = valueIndex[t][f.count > 1 ? f[1] : ""] { closedWeights[closedBase[t] + v] += w }
                    } else if let t = pairIndex[f[0]], f.count == 3, let x = pairValues[t][f[1]], let y = pairValues[t][f[2]] {
                        pairWeights[pairBase[t] + x * Self.pairs[t].1.count + y] += w
                    }
                }
            }
        }
        addedMargin = margin
        startRecord = words.insert(Self.start)
        stopRecord = words.insert(Self.stop)
        self.closedWeights = closedWeights
        self.closedBase = closedBase
        self.pairWeights = pairWeights
        self.pairBase = pairBase
        self.words = words
        self.suffixes = suffixes
    }

    /// The tags of the sentence `lo..<hi`, greedily left to right (an `I-` tag only after its own
    /// `B-` or `I-`). Equal to scoring the features of `static_features` and `dynamic_features` in
    /// the script: each feature's weights are added once to the token it belongs to.
    func tag(_ x: UnsafeBufferPointer<Inputs>, _ lo: Int, _ hi: Int) -> [Tag] {
        var scratch = Scratch()
        tag(x, lo, hi, into: &scratch)
        return scratch.tags
    }

    /// Buffers one document's sentences reuse: the tags and margins of the last sentence tagged.
    struct Scratch {
        var tags: [Tag] = []
        /// Each token's margin: the score of its tag over the score of `O` (0 for `O`).
        var margins: [Float] = []
        var score: [Row] = []
        var record: [Int] = []
        var right: [Int] = []
    }

    /// Tags the sentence `lo..<hi` into `scratch.tags` and `scratch.margins`.
    func tag(_ x: UnsafeBufferPointer<Inputs>, _ lo: Int, _ hi: Int, into scratch: inout Scratch) {
        let len = hi - lo
        scratch.tags.removeAll(keepingCapacity: true)
        scratch.margins.removeAll(keepingCapacity: true)
        scratch.score.removeAll(keepingCapacity: true)
        scratch.score.append(contentsOf: repeatElement(Row(), count: len))
        scratch.record.removeAll(keepingCapacity: true)
        for i in 0..<len { scratch.record.append(words.find(x[lo + i].word)) }
        // distance to the nearest cue candidate on each side (0 = none), commas so far
        scratch.right.removeAll(keepingCapacity: true)
        scratch.right.append(contentsOf: repeatElement(0, count: len))
        var next = -1
        for j in stride(from: len - 1, through: 0, by: -1) {
            scratch.right[j] = next < 0 ? 0 : next - j
            if x[lo + j].bits & Self.cueBits != 0 { next = j }
        }
        var out = scratch.tags, margins = scratch.margins, score = scratch.score
        let record = scratch.record, right = scratch.right
        scratch.tags = []; scratch.margins = []; scratch.score = []
        defer { scratch.tags = out; scratch.margins = margins; scratch.score = score }
        let posIndex = Self.posIndex, endIndex = Self.endIndex, cueIndex = Self.cueIndex
        let closedBase = self.closedBase, shapeCount = Self.shapeNames.count, prevCount = Self.prevNames.count
        let wordRecord = Self.wordRecord
        words.weights.withUnsafeBufferPointer { ww in
        suffixes.weights.withUnsafeBufferPointer { sw in
        pairWeights.withUnsafeBufferPointer { pw in
        closedWeights.withUnsafeBufferPointer { cw in
        score.withUnsafeMutableBufferPointer { s in
            @inline(__always) func word(_ r: Int, _ slot: Int) -> Row { r < 0 ? Row() : ww[r * wordRecord + slot] }
            @inline(__always) func closed(_ t: Closed, _ v: Int) -> Row { cw[closedBase[t.rawValue] + v] }
            @inline(__always) func pair(_ t: Int, _ a: Int, _ b: Int, _ k: Int) -> Row { pw[pairBase[t] + a * k + b] }
            let sStart = shapeCount - 2, eStart = Self.entityNames.count - 2, rStart = Self.ruleNames.count - 2
            var last = -1, commas = 0
            for p in 0..<len {
                let t = x[lo + p]
                var r = closed(.bias, 0)
                // words at each offset: the record of the word that is there (or of <s>, </s>)
                r += word(record[p], 0)
                r += word(p >= 1 ? record[p - 1] : startRecord, 1)
                r += word(p + 1 < len ? record[p + 1] : stopRecord, 2)
                r += word(p >= 2 ? record[p - 2] : startRecord, 3)
                r += word(p + 2 < len ? record[p + 2] : stopRecord, 4)
                let suffix = suffixes.find(t.suffix)
                if suffix >= 0 { r += sw[suffix] }
                // shapes, alone and in pairs
                let shape = t.shape.rawValue
                let shPrev = p >= 1 ? x[lo + p - 1].shape.rawValue : sStart, shNext = p + 1 < len ? x[lo + p + 1].shape.rawValue : sStart + 1
                r += closed(.sh, shape)
                r += pair(0, shPrev, shape, shapeCount)
                r += pair(1, shape, shNext, shapeCount)
                // classes of this token and its neighbours
                @inline(__always) func classes(_ tpl: Closed, _ q: Int) {
                    guard q >= 0 && q < len else { return }
                    var b = x[lo + q].bits
                    while b != 0 { r += closed(tpl, b.trailingZeroBitCount); b &= b - 1 }
                }
                classes(.c, p); classes(.cm1, p - 1); classes(.cp1, p + 1)
                r += closed(.n, Int(t.entity))
                r += closed(.nm1, p >= 1 ? Int(x[lo + p - 1].entity) : eStart)
                r += closed(.np1, p + 1 < len ? Int(x[lo + p + 1].entity) : eStart + 1)
                r += closed(.q, t.quoted ? 1 : 0)
                r += closed(.r, t.rule.rawValue)
                r += closed(.rm1, p >= 1 ? x[lo + p - 1].rule.rawValue : rStart)
                r += closed(.rp1, p + 1 < len ? x[lo + p + 1].rule.rawValue : rStart + 1)
                r += closed(.pos, posIndex[min(p, posIndex.count - 1)])
                r += closed(.end, endIndex[min(len - 1 - p, endIndex.count - 1)])
                let cueLeft = last < 0 ? 0 : p - last, cueRight = right[p]
                r += closed(.cl, cueIndex[min(cueLeft, cueIndex.count - 1)])
                r += closed(.cr, cueIndex[min(cueRight, cueIndex.count - 1)])
                r += closed(.cm, min(commas, 3))
                r += word(cueLeft > 0 ? record[p - cueLeft] : startRecord, 5)
                r += word(cueRight > 0 ? record[p + cueRight] : stopRecord, 6)
                s[p] = r
                if t.bits & Self.cueBits != 0 { last = p }
                if t.shape == .comma { commas += 1 }
            }
            // greedy decoding: the previous tags' features
            let startPrev = prevCount - 1
            var prev = startPrev, prev2 = startPrev, prevTag = Tag.o
            for p in 0..<len {
                let scores = s[p] + closed(.prev, prev) + pair(2, prev2, prev, prevCount)
                var best = Tag.o, bestScore = -Float.infinity
                for j in 0..<Self.nTags {
                    if (j == 2 || j == 4 || j == 6) && !(prevTag.rawValue == j - 1 || prevTag.rawValue == j) { continue }
                    if scores[j] > bestScore { best = Tag(rawValue: j)!; bestScore = scores[j] }
                }
                out.append(best)
                margins.append(bestScore - scores[0])
                prev2 = prev
                prev = best.rawValue
                prevTag = best
            }
        }
        }
        }
        }
        }
    }
}

/// Records of weight rows (`width` rows each) under 64-bit keys: open addressing over a power-of-two table whose
/// slots hold the key next to its record number (one cache line read per look-up).
struct RecordTable: Sendable {
    struct Slot: Sendable { var key: UInt64 = 0; var record: Int32 = -1 }
    let width: Int
    private(set) var slots = [Slot](repeating: Slot(), count: 16)
    private(set) var weights: [AttributionTagger.Row] = []
    private(set) var count = 0

    init(width: Int) { self.width = width }

    @inline(__always) static func home(_ key: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: key ^ (key >> 29)) & mask }

    /// The record of `key`, or -1.
    @inline(__always)
    func find(_ key: UInt64) -> Int {
        slots.withUnsafeBufferPointer { t in
            let mask = t.count - 1
            var s = Self.home(key, mask)
            while true {
                let slot = t[s]
                if slot.record < 0 { return -1 }
                if slot.key == key { return Int(slot.record) }
                s = (s + 1) & mask
            }
        }
    }

    /// The record of `key`, made (zeros) when missing.
    mutating func insert(_ key: UInt64) -> Int {
        let found = find(key)
        if found >= 0 { return found }
        if (count + 1) * 2 > slots.count { grow() }
        place(Slot(key: key, record: Int32(count)))
        weights += [AttributionTagger.Row](repeating: .init(), count: width)
        count += 1
        return count - 1
    }

    private mutating func place(_ slot: Slot) {
        let mask = slots.count - 1
        var s = Self.home(slot.key, mask)
        while slots[s].record >= 0 { s = (s + 1) & mask }
        slots[s] = slot
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        for slot in old where slot.record >= 0 { place(slot) }
    }

    mutating func add(_ w: AttributionTagger.Row, record: Int, slot: Int) {
        weights[record * width + slot] += w
    }
}
