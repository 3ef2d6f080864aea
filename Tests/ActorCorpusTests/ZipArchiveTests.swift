import Foundation
import Testing
import ZIPFoundation

@testable import ActorCorpus

/// The ZIP reader (central directory, libdeflate, CRC-32) on archives written by ZIPFoundation, an
/// independent implementation, and on damaged ones.
@Suite("ZIP archives")
struct ZipArchiveTests {
    static let articles = """
        [{"id": "a1", "content": "أكد وزير الخارجية التركي هاكان فيدان دعم بلاده لوحدة الأراضي السورية.", "date_extracted": "2024-12-10"},
         {"id": "a2", "content": "وصل وزير الخارجية الإيراني محمد جواد ظريف إلى موسكو للقاء نظيره الروسي سيرغي لافروف.", "date_extracted": "2016-12-20"}]
        """
    static let lines = """
        {"id": "b1", "content": "دعت الأمم المتحدة إلى وقف إطلاق النار في حلب.", "date_extracted": "2016-12-14"}
        """

    /// An archive of `members` (path → contents; a path ending in "/" is a directory), each member compressed with `method`.
    static func archive(_ members: [(String, String)], method: CompressionMethod = .deflate) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in members {
            if path.hasSuffix("/") {
                let empty: Provider = { (_: Int64, _: Int) in Data() }
                try archive.addEntry(with: path, type: .directory, uncompressedSize: Int64(0), provider: empty)
                continue
            }
            let data = Data(text.utf8)
            let provider: Provider = { (position: Int64, size: Int) in data.subdata(in: Int(position)..<Int(position) + size) }
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: method, provider: provider)
        }
        return try #require(archive.data)
    }

    /// The documents of `data` read as a file named `name`.
    static func read(_ data: Data, name: String = "corpus.zip") throws -> [Document] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("actorgraph-zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent(name)
        try data.write(to: file)
        var report = CorpusReader.Report()
        var docs: [Document] = []
        try CorpusReader().read([file.path], report: &report) { docs += $0 }
        return docs
    }

    @Test("Deflated JSON and JSON Lines members read as the same articles as the files themselves, in path order")
    func deflatedMembers() throws {
        let zip = try Self.archive([("day2/b.jsonl", Self.lines), ("day1/", ""), ("day1/a.json", Self.articles), ("notes.md", "ignored")])
        let docs = try Self.read(zip)
        #expect(docs.map(\.id) == ["a1", "a2", "b1"])
        let plain = try Self.read(Data(Self.articles.utf8), name: "a.json") + Self.read(Data(Self.lines.utf8), name: "b.jsonl")
        #expect(docs.map(\.text) == plain.map(\.text))
        #expect(docs.map(\.date) == ["2024-12-10", "2016-12-20", "2016-12-14"])
    }

    @Test("Stored (uncompressed) members are read as they are")
    func storedMembers() throws {
        let docs = try Self.read(try Self.archive([("a.json", Self.articles)], method: .none))
        #expect(docs.map(\.id) == ["a1", "a2"])
    }

    @Test("ZIP64 sizes and offsets (in the extra field and the ZIP64 end record) are read")
    func zip64() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../Fixtures/zip/zip64.zip").standardizedFileURL
        let docs = try Self.read(try Data(contentsOf: fixture))
        #expect(docs.map(\.id) == ["z64-1"])
        #expect(docs.first?.text.contains("لافروف") == true)
    }

    /// Where the first member's data starts in an archive written by ZIPFoundation (local header at 0).
    static func dataStart(_ zip: Data) -> Int {
        let b = [UInt8](zip)
        return 30 + Int(b[26]) + Int(b[27]) << 8 + Int(b[28]) + Int(b[29]) << 8
    }

    /// Where the (last) central directory entry of `zip` starts.
    static func centralEntry(_ zip: Data) throws -> Int {
        let bytes = [UInt8](zip)
        let signature: [UInt8] = [0x50, 0x4B, 1, 2]
        return try #require((0..<(bytes.count - 4)).last { Array(bytes[$0..<($0 + 4)]) == signature })
    }

    @Test("A member whose bytes were damaged is an error naming the archive and member, not garbled articles")
    func damagedMember() throws {
        var zip = try Self.archive([("day/a.json", Self.articles)])
        let i = Self.dataStart(zip) + 40
        zip[i] ^= 0x5A
        #expect {
            try Self.read(zip)
        } throws: { error in
            let e = error as? InputError
            return e?.location.hasSuffix("corpus.zip/day/a.json") == true && e?.message.contains("damaged") == true
        }
    }

    @Test("A member whose CRC-32 does not match its contents is refused")
    func wrongChecksum() throws {
        var zip = try Self.archive([("a.json", Self.articles)], method: .none)
        // The CRC in the local header (offset 14) is not read; the central directory's is (its entry's offset 16).
        let central = try Self.centralEntry(zip)
        zip[central + 16] ^= 0xFF
        #expect {
            try Self.read(zip)
        } throws: { error in
            (error as? InputError)?.message.contains("CRC-32 does not match") == true
        }
    }

    @Test("Recorded sizes and offsets that cannot be are refused before any buffer is allocated")
    func impossibleSizes() throws {
        let zip = try Self.archive([("a.json", Self.articles)])
        let central = try Self.centralEntry(zip)
        // A 2 GiB member from a few hundred compressed bytes (uncompressed size at +24), then a local header past
        // the end of the file (offset at +42).
        for (field, value) in [(24, [0xFF, 0xFF, 0xFF, 0x7F] as [UInt8]), (42, [0x00, 0x00, 0x00, 0x70])] {
            var damaged = zip
            for (k, b) in value.enumerated() { damaged[central + field + k] = b }
            #expect {
                try Self.read(damaged)
            } throws: { error in
                (error as? InputError)?.message.contains("impossible") == true
            }
        }
    }

    @Test("A truncated archive is reported as not readable, with what to check")
    func truncated() throws {
        let zip = try Self.archive([("a.json", Self.articles)])
        for cut in [1, 10, 30, zip.count / 2] {
            #expect {
                try Self.read(zip.prefix(zip.count - cut))
            } throws: { error in
                (error as? InputError)?.message.contains("ZIP") == true
            }
        }
    }

    @Test("Random damage to an archive gives articles or an input error, never a crash")
    func randomDamage() throws {
        let zip = try Self.archive([("a.json", Self.articles), ("b.jsonl", Self.lines)])
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            var bytes = [UInt8](zip)
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            }
            if Bool.random(using: &rng) { bytes.removeLast(Int.random(in: 0..<bytes.count, using: &rng)) }
            do {
                _ = try ZipArchive(Data(bytes), name: "x.zip").members
                _ = try? Self.read(Data(bytes))
            } catch {
                #expect(error.message.contains("ZIP"))
            }
        }
    }
}
