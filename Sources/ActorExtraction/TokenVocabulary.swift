import ActorText

/// The set of normalised words that occur in some lexicon entry, each with a dense id.
///
/// Lookups hash the letter codes with FNV-1a (64 bit) and verify the bytes, so there are no false hits.
/// - Complexity: lookup O(k) in the word's letters, no allocation.
struct TokenVocabulary: Sendable {
    private var ids: [UInt64: Int32] = [:]
    private(set) var words: [[UInt8]] = []

    var count: Int { words.count }

    @inline(__always)
    static func hash<C: Collection>(_ codes: C) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for c in codes {
            h ^= UInt64(c)
            h = h &* 0x0000_0100_0000_01B3
        }
        return h
    }

    /// The id of `word`, adding it if new.
    mutating func intern(_ word: [UInt8]) -> Int32 {
        let h = Self.hash(word)
        if let id = ids[h] {
            precondition(words[Int(id)] == word, "FNV-64 collision in the lexicon vocabulary")
            return id
        }
        let id = Int32(words.count)
        ids[h] = id
        words.append(word)
        return id
    }

    /// The id of the word in `buffer[range]`, if it is in the vocabulary.
    @inline(__always)
    func lookup(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int32? {
        let slice = UnsafeBufferPointer(rebasing: buffer[range])
        guard let id = ids[Self.hash(slice)] else { return nil }
        return words[Int(id)].elementsEqual(slice) ? id : nil
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

    static func form(_ word: [UInt8]) -> [UInt8] {
        word.withUnsafeBufferPointer { b in Array(b[start(b, 0..<b.count)...]) }
    }
}
