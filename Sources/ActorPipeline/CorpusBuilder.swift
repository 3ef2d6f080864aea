import ActorCorpus
import ActorGraph
import ActorText
import Dispatch
import Foundation
import Synchronization

/// What a corpus build read, folded and skipped: the run's summary.
public struct BuildSummary: Sendable {
    public var documents = 0
    public var stories = 0
    public var reprints = 0
    public var undated = 0
    public var skipped: [String: Int] = [:]
    public var warnings: [String] = []
    public var bytes = 0
    public var seconds = 0.0

    /// One paragraph for standard error.
    public var text: String {
        var s = "read \(documents) documents (\(String(format: "%.1f", Double(bytes) / 1e6)) MB)"
        if reprints > 0 { s += "; \(reprints) reprints folded into \(stories) stories" } else { s += "; \(stories) stories" }
        if undated > 0 { s += "; \(undated) without a date" }
        for (reason, n) in skipped.sorted(by: { $0.key < $1.key }) { s += "; skipped \(n) (\(reason))" }
        if seconds > 0 { s += String(format: "; %.2f s, %.1f MB/s", seconds, Double(bytes) / 1e6 / seconds) }
        return s
    }
}

/// Builds the graph of a whole corpus: reads it chunk by chunk, analyses documents in parallel on `jobs`
/// threads, folds reprints and accumulates one graph.
///
/// The result does not depend on `jobs`: documents are analysed in parallel but folded and accumulated in
/// input order, and stance sums are exact (see `StanceScorer`), so `--jobs 1` and `--jobs 8` give the same
/// bytes. Memory holds at most four chunks of input (two queued by the reader, one being analysed, one being
/// folded) plus the graph.
public struct CorpusBuilder: Sendable {
    /// Makes the graph builder (loads the knowledge base, compiles the lexicon): called once per build, on
    /// the calling thread, while the reader thread already reads the first chunk.
    let makeBuilder: @Sendable () throws -> GraphBuilder
    public let jobs: Int
    public let dedupe: DedupeMode

    public init(builder: GraphBuilder, jobs: Int, dedupe: DedupeMode) {
        self.init(jobs: jobs, dedupe: dedupe) { builder }
    }

    /// A builder whose graph builder is made by `makeBuilder` once reading has started, so that loading the
    /// knowledge base overlaps decompressing and parsing the first input (about 0.1 s of a run).
    public init(jobs: Int, dedupe: DedupeMode, makeBuilder: @escaping @Sendable () throws -> GraphBuilder) {
        self.makeBuilder = makeBuilder
        self.jobs = max(1, jobs)
        self.dedupe = dedupe
    }

    /// Reads `paths` with `reader` and builds their graph.
    /// - Parameter progress: called after each chunk with the documents read so far.
    public func build(_ paths: [String], reader: CorpusReader, progress: ((Int) -> Void)? = nil) throws -> (RelationGraph, BuildSummary) {
        let (graphs, summary) = try build(paths, reader: reader, periods: nil, progress: progress)
        return (graphs[0].graph, summary)
    }

    /// Reads `paths` and builds one graph per period (or one graph when `periods` is `nil`), in period order.
    /// Documents without a date fall in no period; the summary counts them.
    public func build(_ paths: [String], reader: CorpusReader, periods: PeriodScheme?, progress: ((Int) -> Void)? = nil) throws
        -> (graphs: [(label: String, graph: RelationGraph)], summary: BuildSummary)
    {
        let start = DispatchTime.now().uptimeNanoseconds
        var byPeriod: [String: RelationGraph] = [:]
        var index = ReprintIndex(mode: dedupe)
        var summary = BuildSummary()
        // The reader runs on its own thread, one chunk ahead (decompressing and parsing the next file while
        // this one is analysed); documents are still analysed and folded in input order.
        let chunks = ChunkQueue(capacity: 2)
        let readerThread = Thread {
            var report = CorpusReader.Report()
            do {
                try reader.read(paths, report: &report) { docs in try chunks.put(docs) }
                chunks.finish(report: report, error: nil)
            } catch {
                chunks.finish(report: report, error: error)
            }
        }
        readerThread.stackSize = 8 << 20
        readerThread.start()
        let builder: GraphBuilder
        do { builder = try makeBuilder() } catch {
            chunks.cancel()
            throw error
        }
        let empty = RelationGraph(metadata: GraphMetadata(options: builder.options.metadata))
        let cap = builder.options.evidencePerEdge
        var seen = 0
        // Folds an analysed chunk into the graphs in input order: reprints are decided (the first of a story is
        // kept), the rest absorbed. The same order whatever `jobs` is, so the same bytes.
        func fold(_ docs: [Document], _ results: [Result]) {
            for (i, result) in results.enumerated() {
                summary.bytes += docs[i].utf8.count
                if let f = result.fingerprint, index.isReprint(f) {
                    summary.reprints += 1
                    continue
                }
                summary.stories += 1
                if let periods {
                    for label in docs[i].date.map({ periods.labels(for: $0) }) ?? [] {
                        byPeriod[label, default: empty].absorb(result.part, evidenceCap: cap)
                    }
                } else {
                    byPeriod["", default: empty].absorb(result.part, evidenceCap: cap)
                }
            }
        }
        // With several workers, each chunk is analysed while this thread folds the one before, so the workers
        // never wait for the fold (a barrier per chunk left a core idle for a few milliseconds each time).
        var pending: (docs: [Document], results: [Result])? = nil
        while let docs = chunks.take() {
            seen += docs.count
            if jobs > 1, let previous = pending {
                let next = ResultBox()
                let analysed = DispatchSemaphore(value: 0)
                DispatchQueue.global().async {
                    next.results = self.analyse(docs, builder)
                    analysed.signal()
                }
                fold(previous.docs, previous.results)
                analysed.wait()
                pending = (docs, next.results)
            } else {
                if let previous = pending { fold(previous.docs, previous.results) }
                pending = (docs, analyse(docs, builder))
            }
            progress?(seen)
        }
        if let last = pending { fold(last.docs, last.results) }
        let (report, readError) = chunks.outcome()
        if let readError { throw readError }
        summary.documents = report.documents
        summary.undated = report.undated
        summary.skipped = report.skipped
        summary.warnings = report.warnings
        summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let labels = periods.map { $0.order(byPeriod.keys) } ?? [""]
        var graphs: [(label: String, graph: RelationGraph)] = []
        for label in labels {
            // Taken out of the dictionary, so that canonicalizing it does not copy it.
            var g = byPeriod.removeValue(forKey: label) ?? empty
            g.canonicalize()
            if !label.isEmpty { g.metadata.title = g.metadata.title ?? label }
            graphs.append((label, g))
        }
        return (graphs, summary)
    }

