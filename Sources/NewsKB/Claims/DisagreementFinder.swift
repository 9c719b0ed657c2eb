/// Finds where sources disagree, within each story:
/// - `place`: the same event placed in different places (`meet in Vladivostok` vs `the
///   Vostochny Cosmodrome … the meeting place`), or something heading toward a place in one
///   source and away from it (or toward another place) in another;
/// - `time`: the same event at different dates of the same precision;
/// - `direction`: `A supplies B` in one source, `B supplies A` in another;
/// - `numeric` and `negation`: claim pairs from ``ClaimGrouper`` that say the same thing with
///   different numbers, or where one denies what the other asserts.
/// Each disagreement lists every source's position with its evidence (the claim span).
enum DisagreementFinder {
    struct Position { var claim: Int; var position: String }
    struct Found { var kind: String; var topic: String; var story: Int?; var positions: [Position] }

    static func find(claims: [ClaimCorpus.ClaimRow], storyOf: [Int],
                     pairConflicts: [(a: Int, b: Int, kind: ClaimGrouper.ConflictKind)],
                     names: (Int32) -> String, isDate: (Int32) -> Bool, isEntity: (Int32) -> Bool) -> [Found] {
        var out = [Found]()
        // Frames by (story, predicate).
        struct Slot { var claim: Int; var doc: Int; var role: String; var value: String; var label: String; var other: String? }
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
            let places = slots.filter { ["at", "toward", "away"].contains($0.role) }
            if placeConflict(places.map { ($0.doc, $0.role, $0.value) }) {
                out.append(Found(kind: "place", topic: predicate, story: story,
                                 positions: places.map { Position(claim: $0.claim, position: describe($0.role, $0.label)) }))
            }
            // Times: compare values of the same precision only.
            let times = slots.filter { $0.role == "time" && !$0.value.hasPrefix("relative") }
            var byPrecision = [String: [Slot]]()
            for t in times { byPrecision[precision(t.value), default: []].append(t) }
            for p in byPrecision.keys.sorted() {
                let ts = byPrecision[p]!
                let docsByValue = Dictionary(grouping: ts, by: \.value).mapValues { Set($0.map(\.doc)) }
                if docsByValue.count >= 2 && Set(ts.map(\.doc)).count >= 2 && distinctDocsDisagree(docsByValue) {
                    out.append(Found(kind: "time", topic: predicate, story: story,
                                     positions: ts.map { Position(claim: $0.claim, position: "on " + $0.label) }))
                }
            }
            // Direction: A → B against B → A.
            let dirs = slots.filter { $0.role == "direction" && $0.other != nil }
            var pairs = [String: [Slot]]()
            for d in dirs { pairs[[d.value, d.other!].sorted().joined(separator: "\u{1F}"), default: []].append(d) }
            for p in pairs.keys.sorted() {
                let ds = pairs[p]!
                let orientations = Set(ds.map { $0.value })
                let docs = Set(ds.map(\.doc))
                if orientations.count == 2 && docs.count >= 2 {
                    out.append(Found(kind: "direction", topic: predicate, story: story,
                                     positions: ds.map { Position(claim: $0.claim, position: $0.label) }))
                }
            }
        }
        // Pair conflicts: components per kind.
        for kind in [ClaimGrouper.ConflictKind.numeric, .negation] {
            let ps = pairConflicts.filter { $0.kind == kind }
            guard !ps.isEmpty else { continue }
            var parent = [Int: Int]()
            func find(_ x: Int) -> Int { var x = x; while let p = parent[x], p != x { x = p }; return x }
            for p in ps {
                if parent[p.a] == nil { parent[p.a] = p.a }
                if parent[p.b] == nil { parent[p.b] = p.b }
                let ra = find(p.a), rb = find(p.b)
                if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
            }
            var comps = [Int: [Int]]()
            for x in parent.keys { comps[find(x), default: []].append(x) }
            for root in comps.keys.sorted() {
                let members = comps[root]!.sorted()
                let stories = Set(members.map { storyOf[claims[$0].doc] })
                let topic = sharedTopic(members.map { claims[$0] }, names: names, isDate: isDate, isEntity: isEntity)
                let positions: [Position] = members.map { m in
                    let c = claims[m]
                    switch kind {
                    case .numeric:
                        let q = c.quantities.map { Quantity(value: $0.value, unit: $0.unit, noun: $0.noun, span: TextSpan(0, 0)).key }
                        return Position(claim: m, position: q.joined(separator: ", "))
                    case .negation:
                        return Position(claim: m, position: c.negated ? "denies" : "asserts")
                    }
                }
                out.append(Found(kind: kind.rawValue, topic: topic, story: stories.count == 1 ? stories.first : nil, positions: positions))
            }
        }
        return out
    }

    static func describe(_ role: String, _ label: String) -> String {
        switch role {
        case "toward": return "toward " + label
        case "away": return "away from " + label
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

    /// Two documents place the event differently: different places with `at`; toward a place
    /// against away from it; toward two different places.
    static func placeConflict(_ slots: [(doc: Int, role: String, value: String)]) -> Bool {
        for a in slots { for b in slots where a.doc < b.doc {
            switch (a.role, b.role) {
            case ("at", "at"), ("toward", "toward"):
                if a.value != b.value && !slots.contains(where: { $0.doc == a.doc && $0.value == b.value && $0.role == b.role })
                    && !slots.contains(where: { $0.doc == b.doc && $0.value == a.value && $0.role == a.role }) { return true }
            case ("toward", "away"), ("away", "toward"):
                if a.value == b.value { return true }
            default: break
            }
        } }
        return false
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
