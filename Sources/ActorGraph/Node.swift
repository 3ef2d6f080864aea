/// What kind of actor a node stands for.
public enum NodeKind: String, Sendable, Codable, CaseIterable, Hashable, Comparable {
    case person
    case state
    case organization

    public static func < (lhs: NodeKind, rhs: NodeKind) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One actor in a ``RelationGraph``.
///
/// Invariant: `id` is unique within a graph; `mentions >= 0`; `firstSeen <= lastSeen` when both are set
/// (dates are ISO 8601 `YYYY-MM-DD` strings, which order lexicographically).
public struct Node: Sendable, Codable, Hashable {
    /// Stable identifier from the knowledge base: ISO alpha-3 for states (`RUS`), a slug for people and
    /// organisations (`sergey-lavrov`, `un`), or `new:` + slug for officials discovered by pattern.
    public var id: String
    /// English name where known, else the Arabic name.
    public var name: String
    /// Arabic name as the knowledge base or the first mention gives it.
    public var nameAr: String
    public var type: NodeKind
    /// ISO 3166-1 alpha-3 of the state (for a state, its own code), or `nil`.
    public var country: String?
    /// Number of mentions folded into this node.
    public var mentions: Int
    /// Number of windows (sentences by default) in which it occurs: the marginal count for association
    /// measures such as PMI.
    public var windows: Int
    public var firstSeen: String?
    public var lastSeen: String?
    /// Metrics computed on the finished graph (see `RelationGraph.computeMetrics`); `nil` until then.
    public var metrics: NodeMetrics?

    public init(
        id: String, name: String, nameAr: String, type: NodeKind, country: String?,
        mentions: Int = 0, windows: Int = 0, firstSeen: String? = nil, lastSeen: String? = nil, metrics: NodeMetrics? = nil
    ) {
        self.id = id
        self.name = name
        self.nameAr = nameAr
        self.type = type
        self.country = country
        self.mentions = mentions
        self.windows = windows
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.metrics = metrics
    }

    enum CodingKeys: String, CodingKey {
        case id, name, nameAr = "name_ar", type, country, mentions, windows
        case firstSeen = "first_seen", lastSeen = "last_seen", metrics
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id), name: try c.decode(String.self, forKey: .name),
            nameAr: try c.decode(String.self, forKey: .nameAr), type: try c.decode(NodeKind.self, forKey: .type),
            country: try c.decodeIfPresent(String.self, forKey: .country),
            mentions: try c.decode(Int.self, forKey: .mentions),
            windows: try c.decodeIfPresent(Int.self, forKey: .windows) ?? 0,
            firstSeen: try c.decodeIfPresent(String.self, forKey: .firstSeen),
            lastSeen: try c.decodeIfPresent(String.self, forKey: .lastSeen),
            metrics: try c.decodeIfPresent(NodeMetrics.self, forKey: .metrics))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(nameAr, forKey: .nameAr)
        try c.encode(type, forKey: .type)
        try c.encode(country, forKey: .country)  // explicit null: the format promises the key
        try c.encode(mentions, forKey: .mentions)
        try c.encode(windows, forKey: .windows)
        try c.encode(firstSeen, forKey: .firstSeen)
        try c.encode(lastSeen, forKey: .lastSeen)
        try c.encodeIfPresent(metrics, forKey: .metrics)
    }
}

/// Metrics stored on nodes for styling and reports.
public struct NodeMetrics: Sendable, Codable, Hashable {
    public var degree: Int
    /// Weighted degree: the sum of the weights of incident edges.
    public var strength: Double
    public var pagerank: Double
    public var betweenness: Double
    public var community: Int

    public init(degree: Int, strength: Double, pagerank: Double, betweenness: Double, community: Int) {
        self.degree = degree
        self.strength = strength
        self.pagerank = pagerank
        self.betweenness = betweenness
        self.community = community
    }
}
