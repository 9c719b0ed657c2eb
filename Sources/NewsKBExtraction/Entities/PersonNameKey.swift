/// The form of a person's name that links one person across documents, which name people more
/// or less fully: `Michael R. Bloomberg`, `Michael Bloomberg` and `Mike Bloomberg` are all
/// `michael bloomberg`.
///
/// From a lower-case name of three words or more, a suffix (`Jr.`, `III`) is dropped, then a
/// lone middle initial (`r.` in `michael r. bloomberg`). A name with two middle initials keeps
/// them: `George H. W. Bush` is not `George W. Bush`. Then a given name's short form becomes its
/// full form (`given-name-forms.txt`: `mike` → `michael`). Names of one word are left as they are.
public enum PersonNameKey {
    /// Short forms by the full form they stand for (lower case).
    static let fullForms: [String: String] = {
        var table = [String: String]()
        for entry in LexiconFiles.entries("given-name-forms.txt") where entry.count >= 2 {
            let full = entry[0].lowercased()
            for form in entry[1].split(separator: " ") { table[form.lowercased()] = full }
        }
        return table
    }()

    /// Name suffixes that full names carry and shorter ones drop (`Robert S. Mueller III`,
    /// `Robert Mueller`). `Sr.` is kept: news write it only beside a `Jr.`, for the other person.
    static let suffixes: Set<Substring> = ["jr", "jr.", "ii", "iii", "iv"]

    /// The key of a lower-case name.
    public static func make(_ name: String) -> String {
        var words = name.split(separator: " ")
        guard words.count >= 2 else { return name }
        while words.count > 2, let last = words.last, suffixes.contains(last) {
            words.removeLast()
            // `Johnstone, Jr.`: the comma before the suffix goes with it.
            if words[words.count - 1].hasSuffix(",") { words[words.count - 1].removeLast() }
        }
        if words.count > 2 {
            let initials = (1..<words.count - 1).filter { isInitial(words[$0]) }
            if initials.count == 1 { words.remove(at: initials[0]) }
        }
        if let full = fullForms[String(words[0])] { words[0] = Substring(full) }
        return words.joined(separator: " ")
    }

    /// `r.` or `r`: one letter, with or without its dot.
    static func isInitial(_ w: Substring) -> Bool {
        let u = w.unicodeScalars
        guard let first = u.first, first.properties.isAlphabetic else { return false }
        return u.count == 1 || (u.count == 2 && u.last == ".")
    }
}
