/// Splits a document into sentences. (Placeholder until the sentence splitter lands:
/// one sentence per non-empty line.)
public enum SentenceSplitter {
    public static func split(_ text: DocumentText) -> [Sentence] {
        var out = [Sentence]()
        var start = 0
        var paragraph = 0
        let bytes = text.utf8
        var i = 0
        while i <= bytes.count {
            if i == bytes.count || bytes[i] == 0x0A {
                var s = start, e = i
                while s < e, bytes[s] == 0x20 || bytes[s] == 0x09 || bytes[s] == 0x0D { s += 1 }
                while e > s, bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09 || bytes[e - 1] == 0x0D { e -= 1 }
                if e > s {
                    out.append(Sentence(span: text.span(bytes: s, e), paragraph: paragraph))
                    paragraph += 1
                }
                start = i + 1
            }
            i += 1
        }
        return out
    }
}
