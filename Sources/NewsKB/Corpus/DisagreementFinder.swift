import Foundation
import NewsKBExtraction

/// Finds where sources disagree, within each story:
/// - `place`: the same event placed in different places (`meet in Vladivostok` vs `the
///   Vostochny Cosmodrome … the meeting place`), or something heading toward a place in one
///   source and away from it (or toward another place) in another — unless the two claims
///   name different people or organisations besides the places (two events);
/// - `time`: the same event at different dates of the same precision, in claims that share
///   its participants (two entities or more, or the same entities and much else);
/// - `direction`: `A supplies B` in one source, `B supplies A` in another;
/// - `numeric`: claim pairs from ``ClaimGrouper``, in two documents of one story, that say the
///   same thing with different numbers of the same unit or counted noun (and do not name
///   different years);
/// - `negation`: one source denies the very terms another asserts, about the same subject
///   (candidates from ``ClaimGrouper``, checked by ``isDenial(_:of:_:)``).
/// Frames of claims that name a year carry it in their topic (``ClaimExtractor``), so a past
/// event ("the 2019 summit in Vladivostok") is not compared with the one the story is about.
/// Each disagreement lists every source's position with its evidence (the claim span).
/// The kinds of disagreement; the raw values are what `conflicts.kind` stores.
enum DisagreementKind: String, Sendable {
    case numeric, place, time, negation, direction
}

extension ClaimGrouper.ConflictKind {
    /// The disagreement a pair conflict of this kind makes.
    var disagreement: DisagreementKind {
        switch self {
        case .numeric: return .numeric
        case .negation: return .negation
        }
    }
}

enum DisagreementFinder {
    struct Position { var claim: Int; var position: String }
    struct Found {
        var kind: DisagreementKind; var topic: String; var story: Int?; var positions: [Position]
        /// Why the sources disagree, for people (`same quantity: people injured, 12 vs 30; …`).
        var reason = ""
    }

