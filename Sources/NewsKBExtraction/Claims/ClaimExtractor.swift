/// Extracts a document's claims: one per sentence the article asserts itself, and one per
/// (statement, sentence) piece of what it attributes to a source. Pure and deterministic.
///
/// Each claim gets its normalized form (see ``Claim``): base forms of content words with
/// synonyms mapped, the entities mentioned, numbers with normalized units (number words,
/// scales, currencies, unit conversions), dates, negation, and predicate frames (where an event
/// takes place, where something heads, who supplies whom) for the disagreement finder.
public enum ClaimExtractor {
    /// Claims for an analysed document, tokenizing the text again (prefer the entry point
    /// taking the tokens the analysis was built from).
    public static func extract(_ text: DocumentText, analysis: DocumentAnalysis) -> [Claim] {
        extract(text, tokens: Tokenizer.tokenize(text), analysis: analysis)
    }

    /// Claims for an analysed document. `tokens` are the tokens the analysis was built from
    /// (``Tokenizer``, sentence indices set); claims follow sentence order.
    public static func extract(_ text: DocumentText, tokens: [Token], analysis: DocumentAnalysis) -> [Claim] {
        let sentences = analysis.sentences
        guard !sentences.isEmpty, !tokens.isEmpty else { return [] }
        let n = text.scalarCount
        // Token ranges per sentence.
        var tokenRange = [Range<Int>](repeating: 0..<0, count: sentences.count)
        var i = 0
        while i < tokens.count {
            let s = Int(tokens[i].sentence)
            var j = i + 1
            while j < tokens.count && Int(tokens[j].sentence) == s { j += 1 }
            if s >= 0 && s < sentences.count { tokenRange[s] = i..<j }
            i = j
        }
        // Mentions per sentence.
        var mentionsBySentence = [[Int]](repeating: [], count: sentences.count)
        for (k, m) in analysis.mentions.enumerated() where m.sentence >= 0 && m.sentence < sentences.count
            && analysis.entities.indices.contains(m.entity) {
            mentionsBySentence[m.sentence].append(k)
        }
        // Statement pieces per sentence.
        var pieces = [[(statement: Int, span: TextSpan)]](repeating: [], count: sentences.count)
        for (k, st) in analysis.statements.enumerated() {
            let c = st.content
            guard c.start < c.end, c.end <= n else { continue }
            for s in sentenceIndexes(overlapping: c, sentences) {
                let sp = sentences[s].span
                let a = max(sp.start, c.start), b = min(sp.end, c.end)
                if b - a >= 3 { pieces[s].append((k, TextSpan(a, b))) }
            }
        }
        // Statements that report a guess, a rumour or a question whose content follows the cue
        // (`speculated that …`, `asked whether …`; content before a cue is more often the
        // document's own clause taken in), and the content of the guesses, statements inside
        // them included (a question's content may hold what someone asserted: `asked if the
        // policy changed after an official who said…`).
        var guessed = Set<Int>(), questions = Set<Int>(), refusals = Set<Int>(), guesses = [TextSpan]()
        for (k, st) in analysis.statements.enumerated() {
            guard let cue = st.cue, cue.end <= st.content.start,
                  let kind = ClaimPredicate.unasserted(text, tokens, cue: slice(cue, tokens, tokens.indices),
                                                       content: slice(st.content, tokens, tokens.indices)) else { continue }
            switch kind {
            case .guess: guessed.insert(k); guesses.append(st.content)
            case .question: questions.insert(k)
            case .refusal: refusals.insert(k)
            }
        }
        // Where the first statement source or cue of each sentence starts.
        var frameStart = [Int?](repeating: nil, count: sentences.count)
        for st in analysis.statements {
            for x in [st.cue, st.speakerSpan] {
                guard let x else { continue }
                for s in sentenceIndexes(overlapping: x, sentences) { frameStart[s] = min(frameStart[s] ?? x.start, x.start) }
            }
        }
        var out = [Claim]()
        let lex = ClaimLexicon.shared
        var coarse = CoarsePlaces(analysis.entities.count)
        for s in sentences.indices {
            let sp = sentences[s].span
            guard sp.end <= n, sp.start < sp.end else { continue }
            var units: [(Int?, TextSpan)] = pieces[s].map { ($0.statement, $0.span) }
            // A sentence with statements: the verb of what it asserts around them may sit in a
            // speaker or cue span, so its pieces are not held to having one of their own.
            let hasStatements = !units.isEmpty
            if units.isEmpty {
                units = [(nil, sp)]
            } else {
                // What the sentence asserts outside its statements (and their speakers and
                // cues) is the document's own claim: "This meeting comes as a follow-up to
                // their last encounter in 2019, [emphasizing the need for …]".
                var covered = [TextSpan]()
                for p in pieces[s] {
                    covered.append(p.span)
                    let st = analysis.statements[p.statement]
                    for x in [st.cue, st.speakerSpan] { if let x, x.overlaps(sp) { covered.append(x) } }
                }
                covered.sort()
                var cursor = sp.start
                var gaps = [TextSpan]()
                for c in covered {
                    if c.start > cursor { gaps.append(TextSpan(cursor, c.start)) }
                    cursor = max(cursor, c.end)
                }
                if cursor < sp.end { gaps.append(TextSpan(cursor, sp.end)) }
                for g in gaps {
                    let inGap = tokens[slice(g, tokens, tokenRange[s])]
                    let words = inGap.lazy.filter { $0.isWordLike }
                    if words.count >= 6, let f = words.first, let l = inGap.last(where: { $0.isWordLike || $0.kind == .quote }) {
                        units.append((nil, TextSpan(Int(f.start), Int(l.end))))
                    }
                }
                units.sort { $0.1 < $1.1 }
            }
            units = units.flatMap { u in clauses(u.1, text, tokens, tokenRange[s]).map { (u.0, $0) } }
            units = joiningVerblessHeads(units, text, tokens, tokenRange[s])
            for (statement, span) in units {
                // A question put or reported (`asked whether…`, `whether a court has any
                // jurisdiction…`) asserts nothing, not even that it may be so.
                if let st = statement, questions.contains(st) { continue }
                // So does a direct question (`Do you support the plan?`), put or quoted.
                if ClaimPredicate.isQuestion(text, tokens, slice(span, tokens, tokenRange[s]), sentence: tokenRange[s]) { continue }
                // A fragment the document asserts without a finite verb asserts nothing (see
                // ``ClaimPredicate/holds(_:_:_:opensSentence:)``): a title, a venue (`Sprint's vice
                // president for technology development`). Beside a statement, whose verb may sit
                // in its cue, a fragment that dates or measures something stays (`their last
                // encounter in April 2019`).
                var span = span
                var range = slice(span, tokens, tokenRange[s])
                var hasVerb = ClaimPredicate.holds(text, tokens, range, opensSentence: range.lowerBound == tokenRange[s].lowerBound)
                // A noun phrase that a relative clause modifies (`the election that transformed
                // our country`) has no verb of its own (``ClaimPredicate/onlyRelativeVerbs(_:_:_:sentence:)``).
                if hasVerb, ClaimPredicate.onlyRelativeVerbs(text, tokens, range, sentence: tokenRange[s]) {
                    hasVerb = false
                }
                // A participle clause cut after a comma (`…, taking legal action against
                // websites`, `…, contributing to its slow speed of 37 mph`) says something of a
                // subject it does not hold: a claim only when it measures something (a date alone
                // is no fact of its own: `…, breaking a logjam over fiscal 1987 funding`).
                let participleClause = hasVerb && range.lowerBound > tokenRange[s].lowerBound
                    && ClaimPredicate.opensWithParticiple(text, tokens, range)
                    && !ClaimPredicate.holds(text, tokens, ClaimPredicate.beforeRelative(text, tokens, range.dropFirst()), opensSentence: false)
                var wordCount = range.lazy.filter({ tokens[$0].isWordLike }).count
                var firstWord = range.first(where: { tokens[$0].isWordLike })
                let opensWithPreposition = { firstWord.map { ClaimPredicate.isPreposition(text, tokens[$0]) } ?? false }
                // A whole sentence of five words or more, opening with a capital that is not a
                // preposition and closed by a full stop, with a word where a verb stands (``ClaimPredicate/hasVerbSlot(_:_:_:)``),
                // has a predicate even when its verb is a present tense no list holds (`The annual
                // awards recognise the best designers.`); not a list of names or a noun phrase
                // (`The dissolution of the present government.`).
                if !hasVerb, statement == nil, range.lowerBound == tokenRange[s].lowerBound, wordCount >= 5,
                   let f = firstWord, tokens[f].has(.capitalized), !opensWithPreposition(),
                   let l = range.last(where: { tokens[$0].kind != .quote }), l >= range.upperBound - 2,
                   tokens[l].kind == .punctuation, [".", "!", "?"].contains(text.text(tokens[l])),
                   ClaimPredicate.hasVerbSlot(text, tokens, range) { hasVerb = true }
                // A verbless piece of what a statement attributes that holds four words or fewer
                // is an adjunct cut from its clause (`in the Gulf today`, `a full inquiry`).
                if statement != nil, !hasVerb, wordCount <= 4 { continue }
                // A verbless piece cut from content that goes on after it (`said [her son's killer,
                // Mark Dunn, 17] - who was jailed for life - had copied…`) has its verb in another
                // piece: it is not a claim.
                if let st = statement, !hasVerb,
                   slice(TextSpan(span.end, analysis.statements[st].content.end), tokens, tokenRange[s]).contains(where: { tokens[$0].isWordLike }) { continue }
                // What a statement attributes without a verb of its own has its cue for one: a cue
                // right before it (at most two words between) is claimed with it (`attacked a
                // supertanker and four oil sites`, `agreed to sell its oil and gas properties`,
                // `described the ad as "dishonest"`): a predicate, not a list of nouns. So is what
                // a refusal's infinitive says the source would not do (`declined [to comment on
                // what he would consider an undervalued dollar]`): alone, it would say the opposite.
                var claimedWithCue = false
                if let st = statement, !hasVerb || refusals.contains(st), let cue = analysis.statements[st].cue, cue.end <= span.start, cue.start >= sp.start {
                    let between = slice(TextSpan(cue.end, span.start), tokens, tokenRange[s])
                    if between.lazy.filter({ tokens[$0].isWordLike }).count <= 2,
                       ClaimPredicate.holds(text, tokens, slice(cue, tokens, tokenRange[s])) {
                        span = TextSpan(cue.start, span.end)
                        range = slice(span, tokens, tokenRange[s])
                        wordCount = range.lazy.filter({ tokens[$0].isWordLike }).count
                        firstWord = range.first(where: { tokens[$0].isWordLike })
                        hasVerb = true
                        claimedWithCue = true
                    }
                }
                if let st = statement, refusals.contains(st), !claimedWithCue { continue }
                // Attributed content with no verb of its own, whose cue is not right before it,
                // is a claim only as a quoted sentence (`"This American carnage stops right here,"`:
                // five words or more opening with a capital, the verb one no list holds) or when it
                // dates or measures something; not a noun phrase (`her blog became [an anonymous,
                // semi-fictional account of her life]`). Other pieces need a verb of their own.
                let quotedSentence = !hasVerb && statement.map { st in
                    analysis.statements[st].kind == .direct && wordCount >= 5 && (firstWord.map { tokens[$0].has(.capitalized) } ?? false)
                } ?? false
                let verbless = !hasVerb && !quotedSentence
                if verbless && statement == nil && !hasStatements { continue }
                // A verbless piece before a statement's source or cue is where and when the source
                // spoke (`At a closed-door lunch on Thursday, Senators X and`, `Last week, the
                // central bank heads`), not something the document asserts.
                if verbless, statement == nil, let first = frameStart[s], span.end <= first { continue }
                // So is one between a statement's cue and its content: whom the source told, and
                // where (`He told [an economic planning seminar in Arusha yesterday] that the plan…`).
                if verbless, statement == nil, pieces[s].contains(where: { p in
                    analysis.statements[p.statement].cue.map { $0.end <= span.start && span.end <= analysis.statements[p.statement].content.start } ?? false
                }) { continue }
                // An apposition between a statement's source and its cue, between commas, says
                // who the source is (`David Cummings, [head of UK equities for Standard Life
                // Investments], said…`), not what happened; a relative clause there (`…, who has
                // been in the UK for a week, said`) is a claim about the source, and stays.
                if statement == nil, let f = firstWord, isAppositionPiece(text, tokens, range, firstWord: f),
                   pieces[s].contains(where: { p in
                       let st = analysis.statements[p.statement]
                       guard let source = st.speakerSpan, let cue = st.cue, source.end <= span.start, span.end <= cue.start else { return false }
                       return onlyComma(TextSpan(source.end, span.start), text, tokens, tokenRange[s])
                           && onlyComma(TextSpan(span.end, cue.start), text, tokens, tokenRange[s])
                   }) { continue }
                // So is one that opens with `in`, `at`, `on` or `during` and whose only verb forms
                // are participles after their nouns (`In remarks prepared for a speech today in Los
                // Angeles, Sprinkel said…`, `In a statement issued by the ministry, officials said…`).
                if hasVerb, statement == nil, let first = frameStart[s], span.end <= first,
                   let f = firstWord, ClaimPredicate.isSettingPreposition(text, tokens[f]),
                   ClaimPredicate.onlyParticiples(text, tokens, range) { continue }
                // A verbless piece that opens with a preposition is an adjunct cut from its clause
                // (`to yesterday's treasury note tender`, `After an emergency meeting of NATO
                // ambassadors`, `at the annual trade fair in Berlin in March 2023`): the clause's
                // other pieces carry the claim.
                if verbless, opensWithPreposition() { continue }
                // The frame of a report whose content the sentence does not hold (`Real estate
                // tycoon Donald Trump said Thursday`) asserts nothing either.
                if statement == nil, hasVerb, ClaimPredicate.isReportFrame(text, tokens, range) { continue }
                // A piece that stops at its auxiliary, its copula or `not` is cut before what it
                // asserts (``ClaimPredicate/endsCut(_:_:_:)``).
                if ClaimPredicate.endsCut(text, tokens, range, sentence: tokenRange[s]) { continue }
                var claim = Claim(span: span, sentence: s, statement: statement)
                fill(&claim, text, tokens, tokenRange[s], mentionsBySentence[s], analysis, lex, &coarse)
                // What a statement reports as a guess, a rumour or a question is asserted by no one:
                // it may be so (``ClaimPredicate/unasserted(_:_:cue:content:)``).
                if let st = statement, guessed.contains(st) || guesses.contains(where: { $0.contains(span) }) {
                    claim.mood = .prospective
                }
                if claim.terms.isEmpty && claim.entities.isEmpty && claim.quantities.isEmpty { continue }
                // Beside a statement or attributed, a verbless piece stays only when it dates or
                // measures something.
                if verbless && claim.dates.isEmpty && claim.quantities.isEmpty { continue }
                if participleClause && !claim.quantities.contains(where: { !$0.isPeriod }) { continue }
                out.append(claim)
            }
        }
        return out
    }

