/// The matching keys of claims and the prefixes that tell their kinds apart, in one place: the
/// extractor writes them (a denied entity: `¬e:islam`), the store keeps them (`claims.match_keys`,
/// `entities.match_key`) and the corpus phase reads, counts and shows them.
///
/// - a content word's base form as is (`armor`, `summit`; words never start with a prefix);
/// - ``entityPrefix`` and an entity's match key (`e:kim_jong_un`, ``entityMatchKey(_:)``);
/// - ``datePrefix`` and a resolved date (`d:2019-04-25`);
/// - markers, which say how or of whom a claim is asserted rather than what it says: its mood
///   (`m:past`, ``marker(_:)``) and its holder (`h:citgo`, ``holder(_:)``).
public enum ClaimKey {
    /// What a key stands for.
    public enum Kind: UInt8, Sendable { case word, entity, date }

    /// `e:`, the prefix of entity keys.
    public static let entityPrefix = "e:"
    /// `d:`, the prefix of date keys.
    public static let datePrefix = "d:"
    /// The key that marks a claim's mood (``Claim/mood``): a word key no base form can be, which
    /// no reason or listing shows (``isMarker(_:)``); nil for an unmarked claim.
    public static func marker(_ mood: ClaimMood) -> String? {
        switch mood {
        case .unmarked: return nil
        case .prospective: return "m:prospective"
        case .past: return "m:past"
        }
    }

    /// The mood a marker key stands for (``marker(_:)``); nil for any other key.
    public static func mood<S: StringProtocol>(ofMarker key: S) -> ClaimMood? {
        key == "m:prospective" ? .prospective : key == "m:past" ? .past : nil
    }

    /// True for a key that marks how or of whom a claim is asserted rather than what it says.
    public static func isMarker<S: StringProtocol>(_ key: S) -> Bool { key.hasPrefix("m:") || key.hasPrefix(holderPrefix) }

    /// `h:`, the prefix of the marker that names a claim's holder (``Claim/holder``).
    public static let holderPrefix = "h:"

    /// The marker of a claim's holder, from the holder's match key (``entityMatchKey(_:)``):
    /// `h:citgo_petroleum`.
    public static func holder<S: StringProtocol>(_ matchKey: S) -> String { holderPrefix + matchKey }

    /// The holder's match key a marker names (``holder(_:)``); nil for any other key.
    public static func holder(ofMarker key: String) -> String? {
        key.hasPrefix(holderPrefix) ? String(key.dropFirst(holderPrefix.count)) : nil
    }

    /// Designators and other words that do not tell one holder's name from another's.
    static let holderFillers: Set<Substring> = ["the", "corp", "corporation", "inc", "co", "company", "ltd", "plc", "llc", "group",
                                                "holdings", "of", "and", "&", "sa", "ag", "nv", "bv", "spa"]

    /// True when two holders' match keys may name one holder: the first word of one opens the
    /// other's first word (`moody` and `moody's_investors_service`, a source cut short as `l`
    /// and `lloyds_bank`), or the words of one are among the other's (`reynolds_metals_co` and
    /// `reynolds_metals`, `trust_co` and `bankers_trust`), designators (``holderFillers``) left
    /// out. `citgo_petroleum` and `murphy_oil` are two.
    public static func mayBeOneHolder(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let x = a.split(separator: "_").filter { !holderFillers.contains($0) }
        let y = b.split(separator: "_").filter { !holderFillers.contains($0) }
        guard let fx = x.first, let fy = y.first else { return true }
        if fx.hasPrefix(fy) || fy.hasPrefix(fx) { return true }
        let (sx, sy) = (Set(x), Set(y))
        return sx.isSubset(of: sy) || sy.isSubset(of: sx)
    }

    /// An entity's key across documents (frame values, denied entities): its gazetteer name when
    /// known (`U.S.` and `United States` link), else its canonical name, lower case; a person's
    /// name as ``PersonNameKey`` writes it (`Michael R. Bloomberg` and `Mike Bloomberg` link).
    public static func entityKey(_ e: DocumentEntity) -> String {
        if let known = e.knownName { return known.lowercased() }
        let name = e.canonicalName.lowercased()
        return e.type == .person ? PersonNameKey.make(name) : name
    }

    /// An entity's stored match key (`entities.match_key`): ``entityKey(_:)`` with `_` for
    /// spaces, so that a key line stays split by spaces (`kim_jong_un`).
    public static func entityMatchKey(_ e: DocumentEntity) -> String {
        let key = entityKey(e)
        guard key.utf8.contains(32) else { return key }
        return String(decoding: key.utf8.map { $0 == 32 ? 95 : $0 }, as: UTF8.self)
    }

    /// The key of an entity match key: `e:kim_jong_un`.
    public static func entity<S: StringProtocol>(_ matchKey: S) -> String { entityPrefix + matchKey }

    /// The key of a resolved date: `d:2019-04-25`.
    public static func date(_ date: String) -> String { datePrefix + date }

    /// The kind of a key.
    public static func kind<S: StringProtocol>(of key: S) -> Kind {
        key.hasPrefix(entityPrefix) ? .entity : key.hasPrefix(datePrefix) ? .date : .word
    }

    /// The kind of a key given as its UTF-8 bytes (`e:` is 101 58, `d:` 100 58).
    @inlinable
    public static func kind(ofBytes key: UnsafeBufferPointer<UInt8>) -> Kind {
        guard key.count >= 2, key[1] == 58 else { return .word }
        return key[0] == 101 ? .entity : key[0] == 100 ? .date : .word
    }

    /// A key as people read it: `e:kim_jong_un` → `kim jong un`, `d:2019` → `2019`, a word as is.
    public static func display(_ key: String) -> String {
        switch kind(of: key) {
        case .entity:
            let name = key.utf8.dropFirst(entityPrefix.utf8.count)
            return String(decoding: name.map { $0 == 95 ? 32 : $0 }, as: UTF8.self)
        case .date: return String(key.dropFirst(datePrefix.count))
        case .word: return key
        }
    }
}
