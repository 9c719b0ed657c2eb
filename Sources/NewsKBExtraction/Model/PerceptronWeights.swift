/// The entity tagger's weights (`ner-model.txt`, written by `scripts/train-ner.py`).
enum NERModel {
    static let tags = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"]
    static let nTags = 9
    static let shared = PerceptronWeights(tags: tags, LexiconFiles.contents("ner-model.txt"))
}

/// The learned weights of an averaged-perceptron tagger: the entity tagger's (``NERModel``) and
/// the attribution tagger's (``AttributionTagger``), each read from a lexicon file its training
/// script writes: `TEMPLATE[ VALUE[ VALUE2]] TAB TAG=WEIGHT ...`, weights in thousandths.
///
/// A feature is a template name plus zero to two values; its key is
/// `mix(fnv(template), fnv(value1), fnv(value2))` (see ``FeatureHash``), so the tagger can
/// compute keys from token bytes without building strings.
final class PerceptronWeights: @unchecked Sendable {   // immutable after init
    /// The tags, in the order of each record's weights.
    let tags: [String]
    let nTags: Int

    // Written once in init and only read afterwards. An open-addressing index of 4-byte slots
    // (upper bits of the key's upper half, then in the low `indexBits` the 1-based number of
    // its record; 0 = empty), small enough to stay in the core's cache, so that a feature the
    // model does not have (most look-ups of rare words) is settled there; and one 64-byte,
    // cache-line-aligned record per feature (the full key, then its nTags weights), so that a
    // feature found costs one line of memory.
    let slots: UnsafeMutablePointer<UInt32>
    let indexMask: UInt32
    let mask: Int
    let slotCount: Int
    let records: UnsafeMutableRawPointer
    /// Distinct features with weights.
    let count: Int
    static let recordBytes = 64

    init(tags: [String], _ contents: String) {
        precondition(tags.count <= (PerceptronWeights.recordBytes - 8) / 4, "too many tags for a record")
        self.tags = tags
        nTags = tags.count
        let nt = tags.count
        // Parsed on bytes (the file is ASCII apart from feature values, which are hashed as
        // bytes anyway): the model loads once per process, before the first document.
        var entries = [(UInt64, [Float])]()
        let tagHashes = tags.map(FeatureHash.string)
        var text = contents
        text.withUTF8 { p in
            let n = p.count
            var i = 0
            while i < n {
                var end = i
                while end < n && p[end] != 0x0A { end += 1 }
                defer { i = end + 1 }
                guard end > i, p[i] != 0x23 else { continue }  // empty line, `#` comment
                var tab = i
                while tab < end && p[tab] != 0x09 { tab += 1 }
                guard tab < end else { continue }
                // TEMPLATE[ VALUE[ VALUE2]]: the template's hash mixed with each value's.
                var key: UInt64 = 0, start = i, first = true
                for j in i...tab where j == tab || p[j] == 0x20 {
                    let h = FeatureHash.bytes(p, start, j, fold: false)
                    key = first ? h : FeatureHash.mix(key, h)
                    first = false
                    start = j + 1
                }
                // TAG=WEIGHT pairs, weights in thousandths.
                var w = [Float](repeating: 0, count: nt)
                var j = tab + 1
                while j < end {
                    var eq = j
                    while eq < end && p[eq] != 0x3D && p[eq] != 0x20 { eq += 1 }
                    var k = eq + 1, value = 0, negative = false, digits = 0
                    if k < end && p[k] == 0x2D { negative = true; k += 1 }
                    while k < end && p[k] >= 0x30 && p[k] <= 0x39 { value = value * 10 + Int(p[k] - 0x30); k += 1; digits += 1 }
                    if eq < end && p[eq] == 0x3D && digits > 0,
                       let tag = tagHashes.firstIndex(of: FeatureHash.bytes(p, j, eq, fold: false)) {
                        w[tag] = Float(negative ? -value : value) / 1000
                    }
                    while k < end && p[k] != 0x20 { k += 1 }
                    j = k + 1
                }
                entries.append((key, w))
            }
        }
        var n = 16
        while n < entries.count * 2 { n <<= 1 }
        let slots = UnsafeMutablePointer<UInt32>.allocate(capacity: n)
        slots.initialize(repeating: 0, count: n)
        // Enough low bits for every record number (entries.count bounds the records).
        var indexBits = 1
        while (1 << indexBits) <= entries.count + 1 { indexBits += 1 }
        precondition(indexBits < 32, "perceptron model too large")
        let indexMask = UInt32((1 << indexBits) - 1)
        let size = PerceptronWeights.recordBytes
        let records = UnsafeMutableRawPointer.allocate(byteCount: max(1, entries.count) * size, alignment: size)
        records.initializeMemory(as: UInt8.self, repeating: 0, count: max(1, entries.count) * size)
        let mask = n - 1
        var count = 0
        for (key, w) in entries {
            let k = key == 0 ? 1 : key
            var s = Int(truncatingIfNeeded: k) & mask
            var record = -1
            while slots[s] != 0 {
                let r = Int(slots[s] & indexMask) - 1
                if records.load(fromByteOffset: r * size, as: UInt64.self) == k { record = r; break }
                s = (s + 1) & mask
            }
            if record < 0 {
                record = count
                count += 1
                records.storeBytes(of: k, toByteOffset: record * size, as: UInt64.self)
                slots[s] = (UInt32(truncatingIfNeeded: k >> 32) & ~indexMask) | UInt32(record + 1)
            }
            let weights = (records + record * size + 8).bindMemory(to: Float.self, capacity: nt)
            for j in 0..<nt { weights[j] += w[j] }
        }
        self.slots = slots
        self.indexMask = indexMask
        self.mask = mask
        self.slotCount = n
        self.records = records
        self.count = count
    }

    deinit {
        slots.deallocate()
        records.deallocate()
    }

    /// Adds the weights of feature `key` to `scores`.
    @inline(__always)
    func add(_ key: UInt64, to scores: UnsafeMutablePointer<Float>) {
        let k = key == 0 ? 1 : key
        let upper = UInt32(truncatingIfNeeded: k >> 32) & ~indexMask
        var s = Int(truncatingIfNeeded: k) & mask
        while true {
            let v = slots[s]
            if v == 0 { return }
            if v & ~indexMask == upper {
                let record = records + (Int(v & indexMask) - 1) * PerceptronWeights.recordBytes
                if record.load(as: UInt64.self) == k {
                    let w = (record + 8).assumingMemoryBound(to: Float.self)
                    for j in 0..<nTags { scores[j] += w[j] }
                    return
                }
            }
            s = (s + 1) & mask
        }
    }
}
