import Foundation

/// Turns paths given on the command line into documents.
///
/// Text files (`.txt`) are one document each; directories are searched recursively in name order. A
/// `manifest.csv` beside the files gives their dates and sources. Per-file options (`--date`, `--source`)
/// fill in what the manifest does not say.
public struct InputReader: Sendable {
    public var defaultDate: String?
    public var defaultSource: String?

    public init(defaultDate: String? = nil, defaultSource: String? = nil) {
        self.defaultDate = defaultDate
        self.defaultSource = defaultSource
    }

    /// The files the paths stand for, sorted, without manifests.
    /// - Throws: ``InputError`` for a path that does not exist.
    public func files(for paths: [String]) throws(InputError) -> [String] {
        var out: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                throw InputError(location: path, message: "no such file or directory; check the path")
            }
            if isDir.boolValue {
                guard let walker = fm.enumerator(atPath: path) else {
                    throw InputError(location: path, message: "cannot list the directory; check its permissions")
                }
                var found: [String] = []
                while let rel = walker.nextObject() as? String {
                    let full = (path as NSString).appendingPathComponent(rel)
                    var sub: ObjCBool = false
                    if fm.fileExists(atPath: full, isDirectory: &sub), !sub.boolValue, Self.isInput(rel) {
                        found.append(full)
                    }
                }
                out += found.sorted()
            } else {
                out.append(path)
            }
        }
        return out
    }

    static func isInput(_ name: String) -> Bool {
        let base = (name as NSString).lastPathComponent
        if base == Manifest.fileName || base.hasPrefix(".") { return false }
        return base.hasSuffix(".txt")
    }

    /// Reads the documents of `paths`.
    /// - Throws: ``InputError`` naming the file (and line) and what to do.
    public func documents(for paths: [String]) throws(InputError) -> [Document] {
        var manifests: [String: Manifest?] = [:]
        var docs: [Document] = []
        for file in try files(for: paths) {
            let dir = (file as NSString).deletingLastPathComponent
            if manifests[dir] == nil { manifests[dir] = try Manifest.load(inDirectory: dir.isEmpty ? "." : dir) }
            let name = (file as NSString).lastPathComponent
            let entry = manifests[dir]!.flatMap { $0[name] }
            guard let data = FileManager.default.contents(atPath: file) else {
                throw InputError(location: file, message: "cannot read the file; check its permissions")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw InputError(location: file, message: "not valid UTF-8 text; convert it to UTF-8")
            }
            docs.append(Document(
                id: name, text: text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text,
                date: entry?.date ?? defaultDate, source: entry?.source ?? defaultSource,
                title: entry?.title, url: entry?.url, origin: file))
        }
        return docs
    }
}
