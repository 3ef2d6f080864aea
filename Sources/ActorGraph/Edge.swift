/// A relation between two actors, with the sentences that explain it.
///
/// One edge per unordered pair. Its key is the sorted pair; `source`/`target` and `directed` are derived
/// from the directional evidence (`flowForward` is the stance weight pointing from `source` to `target`,
/// `flowBackward` the other way): an edge is directed when directional evidence exists and one direction
/// carries at least two thirds of it, and is then oriented along that direction. Deriving rather than
/// storing the orientation keeps ``RelationGraph/merge(_:evidenceCap:)`` associative and commutative.
///
/// Invariants: `count >= 1`; `cooperation >= 0`, `conflict >= 0`, `stance == cooperation - conflict`;
/// evidence is sorted strongest first (see ``Evidence``'s order) and capped by the builder.
public struct Edge: Sendable, Hashable {
    /// The sorted pair (`a < b`).
    public private(set) var a: String
    public private(set) var b: String
    /// Directional stance weight from `a` to `b`, and from `b` to `a` (sums of trigger magnitudes).
    public private(set) var aToB: Double
    public private(set) var bToA: Double
    /// The weight used for drawing and filtering; equals `count` unless an association measure was chosen.
    public var weight: Double
    /// Number of windows in which both actors occur.
    public var count: Int
    /// Sum of positive (cooperative) trigger intensities.
    public var cooperation: Double
    /// Sum of the magnitudes of negative (conflictual) trigger intensities.
    public var conflict: Double
    public var firstSeen: String?
    public var lastSeen: String?
    public var evidence: [Evidence]

    /// An edge between `source` and `target`. With `directed`, its directional evidence (`flow`, default
    /// the stance magnitude, or 1) points from `source` to `target`.
    public init(
        source: String, target: String, directed: Bool = false, weight: Double? = nil, count: Int = 1,
        cooperation: Double = 0, conflict: Double = 0, flow: Double? = nil, firstSeen: String? = nil,
        lastSeen: String? = nil, evidence: [Evidence] = []
    ) {
        let f = directed ? (flow ?? max(1, cooperation + conflict)) : 0
        if source <= target {
            a = source; b = target; aToB = f; bToA = 0
        } else {
            a = target; b = source; aToB = 0; bToA = f
        }
        self.count = count
        self.weight = weight ?? Double(count)
        self.cooperation = cooperation
        self.conflict = conflict
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.evidence = evidence
    }

    /// Net stance: `cooperation - conflict`; above 0 cooperative, below 0 conflictual.
    public var stance: Double { cooperation - conflict }

    /// Whether the evidence shows a direction (see the type's discussion).
    public var directed: Bool {
        let total = aToB + bToA
        return total > 0 && max(aToB, bToA) * 3 >= total * 2
    }

    /// The actor the relation comes from (for undirected edges, the first of the sorted pair).
    public var source: String { directed && bToA > aToB ? b : a }
    /// The actor the relation goes to.
    public var target: String { directed && bToA > aToB ? a : b }
    /// Directional weight along `source → target`, and against it.
    public var flowForward: Double { directed && bToA > aToB ? bToA : aToB }
    public var flowBackward: Double { directed && bToA > aToB ? aToB : bToA }

    /// The key that identifies this edge in a graph: the sorted pair.
    public var key: EdgeKey { EdgeKey(source: a, target: b) }

    /// The order of ``key``, compared in place (`key` builds an ``EdgeKey`` for each comparison, copying two
    /// strings: sorting a corpus graph's edges spent its time there).
    @inline(__always)
    static func keyOrder(_ x: Edge, _ y: Edge) -> Bool { x.a != y.a ? x.a < y.a : x.b < y.b }

    /// Adds directional evidence from `from` (one of the pair) to the other.
    public mutating func addFlow(from: String, _ amount: Double) {
        if from == a { aToB += amount } else { bToA += amount }
    }
}

