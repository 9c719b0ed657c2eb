/// A 64-bit hash of a claim key's UTF-8 bytes (FNV-1a, then a final avalanche), computed
/// straight from a stored key line without making a `String` per key: the corpus phase counts
/// and numbers keys by it (``KeyCounts``).
///
/// Two different keys with the same hash would count as one key — the odds are about N²/2⁶⁵
/// for N distinct keys (one in 10¹¹ for a corpus of 60,000 keys, one in 400,000 for ten
/// million), and the effect would be two words looking alike to the grouper.
struct KeyHash {
    private(set) var state: UInt64 = 0xcbf2_9ce4_8422_2325

    init() {}

    /// The hash of `bytes`.
    init<C: Collection<UInt8>>(_ bytes: C) { add(bytes) }

    mutating func add<C: Collection<UInt8>>(_ bytes: C) {
        for b in bytes { state = (state ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
    }

    /// The finished hash (``state`` mixed so that every input bit reaches every output bit);
    /// never 0, which tables use for an empty slot (``KeyTally``).
    var value: UInt64 {
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        z ^= z >> 31
        return z == 0 ? 1 : z
    }

    /// The hash of a key given as a string.
    static func of(_ key: String) -> UInt64 { KeyHash(key.utf8).value }
}
