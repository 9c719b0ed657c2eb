/// Finds named-entity mentions and groups them into document entities.
///
/// Pipeline: the learned BIO tagger (``NERTagger``: capitalisation, context, titles, name
/// heads and gazetteer features) proposes spans of four coarse classes; rules then
/// - extend a name with a lower-case facility head (`Vostochny space center` → FACILITY),
/// - refine types with the gazetteers and name heads (LOC → GPE/LOC/FACILITY, MISC → NORP,
///   EVENT, LAW; `Kremlin`, `White House` → ORG),
/// - add gazetteer names the tagger missed (multi-word forms, or single words not opening a
///   sentence), and impose user-configured entries,
/// - make a name after an honorific (`Mr.`, `Mrs.`, `Dr.`) a PERSON,
/// - give one surface form one type throughout the document (majority vote);
/// then ``Coreference`` joins mentions into entities and collects aliases and roles.
/// Titles are outside the name span (`President Vladimir Putin` → `Vladimir Putin`), so are
/// possessive endings (`Russia’s` → `Russia`).
public enum EntityRecognizer {
    /// Recognizes entities with the built-in lexicons (tokenizes `text` itself).
    public static func recognize(_ text: DocumentText, sentences: [Sentence]) -> ([DocumentEntity], [EntityMention]) {
        let tokens = Tokenizer.tokenize(text)
        return recognize(text, tokens: tokens, configuration: .standard)
    }

    /// Recognizes entities over tokens from ``Tokenizer/tokenize(_:)`` (sentence indices set).
    /// This is the whole entity stage and can be timed on its own.
    public static func recognize(_ text: DocumentText, tokens: [Token],
                                 configuration: EntityConfiguration = .standard) -> ([DocumentEntity], [EntityMention]) {
        let raw = mentions(text, tokens: tokens, configuration: configuration)
        return Coreference.resolve(text, tokens: tokens, mentions: raw, configuration: configuration)
    }

    /// A mention before coreference.
    struct Raw {
        var first: Int      // token index
        var end: Int        // token index, exclusive
        var type: EntityType
        /// Canonical name from a gazetteer entry whose form is exactly this mention.
        var known: String?
        var forced: Bool
    }

    static let lowerHeads: [(words: [[UInt8]], type: EntityType)] = {
        var out = [([[UInt8]], EntityType)]()
        for f in LexiconFiles.entries("name-heads.txt") where f.count > 1 {
            guard let c = f[0].unicodeScalars.first, c.properties.isLowercase,
                  let t = EntityType(rawValue: f[1]) else { continue }
            out.append((f[0].split(separator: " ").map { Array($0.utf8) }, t))
        }
        return out.sorted { $0.0.count > $1.0.count }
    }()

    static let honorifics = ByteTable(
        words: ["Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Mx", "Mx.", "Dr", "Dr.", "Mme", "Mme."],
        foldCase: true, capacity: 32)

    /// The type a head of `name-heads.txt` (also a tagger feature) gives the name it ends.
    static func nameHeadType(_ p: UnsafeBufferPointer<UInt8>, _ t: Token) -> EntityType? {
        guard let h = NERTagger.heads.value(p, Int(t.byteStart), Int(t.byteEnd)) else { return nil }
        for type in EntityType.allCases where FeatureHash.string(type.rawValue) == h { return type }
        return nil
    }

    /// The type the last word of a name gives it: a head of `name-heads.txt`, else ORG for a
    /// company word (`company-heads.txt`) or a designator.
    static func headType(_ p: UnsafeBufferPointer<UInt8>, _ t: Token) -> EntityType? {
        if let h = nameHeadType(p, t) { return h }
        return companyHeads.find(p, Int(t.byteStart), Int(t.byteEnd)) != nil || isDesignator(p, t) ? .org : nil
    }

    @inline(__always)
    static func isDesignator(_ p: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
        designators.find(p, Int(t.byteStart), Int(t.byteEnd)) != nil
    }

    /// `and` or `&`, as between a firm's name and its suffix (`Harlow Penrith and Co`).
    static func isConjunction(_ p: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
        let b = Int(t.byteStart), e = Int(t.byteEnd)
        return (e - b == 3 && p[b] == 0x61 && p[b + 1] == 0x6E && p[b + 2] == 0x64) || (e - b == 1 && p[b] == 0x26)
    }

    /// Where the name in `first..<end` ends before its trailing designators, the commas before
    /// them and an `and`/`&` joining them (`Harlow Penrith` of `Harlow Penrith and Co, Inc`),
    /// keeping at least `keep` tokens; `end` when it has none.
    static func endBeforeDesignators(_ p: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ first: Int, _ end: Int, keep: Int) -> Int {
        var end = end, stripped = false
        while end - first > keep {
            let t = tokens[end - 1]
            if isDesignator(p, t) || (t.kind == .punctuation && t.byteEnd - t.byteStart == 1 && p[Int(t.byteStart)] == 0x2C) {
                stripped = true
            } else if !(stripped && isConjunction(p, t)) {
                break
            }
            end -= 1
        }
        return end
    }

