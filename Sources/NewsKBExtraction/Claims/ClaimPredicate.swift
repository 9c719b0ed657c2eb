/// Whether a piece of text has a predicate: a claim is something that can be true or false, so a
/// fragment without a verb (`last night with Brazilian officials and`, `In a speech on Saturday in
/// Columbus, Ohio`, a table line `Deposits 30.4 billion vs 25.9 billion`) is not a claim.
///
/// Without a part-of-speech tagger, a verb is recognised by evidence that rarely misleads in news
/// text: an auxiliary, modal or copula (`is`, `has`, `will`, `can't`); a known verb form (the
/// irregular forms of `claims-irregular.txt`, the reporting verbs of `cues-verbs.txt`, the
/// predicates of `claims-predicates.txt`, and common irregular past forms); or a lower-case word
/// ending in `-ed` or `-ing` (past forms, participles). A bare present-tense verb outside these
/// lists (`prices soar`) is missed; such sentences are rare in news bodies, and a missed predicate
/// costs one claim, while a fragment that is kept groups with anything that shares its names.
enum ClaimPredicate {
    /// Verb forms known to be verbs whatever their ending (lower case).
    static let table: ByteTable<Bool> = {
        var t = ByteTable<Bool>(foldCase: true, capacity: 1024)
        let fixed = """
            be is are was were been being am isn't aren't wasn't weren't
            have has had having hasn't haven't hadn't
            do does did doesn't don't didn't done
            will would shall should can could may might must won't wouldn't can't cannot couldn't shouldn't mustn't
            said says say told tells tell made makes make took takes take gave gives give got gets get
            came comes come went goes go saw sees see knew knows know thought thinks think found finds find
            left leaves leave kept keeps keep held holds hold brought brings bring bought buys buy sold sells sell
            paid pays pay spent spends spend sent sends send built builds build lost loses lose won wins win
            rose rises rise fell falls fall grew grows grow drew draws draw flew flies fly began begins begin
            became becomes become ran runs run met meets meet led leads lead set sets put puts cut cuts hit hits
            let lets shut shuts quit quits cost costs struck strikes strike fought fights fight stood stands stand
            understood understands meant means mean felt feels feel heard hears hear showed shows show shown
            wrote writes write written spoke speaks speak spoken chose chooses choose chosen broke breaks break broken
            fled flees flee bore bears sought seeks seek taught teaches teach caught catches catch threw throws throw
            lay lies lie laid lays hid hides hide rang rings drove drives drive rode rides ride sank sinks sink
            shot shoots shoot slid slides swore swears sworn woke wakes beaten beat beats forgave forbade
            seems seem appears appear remains remain looks look wants want needs need plans plan expects expect
            believes believe warns warn urges urge calls call asks ask agrees agree denies deny claims claim
            hopes hope intends intend aims aim tries try continues continue includes include involves involve
            faces face allows allow helps help works work lives live dies die owns own employs employ
            accounts account represents represent reaches reach exceeds exceed totals total equals equal
            """
        for w in fixed.split(whereSeparator: { $0 == " " || $0 == "\n" }) { t.insert(String(w), true) }
        for line in LexiconFiles.entries("claims-irregular.txt") {
            for w in line.joined(separator: " ").split(whereSeparator: { $0 == " " || $0 == "|" }) { t.insert(String(w), true) }
        }
        for line in LexiconFiles.entries("cues-verbs.txt") where line.count >= 2 {
            for w in line[1].split(separator: " ") { t.insert(String(w), true) }
        }
        for line in LexiconFiles.entries("claims-predicates.txt") where line.count >= 3 {
            for w in line[2].split(separator: " ") where !w.contains("_") { t.insert(String(w), true) }
        }
        return t
    }()

    /// The statement lexicon's classes that mark a reporting verb: any form of `cues-verbs.txt`
    /// (`said`, `told`, `added`, `seems`).
    static let reportingVerb = StatementLexicon.Bits.anyVerb.union(.seem)

    /// True when the tokens `range` are the frame of a report whose content is elsewhere: their
    /// only verbs are reporting verbs, and at most three words follow the last of them, none a verb
    /// (`WASHINGTON -- Real estate tycoon Donald Trump said Thursday`, `the company said in a
    /// statement` cut from what it said).
    static func isReportFrame(_ text: DocumentText, _ tokens: [Token], _ range: Range<Int>) -> Bool {
        text.utf8.withUnsafeBufferPointer { p in
            var lastReport = -1
            for i in range where tokens[i].kind == .word {
                let bits = StatementLexicon.shared.bits(p, Int(tokens[i].byteStart), Int(tokens[i].byteEnd))
                if !bits.isDisjoint(with: reportingVerb) { lastReport = i; continue }
                if isVerb(p, tokens[i]) { return false }
            }
            guard lastReport >= 0 else { return false }
            var after = 0
            for i in (lastReport + 1)..<range.upperBound where tokens[i].isWordLike { after += 1 }
            return after <= 3
        }
    }

    /// Whether one word token is a verb: a form of ``table``, or a lower-case word ending in -ed
    /// or -ing, long enough not to be `red`, `bed`, `king`.
    @inline(__always)
    static func isVerb(_ p: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
        let s = Int(t.byteStart), e = Int(t.byteEnd)
        if table.find(p, s, e) != nil { return true }
        guard t.has(.lowercase), e - s >= 5 else { return false }
        if p[e - 1] == 0x64 && p[e - 2] == 0x65 { return true }                       // -ed
        if p[e - 1] == 0x67 && p[e - 2] == 0x6E && p[e - 3] == 0x69 && e - s >= 6 { return true } // -ing
        return false
    }

    /// True when the tokens `range` of `text` hold a verb.
    static func holds(_ text: DocumentText, _ tokens: [Token], _ range: Range<Int>) -> Bool {
        text.utf8.withUnsafeBufferPointer { p in
            range.contains { tokens[$0].kind == .word && isVerb(p, tokens[$0]) }
        }
    }
}
