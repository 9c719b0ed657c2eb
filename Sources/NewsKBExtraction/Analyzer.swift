/// Turns a document body into a ``DocumentAnalysis``. Pure, deterministic and thread-safe:
/// one `Analyzer` can be shared by many threads.
///
/// The pipeline (design notes, phase 1): text and offsets → tokens and sentences → entity
/// mentions and in-document coreference → statements → claims and their sentence vectors.
public struct Analyzer: Sendable {
    /// User additions to the lexicons (extra gazetteer entries, aliases).
    public let configuration: EntityConfiguration

    /// The built-in lexicons only.
    public init() { configuration = .standard }

    /// With user-configured gazetteer entries and aliases (as stored by `newskb alias add`).
    public init(configuration: EntityConfiguration) { self.configuration = configuration }

    /// Analyses one document body. Every span in the result lies inside `body`.
    public func analyze(_ body: String) -> DocumentAnalysis {
        let text = DocumentText(body)
        var analysis = DocumentAnalysis()
        var tokens = Tokenizer.scan(text)
        analysis.sentences = SentenceSplitter.split(text, tokens: &tokens)
        (analysis.entities, analysis.mentions) = EntityRecognizer.recognize(text, tokens: tokens, configuration: configuration)
        // (ner) passes the tokens it already has to the statement extractor's token-taking entry point.
        analysis.statements = StatementExtractor.extract(
            text, tokens: tokens, sentences: analysis.sentences, entities: analysis.entities, mentions: analysis.mentions)
        analysis.claims = ClaimExtractor.extract(text, tokens: tokens, analysis: analysis)
        ClaimVectors.attach(to: &analysis.claims, text: text)
        return analysis
    }
}
