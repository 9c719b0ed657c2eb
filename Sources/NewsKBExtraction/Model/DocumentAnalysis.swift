/// Everything the extraction derives from one document, as one value.
///
/// The store writes it in the same transaction as the document, so a document is either
/// present with all its derived rows, or absent. All spans are code-point offsets into the
/// body that was analysed (see ``TextSpan``).
public struct DocumentAnalysis: Sendable, Equatable {
    /// Sentences in document order.
    public var sentences: [Sentence]
    /// Distinct entities of this document (one per real-world thing named in it).
    public var entities: [DocumentEntity]
    /// Every mention of a named entity, in document order; `entity` indexes ``entities``.
    public var mentions: [EntityMention]
    /// Attributed statements (who said what), in document order.
    public var statements: [Statement]
    /// Claims (propositions the document asserts or attributes), in sentence order, with their
    /// normalized forms for matching across documents (see ``Claim``).
    public var claims: [Claim]

    public init(sentences: [Sentence] = [], entities: [DocumentEntity] = [],
                mentions: [EntityMention] = [], statements: [Statement] = [], claims: [Claim] = []) {
        self.sentences = sentences
        self.entities = entities
        self.mentions = mentions
        self.statements = statements
        self.claims = claims
    }
}

/// One sentence of a document.
public struct Sentence: Sendable, Equatable {
    public var span: TextSpan
    /// 0-based index of the paragraph (blank-line or line-break separated block) holding it.
    public var paragraph: Int

    public init(span: TextSpan, paragraph: Int) {
        self.span = span
        self.paragraph = paragraph
    }
}

/// The coarse type of a named entity.
public enum EntityType: String, Sendable, CaseIterable, Codable {
    case person = "PERSON"
    case org = "ORG"
    /// Countries, cities, regions with a government.
    case gpe = "GPE"
    case loc = "LOC"
    case facility = "FACILITY"
    case event = "EVENT"
    /// Nationalities, religious and political groups (demonyms).
    case norp = "NORP"
    case product = "PRODUCT"
    case work = "WORK"
    case law = "LAW"
    case misc = "MISC"

    /// The case's position in ``allCases`` (a switch: hashing the raw string costs more).
    @inline(__always)
    public var ordinal: Int {
        switch self {
        case .person: 0
        case .org: 1
        case .gpe: 2
        case .loc: 3
        case .facility: 4
        case .event: 5
        case .norp: 6
        case .product: 7
        case .work: 8
        case .law: 9
        case .misc: 10
        }
    }
}

/// A real-world thing named in one document, after in-document coreference.
public struct DocumentEntity: Sendable, Equatable {
    /// The fullest name the document uses (`Kim Jong Un`, not `Mr. Kim`).
    public var canonicalName: String
    public var type: EntityType
    /// Other surface forms used in the document for it (`Kim`, `Mr. Kim`).
    public var aliases: [String]
    /// Roles or titles the document gives it (`Kremlin spokesman`, `Defence Minister`).
    public var roles: [String]
    /// When a mention matched a built-in gazetteer or user entry: that entry's canonical name
    /// (`United States` for a document that only writes `U.S.`), a stable key for linking
    /// entities across documents. Nil for names the lexicons do not know.
    public var knownName: String? = nil
    /// A person's gender as the document gives it (`Mr`, `Ms`, a given name), for `he`/`she`.
    var gender: Gender = .unknown

    public init(canonicalName: String, type: EntityType, aliases: [String] = [], roles: [String] = []) {
        self.canonicalName = canonicalName
        self.type = type
        self.aliases = aliases
        self.roles = roles
    }
}

/// One mention of an entity in the text.
public struct EntityMention: Sendable, Equatable {
    public var span: TextSpan
    /// The surface text, exactly the spanned characters of the body.
    public var text: String
    /// Index into ``DocumentAnalysis/entities``.
    public var entity: Int
    /// Index into ``DocumentAnalysis/sentences``.
    public var sentence: Int

    public init(span: TextSpan, text: String, entity: Int, sentence: Int) {
        self.span = span
        self.text = text
        self.entity = entity
        self.sentence = sentence
    }
}

/// An attributed statement: who said what, where.
public struct Statement: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable, Codable {
        /// The content is a quotation in quote marks.
        case direct
        /// A quoted fragment inside reported speech.
        case partial
        /// Reported speech.
        case indirect
    }

    public var kind: Kind
    /// The content span (for `direct`, the quotation including its marks is acceptable
    /// but excluding them is preferred).
    public var content: TextSpan
    /// The reporting expression (`said`, `according to`), if any.
    public var cue: TextSpan?
    /// The speaker mention the cue attaches to (may be a pronoun or a description).
    public var speakerSpan: TextSpan?
    /// The resolved speaker entity, an index into ``DocumentAnalysis/entities``.
    public var speakerEntity: Int?
    /// For unnamed sources, the descriptive phrase (`a US official`, `analysts`).
    public var speakerPhrase: String?
    /// Where it was said, when the text says so: a location or a venue (`in Lagos`, `at the
    /// Eastern Economic Forum`, `at a news conference in Vienna`), never a person or an organisation.
    public var place: TextSpan?
    /// Index of the first sentence holding the content.
    public var sentence: Int

    public init(kind: Kind, content: TextSpan, cue: TextSpan? = nil, speakerSpan: TextSpan? = nil,
                speakerEntity: Int? = nil, speakerPhrase: String? = nil, place: TextSpan? = nil, sentence: Int) {
        self.kind = kind
        self.content = content
        self.cue = cue
        self.speakerSpan = speakerSpan
        self.speakerEntity = speakerEntity
        self.speakerPhrase = speakerPhrase
        self.place = place
        self.sentence = sentence
    }
}
