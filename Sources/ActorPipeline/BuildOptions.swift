/// Which actors become nodes.
public enum GraphLevel: String, Sendable, CaseIterable, Codable {
    /// People only (and organisations unless dropped).
    case person
    /// People and institutions folded into their states; people who speak for an organisation on the date
    /// (the UN Secretary-General, a Houthi spokesman) follow that organisation's policy.
    case state
    /// Everything as found.
    case all
}

/// The span of text in which two actors count as co-occurring.
public enum CooccurrenceWindow: String, Sendable, CaseIterable, Codable {
    case clause, sentence, paragraph, document
}

/// What to do with organisations.
public enum OrganizationPolicy: String, Sendable, CaseIterable, Codable {
    /// Organisations are nodes of their own (at state level, with their officials).
    case keep
    /// Organisations with a state link become that state (at state level, with their officials); the others
    /// stay.
    case fold
    /// Organisations, and at state level their officials, are left out.
    case drop
}

/// Options of `actorgraph build`.
public struct BuildOptions: Sendable, Equatable {
    public var level: GraphLevel = .all
    public var window: CooccurrenceWindow = .sentence
    public var organizations: OrganizationPolicy = .keep
    /// Most evidence sentences kept per edge.
    public var evidencePerEdge: Int = 5

    public init(level: GraphLevel = .all, window: CooccurrenceWindow = .sentence, organizations: OrganizationPolicy = .keep,
                evidencePerEdge: Int = 5) {
        self.level = level
        self.window = window
        self.organizations = organizations
        self.evidencePerEdge = evidencePerEdge
    }

    /// The options as recorded in a graph's metadata.
    public var metadata: [String: String] {
        ["level": level.rawValue, "window": window.rawValue, "organizations": organizations.rawValue,
         "evidence_per_edge": String(evidencePerEdge)]
    }
}
