import Testing

@testable import ActorText

@Suite("Word hashes and word sets")
struct WordHashTests {
    @Test("Hashing a word in place (whole 64-bit loads) equals hashing its codes one by one, at every offset and length")
    func inPlaceHashMatchesSequentialHash() {
        var rng = SplitMix(seed: 7)
        for _ in 0..<300 {
            // Codes as the tokenizer writes them: never zero, Arabic letters from 0x80.
            let buffer = (0..<40).map { _ in UInt8(0x80 + rng.next() % 29) }
            buffer.withUnsafeBufferPointer { b in
                for start in 0..<buffer.count {
                    for end in start...min(buffer.count, start + 20) {
                        let expected = WordHash.hash(buffer[start..<end])
                        #expect(WordHash.hash(b.baseAddress!, start, end) == expected, "\(start)..<\(end)")
                        #expect(WordHash.hash(b, start..<end) == expected)
                    }
                }
            }
        }
    }

    @Test("Words of up to eight letters never share a hash; longer words that differ in one letter differ")
    func shortWordsDoNotCollide() {
        // Every word of one to three letters over a 29-letter alphabet, and random longer ones.
        var seen: [UInt64: [UInt8]] = [:]
        var words: [[UInt8]] = [[]]
        for _ in 0..<3 { words = words.flatMap { w in (0x80..<0x9D).map { w + [UInt8($0)] } } + words }
        var rng = SplitMix(seed: 11)
        for _ in 0..<20_000 { words.append((0..<(4 + Int(rng.next() % 12))).map { _ in UInt8(0x80 + rng.next() % 29) }) }
        for w in Set(words.map { $0 }).sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let h = WordHash.hash(w)
            #expect(seen[h] == nil, "\(w) and \(seen[h] ?? [])")
            seen[h] = w
            if w.count > 8 {
                var other = w
                other[w.count - 9] ^= 1
                #expect(WordHash.hash(other) != h)
            }
        }
    }

    @Test("A word set holds its words, in every spelling that normalises alike, and nothing else")
    func wordSetContainsExactlyItsWords() {
        let set = WordSet(["في", "السابق", "الأسبق", "مباراة"])
        for word in ["في", "فى", "السابق", "الاسبق", "الأسبق", "مباراه", "مباراة"] {
            #expect(set.contains(WordHash.hash(NormalizedForm.codes(of: word))), "\(word)")
        }
        for word in ["فيه", "سابق", "السابقة", "مباريات", "من", ""] {
            #expect(!set.contains(WordHash.hash(NormalizedForm.codes(of: word))), "\(word)")
        }
        // Random hashes: a set of 1,000 against 10,000 others.
        var rng = SplitMix(seed: 3)
        let members = (0..<1000).map { _ in rng.next() }
        let big = WordSet(hashes: members + [0])
        #expect(members.allSatisfy(big.contains) && big.contains(0))
        let others = (0..<10_000).map { _ in rng.next() }.filter { !members.contains($0) }
        #expect(!others.contains(where: big.contains))
    }
}