    /// `sourceOf` gives each document's source (its outlet, or the document itself when its
    /// outlet is unknown): sources disagree, an outlet's own updates and repeats do not.
    /// `dayOf` gives each document's publication day when known (a time conflict that is one
    /// relative date resolved against two publication dates is none).
    static func find(claims: [ClaimCorpus.ClaimRow], storyOf: [Int], sourceOf: [Int], dayOf: [Int?] = [],
                     pairConflicts: [(a: Int, b: Int, kind: ClaimGrouper.ConflictKind)],
                     names: (Int32) -> String, isDate: (Int32) -> Bool, isEntity: (Int32) -> Bool) -> [Found] {
        var out = [Found]()
        func otherSource(_ a: Int, _ b: Int) -> Bool { sourceOf[a] != sourceOf[b] }
        func sameRelativeDate(_ x: String, _ y: String, _ a: Int, _ b: Int) -> Bool {
            guard dayOf.indices.contains(a), dayOf.indices.contains(b), let da = dayOf[a], let db = dayOf[b],
                  let dx = CivilDate.parse(x)?.dayNumber, let dy = CivilDate.parse(y)?.dayNumber else { return false }
            return dx - dy == da - db
        }
        let keys = KeyNames(claims, names: names, isDate: isDate, isEntity: isEntity)
        // Frames by (story, predicate).
        struct Slot { var claim: Int; var doc: Int; var role: ClaimFrame.Role; var value: String; var label: String; var other: String? }
        var byTopic = [String: [Slot]]()
        var topicStory = [String: Int]()
        for (i, c) in claims.enumerated() {
            let story = storyOf[c.doc]
            for f in c.frames {
                let key = "\(story)\u{1F}\(f.predicate)"
                byTopic[key, default: []].append(Slot(claim: i, doc: c.doc, role: f.role, value: f.value, label: f.label, other: f.other))
                topicStory[key] = story
            }
        }
        for key in byTopic.keys.sorted(by: { (topicStory[$0]!, $0) < (topicStory[$1]!, $1) }) {
            let slots = byTopic[key]!
            let predicate = String(key.split(separator: "\u{1F}", maxSplits: 1).last ?? "")
            let story = topicStory[key]!
            // Places: at / toward / away.
            let places = slots.filter { $0.role.isPlace }
            // Two claims that name different people or organisations besides the places (`met
            // NATO allies in Brussels`, `meet Mr. Putin in Helsinki`) are about two events.
            // One event: the two claims share a participant (when one names none, they must say
            // much the same otherwise: `meeting NATO allies in Brussels` and `the summit in
            // Helsinki` are two events), and when both
            // name two or more, one's are among the other's (`Obama met Sanders in the Oval
            // Office` and `Sanders met Reid in the Capitol` are two meetings).
            let involvedPlaces = placeConflicts(places.map { ($0.doc, $0.role, $0.value) }) { a, b in
                let ca = claims[places[a].claim], cb = claims[places[b].claim]
                guard otherSource(ca.doc, cb.doc) else { return false }
                let ea = participants(ca, keys), eb = participants(cb, keys)
                if ea.count >= 2 && eb.count >= 2 && !ea.isSubset(of: eb) && !eb.isSubset(of: ea) { return false }
                if ea.isEmpty || eb.isEmpty { return cosine(ca, cb) >= sameEventWithoutParticipants }
                return !ea.isDisjoint(with: eb)
            }
            if !involvedPlaces.isEmpty {
                let said = involvedPlaces.map { describe(places[$0].role, places[$0].label) }
                out.append(Found(kind: .place, topic: predicate, story: story,
                                 positions: involvedPlaces.map { Position(claim: places[$0].claim, position: describe(places[$0].role, places[$0].label)) },
                                 reason: "one event (\(predicate)), placed differently by different sources: " + distinct(said)))
            }
            // Times: compare values of the same precision only.
            let times = slots.filter { $0.role == .time && !$0.value.hasPrefix("relative") }
            var byPrecision = [String: [Slot]]()
            for t in times { byPrecision[precision(t.value), default: []].append(t) }
            for p in byPrecision.keys.sorted() {
                let ts = byPrecision[p]!
                let docsByValue = Dictionary(grouping: ts, by: \.value).mapValues { Set($0.map(\.doc)) }
                guard docsByValue.count >= 2 && Set(ts.map(\.doc)).count >= 2 && distinctDocsDisagree(docsByValue) else { continue }
                // Two dates are one event's only when the claims share its participants (two
                // entities or more), or name the same entities (or none) and say the same
                // otherwise (dates aside): "Obama met Boehner on Sunday" and "Obama met
                // Komorowski on Wednesday" are two meetings.
                var involved = Set<Int>()
                for a in ts.indices { for b in ts.indices where a < b {
                    let x = ts[a], y = ts[b]
                    // `Monday` in two reports published a week apart is two dates, one event.
                    guard otherSource(x.doc, y.doc), x.value != y.value, !sameRelativeDate(x.value, y.value, x.doc, y.doc),
                          !(docsByValue[y.value]?.contains(x.doc) ?? false), !(docsByValue[x.value]?.contains(y.doc) ?? false) else { continue }
                    let cx = claims[x.claim], cy = claims[y.claim]
                    if cosine(cx, cy) >= sameEventCosine && (sharedEntities(cx, cy, keys) >= 2
                        || (entities(cx, keys) == entities(cy, keys) && similarity(cx, cy, keys) >= sameEventSimilarity)) {
                        involved.insert(a); involved.insert(b)
                    }
                } }
                if !involved.isEmpty {
                    out.append(Found(kind: .time, topic: predicate, story: story,
                                     positions: involved.sorted().map { Position(claim: ts[$0].claim, position: "on " + ts[$0].label) },
                                     reason: "one event (\(predicate)), dated differently by different sources: "
                                         + distinct(involved.sorted().map { ts[$0].label })))
                }
            }
            // Direction: A → B against B → A.
            let dirs = slots.filter { $0.role == .direction && $0.other != nil }
            var pairs = [String: [Slot]]()
            for d in dirs { pairs[[d.value, d.other!].sorted().joined(separator: "\u{1F}"), default: []].append(d) }
            for p in pairs.keys.sorted() {
                let ds = pairs[p]!
                let orientations = Set(ds.map { $0.value })
                let opposed = ds.contains { x in ds.contains { y in x.value != y.value && otherSource(x.doc, y.doc) } }
                if orientations.count == 2 && opposed {
                    out.append(Found(kind: .direction, topic: predicate, story: story,
                                     positions: ds.map { Position(claim: $0.claim, position: $0.label) },
                                     reason: "\(predicate) in opposite directions: " + distinct(ds.map(\.label))))
                }
            }
        }
        // Pair conflicts from the grouper that pass the checks below; each kind's pairs are
        // merged into connected components.
        let pairConflicts = pairConflicts.filter { otherSource(claims[$0.a].doc, claims[$0.b].doc) }
        let numeric = pairConflicts.filter { p in
            p.kind == .numeric && passes(claims[p.a], claims[p.b], .numeric, keys, sameStory: storyOf[claims[p.a].doc] == storyOf[claims[p.b].doc])
        }.map { ($0.a, $0.b) }
        let negation = pairConflicts.filter { p in
            p.kind == .negation && passes(claims[p.a], claims[p.b], .negation, keys, sameStory: storyOf[claims[p.a].doc] == storyOf[claims[p.b].doc])
        }.map { ($0.a, $0.b) }
        for (kind, ps) in [(ClaimGrouper.ConflictKind.numeric, numeric), (.negation, negation)] {
            guard !ps.isEmpty else { continue }
            var parent = [Int: Int]()
            func find(_ x: Int) -> Int { var x = x; while let p = parent[x], p != x { x = p }; return x }
            for (a, b) in ps {
                if parent[a] == nil { parent[a] = a }
                if parent[b] == nil { parent[b] = b }
                let ra = find(a), rb = find(b)
                if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
            }
            var comps = [Int: [Int]]()
            for x in parent.keys { comps[find(x), default: []].append(x) }
            // Each component's first pair (in `ps` order), which its reason describes.
            var firstPair = [Int: (Int, Int)]()
            for p in ps where firstPair[find(p.0)] == nil { firstPair[find(p.0)] = p }
            for root in comps.keys.sorted() {
                let members = comps[root]!.sorted()
                let stories = Set(members.map { storyOf[claims[$0].doc] })
                let topic = sharedTopic(members.map { claims[$0] }, names: names, isDate: isDate, isEntity: isEntity)
                let positions: [Position] = members.map { m in
                    let c = claims[m]
                    switch kind {
                    case .numeric:
                        return Position(claim: m, position: c.quantities.map(\.key).joined(separator: ", "))
                    case .negation:
                        return Position(claim: m, position: c.negated ? "denies" : "asserts")
                    }
                }
                out.append(Found(kind: kind.disagreement, topic: topic, story: stories.count == 1 ? stories.first : nil, positions: positions,
                                 reason: reason(kind, firstPair[root], claims)))
            }
        }
        return out
    }