    /// Whether a piece reads as a noun phrase in apposition: no relative pronoun, no finite verb
    /// after its first word, and a first word that is no past form (`head of UK equities…` is one;
    /// `told lawmakers not to make plans…`, `meanwhile, referred five employees…` are predicates).
    static func isAppositionPiece(_ text: DocumentText, _ tokens: [Token], _ range: Range<Int>, firstWord f: Int) -> Bool {
        if range.contains(where: { tokens[$0].kind == .word && clauseWordKinds(text, tokens[$0], verbatim: true).contains(.relativePronoun) }) { return false }
        if ClaimPredicate.holds(text, tokens, (f + 1)..<range.upperBound) { return false }
        return text.utf8.withUnsafeBufferPointer { p in
            !ClaimPredicate.isRegularPast(p, tokens[f]) && ClaimPredicate.irregularPast.find(p, Int(tokens[f].byteStart), Int(tokens[f].byteEnd)) == nil
        }
    }

    /// Whether `span` holds one token, a comma (the spaces around an apposition's commas).
    static func onlyComma(_ span: TextSpan, _ text: DocumentText, _ tokens: [Token], _ range: Range<Int>) -> Bool {
        let inside = slice(span, tokens, range)
        return inside.count == 1 && text.utf8[Int(tokens[inside.lowerBound].byteStart)] == 44
    }

