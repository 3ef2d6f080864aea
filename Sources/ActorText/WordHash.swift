/// The 64-bit hash of a normalised word (its letter codes, see ``ArabicAlphabet``): the key of the lexicon's
/// vocabulary, of the given-name and common-word lists, and of the word lists the rules compare tokens with.
///
/// The codes are read eight at a time as little-endian 64-bit words, each folded into the hash with a
/// bijective mixer (MurmurHash3's finalizer). A word of up to eight letters, nearly every Arabic word, is one
/// unaligned load and one mix however long it is: the lexicon scan hashes each token several times (as written,
/// then without each possible proclitic), and with a byte-at-a-time hash (FNV-1a, one dependent multiplication
/// per letter) the scan alone ran at 206 MB/s, 230 with this one (`actorgraph-bench recognize`).
///
/// Invariants: `hash(base, start, end)` equals `hash(codes)` for the same bytes (tested on random words at
/// every offset). Codes are never zero, so words of up to eight letters never collide: their packed value
/// determines them and the mixer is a bijection.
public enum WordHash {
    @usableFromInline static var seed: UInt64 { 0x9E37_79B9_7F4A_7C15 }

    /// MurmurHash3's 64-bit finalizer: a bijection whose every output bit depends on every input bit.
    @inlinable @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var x = x
        x ^= x >> 33
        x &*= 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x &*= 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return x
    }

    /// The hash of `codes`.
    /// - Complexity: O(k) in the letters.
    @inlinable
    public static func hash<C: Collection>(_ codes: C) -> UInt64 where C.Element == UInt8 {
        var h = seed
        var chunk: UInt64 = 0
        var k: UInt64 = 0
        for c in codes {
            if k == 8 {
                h = mix(h ^ chunk)
                chunk = 0
                k = 0
            }
            chunk |= UInt64(c) << (8 * k)
            k += 1
        }
        return mix(h ^ chunk)
    }

    /// The hash of the bytes `base[start..<end]`, reading whole 64-bit words; `base[0..<end]` must be
    /// initialized memory (the last word is read as the eight bytes that end at `end`, when there are eight).
    /// - Complexity: O(1) for up to eight letters, O(k / 8) beyond.
    @inlinable @inline(__always)
    public static func hash(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var h = seed
        var i = start
        while end - i > 8 {
            h = mix(h ^ UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)))
            i += 8
        }
        let n = end - i
        guard n > 0 else { return mix(h) }
        let last: UInt64
        if end >= 8 {
            // The n bytes of the word are the top n of the eight that end at `end`.
            last = UInt64(littleEndian: UnsafeRawPointer(base + end - 8).loadUnaligned(as: UInt64.self)) &>> UInt64(64 - 8 * n)
        } else {
            var v: UInt64 = 0
            for k in 0..<n { v |= UInt64(base[i + k]) << UInt64(8 * k) }
            last = v
        }
        return mix(h ^ last)
    }

    /// The hash of `buffer[range]`.
    @inlinable @inline(__always)
    public static func hash(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        guard let base = buffer.baseAddress else { return mix(seed) }
        return hash(base, range.lowerBound, range.upperBound)
    }
}
