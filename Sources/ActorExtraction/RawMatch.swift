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
    /// Whether the phrase was found without a pronoun enclitic of its first token (دعمها، حليفهم): the act is
    /// that of somebody named before it.
    var enclitic = false
    /// What the phrase may name. Set once: `cues` is derived from it.
    let targets: MatchTargets
    /// The context cues among `targets`, one bit per ``AliasTarget/Cue`` (by raw value): resolution asks
    /// about cues several times per match, and a bit test spares comparing enum payloads.
    let cues: UInt32

    /// The kinds of targets present, as ``Kinds`` bits: resolution asks "is there a state (of this
    /// form), a person, a title … at this match?" many times per match, and most matches (triggers, cues)
    /// have none, so a bit test answers without walking the targets.
    let kinds: UInt16

    /// - Parameters:
    ///   - cues: `cueMask(targets)`, when the caller knows it.
    ///   - kinds: `kindMask(targets)`, when the caller knows it.
    init(tokens: Range<Int>, strip: Int, proclitic: UInt8?, article: Bool, targets: MatchTargets, cues: UInt32? = nil,
         kinds: UInt16? = nil) {
        self.tokens = tokens
        self.strip = strip
        self.proclitic = proclitic
        self.article = article
        self.targets = targets
        self.cues = cues ?? Self.cueMask(targets)
        self.kinds = kinds ?? Self.kindMask(targets)
    }

    /// Bits of ``kinds``: one per state form (by raw value), then the other kinds of target.
    enum Kinds {
        static let anyState: UInt16 = 0x3F
        static func state(_ form: AliasTarget.StateForm) -> UInt16 { 1 &<< UInt16(form.rawValue) }
        static let person: UInt16 = 1 << 6
        static let ambiguousPerson: UInt16 = 1 << 7
        static let organization: UInt16 = 1 << 8
        static let media: UInt16 = 1 << 9
        static let title: UInt16 = 1 << 10
        static let trigger: UInt16 = 1 << 11
    }

    /// The ``Kinds`` bits of `targets`.
    static func kindMask<C: Collection<AliasTarget>>(_ targets: C) -> UInt16 {
        var kinds: UInt16 = 0
        for t in targets {
            switch t {
            case .state(_, let form): kinds |= Kinds.state(form)
            case .person(_, _, let ambiguous): kinds |= Kinds.person | (ambiguous ? Kinds.ambiguousPerson : 0)
            case .organization: kinds |= Kinds.organization
            case .media: kinds |= Kinds.media
            case .title: kinds |= Kinds.title
            case .trigger: kinds |= Kinds.trigger
            case .cue: break
            }
        }
        return kinds
    }

    /// Whether some target has one of the kinds in `mask`.
    @inline(__always)
    func has(kinds mask: UInt16) -> Bool { kinds & mask != 0 }

    /// The context cues among `targets`, one bit per ``AliasTarget/Cue`` raw value.
    static func cueMask<C: Collection<AliasTarget>>(_ targets: C) -> UInt32 {
        var cues: UInt32 = 0
        for t in targets { if case .cue(let c) = t { cues |= 1 << UInt32(c.rawValue) } }
        return cues
    }

    /// Whether the phrase is the cue `cue` (as `targets.contains(.cue(cue))`).
    /// - Complexity: O(1).
    @inline(__always)
    func has(_ cue: AliasTarget.Cue) -> Bool { cues & (1 << UInt32(cue.rawValue)) != 0 }
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
        // About one token in five starts a match on news text: reserved once rather than grown by doubling.
        matches.reserveCapacity(text.tokens.count / 4)
        text.codes.withUnsafeBufferPointer { codes in
            text.hashes.withUnsafeBufferPointer { hashes in
                text.tokens.withUnsafeBufferPointer { tokens in
                    let n = tokens.count
                    var i = 0
                    while i < n {
                        let s = Int(tokens[i].codeStart), e = Int(tokens[i].codeEnd)
                        var best = Candidate()
                        extend(&best, word: look(codes, s, e, canonical: true, hash: hashes[i]), strip: 0, clitic: 0, at: i, tokens, codes, hashes)
                        if e - s >= 3 {
                            typealias A = ArabicAlphabet
                            let f = codes[s]
                            if f == A.waw || f == A.feh {
                                extend(&best, word: look(codes, s + 1, e, canonical: true), strip: 1, clitic: f, at: i, tokens, codes, hashes)
                                let g = codes[s + 1]
                                if g == A.beh || g == A.kaf {
                                    extend(&best, word: look(codes, s + 2, e, canonical: true), strip: 2, clitic: g, at: i, tokens, codes, hashes)
                                } else if g == A.lam {
                                    extend(&best, word: look(codes, s + 2, e, canonical: false), strip: 2, clitic: g, at: i, tokens, codes, hashes)
                                    if codes[s + 2] == A.lam {
                                        extend(&best, word: look(codes, s + 3, e, canonical: false, article: true), strip: 3, clitic: g, at: i, tokens, codes, hashes)
                                    }
                                }
                            } else if f == A.beh || f == A.kaf {
                                extend(&best, word: look(codes, s + 1, e, canonical: true), strip: 1, clitic: f, at: i, tokens, codes, hashes)
                            } else if f == A.lam {
                                extend(&best, word: look(codes, s + 1, e, canonical: false), strip: 1, clitic: f, at: i, tokens, codes, hashes)
                                if codes[s + 1] == A.lam {
                                    extend(&best, word: look(codes, s + 2, e, canonical: false, article: true), strip: 2, clitic: f, at: i, tokens, codes, hashes)
                                }
                            }
                        }
                        if best.end == 0 && e - s >= 4 {
                            // Pronoun enclitics on trigger words (دعمها، قطع علاقاتها، إدانته): only triggers are
                            // looked up without them, so names are never cut.
                            // The calls are made only when their first test can pass (one word in ten or so):
                            // an enclitic ends in ا م ن, the future prefix is a س first or after و ف.
                            let last = codes[e - 1]
                            let f = codes[s]
                            typealias A = ArabicAlphabet
                            if last == A.alef || last == A.meem || last == A.noon,
                               let m = enclitic(codes, s, e, at: i, tokens, hashes) {
                                matches.append(m)
                            } else if f == A.seen || ((f == A.waw || f == A.feh) && codes[s + 1] == A.seen),
                                      let m = future(codes, s, e, at: i, tokens, hashes) {
                                matches.append(m)
                            }
                            i += 1
                            continue
                        }
                        if best.end > 0 {
                            // The node's list, shared, unless a rule below changes it (then a list of its own).
                            let shared = targetStore[best.node]
                            var own: [AliasTarget]? = nil
                            // Article rules never remove cues (only names have them), so the node's cues stand;
                            // the node's kinds stand unless a rule removed targets.
                            var cues = terminalCues[Int(best.node)]
                            var kinds: UInt16? = terminalKinds[Int(best.node)]
                            let flags = nodeFlags[Int(best.node)]
                            if !best.article, flags & Self.needsArticleFlag != 0, let needy = needsArticle[best.node] {
                                own = (own ?? Array(shared)).filter { !needy.contains($0) }
                                kinds = nil
                            }
                            if best.article, flags & Self.refusesArticleFlag != 0, let bare = refusesArticle[best.node] {
                                own = (own ?? Array(shared)).filter { !bare.contains($0) }
                                kinds = nil
                            }
                            if best.end - i > 1 {
                                // A phrase keeps the context cues of its last word: "تعزيز العلاقات التركية" is a
                                // trigger, and العلاقات still makes the adjective after it a state.
                                let ls = Int(tokens[best.end - 1].codeStart), le = Int(tokens[best.end - 1].codeEnd)
                                if let w = look(codes, ls, le, canonical: true), w.root != 0 {
                                    let node = Int32(w.root & 0xFF_FFFF)
                                    let lastCues = terminalCues[Int(node)]
                                    if lastCues != 0 {
                                        var list = own ?? Array(shared)
                                        for t in targetStore[node] where t.isCue && !list.contains(t) { list.append(t) }
                                        if list.count != (own?.count ?? shared.count) { own = list }
                                        cues |= lastCues
                                    }
                                }
                            }
                            let targets = own.map(MatchTargets.init) ?? MatchTargets(shared: shared)
                            if !targets.isEmpty {
                                matches.append(RawMatch(
                                    tokens: i..<best.end, strip: best.strip, proclitic: best.clitic == 0 ? nil : best.clitic,
                                    article: best.article, targets: targets, cues: cues, kinds: kinds))
                            }
                            i = best.end
                        } else {
                            i += 1
                        }
                    }
                }
            }
        }
        return matches
    }

    /// A trigger at token `i` once a pronoun enclitic (ه، ها، هما، هم، هن) is removed, if any; single words
    /// and phrases whose first word carries the enclitic.
    func enclitic(_ codes: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, at i: Int, _ tokens: UnsafeBufferPointer<Token>,
                  _ hashes: UnsafeBufferPointer<UInt64>) -> RawMatch? {
        typealias A = ArabicAlphabet
        // ها، هم، هن، هما (a lone ه is left alone: after normalisation it is also the ta marbuta).
        let last = codes[e - 1]
        guard last == A.alef || last == A.meem || last == A.noon else { return nil }
        var cut = 0
        if codes[e - 2] == A.heh && (last == A.alef || last == A.meem || last == A.noon) { cut = 2 }
        if last == A.alef && codes[e - 2] == A.meem && codes[e - 3] == A.heh { cut = 3 }
        guard cut > 0, e - s - cut >= 3 else { return nil }
        do {
            var best = Candidate()
            extend(&best, word: look(codes, s, e - cut, canonical: true), strip: 0, clitic: 0, at: i, tokens, codes, hashes)
            if best.end == 0, codes[s] == A.waw || codes[s] == A.feh || codes[s] == A.beh || codes[s] == A.lam {
                extend(&best, word: look(codes, s + 1, e - cut, canonical: true), strip: 1, clitic: codes[s], at: i, tokens, codes, hashes)
            }
            guard best.end > 0 else { return nil }
            let targets = targetStore[best.node].filter { if case .trigger = $0 { return true } else { return false } }
            if !targets.isEmpty {
                var m = RawMatch(tokens: i..<best.end, strip: best.strip, proclitic: best.clitic == 0 ? nil : best.clitic,
                                 article: best.article, targets: MatchTargets(targets))
                m.enclitic = true
                return m
            }
        }
        return nil
    }

    /// A trigger verb or construction word at token `i` carrying the future prefix سـ (ستنسق، سيزور، وستطالب),
    /// looked up without it. Only triggers and construction cues are kept, so names that begin with س
    /// (سيرغي، ستولتنبرغ) are never cut; the letter after س must be an imperfect prefix (ي ت ن ا).
    /// - Complexity: O(k) for phrases of at most k words.
    func future(_ codes: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, at i: Int, _ tokens: UnsafeBufferPointer<Token>,
                _ hashes: UnsafeBufferPointer<UInt64>) -> RawMatch? {
        typealias A = ArabicAlphabet
        var p = s
        if codes[p] == A.waw || codes[p] == A.feh { p += 1 }
        guard e - p >= 4, codes[p] == A.seen else { return nil }
        let prefix = codes[p + 1]
        guard prefix == A.yeh || prefix == A.teh || prefix == A.noon || prefix == A.alef else { return nil }
        var best = Candidate()
        extend(&best, word: look(codes, p + 1, e, canonical: false), strip: p + 1 - s, clitic: codes[s], at: i, tokens, codes, hashes)
        guard best.end > 0 else { return nil }
        let targets = targetStore[best.node].filter {
            switch $0 {
            case .trigger, .cue(.demandConstruction), .cue(.signConstruction), .cue(.suspendConstruction): return true
            default: return false
            }
        }
        guard !targets.isEmpty else { return nil }
        return RawMatch(tokens: i..<best.end, strip: best.strip, proclitic: codes[s], article: false, targets: MatchTargets(targets))
    }

    /// The best phrase found so far at a position (`end == 0`: none).
    struct Candidate {
        var end = 0
        var node: Int32 = 0
        var strip = 0
        var clitic: UInt8 = 0
        var article = false
    }

    /// The vocabulary entry of the word `codes[from..<end]` (article removed if `canonical`): the trie node
    /// a phrase starting with it reaches, with that node's flags (``TokenVocabulary/Entry/root``); and
    /// whether an article was there.
    @inline(__always)
    func look(_ codes: UnsafeBufferPointer<UInt8>, _ from: Int, _ end: Int, canonical: Bool, article: Bool = false,
              hash: UInt64? = nil) -> (root: UInt32, article: Bool)? {
        guard end - from >= 2 else { return nil }
        let st = canonical ? Canonical.start(codes, from..<end) : from
        // `hash` is that of `codes[from..<end]`: usable when nothing was removed.
        let h = st == from ? hash : nil
        guard let entry = vocabulary.entry(codes, st..<end, hash: h) else { return nil }
        return (entry.root, article || st != from)
    }

    /// Walks the trie from word `word` at token `i` as far as the following words allow, keeping the
    /// longest phrase that ends at a terminal node (earlier candidates win ties).
    @inline(__always)
    func extend(_ best: inout Candidate, word: (root: UInt32, article: Bool)?, strip: Int, clitic: UInt8, at i: Int,
                _ tokens: UnsafeBufferPointer<Token>, _ codes: UnsafeBufferPointer<UInt8>, _ hashes: UnsafeBufferPointer<UInt64>) {
        guard let word, word.root != 0 else { return }
        var node = Int32(word.root & 0xFF_FFFF)
        var flags = UInt8(word.root >> 24)
        var j = i + 1
        if flags & Self.terminalFlag != 0, j > best.end { best = Candidate(end: j, node: node, strip: strip, clitic: clitic, article: word.article) }
        while j < tokens.count, tokens[j].spaceOnlyBefore, flags & Self.childrenFlag != 0 {
            let js = Int(tokens[j].codeStart), je = Int(tokens[j].codeEnd)
            let cs = Canonical.start(codes, js..<je)
            // The tokenizer's hash is the word's when there is no article to remove.
            let h = cs == js ? hashes[j] : WordHash.hash(codes, cs..<je)
            guard mayContinue(node, h), let w = vocabulary.lookup(codes, cs..<je, hash: h), let next = child(node, w) else { break }
            node = next
            flags = nodeFlags[Int(node)]
            j += 1
            if flags & Self.terminalFlag != 0, j > best.end { best = Candidate(end: j, node: node, strip: strip, clitic: clitic, article: word.article) }
        }
    }
}

extension CompiledLexicon {
    /// Number of raw matches (for benchmarks of the scan alone).
    public func rawMatchCount(_ text: TokenizedText) -> Int { scan(text).count }
}
