/// The learned weights of the entity tagger (`ner-model.txt`, written by `scripts/train-ner.py`).
///
/// A feature is a template name plus zero to two values; its key is
/// `mix(fnv(template), fnv(value1), fnv(value2))` (see ``FeatureHash``), so the tagger can
/// compute keys from token bytes without building strings.
final class NERModel: @unchecked Sendable {   // immutable after init
    static let tags = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"]
    static let nTags = 9

    // Open-addressing table, written once in init and only read afterwards. One 64-byte,
    // cache-line-aligned slot per key: the key, then its nTags weights, so that a feature
    // found costs one cache line (the keys and the weights in two arrays cost two).
    let slots: UnsafeMutableRawPointer
    let mask: Int
    let slotCount: Int
    /// Distinct features with weights.
    let count: Int
    static let slotBytes = 64

    static let shared = NERModel(LexiconFiles.contents("ner-model.txt"))

    init(_ contents: String) {
        // Parsed on bytes (the file is ASCII apart from feature values, which are hashed as
        // bytes anyway): the model loads once per process, before the first document.
        var entries = [(UInt64, [Float])]()
        let tagHashes = NERModel.tags.map(FeatureHash.string)
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
                var w = [Float](repeating: 0, count: NERModel.nTags)
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
        let size = NERModel.slotBytes
        let slots = UnsafeMutableRawPointer.allocate(byteCount: n * size, alignment: size)
        slots.initializeMemory(as: UInt8.self, repeating: 0, count: n * size)
        let mask = n - 1
        var count = 0
        for (key, w) in entries {
            let k = key == 0 ? 1 : key
            var s = Int(truncatingIfNeeded: k) & mask
            while true {
                let v = slots.load(fromByteOffset: s * size, as: UInt64.self)
                if v == 0 || v == k { break }
                s = (s + 1) & mask
            }
            if slots.load(fromByteOffset: s * size, as: UInt64.self) == 0 { count += 1 }
            slots.storeBytes(of: k, toByteOffset: s * size, as: UInt64.self)
            let weights = (slots + s * size + 8).bindMemory(to: Float.self, capacity: NERModel.nTags)
            for j in 0..<NERModel.nTags { weights[j] += w[j] }
        }
        self.slots = slots
        self.mask = mask
        self.slotCount = n
        self.count = count
    }

    deinit {
        slots.deallocate()
    }

    /// Adds the weights of feature `key` to `scores`.
    @inline(__always)
    func add(_ key: UInt64, to scores: UnsafeMutablePointer<Float>) {
        let k = key == 0 ? 1 : key
        var s = Int(truncatingIfNeeded: k) & mask
        while true {
            let slot = slots + s * NERModel.slotBytes
            let v = slot.load(as: UInt64.self)
            if v == k {
                let w = (slot + 8).assumingMemoryBound(to: Float.self)
                for j in 0..<NERModel.nTags { scores[j] += w[j] }
                return
            }
            if v == 0 { return }
            s = (s + 1) & mask
        }
    }
}
