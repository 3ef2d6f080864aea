import ActorCorpus
import ActorExtraction
import ActorGraph
import ActorKnowledge
import ActorText

/// Documents → mentions → graph.
///
/// Each document is turned into a small graph on its own (``graph(for:)``; for corpus builds, the lighter
/// ``GraphContribution`` of `contribution(for:)`), and these are merged, so the work parallelises and shards
/// merge. Immutable and `Sendable`.
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
        let text = TokenizedText(document.utf8)
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
        let (part, text) = contribution(for: document)
        var graph = RelationGraph(metadata: part.metadata, nodes: part.nodes, edges: part.edges)
        graph.canonicalize()
        return (graph, text)
    }

    /// One actor of a document: its first mention, its mentions (token, sentence, window) in text order and
    /// the number of windows it occurs in.
    private struct DocumentActor {
        var id: String
        var first: Mention
        var occurrences: [(token: Int, sentence: Int, window: Int)] = []
        var windows = 0
    }

    /// Whether one of the two is a person who speaks for the other on the article's date: an official of that
    /// state ("بحثنا مع وزير الخارجية المصري … مصر"), or a member of that organisation (تاسك … المجلس الأوروبي).
    /// Such pairs are affiliations, not relations: no edge (the annotated sets never list one). A person of an
    /// organisation keeps edges with the organisation's state (حسن نصر الله and Lebanon).
    private static func affiliated(_ a: DocumentActor, _ b: DocumentActor) -> Bool {
        func speaks(_ p: DocumentActor, for o: DocumentActor) -> Bool {
            guard p.first.kind == .person else { return false }
            if let org = p.first.organization { return org == o.id }
            return p.first.country == o.id
        }
        return speaks(a, for: b) || speaks(b, for: a)
    }

    /// An unordered pair of actors (indices into the document's actors) in one sentence (`-1`: anywhere).
    private struct PairKey: Hashable {
        var low: Int32
        var high: Int32
        var sentence: Int

        init(_ a: Int, _ b: Int, sentence: Int) {
            low = Int32(min(a, b))
            high = Int32(max(a, b))
            self.sentence = sentence
        }
    }

    /// The nodes, edges and metadata one document adds to a graph, and its tokenized text.
    ///
    /// Actors are numbered in order of first mention and handled by number (no string-keyed tables per
    /// mention or pair); the edges of one pair over several windows are folded here, so each node and
    /// edge is handed over once. Absorbing the result gives the same graph as absorbing
    /// ``graphAndText(for:)``'s.
    /// - Complexity: O(t + Σ m²) for t tokens and m actors per window.
    func contribution(for document: Document) -> (GraphContribution, TokenizedText) {
        let analysis = recognizer.analyze(TokenizedText(document.utf8), date: document.date)
        let text = analysis.text
        let metadata = GraphMetadata(
            documents: 1, dateFrom: document.date, dateTo: document.date,
            sources: document.source.map { [$0] } ?? [], options: metadataOptions)
        var actors: [DocumentActor] = []
        var actorIndex: [String: Int] = [:]
        // Windows in increasing order, each with its actors in order of first mention and that mention's
        // first token and sentence.
        var windows: [(window: Int, actors: [(actor: Int, token: Int, sentence: Int)])] = []
        // Pairs of actors coordinated in a sentence (روسيا والصين، إيران وروسيا وسوريا): every two members
        // of one list.
        var coordinated = Set<PairKey>()
        // Pairs of a long list (four or more: members, examples, places of a region): coordinated, but the
        // sentence's act does not make every two of them allies (45 "aligned" pairs from one list of ten
        // condemning states).
        var enumerated = Set<PairKey>()
        // Pairs of a catalogue (seven or more): not related by the sentence at all. Nor is a member of a
        // catalogue related to anything else in its sentence (the countries of an epidemic to the ministry
        // that lists them; the first half of a catalogue that an unknown name cut in two to the second).
        var catalogue = Set<PairKey>()
        var catalogueTokens = Set<Int>()
        var listTokens: [Int] = []
        var listPairs: [PairKey] = []
        // Pairs listed together as places (في العراق وسوريا): where something happens, so no trigger of the
        // sentence relates them and they are not one side of it.
        var places = Set<PairKey>()
        var list: [Int] = []
        // Items of the current list, with those between its members that are not actors.
        var listLength = 0
        // The list each mention belongs to, by its first token (for the scorer's nearer-actor test).
        var listOf: [Int: Int] = [:]
        var listCount = 0
        var listEnd = -1
        var listStart = -1
        var placeList = false
        for m in analysis.mentions {
            guard let id = nodeID(for: m) else { continue }
            let a: Int
            if let known = actorIndex[id] {
                a = known
            } else {
                a = actors.count
                actorIndex[id] = a
                actors.append(DocumentActor(id: id, first: m))
            }
            // An item the knowledge base does not know (بنين، a town) between two members still makes one list.
            let bridged = list.isEmpty ? false : Self.bridgesItem(after: listEnd, mention: m, in: text)
            if !list.isEmpty, bridged || Self.coordinated(after: listEnd, mention: m, in: text),
               !Self.afterBetween(listStart, in: text) {
                for other in list where other != a {
                    if placeList {
                        places.insert(PairKey(other, a, sentence: m.sentence))
                    } else {
                        coordinated.insert(PairKey(other, a, sentence: m.sentence))
                        listPairs.append(PairKey(other, a, sentence: m.sentence))
                    }
                }
                list.append(a)
                listTokens.append(m.tokens.lowerBound)
                listLength += bridged ? 2 : 1
                if listLength >= Self.enumerationLength { enumerated.formUnion(listPairs) }
                if listLength >= Self.catalogueLength {
                    catalogue.formUnion(listPairs)
                    catalogueTokens.formUnion(listTokens)
                }
            } else {
                list = [a]
                listLength = 1
                listTokens = [m.tokens.lowerBound]
                listCount += 1
                listPairs = []
                listStart = m.tokens.lowerBound
                placeList = Self.afterIn(listStart, in: text)
            }
            listEnd = m.tokens.upperBound
            listOf[m.tokens.lowerBound] = listCount
            let w = window(of: m, in: text)
            // Windows come in text order, so the search almost always ends at the last one.
            var slot = windows.count
            while slot > 0 && windows[slot - 1].window >= w { slot -= 1 }
            if slot == windows.count || windows[slot].window != w { windows.insert((w, []), at: slot) }
            if !windows[slot].actors.contains(where: { $0.actor == a }) {
                windows[slot].actors.append((a, m.tokens.lowerBound, m.sentence))
                actors[a].windows += 1
            }
            actors[a].occurrences.append((m.tokens.lowerBound, m.sentence, w))
        }
        var nodes: [Node] = []
        nodes.reserveCapacity(actors.count)
        for actor in actors {
            guard var node = describeNode(actor.id, mention: actor.first, date: document.date) else { continue }
            node.mentions += actor.occurrences.count
            node.windows += actor.windows
            nodes.append(node)
        }
        var partMetadata = metadata
        partMetadata.windows = windows.count

        // Sentences with two or more actors, the actors' first tokens by sentence, the actor at each token.
        var actorsBySentence: [Int: [Int]] = [:]
        var actorAt: [Int: String] = [:]
        var firstActorOfSentence: [Int: Int] = [:]
        var sharedSentences = Set<Int>()
        for (a, actor) in actors.enumerated() {
            for o in actor.occurrences {
                actorsBySentence[o.sentence, default: []].append(o.token)
                actorAt[o.token] = actor.id
                if let other = firstActorOfSentence[o.sentence] {
                    if other != a { sharedSentences.insert(o.sentence) }
                } else {
                    firstActorOfSentence[o.sentence] = a
                }
            }
        }
        let scorer = StanceScorer(text: text, triggers: analysis.triggers, sentences: sharedSentences,
                                  actors: actorsBySentence, actorAt: actorAt, listOf: listOf)
        // First every pair's stance in every window, then the edges: a window with no word relating the pair
        // takes, weakly, the sign the pair has in the rest of the article (see `contextWeight`).
        var scored: [(w: Int, x: Int, y: Int, stance: PairStance)] = []
        var articleNet: [PairKey: Double] = [:]
        for (w, inWindow) in windows where inWindow.count > 1 {
            // Each actor's mentions in this window (token, sentence), in text order.
            let mentions = inWindow.map { entry in
                actors[entry.actor].occurrences.filter { $0.window == w }.map { (token: $0.token, sentence: $0.sentence) }
            }
            for p in 0..<inWindow.count {
                for q in (p + 1)..<inWindow.count {
                    let x = inWindow[p].actor, y = inWindow[q].actor
                    // An official and the state or organisation they speak for are one side, not a relation.
                    if Self.affiliated(actors[x], actors[y]) { continue }
                    // Stance needs both in one sentence; larger windows count co-occurrence only across sentences.
                    // The closest mentions of the two in one sentence of the window, preferring a pair that no
                    // contrast word separates ("… واشنطن …، فيما رحب نتنياهو بموقف واشنطن").
                    // Coordination holds in the sentence where the two are listed together, not elsewhere in the
                    // document ("دعا موسكو وأنقرة إلى التهدئة" does not make them allies in "أسقطت تركيا طائرة روسية").
                    let closest = scorer.closestPair(mentions[p], mentions[q])
                    if let c = closest, catalogue.contains(PairKey(x, y, sentence: c.sentence))
                        || catalogueTokens.contains(c.px) || catalogueTokens.contains(c.py) { continue }
                    let stance = closest.map {
                        places.contains(PairKey(x, y, sentence: $0.sentence)) ? PairStance()
                            : scorer.score(x: actors[x].id, px: $0.px, y: actors[y].id, py: $0.py, sentence: $0.sentence,
                                           coordinated: coordinated.contains(PairKey(x, y, sentence: $0.sentence)),
                                           enumerated: enumerated.contains(PairKey(x, y, sentence: $0.sentence)))
                    } ?? PairStance()
                    // Members of one long list that no word of the sentence relates to each other (the countries
                    // of a draw, of a statistic, of a tour) only share the list: no edge.
                    if let c = closest, stance.trigger == nil, !stance.aligned,
                       enumerated.contains(PairKey(x, y, sentence: c.sentence)) { continue }
                    scored.append((w, x, y, stance))
                    if stance.trigger != nil { articleNet[PairKey(x, y, sentence: -1), default: 0] += stance.net }
                }
            }
        }
        // The edges, one per pair, folded in the order their windows were scored.
        var edges: [Edge] = []
        var edgeOfPair: [PairKey: Int] = [:]
        let cap = options.evidencePerEdge
        var segment: (window: Int, start: Int, end: Int, text: String)? = nil
        for (w, x, y, found) in scored {
            var stance = found
            var category = stance.aligned ? "aligned" : stance.trigger?.category.rawValue
            if stance.trigger == nil, !stance.aligned, !stance.cut, let n = articleNet[PairKey(x, y, sentence: -1)], n != 0 {
                // "Context": no trigger here, but the article relates the two elsewhere with this sign.
                if n > 0 { stance.cooperation = Self.contextWeight } else { stance.conflict = Self.contextWeight }
                category = "context"
            }
            let net = (stance.net * 100).rounded() / 100
            // Pairs are scored window by window, so one window's text is made once.
            if segment?.window != w {
                let s = segmentOf(window: w, in: text)
                segment = (w, s.start, s.end, s.text)
            }
            let evidence = Evidence(
                document: document.id, sentence: w, start: segment!.start, end: segment!.end, text: segment!.text,
                trigger: stance.trigger?.text, category: category,
                score: category == nil ? nil : net, source: stance.source, date: document.date,
                url: document.url)
            let xid = actors[x].id, yid = actors[y].id
            var edge = Edge(
                source: xid, target: yid, count: 1, cooperation: stance.cooperation, conflict: stance.conflict,
                firstSeen: document.date, lastSeen: document.date, evidence: [evidence])
            edge.addFlow(from: xid, stance.forward)
            edge.addFlow(from: yid, stance.backward)
            let key = PairKey(x, y, sentence: -1)
            if let e = edgeOfPair[key] {
                edges[e].absorb(edge, evidenceCap: cap)
            } else {
                // As `RelationGraph.addEdge` takes a new edge.
                if edge.evidence.count > cap { edge.evidence.removeLast(edge.evidence.count - cap) }
                edgeOfPair[key] = edges.count
                edges.append(edge)
            }
        }
        return (GraphContribution(metadata: partMetadata, nodes: nodes, edges: edges), text)
    }

    /// Members from which a list is an enumeration, not a group acting together (روسيا وإيران وتركيا is a group).
    static let enumerationLength = 4
    /// Members from which a list is a catalogue — statistics, rankings, the countries of an epidemic or of a
    /// charity's work, a tour — whose members the sentence does not relate at all: no edge from it. (A reader
    /// who judged 100 SaudiNewsNet evidence items found such lists the commonest error; no pair of the annotated
    /// sets comes from a list of five or more. Seven keeps groups that act together, such as the P5+1 or the GCC.)
    static let catalogueLength = 7

    /// Whether mention `m` is coordinated with a mention ending at token `end`: right after it, joined by
    /// the proclitic و or a comma (a list: إيران، روسيا وسوريا).
    static func coordinated(after end: Int, mention m: Mention, in text: TokenizedText) -> Bool {
        let t = m.tokens.lowerBound
        // "اجتاح التشيك، ثم بولندا، ثم فرنسا"، "روسيا أو الصين": ثم (then) and أو (or) join a list too.
        if t == end + 1, t < text.tokens.count, Self.listWords.contains(text.hashes[end]) { return true }
        guard t == end, t < text.tokens.count else { return false }
        let token = text.tokens[t]
        let joinedByWaw = m.start > Int(token.start) && text.codes[Int(token.codeStart)] == ArabicAlphabet.waw
        // Chained adjectives (التعاون الإيراني السوري الروسي، المحادثات الإيرانية السعودية) are a list too;
        // they agree in gender, so "طالب الوزير الإيراني السعودية بـ…" (an adjective, then a state's name as
        // the object) is not one.
        typealias A = ArabicAlphabet
        let sameEnding = (text.codes(of: t - 1, endWith: [A.yeh]) && text.codes(of: t, endWith: [A.yeh]))
            || (text.codes(of: t - 1, endWith: [A.yeh, A.heh]) && text.codes(of: t, endWith: [A.yeh, A.heh]))
        let chainedAdjective = m.kind == .state && token.spaceOnlyBefore && m.tokens.count == 1
            && text.codes(of: t, beginWith: [A.alef, A.lam]) && text.codes(of: t - 1, beginWith: [A.alef, A.lam]) && sameEnding
        return joinedByWaw || chainedAdjective || (token.boundaryBefore == .clause && !token.spaceOnlyBefore)
            || (token.boundaryBefore == .space && !token.spaceOnlyBefore && dashBetween(t - 1, t, in: text))
    }

    /// Whether mention `m` continues a list that ended at token `end` past one item that is not an actor: one or
    /// two words set off by commas or by dashes on both sides ("أنجولا - بنين - السودان"، "الكاميرون، بنين،
    /// والسودان").
    static func bridgesItem(after end: Int, mention m: Mention, in text: TokenizedText) -> Bool {
        let t = m.tokens.lowerBound
        guard end > 0, t - end >= 1, t - end <= 2, t < text.tokens.count,
              text.sentenceOfToken[end - 1] == text.sentenceOfToken[t] else { return false }
        if t - end == 2, !text.tokens[end + 1].spaceOnlyBefore { return false }
        func comma(_ i: Int) -> Bool { text.tokens[i].boundaryBefore == .clause && !text.tokens[i].spaceOnlyBefore }
        func dash(_ i: Int) -> Bool {
            text.tokens[i].boundaryBefore == .space && !text.tokens[i].spaceOnlyBefore && dashBetween(i - 1, i, in: text)
        }
        return (comma(end) && comma(t)) || (dash(end) && dash(t))
    }

    /// Whether only a dash (- – —) and spaces stand between tokens `a` and `b`: lists in tables and notices
    /// ("أنجولا - بنين - السودان"), and pairs ("محور طهران - دمشق") are written so.
    /// - Complexity: O(k) in the bytes between the two tokens.
    static func dashBetween(_ a: Int, _ b: Int, in text: TokenizedText) -> Bool {
        let from = Int(text.tokens[a].utf8End), to = Int(text.tokens[b].utf8Start)
        guard to - from <= 8 else { return false }
        return text.utf8Text.bytes.withUnsafeBufferPointer { buf in
            var dashes = 0, i = from
            while i < to {
                if buf[i] == 0x20 || buf[i] == 0x09 { i += 1; continue }
                if buf[i] == 0x2D { dashes += 1; i += 1; continue }
                // U+2013 EN DASH, U+2014 EM DASH: E2 80 93 / E2 80 94.
                if i + 2 < to, buf[i] == 0xE2, buf[i + 1] == 0x80, buf[i + 2] == 0x93 || buf[i + 2] == 0x94 {
                    dashes += 1; i += 3; continue
                }
                return false
            }
            return dashes == 1
        }
    }

    static let listWords: WordSet = WordSet(["ثم", "أو"])

    /// The stance given to a window with no trigger for a pair that the article relates elsewhere: a weak
    /// signal of the article's continuity (a multiple of 1/1024, so sums stay exact).
    static let contextWeight = 0.5

    /// Whether the token before `t` is بين ("between X and Y": the two are related, not allied).
    static func afterBetween(_ t: Int, in text: TokenizedText) -> Bool {
        guard t > 0 else { return false }
        return text.codes(of: t - 1, endWith: [ArabicAlphabet.beh, ArabicAlphabet.yeh, ArabicAlphabet.noon])
    }

    /// Whether the list starting at token `t` is of places: "في" (in) right before it — "داعش في العراق وسوريا",
    /// "اللاجئون في سوريا والعراق" name where something happens, not two actors on one side or two parties.
    static func afterIn(_ t: Int, in text: TokenizedText) -> Bool {
        guard t > 0, Int(text.sentenceOfToken[t - 1]) == Int(text.sentenceOfToken[t]) else { return false }
        return inWords.contains(text.hashes[t - 1])
    }

    static let inWords: WordSet = WordSet(["في", "وفي", "ففي", "داخل"])

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
        guard let seg else {
            let whole = text.text
            return (0, whole.unicodeScalars.count, String(whole.prefix(300)))
        }
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
