import Foundation
import Testing

/// Runs `actorgraph-bench eval` on the annotated sets and holds recognition and stance above floors, so a
/// change that makes them worse fails. The floors are below the measured values (see the README of each set).
@Suite("Quality floors on annotated sets", .serialized)
struct EvaluationFloorTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func scores(_ set: String) throws -> [String: Double] {
        let here = Bundle.main.bundleURL
        let bin = [here.appendingPathComponent("actorgraph-bench"), here.deletingLastPathComponent().appendingPathComponent("actorgraph-bench")]
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }!
        let p = Process()
        p.executableURL = bin
        p.arguments = ["eval", Self.root.appendingPathComponent(set).path]
        p.currentDirectoryURL = Self.root
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        var result: [String: Double] = [:]
        for field in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let kv = field.split(separator: "=")
            if kv.count == 2, let v = Double(kv[1]) { result[String(kv[0])] = v }
        }
        return result
    }

    @Test("Set A: officials and states found with precision ≥ 0.90 and recall ≥ 0.95; pairs ≥ 0.95; stance sign ≥ 0.86")
    func setA() throws {
        let s = try scores("Tests/Fixtures/eval")
        #expect((s["officials_states_precision"] ?? 0) >= 0.90, "\(s)")
        #expect((s["officials_states_recall"] ?? 0) >= 0.95, "\(s)")
        #expect((s["person_state_accuracy"] ?? 0) >= 0.95, "\(s)")
        #expect((s["state_pair_recall"] ?? 0) >= 0.95, "\(s)")
        #expect((s["stance_sign_agreement"] ?? 0) >= 0.86, "\(s)")
    }

    @Test("Set B (development since session 3): officials and states ≥ 0.93; state pairs ≥ 0.92; stance sign ≥ 0.86")
    func setB() throws {
        let s = try scores("Tests/Fixtures/eval-b")
        #expect((s["officials_states_precision"] ?? 0) >= 0.93, "\(s)")
        #expect((s["officials_states_recall"] ?? 0) >= 0.93, "\(s)")
        #expect((s["person_state_accuracy"] ?? 0) >= 0.95, "\(s)")
        #expect((s["state_pair_recall"] ?? 0) >= 0.92, "\(s)")
        #expect((s["person_pair_recall"] ?? 0) >= 0.90, "\(s)")
        #expect((s["stance_sign_agreement"] ?? 0) >= 0.86, "\(s)")
    }

    @Test("Seeds: officials and states with precision and recall ≥ 0.95; pairs and stance")
    func seeds() throws {
        let s = try scores("Tests/Fixtures/seeds-gold")
        #expect((s["officials_states_precision"] ?? 0) >= 0.95, "\(s)")
        #expect((s["officials_states_recall"] ?? 0) >= 0.95, "\(s)")
        #expect((s["state_pair_recall"] ?? 0) >= 0.90, "\(s)")
        #expect((s["person_pair_recall"] ?? 0) >= 0.85, "\(s)")
        #expect((s["stance_sign_agreement"] ?? 0) >= 0.92, "\(s)")
    }

    @Test("Set C (held out): officials and states with precision ≥ 0.92 and recall ≥ 0.86 (venues count in its gold); state pairs ≥ 0.86; stance ≥ 0.79")
    func setC() throws {
        let s = try scores("Tests/Fixtures/eval-c")
        #expect((s["officials_states_precision"] ?? 0) >= 0.92, "\(s)")
        #expect((s["officials_states_recall"] ?? 0) >= 0.86, "\(s)")
        #expect((s["state_pair_recall"] ?? 0) >= 0.86, "\(s)")
        #expect((s["person_pair_recall"] ?? 0) >= 0.85, "\(s)")
        #expect((s["stance_sign_agreement"] ?? 0) >= 0.79, "\(s)")
    }

    @Test("Set D (held out): officials and states with recall ≥ 0.95; state pairs ≥ 0.93; person pairs ≥ 0.92; stance ≥ 0.78")
    func setD() throws {
        let s = try scores("Tests/Fixtures/eval-d")
        #expect((s["officials_states_precision"] ?? 0) >= 0.85, "\(s)")
        #expect((s["officials_states_recall"] ?? 0) >= 0.95, "\(s)")
        #expect((s["state_pair_recall"] ?? 0) >= 0.93, "\(s)")
        #expect((s["person_pair_recall"] ?? 0) >= 0.92, "\(s)")
        #expect((s["stance_sign_agreement"] ?? 0) >= 0.78, "\(s)")
    }
}
