/// Finds named-entity mentions and groups them into document entities.
/// (Placeholder until the recognizer lands: finds nothing.)
public enum EntityRecognizer {
    public static func recognize(_ text: DocumentText, sentences: [Sentence]) -> ([DocumentEntity], [EntityMention]) {
        ([], [])
    }
}