    struct Result: Sendable {
        /// What the document adds to the graph.
        var part: GraphContribution
        /// `nil` when reprints are not folded (no need to compute it).
        var fingerprint: Fingerprint?
    }

    /// Analyses the documents of one chunk on `jobs` threads; results in input order.
    func analyse(_ docs: [Document], _ builder: GraphBuilder) -> [Result] {
        let n = docs.count
        let slots = ResultSlots(count: n)
        let workers = min(jobs, n)
        let fingerprint = dedupe != .off
        // Documents are read in place through a buffer pointer (`docs[i]` copied each, retaining its strings).
        docs.withUnsafeBufferPointer { docs in
            if workers <= 1 {
                for i in 0..<n { slots.set(i, Self.analyse(docs[i], builder, fingerprint: fingerprint)) }
            } else {
                // Documents are handed out one at a time from a shared counter (not in fixed strides), so a worker
                // that the reader thread delays does not hold the others at the end of the chunk.
                let next = Atomic<Int>(0)
                nonisolated(unsafe) let shared = docs
                DispatchQueue.concurrentPerform(iterations: workers) { _ in
                    while true {
                        let i = next.add(1, ordering: .relaxed).oldValue
                        guard i < n else { break }
                        slots.set(i, Self.analyse(shared[i], builder, fingerprint: fingerprint))
                    }
                }
            }
        }
        return slots.results()
    }

    static func analyse(_ doc: Document, _ builder: GraphBuilder, fingerprint: Bool) -> Result {
        let (part, text) = builder.contribution(for: doc)
        return Result(part: part, fingerprint: fingerprint ? Fingerprint(text) : nil)
    }
}

/// The results of a chunk analysed on another thread; read only after it signalled that it finished.
private final class ResultBox: @unchecked Sendable {
    var results: [CorpusBuilder.Result] = []
}

/// Storage that worker threads fill at disjoint indices.
private final class ResultSlots: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<CorpusBuilder.Result?>
    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }
    deinit {
        storage.deinitialize()
        storage.deallocate()
    }
    /// Safe because each index is written by exactly one worker and read only after all have finished.
    func set(_ i: Int, _ r: CorpusBuilder.Result) { storage[i] = r }
    func results() -> [CorpusBuilder.Result] { storage.map { $0! } }
}

/// A bounded queue of chunks between the reader thread and the builder.
private final class ChunkQueue: @unchecked Sendable {
    private let lock = NSCondition()
    private var items: [[Document]] = []
    private var done = false
    private var report = CorpusReader.Report()
    private var error: (any Error)? = nil
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    private var cancelled = false

    /// Blocks while the queue is full.
    /// - Throws: `CancellationError` once the consumer has given up (``cancel()``), to stop the reader.
    func put(_ docs: [Document]) throws {
        lock.lock()
        while items.count >= capacity && !cancelled { lock.wait() }
        if cancelled {
            lock.unlock()
            throw CancellationError()
        }
        items.append(docs)
        lock.broadcast()
        lock.unlock()
    }

    /// The consumer gives up: the reader's next `put` throws, and what was queued is dropped.
    func cancel() {
        lock.lock()
        cancelled = true
        items = []
        lock.broadcast()
        lock.unlock()
    }

    func finish(report: CorpusReader.Report, error: (any Error)?) {
        lock.lock()
        self.report = report
        self.error = error
        done = true
        lock.broadcast()
        lock.unlock()
    }

    /// The next chunk, or `nil` once the reader has finished and everything was taken.
    func take() -> [Document]? {
        lock.lock()
        defer { lock.unlock() }
        while items.isEmpty && !done { lock.wait() }
        guard !items.isEmpty else { return nil }
        let first = items.removeFirst()
        lock.broadcast()
        return first
    }

    /// What the reader reported, after `take()` returned `nil`.
    func outcome() -> (CorpusReader.Report, (any Error)?) {
        lock.lock()
        defer { lock.unlock() }
        return (report, error)
    }
}
