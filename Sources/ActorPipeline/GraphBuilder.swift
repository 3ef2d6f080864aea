import ActorCorpus
import ActorExtraction
import ActorGraph
import ActorKnowledge
import ActorText

/// Documents → mentions → graph.
///
/// Each document is turned into a small graph on its own (``graph(for:)``), and the graphs are merged, so
/// the work parallelises and shards merge. Immutable and `Sendable`.
public struct GraphBuilder: Sendable {
    public let recognizer: Recognizer
    public let options: BuildOptions

    public init(recognizer: Recognizer, options: BuildOptions) {
        self.recognizer = recognizer
        self.options = options
    }

    /// The mentions of a document (tokenized once).
    public func mentions(in document: Document) -> (TokenizedText, [Mention]) {
        let text = TokenizedText(document.text)
        return (text, recognizer.mentions(in: text, date: document.date))
    }

    /// The node a mention becomes at the chosen level, or `nil` when it is left out.
    func nodeID(for m: Mention) -> String? {
        switch (options.level, m.kind) {
        case (_, .organization) where options.organizations == .drop: return nil
        case (.state, .organization):
            if options.organizations == .fold, let c = m.country { return c }
            return m.actor
        case (.state, .person):
            // People fold into the state they speak for on the date; officials of an intergovernmental
            // organisation (the UN Secretary-General) into that organisation, unless organisations are dropped.
            if let c = m.country { return c }
            return options.organizations == .drop ? nil : m.organization
        case (.state, .state), (.all, _): return m.actor
        case (.person, .person): return m.actor
        case (.person, .organization): return options.organizations == .fold ? m.country : m.actor
        case (.person, .state): return nil
        }
    }

    /// The graph of one document.
    /// - Complexity: O(t + m²) for t tokens and m mentions per window.
    public func graph(for document: Document) -> RelationGraph {
        let (text, mentions) = mentions(in: document)
        var graph = RelationGraph(metadata: GraphMetadata(
            inputs: [document.id], documents: 1, dateFrom: document.date, dateTo: document.date,
            sources: document.source.map { [$0] } ?? [], options: options.metadata))
        var windows: [Int: [String]] = [:]
        for m in mentions {
            guard let id = nodeID(for: m) else { continue }
            if graph.node(id) == nil, let node = describeNode(id, mention: m, date: document.date) {
                graph.addNode(node)
            }
            graph.updateNode(id) { $0.mentions += 1 }
            let w = window(of: m, in: text)
            if windows[w]?.contains(id) != true { windows[w, default: []].append(id) }
        }
        for (w, ids) in windows.sorted(by: { $0.key < $1.key }) where ids.count > 1 {
            let segment = segmentOf(window: w, in: text)
            let evidence = Evidence(
                document: document.id, sentence: w, start: segment.start, end: segment.end,
                text: segment.text, date: document.date)
            let sorted = ids.sorted()
            for a in 0..<sorted.count {
                for b in (a + 1)..<sorted.count {
                    graph.addEdge(Edge(
                        source: sorted[a], target: sorted[b], count: 1, firstSeen: document.date,
                        lastSeen: document.date, evidence: [evidence]), evidenceCap: options.evidencePerEdge)
                }
            }
        }
        graph.canonicalize()
        return graph
    }

    /// The graph of many documents, merged in order.
    public func graph(for documents: [Document]) -> RelationGraph {
        var result = RelationGraph(metadata: GraphMetadata(options: options.metadata))
        for d in documents {
            result = result.merge(graph(for: d), evidenceCap: options.evidencePerEdge)
        }
        return result
    }

    func window(of m: Mention, in text: TokenizedText) -> Int {
        switch options.window {
        case .sentence: return m.sentence
        case .document: return 0
        case .clause: return text.clauses.firstIndex { $0.tokens.contains(m.tokens.lowerBound) } ?? 0
        case .paragraph: return text.paragraphs.firstIndex { $0.tokens.contains(m.tokens.lowerBound) } ?? 0
        }
    }

    func segmentOf(window w: Int, in text: TokenizedText) -> (start: Int, end: Int, text: String) {
        let seg: Segment?
        switch options.window {
        case .sentence: seg = text.sentences.indices.contains(w) ? text.sentences[w] : nil
        case .clause: seg = text.clauses.indices.contains(w) ? text.clauses[w] : nil
        case .paragraph: seg = text.paragraphs.indices.contains(w) ? text.paragraphs[w] : nil
        case .document: seg = nil
        }
        guard let seg else { return (0, text.text.unicodeScalars.count, String(text.text.prefix(300))) }
        return (seg.start, seg.end, text.original(seg))
    }

    func describeNode(_ id: String, mention m: Mention, date: String?) -> Node? {
        let seen = date
        if let d = recognizer.describe(id, date: date) {
            let kind: NodeKind = d.kind == .person ? .person : d.kind == .state ? .state : .organization
            return Node(id: id, name: d.nameEn, nameAr: d.nameAr, type: kind, country: d.country,
                        firstSeen: seen, lastSeen: seen)
        }
        if id.hasPrefix("office:") {
            let parts = id.split(separator: ":")
            let role = parts.count > 1 ? parts[1].replacingOccurrences(of: "_", with: " ") : "official"
            let place = parts.count > 2 ? String(parts[2]) : ""
            let placeName = recognizer.describe(place, date: date)?.nameEn ?? place
            return Node(id: id, name: "\(role.prefix(1).uppercased() + role.dropFirst()) of \(placeName)", nameAr: m.text,
                        type: .person, country: m.country, firstSeen: seen, lastSeen: seen)
        }
        if id.hasPrefix("new:") {
            return Node(id: id, name: m.text, nameAr: m.text, type: .person, country: m.country,
                        firstSeen: seen, lastSeen: seen)
        }
        return nil
    }
}

import Foundation
