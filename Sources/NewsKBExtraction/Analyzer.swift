/// Turns a document body into a ``DocumentAnalysis``. Pure, deterministic and thread-safe:
/// one `Analyzer` can be shared by many threads.
///
/// The pipeline (design notes, phase 1): text and offsets → sentences → entity mentions and
/// in-document coreference → statements.
public struct Analyzer: Sendable {
    public init() {}

    /// Analyses one document body. Every span in the result lies inside `body`.
    public func analyze(_ body: String) -> DocumentAnalysis {
        let text = DocumentText(body)
        var analysis = DocumentAnalysis()
        analysis.sentences = SentenceSplitter.split(text)
        (analysis.entities, analysis.mentions) = EntityRecognizer.recognize(text, sentences: analysis.sentences)
        analysis.statements = StatementExtractor.extract(
            text, sentences: analysis.sentences, entities: analysis.entities, mentions: analysis.mentions)
        analysis.claims = ClaimExtractor.extract(text, analysis: analysis)
        return analysis
    }
}
