import Foundation
import FuzzEntries
import Testing

/// The package's root directory.
private let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The files of `Fuzz/<kind>/<target>/`, sorted (none when the directory does not exist).
private func inputs(_ kind: String, _ target: FuzzTarget) -> [URL] {
    let dir = packageRoot.appendingPathComponent("Fuzz/\(kind)/\(target.rawValue)", isDirectory: true)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
    return names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted().map { dir.appendingPathComponent($0) }
}

/// Replays the fuzzers' inputs through the same bodies the fuzzers run (FuzzEntries), without the fuzzer
/// flags: every seed of `Fuzz/corpus/<target>/` and every reproducer kept in `Fuzz/crashes/<target>/`. A
/// reproducer that crashes again stops the test process, as it stopped the fuzzer.
@Suite("Fuzz corpus replay")
struct FuzzReplayTests {
    @Test("Every seed runs through its fuzz target without breaking an invariant, and some seed is accepted",
          arguments: FuzzTarget.allCases)
    func seeds(target: FuzzTarget) throws {
        let files = inputs("corpus", target)
        try #require(!files.isEmpty, "no seeds in Fuzz/corpus/\(target)")
        var accepted = 0
        for file in files {
            if case .accepted = target.run(try Data(contentsOf: file)) { accepted += 1 }
        }
        #expect(accepted > 0, "no seed of Fuzz/corpus/\(target) is accepted: the fuzzer would start from error paths only")
    }

    @Test("Every crash reproducer found by a fuzzer now runs through its target", arguments: FuzzTarget.allCases)
    func crashes(target: FuzzTarget) throws {
        for file in inputs("crashes", target) {
            target.run(try Data(contentsOf: file))
        }
    }

    @Test("Empty input and invalid UTF-8 are handled by every target", arguments: FuzzTarget.allCases)
    func edgeInputs(target: FuzzTarget) {
        target.run(Data())
        target.run(Data([0xFF, 0xFE, 0x00, 0xC3, 0x28, 0xE2, 0x82]))
        target.run(nil, 0)
    }
}
