/// Counts of keys by their hash (``KeyHash``), in an open-addressing table: the hashes are
/// already uniformly random, so they index the table directly — no second hashing, no
/// per-entry allocation — which matters because ``KeyCounts/count()`` adds every key of every
/// claim here.
struct KeyTally {
    /// A key's counts: claims holding it, documents holding it (in a claim or the title), and
    /// the last document counted (so a document counts once).
    struct Counts { var name: String; var claims: Int32 = 0; var docs: Int32 = 0; var lastDoc: Int32 = -1 }

    /// Hashes by slot, 0 for an empty slot (``KeyHash`` is never 0).
    private var hashes: [UInt64]
    private var values: [Counts]
    private var mask: Int
    /// Keys held.
    private(set) var count = 0

    init(capacity: Int = 1 << 12) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        hashes = [UInt64](repeating: 0, count: size)
        values = [Counts](repeating: Counts(name: ""), count: size)
        mask = size - 1
    }

    /// Counts `hash` once more for document `doc` (and for a claim when `claim`); `name` is
    /// asked for only when the key is new.
    mutating func add(_ hash: UInt64, claim: Bool, doc: Int32, name: () -> String) {
        var i = Int(truncatingIfNeeded: hash) & mask
        while hashes[i] != 0 && hashes[i] != hash { i = (i + 1) & mask }
        if hashes[i] == 0 {
            if (count + 1) * 2 > hashes.count {
                grow()
                add(hash, claim: claim, doc: doc, name: name)
                return
            }
            hashes[i] = hash
            values[i] = Counts(name: name())
            count += 1
        }
        if claim { values[i].claims += 1 }
        if values[i].lastDoc != doc {
            values[i].lastDoc = doc
            values[i].docs += 1
        }
    }

    private mutating func grow() {
        let old = entries
        self = KeyTally(capacity: hashes.count)
        for (h, v) in old {
            var i = Int(truncatingIfNeeded: h) & mask
            while hashes[i] != 0 { i = (i + 1) & mask }
            hashes[i] = h
            values[i] = v
        }
        count = old.count
    }

    /// The keys held with their counts, in ascending order of their hashes as signed integers
    /// (the order SQLite keeps them in).
    func sorted() -> [(hash: UInt64, counts: Counts)] {
        entries.sorted { Int64(bitPattern: $0.hash) < Int64(bitPattern: $1.hash) }
    }

    /// The keys held with their counts, in no particular order.
    var entries: [(hash: UInt64, counts: Counts)] {
        zip(hashes, values).filter { $0.0 != 0 }.map { (hash: $0.0, counts: $0.1) }
    }

    mutating func removeAll() { self = KeyTally() }
}
