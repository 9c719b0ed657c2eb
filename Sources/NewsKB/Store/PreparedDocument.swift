import NewsKBExtraction

/// A document, its analysis, and every value derived from them that the store writes (lookup
/// keys, counts, claim keys). Built on the analysis workers, so that the single SQLite writer
/// only binds values and steps statements: string work there would hold up the whole import.
struct PreparedDocument {
    let document: SourceDocument
    let analysis: DocumentAnalysis
    /// Length of the body in code points (`documents.char_count`).
    let characterCount: Int
    /// Whitespace-separated words of the body (`documents.word_count`).
    let wordCount: Int
    /// Parallel to `analysis.entities`.
    let entities: [Entity]
    /// Parallel to `analysis.claims`.
    let claims: [ClaimWriter.PreparedClaim]

    /// An entity's stored keys and the other names and roles the document gives it.
    struct Entity {
        /// `entities.name_key` (``AliasKey``).
        var nameKey: String
        /// `entities.match_key` (``ClaimKey/entityMatchKey(_:)``).
        var matchKey: String
        /// Aliases other than the canonical name, each once, with their lookup keys.
        var aliases: [(name: String, key: String)]
        /// Roles, each once, with their lookup keys.
        var roles: [(name: String, key: String)]
    }

    init(document: SourceDocument, analysis: DocumentAnalysis) {
        self.document = document
        self.analysis = analysis
        // Code points: every byte that does not continue a UTF-8 sequence starts one.
        var body = document.body
        characterCount = body.withUTF8 { bytes in bytes.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) } }
        wordCount = document.wordCount
        entities = analysis.entities.map { e in
            func keyed(_ names: [String]) -> [(name: String, key: String)] {
                var seen = Set<String>()
                return names.compactMap { seen.insert($0).inserted ? ($0, AliasKey.make($0)) : nil }
            }
            return Entity(nameKey: AliasKey.make(e.canonicalName), matchKey: ClaimKey.entityMatchKey(e),
                          aliases: keyed(e.aliases.filter { $0 != e.canonicalName }), roles: keyed(e.roles))
        }
        claims = ClaimWriter.prepare(analysis.claims, entities: analysis.entities, publishedOn: document.published)
    }
}
