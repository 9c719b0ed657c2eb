/// The matching keys of claims and the prefixes that tell their kinds apart, in one place: the
/// extractor writes them (a denied entity: `¬e:islam`), the store keeps them (`claims.match_keys`,
/// `entities.match_key`) and the corpus phase reads, counts and shows them.
///
/// - a content word's base form as is (`armor`, `summit`; words never start with a prefix);
/// - ``entityPrefix`` and an entity's match key (`e:kim_jong_un`, ``entityMatchKey(_:)``);
/// - ``datePrefix`` and a resolved date (`d:2019-04-25`).
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

    /// True for a key that marks how a claim is asserted rather than what it says.
    public static func isMarker<S: StringProtocol>(_ key: S) -> Bool { key.hasPrefix("m:") }

    /// An entity's key across documents (frame values, denied entities): its gazetteer name when
    /// known (`U.S.` and `United States` link), else its canonical name, lower case.
    public static func entityKey(_ e: DocumentEntity) -> String { (e.knownName ?? e.canonicalName).lowercased() }

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
