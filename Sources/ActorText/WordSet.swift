/// A fixed set of normalised words, held by their hashes (``WordHash``): the rules' small word lists (في،
/// بين، السابق، sports words …), asked about many tokens of every document.
///
/// A `Set<UInt64>` hashes every probe again with seeded SipHash; that rehashing was 3% of a SaudiNewsNet
/// build. Word hashes are already mixed, so here a probe takes the hash's low bits as its slot.
///
/// Invariants: the table is a power of two at least four times the count (linear probing, short runs); a
/// zero slot is empty, so a word whose hash is zero is stored and probed as one.
/// - Complexity: `contains` O(1) on average, no hashing, no allocation.
public struct WordSet: Sendable {
    private var slots: [UInt64]
    private var mask: Int

    /// The set of `words`, normalised (``NormalizedForm``) as the tokenizer normalises text.
    public init(_ words: [String]) {
        self.init(hashes: words.map { WordHash.hash(NormalizedForm.codes(of: $0)) })
    }

    /// The set of words with these hashes.
    public init(hashes: [UInt64]) {
        var capacity = 8
        while capacity < hashes.count * 4 { capacity *= 2 }
        slots = [UInt64](repeating: 0, count: capacity)
        mask = capacity - 1
        for h in hashes {
            let key = h == 0 ? 1 : h
            var i = Int(truncatingIfNeeded: key) & mask
            while slots[i] != 0 && slots[i] != key { i = (i + 1) & mask }
            slots[i] = key
        }
    }

    /// Whether the word whose hash is `hash` is in the set.
    @inline(__always)
    public func contains(_ hash: UInt64) -> Bool {
        let key = hash == 0 ? 1 : hash
        return slots.withUnsafeBufferPointer { slots in
            var i = Int(truncatingIfNeeded: key) & mask
            while true {
                let s = slots[i]
                if s == key { return true }
                if s == 0 { return false }
                i = (i + 1) & mask
            }
        }
    }
}