    /// The sub-range of `range` whose tokens lie inside `span` (tokens are in text order).
    static func slice(_ span: TextSpan, _ tokens: [Token], _ range: Range<Int>) -> Range<Int> {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi { let m = (lo + hi) / 2; if Int(tokens[m].start) < span.start { lo = m + 1 } else { hi = m } }
        var end = lo
        var a = lo, b = range.upperBound
        while a < b { let m = (a + b) / 2; if Int(tokens[m].end) <= span.end { a = m + 1 } else { b = m } }
        end = max(lo, a)
        return lo..<end
    }

    /// Words opening, after a comma, a clause that asserts something of its own: a
    /// non-restrictive relative clause (`…in Vladivostok, which followed the breakdown of
    /// talks`) or an adverbial clause (`…space program, as it recently faced a second failure`).
    /// Conditions (`if`, `unless`) stay with the clause they restrict.
    static let clauseOpeners = relativePronouns
        + ["as", "because", "while", "although", "though", "whereas", "since", "after", "before", "when", "until"]
    /// The relative pronouns that open a clause after a comma.
    static let relativePronouns = ["which", "who", "where", "whom", "whose"]

    /// Cuts a claim span into clauses that can be true or false on their own: at `;`, at a
    /// spaced dash, before a participle clause after a comma (`…carriages, contributing to
    /// its slow speed`) and before a relative or adverbial clause after a comma (`…station,
    /// where he was greeted by…`). Pieces shorter than four words stay with their neighbour.
    static func clauses(_ span: TextSpan, _ text: DocumentText, _ tokens: [Token], _ range: Range<Int>) -> [TextSpan] {
        let range = slice(span, tokens, range)
        // Cuts: the previous piece ends at `end`, the next starts at `next`; `condition` when the
        // next piece is a condition (`if …`, `unless …`), which asserts nothing and is dropped.
        var cuts = [(end: Int, next: Int, condition: Bool)]()
        var words = 0
        // Word-like tokens from each token to the end of the span (suffix counts).
        var after = [Int](repeating: 0, count: range.count + 1)
        if !range.isEmpty {
            for k in range.reversed() { after[k - range.lowerBound] = after[k - range.lowerBound + 1] + (tokens[k].isWordLike ? 1 : 0) }
        }
        let firstWord = range.first(where: { tokens[$0].isWordLike }).map { clauseWordKinds(text, tokens[$0]) } ?? []
        // A sentence opening with a condition: "If Russia attacks, NATO will respond" → the
        // condition up to its comma is dropped.
        var leadingCondition = !firstWord.isDisjoint(with: [.condition, .concessive])
        var leadingAdjunct = firstWord.contains(.adjunctPreposition)
        var k = range.lowerBound
        var parentheticalEnd = -1
        while k < range.upperBound {
            let t = tokens[k]
            defer { k += 1 }
            guard Int(t.start) > span.start && Int(t.end) < span.end else { if Int(t.start) >= span.start { words += t.isWordLike ? 1 : 0 }; continue }
            if t.isWordLike {
                // A condition inside the sentence ("… would pay a price if it supplies weapons"),
                // and an event adjunct ("… for a summit after the collapse of the talks").
                if t.kind == .word, words >= 4, k + 1 < range.upperBound {
                    let w = clauseWordKinds(text, t)
                    if w.contains(.condition) {
                        cuts.append((Int(tokens[k - 1].end), Int(t.start), true)); words = 0; continue
                    }
                    if w.contains(.eventAdjunct), words >= 5, after[k - range.lowerBound] >= 6,
                       clauseWordKinds(text, tokens[k + 1]).contains(.determiner) {
                        cuts.append((Int(tokens[k - 1].end), Int(t.start), false)); words = 0; continue
                    }
                }
                words += 1; continue
            }
            let b = text.utf8[Int(t.byteStart)]
            if b == 44 && (leadingCondition || leadingAdjunct) {
                // The first comma closes an opening condition or adverbial phrase ("During his
                // journey to the space center, Kim …").
                if leadingCondition {
                    // Nothing before the cut is kept: the whole condition is dropped.
                    cuts.append((span.start, k + 1 < range.upperBound ? Int(tokens[k + 1].start) : Int(t.end), false))
                    words = 0
                } else if words >= 4, k + 1 < range.upperBound, after[k + 1 - range.lowerBound] >= 4 {
                    cuts.append((Int(t.start), Int(tokens[k + 1].start), false)); words = 0
                }
                leadingCondition = false; leadingAdjunct = false
                continue
            }
            // A spaced dash that closes a parenthetical opened by another (`a mobile phone --
            // especially one with a camera -- helps them`) cuts nothing, nor does the one that opens it.
            if t.has(.dash) && t.has(.spaceBefore) {
                if k <= parentheticalEnd { continue }
                if let close = closingDash(after: k, tokens, range) { parentheticalEnd = close; continue }
            }
            guard words >= 4, k + 1 < range.upperBound else { continue }
            let nx = tokens[k + 1]
            var cut = false
            if b == 59 { cut = true }                                   // ;
            else if t.has(.dash) && t.has(.spaceBefore) { cut = true }  // spaced dash
            else if b == 44 && nx.kind == .word && nx.has(.lowercase) { // , + participle or clause
                let w = text.utf8[nx.byteRange]
                cut = w.count > 5 && w.suffix(3).elementsEqual("ing".utf8) && !ingPrepositions.contains(lower(text, nx))
                    || clauseWordKinds(text, nx, verbatim: true).contains(.clauseOpener)
                        && !(k + 2 < range.upperBound && w.elementsEqual("as".utf8) && asPrepositions.contains(lower(text, tokens[k + 2])))
            }
            if cut {
                // The rest must have four words too.
                if after[k + 1 - range.lowerBound] >= 4 {
                    cuts.append((Int(t.start), Int(nx.start), false))
                    words = 0
                }
            }
        }
        guard !cuts.isEmpty else { return [span] }
        var out = [TextSpan]()
        var start = span.start
        var dropping = false
        for c in cuts where c.next > start {
            if !dropping && c.end > start { out.append(TextSpan(start, c.end)) }
            start = c.next
            dropping = c.condition
        }
        if start < span.end && !dropping { out.append(TextSpan(start, span.end)) }
        return out
    }

    /// The spaced dash that closes a parenthetical opened by the spaced dash at `k`: the next one,
    /// at most ``parentheticalWords`` words on, with words after it (not a clause left dangling
    /// at the end of the span).
    static func closingDash(after k: Int, _ tokens: [Token], _ range: Range<Int>) -> Int? {
        var words = 0
        var j = k + 1
        while j < range.upperBound {
            let t = tokens[j]
            if t.has(.dash) && t.has(.spaceBefore) {
                return words >= 1 && (j + 1 ..< range.upperBound).contains(where: { tokens[$0].isWordLike }) ? j : nil
            }
            if t.isWordLike { words += 1; if words > parentheticalWords { return nil } }
            j += 1
        }
        return nil
    }
    static let parentheticalWords = 12

    /// Words after `, as` that make it a preposition, not a clause (`, as opposed to…`, `, as
    /// well as…`, `, as part of…`, `, as of…`).
    static let asPrepositions: Set<String> = ["opposed", "well", "part", "of"]

    /// Words in `-ing` that are prepositions, not participles: `, regarding…`, `, including…`
    /// open no clause (`The descriptions of his testimony, regarding the loan, are not accurate`).
    static let ingPrepositions: Set<String> = ["regarding", "concerning", "including", "excluding", "according", "pending",
                                               "barring", "notwithstanding"]

