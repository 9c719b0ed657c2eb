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
    /// Auxiliaries, copulas and modals (``auxiliaries``), the first of the verb forms of ``table``.
    static let auxiliaryForms = """
        be is are was were been being am isn't aren't wasn't weren't i'm i’m we're we’re they're they’re you're you’re
        have has had having hasn't haven't hadn't do does did doesn't don't didn't
        will would shall should can could may might must won't wouldn't can't cannot couldn't shouldn't mustn't
        """

    /// Verb forms known to be verbs whatever their ending (lower case).
    static let table: ByteTable<Bool> = ByteTable(words: verbLexiconForms.union(predicateForms), foldCase: true, capacity: 1024)

    /// The predicates of `claims-predicates.txt` (`summit`, `venue` count as predicates there).
    static let predicateForms: Set<String> = {
        var t = Set<String>()
        for line in LexiconFiles.entries("claims-predicates.txt") where line.count >= 3 {
            for w in line[2].split(separator: " ") where !w.contains("_") { t.insert(String(w)) }
        }
        return t
    }()

    /// The verb forms of ``table`` from the verb lists: the fixed list below,
    /// `claims-irregular.txt` and `cues-verbs.txt`.
    static let verbLexiconForms: Set<String> = {
        var t = Set<String>()
        let fixed = auxiliaryForms + """
             done
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
        for w in fixed.split(whereSeparator: { $0 == " " || $0 == "\n" }) { t.insert(String(w)) }
        for line in LexiconFiles.entries("claims-irregular.txt") {
            for w in line.joined(separator: " ").split(whereSeparator: { $0 == " " || $0 == "|" }) { t.insert(String(w)) }
        }
        for line in LexiconFiles.entries("cues-verbs.txt") where line.count >= 2 {
            for w in line[1].split(separator: " ") { t.insert(String(w)) }
        }
        return t
    }()

    /// The bare present forms of the verb lists (``verbLexiconForms``): the forms whose third
    /// person (`plans`, `pushes`, `denies`) is a form too, and that are no past (`cut`, `put`,
    /// `set` are both), no auxiliary and no predicate of `claims-predicates.txt` (`summit`).
    /// Most are nouns as well (`plan`, `support`, `call`, `aim`), and as a verb one needs a
    /// subject in the plural or `I`, `we`, `you`, `they` (``hasPluralSubject(_:_:_:from:)``):
    /// `the government plan`, `seeking support`, `a rescue plan` hold no verb.
    static let presentForms: ByteTable<Bool> = {
        let pasts = Set(irregularPastForms.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
            .union(["cut", "put", "set", "let", "hit", "cost", "shut", "quit", "spread", "bid", "hurt", "read", "cast", "burst", "split",
                    "beat", "bet", "come", "become", "run", "overcome", "lay", "forecast", "broadcast", "upset", "shed", "thrust", "outbid"])
        let auxiliaries = Set(auxiliaryForms.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
        let forms = verbLexiconForms
        let bare = forms.filter { w in
            guard w.count >= 2, !pasts.contains(w), !auxiliaries.contains(w), !predicateForms.contains(w) else { return false }
            let sibilant = ["s", "sh", "ch", "x", "z", "o"].contains { w.hasSuffix($0) }   // `pushes`, `goes`; not `slid` → `slides`
            return forms.contains(w + "s") || (sibilant && forms.contains(w + "es")) || (w.hasSuffix("y") && forms.contains(w.dropLast() + "ies"))
        }
        return ByteTable(words: bare, foldCase: true)
    }()

    /// Words before a bare present form that make it a verb: a subject in the plural or of the
    /// first or second person (`they plan`, `officials say`, `police believe`), a relative pronoun
    /// (`those who support`) or an adverb (`also warn`, `strongly deny`); a word ending in -s that
    /// is not singular (`analysts`, `Democrats`) does too (``isPluralSubject(_:_:)``).
    static let pluralSubjects = ByteTable(spaced: """
        i we you they people police children men women staff who that which also still often never
        not now just only really always usually generally jointly
        """, foldCase: true)

    /// Words ending in -s that are no plural subject.
    static let singularInS = ByteTable(spaced: """
        is was has his its this us as thus plus less yes news does goes says always perhaps
        """, foldCase: true)

    /// True when the bare present form `i` has a subject before it (``isPluralSubject(_:_:)``):
    /// the word right before it, or a plural before a preposition that the words between
    /// follow (`chief executives around the world appear`, `talks on the future of the port
    /// begin`) or before a comma (`The vehicles, on show in Geneva, include`), within `from...`,
    /// twelve tokens back at most and no punctuation but commas between.
    static func hasPluralSubject(_ p: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ i: Int, from: Int) -> Bool {
        if isPluralSubject(p, tokens[i - 1]) { return true }
        var j = i - 1
        while j > from && i - j <= 12 {
            let t = tokens[j]
            if t.kind == .word, nonFiniteMarkers.find(p, Int(t.byteStart), Int(t.byteEnd)) != nil,
               isPluralSubject(p, tokens[j - 1]) { return true }
            // a subject set off by commas from its verb (`The vehicles, on show in Geneva, include`)
            if t.kind == .punctuation {
                guard p[Int(t.byteStart)] == 0x2C else { return false }
                if isPluralSubject(p, tokens[j - 1]) { return true }
            }
            j -= 1
        }
        return false
    }

    /// True when the token `q`, right before a bare present form, can be its subject or the
    /// adverb before its verb: see ``pluralSubjects``; a word in -ly; a word ending in -s (not
    /// -ss, not ``singularInS``).
    static func isPluralSubject(_ p: UnsafeBufferPointer<UInt8>, _ q: Token) -> Bool {
        let s = Int(q.byteStart), e = Int(q.byteEnd)
        // a negation (`not`, `never`, `n't`, also written apart: `don 't want`, where the `t`
        // may stand alone after its apostrophe)
        if (p[e - 1] | 0x20) == 0x74 && (e - s == 1 || p[e - 2] == 0x27 || (e - s >= 4 && p[e - 2] == 0x99)) { return true }
        guard q.kind == .word else { return false }
        if pluralSubjects.find(p, s, e) != nil || auxiliaries.find(p, s, e) != nil { return true }
        guard e - s >= 3 else { return false }
        let last = p[e - 1] | 0x20, before = p[e - 2] | 0x20
        if last == 0x79 && before == 0x6C { return true }   // -ly
        return last == 0x73 && before != 0x73 && singularInS.find(p, s, e) == nil
    }

    /// The statement lexicon's classes that mark a reporting verb: any form of `cues-verbs.txt`
    /// (`said`, `told`, `added`, `seems`).
    static let reportingVerb = StatementLexicon.Bits.anyVerb.union(.seem)

    /// True when the tokens `range` are the frame of a report whose content is elsewhere: their
    /// only verbs are reporting verbs, and at most three words follow the last of them, none a verb
    /// (`WASHINGTON -- Real estate tycoon Donald Trump said Thursday`, `the company said in a
    /// statement` cut from what it said). An `-ing` word is no verb of its own there: it names or
    /// places the source (`acting chief of staff Ana Ruiz told reporters`, `officials, speaking
    /// on condition of anonymity, said`, `told journalists after the weekly meeting`). A frame
    /// closed by a colon introduces what follows it, however many words follow its verb (`Ana
    /// Ruiz told journalists after the weekly cabinet meeting: "…`).
    static func isReportFrame(_ text: DocumentText, _ tokens: [Token], _ range: Range<Int>) -> Bool {
        text.utf8.withUnsafeBufferPointer { p in
            var lastReport = -1
            for i in range where tokens[i].kind == .word {
                let s = Int(tokens[i].byteStart), e = Int(tokens[i].byteEnd)
                let bits = StatementLexicon.shared.bits(p, s, e)
                if !bits.isDisjoint(with: reportingVerb) { lastReport = i; continue }
                if isVerb(p, tokens[i]) && !endsInIng(p, s, e) { return false }
            }
            guard lastReport >= 0 else { return false }
            if let last = range.last(where: { tokens[$0].kind != .quote }), tokens[last].kind == .punctuation,
               p[Int(tokens[last].byteStart)] == 58 { return true }   // :
            var after = 0
            for i in (lastReport + 1)..<range.upperBound where tokens[i].isWordLike { after += 1 }
            return after <= 3
        }
    }

    /// Whether one word token is a verb form: a form of ``table``, or a lower-case word ending in -ed
    /// or -ing, long enough not to be `red`, `bed`, `king`.
    @inline(__always)
    static func isVerb(_ p: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
        let s = Int(t.byteStart), e = Int(t.byteEnd)
        if table.find(p, s, e) != nil { return true }
        return isRegularPast(p, t) || (t.has(.lowercase) && endsInIng(p, s, e) && notVerbs.find(p, s, e) == nil)
    }

    /// Subordinators that open a clause (``holds(_:_:_:opensSentence:)``: a verb form right
    /// after one has no subject).
    static let subordinators = ByteTable(spaced: "when while once if unless though although after before since until whether", foldCase: true)

    /// Words ending in -ed or -ing that are not verb forms.
    static let notVerbs = ByteTable(spaced: """
        during morning evening nothing something anything everything thing hundred indeed ceiling sibling
        pudding wedding spring string offspring sacred naked wicked rugged wretched beloved kindred
        greed speed breed creed steed deed feed reed weed seed sled shed
        """, foldCase: false)

    /// Words after which a verb form is a noun or an adjective (`the head of`, `a meeting`, `its
    /// proposed sale`, `each cut`).
    static let determiners = ByteTable(spaced: "the a an its their his her our my your every no", foldCase: true)

    /// Words after which a verb form is not finite: a gerund after a preposition (`after opening`,
    /// `of disregarding`, `by getting`) or an infinitive after `to` (`to sell its properties`).
    static let nonFiniteMarkers = ByteTable(words: ClaimExtractor.prepositions, foldCase: true)

    /// ``ClaimExtractor/participlePrepositions`` (any case).
    static let participlePrepositions = ByteTable(words: ClaimExtractor.participlePrepositions, foldCase: true)

    /// True when the first token of `range` is a lower-case `-ing` word that is no preposition
    /// (``participlePrepositions``): a participle clause (`taking legal action…`).
    static func opensWithParticiple(_ text: DocumentText, _ tokens: [Token], _ range: Range<Int>) -> Bool {
        guard let i = range.first, tokens[i].kind == .word, tokens[i].has(.lowercase) else { return false }
        return text.utf8.withUnsafeBufferPointer { p in
            let s = Int(tokens[i].byteStart), e = Int(tokens[i].byteEnd)
            return endsInIng(p, s, e) && notVerbs.find(p, s, e) == nil && participlePrepositions.find(p, s, e) == nil
        }
    }

    /// Relative pronouns: a verb after one is a relative clause's, not the main clause's.
    static let relatives = ByteTable(spaced: "which who whom whose that", foldCase: true)

    /// `range` up to its first relative pronoun (``relatives``): `legal action against websites`
    /// of `legal action against websites which offer pirated copies`.
    static func beforeRelative(_ text: DocumentText, _ tokens: [Token], _ range: Range<Int>) -> Range<Int> {
        text.utf8.withUnsafeBufferPointer { p in
            for i in range where tokens[i].kind == .word && relatives.find(p, Int(tokens[i].byteStart), Int(tokens[i].byteEnd)) != nil {
                return range.lowerBound..<i
            }
            return range
        }
    }

    /// True when a word token is one of ``ClaimExtractor/prepositions`` (any case).
    static func isPreposition(_ text: DocumentText, _ t: Token) -> Bool {
        text.utf8.withUnsafeBufferPointer { nonFiniteMarkers.find($0, Int(t.byteStart), Int(t.byteEnd)) != nil }
    }

    /// Pronouns that a possessive-looking `’s` follows as a verb (`he’s leaving`, `it’s time`).
    static let contracting = ByteTable(words: ["he", "she", "it", "that", "there", "what", "who", "here", "where", "let"], foldCase: true)

    /// True when `p[s..<e]` ends in -ing and is six letters or more (not `king`, `sing`).
    @inline(__always)
    static func endsInIng(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        e - s >= 6 && p[e - 1] == 0x67 && p[e - 2] == 0x6E && p[e - 3] == 0x69
    }

    /// True when the bytes `s..<e` are a word of four letters or more in `-ly` (an adverb).
    static func endsInLy(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        e - s >= 4 && p[e - 1] == 0x79 && p[e - 2] == 0x6C
    }

    /// True when a word token is a regular past form: lower case, ending in -ed, four letters or
    /// more and not one of ``notVerbs`` (`died`, `unveiled`; not `red`, `hundred`).
    @inline(__always)
    static func isRegularPast(_ p: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
        let s = Int(t.byteStart), e = Int(t.byteEnd)
        return t.has(.lowercase) && e - s >= 4 && p[e - 1] == 0x64 && p[e - 2] == 0x65 && notVerbs.find(p, s, e) == nil
    }

    /// True when the last word of `range` is an auxiliary, a copula, a modal or `not`, in lower
    /// case, and its sentence goes on: the piece was cut before what it asserts (`Needless to
    /// say, the war in Afghanistan was not` before its quotation, `who was campaigning in Iowa on
    /// Sunday, has` before its object). Not an ellipsis that completes a comparison or a choice
    /// (`as effectively as they could have`, `more than it did`, `whether she would run or not`),
    /// nor a clause that a question word opens (`what the motivation was`).
    static func endsCut(_ text: DocumentText, _ tokens: [Token], _ range: Range<Int>, sentence: Range<Int>) -> Bool {
        guard let last = range.last(where: { tokens[$0].isWordLike }), last > range.lowerBound, tokens[last].kind == .word else { return false }
        // the sentence goes on after the piece: at the sentence's end, the same words are an
        // ellipsis that asserts (`Sometimes they work, and sometimes they don't.`)
        guard (range.upperBound..<max(range.upperBound, sentence.upperBound)).contains(where: { tokens[$0].isWordLike }) else { return false }
        return text.utf8.withUnsafeBufferPointer { p in
            func word(_ i: Int) -> (Int, Int) { (Int(tokens[i].byteStart), Int(tokens[i].byteEnd)) }
            let (s, e) = word(last)
            // lower case: `Pay May 11` ends in a month
            guard tokens[last].has(.lowercase), notCutEndings.find(p, s, e) == nil,
                  cutEndings.find(p, s, e) != nil || auxiliaries.find(p, s, e) != nil else { return false }
            for i in range.lowerBound..<last where tokens[i].kind == .word {
                let (a, b) = word(i)
                if ellipsisMarkers.find(p, a, b) != nil { return false }
            }
            return true
        }
    }

    /// A last word that cuts a piece besides the auxiliaries (``endsCut(_:_:_:sentence:)``).
    static let cutEndings = ByteTable(words: ["not"], foldCase: false)
    /// Auxiliary forms that end a piece without cutting it: `being` is a noun as often, and `do`
    /// a verb of its own (`work to do`, `nothing I can do`).
    static let notCutEndings = ByteTable(words: ["being", "do"], foldCase: false)

    /// Words before a final auxiliary that make it an ellipsis or the end of a clause, not a cut
    /// (`as … as they could have`, `than it did`, `or not`, `so do we`, `how hurtful my words
    /// were`, `when Clinton apparently was not`).
    static let ellipsisMarkers = ByteTable(words: ["as", "than", "or", "so", "neither", "nor", "too", "what", "how", "why",
                                                  "where", "when", "who", "whatever", "whoever", "wherever", "whether", "if"],
                                           foldCase: true)

    /// Prepositions that open where and when a source spoke (`In remarks prepared for…`).
    static let settingPrepositions = ByteTable(spaced: "in at on during", foldCase: true)

    /// True when a word token is one of ``settingPrepositions``.
    static func isSettingPreposition(_ text: DocumentText, _ t: Token) -> Bool {
        t.kind == .word && text.utf8.withUnsafeBufferPointer { settingPrepositions.find($0, Int(t.byteStart), Int(t.byteEnd)) != nil }
    }

    /// True when `range` holds no auxiliary and every verb form in it (``isVerb(_:_:)``) is a past
    /// form right after a lower-case word that is no pronoun: a participle after its noun (`remarks
    /// prepared for`, `a statement issued by`), not a finite verb (`officials prepared`).
    static func onlyParticiples(_ text: DocumentText, _ tokens: [Token], _ range: Range<Int>) -> Bool {
        text.utf8.withUnsafeBufferPointer { p in
            var sawOne = false
            for i in range where tokens[i].kind == .word {
                let t = tokens[i], s = Int(t.byteStart), e = Int(t.byteEnd)
                if auxiliaries.find(p, s, e) != nil { return false }
                guard isVerb(p, t) else { continue }
                guard isRegularPast(p, t) || irregularPast.find(p, s, e) != nil, i > range.lowerBound else { return false }
                let before = tokens[i - 1]
                guard before.kind == .word, before.has(.lowercase), objectPronouns.find(p, Int(before.byteStart), Int(before.byteEnd)) == nil,
                      pluralSubjects.find(p, Int(before.byteStart), Int(before.byteEnd)) == nil else { return false }
                sawOne = true
            }
            return sawOne
        }
    }

    /// True when the token is the word `by`.
    @inline(__always)
    static func isAgentBy(_ p: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
        t.kind == .word && t.byteEnd - t.byteStart == 2 && p[Int(t.byteStart)] | 0x20 == 0x62 && p[Int(t.byteStart) + 1] | 0x20 == 0x79
    }

    /// Words after `by` that open an amount (`by nearly nine pct`, `by up to half a point`).
    static let amountOpeners = ByteTable(spaced: """
        nearly almost about around some up more less over roughly just only approximately half
        one two three four five six seven eight nine ten
        """, foldCase: true)

    /// Fractions after `a` that make an amount (`fell by a quarter`).
    static let fractions = ByteTable(spaced: "quarter third fifth tenth half fraction", foldCase: true)

    /// True when what follows `by` at token `k` names an agent: not an amount (a number, a
    /// symbol, ``amountOpeners``, `a` and a fraction) nor a means (an `-ing` word).
    static func byNamesAnAgent(_ p: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ k: Int) -> Bool {
        let t = tokens[k]
        guard t.kind == .word else { return false }
        let s = Int(t.byteStart), e = Int(t.byteEnd)
        if e - s <= 2, p[s] | 0x20 == 0x61, k + 1 < tokens.count, tokens[k + 1].kind == .word,
           fractions.find(p, Int(tokens[k + 1].byteStart), Int(tokens[k + 1].byteEnd)) != nil { return false }   // a quarter
        return amountOpeners.find(p, s, e) == nil && !endsInIng(p, s, e)
    }

    /// Object pronouns, which follow a verb (`saw him`).
    static let objectPronouns = ByteTable(words: ["him", "her", "them", "it", "us", "me", "you"], foldCase: true)

    /// True when a lower-case word of `range` (not its first) stands where a verb does: after a
    /// word that is no determiner, preposition or subordinator, before a determiner, a number or an object
    /// pronoun (`awards recognise the best`, `India imports 70 percent`), itself no preposition
    /// or determiner.
    static func hasVerbSlot(_ text: DocumentText, _ tokens: [Token], _ range: Range<Int>) -> Bool {
        text.utf8.withUnsafeBufferPointer { p in
            guard range.count >= 3 else { return false }
            for i in (range.lowerBound + 1)..<(range.upperBound - 1) {
                let t = tokens[i], q = tokens[i - 1], r = tokens[i + 1]
                guard t.kind == .word, t.has(.lowercase), q.kind == .word else { continue }
                let s = Int(t.byteStart), e = Int(t.byteEnd), qs = Int(q.byteStart), qe = Int(q.byteEnd)
                guard e - s >= 3, determiners.find(p, s, e) == nil, nonFiniteMarkers.find(p, s, e) == nil,
                      determiners.find(p, qs, qe) == nil, nonFiniteMarkers.find(p, qs, qe) == nil,
                      subordinators.find(p, qs, qe) == nil else { continue }
                if r.kind == .number { return true }
                guard r.kind == .word else { continue }
                let rs = Int(r.byteStart), re = Int(r.byteEnd)
                if determiners.find(p, rs, re) != nil || objectPronouns.find(p, rs, re) != nil { return true }
            }
            return false
        }
    }

    /// Common irregular past forms (the regular ones end in -ed).
    static let irregularPast = ByteTable(spaced: irregularPastForms, foldCase: true)
    static let irregularPastForms = """
        was were had did said made took gave got came went saw knew thought found left kept held brought bought sold
        paid spent sent built lost rose fell grew drew flew began became ran met led told wrote spoke chose broke fled
        sought taught caught threw struck stood understood meant felt heard shook stole swore wore withdrew won hit cut
        """

    /// Modals and the future (1: the claim says what may or is to happen), and verbs of intent or
    /// expectation (2: prospective before `to`, as in `plans to sell`, `agreed to buy`, `expects
    /// sales to rise`).
    static let prospectiveWords: ByteTable<UInt8> = {
        var t = ByteTable<UInt8>(foldCase: true, capacity: 128)
        for w in "will would shall could might may won't won’t wouldn't wouldn’t couldn't couldn’t".split(separator: " ") { t.insert(String(w), 1) }
        for w in """
            plan plans planned planning intend intends intended aim aims aimed expect expects expected hope hopes hoped
            propose proposes proposed seek seeks sought want wants wanted agree agrees agreed going set pledge pledges
            pledged promise promises promised vow vows vowed threaten threatens threatened offer offers offered decide
            decided likely scheduled
            """.split(whereSeparator: { $0 == " " || $0 == "\n" }) { t.insert(String(w), 2) }
        return t
    }()

    /// Words that, opening a claim, make it a condition.
    static let conditions = ByteTable(spaced: "if unless", foldCase: true)

    /// Cues whose content no one asserts: a guess or a rumour reported as such (`many have
    /// speculated that the company offered…`, `analysts wondered whether…`, `rumoured to be`).
    static let speculationCues = ByteTable(spaced: """
        speculate speculates speculated speculating speculation wonder wonders wondered wondering guess guesses guessed
        guessing rumor rumors rumored rumour rumours rumoured
        """, foldCase: true)
    /// Cues that put a question (`asked whether`, `questioned if`, `asked why`): what opens with
    /// `whether`, `if` or a question word after them is the question, not an answer.
    static let questionCues = ByteTable(spaced: """
        ask asks asked asking question questions questioned questioning inquire inquires inquired inquiring enquire
        enquires enquired enquiring
        """, foldCase: true)
    /// Words that open an embedded question after a question cue.
    static let questionOpeners = ByteTable(spaced: "whether if how why what when where who which", foldCase: true)
    /// Words that open an embedded question after any cue (`analysts doubted whether…`); not
    /// `how`, which after a cue that answers tells what happened (`described how he was stopped`).
    static let alwaysQuestionOpeners = ByteTable(spaced: "whether", foldCase: true)
    /// Words that, in a cue or just before it, say the source did not answer (`declined to say
    /// when…`, `neither regulator would say what…`): what follows is the open question.
    static let unansweredMarkers = ByteTable(spaced: "declined declines refused refuses not n't never neither nor no", foldCase: true)

    /// What a statement's content that no one asserts is (``unasserted(_:_:cue:content:)``).
    enum Unasserted { case guess, question, refusal }

    /// Cues of a refusal: the infinitive after one is what the source would not do (`declined to
    /// comment on the dollar`, `refused to say`), not something said.
    static let refusalCues = ByteTable(spaced: "declined declines declining refused refuses refusing", foldCase: true)

    /// Whether the content `range` of a statement whose cue is `cue` (its tokens) is asserted by
    /// no one: a guess or a rumour (any word of the cue), or a question — content that opens with
    /// `whether`, or with `if` or a question word (`how`, `when`…) after a question cue or a source
    /// that did not answer (`declined to say when…`); nil when it is asserted. What a guess holds
    /// may be so: its claims are prospective (``ClaimMood/prospective``), so that they group with
    /// what others say may or will be so, never with what they say happened, and contradict
    /// neither (``DisagreementFinder``). A question makes no claim, nor does the infinitive after a
    /// refusal (``refusalCues``: `declined to comment specifically on the dollar`).
    static func unasserted(_ text: DocumentText, _ tokens: [Token], cue: Range<Int>, content range: Range<Int>) -> Unasserted? {
        text.utf8.withUnsafeBufferPointer { p in
            let cueWords = cue.filter { tokens[$0].kind == .word }
            if cueWords.contains(where: { speculationCues.find(p, Int(tokens[$0].byteStart), Int(tokens[$0].byteEnd)) != nil }) { return .guess }
            guard let first = range.first(where: { tokens[$0].kind == .word }) else { return nil }
            let s = Int(tokens[first].byteStart), e = Int(tokens[first].byteEnd)
            if alwaysQuestionOpeners.find(p, s, e) != nil { return .question }
            // The question may follow the verb of the cue's infinitive (`declined to say when…`);
            // else the infinitive after a refusal is what the source would not do.
            let refusal = e - s == 2 && p[s] | 0x20 == 0x74 && p[s + 1] | 0x20 == 0x6F
                && cueWords.contains(where: { refusalCues.find(p, Int(tokens[$0].byteStart), Int(tokens[$0].byteEnd)) != nil })
            let words = Array(range.lazy.filter { tokens[$0].kind == .word }.prefix(3))
            let opener = words.count == 3 && text.utf8[tokens[words[0]].byteRange].elementsEqual("to".utf8) ? words[2] : first
            guard questionOpeners.find(p, Int(tokens[opener].byteStart), Int(tokens[opener].byteEnd)) != nil else { return refusal ? .refusal : nil }
            if cueWords.contains(where: { questionCues.find(p, Int(tokens[$0].byteStart), Int(tokens[$0].byteEnd)) != nil }) { return .question }
            // Up to three words before the cue, and the cue itself.
            let lead = max(0, cue.lowerBound - 3)..<cue.upperBound
            let unanswered = lead.contains { tokens[$0].kind == .word && unansweredMarkers.find(p, Int(tokens[$0].byteStart), Int(tokens[$0].byteEnd)) != nil }
            return unanswered ? .question : (refusal ? .refusal : nil)
        }
    }

    /// The mood of the claim tokens `toks` (in text order), in one pass (``ClaimMood``):
    /// prospective with a modal (`will`, `’ll`), a verb of intent with `to` among the next four
    /// tokens, or a condition opening the claim; else past with a past form (`unveiled`, `sold`,
    /// `has amended`) that is not a modifier after a determiner (`the proposed sale`), not after
    /// `to` or a preposition, and not a reporting verb (`…," Fox said`: it dates the report, not
    /// what it reports); else unmarked.
    static func mood(_ text: DocumentText, _ tokens: [Token], _ toks: [Int]) -> ClaimMood {
        text.utf8.withUnsafeBufferPointer { p in
            func isTo(_ k: Int) -> Bool {
                let t = tokens[k]
                return t.byteEnd - t.byteStart == 2 && p[Int(t.byteStart)] | 0x20 == 0x74 && p[Int(t.byteStart) + 1] | 0x20 == 0x6F
            }
            var past = false
            for (j, k) in toks.enumerated() where tokens[k].kind == .word {
                let t = tokens[k]
                let s = Int(t.byteStart), e = Int(t.byteEnd)
                if j == 0 && conditions.find(p, s, e) != nil { return .prospective }
                if let v = prospectiveWords.value(p, s, e) {
                    if v == 1 || toks[(j + 1)..<min(toks.count, j + 5)].contains(where: isTo) { return .prospective }
                } else if e - s >= 3 && p[e - 1] == 0x6C && p[e - 2] == 0x6C && (p[e - 3] == 0x27 || p[e - 3] == 0x99) {
                    return .prospective   // it'll, we’ll
                }
                guard !past, isRegularPast(p, t) || irregularPast.find(p, s, e) != nil,
                      StatementLexicon.shared.bits(p, s, e).isDisjoint(with: reportingVerb) else { continue }
                if j > 0, tokens[k - 1].kind == .word {
                    let qs = Int(tokens[k - 1].byteStart), qe = Int(tokens[k - 1].byteEnd)
                    if determiners.find(p, qs, qe) != nil || nonFiniteMarkers.find(p, qs, qe) != nil { continue }
                }
                past = true
            }
            return past ? .past : .unmarked
        }
    }

    /// Forms of `be` before a participle, and the adverbs that may stand between them.
    static let beForms = ByteTable(words: ["is", "are", "was", "were", "be", "been", "being", "am", "isn't", "aren't", "wasn't", "weren't",
                                           "i'm", "i’m", "we're", "we’re", "they're", "they’re", "you're", "you’re"], foldCase: true)
    /// Auxiliaries, copulas and modals: verbs wherever they stand, except after `to` (`This is`,
    /// `Those were`, `that will`).
    static let auxiliaries = ByteTable(spaced: auxiliaryForms, foldCase: true)
    static let beAdverbs = ByteTable(words: ["not", "still", "also", "now", "already", "currently", "actually", "only", "just", "n't"], foldCase: true)

    /// True when the word `i` follows a form of `be` (or `’s` after a pronoun), at most one adverb
    /// between, within `from...`.
    static func afterBe(_ p: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ i: Int, from: Int) -> Bool {
        var j = i - 1
        for _ in 0..<2 {
            guard j >= from else { return false }
            let t = tokens[j]
            let s = Int(t.byteStart), e = Int(t.byteEnd)
            if t.kind == .possessive { return j > 0 && contracting.find(p, Int(tokens[j - 1].byteStart), Int(tokens[j - 1].byteEnd)) != nil }
            guard t.kind == .word else { return false }
            if beForms.find(p, s, e) != nil { return true }
            let ly = endsInLy(p, s, e)
            guard ly || beAdverbs.find(p, s, e) != nil else { return false }
            j -= 1
        }
        return false
    }

    /// True when the tokens `range` of `text` hold a finite verb: a verb form (``isVerb(_:_:)``)
    /// that is not read as a noun after a determiner or a possessive (`the head of the
    /// department`, `July’s meeting`), not a gerund or infinitive after a preposition or `to`
    /// (`After opening at a record low`, `to reveal the amount`), nor a form chained to one (`to
    /// have been used`), and not the `-ing` word that opens a sentence (`Posting on Facebook on
    /// Friday`: a participle phrase setting the scene for the subject that follows).
    /// `opensSentence` says whether `range` starts its sentence.
    static func holds(_ text: DocumentText, _ tokens: [Token], _ range: Range<Int>, opensSentence: Bool = false) -> Bool {
        finiteVerb(text, tokens, range, opensSentence: opensSentence) != nil
    }

    /// The index of the first finite verb of `range` (see ``holds(_:_:_:opensSentence:)``), if any.
    static func finiteVerb(_ text: DocumentText, _ tokens: [Token], _ range: Range<Int>, opensSentence: Bool = false) -> Int? {
        text.utf8.withUnsafeBufferPointer { p -> Int? in
            var nonFinite = -2   // the last verb form read as a gerund or an infinitive
            for i in range {
                // `’s` after a pronoun is `is` or `has` (`it’s about`, `he’s gone`).
                if tokens[i].kind == .possessive, i > range.lowerBound,
                   contracting.find(p, Int(tokens[i - 1].byteStart), Int(tokens[i - 1].byteEnd)) != nil { return i }
                guard tokens[i].kind == .word && isVerb(p, tokens[i]) else { continue }
                let t = tokens[i]
                // A verb form right after a subordinator that opens the piece has no subject: a
                // reduced clause (`When put inside servers`, `While visiting Lagos`, `Once
                // completed`), which asserts nothing.
                if i == range.lowerBound + 1, tokens[i - 1].kind == .word,
                   subordinators.find(p, Int(tokens[i - 1].byteStart), Int(tokens[i - 1].byteEnd)) != nil { nonFinite = i; continue }
                // A capitalised word inside the range is a name's (`the Marshall Plan`), unless
                // the line is in capitals.
                if i > range.lowerBound && t.has(.capitalized) && !t.has(.allCaps) { continue }
                // So is one opening a piece cut after a comma: a title in apposition (`Sir Roy
                // Denman, Head of the EC Delegation in Washington, said`), not a verb.
                if i == range.lowerBound, i > 0, t.has(.capitalized), !t.has(.allCaps), tokens[i - 1].kind == .punctuation,
                   p[Int(tokens[i - 1].byteStart)] == 0x2C { continue }
                let s = Int(t.byteStart), e = Int(t.byteEnd)
                let auxiliary = auxiliaries.find(p, s, e) != nil
                if i > 0 {
                    let q = tokens[i - 1]
                    if q.kind == .possessive, !auxiliary {
                        if i < 2 || contracting.find(p, Int(tokens[i - 2].byteStart), Int(tokens[i - 2].byteEnd)) == nil { continue }
                    } else if q.kind == .word {
                        let qs = Int(q.byteStart), qe = Int(q.byteEnd)
                        if !auxiliary && determiners.find(p, qs, qe) != nil { continue }
                        // After a gerund or an infinitive auxiliary, its object or participle
                        // (`after registering falls`, `to have been used`); not after a noun that
                        // a preposition governs (`injuries at work increased`).
                        let chained = nonFinite == i - 1 && (auxiliaries.find(p, qs, qe) != nil || endsInIng(p, qs, qe))
                        if chained || nonFiniteMarkers.find(p, qs, qe) != nil { nonFinite = i; continue }
                    }
                }
                // A bare present form is a verb after its subject (`they plan`, `analysts
                // expect`), or opening a piece whose subject went before (`rules that bankers say
                // [give rivals an edge]`); after a noun, an adjective or an object it is a noun
                // (`the government plan`, `seeking support`, `a rescue plan`).
                if !auxiliary, i > range.lowerBound, presentForms.find(p, s, e) != nil,
                   !hasPluralSubject(p, tokens, i, from: range.lowerBound) { continue }
                // A participle is a verb after a form of `be` (`is considering`, `were still
                // talking`) or opening a participle clause cut after a comma (`…, contributing
                // to the delay`); elsewhere it is a noun or a modifier (`an emergency meeting`,
                // `a speech pushing his bill`), or sets the scene when it opens the sentence.
                // A past form right before an agent (`testimony obtained by the office`, `backed
                // by the unions`) is a passive participle: a finite passive has its form of `be`,
                // which counts above. Not before an amount (`profits increased by 5 pct`, `fell by
                // nearly a quarter`) or a means (`responded by cutting prices`).
                if !auxiliary, i > range.lowerBound, i + 2 < range.upperBound, isAgentBy(p, tokens[i + 1]),
                   isRegularPast(p, t) || irregularPast.find(p, s, e) != nil, byNamesAnAgent(p, tokens, i + 2) { continue }
                let ing = endsInIng(p, s, e)
                if ing && !auxiliary {
                    // A participle that serves as a preposition (`following the talks`,
                    // `including two banks`) opens an adjunct, not a participle clause.
                    if i == range.lowerBound ? !opensSentence && participlePrepositions.find(p, s, e) == nil
                        : afterBe(p, tokens, i, from: range.lowerBound) { return i }
                    continue
                }
                return i
            }
            return nil
        }
    }

    /// True when every finite verb of `range` is a relative clause's: a noun phrase that a
    /// relative clause modifies (`the election that transformed our country`, `legislation which
    /// would allow discrimination`) asserts nothing of its own. The relative pronoun, in lower case,
    /// follows a noun of the piece (after a comma, `…, who was president of Mexico` is cut as a
    /// claim of the name before it; a `that` follows a common noun) and is the subject of the first
    /// finite verb, right after it (a `that` before a subject opens a clause that completes a noun:
    /// `the claim that Afghanistan is a war of choice`), and no finite verb comes after the
    /// relative clause's verb group (`the man who shot him was arrested` holds `was arrested`).
    /// Not a piece that opens its sentence with a capital (`sentence`), unless with a preposition
    /// (`In a speech that focused on…`): its own verb may be a present tense no list holds (`The
    /// figures exclude truck production, much of which is sold to U.S. dealers.`).
    static func onlyRelativeVerbs(_ text: DocumentText, _ tokens: [Token], _ range: Range<Int>, sentence: Range<Int>) -> Bool {
        let opens = range.lowerBound == sentence.lowerBound
        if let f = range.first(where: { tokens[$0].isWordLike }), f == sentence.first(where: { tokens[$0].isWordLike }),
           tokens[f].has(.capitalized), !isPreposition(text, tokens[f]) { return false }
        guard let v = finiteVerb(text, tokens, range, opensSentence: opens), v > range.lowerBound + 1 else { return false }
        return text.utf8.withUnsafeBufferPointer { p in
            func word(_ i: Int) -> (Int, Int) { (Int(tokens[i].byteStart), Int(tokens[i].byteEnd)) }
            func isAdverb(_ i: Int) -> Bool {
                let (s, e) = word(i)
                return tokens[i].kind == .word && tokens[i].has(.lowercase)
                    && (endsInLy(p, s, e) || groupAdverbs.find(p, s, e) != nil)
            }
            // the relative pronoun right before the verb, or before an adverb before it
            var r = v - 1
            if isAdverb(r), r - 1 > range.lowerBound { r -= 1 }
            let (rs, re) = word(r)
            guard tokens[r].kind == .word, tokens[r].has(.lowercase), relatives.find(p, rs, re) != nil else { return false }
            // after a noun: a word that is no preposition, conjunction or determiner; before
            // `that`, a common noun (`In Britain that would be…`: a demonstrative)
            let (qs, qe) = word(r - 1)
            guard tokens[r - 1].kind == .word, nonFiniteMarkers.find(p, qs, qe) == nil, determiners.find(p, qs, qe) == nil,
                  conjunctions.find(p, qs, qe) == nil, subordinators.find(p, qs, qe) == nil,
                  tokens[r - 1].has(.lowercase) || !(re - rs == 4 && p[rs] | 0x20 == 0x74) else { return false }
            // A present tense no list holds before it (`the agency publishes its outlook at the
            // start of a week which will…`): a word in `-s` between a word that is no determiner
            // or preposition and a determiner or a number.
            for i in range.lowerBound + 1..<max(range.lowerBound + 1, r - 1) where tokens[i].kind == .word && tokens[i].has(.lowercase) {
                let (s, e) = word(i), (ns, ne) = word(i + 1)
                guard e - s >= 4, p[e - 1] == 0x73, p[e - 2] != 0x73, tokens[i + 1].kind == .number
                        || tokens[i + 1].kind == .word && determiners.find(p, ns, ne) != nil else { continue }
                let (ps, pe) = word(i - 1)
                if !(tokens[i - 1].kind == .word && (determiners.find(p, ps, pe) != nil || nonFiniteMarkers.find(p, ps, pe) != nil)) { return false }
            }
            // The verb group: auxiliaries and adverbs up to the first verb that is no auxiliary
            // (`that has not yet been transformed`; `who are legally married [will not…]`).
            var j = v, main = false
            while j < range.upperBound, !main {
                let t = tokens[j], (s, e) = word(j)
                guard t.kind == .word, t.has(.lowercase) else { break }
                if !isAdverb(j) {
                    guard isVerb(p, t) else { break }
                    main = auxiliaries.find(p, s, e) == nil
                }
                j += 1
            }
            return finiteVerb(text, tokens, j..<range.upperBound) == nil
        }
    }

    /// True when the piece `range` is a question: it opens with an auxiliary or a question word
    /// (``questionStarters``) and ends in a question mark (quote marks aside), or ends its sentence
    /// (`sentence`) and the sentence does (`Do you support the plan?`, `Will the deal last?`). A
    /// question is neither true nor false; a statement that ends in one still asserts (`the points
    /// could be abused, so why would we feed that?`).
    static func isQuestion(_ text: DocumentText, _ tokens: [Token], _ range: Range<Int>, sentence: Range<Int>) -> Bool {
        func isMark(_ i: Int?) -> Bool { i.map { tokens[$0].kind == .punctuation && text.utf8[Int(tokens[$0].byteStart)] == 0x3F } ?? false }
        guard let f = range.first(where: { tokens[$0].isWordLike }), tokens[f].kind == .word,
              text.utf8.withUnsafeBufferPointer({ questionStarters.find($0, Int(tokens[f].byteStart), Int(tokens[f].byteEnd)) != nil }) else { return false }
        if isMark(range.last(where: { tokens[$0].kind != .quote })) { return true }
        let rest = range.upperBound..<max(range.upperBound, sentence.upperBound)
        return !rest.contains(where: { tokens[$0].isWordLike }) && isMark(rest.last(where: { tokens[$0].kind != .quote }))
    }

    /// Words that open a direct question (``isQuestion(_:_:_:sentence:)``).
    static let questionStarters = ByteTable(spaced: """
        do does did is are was were will would can could should shall has have had may might must
        isn't aren't wasn't weren't don't doesn't didn't won't wouldn't can't couldn't shouldn't hasn't haven't
        who whom whose what why how when where which
        """, foldCase: true)

    /// Words that join two clauses or phrases: a `that` after one is no relative pronoun (`but
    /// that has done little`).
    static let conjunctions = ByteTable(spaced: "and but or nor yet so because", foldCase: true)
    /// Adverbs inside a verb group (`that has not yet been`), besides those in `-ly`.
    static let groupAdverbs = ByteTable(spaced: "not n't also still already just never only yet", foldCase: true)
}
