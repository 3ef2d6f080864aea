/// A relation between two actors, with the sentences that explain it.
///
/// Invariants: for an undirected edge `source < target` (so every pair has one key); `count >= 1`;
/// `cooperation >= 0`, `conflict >= 0`, `stance == cooperation - conflict`; evidence is sorted by
/// (document, sentence, start) and capped by the builder.
public struct Edge: Sendable, Codable, Hashable {
    public var source: String
    public var target: String
    public var directed: Bool
    /// The weight used for drawing and filtering; equals `count` unless an association measure was chosen.
    public var weight: Double
    /// Number of windows in which both actors occur.
    public var count: Int
    /// Sum of positive (cooperative) trigger intensities.
    public var cooperation: Double
    /// Sum of the magnitudes of negative (conflictual) trigger intensities.
    public var conflict: Double
    /// Net stance: `cooperation - conflict`; above 0 cooperative, below 0 conflictual.
    public var stance: Double
    public var firstSeen: String?
    public var lastSeen: String?
    public var evidence: [Evidence]

    public init(
        source: String, target: String, directed: Bool = false, weight: Double? = nil, count: Int = 1,
        cooperation: Double = 0, conflict: Double = 0, firstSeen: String? = nil, lastSeen: String? = nil,
        evidence: [Evidence] = []
    ) {
        if !directed && target < source {
            self.source = target
            self.target = source
        } else {
            self.source = source
            self.target = target
        }
        self.directed = directed
        self.count = count
        self.weight = weight ?? Double(count)
        self.cooperation = cooperation
        self.conflict = conflict
        self.stance = cooperation - conflict
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.evidence = evidence
    }

    /// The key that identifies this edge in a graph.
    public var key: EdgeKey { EdgeKey(source: source, target: target, directed: directed) }

    enum CodingKeys: String, CodingKey {
        case source, target, directed, weight, count, cooperation, conflict, stance
        case firstSeen = "first_seen", lastSeen = "last_seen", evidence
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(source, forKey: .source)
        try c.encode(target, forKey: .target)
        try c.encode(directed, forKey: .directed)
        try c.encode(weight, forKey: .weight)
        try c.encode(count, forKey: .count)
        try c.encode(cooperation, forKey: .cooperation)
        try c.encode(conflict, forKey: .conflict)
        try c.encode(stance, forKey: .stance)
        try c.encode(firstSeen, forKey: .firstSeen)
        try c.encode(lastSeen, forKey: .lastSeen)
        try c.encode(evidence, forKey: .evidence)
    }
}

/// Identifies an edge: the ordered pair for directed edges, the sorted pair for undirected ones.
public struct EdgeKey: Sendable, Hashable, Comparable {
    public var source: String
    public var target: String
    public var directed: Bool

    public init(source: String, target: String, directed: Bool) {
        if !directed && target < source {
            self.source = target
            self.target = source
        } else {
            self.source = source
            self.target = target
        }
        self.directed = directed
    }

    public static func < (a: EdgeKey, b: EdgeKey) -> Bool {
        (a.source, a.target, a.directed ? 1 : 0) < (b.source, b.target, b.directed ? 1 : 0)
    }
}

/// Why an edge exists: one window of one document.
public struct Evidence: Sendable, Codable, Hashable, Comparable {
    /// Document id (file name, or the id field of a record).
    public var document: String
    /// Zero-based sentence index within the document.
    public var sentence: Int
    /// Offsets of the sentence in Unicode scalars of the original text, end exclusive.
    public var start: Int
    public var end: Int
    /// The sentence as written (original orthography), trimmed.
    public var text: String
    /// The trigger word that set the stance, as written, if any.
    public var trigger: String?
    /// Trigger category (CAMEO/PLOVER-like), if any.
    public var category: String?
    /// Signed intensity on the −10…+10 scale, if a trigger was found.
    public var score: Double?
    public var date: String?

    public init(
        document: String, sentence: Int, start: Int, end: Int, text: String,
        trigger: String? = nil, category: String? = nil, score: Double? = nil, date: String? = nil
    ) {
        self.document = document
        self.sentence = sentence
        self.start = start
        self.end = end
        self.text = text
        self.trigger = trigger
        self.category = category
        self.score = score
        self.date = date
    }

    public static func < (a: Evidence, b: Evidence) -> Bool {
        (a.document, a.sentence, a.start, a.trigger ?? "") < (b.document, b.sentence, b.start, b.trigger ?? "")
    }
}
