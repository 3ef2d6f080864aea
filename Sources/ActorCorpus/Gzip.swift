internal import CGzip
import Foundation

/// Gzip decompression with the system zlib.
enum Gzip {
    /// Whether `data` starts with the gzip magic bytes.
    static func isGzip(_ data: Data) -> Bool { data.count >= 2 && data[data.startIndex] == 0x1F && data[data.startIndex + 1] == 0x8B }

    /// The decompressed bytes (concatenated members are read in turn).
    /// - Throws: ``InputError`` naming `location` when the data is not valid gzip.
    static func decompress(_ data: Data, location: String) throws(InputError) -> Data {
        var stream = z_stream()
        guard inflateInit2_(&stream, 16 + MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw InputError(location: location, message: "cannot start gzip decompression")
        }
        defer { inflateEnd(&stream) }
        var output = Data()
        var status: Int32 = Z_OK
        let chunk = 1 << 16
        var buffer = [UInt8](repeating: 0, count: chunk)
        var failure: String? = nil
        data.withUnsafeBytes { (input: UnsafeRawBufferPointer) in
            stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
            stream.avail_in = uInt(input.count)
            repeat {
                buffer.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(chunk)
                    status = inflate(&stream, Z_NO_FLUSH)
                    let produced = chunk - Int(stream.avail_out)
                    output.append(out.baseAddress!, count: produced)
                }
                if status == Z_STREAM_END && stream.avail_in > 0 {
                    status = inflateReset(&stream)  // another gzip member follows
                }
                if status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR {
                    failure = "not valid gzip data (zlib status \(status))"
                    return
                }
                if status == Z_BUF_ERROR && stream.avail_in == 0 {
                    failure = "the gzip data is truncated"
                    return
                }
            } while status != Z_STREAM_END || stream.avail_in > 0
        }
        if let failure { throw InputError(location: location, message: "\(failure); check that the file is complete") }
        return output
    }
}