    /// Company designators: never a name on their own.
    static let designators = ByteTable(
        words: ["Co", "Co.", "Cos", "Cos.", "Corp", "Corp.", "Inc", "Inc.", "Ltd", "Ltd.", "Plc", "LLC", "GmbH",
                "NV", "N.V.", "BV", "B.V.", "SpA", "S.p.A.", "Bhd", "Pty", "Limited", "Incorporated",
                "Corporation", "AB", "AG", "SA", "S.A.", "KK", "NA", "N.A."],
        foldCase: true, capacity: 64)

    /// Words that end a company's name (`company-heads.txt`: Oil, Stores, International…; the
    /// designators above are not repeated there), for typing only: they are not a tagger feature.
    static let companyHeads = ByteTable(lexicon: "company-heads.txt", foldCase: true, capacity: 128)

    /// Words that never open a person's name (`The Simpsons`, `Why We Fight`, `My Family`).
    static let titleOpeners = ByteTable(
        words: ["The", "A", "An", "My", "Our", "Your", "His", "Her", "Their", "We", "I", "You", "Why", "How",
                "What", "When", "Where", "Who", "This", "These"],
        foldCase: false, capacity: 32)

    /// A span the tagger read as a person's that opens with an article, a pronoun or a question
    /// word, or that joins two names with `And` or `&`: the title of a work or a show.
    static func notAPersonsName(_ p: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ first: Int, _ end: Int) -> Bool {
        if tokens[first].kind == .word, titleOpeners.find(p, Int(tokens[first].byteStart), Int(tokens[first].byteEnd)) != nil { return true }
        for k in (first + 1)..<(end - 1) {
            let b = Int(tokens[k].byteStart), e = Int(tokens[k].byteEnd)
            if (e - b == 1 && p[b] == 0x26) || (e - b == 3 && p[b] == 0x41 && p[b + 1] == 0x6E && p[b + 2] == 0x64) { return true }
        }
        return false
    }

    /// First words that make a name an organisation's (`company-openers.txt`: `N.V.`, `Banque`…),
    /// for typing only.
    static let companyOpeners = ByteTable(lexicon: "company-openers.txt", foldCase: false, capacity: 32)

    /// A head of `typing-heads.txt`: the type it gives, and whether it does so even after a given
    /// name (`always`: no person's name ends in it, `Doris Day Show`, `Arthur Ashe Stadium`).
    struct TypingHead: Sendable { var type: EntityType; var always: Bool }

    /// Last words that type a name the tagger read as a person's when no given name opens it
    /// (`typing-heads.txt`: `Park`, `Day`, `Stadium`…), for typing only.
    static let typingHeads: ByteTable<TypingHead> = {
        var t = ByteTable<TypingHead>(foldCase: false, capacity: 64)
        for f in LexiconFiles.entries("typing-heads.txt") where f.count > 1 {
            if let type = EntityType(rawValue: f[1]) { t.insert(f[0], TypingHead(type: type, always: f.count > 2 && f[2] == "always")) }
        }
        return t
    }()

    /// Common lower-case words (`common-words.txt`, learned by `scripts/train-ner.py`).
    static let commonWords = ByteTable(lexicon: "common-words.txt", foldCase: true, capacity: 8192)

    @inline(__always)
    static func isCommon(_ p: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
        t.kind != .word || commonWords.find(p, Int(t.byteStart), Int(t.byteEnd)) != nil
    }

    /// The last title word inside a person span `first..<end` that only capitalised words precede
    /// and a name word follows (`Corporate Affairs Minister` in `Corporate Affairs Minister
    /// Michael Howard`), or nil. A title word last in the span is a surname (`Bruce Judge`).
    static func innerTitle(_ p: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ first: Int, _ end: Int) -> Int? {
        guard end - first > 2 else { return nil }
        var k = end - 2
        while k > first, !Coreference.isTitle(p, tokens[k]) { k -= 1 }
        guard k > first, Coreference.isTitle(p, tokens[k]) else { return nil }
        for j in first..<k where tokens[j].kind != .word || !tokens[j].has(.capitalized) { return nil }
        // what follows must hold a name word, not only more titles or honorifics
        for j in (k + 1)..<end where tokens[j].kind == .word && !Coreference.isTitle(p, tokens[j])
            && honorifics.find(p, Int(tokens[j].byteStart), Int(tokens[j].byteEnd)) == nil { return k }
        return nil
    }

    /// Prepositions and conjunctions capitalised in Title-Case headlines; a name never spans them.
    static let headlineConnectors = ByteTable(
        words: ["Between", "With", "From", "Into", "Over", "After", "Before", "Against", "And", "For", "Amid",
                "About", "Under", "During", "Without", "Toward", "Towards", "Across", "Through", "Among", "Via",
                "Vs", "Versus", "In", "On", "At", "To", "By", "As", "Or", "Near", "Beyond", "Despite", "Ahead"],
        foldCase: false, capacity: 64)