extension Edge: Codable {
    enum CodingKeys: String, CodingKey {
        case source, target, directed, weight, count, cooperation, conflict, stance
        case flowForward = "flow_forward", flowBackward = "flow_backward"
        case firstSeen = "first_seen", lastSeen = "last_seen", evidence
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let source = try c.decode(String.self, forKey: .source)
        let target = try c.decode(String.self, forKey: .target)
        let forward = try c.decodeIfPresent(Double.self, forKey: .flowForward) ?? 0
        let backward = try c.decodeIfPresent(Double.self, forKey: .flowBackward) ?? 0
        self.init(
            source: source, target: target, weight: try c.decode(Double.self, forKey: .weight),
            count: try c.decode(Int.self, forKey: .count), cooperation: try c.decode(Double.self, forKey: .cooperation),
            conflict: try c.decode(Double.self, forKey: .conflict),
            firstSeen: try c.decodeIfPresent(String.self, forKey: .firstSeen),
            lastSeen: try c.decodeIfPresent(String.self, forKey: .lastSeen),
            evidence: try c.decode([Evidence].self, forKey: .evidence))
        addFlow(from: source, forward)
        addFlow(from: target, backward)
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
        try c.encode(flowForward, forKey: .flowForward)
        try c.encode(flowBackward, forKey: .flowBackward)
        try c.encode(firstSeen, forKey: .firstSeen)
        try c.encode(lastSeen, forKey: .lastSeen)
        try c.encode(evidence, forKey: .evidence)
    }
}

/// Identifies an edge: the sorted pair of its actors.
public struct EdgeKey: Sendable, Hashable, Comparable {
    public var source: String
    public var target: String

    public init(source: String, target: String, directed: Bool = false) {
        if target < source {
            self.source = target
            self.target = source
        } else {
            self.source = source
            self.target = target
        }
    }

    public static func < (x: EdgeKey, y: EdgeKey) -> Bool { (x.source, x.target) < (y.source, y.target) }
}

/// Why an edge exists: one window of one document.
public struct Evidence: Sendable, Codable, Hashable, Comparable {
    /// Document id (file name, or the id field of a record).
    public var document: String
    /// Zero-based index of the window (sentence, clause or paragraph) within the document.
    public var sentence: Int
    /// Offsets of the window in Unicode scalars of the original text, end exclusive.
    public var start: Int
    public var end: Int
    /// The window's text as written (original orthography), trimmed.
    public var text: String
    /// The trigger word that set the stance, as written, if any.
    public var trigger: String?
    /// Trigger category (CAMEO/PLOVER-like), if any.
    public var category: String?
    /// Signed intensity on the −10…+10 scale, if a trigger was found.
    public var score: Double?
    /// For a directed relation, the actor it comes from.
    public var source: String?
    public var date: String?
    /// The article's URL, if known.
    public var url: String?

    public init(
        document: String, sentence: Int, start: Int, end: Int, text: String,
        trigger: String? = nil, category: String? = nil, score: Double? = nil, source: String? = nil, date: String? = nil,
        url: String? = nil
    ) {
        self.document = document
        self.sentence = sentence
        self.start = start
        self.end = end
        self.text = text
        self.trigger = trigger
        self.category = category
        self.score = score
        self.source = source
        self.date = date
        self.url = url
    }

    /// Strongest first: by the absolute score of the trigger (none counts 0), then document, window, start,
    /// trigger, source and score. A total order on the kept fields, so capping evidence to the first N keeps
    /// the sentences that best answer "why is this edge red?", and does so whatever order graphs are merged in.
    /// - Complexity: field by field, as the lexicographic order of the tuple (document, sentence, start,
    ///   trigger ?? "", source ?? "", score ?? 0), without building the tuples (which copied their strings;
    ///   evidence is compared on every merge of a corpus build).
    public static func < (x: Evidence, y: Evidence) -> Bool {
        let sx = abs(x.score ?? 0), sy = abs(y.score ?? 0)
        if sx != sy { return sx > sy }
        if x.document != y.document { return x.document < y.document }
        if x.sentence != y.sentence { return x.sentence < y.sentence }
        if x.start != y.start { return x.start < y.start }
        if let c = Self.order(x.trigger, y.trigger) { return c }
        if let c = Self.order(x.source, y.source) { return c }
        return (x.score ?? 0) < (y.score ?? 0)
    }

    /// `nil` when `a ?? ""` and `b ?? ""` are equal, else whether the first is less.
    @inline(__always)
    private static func order(_ a: String?, _ b: String?) -> Bool? {
        switch (a, b) {
        case (nil, nil): return nil
        case (let a?, nil): return a.isEmpty ? nil : false
        case (nil, let b?): return b.isEmpty ? nil : true
        case (let a?, let b?): return a == b ? nil : a < b
        }
    }
}
