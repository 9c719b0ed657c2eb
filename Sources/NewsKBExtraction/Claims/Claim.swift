/// A proposition a document asserts: one per sentence of the article's own text, and one per
/// attributed statement (linked to it), with a normalized form for matching across documents.
///
/// The normalized form is what the corpus-level phase compares: ``terms`` (content words reduced
/// to a base form, synonyms mapped to one representative: `armored`/`bulletproof` → `armor`),
/// ``entities`` (indexes into ``DocumentAnalysis/entities``; the store maps them to canonical
/// entity ids), ``quantities`` (numbers with normalized units: `37 mph` → 59.5 `km/h`), and
/// ``dates`` (resolved against the publication date by ``ClaimDate/resolved(publishedOn:)``).
/// How a claim is asserted as to time, as far as grouping cares.
public enum ClaimMood: UInt8, Sendable {
    /// The present, or nothing that tells (`wants food aid`): groups with either of the others.
    case unmarked
    /// What is to happen, may happen or is meant to: a modal or future (`will unveil the chip`,
    /// `would amend its offer`), an intention (`plans to sell the station`, `agreed to sell`,
    /// `expects sales to rise`) or a condition (`if the president had committed a crime`).
    case prospective
    /// What happened: a past form (`unveiled the chip on Monday`, `has completed the sale`).
    case past
}

public struct Claim: Sendable, Equatable {
    /// The evidence: the sentence, or the content of the statement.
    public var span: TextSpan
    /// Index into ``DocumentAnalysis/sentences`` of the sentence holding the start of ``span``.
    public var sentence: Int
    /// Index into ``DocumentAnalysis/statements`` when the document attributes the claim to a
    /// source; nil when the document asserts it itself.
    public var statement: Int?
    /// Sorted, distinct base forms of the content words (stop words dropped, synonyms mapped).
    public var terms: [String]
    /// Sorted, distinct indexes into ``DocumentAnalysis/entities`` mentioned inside ``span``.
    public var entities: [Int]
    /// Numbers with their normalized units, in text order.
    public var quantities: [Quantity]
    /// Dates and times mentioned, in text order (unresolved: see ``ClaimDate``).
    public var dates: [ClaimDate]
    /// True when the claim is asserted negatively (`not`, `never`, `denied`).
    public var negated: Bool
    /// How the claim is asserted as to time (``ClaimMood``): its matching keys carry its marker
    /// (``ClaimKey/marker(_:)``), and the corpus phase does not group a prospective claim with a
    /// past one (two stages of one story: a chip to be unveiled and one unveiled).
    public var mood = ClaimMood.unmarked
    /// True when the claim states what is to happen, may happen or is meant to (``ClaimMood/prospective``).
    public var prospective: Bool { mood == .prospective }
    /// True when the claim says what happened (``ClaimMood/past``).
    public var past: Bool { mood == .past }
    /// Predicate slots used to find conflicting claims (where an event takes place, where
    /// something heads, who supplies whom).
    public var frames: [ClaimFrame]
    /// Its sentence vector (``ClaimVectors``): the meaning the corpus phase compares; empty
    /// when the claim has no WordPiece.
    public var vector: [Int8] = []
    /// Index into ``DocumentAnalysis/entities`` of whom the claim is about when the text says it
    /// only by a pronoun or a relative clause: the organisation that says `its posting is 19 dlrs`,
    /// the name before `, who was president…`. Its matching keys carry a marker
    /// (``ClaimKey/holder(_:)``), and the corpus phase does not group two claims whose holders
    /// differ (one template said by two companies).
    public var holder: Int?

    public init(span: TextSpan, sentence: Int, statement: Int? = nil, terms: [String] = [], entities: [Int] = [],
                quantities: [Quantity] = [], dates: [ClaimDate] = [], negated: Bool = false, frames: [ClaimFrame] = []) {
        self.span = span
        self.sentence = sentence
        self.statement = statement
        self.terms = terms
        self.entities = entities
        self.quantities = quantities
        self.dates = dates
        self.negated = negated
        self.frames = frames
    }

    /// The normalized form as one line of text: terms, then quantities (for display and keys).
    public var normalized: String {
        (terms + quantities.map(\.key)).joined(separator: " ")
    }
}

/// A number with its unit normalized to a canonical unit (`km/h`, `km`, `kg`, `%`, `USD`, …;
/// `""` for a plain count): `37 mph` → 59.55 km/h, `twenty` → 20, `$1.2bn` → 1.2e9 USD.
public struct Quantity: Sendable, Equatable, Hashable {
    /// The value in the canonical unit.
    public var value: Double
    /// The canonical unit; `""` for a count.
    public var unit: String
    /// The counted noun's base form for a plain count (`carriag` in `20 carriages`), else "".
    public var noun: String
    /// The text it was read from.
    public var span: TextSpan

    /// A quarter or a half of a year (``ClaimExtractor/readPeriod(_:_:_:_:_:)``): when something
    /// is, like a date, rather than how much.
    public var isPeriod: Bool { unit == "quarter" || unit == "half" }

