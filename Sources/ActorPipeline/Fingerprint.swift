import ActorText

/// Fingerprints of a document's normalised words, for folding reprints.
///
/// `exact` hashes every word; `simhash` is Charikar's SimHash over word trigrams: two reprints of one wire
/// story with another headline or a trimmed ending differ in few bits.
public struct Fingerprint: Sendable, Hashable {
    public var exact: UInt64
    public var simhash: UInt64
    /// Number of words; very short texts are not compared by SimHash.
    public var words: Int

    public init(_ text: TokenizedText) {
        var exact = FNV.offset
        var window: (UInt64, UInt64, UInt64) = (0, 0, 0)
        let n = text.tokens.count
        var shingles: Int32 = 0
        var sim: UInt64 = 0
        // Count the ones of each bit position over all shingles. SWAR: each byte of the shingle adds its 8 bits
        // to 8 one-byte counters at once (`spread`), flushed to 32-bit counts before a byte counter can
        // overflow (every 255 shingles): 8 additions per shingle instead of 64.
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: 64) { ones in
            ones.initialize(repeating: 0)
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 8) { packed in
                packed.initialize(repeating: 0)
                var pending = 0
                func flush() {
                    for byte in 0..<8 {
                        let p = packed[byte]
                        for bit in 0..<8 { ones[byte * 8 + bit] &+= Int32(truncatingIfNeeded: (p >> UInt64(8 * bit)) & 0xFF) }
                        packed[byte] = 0
                    }
                    pending = 0
                }
                // The table through a buffer pointer taken once: `Self.spread` in the loop is a global's accessor,
                // called for every byte (a fifth of this function's instructions).
                Self.spread.withUnsafeBufferPointer { spread in
                text.hashes.withUnsafeBufferPointer { hashes in
                    for i in 0..<n {
                        let h = hashes[i]  // the hash of the token's codes, from the tokenizer
                        exact = (exact ^ h) &* FNV.prime
                        window = (window.1, window.2, h)
                        if i >= 2 {
                            var shingle = (window.0 &* 0x9E37_79B9_7F4A_7C15) ^ (window.1 &* 0xC2B2_AE3D_27D4_EB4F) ^ window.2
                            shingle = (shingle ^ (shingle >> 29)) &* 0xBF58_476D_1CE4_E5B9
                            shingle ^= shingle >> 32
                            shingles += 1
                            for byte in 0..<8 {
                                packed[byte] &+= spread[Int(truncatingIfNeeded: (shingle >> UInt64(8 * byte)) & 0xFF)]
                            }
                            pending += 1
                            if pending == 255 { flush() }
                        }
                    }
                }
                }
                flush()
            }
            for bit in 0..<64 where ones[bit] * 2 > shingles { sim |= 1 << UInt64(bit) }
        }
        self.exact = exact
        self.simhash = sim
        self.words = n
    }

    /// For each byte value, its 8 bits spread to the low bit of 8 bytes: bit k of `b` → byte k.
    static let spread: [UInt64] = (0..<256).map { (b: Int) -> UInt64 in
        var v: UInt64 = 0
        for k in 0..<8 where (b >> k) & 1 == 1 { v |= 1 << UInt64(8 * k) }
        return v
    }
}

/// How reprints are folded.
public enum DedupeMode: String, Sendable, CaseIterable, Codable {
    /// Every document counts.
    case off
    /// Identical normalised texts count once.
    case exact
    /// Texts whose SimHash differs in at most 3 of 64 bits count once (and identical ones).
    case near
}

/// Remembers the documents seen and says whether a new one is a reprint of one of them.
///
/// Near duplicates are found with four 16-bit bands of the SimHash: two fingerprints within 3 bits share at
/// least one band exactly (pigeonhole), so only documents sharing a band are compared.
/// - Complexity: O(1) expected per document; memory O(stories).
public struct ReprintIndex: Sendable {
    public let mode: DedupeMode
    public static let maxDistance = 3
    /// Shorter texts are only folded when identical.
    public static let minWords = 40
    private var exact: Set<UInt64> = []
    private var bands: [[UInt16: [UInt64]]] = Array(repeating: [:], count: 4)

    public init(mode: DedupeMode) { self.mode = mode }

    /// Whether `f` is a reprint of a document seen before; if not, it is remembered.
    public mutating func isReprint(_ f: Fingerprint) -> Bool {
        if mode == .off { return false }
        if !exact.insert(f.exact).inserted { return true }
        guard mode == .near, f.words >= Self.minWords else { return false }
        for b in 0..<4 {
            let key = UInt16(truncatingIfNeeded: f.simhash >> UInt64(16 * b))
            for other in bands[b][key] ?? [] where (other ^ f.simhash).nonzeroBitCount <= Self.maxDistance {
                return true
            }
        }
        for b in 0..<4 {
            let key = UInt16(truncatingIfNeeded: f.simhash >> UInt64(16 * b))
            bands[b][key, default: []].append(f.simhash)
        }
        return false
    }
}
