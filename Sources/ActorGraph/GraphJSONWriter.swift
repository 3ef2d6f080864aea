import Foundation

/// Writes a graph in the JSON format of ``RelationGraph/jsonData()``: byte for byte what `JSONEncoder` with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` writes from the types' `Encodable`
/// conformances (tests compare the two on awkward strings, numbers, empty lists and optional fields), in one
/// pass into a byte buffer, without `JSONEncoder`'s intermediate tree and per-object key sorting (6% of a
/// corpus build's CPU went to them).
///
/// The keys of each object are written in sorted (UTF-8 byte) order, as `.sortedKeys` sorts them; each
/// type's list below is in that order. Optional fields follow the conformances: encoded as `null` where
/// `encode` is used, left out where `encodeIfPresent` (or a synthesized conformance) is.
/// Invariant: only finite numbers; ``RelationGraph/jsonData()`` uses `JSONEncoder` (and its error) otherwise.
/// - Complexity: O(output bytes), plus sorting nodes and edges as `encode(to:)` does.
struct GraphJSONWriter {
    private(set) var out: [UInt8] = []
    /// Finished pieces of the output before `out`, in order: ``parallelArray(_:parts:_:)`` hands its parts
    /// over as pieces instead of copying them into `out` (a corpus graph's evidence is tens of megabytes).
    private(set) var pieces: [[UInt8]] = []

    /// The whole output, in pieces to be written one after the other.
    /// - Complexity: O(1) besides moving `out` to the end.
    mutating func finishedPieces() -> [[UInt8]] {
        var all = pieces
        all.append(out)
        pieces = []
        out = []
        return all
    }
    private var depth = 0

    /// Whether every number of the graph can be written (`JSONEncoder` refuses NaN and infinities).
    static func canWrite(_ g: RelationGraph) -> Bool {
        for n in g.nodes {
            if let m = n.metrics, !(m.strength.isFinite && m.pagerank.isFinite && m.betweenness.isFinite) { return false }
        }
        for e in g.edges {
            let numbers = [e.weight, e.cooperation, e.conflict, e.stance, e.flowForward, e.flowBackward]
            if !numbers.allSatisfy(\.isFinite) { return false }
            for ev in e.evidence where ev.score.map({ !$0.isFinite }) ?? false { return false }
        }
        return true
    }

    mutating func write(_ g: RelationGraph) {
        out.reserveCapacity(1 << 16)
        object { w in
            w.key("edges")
            w.parallelArray(g.edges.sorted(by: Edge.keyOrder)) { w, e in w.write(e) }
            w.key("format"); w.string(RelationGraph.formatName)
            w.key("metadata"); w.write(g.metadata)
            w.key("nodes")
            w.array(g.nodes.sorted { $0.id < $1.id }) { w, n in w.write(n) }
            w.key("version"); w.int(RelationGraph.formatVersion)
        }
    }

