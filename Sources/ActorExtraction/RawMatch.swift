import ActorText

/// A lexicon phrase found in the text, before resolution.
struct RawMatch {
    /// Token range of the phrase.
    var tokens: Range<Int>
    /// Letters of proclitics (و ف ب ك ل) removed from the first token (not counting the article).
    var strip: Int
    /// The first proclitic letter removed, if any (ب marks a venue: بموسكو).
    var proclitic: UInt8?
    /// Whether the first token carried the article (ال، or لل after ل).
    var article: Bool
    var targets: [AliasTarget]
}

extension CompiledLexicon {
    /// Longest-match scan of the whole text over the trie.
    ///
    /// Each token is tried as written (article removed), then without proclitics — و ف (+ ب ك ل, لل), ب ك,
    /// ل, لل — but a stripped form is only tried when it is a word of the lexicon, so names that begin with
    /// these letters (ولايتي، فيدان، بوتين، كيري، لافروف) stay whole. Phrases only continue across white
    /// space: never across punctuation, quotes or brackets.
    /// - Complexity: O(t · k) for t tokens and phrases of at most k words; no allocation per token.
    func scan(_ text: TokenizedText) -> [RawMatch] {
        var matches: [RawMatch] = []
        let tokens = text.tokens
        text.codes.withUnsafeBufferPointer { codes in
            var i = 0
            let n = tokens.count
            while i < n {
                let t = tokens[i]
                let s = Int(t.codeStart), e = Int(t.codeEnd)
                var best: (end: Int, node: Int32, strip: Int, clitic: UInt8?, article: Bool)? = nil

                @inline(__always) func tryFrom(_ look: (id: Int32, article: Bool)?, strip: Int, clitic: UInt8?) {
                    guard let look, var node = child(0, look.id) else { return }
                    var j = i + 1
                    if terminals[node] != nil, best == nil || j > best!.end { best = (j, node, strip, clitic, look.article) }
                    while j < n, tokens[j].spaceOnlyBefore {
                        let tj = tokens[j]
                        let js = Int(tj.codeStart), je = Int(tj.codeEnd)
                        guard let w = vocabulary.lookup(codes, Canonical.start(codes, js..<je)..<je),
                              let next = child(node, w) else { break }
                        node = next
                        j += 1
                        if terminals[node] != nil, best == nil || j > best!.end { best = (j, node, strip, clitic, look.article) }
                    }
                }
                /// The word from letter `from` on; `canonical` removes an article, `article` says one was there.
                @inline(__always) func look(_ from: Int, canonical: Bool, article: Bool = false) -> (id: Int32, article: Bool)? {
                    guard e - from >= 2 else { return nil }
                    let st = canonical ? Canonical.start(codes, from..<e) : from
                    guard let id = vocabulary.lookup(codes, st..<e) else { return nil }
                    return (id, article || st != from)
                }

                tryFrom(look(s, canonical: true), strip: 0, clitic: nil)
                let f = codes[s]
                typealias A = ArabicAlphabet
                if e - s >= 3 {
                    if f == A.waw || f == A.feh {
                        tryFrom(look(s + 1, canonical: true), strip: 1, clitic: f)
                        let g = codes[s + 1]
                        if g == A.beh || g == A.kaf {
                            tryFrom(look(s + 2, canonical: true), strip: 2, clitic: g)
                        } else if g == A.lam {
                            tryFrom(look(s + 2, canonical: false), strip: 2, clitic: g)
                            if codes[s + 2] == A.lam { tryFrom(look(s + 3, canonical: false, article: true), strip: 3, clitic: g) }
                        }
                    } else if f == A.beh || f == A.kaf {
                        tryFrom(look(s + 1, canonical: true), strip: 1, clitic: f)
                    } else if f == A.lam {
                        tryFrom(look(s + 1, canonical: false), strip: 1, clitic: f)
                        if codes[s + 1] == A.lam { tryFrom(look(s + 2, canonical: false, article: true), strip: 2, clitic: f) }
                    }
                }
                if let b = best, var targets = terminals[b.node] {
                    if !b.article, let needy = needsArticle[b.node] { targets.removeAll { needy.contains($0) } }
                    if !targets.isEmpty {
                        matches.append(RawMatch(tokens: i..<b.end, strip: b.strip, proclitic: b.clitic, article: b.article, targets: targets))
                    }
                    i = b.end
                } else {
                    i += 1
                }
            }
        }
        return matches
    }
}
