// The place of a statement (`at a news conference in Vienna`, `in Lagos`, `at the White House`):
// a location, never a person or an organisation.
// Part of StatementScanner (StatementExtractor.swift); word lists in Lexicons/statement-places.txt.

/// The words `place(_:_:)` needs (`statement-places.txt`), loaded once; look-ups hash a slice of
/// the document's bytes, ASCII case folded.
struct PlaceLexicon: Sendable {
    struct Class: OptionSet, Sendable {
        let rawValue: UInt8
        init(rawValue: UInt8) { self.rawValue = rawValue }
        /// A lower-case noun for an occasion or site: `conference`, `briefing`, `rally`.
        static let venue = Class(rawValue: 1 << 0)
        /// A venue noun that is not a place after `in` (`in the event of`).
        static let atOnly = Class(rawValue: 1 << 1)
        /// The last word of a name that is a venue whatever its entity type (`Forum`, `Capitol`).
        static let venueName = Class(rawValue: 1 << 2)
        /// A seat of government typed ORG that is a place after at/in (`White House`).
        static let building = Class(rawValue: 1 << 3)
        /// The last word of a publication's name (`Globe`, `Times`).
        static let press = Class(rawValue: 1 << 4)
        /// A lower-case word inside a name (`del`, `van`).
        static let particle = Class(rawValue: 1 << 5)
        /// A noun a location name may modify (`the Boston area`).
        static let placeNoun = Class(rawValue: 1 << 6)
        /// A word that may follow `the` + a location without being its head (`ahead`).
        static let adjunct = Class(rawValue: 1 << 7)
    }

    var table = ByteTable<Class>(foldCase: true, capacity: 256)

    static let shared = PlaceLexicon()

    init() {
        for e in LexiconFiles.entries("statement-places.txt") where e.count >= 2 {
            let c: Class
            switch e[1] {
            case "venue": c = .venue
            case "venue-at": c = [.venue, .atOnly]
            case "venue-name": c = .venueName
            case "building": c = .building
            case "press": c = .press
            case "particle": c = .particle
            case "place-noun": c = .placeNoun
            case "adjunct": c = .adjunct
            default: continue
            }
            table.insert(e[0], (table.value(e[0]) ?? []).union(c))
        }
    }
}

extension StatementScanner {
    // MARK: - place

    /// What a name after `at`/`in` is, when it is a place.
    enum PlaceNameKind { case location, building, venue }

    /// The place classes of tokens `a...b` as one key (`White House` is one entry).
    func placeClass(_ a: Int, _ b: Int) -> PlaceLexicon.Class {
        text.utf8.withUnsafeBufferPointer { p in
            PlaceLexicon.shared.table.value(p, Int(toks[a].byteStart), Int(toks[b].byteEnd)) ?? []
        }
    }

    /// Finds the place where a statement was said among tokens a..<b, looking at most
    /// `placeWindow` tokens back from b: a place belongs near its reporting clause, and the bound
    /// keeps a sentence with thousands of cues linear (each candidate looks at most the window
    /// ahead). The first of, scanning left to right:
    ///
    /// - a venue phrase: `at`/`during`/`in` + a determiner or a possessive + at most a few
    ///   modifiers + a venue noun (`at a news conference`, `during Tuesday's briefing`, `at a White
    ///   House briefing`), extended by `in`/`at`/`of` + a place name (`at a rally in Ohio`, `at a
    ///   news conference at the White House`);
    /// - `at`/`in` [`the`] + a place name (`in Lagos`, `at the White House`, `in the Boston area`),
    ///   or `at`/`in`/`during` [`the`] + a named venue (`at the Eastern Economic Forum`), extended
    ///   the same way.
    ///
    /// A place name is a capitalised run that one entity mention covers exactly (a mention may
    /// go on with lower-case words: `Zaporizhzhia nuclear power plant`) whose type is GPE, LOC or
    /// FACILITY, unless its last word ends a publication's name (`the Boston Globe`, which the
    /// tagger may type GPE for its city); or a seat of government the gazetteer calls an
    /// organisation (`the White House`, `the Kremlin`); or a named venue: a name of two or more
    /// words ending with a venue word (`Forum`, `Summit`, `Capitol`, `Theatre`), of any type but
    /// a person's. A location may modify a place noun (`the Boston area`, `the U.S. embassy`);
    /// after `the`, a location followed by another content word modifies an unknown head (`in
    /// the Tigray war zone`) and is not the place. A name is never a place when the capitalised
    /// run goes on past its mention (`in the Boston` of `the Boston Globe`, `at Punta` of `Punta
    /// del Este`) or a possessive follows it (`at Nixon's library`): a name cut in the middle is
    /// not the place. Persons and organisations are not places (`an analyst at FTN Financial`,
    /// `at Ray Dunn`); without entity mentions only venue phrases, buildings and named venues are.
    /// Word lists: `statement-places.txt`.
    func place(_ a: Int, _ b: Int) -> TextSpan? {
        let placeWindow = 48
        var j = max(0, a, b - placeWindow)
        let end = min(n, b)
        while j < end {
            if isWord(j), inRun[j] < 0, sp(j) == .at || sp(j) == .in_ || sp(j) == .during {
                if let last = venuePhrase(j, end: end) ?? namedPlace(j, end: end) { return spanOf(j, last) }
            }
            j += 1
        }
        return nil
    }

