/// The gender a document gives a person, for agreement with `he`/`she` and `Mr`/`Ms`: `Mr. Trump`
/// is not Melania Trump, and `she said` is not Donald Trump's. Evidence is a form of address
/// before one of the person's mentions (`Mr`, `Mrs`, `Ms`, `Sir`, `Lady`), else the first word of
/// the person's name in `given-names-gender.txt`; what neither tells is `unknown`, which agrees
/// with both.
enum Gender: UInt8, Sendable {
    case unknown, female, male

    /// True when a person of this gender can be what `other` refers to.
    @inline(__always)
    func agrees(with other: Gender) -> Bool { self == .unknown || other == .unknown || self == other }

    /// Both kinds of evidence: conflicting evidence tells nothing.
    @inline(__always)
    func joined(_ other: Gender) -> Gender {
        if self == other || other == .unknown { return self }
        return self == .unknown ? other : .unknown
    }

    /// Given names that name a woman or a man in nearly every use (case-sensitive).
    static let givenNames: ByteTable<Gender> = {
        var t = ByteTable<Gender>(foldCase: false, capacity: 1024)
        for e in LexiconFiles.entries("given-names-gender.txt") where e.count >= 2 {
            t.insert(e[0], e[1] == "f" ? .female : .male)
        }
        return t
    }()

    /// Forms of address and titles that say the gender of the name they stand before.
    static let addressForms: ByteTable<Gender> = {
        var t = ByteTable<Gender>(foldCase: false, capacity: 64)
        for w in ["Mr", "Mr.", "Sir", "Lord", "King", "Prince", "Baron", "Monsieur", "M.", "Herr", "Senor", "Señor", "Signor"] {
            t.insert(w, .male)
        }
        for w in ["Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Madam", "Madame", "Mme", "Mme.", "Lady", "Dame", "Queen", "Princess",
                  "Baroness", "Frau", "Senora", "Señora", "Signora"] {
            t.insert(w, .female)
        }
        return t
    }()

    /// The gender the word at bytes start..<end gives as a given name.
    @inline(__always)
    static func ofGivenName(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Gender {
        givenNames.value(p, start, end) ?? .unknown
    }

    /// The gender a form of address at bytes start..<end gives the name after it.
    @inline(__always)
    static func ofAddress(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Gender {
        addressForms.value(p, start, end) ?? .unknown
    }
}