    mutating func write(_ m: GraphMetadata) {
        object { w in
            w.key("date_from"); w.optional(m.dateFrom)
            w.key("date_to"); w.optional(m.dateTo)
            w.key("documents"); w.int(m.documents)
            w.key("inputs"); w.array(m.inputs) { w, s in w.string(s) }
            w.key("options")
            w.object { w in
                for (k, v) in m.options.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
                    w.key(k); w.string(v)
                }
            }
            w.key("sources"); w.array(m.sources) { w, s in w.string(s) }
            if let t = m.title { w.key("title"); w.string(t) }
            w.key("tool"); w.string(m.tool)
            w.key("windows"); w.int(m.windows)
        }
    }

    mutating func write(_ n: Node) {
        object { w in
            w.key("country"); w.optional(n.country)
            w.key("first_seen"); w.optional(n.firstSeen)
            w.key("id"); w.string(n.id)
            w.key("last_seen"); w.optional(n.lastSeen)
            w.key("mentions"); w.int(n.mentions)
            if let m = n.metrics {
                w.key("metrics")
                w.object { w in
                    w.key("betweenness"); w.double(m.betweenness)
                    w.key("community"); w.int(m.community)
                    w.key("degree"); w.int(m.degree)
                    w.key("pagerank"); w.double(m.pagerank)
                    w.key("strength"); w.double(m.strength)
                }
            }
            w.key("name"); w.string(n.name)
            w.key("name_ar"); w.string(n.nameAr)
            w.key("type"); w.string(n.type.rawValue)
            w.key("windows"); w.int(n.windows)
        }
    }

    mutating func write(_ e: Edge) {
        object { w in
            w.key("conflict"); w.double(e.conflict)
            w.key("cooperation"); w.double(e.cooperation)
            w.key("count"); w.int(e.count)
            w.key("directed"); w.bool(e.directed)
            w.key("evidence"); w.array(e.evidence) { w, ev in w.write(ev) }
            w.key("first_seen"); w.optional(e.firstSeen)
            w.key("flow_backward"); w.double(e.flowBackward)
            w.key("flow_forward"); w.double(e.flowForward)
            w.key("last_seen"); w.optional(e.lastSeen)
            w.key("source"); w.string(e.source)
            w.key("stance"); w.double(e.stance)
            w.key("target"); w.string(e.target)
            w.key("weight"); w.double(e.weight)
        }
    }

    /// Evidence's synthesized conformance leaves out `nil` fields.
    mutating func write(_ ev: Evidence) {
        object { w in
            if let c = ev.category { w.key("category"); w.string(c) }
            if let d = ev.date { w.key("date"); w.string(d) }
            w.key("document"); w.string(ev.document)
            w.key("end"); w.int(ev.end)
            if let s = ev.score { w.key("score"); w.double(s) }
            w.key("sentence"); w.int(ev.sentence)
            if let s = ev.source { w.key("source"); w.string(s) }
            w.key("start"); w.int(ev.start)
            w.key("text"); w.string(ev.text)
            if let t = ev.trigger { w.key("trigger"); w.string(t) }
            if let u = ev.url { w.key("url"); w.string(u) }
        }
    }

    // MARK: Layout, as JSONEncoder's pretty printing lays it out

    /// Whether the current object or array has had an element (for the separating comma).
    private var hasElement: [Bool] = []

    private mutating func newline() {
        out.append(0x0A)
        for _ in 0..<(depth * 2) { out.append(0x20) }
    }

    /// Starts an element of the current object (its key) or array.
    private mutating func element() {
        if hasElement[hasElement.count - 1] { out.append(UInt8(ascii: ",")) }
        hasElement[hasElement.count - 1] = true
        newline()
    }

    private mutating func open(_ bracket: UInt8) {
        out.append(bracket)
        depth += 1
        hasElement.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        // An empty object or array is written as an opening line, an empty line, then the closing one.
        if !hasElement.removeLast() { out.append(0x0A) }
        out.append(0x0A)
        depth -= 1
        for _ in 0..<(depth * 2) { out.append(0x20) }
        out.append(bracket)
    }

    mutating func object(_ body: (inout GraphJSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"))
    }

    mutating func array<T>(_ items: [T], _ body: (inout GraphJSONWriter, T) -> Void) {
        open(UInt8(ascii: "["))
        for item in items {
            element()
            body(&self, item)
        }
        close(UInt8(ascii: "]"))
    }

    /// As ``array(_:_:)``, the elements written in parts on all cores and joined in order: the same bytes.
    /// For the edges of large graphs (their evidence is most of the output).
    /// - Parameter parts: how many parts (default: one per core, with at least 256 items each).
    mutating func parallelArray<T: Sendable>(_ items: [T], parts: Int? = nil, _ body: @Sendable @escaping (inout GraphJSONWriter, T) -> Void) {
        let parts = min(parts ?? min(ProcessInfo.processInfo.activeProcessorCount, items.count / 256), items.count)
        guard parts > 1 else { return array(items, body) }
        open(UInt8(ascii: "["))
        let depth = self.depth
        let chunks = PartBuffers(count: parts)
        DispatchQueue.concurrentPerform(iterations: parts) { k in
            let range = (items.count * k / parts)..<(items.count * (k + 1) / parts)
            // A writer positioned inside the array: at its depth, after an element unless it writes the first.
            var w = GraphJSONWriter()
            w.depth = depth
            w.hasElement = [k > 0]
            // Sized once from the items (for edges: their evidence text, plus the layout around it), so the
            // buffer is not grown and copied along the way.
            w.out.reserveCapacity(items[range].reduce(1 << 12) { $0 + Self.sizeHint($1) })
            for item in items[range] {
                w.element()
                body(&w, item)
            }
            chunks.set(k, w.out)
        }
        // The parts become pieces of the output as they are; writing goes on in a new buffer.
        pieces.append(out)
        for k in 0..<parts { pieces.append(chunks.get(k)) }
        out = []
        out.reserveCapacity(1 << 16)
        hasElement[hasElement.count - 1] = true
        close(UInt8(ascii: "]"))
    }

    /// About how many bytes an item takes in the output (for reserving buffers; any answer is correct).
    static func sizeHint<T>(_ item: T) -> Int {
        guard let e = item as? Edge else { return 256 }
        return e.evidence.reduce(512) { $0 + $1.text.utf8.count + ($1.url?.utf8.count ?? 0) * 2 + $1.document.utf8.count + 320 }
    }

    mutating func key(_ k: String) {
        element()
        string(k)
        out.append(contentsOf: [0x20, UInt8(ascii: ":"), 0x20])
    }

    // MARK: Values

    mutating func string(_ s: String) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { b in
            var run = 0  // start of the bytes not yet copied
            var i = 0
            while i < b.count {
                // Eight bytes at a time while none needs escaping (most of an evidence sentence).
                if let base = b.baseAddress {
                    while i + 8 <= b.count, !Self.needsEscape(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) { i += 8 }
                }
                guard i < b.count else { break }
                let c = b[i]
                guard c < 0x20 || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") else { i += 1; continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i]))
                i += 1
                run = i
                out.append(UInt8(ascii: "\\"))
                switch c {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(c)
                case 0x08: out.append(UInt8(ascii: "b"))
                case 0x0C: out.append(UInt8(ascii: "f"))
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "t"))
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, hex[Int(c >> 4)], hex[Int(c & 0xF)]])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run...]))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Whether one of the eight bytes of `word` is a control character, a quote or a backslash (the bytes
    /// JSON escapes). Bytes of multi-byte UTF-8 sequences are ≥ 0x80 and never match.
    /// - Complexity: O(1): the classic "has a byte less than n" and "has a zero byte" tests on the word.
    @inline(__always)
    static func needsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        // A byte below 0x20: (x - 0x20…) sets its high bit where x < 0x20, masked to bytes whose own high bit is clear.
        let control = (word &- ones &* 0x20) & ~word & highs
        let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
        let hasQuote = (quote &- ones) & ~quote & highs
        let hasBackslash = (backslash &- ones) & ~backslash & highs
        return (control | hasQuote | hasBackslash) != 0
    }

    mutating func optional(_ s: String?) {
        if let s { string(s) } else { out.append(contentsOf: "null".utf8) }
    }

    mutating func int(_ i: Int) { out.append(contentsOf: String(i).utf8) }

    mutating func bool(_ b: Bool) { out.append(contentsOf: (b ? "true" : "false").utf8) }

    /// As `JSONEncoder` writes a finite `Double`: its shortest round-trip description, without a final `.0`.
    mutating func double(_ d: Double) {
        var text = d.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        out.append(contentsOf: text.utf8)
    }
}

/// Byte buffers that worker threads fill at disjoint indices (see ``GraphJSONWriter/parallelArray(_:_:)``).
private final class PartBuffers: @unchecked Sendable {
    private var parts: [[UInt8]]
    init(count: Int) { parts = Array(repeating: [], count: count) }
    /// Safe because each index is written by exactly one worker, and read after all have finished.
    func set(_ k: Int, _ bytes: [UInt8]) { parts[k] = bytes }
    func get(_ k: Int) -> [UInt8] { parts[k] }
}
