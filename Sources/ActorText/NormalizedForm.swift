/// Normalisation of short strings (lexicon entries, user queries) into the letter codes used for matching.
///
/// Invariant: the words and codes are those ``TokenizedText`` gives for the same string (tested on random
/// mixed text). Read here one scalar at a time with the tokenizer's tables, without building a tokenized
/// text: compiling the lexicon normalises some 60,000 entries, and the tokenizer's buffers made that half
/// of the knowledge base's load time.
public enum NormalizedForm {
    /// The normalised codes of each word of `text`.
    /// - Complexity: O(n) in the scalars of `text`.
    public static func tokens(of text: String) -> [[UInt8]] {
        var words: [[UInt8]] = []
        var word: [UInt8] = []
        forEachCode(of: text) { code in
            if let code { word.append(code) } else if !word.isEmpty {
                words.append(word)
                word.removeAll(keepingCapacity: true)
            }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }

    /// The normalised codes of `text` taken as one word (words are concatenated without separator).
    public static func codes(of text: String) -> [UInt8] {
        var codes: [UInt8] = []
        codes.reserveCapacity(text.utf8.count / 2)
        forEachCode(of: text) { code in if let code { codes.append(code) } }
        return codes
    }

    /// The normalised text: words joined by single spaces, in plain Arabic letters.
    public static func string(_ text: String) -> String {
        tokens(of: text).map { ArabicAlphabet.string(from: $0) }.joined(separator: " ")
    }

    /// Calls `body` with the code of each letter of `text`, and with `nil` for each separator; ignorable
    /// scalars (diacritics, tatweel, zero-width marks) are skipped, as the tokenizer skips them.
    @inline(__always)
    static func forEachCode(of text: String, _ body: (UInt8?) -> Void) {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let cls: ScalarClass
            var code: UInt8 = 0
            if v < 0x700 {
                cls = ScalarClass(rawValue: ScalarTable.classes[Int(v)]) ?? .space
                code = ScalarTable.codes[Int(v)]
            } else {
                cls = ScalarTable.classOfHigh(v)
                if cls == .letter { code = ScalarTable.letterOfHigh(v) }
            }
            switch cls {
            case .letter: body(code)
            case .ignorable: break
            default: body(nil)
            }
        }
    }
}