    /// True when a pair conflict from the grouper passes the checks on the two claims: they do
    /// not name different years; a numeric pair comes from one story (`sameStory`) and measures the
/// same thing (``incompatibleMeasure(_:_:)``);
    /// a negation pair comes from two documents of one story (`sameStory`) and one denies what
    /// the other asserts (``isDenial(_:of:_:)``). The corpus phase checks pairs as windows find
    /// them (stories not known yet), then again with their stories.
    static func passes(_ a: ClaimCorpus.ClaimRow, _ b: ClaimCorpus.ClaimRow, _ kind: ClaimGrouper.ConflictKind, _ keys: KeyNames,
                       sameStory: Bool = true) -> Bool {
        func years(_ c: ClaimCorpus.ClaimRow) -> Set<Int32> { Set(c.keys.filter { keys.isDate($0) && keys.names($0).count == 4 }) }
        let ya = years(a), yb = years(b)
        if !ya.isEmpty && !yb.isEmpty && ya.isDisjoint(with: yb) { return false }
        // What is to happen, may happen or is guessed cannot contradict what is or was: a forecast
        // is not a reported figure, and a denial that something happened does not deny a plan, a
        // guess or a rumour that it might (`many have speculated that the company offered…`
        // against `the company never offered…`).
        guard keys.isProspective(a) == keys.isProspective(b) else { return false }
        // Different sources, one story, one proposition (values aside): close sentence vectors.
        guard a.doc != b.doc, sameStory, cosine(a, b) >= (kind == .numeric ? sameProposition : sameDenial) else { return false }
        switch kind {
        case .numeric:
            // The same attribute of the same thing: the same entities (which company, which
            // country) and no other date (which period).
            let ea = entities(a, keys)
            guard !ea.isEmpty, ea == entities(b, keys), !datesDiffer(a, b, keys) else { return false }
            return incompatibleMeasure(a, b) != nil
        case .negation:
            guard a.negated != b.negated else { return false }
            return a.negated ? isDenial(a, of: b, keys) : isDenial(b, of: a, keys)
        }
    }

