import ActorKnowledge

/// The three kinds of actor.
public enum ActorKind: String, Sendable, Codable, Hashable, CaseIterable {
    case person, state, organization
}

/// How a mention was found.
public enum MentionMethod: String, Sendable, Codable, Hashable {
    /// A name, adjective, capital or institution from the knowledge base.
    case lexicon
    /// A title pattern: a title (+ state) resolved to a named or date-resolved person, or a discovered one.
    case pattern
    /// A short name, title or counterpart word referring to an actor named earlier in the document.
    case coreference
}

/// One mention of an actor in a document.
///
/// `start`/`end` are offsets in Unicode scalars of the **original** text (end exclusive); `text` is the
/// original surface, proclitics (و ب ل ف ك) excluded.
public struct Mention: Sendable, Hashable {
    public var actor: String
    public var kind: ActorKind
    /// ISO alpha-3 of the actor's state on the document's date, or `nil`.
    public var country: String?
    public var start: Int
    public var end: Int
    public var utf8Start: Int
    public var utf8End: Int
    public var text: String
    public var method: MentionMethod
    /// The office that identified a person, if a title did (e.g. `foreign_minister`).
    public var role: String?
    /// For a person speaking for an organisation on the document's date (the UN Secretary-General), its id.
    public var organization: String?
    /// Token range in the tokenized document.
    public var tokens: Range<Int>
    /// Zero-based sentence index.
    public var sentence: Int
}

/// What the recogniser knows about an actor it has found: names and kind.
public struct ActorDescription: Sendable, Hashable {
    public var id: String
    public var nameEn: String
    public var nameAr: String
    public var kind: ActorKind
    public var country: String?
}