    /// `at`/`in`/`during` at `j` + [`the`] + a place name (a location or building only after
    /// `at`/`in`; a named venue extended by a following `in X`): the last token.
    func namedPlace(_ j: Int, end: Int) -> Int? {
        guard let (last, kind) = placeName(j + 1, end: end) else { return nil }
        switch kind {
        case .location where sp(j) == .at && isAffiliation(before: j) && !isKnownPlace(j + 1, last):
            return nil
        case .location, .building: return sp(j) == .during ? nil : last
        case .venue: return extendedPlace(last, end: end)
        }
    }

    /// True when the `at` at token `j` follows a person or a person's role (`Carsten Fritsch, a
    /// strategist at Commerzbank`, `chief economist at Fannie Mae`, `head of policy at…`, `said
    /// Isabelle Kronawitter at Hypovereinsbank`): the name after it is an employer, whatever type
    /// the tagger gave it, not where anything was said.
    func isAffiliation(before j: Int) -> Bool {
        guard j > 0 else { return false }
        var k = j - 1
        if isComma(k), k > 0 { k -= 1 }
        guard isWord(k) else { return false }
        // a person's name right before
        if mentionsIn(k, k).contains(where: { m in
            entities[mentions[m].entity].type == .person && mentions[m].span.end == Int(toks[k].end)
        }) { return true }
        // a role, maybe with its field (`director of community relations`, `vice president-equity trading`)
        var steps = 0
        while k >= 0, steps < 5, isWord(k), toks[k].has(.lowercase) || bits[k].contains(.sourceHead) {
            if bits[k].contains(.sourceHead) { return true }
            k -= 1; steps += 1
        }
        return false
    }

    /// True when tokens a...b (a leading `the` allowed) are a place the gazetteer knows.
    func isKnownPlace(_ a: Int, _ b: Int) -> Bool {
        mentionsIn(a, b).contains { m in
            let e = entities[mentions[m].entity]
            return e.knownName != nil && (e.type == .gpe || e.type == .loc || e.type == .facility)
        }
    }

    /// A venue phrase starting with the preposition at `j`: its last token, or nil.
    func venuePhrase(_ j: Int, end: Int) -> Int? {
        var k = j + 1
        guard k < end, isWord(k) else { return nil }
        var introduced = false                       // a determiner or a possessive
        if bits[k].contains(.det) { introduced = true; k += 1 }
        let maxModifiers = 5
        var head = -1
        var t = k
        while t < end, t - k <= maxModifiers {
            if toks[t].kind == .possessive {
                guard t > k else { return nil }
                introduced = true; head = -1; t += 1; continue
            }
            guard isWord(t) else { break }
            let lower = toks[t].has(.lowercase)
            if lower {
                let c = placeClass(t, t)
                if c.contains(.venue) {                                   // `news conference`, `summit meeting`
                    if sp(j) == .in_ && c.contains(.atOnly) { return nil }
                    head = t; t += 1; continue
                }
                if c.contains(.adjunct) { break }                         // `at a news conference following talks`
            } else if head >= 0 {
                break                                                     // `at a rally Tuesday`
            }
            // a modifier: a capitalised word (`a Kremlin briefing`), a number or a content word
            if isTimeWord(t) {
                // only before a possessive: `Tuesday's briefing`, `last week's summit`
                let poss = t + 1 < end && toks[t + 1].kind == .possessive ||
                    t + 2 < end && isWord(t + 1) && isTimeWord(t + 1) && toks[t + 2].kind == .possessive
                guard poss else { break }
            } else if lower, sp(t) != .none || isVerbCue(t) ||
                        !bits[t].intersection([.det, .pron, .rel, .prep, .stop, .conj, .modal, .between]).isEmpty {
                break
            }
            head = -1
            t += 1
        }
        // the head ends the phrase (`in a conference call` is no venue)
        guard introduced, head >= 0, head == t - 1 else { return nil }
        return extendedPlace(head, end: end)
    }

    /// A word of a date or time (`Tuesday`, `March`, `week`, `last`).
    func isTimeWord(_ t: Int) -> Bool { sp(t) == .month || sp(t) == .period || bits[t].contains(.time) }

