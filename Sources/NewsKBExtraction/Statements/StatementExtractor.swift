/// Finds attributed statements (direct, partial, indirect) and their speakers.
/// (Placeholder until the statement extractor lands: finds nothing.)
public enum StatementExtractor {
    public static func extract(_ text: DocumentText, sentences: [Sentence], entities: [DocumentEntity],
                               mentions: [EntityMention]) -> [Statement] {
        []
    }
}