    /// A noun phrase cut from the relative clause that follows its comma (`Shipments in the
    /// year, | which ended September 30, amounted to 1.5 mln tonnes`, `The company drilled a
    /// second hole, | which assayed…` is not one: the piece before has its verb) is one piece with
    /// it: alone, the phrase asserts nothing and the clause says it of nothing.
    static func joiningVerblessHeads(_ units: [(Int?, TextSpan)], _ text: DocumentText, _ tokens: [Token],
                                     _ sentence: Range<Int>) -> [(Int?, TextSpan)] {
        guard units.count >= 2 else { return units }
        var out = [(Int?, TextSpan)]()
        out.reserveCapacity(units.count)
        for u in units {
            if let last = out.last, last.0 == u.0 {
                let next = slice(u.1, tokens, sentence), head = slice(last.1, tokens, sentence)
                if let first = next.first, first > sentence.lowerBound, !head.isEmpty, head.upperBound <= first,
                   text.utf8[Int(tokens[first - 1].byteStart)] == 44, tokens[first].kind == .word, tokens[first].has(.lowercase),
                   clauseWordKinds(text, tokens[first], verbatim: true).contains(.relativePronoun),
                   !ClaimPredicate.holds(text, tokens, head, opensSentence: head.lowerBound == sentence.lowerBound) {
                    out[out.count - 1].1 = TextSpan(last.1.start, u.1.end)
                    continue
                }
            }
            out.append(u)
        }
        return out
    }

    /// Words before `one` that make it a pronoun (`no one`, `any one`), not a number.
    static let indefiniteOnes: Set<String> = ["no", "any", "every", "each", "some"]

    /// Words opening a condition: what follows asserts nothing on its own.
    static let conditionWords: Set<String> = ["if", "unless"]
    /// Words opening a concession at the head of a sentence (`Whatever we think about the war,
    /// …`), dropped up to its comma as a condition is; inside a sentence they open an object
    /// (`do whatever it takes`).
    static let concessiveWords: Set<String> = ["whatever", "whoever", "whichever", "wherever", "whenever"]
    /// Prepositions opening an adverbial phrase at the head of a sentence.
    /// (Not `in`, `on`, `at`: those phrases often carry the claim's time or place.)
    static let adjunctPrepositions: Set<String> = ["during", "amid", "despite", "following", "throughout", "upon", "after", "before"]
    /// Prepositions that, before a determiner inside a sentence, introduce another event
    /// (`… for a summit with Mr Putin after the collapse of the talks`).
    static let eventAdjuncts: Set<String> = ["after", "following", "amid"]
    static let determiners: Set<String> = ["the", "a", "an", "his", "her", "its", "their"]

    /// Which of the word lists of ``clauses(_:_:_:_:)`` a word is in.
    struct ClauseWordKinds: OptionSet {
        let rawValue: UInt8
        static let condition = ClauseWordKinds(rawValue: 1)
        static let adjunctPreposition = ClauseWordKinds(rawValue: 2)
        static let eventAdjunct = ClauseWordKinds(rawValue: 4)
        static let determiner = ClauseWordKinds(rawValue: 8)
        static let clauseOpener = ClauseWordKinds(rawValue: 16)
        static let concessive = ClauseWordKinds(rawValue: 32)
        static let relativePronoun = ClauseWordKinds(rawValue: 64)
    }

    /// The lists above by their (ASCII, lower-case) bytes.
    static let clauseWordTable: ByteTable<ClauseWordKinds> = {
        var kinds = [String: ClauseWordKinds]()
        for w in conditionWords { kinds[w, default: []].insert(.condition) }
        for w in concessiveWords { kinds[w, default: []].insert(.concessive) }
        for w in adjunctPrepositions { kinds[w, default: []].insert(.adjunctPreposition) }
        for w in eventAdjuncts { kinds[w, default: []].insert(.eventAdjunct) }
        for w in determiners { kinds[w, default: []].insert(.determiner) }
        for w in clauseOpeners { kinds[w, default: []].insert(.clauseOpener) }
        for w in relativePronouns { kinds[w, default: []].insert(.relativePronoun) }
        var t = ByteTable<ClauseWordKinds>(foldCase: false, capacity: 64)
        for (w, k) in kinds { t.insert(w, k) }
        return t
    }()

    /// The lists holding the lower-cased token (``lower(_:_:)``), or with `verbatim` its exact
    /// text (the clause openers are matched on the text as written). Without building the
    /// string when the token is ASCII; a token with other bytes goes through the `String`
    /// comparisons, as before.
    static func clauseWordKinds(_ text: DocumentText, _ t: Token, verbatim: Bool = false) -> ClauseWordKinds {
        let s = Int(t.byteStart), e = Int(t.byteEnd)
        let found: ClauseWordKinds?? = text.utf8.withUnsafeBufferPointer { p in
            if e - s > 10 { return .some(nil) }   // longer than any word of the lists
            var folded = (UInt64(0), UInt64(0))
            var i = s
            while i < e {
                var b = p[i]
                if b >= 0x80 { return nil }
                if !verbatim && b >= 65 && b <= 90 { b |= 0x20 }
                withUnsafeMutableBytes(of: &folded) { $0[i - s] = b }
                i += 1
            }
            return withUnsafeBytes(of: &folded) { raw in
                .some(clauseWordTable.value(raw.bindMemory(to: UInt8.self), 0, e - s))
            }
        }
        if let found { return found ?? [] }
        let w = verbatim ? text.text(t) : lower(text, t)
        var k: ClauseWordKinds = []
        if conditionWords.contains(w) { k.insert(.condition) }
        if concessiveWords.contains(w) { k.insert(.concessive) }
        if adjunctPrepositions.contains(w) { k.insert(.adjunctPreposition) }
        if eventAdjuncts.contains(w) { k.insert(.eventAdjunct) }
        if determiners.contains(w) { k.insert(.determiner) }
        if clauseOpeners.contains(where: { w.utf8.elementsEqual($0.utf8) }) { k.insert(.clauseOpener) }
        if relativePronouns.contains(where: { w.utf8.elementsEqual($0.utf8) }) { k.insert(.relativePronoun) }
        return k
    }

