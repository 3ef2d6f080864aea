internal import CDeflate
import Foundation

/// The members of a ZIP archive held in memory, read from its central directory, and their contents,
/// inflated with libdeflate and checked against their CRC-32.
///
/// Only what reading an archive of articles needs: stored and deflated members, ZIP64 sizes and offsets;
/// encrypted members and other compression methods are refused with a message. Every offset and length read
/// from the archive is checked against its size before use, so a damaged or hostile archive gives an
/// ``InputError``, never a crash.
///
/// Hand-written rather than ZIPFoundation's `Archive`, which inflates with zlib through 16 KB chunks: on
/// SaudiNewsNet (18 members, 108 MB of JSON) zlib took 0.26 s and libdeflate 0.08 s, and ZIPFoundation
/// exposes no member's data offset to hand to another inflater. ZIPFoundation still writes the archives the
/// tests read.
struct ZipArchive {
    /// One file of the archive, as its central directory describes it.
    struct Member {
        var path: String
        var method: UInt16
        var flags: UInt16
        var crc32: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeaderOffset: Int
        /// Directories (a name ending in "/") and symbolic links hold no article.
        var isFile: Bool
    }

    let data: Data
    let name: String
    /// File members, sorted by path.
    private(set) var members: [Member] = []

    /// Members larger than this are refused (the whole member is inflated in memory).
    static let largestMember = 1 << 31

    /// Reads the central directory of `data` (named `name` in messages).
    /// - Throws: ``InputError`` when `data` is not a readable ZIP archive.
    init(_ data: Data, name: String) throws(InputError) {
        self.data = data
        self.name = name
        let read: Result<[Member], Malformed> = data.withUnsafeBytes { raw in
            do throws(Malformed) { return .success(try Self.readDirectory(Bytes(raw))) } catch { return .failure(error) }
        }
        switch read {
        case .success(let list): members = list
        case .failure(let error):
            throw InputError(location: name, message: "not a readable ZIP archive (\(error.reason)); check that the file is complete")
        }
        members = members.filter(\.isFile).sorted { $0.path < $1.path }
    }

