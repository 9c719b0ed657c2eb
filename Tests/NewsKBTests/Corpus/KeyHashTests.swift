import Testing
@testable import NewsKB

/// Key hashes: the corpus phase counts and numbers keys by the hash of their bytes, read
/// straight from a stored key line, so the byte-level scan must give exactly the keys the
/// string scan gives.
@Suite struct KeyHashTests {
    @Test func scanningHashesGivesTheHashesOfTheKeysScanned() {
        let lines = ["armor carriag train 59.5km/h d:2019-04-25 e:kim_jong_un",
                     "meet summit d:2019-04 ¬pay e:são_paulo",
                     "  double  spaces d:2019 ",
                     ""]
        for line in lines {
            var expected = [UInt64]()
            ClaimKeys.scan(line) { expected.append(KeyHash.of($0)) }
            var got = [UInt64](), names = [String]()
            var copy = line
            copy.withUTF8 { bytes in
                ClaimKeys.scanHashes(bytes) { h, key in got.append(h); names.append(String(decoding: key, as: UTF8.self)) }
            }
            #expect(got == expected, "\(line)")
            #expect(names.map(KeyHash.of) == got)
        }
        // A day is also its month and its year.
        var days = [String]()
        ClaimKeys.scan("d:2019-04-25") { days.append($0) }
        #expect(days == ["d:2019-04-25", "d:2019", "d:2019-04"])
    }

    @Test func hashesDependOnEveryByte() {
        let keys = ["pay", "pai", "e:pay", "d:2019", "d:2018", "¬pay", "paý", "", " "]
        #expect(Set(keys.map(KeyHash.of)).count == keys.count)
        // Streaming in parts is the same as hashing the whole (entity keys are hashed as `e:` + key).
        var h = KeyHash(KeyCounts.entityPrefix)
        h.add("kim_jong_un".utf8)
        #expect(h.value == KeyHash.of("e:kim_jong_un"))
    }
}