    public init(value: Double, unit: String, noun: String = "", span: TextSpan) {
        self.value = value
        self.unit = unit
        self.noun = noun
        self.span = span
    }

    /// True when two values of the same unit denote the same amount (within 3%, as unit
    /// conversions and rounding in news text go: 37 mph ≈ 59 km/h).
    public func matches(_ other: Quantity) -> Bool {
        guard unit == other.unit else { return false }
        let a = abs(value), b = abs(other.value)
        if a == b { return true }
        return abs(a - b) <= 0.03 * max(a, b) + 1e-9
    }

    /// `59.5 km/h`: the value with up to 4 significant digits and the unit.
    public var key: String {
        let u = unit.isEmpty ? (noun.isEmpty ? "#" : noun) : unit
        return Quantity.format(value) + " " + u
    }

    static func format(_ v: Double) -> String {
        if v == v.rounded() && abs(v) < 1e15 { return String(Int64(v)) }
        let mag = abs(v)
        // Too large (or not finite) for integer rounding: the plain description (`1e+30`).
        guard v.isFinite, mag < 1e15 else { return String(v) }
        let digits = mag >= 100 ? 1 : mag >= 10 ? 2 : 3
        var s = String(Double(Int64((v * pow10(digits)).rounded())) / pow10(digits))
        if s.hasSuffix(".0") { s.removeLast(2) }
        return s
    }

    static func pow10(_ n: Int) -> Double { var r = 1.0; for _ in 0..<n { r *= 10 }; return r }
}

/// A date or time expression, as far as the text fixes it. Absolute parts (year, month, day)
/// are read from the text; relative ones (`Tuesday`, `yesterday`, `last month`) are kept as
/// offsets and resolved against the publication date by ``resolved(publishedOn:)``.
public struct ClaimDate: Sendable, Equatable, Hashable {
    public var year: Int?
    public var month: Int?
    public var day: Int?
    /// 1 = Monday … 7 = Sunday, for a bare weekday name.
    public var weekday: Int?
    /// Days relative to publication (`yesterday` = -1, `today` = 0, `tomorrow` = 1).
    public var relativeDays: Int?
    /// A weekday or a month without a year that refers forward (`will meet on Thursday`, `next
    /// Tuesday`, `will meet in May`): it resolves to the first such day or month on or after the
    /// publication date.
    public var future = false
    /// A month without a year in a claim about the past (`bought the plant in August`): it
    /// resolves to the last such month on or before the publication date.
    public var past = false
    public var span: TextSpan

    public init(year: Int? = nil, month: Int? = nil, day: Int? = nil, weekday: Int? = nil,
                relativeDays: Int? = nil, span: TextSpan) {
        self.year = year
        self.month = month
        self.day = day
        self.weekday = weekday
        self.relativeDays = relativeDays
        self.span = span
    }

    /// The date as precisely as known, `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or `weekday:N` /
    /// `month:MM` when it cannot be resolved. With `published` (`YYYY-MM-DD…`), weekdays and
    /// relative days resolve to a calendar day (a weekday to the latest such day on or before
    /// the publication date, as news reports mostly past events, or the first on or after it
    /// when ``future``), and a month without a year to the publication year.
    public func resolved(publishedOn published: String?) -> String {
        let pub = published.flatMap(CivilDate.parse)
        // A month without a year is of the publication year, or the first such month on or after
        // the publication month when ``future``, the last on or before it when ``past`` (`bought
        // the plant in August`, in March 1987, is August 1986).
        let inferredYear = month.flatMap { m in
            pub.map { p in future && m < p.month ? p.year + 1 : past && m > p.month ? p.year - 1 : p.year }
        }
        if let y = year ?? inferredYear {
            guard let m = month else { return pad(y, 4) }
            guard let d = day else { return pad(y, 4) + "-" + pad(m, 2) }
            return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
        }
        if let p = pub {
            if let r = relativeDays { return p.adding(days: r).string }
            if let w = weekday {
                if future { return p.adding(days: (w - p.weekday + 7) % 7).string }
                let back = (p.weekday - w + 7) % 7
                return p.adding(days: -back).string
            }
        }
        if let w = weekday { return "weekday:\(w)" }
        if let r = relativeDays { return "relative:\(r)" }
        if let m = month { return day.map { "month:" + pad(m, 2) + "-" + pad($0, 2) } ?? "month:" + pad(m, 2) }
        return "?"
    }

    private func pad(_ v: Int, _ n: Int) -> String {
        let s = String(v)
        return s.count >= n ? s : String(repeating: "0", count: n - s.count) + s
    }
}

/// A proleptic Gregorian calendar day, for resolving relative dates without Foundation.
public struct CivilDate: Sendable, Equatable {
    public var year: Int, month: Int, day: Int