    /// Month and weekday names: alone, they are dates rather than names (`April`, `Monday`).
    static let calendarWords = ByteTable(
        words: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                "Sunday", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.",
                "Nov.", "Dec."],
        foldCase: false, capacity: 64)

    /// Name particles (`von`, `bin`…), written in lower case.
    static let particles = ByteTable(
        words: ["von", "van", "der", "den", "de", "del", "della", "di", "da", "du", "le", "la", "al", "el",
                "bin", "ibn", "ben", "bint", "ter", "ten", "zu", "dos", "das", "y"],
        foldCase: false, capacity: 64)

    /// Joins PERSON spans over name particles: `Ursula` `von der` `Leyen` → one span;
    /// `Abu Bakr` + `al-Baghdadi` → one span.
    static func joinParticles(_ p: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ spans: inout [NERTagger.Span]) {
        var k = 0
        while k < spans.count {
            guard spans[k].cls == .per else { k += 1; continue }
            var e = spans[k].end
            var j = e
            while j < tokens.count, j - e < 3, tokens[j].kind == .word, tokens[j].has(.lowercase),
                  particles.find(p, Int(tokens[j].byteStart), Int(tokens[j].byteEnd)) != nil {
                j += 1
            }
            if j < tokens.count, tokens[j].sentence == tokens[e - 1].sentence, tokens[j].kind == .word {
                let t = tokens[j]
                let lowerPrefixed = t.has(.hyphenated) && !t.has(.capitalized) && !t.has(.lowercase)
                if (j > e && t.has(.capitalized)) || (j == e && lowerPrefixed) || (j > e && lowerPrefixed) {
                    e = j + 1
                    // absorb a following span that starts at or inside the joined part
                    while k + 1 < spans.count && spans[k + 1].first < e {
                        e = max(e, spans[k + 1].end)
                        spans.remove(at: k + 1)
                    }
                    spans[k].end = e
                    continue
                }
            }
            k += 1
        }
    }

    /// `British Petroleum Co`, `American Express Co`, `U.S. Home Corp`, `New York Mercantile
    /// Exchange`: a place or nationality of up to three words (the tagger's LOC or MISC) that
    /// capitalised words and an organisation head
    /// (`name-heads.txt`: Co, Corp, Inc, Ltd, Bank, Group…) follow in the same sentence opens the
    /// organisation's name: the three become one ORG span, so the company is not counted as a
    /// mention of the country.
    static func joinDesignatedOrganisations(_ p: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ spans: inout [NERTagger.Span]) {
        var k = 0
        while k < spans.count {
            let s = spans[k]
            guard s.cls == .loc || s.cls == .misc, s.end - s.first <= 3 else { k += 1; continue }
            // capitalised words after it, up to four, the last an organisation head
            var j = s.end, head = -1
            while j < tokens.count, j - s.end < 4, tokens[j].kind == .word, tokens[j].has(.capitalized) || tokens[j].has(.allCaps),
                  !tokens[j].has(.lineInitial), tokens[j].sentence == tokens[s.first].sentence {
                if headType(p, tokens[j]) == .org { head = j; break }
                j += 1
            }
            guard head >= 0, head > s.end || j > s.end else { k += 1; continue }
            // the words between may be other spans; they must end inside the joined name, or be
            // the organisation's own span going on to a designator (`Petroleum Co Plc`)
            var m = k + 1
            while m < spans.count, spans[m].first <= head { m += 1 }
            var end = head + 1
            if m > k + 1, spans[m - 1].end > head + 1 {
                let last = spans[m - 1], t = tokens[last.end - 1]
                guard last.cls == .org, headType(p, t) == .org else { k += 1; continue }
                end = last.end
            }
            spans[k] = NERTagger.Span(first: s.first, end: end, cls: .org)
            spans.removeSubrange((k + 1)..<m)
            k += 1
        }
    }

    /// Words that, after `and` or `&`, end a firm's name: `Eli Halbrook and Co`, `Dunmore & Sons`.
    static let firmSuffixes = ByteTable(
        words: ["Co", "Co.", "Cos", "Cos.", "Company", "Sons", "Partners", "Associates"],
        foldCase: false, capacity: 16)

    /// `Harlow Penrith and Co`, `Eli Halbrook & Sons`: a name followed by `and` or `&` and a firm's
    /// suffix is the firm (one ORG span through the suffix), not a person or a place. Returns the
    /// hashes of the names of two words or more that open such a firm (`Harlow Penrith`): the
    /// document's other mentions of them are the firm too.
    static func joinFirmSuffixes(_ p: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ spans: inout [NERTagger.Span]) -> Set<UInt64> {
        var names = Set<UInt64>()
        func suffix(_ t: Token) -> Bool { firmSuffixes.find(p, Int(t.byteStart), Int(t.byteEnd)) != nil }
        var k = 0
        while k < spans.count {
            let s = spans[k]
            // the tagger's span already holds the suffix: `Edwina Strand & Sons`
            if s.end - s.first >= 3, isConjunction(p, tokens[s.end - 2]), suffix(tokens[s.end - 1]) {
                if s.end - s.first >= 4 {
                    names.insert(FeatureHash.bytes(p, Int(tokens[s.first].byteStart), Int(tokens[s.end - 3].byteEnd), fold: false))
                }
                spans[k].cls = .org
                k += 1
                continue
            }
            let j = s.end
            guard j + 1 < tokens.count, tokens[j].sentence == tokens[s.first].sentence,
                  tokens[j + 1].sentence == tokens[s.first].sentence, isConjunction(p, tokens[j]), suffix(tokens[j + 1]) else { k += 1; continue }
            // a span the tagger made of the suffix and designators (`Co Ltd`) is absorbed; any
            // other span there stays
            var end = j + 2, absorb = false
            if k + 1 < spans.count, spans[k + 1].first <= j + 1 {
                let next = spans[k + 1]
                guard next.first == j + 1,
                      (next.first..<next.end).allSatisfy({ suffix(tokens[$0]) || isDesignator(p, tokens[$0]) })
                else { k += 1; continue }
                end = next.end
                absorb = true
            }
            if s.end - s.first >= 2 {
                names.insert(FeatureHash.bytes(p, Int(tokens[s.first].byteStart), Int(tokens[s.end - 1].byteEnd), fold: false))
            }
            spans[k] = NERTagger.Span(first: s.first, end: end, cls: .org)
            if absorb { spans.remove(at: k + 1) }
            k += 1
        }
        return names
    }

    /// `Saab Scania AB`, `Nippon Sharyo Ltd`: a name right after which the tagger stopped short
    /// of its company designators (capitalised, in the same sentence) runs through them and is
    /// an organisation, whatever the tagger read. A span of designators alone there is absorbed.
    static func joinTrailingDesignators(_ p: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ spans: inout [NERTagger.Span]) {
        var k = 0
        while k < spans.count {
            let s = spans[k]
            var j = s.end
            while j < tokens.count, tokens[j].kind == .word, tokens[j].has(.capitalized) || tokens[j].has(.allCaps),
                  !tokens[j].has(.lineInitial), tokens[j].sentence == tokens[s.end - 1].sentence, isDesignator(p, tokens[j]) { j += 1 }
            guard j > s.end else { k += 1; continue }
            if k + 1 < spans.count, spans[k + 1].first < j {
                let next = spans[k + 1]
                guard next.first >= s.end, next.end <= j else { k += 1; continue }
                spans.remove(at: k + 1)
            }
            spans[k] = NERTagger.Span(first: s.first, end: j, cls: .org)
            k += 1
        }
    }

    /// Tokens on Title-Case headline lines (most longer words capitalised, no sentence-final
    /// period, not ALL CAPS): the tagger, trained on sentence case, over-fires there.
    static func titleCaseLines(_ p: UnsafeBufferPointer<UInt8>, _ tokens: [Token]) -> [Bool] {
        var out = [Bool](repeating: false, count: tokens.count)
        var a = 0
        while a < tokens.count {
            var b = a + 1
            while b < tokens.count && !tokens[b].has(.lineInitial) { b += 1 }
            var cap = 0, low = 0
            for i in a..<b where tokens[i].kind == .word && tokens[i].byteEnd - tokens[i].byteStart >= 4 {
                if tokens[i].has(.capitalized) { cap += 1 } else if tokens[i].has(.lowercase) { low += 1 }
            }
            let last = tokens[b - 1]
            let endsSentence = last.kind == .punctuation && last.byteEnd - last.byteStart == 1 && p[Int(last.byteStart)] == 0x2E
            if cap >= 3 && cap * 4 >= (cap + low) * 3 && (!endsSentence || (cap >= 4 && low * 6 <= cap)) && !tokens[a].has(.inCapsLine) {
                for i in a..<b { out[i] = true }
            }
            a = b
        }
        return out
    }

    static func mentions(_ text: DocumentText, tokens: [Token], configuration: EntityConfiguration) -> [Raw] {
        let gaz = configuration.gazetteer
        let (spans, gazMatches) = NERTagger.tag(text, tokens, gazetteer: gaz)
        var out = [Raw]()
        out.reserveCapacity(spans.count + 8)
        var scratch = [UInt8]()
        var firmNames = Set<UInt64>()
        text.utf8.withUnsafeBufferPointer { p in
            func exact(_ a: Int, _ b: Int) -> Gazetteer.Entry? {
                guard let (L, e) = gaz.match(p, tokens, a, b, scratch: &scratch), L == b - a else { return nil }
                return e
            }
            let titleCase = titleCaseLines(p, tokens)
            // capitalised words of the text outside Title-Case lines: what a person's name in the
            // headline may hold (`Trump Lashes Out at…`: the body writes `Trump`, never `Lashes`)
            var bodyWords = Set<UInt64>()
            var headlineEnd = 0   // the tokens of the first line, when it is a Title-Case headline
            if !tokens.isEmpty, titleCase[0] {
                headlineEnd = 1
                while headlineEnd < tokens.count, !tokens[headlineEnd].has(.lineInitial) { headlineEnd += 1 }
                for i in tokens.indices where !titleCase[i] && tokens[i].kind == .word && tokens[i].has(.capitalized) {
                    bodyWords.insert(FeatureHash.bytes(p, Int(tokens[i].byteStart), Int(tokens[i].byteEnd), fold: false))
                }
            }
            var spans = spans
            joinParticles(p, tokens, &spans)
            joinDesignatedOrganisations(p, tokens, &spans)
            firmNames = joinFirmSuffixes(p, tokens, &spans)
            joinTrailingDesignators(p, tokens, &spans)
            let pending = [NERTagger.Span]()
            // the last words of the persons' names the tagger reads that open with a given name
            // (`Fox` of `Liam Fox`)
            var surnames = Set<UInt64>()
            var personal = Set<UInt64>()   // companies' names read as a person's surname below
            for s in spans where s.cls == .per && s.end - s.first >= 2 && tokens[s.end - 1].kind == .word
                && NERTagger.firstNames.find(p, Int(tokens[s.first].byteStart), Int(tokens[s.first].byteEnd)) != nil {
                surnames.insert(FeatureHash.bytes(p, Int(tokens[s.end - 1].byteStart), Int(tokens[s.end - 1].byteEnd), fold: false))
            }
            for s in spans {
                var first = s.first, end = s.end
                // leading titles and honorifics are not part of a name (`Mr Kim`, `President Putin`)
                var cls = s.cls
                while end - first > 1, tokens[first].kind == .word, Coreference.isTitle(p, tokens[first]) || honorifics.find(p, Int(tokens[first].byteStart), Int(tokens[first].byteEnd)) != nil {
                    first += 1
                    cls = .per
                }
                // a sentence's (or a quotation's) capitalised first word that is a common word or a
                // sentence opener is not part of a person's name (`Boss Gordon Strachley said`); a
                // given name stays (`Grant Halloway said`); before a single name, only a sentence
                // opener goes (`An Alcoa source`), as many given names are common words (`Bill`)
                if cls == .per, end - first >= 2, tokens[first].kind == .word, tokens[first].has(.sentenceInitial) || titleCase[first] || (first > 0 && tokens[first - 1].kind == .quote),
                   SentenceSplitter.sentenceOpeners.find(p, Int(tokens[first].byteStart), Int(tokens[first].byteEnd)) != nil
                    || (end - first >= 3 && isCommon(p, tokens[first]) && NERTagger.firstNames.find(p, Int(tokens[first].byteStart), Int(tokens[first].byteEnd)) == nil) {
                    first += 1
                }
                // a person's name holds no lower-case word but a particle (`von`, `bin`): the tagger's
                // span ends before one (`Judge Anthony Farris against Texaco` → `Anthony Farris`)
                if cls == .per, end - first >= 3 {
                    for k in (first + 1)..<(end - 1) where tokens[k].kind == .word && tokens[k].has(.lowercase) && !tokens[k].has(.hyphenated)
                        && particles.find(p, Int(tokens[k].byteStart), Int(tokens[k].byteEnd)) == nil { end = k; break }
                }
                // a month or weekday ending a person's name is a date after it (`Opec February output`);
                // not a surname after a given name, with no day or year after it (`Theresa May,`)
                if cls == .per, end - first >= 2, calendarWords.find(p, Int(tokens[end - 1].byteStart), Int(tokens[end - 1].byteEnd)) != nil,
                   !(NERTagger.firstNames.find(p, Int(tokens[end - 2].byteStart), Int(tokens[end - 2].byteEnd)) != nil
                     && (end == tokens.count || tokens[end].kind != .number)) { end -= 1 }
                // a nationality opening a person's name is not part of it (`Californian Thomas Slattery`)
                if cls == .per, end - first >= 3, exact(first, first + 1)?.type == .norp { first += 1 }
                // a capitalised role phrase that the tagger read as part of a person's name ends
                // at its title word: the name is what follows (`Corporate Affairs Minister Michael
                // Howard`, `Mocatta Metals Chairman Dr. Henry Jarecki`); the phrase is a role
                if cls == .per, let k = innerTitle(p, tokens, first, end) {
                    first = k + 1
                    while end - first > 1, honorifics.find(p, Int(tokens[first].byteStart), Int(tokens[first].byteEnd)) != nil { first += 1 }
                }
                if first < end, titleCase[first], exact(first, end) == nil {
                    // headline in Title Case: common words are capitalised there; trim them off the
                    // edges (`Weapons Exchange Between Russia` → `Russia`)
                    var k = first + 1
                    while k < end {
                        if headlineConnectors.find(p, Int(tokens[k].byteStart), Int(tokens[k].byteEnd)) != nil { first = k + 1 }
                        k += 1
                    }
                    while first < end, isCommon(p, tokens[first]) { first += 1 }
                    while end > first, isCommon(p, tokens[end - 1]) { end -= 1 }
                    if first >= end { continue }
                    // a person's name in the headline (the first line) is made of words the text
                    // also writes, or of given names: the verb and object the tagger read into it
                    // go (`Trump Lashes`, `Chris Christie Announces He`, `Images Of Bloodied
                    // Trump` → `Trump`)
                    if cls == .per, first < headlineEnd, bodyWords.count >= 5 {
                        func nameWord(_ k: Int) -> Bool {
                            let t = tokens[k]
                            guard t.kind == .word else { return true }
                            return bodyWords.contains(FeatureHash.bytes(p, Int(t.byteStart), Int(t.byteEnd), fold: false))
                                || NERTagger.firstNames.find(p, Int(t.byteStart), Int(t.byteEnd)) != nil
                                || Gender.givenNames.find(p, Int(t.byteStart), Int(t.byteEnd)) != nil
                        }
                        while first < end, !nameWord(first) { first += 1 }
                        if first >= end { continue }
                        var k = first + 1
                        while k < end, nameWord(k) { k += 1 }
                        end = k
                        while end > first, !tokens[end - 1].isWordLike { end -= 1 }
                        if first >= end { continue }
                    }
                }
                // never start or end on punctuation/possessive (tagger noise)
                while first < end, !tokens[first].isWordLike { first += 1 }
                while end > first, !tokens[end - 1].isWordLike { end -= 1 }
                if first >= end { continue }
                var entry = exact(first, end)
                let addressed = first > 0 && honorifics.find(p, Int(tokens[first - 1].byteStart), Int(tokens[first - 1].byteEnd)) != nil
                // one word that a gazetteer knows as a company's name is a person's surname after a
                // form of address (`Mr. Fox`), or when the tagger reads it as a person's and the
                // document names a person with it (`Liam Fox` … `Fox said`: not Fox News); the
                // document's other mentions of the word follow (below). Where the tagger reads
                // none as a person's, the company stays (`Disney failed to tell investors`)
                if let e = entry, e.type == .org, !e.forced, end - first == 1, tokens[first].kind == .word {
                    let word = FeatureHash.bytes(p, Int(tokens[first].byteStart), Int(tokens[first].byteEnd), fold: false)
                    if addressed || (cls == .per && surnames.contains(word)) {
                        personal.insert(word)
                        entry = nil
                        cls = .per
                    }
                }
                // a title without a name is a role, not a name (`the Energy Secretary said`), unless
                // an organisation head makes it an office's name (`Office of the Trade
                // Representative`) or the tagger reads a person whose surname is a title (`John Major`)
                if entry == nil, cls != .per, Coreference.isTitle(p, tokens[end - 1]),
                   !(first..<end).contains(where: { nameHeadType(p, tokens[$0]) == .org }) { continue }
                // a company designator alone is not a name (`Co.` cut off `Armstrong Tire Co.`)
                if end - first == 1, entry == nil, isDesignator(p, tokens[first]) { continue }
                // a month or weekday alone is a date, not a name; not a surname after a form of
                // address (`Mrs May said`)
                if end - first == 1, !addressed, calendarWords.find(p, Int(tokens[first].byteStart), Int(tokens[first].byteEnd)) != nil { continue }
                // a capitalised sentence opener or -ly adverb alone is not a name (`Notably`, `However`)
                if end - first == 1 && entry == nil && tokens[first].has(.sentenceInitial) {
                    let t = tokens[first]
                    let b = Int(t.byteStart), e = Int(t.byteEnd)
                    if SentenceSplitter.sentenceOpeners.find(p, b, e) != nil || (cls != .per && isCommon(p, t)) ||
                        (e - b > 4 && p[e - 2] == 0x6C && p[e - 1] == 0x79 && !t.has(.allCaps)) { continue }
                }
                var type: EntityType
                switch cls {
                case .per:
                    type = .person
                    if let e = entry, e.type != .gpe && e.type != .loc && e.type != .person { type = e.type }
                    // no person's name opens with an article, a pronoun or a question word, nor joins
                    // two names with `And`: a title (`The Grudge`, `Why We Fight`, `Richard & Judy`)
                    else if entry == nil, end - first > 1, notAPersonsName(p, tokens, first, end) { type = .misc }
                    // an organisation's designator or head ends the name: `Dean Foods Co`, `Marine Midland Bank`;
                    // or a designator or a foreign word for bank or company opens it: `N.V. Philips`, `Banque Paribas`
                    else if entry == nil, end - first > 1, headType(p, tokens[end - 1]) == .org
                                || companyOpeners.find(p, Int(tokens[first].byteStart), Int(tokens[first].byteEnd)) != nil { type = .org }
                    // a country ends a name that opens with no given name: a company's unit
                    // (`Chrysler Canada`, `IBM Australia`), not a person (`Michael Jordan` stays)
                    else if entry == nil, end - first > 1, let last = exact(end - 1, end), last.country,
                            NERTagger.firstNames.find(p, Int(tokens[first].byteStart), Int(tokens[first].byteEnd)) == nil { type = .org }
                    // a place's or an event's head ends a name that opens with no given name
                    // (`Hylands Park`, `Budget Day`; not `Doris Day`), or any name for a head no
                    // surname is (`Doris Day Show`)
                    else if entry == nil, end - first > 1, let h = typingHeads.value(p, Int(tokens[end - 1].byteStart), Int(tokens[end - 1].byteEnd)),
                            h.always || NERTagger.firstNames.find(p, Int(tokens[first].byteStart), Int(tokens[first].byteEnd)) == nil { type = h.type }
                case .org:
                    type = .org
                    if let e = entry, e.type == .facility || e.type == .norp || e.type == .event || e.country { type = e.type }
                    // an event's head ends it (`Budget Day`, `the Grammy Awards`)
                    else if entry == nil, end - first > 1,
                            typingHeads.value(p, Int(tokens[end - 1].byteStart), Int(tokens[end - 1].byteEnd))?.type == .event { type = .event }
                case .loc:
                    if let e = entry, e.type != .person {
                        type = e.type
                    } else if let h = headType(p, tokens[end - 1]), end - first > 1 {
                        type = h
                    } else {
                        type = .gpe
                    }
                case .misc:
                    if let e = entry, e.type == .norp || e.type == .facility || e.type == .org {
                        type = e.type == .norp ? .norp : .misc
                    } else if let h = headType(p, tokens[end - 1]), end - first > 1,
                              h == .event || h == .law || h == .work || h == .product || h == .org {
                        type = h
                    } else if end - first > 1, let h = typingHeads.value(p, Int(tokens[end - 1].byteStart), Int(tokens[end - 1].byteEnd)) {
                        type = h.type
                    } else {
                        type = .misc
                    }
                }
                // lower-case facility head right after the name: `Vostochny space center`
                var ext = end
                for h in lowerHeads {
                    var ok = end + h.words.count <= tokens.count
                    var k = 0
                    while ok && k < h.words.count {
                        let t = tokens[end + k]
                        let w = h.words[k]
                        if t.has(.lineInitial) || Int(t.byteEnd - t.byteStart) != w.count { ok = false; break }
                        for j in 0..<w.count where p[Int(t.byteStart) + j] | 0x20 != w[j] { ok = false; break }
                        k += 1
                    }
                    if ok && cls != .per && (entry == nil || entry!.type == .facility || entry!.type == .loc) { ext = end + h.words.count; type = h.type; break }
                }
                out.append(Raw(first: first, end: ext, type: type, known: entry?.canonical, forced: false))
            }

            // the document's other mentions of a word read as a person's surname above are the
            // person's too (`Fox` where the tagger read the company)
            if !personal.isEmpty {
                for i in out.indices where out[i].end - out[i].first == 1 && !out[i].forced && out[i].known != nil
                    && personal.contains(FeatureHash.bytes(p, Int(tokens[out[i].first].byteStart), Int(tokens[out[i].first].byteEnd), fold: false)) {
                    out[i].known = nil
                    out[i].type = .person
                }
            }

            // Title-Case headline spans that the body repeats (whole, or a person's name word)
            if !pending.isEmpty {
                var seen = Set<UInt64>()
                for r in out {
                    seen.insert(FeatureHash.bytes(p, Int(tokens[r.first].byteStart), Int(tokens[r.end - 1].byteEnd), fold: false))
                    if r.type == .person {
                        for k in r.first..<r.end where tokens[k].kind == .word {
                            seen.insert(FeatureHash.bytes(p, Int(tokens[k].byteStart), Int(tokens[k].byteEnd), fold: false))
                        }
                    }
                }
                for s in pending where seen.contains(FeatureHash.bytes(p, Int(tokens[s.first].byteStart), Int(tokens[s.end - 1].byteEnd), fold: false)) {
                    let entry = exact(s.first, s.end)
                    let type: EntityType = s.cls == .per ? .person : s.cls == .org ? .org : s.cls == .loc ? (entry?.type ?? .gpe) : .misc
                    out.append(Raw(first: s.first, end: s.end, type: type, known: entry?.canonical, forced: false))
                }
                out.sort { $0.first < $1.first }
            }

            // gazetteer names the tagger missed, and forced (user) entries
            var extra = [Raw]()
            for g in gazMatches {
                let t = tokens[g.first]
                let e = g.entry
                let useful = e.forced || g.length > 1 || (!t.has(.sentenceInitial) && !t.has(.inCapsLine))
                if useful { extra.append(Raw(first: g.first, end: g.first + g.length, type: e.type, known: e.canonical, forced: e.forced)) }
            }
            if !extra.isEmpty {
                // both lists are sorted and each is free of overlaps: one merge pass
                var drop = [Bool](repeating: false, count: out.count)
                var merged = [Raw]()
                var j = 0
                for x in extra {
                    while j < out.count && out[j].end <= x.first { j += 1 }
                    var k = j
                    var overlaps = false
                    var inside = true   // every overlapped tagger span lies inside x, and x is longer
                    while k < out.count && out[k].first < x.end {
                        overlaps = true
                        if out[k].first < x.first || out[k].end > x.end || out[k].end - out[k].first >= x.end - x.first { inside = false }
                        k += 1
                    }
                    if x.forced || (overlaps && inside && x.end - x.first > 1) {
                        for d in j..<k { drop[d] = true }
                        merged.append(x)
                    } else if !overlaps {
                        merged.append(x)
                    }
                }
                var kept = [Raw]()
                kept.reserveCapacity(out.count + merged.count)
                for (k, r) in out.enumerated() where !drop[k] { kept.append(r) }
                kept.append(contentsOf: merged)
                kept.sort { $0.first != $1.first ? $0.first < $1.first : $0.end > $1.end }
                // forced entries may overlap each other: keep the first, longest
                out.removeAll(keepingCapacity: true)
                for r in kept where out.last.map({ $0.end <= r.first }) ?? true { out.append(r) }
            }

            // a person's name cut short by the tagger (`Kim` missed before `Jong Un` on a headline)
            // is completed when the document writes the fuller name elsewhere
            var personNames = Set<UInt64>()
            for r in out where r.type == .person && r.end - r.first >= 2 {
                personNames.insert(FeatureHash.bytes(p, Int(tokens[r.first].byteStart), Int(tokens[r.end - 1].byteEnd), fold: false))
            }
            if !personNames.isEmpty {
                for k in out.indices where out[k].type == .person && out[k].first > 0 {
                    let f = out[k].first - 1
                    let t = tokens[f]
                    guard t.kind == .word, t.has(.capitalized), t.sentence == tokens[out[k].first].sentence,
                          k == 0 || out[k - 1].end <= f else { continue }
                    if personNames.contains(FeatureHash.bytes(p, Int(t.byteStart), Int(tokens[out[k].end - 1].byteEnd), fold: false)) {
                        out[k].first = f
                    }
                }
            }

            // a name after an honorific is a person
            for k in out.indices where out[k].first > 0 && !out[k].forced {
                let t = tokens[out[k].first - 1]
                if t.kind == .word, honorifics.find(p, Int(t.byteStart), Int(t.byteEnd)) != nil {
                    out[k].type = .person
                }
            }
        }
        text.utf8.withUnsafeBufferPointer { p in
            // the name a firm goes by (`Harlow Penrith` of `Harlow Penrith and Co`), and a
            // company's name before its designators and company words when two words or more are
            // left (`Brantley Steel` of `Brantley Steel Corp`, of `Brantley Steel International
            // Ltd`), are the firm's wherever the document writes them;
            // so is a one-word name before its designators (`Vantrell` of `Vantrell Corp`) where
            // the tagger read it alone as a person, place or other name and no gazetteer knows it
            // (a person's fuller name in the document still claims its surname: ``Coreference``)
            var firmWords = Set<UInt64>()
            for r in out where r.type == .org && r.end - r.first >= 2 {
                // without its designators, then without the company words that end it
                // (`Orange Brisket` of `Orange Brisket International Inc`)
                var end = endBeforeDesignators(p, tokens, r.first, r.end, keep: 1)
                while end - r.first > 1, tokens[end - 1].kind == .word, headType(p, tokens[end - 1]) == .org { end -= 1 }
                guard end < r.end, tokens[end - 1].kind == .word else { continue }
                let h = FeatureHash.bytes(p, Int(tokens[r.first].byteStart), Int(tokens[end - 1].byteEnd), fold: false)
                if end - r.first >= 2 {
                    firmNames.insert(h)
                } else if r.known == nil, tokens[r.first].has(.capitalized) || tokens[r.first].has(.allCaps),
                          !isCommon(p, tokens[r.first]), headType(p, tokens[r.first]) == nil {
                    firmWords.insert(h)
                }
            }
            guard !firmNames.isEmpty || !firmWords.isEmpty else { return }
            for k in out.indices where !out[k].forced && out[k].type != .org {
                let h = FeatureHash.bytes(p, Int(tokens[out[k].first].byteStart), Int(tokens[out[k].end - 1].byteEnd), fold: false)
                if out[k].type == .person && firmNames.contains(h) {
                    out[k].type = .org
                } else if out[k].end - out[k].first == 1, out[k].known == nil, firmWords.contains(h),
                          out[k].type == .person || out[k].type == .gpe || out[k].type == .misc {
                    out[k].type = .org
                }
            }
        }
        harmonizeTypes(text, tokens, &out)
        return out
    }

    /// One surface form, one type: the most frequent type of each text (ties: first seen),
    /// except for user-forced mentions.
    static func harmonizeTypes(_ text: DocumentText, _ tokens: [Token], _ ms: inout [Raw]) {
        if ms.count < 2 { return }
        // Mentions grouped by text hash; votes per group and EntityType index, flat.
        let nTypes = EntityType.allCases.count
        var groupOf = [UInt64: Int]()
        groupOf.reserveCapacity(ms.count)
        var group = [Int]()
        group.reserveCapacity(ms.count)
        var votes = [Int]()
        var firstType = [Int]()
        text.utf8.withUnsafeBufferPointer { p in
            for m in ms {
                let k = FeatureHash.bytes(p, Int(tokens[m.first].byteStart), Int(tokens[m.end - 1].byteEnd), fold: false)
                let ti = m.type.ordinal
                let g: Int
                if let known = groupOf[k] { g = known } else {
                    g = firstType.count
                    groupOf[k] = g
                    firstType.append(ti)
                    votes.append(contentsOf: repeatElement(0, count: nTypes))
                }
                group.append(g)
                votes[g * nTypes + ti] += m.forced ? 100 : 1
            }
        }
        for i in ms.indices where !ms[i].forced {
            let g = group[i]
            let v = votes[(g * nTypes)..<((g + 1) * nTypes)]
            var top = 0, distinct = 0
            for c in v where c > 0 { distinct += 1; top = max(top, c) }
            if distinct < 2 { continue }
            let ft = firstType[g]
            let pick = v[v.startIndex + ft] == top ? ft : v.firstIndex(of: top)! - v.startIndex
            ms[i].type = EntityType.allCases[pick]
        }
    }
}

