import ActorText

/// The set of normalised words that occur in some lexicon entry, each with a dense id.
///
/// A word is identified by its 64-bit hash (``WordHash``), as given names and common words are: the vocabulary's own
/// words are checked for collisions when it is built, and a text word that is not in it would need a 64-bit
/// collision with one of its ~10,000 words to be taken for it (about 10⁻¹⁵ per word). Comparing the bytes as
/// well cost a tenth of the lexicon scan (measured with `actorgraph-bench recognize`).
/// - Complexity: lookup O(k) in the word's letters (O(1) when the caller has the hash), no allocation.
struct TokenVocabulary: Sendable {
    /// One slot of an open-addressing table (linear probing, at most 5/8 full): a word's hash and id
    /// (`-1`: empty), side by side so that a probe reads one cache line; and what the lexicon scan asks next
    /// about a word that starts a phrase — the trie node it leads to and that node's flags (see
    /// ``Entry/root``) — so that it needs no second lookup (in the slot's padding: still 16 bytes).
    struct Slot {
        var hash: UInt64 = 0
        var id: Int32 = -1
        var root: UInt32 = 0
    }

    /// A word found in the vocabulary.
    struct Entry {
        var id: Int32
        /// `0` when no phrase starts with the word; else the trie node after it (low 24 bits) and that node's
        /// flags (high 8 bits).
        var root: UInt32
    }
    private var slots = [Slot](repeating: Slot(), count: 1 << 14)
    private var shift = UInt64(64 - 14)
    private(set) var words: [[UInt8]] = []
    /// A 2^17-bit filter over the hashes of the words (16 KB, it stays in L1 cache; about 7% false positives
    /// for 10,000 words): two text words in five are not lexicon words, and one bit test rejects most of them
    /// before probing the table.
    private var filter = [UInt64](repeating: 0, count: (1 << 17) / 64)

    var count: Int { words.count }

    @inline(__always)
    static func hash<C: Collection>(_ codes: C) -> UInt64 where C.Element == UInt8 { WordHash.hash(codes) }

    @inline(__always)
    private func slot(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// The id of `word`, adding it if new.
    mutating func intern(_ word: [UInt8]) -> Int32 {
        let h = Self.hash(word)
        let mask = slots.count - 1
        var i = slot(h)
        while slots[i].id >= 0 {
            if slots[i].hash == h {
                let id = slots[i].id
                precondition(words[Int(id)] == word, "64-bit hash collision in the lexicon vocabulary")
                return id
            }
            i = (i + 1) & mask
        }
        let id = Int32(words.count)
        slots[i] = Slot(hash: h, id: id, root: 0)
        let bit = Int(truncatingIfNeeded: h >> 47)  // top 17 bits
        filter[bit >> 6] |= 1 << UInt64(bit & 63)
        words.append(word)
        if words.count * 8 > slots.count * 5 { grow() }
        return id
    }

    private mutating func grow() {
        let cap = slots.count * 2
        slots = [Slot](repeating: Slot(), count: cap)
        shift = UInt64(64 - cap.trailingZeroBitCount)
        let mask = cap - 1
        for (id, word) in words.enumerated() {
            let h = Self.hash(word)
            var i = slot(h)
            while slots[i].id >= 0 { i = (i + 1) & mask }
            slots[i] = Slot(hash: h, id: Int32(id), root: 0)
        }
    }

    /// Sets each word's ``Entry/root`` from its id.
    mutating func setRoots(_ root: (Int32) -> UInt32) {
        for i in slots.indices where slots[i].id >= 0 { slots[i].root = root(slots[i].id) }
    }

    /// The id of the word in `buffer[range]`, if it is in the vocabulary.
    /// - Parameter hash: the word's hash (``hash(_:)``) when the caller has it (the tokenizer computed it).
    @inline(__always)
    func lookup(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, hash: UInt64? = nil) -> Int32? {
        entry(buffer, range, hash: hash)?.id
    }

    /// The word in `buffer[range]`, if it is in the vocabulary.
    @inline(__always)
    func entry(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, hash: UInt64? = nil) -> Entry? {
        guard !range.isEmpty else { return nil }
        let h = hash ?? WordHash.hash(buffer, range)
        let bit = Int(truncatingIfNeeded: h >> 47)
        guard filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return nil }
        return slots.withUnsafeBufferPointer { slots -> Entry? in
            let mask = slots.count - 1
            var i = slot(h)
            while true {
                let s = slots[i]
                if s.id < 0 { return nil }
                if s.hash == h { return Entry(id: s.id, root: s.root) }
                i = (i + 1) & mask
            }
        }
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
