import Foundation

/// The package's root directory.
let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The built `actorgraph` binary, next to the test bundle.
let actorgraphBinary: URL = {
    let here = Bundle.main.bundleURL
    let candidates = [here.deletingLastPathComponent().appendingPathComponent("actorgraph"),
                      here.appendingPathComponent("actorgraph")]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
}()

struct RunResult {
    var status: Int32
    var stdout: Data
    var stderr: String
    var out: String { String(decoding: stdout, as: UTF8.self) }
}

/// Runs `actorgraph` with arguments in the package root.
func runCLI(_ args: [String], environment: [String: String]? = nil) throws -> RunResult {
    let p = Process()
    p.executableURL = actorgraphBinary
    p.arguments = args
    p.currentDirectoryURL = packageRoot
    if let environment { p.environment = environment }
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return RunResult(status: p.terminationStatus, stdout: o, stderr: String(decoding: e, as: UTF8.self))
}

func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("actorgraph-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
