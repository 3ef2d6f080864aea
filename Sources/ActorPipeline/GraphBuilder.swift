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
    /// `options.metadata`, computed once rather than once per document.
    private let metadataOptions: [String: String]

    public init(recognizer: Recognizer, options: BuildOptions) {
        self.recognizer = recognizer
        self.options = options
        self.metadataOptions = options.metadata
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
            // People fold into the state they speak for on the date. People who speak for an organisation on
            // that date (the UN Secretary-General, Hezbollah's leader, Haftar's LNA) go where the organisation
            // goes: its own node when organisations are kept, its state (if any) when folded, nowhere when
            // dropped — so a Houthi spokesman and the Houthis are one node, not Yemen and the Houthis.
            if let o = m.organization {
                switch options.organizations {
                case .keep: return o
                case .fold: return m.country ?? o
                case .drop: return nil
                }
            }
            return m.country
        case (.state, .state), (.all, _): return m.actor
        case (.person, .person): return m.actor
        case (.person, .organization): return options.organizations == .fold ? m.country : m.actor
        case (.person, .state): return nil
        }
    }

    /// The graph of one document: nodes for its actors, and an edge for every pair that shares a window,
    /// with the stance of the triggers that link them and the window as evidence.
    /// - Complexity: O(t + Σ m²) for t tokens and m actors per window.
    public func graph(for document: Document) -> RelationGraph { graphAndText(for: document).0 }

    /// The graph of one document and its tokenized text (for fingerprints).
    public func graphAndText(for document: Document) -> (RelationGraph, TokenizedText) {
        graphAndText(for: document, canonical: true)
    }

    /// The graph of one document and its tokenized text. Without `canonical`, nodes and edges stay in
    /// insertion order: enough for absorbing into an accumulator, which is canonicalized once at the end.
    func graphAndText(for document: Document, canonical: Bool) -> (RelationGraph, TokenizedText) {
        let analysis = recognizer.analyze(TokenizedText(document.text), date: document.date)
        let text = analysis.text
        var graph = RelationGraph(metadata: GraphMetadata(
            documents: 1, dateFrom: document.date, dateTo: document.date,
            sources: document.source.map { [$0] } ?? [], options: metadataOptions))
        // Window → actors in order of first mention, with that mention's first token and sentence.
        var windows: [Int: [(id: String, token: Int, sentence: Int)]] = [:]
        // Every mention of each actor (token, sentence), to relate the closest two mentions of a pair.
        var occurrences: [String: [(token: Int, sentence: Int, window: Int)]] = [:]
        // Pairs of actors coordinated in a sentence (روسيا والصين، إيران وروسيا وسوريا): every two members
        // of one list.
        var coordinated = Set<String>()
        var list: [String] = []
        var listEnd = -1
        var listStart = -1
        for m in analysis.mentions {
            guard let id = nodeID(for: m) else { continue }
            if !list.isEmpty, Self.coordinated(after: listEnd, mention: m, in: text), !Self.afterBetween(listStart, in: text) {
                for other in list where other != id {
                    coordinated.insert(Self.pairKey(other, id, sentence: m.sentence))
                }
                list.append(id)
            } else {
                list = [id]
                listStart = m.tokens.lowerBound
            }
            listEnd = m.tokens.upperBound
            if graph.node(id) == nil, let node = describeNode(id, mention: m, date: document.date) {
                graph.addNode(node)
            }
            graph.updateNode(id) { $0.mentions += 1 }
            let w = window(of: m, in: text)
            if windows[w]?.contains(where: { $0.id == id }) != true {
                windows[w, default: []].append((id, m.tokens.lowerBound, m.sentence))
            }
            occurrences[id, default: []].append((m.tokens.lowerBound, m.sentence, w))
        }
        for (_, actors) in windows { for a in actors { graph.updateNode(a.id) { $0.windows += 1 } } }
        graph.metadata.windows = windows.count
        var actorsPerSentence: [Int: Set<String>] = [:]
        for (id, list) in occurrences { for o in list { actorsPerSentence[o.sentence, default: []].insert(id) } }
        let scorer = StanceScorer(text: text, triggers: analysis.triggers,
                                  sentences: Set(actorsPerSentence.filter { $0.value.count > 1 }.keys),
                                  actors: occurrences.values.flatMap { $0 }.reduce(into: [Int: [Int]]()) { $0[$1.sentence, default: []].append($1.token) },
                                  actorAt: occurrences.reduce(into: [Int: String]()) { map, entry in
                                      for o in entry.value { map[o.token] = entry.key }
                                  })
        // First every pair's stance in every window, then the edges: a window with no word relating the pair
        // takes, weakly, the sign the pair has in the rest of the article (see `contextWeight`).
        var scored: [(w: Int, x: String, y: String, stance: PairStance)] = []
        var articleNet: [String: Double] = [:]
        for (w, actors) in windows.sorted(by: { $0.key < $1.key }) where actors.count > 1 {
            for p in 0..<actors.count {
                for q in (p + 1)..<actors.count {
                    let x = actors[p], y = actors[q]
                    // Stance needs both in one sentence; larger windows count co-occurrence only across sentences.
                    // The closest mentions of the two in one sentence of the window, preferring a pair that no
                    // contrast word separates ("… واشنطن …، فيما رحب نتنياهو بموقف واشنطن").
                    let inWindow = { (id: String) in (occurrences[id] ?? []).filter { $0.window == w }.map { (token: $0.token, sentence: $0.sentence) } }
                    // Coordination holds in the sentence where the two are listed together, not elsewhere in the
                    // document ("دعا موسكو وأنقرة إلى التهدئة" does not make them allies in "أسقطت تركيا طائرة روسية").
                    let stance = scorer.closestPair(inWindow(x.id), inWindow(y.id)).map {
                        scorer.score(x: x.id, px: $0.px, y: y.id, py: $0.py, sentence: $0.sentence,
                                     coordinated: coordinated.contains(Self.pairKey(x.id, y.id, sentence: $0.sentence)))
                    } ?? PairStance()
                    scored.append((w, x.id, y.id, stance))
                    if stance.trigger != nil { articleNet[Self.pairKey(x.id, y.id, sentence: -1), default: 0] += stance.net }
                }
            }
        }
        var segments: [Int: (start: Int, end: Int, text: String)] = [:]
        for (w, x, y, found) in scored {
            var stance = found
            var category = stance.aligned ? "aligned" : stance.trigger?.category.rawValue
            if stance.trigger == nil, !stance.aligned, !stance.cut, let n = articleNet[Self.pairKey(x, y, sentence: -1)], n != 0 {
                // "Context": no trigger here, but the article relates the two elsewhere with this sign.
                if n > 0 { stance.cooperation = Self.contextWeight } else { stance.conflict = Self.contextWeight }
                category = "context"
            }
            let net = (stance.net * 100).rounded() / 100
            let segment = segments[w] ?? segmentOf(window: w, in: text)
            segments[w] = segment
            let evidence = Evidence(
                document: document.id, sentence: w, start: segment.start, end: segment.end, text: segment.text,
                trigger: stance.trigger?.text, category: category,
                score: category == nil ? nil : net, source: stance.source, date: document.date,
                url: document.url)
            var edge = Edge(
                source: x, target: y, count: 1, cooperation: stance.cooperation, conflict: stance.conflict,
                firstSeen: document.date, lastSeen: document.date, evidence: [evidence])
            edge.addFlow(from: x, stance.forward)
            edge.addFlow(from: y, stance.backward)
            graph.addEdge(edge, evidenceCap: options.evidencePerEdge)
        }
        if canonical { graph.canonicalize() }
        return (graph, text)
    }

    /// Whether mention `m` is coordinated with a mention ending at token `end`: right after it, joined by
    /// the proclitic و or a comma (a list: إيران، روسيا وسوريا).
    static func coordinated(after end: Int, mention m: Mention, in text: TokenizedText) -> Bool {
        let t = m.tokens.lowerBound
        guard t == end, t < text.tokens.count else { return false }
        let token = text.tokens[t]
        let joinedByWaw = m.start > Int(token.start) && text.codes[Int(token.codeStart)] == ArabicAlphabet.waw
        // Chained adjectives (التعاون الإيراني السوري الروسي، المحادثات الإيرانية السعودية) are a list too;
        // they agree in gender, so "طالب الوزير الإيراني السعودية بـ…" (an adjective, then a state's name as
        // the object) is not one.
        let previous = text.normalized(t - 1), current = text.normalized(t)
        let sameEnding = (previous.hasSuffix("ي") && current.hasSuffix("ي")) || (previous.hasSuffix("يه") && current.hasSuffix("يه"))
        let chainedAdjective = m.kind == .state && token.spaceOnlyBefore && m.tokens.count == 1
            && current.hasPrefix("ال") && previous.hasPrefix("ال") && sameEnding
        return joinedByWaw || chainedAdjective || (token.boundaryBefore == .clause && !token.spaceOnlyBefore)
    }

    /// The stance given to a window with no trigger for a pair that the article relates elsewhere: a weak
    /// signal of the article's continuity (a multiple of 1/1024, so sums stay exact).
    static let contextWeight = 0.5

    /// A key for an unordered pair of actors in one sentence.
    static func pairKey(_ a: String, _ b: String, sentence: Int) -> String {
        (a < b ? a + "\u{0}" + b : b + "\u{0}" + a) + "\u{0}\(sentence)"
    }

    /// Whether the token before `t` is بين ("between X and Y": the two are related, not allied).
    static func afterBetween(_ t: Int, in text: TokenizedText) -> Bool {
        guard t > 0 else { return false }
        return text.normalized(t - 1).hasSuffix("بين")
    }

    /// The graph of many documents (the same as merging their graphs).
    /// - Complexity: linear in the documents' graphs plus one final sort.
    public func graph(for documents: [Document]) -> RelationGraph {
        var result = RelationGraph(metadata: GraphMetadata(options: options.metadata))
        for d in documents { result.absorb(graph(for: d), evidenceCap: options.evidencePerEdge) }
        result.canonicalize()
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
        // Evidence keeps at most 1,000 characters of a window (a sentence without punctuation can be a whole file).
        if seg.utf8End - seg.utf8Start > 4000 {
            let head = text.original(utf8: seg.utf8Start..<(seg.utf8Start + 4000))
            return (seg.start, seg.end, String(head.prefix(1000)) + " …")
        }
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