    /// The uncompressed bytes of `member`.
    /// - Throws: ``InputError`` naming the member when it cannot be read, does not inflate, or fails its CRC.
    func contents(of member: Member) throws(InputError) -> Data {
        let location = "\(name)/\(member.path)"
        func fail(_ why: String) -> InputError {
            InputError(location: location, message: "\(why); the archive may be damaged")
        }
        if member.flags & 1 != 0 { throw InputError(location: location, message: "the member is encrypted; decrypt the archive first") }
        guard member.method == 0 || member.method == 8 else {
            throw InputError(location: location, message: "compression method \(member.method) is not supported (only stored and deflated members); repack the archive with zip")
        }
        guard member.uncompressedSize <= Self.largestMember else {
            throw InputError(location: location, message: "member of \(member.uncompressedSize) bytes is larger than 2 GiB; split the archive")
        }
        // DEFLATE expands at most about 1,032 to 1: a larger recorded size is a damaged (or hostile) record, refused
        // before its buffer is allocated. The local header must lie inside the archive.
        let expandable = member.method == 0 ? member.compressedSize : min(member.compressedSize, Self.largestMember) * 1032 + 1024
        guard member.uncompressedSize <= expandable, member.localHeaderOffset < data.count else {
            throw fail("its recorded sizes or offset are impossible")
        }
        let result: Result<Data, InputError> = data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Result<Data, InputError> in
            let bytes = Bytes(raw)
            // The local header repeats the name and has its own extra field: the data starts after both.
            guard let signature = bytes.u32(member.localHeaderOffset), signature == 0x0403_4B50,
                  let nameLength = bytes.u16(member.localHeaderOffset + 26), let extraLength = bytes.u16(member.localHeaderOffset + 28)
            else { return .failure(fail("its local header is missing")) }
            let start = member.localHeaderOffset + 30 + Int(nameLength) + Int(extraLength)
            guard let input = bytes.slice(start, member.compressedSize) else { return .failure(fail("its data runs past the end of the archive")) }
            var output = Data(count: member.uncompressedSize)
            let ok: Bool = output.withUnsafeMutableBytes { out in
                if member.method == 0 {
                    guard input.count == out.count else { return false }
                    if !input.isEmpty { out.copyMemory(from: input) }
                    return true
                }
                guard let decompressor = libdeflate_alloc_decompressor() else { return false }
                defer { libdeflate_free_decompressor(decompressor) }
                // No `actual_out` pointer: the data must inflate to exactly the recorded size.
                return libdeflate_deflate_decompress(decompressor, input.baseAddress, input.count, out.baseAddress, out.count, nil)
                    == LIBDEFLATE_SUCCESS
            }
            guard ok else { return .failure(fail("its data does not inflate to the recorded \(member.uncompressedSize) bytes")) }
            let crc = output.withUnsafeBytes { libdeflate_crc32(0, $0.baseAddress, $0.count) }
            guard crc == member.crc32 else { return .failure(fail("its CRC-32 does not match")) }
            return .success(output)
        }
        return try result.get()
    }

    // MARK: - Central directory

    struct Malformed: Error {
        var reason: String
    }

    /// Bounds-checked little-endian reads from the archive's bytes: `nil` past the end.
    struct Bytes {
        let raw: UnsafeRawBufferPointer
        init(_ raw: UnsafeRawBufferPointer) { self.raw = raw }
        var count: Int { raw.count }

        func u16(_ at: Int) -> UInt16? {
            guard at >= 0, at <= raw.count - 2 else { return nil }
            return UInt16(raw[at]) | UInt16(raw[at + 1]) << 8
        }

        func u32(_ at: Int) -> UInt32? {
            guard let lo = u16(at), let hi = u16(at + 2) else { return nil }
            return UInt32(lo) | UInt32(hi) << 16
        }

        func u64(_ at: Int) -> UInt64? {
            guard let lo = u32(at), let hi = u32(at + 4) else { return nil }
            return UInt64(lo) | UInt64(hi) << 32
        }

        func slice(_ at: Int, _ length: Int) -> UnsafeRawBufferPointer? {
            guard at >= 0, length >= 0, at <= raw.count, length <= raw.count - at else { return nil }
            return UnsafeRawBufferPointer(rebasing: raw[at..<(at + length)])
        }
    }

    /// The members listed in the central directory.
    /// - Complexity: O(n) in the archive's size (the end record is searched for from the end).
    static func readDirectory(_ b: Bytes) throws(Malformed) -> [Member] {
        // The end-of-central-directory record: 22 bytes and a comment of up to 65,535, at the very end.
        var end = -1
        var at = b.count - 22
        while at >= max(0, b.count - 22 - 65_535) {
            if b.u32(at) == 0x0605_4B50 { end = at; break }
            at -= 1
        }
        guard end >= 0 else { throw Malformed(reason: "no end-of-central-directory record") }
        guard var count = b.u16(end + 10).map(Int.init), var size = b.u32(end + 12).map(Int.init),
              var offset = b.u32(end + 16).map(Int.init) else { throw Malformed(reason: "truncated end record") }
        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
            // ZIP64: a locator right before the end record points to the ZIP64 end record.
            guard b.u32(end - 20) == 0x0706_4B50, let record = b.u64(end - 12).flatMap({ Int(exactly: $0) }),
                  b.u32(record) == 0x0606_4B50,
                  let c = b.u64(record + 32).flatMap({ Int(exactly: $0) }), let s = b.u64(record + 40).flatMap({ Int(exactly: $0) }),
                  let o = b.u64(record + 48).flatMap({ Int(exactly: $0) })
            else { throw Malformed(reason: "damaged ZIP64 end record") }
            (count, size, offset) = (c, s, o)
        }
        guard b.slice(offset, size) != nil else { throw Malformed(reason: "the central directory lies outside the file") }
        var members: [Member] = []
        members.reserveCapacity(min(count, 1 << 16))
        var p = offset
        for _ in 0..<count {
            guard b.u32(p) == 0x0201_4B50 else { throw Malformed(reason: "damaged central directory entry") }
            guard let madeBy = b.u16(p + 4), let flags = b.u16(p + 8), let method = b.u16(p + 10), let crc = b.u32(p + 16),
                  let compressed32 = b.u32(p + 20), let uncompressed32 = b.u32(p + 24), let nameLength = b.u16(p + 28),
                  let extraLength = b.u16(p + 30), let commentLength = b.u16(p + 32), let external = b.u32(p + 38),
                  let local32 = b.u32(p + 42),
                  let nameBytes = b.slice(p + 46, Int(nameLength)), let extra = b.slice(p + 46 + Int(nameLength), Int(extraLength))
            else { throw Malformed(reason: "truncated central directory entry") }
            var compressed = Int(compressed32), uncompressed = Int(uncompressed32), local = Int(local32)
            if compressed32 == 0xFFFF_FFFF || uncompressed32 == 0xFFFF_FFFF || local32 == 0xFFFF_FFFF {
                // The ZIP64 extra field (id 1) holds, in this order, the 64-bit values of the fields set to 0xFFFFFFFF.
                let e = Bytes(extra)
                var q = 0
                var found = false
                while let id = e.u16(q), let length = e.u16(q + 2) {
                    if id == 1 {
                        var r = q + 4
                        func next() throws(Malformed) -> Int {
                            guard r + 8 <= q + 4 + Int(length), let v = e.u64(r).flatMap({ Int(exactly: $0) }) else {
                                throw Malformed(reason: "damaged ZIP64 extra field")
                            }
                            r += 8
                            return v
                        }
                        if uncompressed32 == 0xFFFF_FFFF { uncompressed = try next() }
                        if compressed32 == 0xFFFF_FFFF { compressed = try next() }
                        if local32 == 0xFFFF_FFFF { local = try next() }
                        found = true
                        break
                    }
                    q += 4 + Int(length)
                }
                guard found else { throw Malformed(reason: "missing ZIP64 extra field") }
            }
            // Names are UTF-8 when flag bit 11 says so, and in practice also when it does not.
            let path = String(decoding: nameBytes, as: UTF8.self)
            // Unix mode in the high half of the external attributes (when made on Unix): S_IFLNK is a link.
            let isLink = madeBy >> 8 == 3 && (external >> 16) & 0o170000 == 0o120000
            members.append(Member(
                path: path, method: method, flags: flags, crc32: crc, compressedSize: compressed,
                uncompressedSize: uncompressed, localHeaderOffset: local, isFile: !path.hasSuffix("/") && !isLink))
            p += 46 + Int(nameLength) + Int(extraLength) + Int(commentLength)
        }
        return members
    }
}
