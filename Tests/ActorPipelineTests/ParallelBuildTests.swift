import ActorCorpus
import ActorGraph
import Foundation
import Testing

@testable import ActorPipeline

/// The parallel path of `CorpusBuilder` (reader thread one chunk ahead, documents analysed on several
/// threads): its result must not depend on the number of jobs. Also the quick subset that
/// scripts/sanitizers.sh runs under ThreadSanitizer.
@Suite("Parallel corpus build")
struct ParallelBuildTests {
    /// Three JSONL files of the seed articles (each several times, numbered), so that every chunk holds
    /// more documents than there are jobs and the reader has files to read ahead.
    static func corpus() throws -> URL {
        let docs = try readAll(seedsPath)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("actorgraph-parallel-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for file in 0..<3 {
            var lines = ""
            for copy in 0..<4 {
                for d in docs {
                    // Copies after the first get a line of their own, so that `near` folds them and `off` does not.
                    let text = copy == 0 ? d.text : d.text + "\nنسخة \(file)-\(copy)"
                    let record: [String: String] = ["id": "\(d.id)-\(file)-\(copy)", "content": text, "date": d.date ?? "2016-12-01"]
                    let json = try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])
                    lines += String(decoding: json, as: UTF8.self) + "\n"
                }
            }
            try lines.write(to: dir.appendingPathComponent("part\(file).jsonl"), atomically: true, encoding: .utf8)
        }
        return dir
    }

    @Test("A corpus gives the same graph and counts with 1 job and with 4", arguments: [DedupeMode.off, .near])
    func jobsDoNotChangeTheGraph(dedupe: DedupeMode) throws {
        let dir = try Self.corpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        let builder = GraphBuilder(recognizer: recognizer, options: BuildOptions(level: .all))
        let (one, s1) = try CorpusBuilder(builder: builder, jobs: 1, dedupe: dedupe).build([dir.path], reader: CorpusReader())
        let (four, s4) = try CorpusBuilder(builder: builder, jobs: 4, dedupe: dedupe).build([dir.path], reader: CorpusReader())
        #expect(s1.documents == 60 && s4.documents == 60)
        #expect(s1.stories == s4.stories && s1.reprints == s4.reprints)
        #expect(!one.edges.isEmpty)
        #expect(one == four)
    }

    @Test("Graphs per period are the same with 1 job and with 4")
    func jobsDoNotChangePeriods() throws {
        let dir = try Self.corpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        let builder = GraphBuilder(recognizer: recognizer, options: BuildOptions(level: .state))
        let periods = PeriodScheme.by(.year)
        let one = try CorpusBuilder(builder: builder, jobs: 1, dedupe: .off).build([dir.path], reader: CorpusReader(), periods: periods)
        let four = try CorpusBuilder(builder: builder, jobs: 4, dedupe: .off).build([dir.path], reader: CorpusReader(), periods: periods)
        #expect(one.graphs.map(\.label) == four.graphs.map(\.label))
        #expect(one.graphs.count >= 2)
        for (a, b) in zip(one.graphs, four.graphs) { #expect(a.graph == b.graph, "period \(a.label)") }
    }

    struct BrokenKnowledge: Error {}

    @Test("A knowledge base that fails to load while the reader runs ahead ends the build with its error")
    func failingKnowledgeStopsTheReader() throws {
        let dir = try Self.corpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = CorpusBuilder(jobs: 2, dedupe: .near) {
            // Long enough for the reader to fill its queue and block on it.
            Thread.sleep(forTimeInterval: 0.2)
            throw BrokenKnowledge()
        }
        #expect(throws: BrokenKnowledge.self) { try corpus.build([dir.path], reader: CorpusReader()) }
    }

    @Test("The graph builder made after reading starts gives the same graph as one made before")
    func lateBuilderGivesTheSameGraph() throws {
        let dir = try Self.corpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        let builder = GraphBuilder(recognizer: recognizer, options: BuildOptions(level: .state))
        let (early, _) = try CorpusBuilder(builder: builder, jobs: 2, dedupe: .near).build([dir.path], reader: CorpusReader())
        let (late, _) = try CorpusBuilder(jobs: 2, dedupe: .near) { builder }.build([dir.path], reader: CorpusReader())
        #expect(!early.edges.isEmpty)
        #expect(early == late)
    }
}