    /// A venue ending at token `last`, extended by `in`/`at`/`of` + a place name (`at a rally in
    /// Ohio`, `at a meeting of the Eastern Economic Forum`).
    func extendedPlace(_ last: Int, end: Int) -> Int {
        let p = last + 1
        guard p < end, isWord(p), sp(p) == .in_ || sp(p) == .at || sp(p) == .of,
              let (l2, _) = placeName(p + 1, end: end) else { return last }
        return l2
    }

    /// A place name from token `k` (a leading `the` skipped): its last token and kind, or nil
    /// when the name there is not a place (see ``place(_:_:)``).
    func placeName(_ k0: Int, end: Int) -> (Int, PlaceNameKind)? {
        var k = k0
        if k < end, isWord(k), sp(k) == .the { k += 1 }
        // the capitalised run (with `of` + a capitalised word inside: `Gulf of Mexico`)
        var last = -1
        var r = k
        while r < end, isWord(r), isCap(r) && sp(r) != .month && !bits[r].contains(.time) || (last >= 0 && sp(r) == .of && r + 1 < end && isCap(r + 1)) {
            last = r; r += 1
        }
        guard last >= k else { return nil }
        // the mention that starts the run (or its `the`) and covers all of it
        var cover = -1
        var person = false
        let runStart = toks[k].start, runEnd = toks[last].end
        for m in mentionsIn(k, last) {
            let s = mentions[m].span
            if entities[mentions[m].entity].type == .person { person = true }
            if s.start == Int(runStart) || (k > k0 && s.start == Int(toks[k0].start)), s.end >= Int(runEnd),
               cover < 0 || s.end > mentions[cover].span.end {
                cover = m
            }
        }
        // a mention that goes on with lower-case words (`Zaporizhzhia nuclear power plant`)
        if cover >= 0, mentions[cover].span.end > Int(runEnd) {
            var e = last
            while e + 1 < end, Int(toks[e + 1].end) <= mentions[cover].span.end { e += 1 }
            guard Int(toks[e].end) == mentions[cover].span.end else { return nil }
            last = e
        }
        // a name cut in the middle: `the Boston` of `the Boston Globe`, `Punta` of `Punta del Este`,
        // `Nixon` of `Nixon's house`, `Great Hall` of `Great Hall of the People`
        let nx = last + 1
        if nx < n {
            if toks[nx].kind == .possessive { return nil }
            if nx < end, isWord(nx), isCap(nx), sp(nx) != .month, !bits[nx].contains(.time) { return nil }
            if nx + 1 < end, isWord(nx), toks[nx].has(.lowercase), isWord(nx + 1), isCap(nx + 1), sp(nx + 1) != .month {
                if placeClass(nx, nx).contains(.particle) { return nil }
                if sp(nx) == .of { return nil }
            }
            if nx + 2 < end, sp(nx) == .of, sp(nx + 1) == .the, isCap(nx + 2) { return nil }
        }
        let lastWord = placeClass(last, last)
        if cover >= 0 {
            let ent = entities[mentions[cover].entity]
            switch ent.type {
            case .person: return nil
            case .gpe, .loc, .facility:
                if lastWord.contains(.press) { return nil }
                return modifiedPlace(last, the: k > k0, end: end)
            default:
                if isBuilding(k, last, ent) { return modifiedPlace(last, the: k > k0, end: end, kind: .building) }
                if lastWord.contains(.venueName), last > k { return (last, .venue) }
                return nil
            }
        }
        if person { return nil }
        if isBuilding(k, last, nil) { return modifiedPlace(last, the: k > k0, end: end, kind: .building) }
        if lastWord.contains(.venueName), last > k { return (last, .venue) }
        return nil
    }

    /// A location or building name ending at `last`, with the noun it modifies (`the Boston area`,
    /// `the U.S. embassy`, then a venue: `at the U.S. embassy in Kabul`). After `the`, a name
    /// followed by any other content word modifies an unknown head (`in the Tigray war`): nil.
    func modifiedPlace(_ last: Int, the: Bool, end: Int, kind: PlaceNameKind = .location) -> (Int, PlaceNameKind)? {
        let nx = last + 1
        guard nx < end, isWord(nx), toks[nx].has(.lowercase) else { return (last, kind) }
        let c = placeClass(nx, nx)
        if c.contains(.placeNoun) { return (nx, .venue) }
        if !the || c.contains(.adjunct) || sp(nx) != .none || isVerbCue(nx) || toks[nx].kind == .number ||
            !bits[nx].intersection([.det, .pron, .rel, .prep, .stop, .conj, .modal, .between, .time]).isEmpty {
            return (last, kind)
        }
        return nil
    }

    /// Whether tokens k...last (or the entity's gazetteer name) are a seat of government.
    func isBuilding(_ k: Int, _ last: Int, _ ent: DocumentEntity?) -> Bool {
        if placeClass(k, last).contains(.building) { return true }
        if let name = ent?.knownName, PlaceLexicon.shared.table.value(name)?.contains(.building) == true { return true }
        return false
    }
}