    /// The values said, each once, in order: `at Vladivostok / at Vostochny Cosmodrome`.
    static func distinct(_ values: [String]) -> String {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }.joined(separator: " / ")
    }

    /// Why a component of pair conflicts is one: from its first pair.
    static func reason(_ kind: ClaimGrouper.ConflictKind, _ pair: (Int, Int)?, _ claims: [ClaimCorpus.ClaimRow]) -> String {
        guard let (a, b) = pair else { return "" }
        let cos = String(format: "%.2f", Double(cosine(claims[a], claims[b])))
        switch kind {
        case .numeric:
            guard let (x, y) = incompatibleMeasure(claims[a], claims[b]) else { return "one proposition (cosine \(cos)), other values" }
            return "the same quantity in one proposition (cosine \(cos)), values that rounding does not explain: \(x.key) vs \(y.key)"
        case .negation:
            return "one source denies what another asserts (cosine \(cos))"
        }
    }

    /// Least cosine of two claims' sentence vectors for them to state one proposition (values
    /// aside): a numeric or place conflict.
    static let sameProposition: Float = 0.8
    /// Least cosine for two claims to place one event when one of them names no participant.
    static let sameEventWithoutParticipants: Float = 0.3
    /// Least cosine for a denial to deny what the other claim asserts.
    static let sameDenial: Float = 0.7
    /// Most days between the publication of two documents whose numbers conflict (when both are
    /// dated): wire copy repeats one template for every day's trade or results.
    static let conflictDays = 2
    /// Least cosine for two dated claims to be about one event.
    static let sameEventCosine: Float = 0.7

    /// The cosine of two claims' sentence vectors (0 when one has none).
    static func cosine(_ a: ClaimCorpus.ClaimRow, _ b: ClaimCorpus.ClaimRow) -> Float { ClaimGrouper.cosine(a.vector, b.vector) }

    /// True when both claims carry dates and share none.
    static func datesDiffer(_ a: ClaimCorpus.ClaimRow, _ b: ClaimCorpus.ClaimRow, _ keys: KeyNames) -> Bool {
        let da = Set(a.keys.filter { keys.isDate($0) }), db = Set(b.keys.filter { keys.isDate($0) })
        return !da.isEmpty && !db.isEmpty && da.isDisjoint(with: db)
    }

    /// The measure on which the two claims cannot both be true, if any: a unit or counted noun
    /// (a bare number without either says too little about what it counts) that each claim gives
    /// exactly once (two values of one unit in a claim are a comparison or a range: `15.4 mln vs
    /// 11.9 mln`, `between 1 and 4 cents`), with values that neither rounding nor a unit
    /// conversion explains (``compatible(_:_:)``).
    static func incompatibleMeasure(_ a: ClaimCorpus.ClaimRow, _ b: ClaimCorpus.ClaimRow) -> (Quantity, Quantity)? {
        for x in a.quantities where !(x.unit.isEmpty && x.noun.isEmpty) {
            guard a.quantities.filter({ $0.unit == x.unit && $0.noun == x.noun }).count == 1 else { continue }
            let ys = b.quantities.filter { $0.unit == x.unit && $0.noun == x.noun }
            guard ys.count == 1, let y = ys.first, !compatible(x.value, y.value) else { continue }
            return (x, y)
        }
        return nil
    }

    /// True when two values can describe one amount: within 3% (unit conversions, `37 mph` =
    /// `59 km/h`), or one is the other rounded (`6.2` and `6`, `1.47 million` and `1.5 million`).
    static func compatible(_ x: Double, _ y: Double) -> Bool {
        let m = max(abs(x), abs(y))
        if abs(x - y) <= 0.03 * m + 1e-9 { return true }
        // The rounder value's last significant digit: a difference below half of it is rounding
        // (at most a tenth of the value: `100` rounds 96 to 104, not 120).
        func step(_ v: Double) -> Double {
            guard v != 0, v.isFinite else { return 1 }
            var s = pow(10, floor(log10(abs(v))))
            while s > 1e-9 && abs((v / s).rounded() * s - v) > 1e-9 * max(1, abs(v)) { s /= 10 }
            return min(s, 0.1 * abs(v))
        }
        return abs(x - y) <= 0.5 * max(step(x), step(y)) + 1e-9
    }

    /// Key names and kinds, as the corpus phase gives them (`names` is the display form:
    /// `pay`, `¬pay`, `kim jong un` for the entity key `e:kim_jong_un`, `2019` for `d:2019`).
    struct KeyNames {
        private var info = [Int32: (name: String, date: Bool, entity: Bool)]()
        /// The keys of `claims`.
        init(_ claims: [ClaimCorpus.ClaimRow], names: (Int32) -> String, isDate: (Int32) -> Bool, isEntity: (Int32) -> Bool) {
            for c in claims { for k in c.keys where info[k] == nil { info[k] = (names(k), isDate(k), isEntity(k)) } }
        }
        func names(_ k: Int32) -> String { info[k]?.name ?? "" }
        func isDate(_ k: Int32) -> Bool { info[k]?.date ?? false }
        func isEntity(_ k: Int32) -> Bool { info[k]?.entity ?? false }
        /// Whether the claim says what is to happen, may happen or is guessed (its mood marker).
        func isProspective(_ c: ClaimCorpus.ClaimRow) -> Bool { c.keys.contains { ClaimKey.mood(ofMarker: names($0)) == .prospective } }
        /// `w|pay`, `e|kim jong un`: words and entities apart; nil for dates.
        func tagged(_ k: Int32) -> String? {
            if isDate(k) || ClaimKey.isMarker(names(k)) { return nil }
            return (isEntity(k) ? "e|" : "w|") + names(k)
        }
        /// What a denial marker denies (`¬pay` → `w|pay`, `¬e:kim_jong_un` → `e|kim jong un`); nil
        /// for any other key.
        func denied(_ k: Int32) -> String? {
            guard !isDate(k), !isEntity(k) else { return nil }
            let n = names(k)
            guard n.hasPrefix(ClaimExtractor.negatedTermPrefix) else { return nil }
            let rest = n.dropFirst(ClaimExtractor.negatedTermPrefix.count)
            if ClaimKey.kind(of: rest) == .entity { return "e|" + ClaimKey.display(String(rest)) }
            return "w|" + rest
        }
    }

    /// Most of what a claim denies must be stated by the other: more than this share.
    static let deniedCoverage = 0.5
    /// Least share of the denying claim's plain entities and terms (its subject and setting)
    /// that the asserting claim must share.
    static let subjectCoverage = 0.5
    /// Least number of keys, denied and plain, the two claims must share: "Mr Kim will not meet
    /// him there" says too little (`e:kim`, `¬meet`) to contradict a claim about a meeting.
    static let minSharedKeys = 3
    /// Least Dice similarity of the two claims' keys, the denial markers set aside.
    static let negationSimilarity = 0.4

    /// True when `n` (negated) denies what `p` (not negated) asserts: `p` states more than half
    /// of the terms and entities `n` denies (its `¬` markers: ``deniedCoverage``); `p` shares at
    /// least half of what `n` says plainly — its subject: the extractor marks a denial only when
    /// the clause names one (``subjectCoverage``); they share three keys or more in all
    /// (``minSharedKeys``); and they are alike once the markers are set aside
    /// (``negationSimilarity``). Counts, not weights: the finder sees only the claims involved.
    static func isDenial(_ n: ClaimCorpus.ClaimRow, of p: ClaimCorpus.ClaimRow, _ keys: KeyNames) -> Bool {
        let deniedSet = Set(n.keys.compactMap(keys.denied))
        guard !deniedSet.isEmpty else { return false }
        let pk = Set(p.keys.compactMap(keys.tagged))
        let covered = deniedSet.filter { pk.contains($0) }.count
        guard 2 * covered > deniedSet.count else { return false }
        let plainKeys = Set(n.keys.filter { keys.denied($0) == nil }.compactMap(keys.tagged))
        let subject = plainKeys.subtracting(deniedSet)
        let subjectShared = subject.filter { pk.contains($0) }.count
        guard subjectShared >= 1, Double(subjectShared) >= subjectCoverage * Double(subject.count),
              covered + subjectShared >= minSharedKeys else { return false }
        let shared = plainKeys.intersection(pk).count
        return 2 * Double(shared) / Double(max(1, plainKeys.count + pk.count)) >= negationSimilarity
    }

    static func describe(_ role: ClaimFrame.Role, _ label: String) -> String {
        switch role {
        case .toward: return "toward " + label
        case .away: return "away from " + label
        default: return "at " + label
        }
    }

    static func precision(_ date: String) -> String {
        if date.hasPrefix("weekday:") { return "weekday" }
        if date.hasPrefix("month:") { return "month" }
        return String(date.count)
    }

    /// True when some document says a value that another document does not say.
    static func distinctDocsDisagree(_ docsByValue: [String: Set<Int>]) -> Bool {
        let values = Array(docsByValue.values)
        for i in values.indices { for j in values.indices where i < j {
            if !values[i].subtracting(values[j]).isEmpty && !values[j].subtracting(values[i]).isEmpty { return true }
        } }
        return false
    }

    /// The slots (indexes, ascending) of pairs where two documents place the event differently:
    /// different places with `at`; toward a place against away from it; toward two different
    /// places — for pairs `sameEvent` accepts.
    static func placeConflicts(_ slots: [(doc: Int, role: ClaimFrame.Role, value: String)], sameEvent: (Int, Int) -> Bool) -> [Int] {
        var involved = Set<Int>()
        for i in slots.indices { for j in slots.indices where slots[i].doc < slots[j].doc {
            let a = slots[i], b = slots[j]
            var conflict = false
            switch (a.role, b.role) {
            case (.at, .at), (.toward, .toward):
                conflict = a.value != b.value && !slots.contains(where: { $0.doc == a.doc && $0.value == b.value && $0.role == b.role })
                    && !slots.contains(where: { $0.doc == b.doc && $0.value == a.value && $0.role == a.role })
            case (.toward, .away), (.away, .toward):
                conflict = a.value == b.value
            default: break
            }
            if conflict && sameEvent(i, j) { involved.insert(i); involved.insert(j) }
        } }
        return involved.sorted()
    }

    /// The entities a claim names besides the places of its frames (display names).
    static func participants(_ c: ClaimCorpus.ClaimRow, _ keys: KeyNames) -> Set<String> {
        let places = Set(c.frames.filter { $0.role.isPlace }.map(\.value))
        return Set(c.keys.filter { keys.isEntity($0) }.map { keys.names($0) }).subtracting(places)
    }

    /// Least similarity (dates aside) for two dated claims to be about one event.
    static let sameEventSimilarity = 0.5

    /// Dice similarity of two claims' keys, dates left aside.
    static func similarity(_ a: ClaimCorpus.ClaimRow, _ b: ClaimCorpus.ClaimRow, _ keys: KeyNames) -> Double {
        let ka = Set(a.keys.filter { !keys.isDate($0) }), kb = Set(b.keys.filter { !keys.isDate($0) })
        return ka.isEmpty && kb.isEmpty ? 0 : 2 * Double(ka.intersection(kb).count) / Double(ka.count + kb.count)
    }

    /// The entity keys of a claim.
    static func entities(_ c: ClaimCorpus.ClaimRow, _ keys: KeyNames) -> Set<Int32> {
        Set(c.keys.filter { keys.isEntity($0) })
    }

    /// Number of entity keys two claims share.
    static func sharedEntities(_ a: ClaimCorpus.ClaimRow, _ b: ClaimCorpus.ClaimRow, _ keys: KeyNames) -> Int {
        Set(a.keys).intersection(b.keys).filter { keys.isEntity($0) }.count
    }

    /// The entities and words the conflicting claims share (a short topic).
    static func sharedTopic(_ cs: [ClaimCorpus.ClaimRow], names: (Int32) -> String, isDate: (Int32) -> Bool,
                            isEntity: (Int32) -> Bool) -> String {
        guard var shared = cs.first.map({ Set($0.keys) }) else { return "" }
        for c in cs.dropFirst() { shared.formIntersection(c.keys) }
        let words = shared.filter { !isDate($0) }.map { (entity: isEntity($0), name: names($0)) }.sorted { a, b in
            (a.entity ? 0 : 1, a.name) < (b.entity ? 0 : 1, b.name)
        }
        return words.prefix(6).map(\.name).joined(separator: " ")
    }
}