    /// Reads a publication date from the start of a string, as news feeds and archives write
    /// them: `YYYY-MM-DD` (ISO dates and timestamps, `2023-09-13T10:00:00Z`), `YYYY/MM/DD`,
    /// `D-MON-YYYY` (`26-MAR-1987 14:42:44.66`, as newswire archives write it), RFC 2822 (RSS:
    /// `Wed, 13 Sep 2023 10:00:00 +0000`; the day as written, whatever the zone), `13 September
    /// 2023` and `September 13, 2023` (a month's name in full or cut to three or four letters, with
    /// or without a full stop, a weekday before it or not). Numeric dates that put the day or the
    /// month first (`09/13/2023`, `13.09.2023`) are not read: which is which cannot be told. Nil
    /// when the string opens with none of these, or with a day its month does not have.
    public static func parse(_ s: String) -> CivilDate? {
        if let d = parseISO(s) { return d }
        let parts = s.prefix(11).split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, let d = Int(parts[0]), let y = Int(parts[2].prefix(4)), parts[2].count >= 4,
           let m = month(named: parts[1]) {
            return valid(y, m, d)
        }
        return parseWords(s)
    }

    /// The month a name stands for (`Sep`, `Sept.`, `september`; 1-12).
    static func month(named raw: Substring) -> Int? {
        var name = raw.lowercased()
        while name.hasSuffix(".") { name.removeLast() }
        guard name.count >= 3 else { return nil }
        let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
        if let i = months.firstIndex(of: name) { return i + 1 }
        if name == "sept" { return 9 }
        return name.count == 3 ? months.firstIndex { $0.hasPrefix(name) }.map { $0 + 1 } : nil
    }

    /// The date when `d` is a day of month `m` of year `y`.
    static func valid(_ y: Int, _ m: Int, _ d: Int) -> CivilDate? {
        guard (1...12).contains(m), d >= 1 else { return nil }
        let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return d <= days ? CivilDate(year: y, month: m, day: d) : nil
    }

    /// `D Month YYYY` or `Month D, YYYY` (RFC 2822 among them), after an optional weekday.
    static func parseWords(_ s: String) -> CivilDate? {
        let words = s.prefix(40).split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).prefix(5)
        var w = Array(words)
        let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        if let first = w.first, first.count >= 3, weekdays.contains(String(first.prefix(3)).lowercased()), month(named: first) == nil { w.removeFirst() }
        guard w.count >= 3, let y = Int(w[2].prefix(4)), w[2].prefix(4).count == 4, w[2].count == 4 || !w[2].dropFirst(4).first!.isNumber else { return nil }
        if let d = Int(w[0]), let m = month(named: w[1]) { return valid(y, m, d) }
        if let m = month(named: w[0]), let d = Int(w[1].filter { $0.isNumber }), w[1].first?.isNumber == true { return valid(y, m, d) }
        return nil
    }

    /// `YYYY-MM-DD` or `YYYY/MM/DD` at the start of a string.
    static func parseISO(_ s: String) -> CivilDate? {
        let b = Array(s.utf8.prefix(10))
        guard b.count == 10, b[4] == 45 || b[4] == 47, b[7] == b[4] else { return nil }
        func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r { guard b[i] >= 48 && b[i] <= 57 else { return nil }; v = v * 10 + Int(b[i] - 48) }
            return v
        }
        guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10), (1...12).contains(m), (1...31).contains(d) else { return nil }
        return CivilDate(year: y, month: m, day: d)
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(year: Int, month: Int, day: Int) { self.year = year; self.month = month; self.day = day }

    public init(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// 1 = Monday … 7 = Sunday.
    public var weekday: Int { ((dayNumber % 7 + 7 + 3) % 7) + 1 }

    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

    public var string: String {
        func pad(_ v: Int, _ n: Int) -> String { let s = String(v); return s.count >= n ? s : String(repeating: "0", count: n - s.count) + s }
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }
}

/// A predicate slot of a claim, for finding conflicts: `meet` at `Vladivostok`, `head`
/// toward `Vladivostok`, `supply` from `North Korea` to `Russia`.
public struct ClaimFrame: Sendable, Equatable, Hashable {
    public enum Role: String, Sendable {
        /// Where the event takes place (`in`, `at`).
        case at
        /// Where something heads (`to`, `towards`, `en route to`).
        case toward
        /// Where it heads away from (`away from`, `past`).
        case away
        /// When the event takes place (the value is a ``ClaimDate`` resolved later).
        case time
        /// Who does it to whom: value is `agent>patient` entity indexes.
        case direction
    }
    /// The predicate class from `claims-predicates.txt` (`meet`, `head`, `supply`).
    public var predicate: String
    public var role: Role
    /// Index into ``DocumentAnalysis/entities`` (place roles and direction agent), or into
    /// ``Claim/dates`` for `.time`.
    public var value: Int
    /// The patient entity index for `.direction`.
    public var other: Int?
    /// The words giving the value (`in Vladivostok`, `away from the city of Vladivostok`).
    public var span: TextSpan

    public init(predicate: String, role: Role, value: Int, other: Int? = nil, span: TextSpan) {
        self.predicate = predicate
        self.role = role
        self.value = value
        self.other = other
        self.span = span
    }
}
