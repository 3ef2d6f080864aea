/// Normalisation of short strings (lexicon entries, user queries) into the letter codes used for matching.
public enum NormalizedForm {
    /// The normalised codes of each word of `text`.
    /// - Complexity: O(n) in the bytes of `text`.
    public static func tokens(of text: String) -> [[UInt8]] {
        let t = TokenizedText(text, segments: false)
        return t.tokens.indices.map { Array(t.codes(of: $0)) }
    }

    /// The normalised codes of `text` taken as one word (words are concatenated without separator).
    public static func codes(of text: String) -> [UInt8] { tokens(of: text).flatMap { $0 } }

    /// The normalised text: words joined by single spaces, in plain Arabic letters.
    public static func string(_ text: String) -> String {
        tokens(of: text).map { ArabicAlphabet.string(from: $0) }.joined(separator: " ")
    }
}