    static func sentenceIndexes(overlapping c: TextSpan, _ sentences: [Sentence]) -> [Int] {
        // Binary search for the first sentence ending after c.start.
        var lo = 0, hi = sentences.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sentences[mid].span.end <= c.start { lo = mid + 1 } else { hi = mid }
        }
        var out = [Int]()
        var s = lo
        while s < sentences.count && sentences[s].span.start < c.end { out.append(s); s += 1 }
        return out
    }

    /// Lower-cased text of a token (curly apostrophes straightened).
    @inline(__always)
    static func lower(_ text: DocumentText, _ t: Token) -> String {
        if !t.has(.nonASCII) {
            let range = t.byteRange
            return text.utf8.withUnsafeBufferPointer { p in
                String(unsafeUninitializedCapacity: range.count) { out in
                    for (k, i) in range.enumerated() { let b = p[i]; out[k] = b >= 65 && b <= 90 ? b | 0x20 : b }
                    return range.count
                }
            }
        }
        return ClaimLexicon.fold(text.text(t))
    }

    /// Entity types whose names keep their words as terms (see ``fill``).
    @inline(__always)
    static func isDescriptiveNameType(_ t: EntityType) -> Bool { t == .facility || t == .loc || t == .gpe }
    static let venueWords: Set<String> = ["place", "venue", "location", "site", "host"]
    static let placeTypes: Set<EntityType> = [.gpe, .loc, .facility]
    static let actorTypes: Set<EntityType> = [.person, .org, .gpe, .norp]

    /// The most tokens of one claim that are normalized (see ``fill``).
    static let maxClaimTokens = 256

    /// Per entity of a document: whether its name is a country or region (``ClaimLexicon/coarsePlaces``),
    /// worked out on first use.
    struct CoarsePlaces {
        var known: [UInt8]   // 0 = not yet, 1 = no, 2 = yes
        init(_ entityCount: Int) { known = [UInt8](repeating: 0, count: entityCount) }
        mutating func isCoarse(_ i: Int, _ e: DocumentEntity, _ lex: ClaimLexicon) -> Bool {
            if known[i] == 0 {
                let coarse = lex.coarsePlaces.contains(e.canonicalName.lowercased()) || lex.coarsePlaces.contains((e.knownName ?? "").lowercased())
                known[i] = coarse ? 2 : 1
            }
            return known[i] == 2
        }
    }

    /// Prepositions that open an adjunct (`in the Gulf today`), with the participles that serve as
    /// prepositions (`following their responses to the flood`, `including one on the eve of…`).
    static let prepositions = Set<String>(["in", "at", "on", "to", "for", "from", "with", "by", "of", "into", "over", "under",
                                           "during", "after", "before", "amid", "despite", "since", "until", "about", "against"])
        .union(participlePrepositions)
    /// Participles used as prepositions: opening a piece, they make no predicate of it.
    static let participlePrepositions: Set<String> = ["following", "including", "regarding", "concerning", "according",
                                                      "excluding", "pending", "barring"]

    /// Relative pronouns whose clause, after a comma, is about the name before it: `who` and
    /// `whose` of a person or an organisation, `which` of an organisation.
    static let relativeHolderWords: [String: EntityType] = ["who": .person, "whose": .person, "which": .org]

    /// Pronouns by which what an organisation says refers to the organisation itself.
    static let organisationSelf: Set<String> = ["it", "its", "we", "our"]

    /// True when the words (lower case) hold a pronoun by which a source of type `type` refers to
    /// itself. Organisations only: a person's pronouns (`he said he would`) were measured too, and
    /// merged stories of one speaker's different events (BASIL B-cubed 0.963 → 0.957), as a
    /// frequent speaker's entity then weighs in every story vector.
    static func refersToItsSource(_ words: [String], _ type: EntityType) -> Bool {
        type == .org && words.contains { organisationSelf.contains($0) }
    }

    static func fill(_ claim: inout Claim, _ text: DocumentText, _ tokens: [Token], _ range: Range<Int>,
                     _ mentionIdx: [Int], _ analysis: DocumentAnalysis, _ lex: ClaimLexicon, _ coarse: inout CoarsePlaces) {
        let span = claim.span
        // Tokens inside the claim.
        var toks = [Int]()
        toks.append(contentsOf: slice(span, tokens, range))
        // A claim's normalized form comes from at most its first `maxClaimTokens` tokens: news
        // sentences are far shorter, and the bound keeps one enormous sentence (thousands of
        // overlapping statements on one line) linear instead of quadratic.
        if toks.count > maxClaimTokens { toks.removeLast(toks.count - maxClaimTokens) }
        let words = toks.map { lower(text, tokens[$0]) }

        // Entities inside the claim, with the claim tokens they cover. The words of a name are
        // not terms: the entity key stands for them, so `Kim Jong Un` and `Mr. Kim` (one
        // entity) weigh the same, and two claims that merely name the same people and
        // organisations are not counted alike several times over (entity key, then each word
        // of the name). Places smaller than a country or region keep their words: their names
        // are partly descriptive and cut differently by sources (`the Khasan border station`,
        // `the border station of Khasan`).
        var ents = Set<Int>()
        var inside = [(mention: EntityMention, tokenPos: Int, endPos: Int)]()
        var nameToken = [Bool](repeating: false, count: toks.count)
        // Mentions are in text order: start at the first one at or after the span.
        var first = 0, last = mentionIdx.count
        while first < last {
            let mid = (first + last) / 2
            if analysis.mentions[mentionIdx[mid]].span.start < span.start { first = mid + 1 } else { last = mid }
        }
        for k in mentionIdx[first...] {
            let m = analysis.mentions[k]
            if m.span.start >= span.end { break }
            guard span.contains(m.span) else { continue }
            ents.insert(m.entity)
            let pos = tokenPosition(atOrAfter: m.span.start, toks, tokens)
            var end = pos
            while end < toks.count && Int(tokens[toks[end]].end) <= m.span.end { end += 1 }
            inside.append((m, pos, end))
            let e = analysis.entities[m.entity]
            let keepsWords = isDescriptiveNameType(e.type)
                && !(e.type == .gpe && coarse.isCoarse(m.entity, e, lex))
            if !keepsWords { for q in pos..<end { nameToken[q] = true } }
        }
        // An attributed claim by which an organisation refers to itself is about the organisation
        // (`Ardent Corp said it has filed a shelf registration`): the source is its holder, so
        // that the same words of two companies are two claims.
        if let k = claim.statement, let who = analysis.statements[k].speakerEntity, analysis.entities.indices.contains(who) {
            if refersToItsSource(words, analysis.entities[who].type) {
                ents.insert(who)
                claim.holder = who
            } else if analysis.entities[who].type == .person ? words.first == "its" : words.contains(where: { organisationSelf.contains($0) }) {
                // A country, or a firm typed otherwise (`Iraq said its forces…`, `Citicorp said its
                // board…`: no person says `its` of itself), holds what it says of itself too, as a
                // holder only (its entity does not join the claim's, which weigh in the stories).
                claim.holder = who
            }
        }
        // A relative clause cut from its sentence (`Felipe Calderón, who was president from 2006
        // to 2012, …`) asserts something of the name it follows: a person or an organisation
        // (`which` for organisations only) is its holder, so that the same clause about two
        // people is two claims.
        if let head = toks.first, head >= 2, tokens[head - 1].kind == .punctuation, text.utf8[Int(tokens[head - 1].byteStart)] == 44,
           let kind = relativeHolderWords[words[0]],
           let m = mentionIdx.last(where: { k in
               let sp = analysis.mentions[k].span
               return sp.end <= Int(tokens[head - 1].start) && sp.end >= Int(tokens[head - 2].start)
           }).map({ analysis.mentions[$0] }), analysis.entities.indices.contains(m.entity) {
            let type = analysis.entities[m.entity].type
            if type == .org || (kind == .person && type == .person) { ents.insert(m.entity); claim.holder = m.entity }
        }
        claim.entities = ents.sorted()
        claim.mood = ClaimPredicate.mood(text, tokens, toks)

        var termAt = [(pos: Int, base: String)]()
        var negators = [Int]()
        var consumed = [Bool](repeating: false, count: toks.count)
        var predicates = [(pos: Int, pred: ClaimLexicon.Predicate)]()
        var datePos = [Int]()

        var p = 0
        while p < toks.count {
            let t = tokens[toks[p]]
            let w = words[p]
            if consumed[p] { p += 1; continue }
            // Two-word predicate forms (take place, en route).
            let wi = lex.wordIndex(w)
            // The entry's fields are read in place (`lex.wordTable.values[wi]`), never copied.
            let isStop = wi.map { lex.wordTable.values[$0].isStop } ?? false
            let isNegation = wi.map { lex.wordTable.values[$0].isNegation } ?? false
            let number = wi.flatMap { lex.wordTable.values[$0].number }
            let date = wi.flatMap { lex.wordTable.values[$0].date }
            if p + 1 < toks.count, let wi, !lex.wordTable.values[wi].pairs.isEmpty, let pr = lex.wordTable.values[wi].pairs[words[p + 1]] {
                predicates.append((p, pr))
            } else if let wi, let pr = lex.wordTable.values[wi].predicate {
                predicates.append((p, pr))
            }
            // A quarter or a half of a year (`the third quarter`, `4th qtr`, `first half`): the
            // period a result or a plan is of, read as a measure so that two periods differ.
            // (Only an ordinal word or a number token can open one: no look-up for other words.)
            if number?.1 == .ordinal || t.kind == .number, let (period, used) = readPeriod(p, toks, words, tokens, lex) {
                claim.quantities.append(period)
                for q in p..<(p + used) { consumed[q] = true }
                p += used
                continue
            }
            if t.kind == .number || (t.kind == .word && (number?.1 == .number || (t.has(.hyphenated) && lex.numbers[String(w.prefix { $0 != "-" })] != nil)))
                || (t.kind == .symbol && lex.units[w] != nil) {
                let datesBefore = claim.dates.count
                if let used = readNumber(p, toks, words, tokens, text, lex, &claim) {
                    for q in p..<min(toks.count, p + used) { consumed[q] = true }
                    if claim.dates.count > datesBefore { datePos.append(p) }
                    p += max(1, used)
                    continue
                }
            }
            if t.kind == .word {
                // "has yet to respond" = has not responded.
                let yetTo = w == "yet" && p > 0 && p + 1 < toks.count && words[p + 1] == "to" && auxiliaries.contains(words[p - 1])
                if isNegation || yetTo {
                    // "not only … but also" asserts both.
                    if w == "not", p + 1 < toks.count, notOnly.contains(words[p + 1]) { p += 1; continue }
                    claim.negated = true; negators.append(p); p += 1; continue
                }
                if let (kind, v) = date {
                    let capital = t.has(.capitalized)
                    switch kind {
                    case .weekday where capital:
                        var d = ClaimDate(weekday: v, span: t.span)
                        d.future = isFuture(before: p, words, tokens, toks)
                        claim.dates.append(d); datePos.append(p); p += 1; continue
                    case .relative:
                        claim.dates.append(ClaimDate(relativeDays: v, span: t.span)); datePos.append(p); p += 1; continue
                    case .month where capital && (w.count > 3 || t.has(.abbreviation) || p + 1 < toks.count && tokens[toks[p + 1]].kind == .number):
                        var d = ClaimDate(month: v, span: t.span)
                        // `last August` and `met in August`: the last August; `next August`, `will meet
                        // in August` and `plans to meet in August`: the coming one.
                        let last = p > 0 && (words[p - 1] == "last" || words[p - 1] == "past")
                        d.future = !last && (claim.mood == .prospective || isFuture(before: p, words, tokens, toks))
                        d.past = last || (!d.future && claim.mood == .past)
                        var q = p + 1
                        var end = t.end
                        if q < toks.count, tokens[toks[q]].kind == .number, let day = Int(words[q]), (1...31).contains(day) {
                            d.day = day; end = tokens[toks[q]].end; q += 1
                            if q < toks.count, words[q] == "," { q += 1 }
                        }
                        if q < toks.count, tokens[toks[q]].kind == .number, let y = Int(words[q]), (1800...2100).contains(y) {
                            d.year = y; end = tokens[toks[q]].end; q += 1
                        }
                        d.span = TextSpan(Int(t.start), Int(end))
                        claim.dates.append(d); datePos.append(p)
                        for r in p..<q { consumed[r] = true }
                        p = q
                        continue
                    default: break
                    }
                }
                if !isStop && w.utf8.count > 1 && !nameToken[p] {
                    let r = ClaimNormalizer.reduce(w, lex)
                    let (base, isStop) = lex.term(r, next: p + 1 < toks.count ? words[p + 1] : nil)
                    if !isStop { termAt.append((p, base)) }
                }
            }
            p += 1
        }

        // Negation scope: the terms a negation denies are marked (`¬pay`), so the disagreement
        // finder can tell "Mexico will not pay for the wall" from "Mexico will pay for the
        // wall" by the very terms denied. A negation is scoped only when its clause names what
        // it is about (an entity or a content word before it: "Mexico will not …"); "Those are
        // not …" or "I wouldn't …" stay negated without marked terms.
        var marked = Set<Int>()
        // (Built only for claims with a negation: most have none.)
        lazy var termPositions = Set(termAt.map(\.pos))
        lazy var entityStarts = Set(inside.map(\.tokenPos))
        func hasSubject(_ range: Range<Int>) -> Bool {
            range.contains { termPositions.contains($0) || entityStarts.contains($0) }
        }
        var deniedEntities = Set<Int>()
        func deny(_ scope: Range<Int>) {
            for q in scope where termPositions.contains(q) { marked.insert(q) }
            for m in inside where scope.contains(m.tokenPos) { deniedEntities.insert(m.mention.entity) }
        }
        for n in negators where !negationWithoutScope.contains(words[n]) {
            var q = n - 1
            while q >= 0 && !isClauseBoundary(q, words, tokens, toks) && words[q] != "that" { q -= 1 }
            // A negation inside a condition or an open question asserts nothing ("if they don't pass the bill").
            if q >= 0 && hypotheticalWords.contains(words[q]) { continue }
            guard hasSubject((q + 1)..<n) else { continue }
            var r = n + 1
            if denialVerbs.contains(words[n]), r < toks.count, words[r] == "that" { r += 1 }
            let scopeStart = r
            while r < toks.count && !isClauseBoundary(r, words, tokens, toks) { r += 1 }
            // "dismissed his politics as phony" disparages, it does not deny.
            if denialVerbs.contains(words[n]) && r < toks.count && words[r] == "as" { continue }
            deny(scopeStart..<r)
        }
        // An attributed claim is negated by its reporting clause too ("denied that …",
        // "has not confirmed …"): look at the cue and the few words before it. The whole
        // proposition after its subject is then denied.
        if !claim.negated, let si = claim.statement, analysis.statements.indices.contains(si), let cue = analysis.statements[si].cue {
            var k = max(range.lowerBound, slice(TextSpan(cue.start, max(cue.start, cue.end)), tokens, range).lowerBound - 3)
            var before = [Int]()
            var denialVerb = false
            while k < range.upperBound && Int(tokens[k].start) < cue.end {
                let w = lower(text, tokens[k])
                if Int(tokens[k].end) <= cue.start { before.append(k) } else if lex.isNegation(w) { claim.negated = true; denialVerb = denialVerb || denialVerbs.contains(w) }
                k += 1
            }
            for b in before.suffix(3) where lex.isNegation(lower(text, tokens[b])) { claim.negated = true }
            // "dismissed Obama's politics as being based in …" disparages, it does not deny.
            let disparages = denialVerb && words.prefix(12).contains("as")
            if claim.negated, !disparages, let subjectEnd = reportedSubjectEnd(words, inside.map { ($0.tokenPos, $0.endPos) }, termPositions),
               hasSubject(0..<subjectEnd) {
                deny(subjectEnd..<toks.count)
            }
        }
        // A denied term is kept, and marked by a second term (`pay` and `¬pay`), unless the claim
        // also states it outside the denial; a denied entity adds a marked entity key
        // (`¬e:islam`). The plain terms keep the claim comparable with what it denies.
        var terms = termAt.map(\.base)
        if !marked.isEmpty {
            let plainBases = Set(termAt.filter { !marked.contains($0.pos) }.map(\.base))
            for t in termAt where marked.contains(t.pos) && !plainBases.contains(t.base) { terms.append(negatedTermPrefix + t.base) }
        }
        for e in deniedEntities { terms.append(negatedTermPrefix + ClaimKey.entity(ClaimKey.entityKey(analysis.entities[e]))) }
        // Sorted, each once.
        terms.sort()
        var unique = 0
        for t in terms.indices where unique == 0 || terms[t] != terms[unique - 1] { terms[unique] = terms[t]; unique += 1 }
        terms.removeLast(terms.count - unique)
        claim.terms = terms

        // Frames of a claim that names a year (`his 2019 summit … in Vladivostok`) are about the
        // event of that year: their topic carries the year, so they are compared only with
        // frames of the same year, never with the event the story is about.
        let years = Set(claim.dates.compactMap(\.year)).sorted()
        let topicSuffix = years.isEmpty ? "" : " " + years.map(String.init).joined(separator: "/")

        // Frames.
        guard !predicates.isEmpty else { return }
        var frames = Set<ClaimFrame>()
        for (pos, pr) in predicates {
            let name = pr.name + topicSuffix
            if pr.roles.contains("time") {
                // The time of the event: a date near its predicate, not a bound ("as early as
                // Tuesday", "before Friday", "until 2020").
                for d in claim.dates.indices where datePos.indices.contains(d) && abs(datePos[d] - pos) <= 12
                    && !isTimeBound(before: datePos[d], words) {
                    frames.insert(ClaimFrame(predicate: name, role: .time, value: d, span: claim.dates[d].span))
                }
            }
            if pr.roles.contains("at") || pr.roles.contains("toward") || pr.roles.contains("away") {
                for (m, mpos, _) in inside where placeTypes.contains(analysis.entities[m.entity].type) {
                    let e = analysis.entities[m.entity]
                    if coarse.isCoarse(m.entity, e, lex) { continue }
                    var found = placeRole(before: mpos, words)
                    // "X … the meeting place / venue": the place is the subject.
                    if found == nil, mpos < pos, pr.roles.contains("at"),
                       venueWords.contains(words[pos]) || (pos + 1 < words.count && venueWords.contains(words[pos + 1])) {
                        found = (.at, mpos)
                    }
                    guard let (role, startTok) = found, startTok < toks.count else { continue }
                    guard pr.roles.contains(role.rawValue) else { continue }
                    // The place must be near its predicate (same clause, roughly; an event's
                    // place may sit further away: "Putin, who was at X, … awaited Kim for the summit").
                    guard abs(mpos - pos) <= (role == .at ? 30 : 12) else { continue }
                    let a = min(Int(tokens[toks[startTok]].start), m.span.start)
                    frames.insert(ClaimFrame(predicate: name, role: role, value: m.entity, span: TextSpan(a, m.span.end)))
                }
            }
            if pr.roles.contains("direction") {
                let actors = inside.filter { actorTypes.contains(analysis.entities[$0.mention.entity].type) }
                guard let agent = actors.last(where: { $0.tokenPos < pos && pos - $0.tokenPos <= 4 }),
                      let patient = actors.first(where: { $0.tokenPos > pos && $0.tokenPos - pos <= 3 }),
                      agent.mention.entity != patient.mention.entity else { continue }
                if words[agent.tokenPos..<pos].contains(",") { continue }
                frames.insert(ClaimFrame(predicate: name, role: .direction, value: agent.mention.entity,
                                         other: patient.mention.entity,
                                         span: TextSpan(agent.mention.span.start, patient.mention.span.end)))
            }
        }
        claim.frames = frames.sorted { ($0.span, $0.predicate, $0.role.rawValue, $0.value) < ($1.span, $1.predicate, $1.role.rawValue, $1.value) }
    }

    /// Prefix of the marker of a term denied by a negation in the claim (`¬pay`, next to the
    /// term `pay` itself); an entity in the scope of a negation adds the prefix and its entity
    /// key (`¬e:islam`, see ``ClaimKey/entityKey(_:)``).
    public static let negatedTermPrefix = "\u{AC}"
    /// Words opening a clause that asserts nothing: a negation inside it is not a denial.
    static let hypotheticalWords: Set<String> = ["if", "unless", "whether"]
    static let notOnly: Set<String> = ["only", "just", "merely", "simply"]
    /// Negation words that deny what precedes them ("the story is false"): no scope after them.
    static let negationWithoutScope: Set<String> = ["false", "untrue"]
    /// Negation verbs whose object, or `that` clause, is what they deny.
    static let denialVerbs: Set<String> = ["deny", "denies", "denied", "denying", "refute", "refuted", "rejects", "rejected", "dismissed"]
    /// Words that open another clause: a negation does not reach past them.
    static let clauseWords: Set<String> = ["and", "but", "or", "while", "because", "although", "though", "whereas", "unless",
                                           "if", "which", "who", "whom", "whose", "where", "when", "since", "as", "so"]
    /// Auxiliaries and copulas: in a reported proposition, what comes before the first one is its subject.
    static let auxiliaries: Set<String> = ["will", "would", "is", "are", "was", "were", "has", "have", "had", "can", "could",
                                           "may", "might", "should", "must", "did", "does", "do", "shall", "'ll", "’ll"]

    static func isClauseBoundary(_ q: Int, _ words: [String], _ tokens: [Token], _ toks: [Int]) -> Bool {
        let t = tokens[toks[q]]
        if t.kind == .punctuation {
            let w = words[q]
            return w == "," || w == ";" || w == ":" || w == "(" || w == ")" || w == "." || w == "?" || w == "!" || t.has(.dash)
        }
        return clauseWords.contains(words[q])
    }

    /// Where the subject of a reported proposition ends (claim token index): before its first
    /// auxiliary (`that Mexico | will pay`), else after an entity it opens with; nil when unclear.
    static func reportedSubjectEnd(_ words: [String], _ mentions: [(start: Int, end: Int)], _ terms: Set<Int>) -> Int? {
        var q = 0
        if q < words.count && words[q] == "that" { q += 1 }
        let start = q
        while q < words.count && q < start + 10 {
            if auxiliaries.contains(words[q]) { return q > start ? q : nil }
            if words[q] == "," || words[q] == ";" { break }
            q += 1
        }
        if let m = mentions.first(where: { $0.start == start }) { return m.end }
        return nil
    }

    /// True when the words before a date make it a bound, not the time of the event.
    static func isTimeBound(before pos: Int, _ words: [String]) -> Bool {
        guard pos > 0 else { return false }
        var q = pos - 1
        if words[q] == "on" || words[q] == "the", q > 0 { q -= 1 }
        switch words[q] {
        case "before", "after", "until", "till", "since", "by", "from", "between", "through", "ahead": return true
        case "as": return q > 0 && ["early", "late", "soon"].contains(words[q - 1])
        default: return false
        }
    }

    /// True when a weekday refers forward: `next Tuesday`, or a future auxiliary before it in
    /// its clause (`will meet with Sanders on Thursday`).
    static func isFuture(before pos: Int, _ words: [String], _ tokens: [Token], _ toks: [Int]) -> Bool {
        guard pos > 0 else { return false }
        if ["next", "coming", "upcoming"].contains(words[pos - 1]) { return true }
        if words[pos - 1] == "last" || words[pos - 1] == "past" { return false }
        var q = pos - 1
        while q >= 0 && q >= pos - 10 {
            let w = words[q]
            if w == "will" || w == "'ll" || w == "’ll" || w == "shall" { return true }
            if w == "," || w == ";" || w == "and" || w == "but" || w == "." { return false }
            q -= 1
        }
        return false
    }

    /// The first claim token starting at or after `offset`.
    static func tokenPosition(atOrAfter offset: Int, _ toks: [Int], _ tokens: [Token]) -> Int {
        var lo = 0, hi = toks.count
        while lo < hi { let mid = (lo + hi) / 2; if Int(tokens[toks[mid]].start) < offset { lo = mid + 1 } else { hi = mid } }
        return lo
    }

    /// The role a preposition before a place gives it: `in`/`at` → at; `to`/`towards` → toward;
    /// `away from`/`past` → away. Looks back over `the`, `of` and a few words (`the city of`).
    static func placeRole(before pos: Int, _ words: [String]) -> (ClaimFrame.Role, Int)? {
        var q = pos - 1
        var skipped = 0
        while q >= 0 && skipped <= 4 {
            switch words[q] {
            case "in", "at", "inside": return (.at, q)
            case "to", "towards", "toward", "into": return (.toward, q)
            case "past": return (.away, q)
            case "from":
                if q > 0 && words[q - 1] == "away" { return (.away, q - 1) }
                return nil
            case ",", ".", ";", ":", "(", ")", "near", "with", "and", "or", "by", "than", "between", "for", "on", "across", "outside", "'s", "’s":
                return nil
            default:
                skipped += 1
                q -= 1
            }
        }
        return nil
    }

    /// Reads a quantity starting at claim token `p`; returns the number of claim tokens used,
    /// or nil when it is no quantity (then the words are ordinary terms). Years become dates.
    static func readNumber(_ p: Int, _ toks: [Int], _ words: [String], _ tokens: [Token], _ text: DocumentText,
                           _ lex: ClaimLexicon, _ claim: inout Claim) -> Int? {
        var q = p
        var unit: String? = nil
        var factor = 1.0
        var currency = false
        // Currency symbol before the number.
        if tokens[toks[q]].kind == .symbol || (tokens[toks[q]].kind == .word && lex.units[words[q]]?.first?.unit.count == 3 && words[q].count <= 3 && q + 1 < toks.count && tokens[toks[q + 1]].kind == .number) {
            guard let u = lex.units[words[q]]?.first(where: { $0.words.count == 1 }), u.unit.count == 3,
                  q + 1 < toks.count, tokens[toks[q + 1]].kind == .number || lex.numbers[words[q + 1]]?.1 == .number else { return nil }
            unit = u.unit; factor = u.factor; currency = true
            q += 1
        }
        guard q < toks.count else { return nil }
        let startTok = tokens[toks[q]]
        var value: Double
        var glued = ""
        var plainInteger = false
        if startTok.kind == .number {
            guard let (v, rest, integer) = parseDigits(words[q]) else { return nil }
            value = v; glued = rest; plainInteger = integer && !words[q].utf8.contains(0x2C)   // a `,` in a number token precedes a digit: a Character of its own
            q += 1
        } else if let (v, k) = lex.numbers[words[q]], k == .number {
            // `no one`, `any one`, `every one` are nobody and anybody, not a count.
            if words[q] == "one", q > 0, indefiniteOnes.contains(words[q - 1]) { return nil }
            value = v
            q += 1
            // "twenty five", "twenty-five" (the tokenizer keeps hyphenated words whole).
            if q < toks.count, let (v2, k2) = lex.numbers[words[q]], k2 == .number, v2 < 10, value >= 20, value < 100 {
                value += v2; q += 1
            }
        } else if words[q].contains("-") {
            let parts = words[q].split(separator: "-").map(String.init)
            guard parts.count == 2, let a = lex.numbers[parts[0]], let b = lex.numbers[parts[1]], a.1 == .number, b.1 == .number else { return nil }
            value = a.0 + b.0
            q += 1
        } else {
            return nil
        }
        // Glued suffix: 1.2bn, 37mph, 122mm, 5th, 1990s.
        if !glued.isEmpty {
            if let (s, k) = lex.numbers[glued], k == .scale, glued != "m" || currency {
                value *= s
            } else if let u = lex.units[glued]?.first(where: { $0.words.count == 1 }), unit == nil {
                unit = u.unit; factor = u.factor
            } else if glued == "m" {
                unit = "m"
            } else {
                return nil  // ordinals, decades, times: ordinary terms
            }
        }
        // Scale words after the number: "1.2 million", "$5 bn".
        while q < toks.count, let (s, k) = lex.numbers[words[q]], k == .scale, words[q] != "m" || currency || unit != nil {
            value *= s
            q += 1
        }
        // Unit after the number (multi-word forms first); a hyphen may join them ("37-mile").
        if unit == nil || currency {
            var r = q
            if r < toks.count && words[r] == "-" { r += 1 }
            if r < toks.count, let forms = lex.units[words[r]] {
                for f in forms where r + f.words.count <= toks.count && Array(words[r..<(r + f.words.count)]) == f.words {
                    if currency && f.unit.count != 3 { break }
                    if f.words == ["m"] && value >= 1000 { break }
                    unit = f.unit; factor = f.factor
                    q = r + f.words.count
                    break
                }
            }
        }
        let end = Int(tokens[toks[q - 1]].end)
        let span = TextSpan(Int(tokens[toks[p]].start), end)
        if unit == nil && plainInteger && value >= 1800 && value <= 2100 {
            claim.dates.append(ClaimDate(year: Int(value), span: span))
            return q - p
        }
        var noun = ""
        if unit == nil {
            // The counted noun: the last word of the lower-case run after the number.
            var r = q
            var last = ""
            while r < toks.count && r < q + 3 && tokens[toks[r]].kind == .word && !lex.stop.contains(words[r])
                    && tokens[toks[r]].has(.lowercase) && !timeAfterCount.contains(words[r]) && !(r > q && endsCountedNoun(r, toks, tokens, text)) {
                last = words[r]; r += 1
            }
            if !last.isEmpty { let b = ClaimNormalizer.reduce(last, lex); noun = lex.synonyms[b] ?? b }
        }
        claim.quantities.append(Quantity(value: value * factor, unit: unit ?? "", noun: noun, span: span))
        return q - p
    }

    /// True when claim token `r`, after the first word of the run following a number, is the verb
    /// of the clause rather than part of the counted noun: a past form (`3,000 people killed`,
    /// `the attacks killed`), an `-ing` form (`ten people fleeing`), or a bare present form after a
    /// plural (`victims sue`). The first word may be such a form (`37 armoured vehicles`).
    static func endsCountedNoun(_ r: Int, _ toks: [Int], _ tokens: [Token], _ text: DocumentText) -> Bool {
        let t = tokens[toks[r]]
        return text.utf8.withUnsafeBufferPointer { p in
            let s = Int(t.byteStart), e = Int(t.byteEnd)
            if ClaimPredicate.isRegularPast(p, t) || ClaimPredicate.irregularPast.find(p, s, e) != nil { return true }
            if ClaimPredicate.endsInIng(p, s, e) && ClaimPredicate.notVerbs.find(p, s, e) == nil { return true }
            return ClaimPredicate.presentForms.find(p, s, e) != nil && ClaimPredicate.isPluralSubject(p, tokens[toks[r - 1]])
        }
    }

    /// The ordinals written with digits that a period takes (`4th qtr`).
    static let digitOrdinals: [String: Double] = ["1st": 1, "2nd": 2, "3rd": 3, "4th": 4]

    /// A quarter or a half of a year at claim token `p`: an ordinal (`third`, `3rd`), maybe
    /// `fiscal`, then `quarter`, `qtr` or `half` — a measure in the unit `quarter` or `half` whose
    /// value is the ordinal (`the third quarter` = 3 quarter), and the number of tokens used.
    static func readPeriod(_ p: Int, _ toks: [Int], _ words: [String], _ tokens: [Token], _ lex: ClaimLexicon) -> (Quantity, Int)? {
        guard p + 1 < toks.count else { return nil }
        let value: Double
        if let (v, k) = lex.numbers[words[p]], k == .ordinal { value = v } else if let v = digitOrdinals[words[p]] { value = v } else { return nil }
        var q = p + 1
        if words[q] == "fiscal", q + 1 < toks.count { q += 1 }
        let unit: String
        switch words[q] {
        case "quarter", "qtr": unit = "quarter"
        case "half": unit = "half"
        default: return nil
        }
        guard value >= 1, value <= (unit == "half" ? 2 : 4) else { return nil }
        return (Quantity(value: value, unit: unit, span: TextSpan(Int(tokens[toks[p]].start), Int(tokens[toks[q]].end))), q + 1 - p)
    }

    /// Words that open a time after a count, not its noun (`5 million barrels last month`, `two
    /// weeks ago`).
    static let timeAfterCount: Set<String> = ["last", "next", "ago", "earlier", "later", "apiece"]

    /// Denominators of the fractions news writes with a slash (`1/2`, `2/3`, `5/8`, `15/16`,
    /// `1/32`): other slashed pairs are names or dates (`9/11`, `7/7`).
    static let fractionDenominators: Set<Double> = [2, 3, 4, 5, 8, 10, 16, 32, 64]

    /// Digits with `,` thousands separators and a `.` decimal point, then any glued letters.
    static func parseDigits(_ w: String) -> (Double, String, Bool)? {
        var intPart: Double = 0
        var frac: Double = 0
        var scale = 1.0
        var seenDot = false
        var digits = 0
        var rest = Substring("")
        let u = Array(w.utf8)
        var i = 0
        while i < u.count {
            let c = u[i]
            if c >= 48 && c <= 57 {
                digits += 1
                if seenDot { scale /= 10; frac += Double(c - 48) * scale } else { intPart = intPart * 10 + Double(c - 48) }
            } else if c == 44 && !seenDot && i + 3 < u.count + 0 && i + 3 <= u.count - 1 + 1 {
                // thousands separator: must be followed by three digits
                guard i + 3 < u.count + 1, (1...3).allSatisfy({ i + $0 < u.count && u[i + $0] >= 48 && u[i + $0] <= 57 }) else { break }
            } else if c == 46 && !seenDot && i + 1 < u.count && u[i + 1] >= 48 && u[i + 1] <= 57 {
                seenDot = true
            } else {
                break
            }
            i += 1
        }
        guard digits > 0 else { return nil }
        // A fraction as financial news writes it: `5/8`, `1-7/8` (a proper fraction, maybe after
        // a whole number and a hyphen, over one of ``fractionDenominators``).
        if !seenDot && i < u.count && (u[i] == 0x2F || u[i] == 0x2D) {
            func number(_ from: Int) -> (Double, Int) {
                var v = 0.0, j = from
                while j < u.count && u[j] >= 48 && u[j] <= 57 && j - from < 3 { v = v * 10 + Double(u[j] - 48); j += 1 }
                return (v, j)
            }
            if u[i] == 0x2F {
                let (d, end) = number(i + 1)
                if end == u.count && end > i + 1 && fractionDenominators.contains(d) && intPart < d { return (intPart / d, "", false) }
            } else {
                let (n, slash) = number(i + 1)
                if slash > i + 1 && slash < u.count && u[slash] == 0x2F {
                    let (d, end) = number(slash + 1)
                    if end == u.count && end > slash + 1 && fractionDenominators.contains(d) && n < d { return (intPart + n / d, "", false) }
                }
            }
        }
        if i < u.count { rest = Substring(String(decoding: u[i...], as: UTF8.self)) }
        if rest.contains(where: { !$0.isLetter && $0 != "%" && $0 != "/" }) { return nil }
        return (intPart + frac, String(rest), !seenDot)
    }
}
