#if canImport(Glibc)
import Glibc
#endif
import ActorText

/// The set of normalised words that occur in some lexicon entry, each with a dense id.
///
/// Lookups hash the letter codes with FNV-1a (64 bit) and verify the bytes, so there are no false hits.
/// - Complexity: lookup O(k) in the word's letters, no allocation.
struct TokenVocabulary: Sendable {
    private var ids = FlatHashMap(capacity: 1 << 14)
    private(set) var words: [[UInt8]] = []
    /// All words back to back, and where each starts (`offsets[id] ..< offsets[id + 1]`): the bytes that
    /// lookups compare against, in one contiguous block rather than one array per word.
    private var bytes: [UInt8] = []
    private var offsets: [Int32] = [0]
    /// A 2^20-bit filter over the hashes of the words: most text words are not lexicon words, and one bit
    /// test (the filter fits in L2 cache) rejects them before probing the table.
    private var filter = [UInt64](repeating: 0, count: (1 << 20) / 64)

    var count: Int { words.count }

    @inline(__always)
    static func hash<C: Collection>(_ codes: C) -> UInt64 where C.Element == UInt8 { FNV.hash(codes) }

    /// The id of `word`, adding it if new.
    mutating func intern(_ word: [UInt8]) -> Int32 {
        let h = Self.hash(word)
        if let id = ids[h] {
            precondition(words[Int(id)] == word, "FNV-64 collision in the lexicon vocabulary")
            return id
        }
        let id = Int32(words.count)
        ids.set(h, id)
        let bit = Int(truncatingIfNeeded: h >> 44)  // top 20 bits
        filter[bit >> 6] |= 1 << UInt64(bit & 63)
        words.append(word)
        bytes.append(contentsOf: word)
        offsets.append(Int32(bytes.count))
        return id
    }

    /// The id of the word in `buffer[range]`, if it is in the vocabulary.
    /// - Parameter hash: the word's hash (``hash(_:)``) when the caller has it (the tokenizer computed it).
    @inline(__always)
    func lookup(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, hash: UInt64? = nil) -> Int32? {
        let slice = UnsafeBufferPointer(rebasing: buffer[range])
        let h = hash ?? Self.hash(slice)
        let bit = Int(truncatingIfNeeded: h >> 44)
        guard filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0, let id = ids[h] else { return nil }
        // memcmp, not the generic elementsEqual (which showed as 3% of a corpus build in perf).
        let start = Int(offsets[Int(id)]), end = Int(offsets[Int(id) + 1])
        guard end - start == slice.count, !slice.isEmpty else { return nil }
        return bytes.withUnsafeBufferPointer { w in memcmp(w.baseAddress! + start, slice.baseAddress!, slice.count) == 0 } ? id : nil
    }
}

/// Canonical word forms shared by the lexicon and the text: the article ال is removed when at least two
/// letters remain, so الروسي and روسي, الكرملين and كرملين are one word.
enum Canonical {
    static let alef = ArabicAlphabet.alef
    static let lam = ArabicAlphabet.lam

    /// Start of the canonical form of `codes[range]` (after an initial ال).
    @inline(__always)
    static func start(_ codes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        let s = range.lowerBound
        if range.count >= 4 && codes[s] == alef && codes[s + 1] == lam { return s + 2 }
        return s
    }

    /// `codes` without an initial ال (when at least two letters remain).
    static func strip(_ codes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let s = codes.startIndex
        if codes.count >= 4 && codes[s] == alef && codes[s + 1] == lam { return codes.dropFirst(2) }
        return codes
    }

    static func form(_ word: [UInt8]) -> [UInt8] {
        word.withUnsafeBufferPointer { b in Array(b[start(b, 0..<b.count)...]) }
    }
}