/// What users add to the built-in lexicons (stored by the knowledge store, e.g. `newskb alias add`).
public struct EntityConfiguration: Sendable {
    /// An extra gazetteer entry: the name is recognised with this type wherever it occurs.
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var type: EntityType
        public init(name: String, type: EntityType) { self.name = name; self.type = type }
    }

    /// A user alias: `alias` is another name of `canonical` (both are recognised, as `type`,
    /// and their mentions in one document join one entity named `canonical`).
    public struct Alias: Sendable, Equatable {
        public var alias: String
        public var canonical: String
        public var type: EntityType
        public init(alias: String, canonical: String, type: EntityType) {
            self.alias = alias; self.canonical = canonical; self.type = type
        }
    }

    public let entries: [Entry]
    public let aliases: [Alias]
    let gazetteer: Gazetteer

    public init(entries: [Entry] = [], aliases: [Alias] = []) {
        self.entries = entries
        self.aliases = aliases
        if entries.isEmpty && aliases.isEmpty {
            gazetteer = .standard
        } else {
            gazetteer = Gazetteer(extra: entries.map { ($0.name, $0.type, $0.name) } + aliases.map { ($0.alias, $0.type, $0.canonical) })
        }
    }

    /// The built-in lexicons only.
    public static let standard = EntityConfiguration()
}
