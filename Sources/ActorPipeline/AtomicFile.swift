import Foundation

/// Writes files so that readers see either the old file or the complete new one, never a part.
///
/// The bytes go to a temporary file in the same directory (same file system), are flushed with `fsync`,
/// and the temporary file is renamed over the target; on any failure the temporary file is removed.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var reason: String
        public var description: String { "\(path): cannot write (\(reason)); check that the directory exists and is writable" }
    }

    /// - Throws: ``WriteError`` naming the path.
    public static func write(_ data: some ContiguousBytes, to path: String) throws(WriteError) {
        try write(pieces: [data], to: path)
    }

    /// Writes `pieces` one after the other as one file, atomically (as ``write(_:to:)``).
    /// - Throws: ``WriteError`` naming the path.
    public static func write<Bytes: ContiguousBytes>(pieces: [Bytes], to path: String) throws(WriteError) {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw WriteError(path: path, reason: "the directory \(dir) does not exist")
        }
        let temp = (dir as NSString).appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        var ok = true
        var reason = ""
        for piece in pieces where ok {
            piece.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                    if n < 0 {
                        if errno == EINTR { continue }
                        ok = false
                        reason = String(cString: strerror(errno))
                        return
                    }
                    offset += n
                }
            }
        }
        if ok && fsync(fd) != 0 { ok = false; reason = String(cString: strerror(errno)) }
        if close(fd) != 0 && ok { ok = false; reason = String(cString: strerror(errno)) }
        if ok && rename(temp, path) != 0 { ok = false; reason = String(cString: strerror(errno)) }
        if !ok {
            unlink(temp)
            throw WriteError(path: path, reason: reason)
        }
    }
}
