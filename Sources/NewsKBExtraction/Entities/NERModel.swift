/// The learned weights of the entity tagger (`ner-model.txt`, written by `scripts/train-ner.py`).
///
/// A feature is a template name plus zero to two values; its key is
/// `mix(fnv(template), fnv(value1), fnv(value2))` (see ``FeatureHash``), so the tagger can
/// compute keys from token bytes without building strings.
final class NERModel: @unchecked Sendable {   // immutable after init
    static let tags = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"]
    static let nTags = 9

    // open-addressing table, written once in init and only read afterwards
    let keys: UnsafeMutablePointer<UInt64>
    let weights: UnsafeMutablePointer<Float>   // nTags per slot
    let mask: Int
    let slots: Int

    static let shared = NERModel(LexiconFiles.contents("ner-model.txt"))

    init(_ contents: String) {
        var entries = [(UInt64, [Float])]()
        var tagIndex = [Substring: Int]()
        for (i, t) in NERModel.tags.enumerated() { tagIndex[Substring(t)] = i }
        for line in contents.split(separator: "\n") {
            if line.hasPrefix("#") { continue }
            guard let tab = line.firstIndex(of: "\t") else { continue }
            let feat = line[..<tab].split(separator: " ", omittingEmptySubsequences: false)
            var key = FeatureHash.string(String(feat[0]))
            for v in feat.dropFirst() { key = FeatureHash.mix(key, FeatureHash.string(String(v))) }
            var w = [Float](repeating: 0, count: NERModel.nTags)
            for pair in line[line.index(after: tab)...].split(separator: " ") {
                guard let eq = pair.firstIndex(of: "="), let k = tagIndex[pair[..<eq]],
                      let v = Int(pair[pair.index(after: eq)...]) else { continue }
                w[k] = Float(v) / 1000
            }
            entries.append((key, w))
        }
        var n = 16
        while n < entries.count * 2 { n <<= 1 }
        let keys = UnsafeMutablePointer<UInt64>.allocate(capacity: n)
        keys.initialize(repeating: 0, count: n)
        let weights = UnsafeMutablePointer<Float>.allocate(capacity: n * NERModel.nTags)
        weights.initialize(repeating: 0, count: n * NERModel.nTags)
        let mask = n - 1
        for (key, w) in entries {
            let k = key == 0 ? 1 : key
            var s = Int(truncatingIfNeeded: k) & mask
            while keys[s] != 0 && keys[s] != k { s = (s + 1) & mask }
            keys[s] = k
            for j in 0..<NERModel.nTags { weights[s * NERModel.nTags + j] += w[j] }
        }
        self.keys = keys
        self.weights = weights
        self.mask = mask
        self.slots = n
    }

    deinit {
        keys.deallocate()
        weights.deallocate()
    }

    /// Adds the weights of feature `key` to `scores`.
    @inline(__always)
    func add(_ key: UInt64, to scores: UnsafeMutablePointer<Float>) {
        let k = key == 0 ? 1 : key
        var s = Int(truncatingIfNeeded: k) & mask
        while true {
            let v = keys[s]
            if v == k {
                let w = weights + s * NERModel.nTags
                for j in 0..<NERModel.nTags { scores[j] += w[j] }
                return
            }
            if v == 0 { return }
            s = (s + 1) & mask
        }
    }
}
