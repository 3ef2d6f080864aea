import ActorKnowledge
import ActorText

/// The knowledge base compiled for matching: a vocabulary of normalised words and a trie over word ids.
///
/// Built once per run (about 10 ms for the bundled knowledge base) and shared read-only by all documents.
/// Invariant: every phrase in the trie consists of vocabulary ids of canonical word forms (see `Canonical`).
public struct CompiledLexicon: Sendable {
    public let knowledge: KnowledgeBase
    var vocabulary = TokenVocabulary()
    /// Trie transitions: `(node << 32) | wordId` → child node. Node 0 is the root.
    private var transitions = FlatHashMap(capacity: 1 << 15)
    /// Targets of phrases that end at a node, indexed by node (empty for inner nodes), while the lexicon is
    /// built; then moved into ``targetStore``.
    private var terminals: [[AliasTarget]] = [[]]
    /// Targets of phrases that end at a node, by node: what raw matches point to.
    private(set) var targetStore = TargetStore([])
    /// Targets whose phrase began with the article (القاهرة، الرياض): they need it in the text too, so that
    /// قاهرة ("overwhelming") and رياض (a given name) are not taken for Cairo and Riyadh.
    private(set) var needsArticle: [Int32: Set<AliasTarget>] = [:]
    /// People and organisations whose name was listed without the article (صالح، عقار، دار، مبارك، حماس): a
    /// word with the article is then a common noun (الصالح، العقار "real estate"، الدار، المبارك، الحماس).
    private(set) var refusesArticle: [Int32: Set<AliasTarget>] = [:]
    private var nodeCount: Int32 = 1
    /// Per trie node, what the scan asks about every candidate, in one small contiguous array: bit 0, a
    /// phrase ends there (`terminals` not empty); bit 1, it has `needsArticle` targets; bit 2, it has
    /// `refusesArticle` targets. Set once the lexicon is built.
    private(set) var nodeFlags: [UInt8] = []
    /// Per trie node, the context cues among its terminal targets (one bit per ``AliasTarget/Cue`` raw value).
    private(set) var terminalCues: [UInt32] = []
    /// Per trie node, the kinds of its terminal targets (``RawMatch/Kinds`` bits).
    private(set) var terminalKinds: [UInt16] = []
    static let terminalFlag: UInt8 = 1, needsArticleFlag: UInt8 = 2, refusesArticleFlag: UInt8 = 4, childrenFlag: UInt8 = 8
    /// Nodes with children (phrases continue from them), set while the trie is built; folded into `nodeFlags`.
    private var hasChildren: Set<Int32> = []
    /// A 2^18-bit filter (32 KB, it stays in L1 cache) over the trie's transitions, keyed by the parent node
    /// and the hash of the child's word (see ``continuationBit(_:_:)``): after the first word of a possible
    /// phrase, the next text word is looked up only if some phrase may continue with it. Measured on
    /// SaudiNewsNet text, 95% of those lookups found no continuation.
    private(set) var continuations = [UInt64](repeating: 0, count: (1 << 18) / 64)

    /// The bit of `continuations` for a transition from `node` by the word whose hash (``WordHash``) is `wordHash`.
    @inline(__always)
    static func continuationBit(_ node: Int32, _ wordHash: UInt64) -> Int {
        Int(truncatingIfNeeded: ((wordHash ^ (UInt64(UInt32(node)) &* 0x9E37_79B9_7F4A_7C15)) &* 0xFF51_AFD7_ED55_8CCD) >> (64 - 18))
    }

    /// Whether a phrase may continue from `node` with the word whose hash (``WordHash``) is `wordHash` (no false negatives).
    @inline(__always)
    func mayContinue(_ node: Int32, _ wordHash: UInt64) -> Bool {
        let bit = Self.continuationBit(node, wordHash)
        return continuations[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }
    /// For each (role, state), the officeholders, for resolving titles by date.
    private(set) var officeholders: [OfficeKey: [(id: String, role: Role)]] = [:]
    /// Hashes (``WordHash``) of the normalised given names (article kept), for discovering officials not in the
    /// knowledge base.
    private(set) var givenNames = FlatHashMap(capacity: 4096)
    /// Hashes (``WordHash``) of the normalised frequent ordinary words (`common-words.tsv`), each with its frequency rank
    /// (0: the most frequent; the first of several spellings that normalise alike).
    private(set) var commonWords = FlatHashMap(capacity: 16384)
    /// Ranks below this in ``commonWords`` are grammar words (في، من، على …): a given name that normalises to
    /// one of them (علي) is read as the word. (Higher ranks hold frequent names too: محمد is 48th.)
    static let grammarWordRank: Int32 = 40

    /// Arab League states whose formal name calls them a kingdom (المملكة العربية السعودية، مملكة البحرين …),
    /// for resolving a bare "المملكة".
    public private(set) var kingdoms: Set<String> = []

    struct OfficeKey: Hashable, Sendable {
        var role: RoleCode
        var place: String
    }

    public init(knowledge: KnowledgeBase) {
        self.knowledge = knowledge
        for s in knowledge.states.values.sorted(by: { $0.id < $1.id }) {
            // Arab kingdoms only: in Arabic news a bare المملكة is one of them (after a mention of Britain,
            // "المملكة" in a Saudi paper is still Saudi Arabia; Britain is بريطانيا).
            if s.memberOf.contains("arab-league"), s.namesAr.contains(where: { $0.hasPrefix("المملكة") || $0.hasPrefix("مملكة") }) {
                kingdoms.insert(s.id)
            }
            for n in s.namesAr { addName(n, .state(id: s.id, form: .name)) }
            for a in s.adjectivesAr {
                for form in Self.nisbaForms(a) { add(form, .state(id: s.id, form: .adjective)) }
                // Plurals that stand for the state's side alone: روسيون/روسيين and listed broken plurals (روس).
                let plural = a.hasSuffix("ي") || a.hasSuffix("ى") ? [a + "ون", a + "ين"] : [a]
                for form in plural { add(form, .state(id: s.id, form: .people)) }
            }
            // Capitals get no ـية spelling (أبيا would become أبيه, "his father").
            for c in s.capitalAr { add(c, .state(id: s.id, form: .capital)) }
            for i in s.institutionsAr { add(i, .state(id: s.id, form: .institution)) }
        }
        for o in knowledge.organizations.values.sorted(by: { $0.id < $1.id }) {
            for n in o.namesAr { add(n, .organization(id: o.id, short: false, ambiguous: false)) }
            for s in o.shortAr { add(s.text, .organization(id: o.id, short: true, ambiguous: s.ambiguous)) }
        }
        for p in knowledge.officials.values.sorted(by: { $0.id < $1.id }) {
            for n in p.namesAr { add(n, .person(id: p.id, short: false, ambiguous: false)) }
            for s in p.shortAr { add(s.text, .person(id: p.id, short: true, ambiguous: s.ambiguous)) }
            for r in p.roles {
                officeholders[OfficeKey(role: r.code, place: r.place), default: []].append((p.id, r))
            }
        }
        for m in knowledge.media.values.sorted(by: { $0.id < $1.id }) {
            for n in m.namesAr { add(n, .media(id: m.id)) }
        }
        for t in knowledge.titles { add(t.titleAr, .title(role: t.role, place: t.place)) }
        for (i, t) in knowledge.triggers.enumerated() {
            for form in t.forms { add(form, .trigger(Int32(i))) }
        }
        for (kind, words) in knowledge.cues.sorted(by: { $0.key < $1.key }) {
            guard let cue = AliasTarget.Cue(kind) else { continue }
            for w in words { add(w, .cue(cue)) }
        }
        // Raw forms, without removing an initial ال: ألان (Alain) must not become أن.
        for name in knowledge.givenNames { givenNames.set(WordHash.hash(NormalizedForm.codes(of: name)), 0) }
        for (rank, word) in knowledge.commonWords.enumerated() {
            let h = WordHash.hash(NormalizedForm.codes(of: word))
            if commonWords[h] == nil { commonWords.set(h, Int32(rank)) }
        }
        nodeFlags = terminals.indices.map { node in
            var f: UInt8 = terminals[node].isEmpty ? 0 : Self.terminalFlag
            if needsArticle[Int32(node)]?.isEmpty == false { f |= Self.needsArticleFlag }
            if refusesArticle[Int32(node)]?.isEmpty == false { f |= Self.refusesArticleFlag }
            if hasChildren.contains(Int32(node)) { f |= Self.childrenFlag }
            return f
        }
        terminalCues = terminals.map { RawMatch.cueMask($0) }
        terminalKinds = terminals.map { RawMatch.kindMask($0) }
        targetStore = TargetStore(terminals)
        terminals = []
        // The most frequent trie step, from the root by a text word, is read from the word's vocabulary slot.
        precondition(nodeCount < 1 << 24, "trie nodes must fit the vocabulary slots' 24 bits")
        let transitions = self.transitions, flags = nodeFlags
        vocabulary.setRoots { id in
            guard let node = transitions[UInt64(UInt32(id))] else { return 0 }
            return UInt32(flags[Int(node)]) << 24 | UInt32(node)
        }
    }

    /// Adds a name; names ending in يا also get the يه (ـية) spelling: سوريا / سورية.
    private mutating func addName(_ phrase: String, _ target: AliasTarget) {
        add(phrase, target)
        var words = NormalizedForm.tokens(of: phrase)
        if let last = words.last, last.count >= 3, last[last.count - 1] == ArabicAlphabet.alef,
           last[last.count - 2] == ArabicAlphabet.yeh {
            words[words.count - 1] = Array(last.dropLast()) + [ArabicAlphabet.heh]
            if case .state(let id, .name) = target {
                add(words: words, .state(id: id, form: .nameVariant))
            } else {
                add(words: words, target)
            }
        }
    }

    private mutating func add(_ phrase: String, _ target: AliasTarget) {
        add(words: NormalizedForm.tokens(of: phrase), target)
    }

    private mutating func add(words: [[UInt8]], _ target: AliasTarget) {
        guard let first = words.first else { return }
        // Only proper names need their article; titles and cue words are common nouns that also occur
        // without it in construct phrases (أمير قطر، وزير خارجية روسيا).
        let isName: Bool = { switch target { case .title, .cue: return false; default: return true } }()
        let hasArticle = isName && Canonical.form(first).count != first.count
        var node: Int32 = 0
        for w in words {
            let form = Canonical.form(w)
            let id = vocabulary.intern(form)
            let key = (UInt64(UInt32(node)) << 32) | UInt64(UInt32(id))
            if let next = transitions[key] {
                node = next
            } else {
                if node != 0 {
                    hasChildren.insert(node)
                    let bit = Self.continuationBit(node, TokenVocabulary.hash(form))
                    continuations[bit >> 6] |= 1 << UInt64(bit & 63)
                }
                transitions.set(key, nodeCount)
                node = nodeCount
                nodeCount += 1
                terminals.append([])
            }
        }
        let personOrOrganization: Bool = { switch target { case .person, .organization: return true; default: return false } }()
        // In place: a copy of the list taken out and stored back is copied on write, every time.
        if !terminals[Int(node)].contains(target) {
            terminals[Int(node)].append(target)
            if hasArticle { needsArticle[node, default: []].insert(target) }
            if !hasArticle && personOrOrganization { refusesArticle[node, default: []].insert(target) }
        } else if !hasArticle {
            // Also listed without the article: no longer needs it.
            needsArticle[node]?.remove(target)
        } else {
            // Also listed with the article: takes it.
            refusesArticle[node]?.remove(target)
        }
    }

    /// The feminine, plural and dual forms of a masculine nisba adjective ending in ي.
    static func nisbaForms(_ adjective: String) -> [String] {
        guard adjective.hasSuffix("ي") || adjective.hasSuffix("ى") else { return [adjective] }
        let stem = adjective
        return [stem, stem + "ة", stem + "ون", stem + "ين", stem + "ان", stem + "تان", stem + "تين", stem + "ات"]
    }

    /// The child of `node` by the word `word`; from the root, see ``TokenVocabulary/Entry/root``.
    @inline(__always)
    func child(_ node: Int32, _ word: Int32) -> Int32? {
        transitions[(UInt64(UInt32(node)) << 32) | UInt64(UInt32(word))]
    }

    /// Number of distinct words and trie nodes (for diagnostics).
    public var size: (words: Int, nodes: Int) { (vocabulary.count, Int(nodeCount)) }

    /// Whether the knowledge base knows anybody who ever held `role` for `place`.
    public func hasOfficeholders(role: RoleCode, place: String) -> Bool {
        officeholders[OfficeKey(role: role, place: place)] != nil
    }

    /// Who held `role` for `place` on `date`, when that is one person: offices held by several people at a
    /// time (ambassadors, envoys, ministers in general) and overlapping records give `nil`. Without a date,
    /// only a sole current officeholder is returned.
    public func officeholder(role: RoleCode, place: String, date: String?) -> String? {
        guard role.isSingleHolder, let list = officeholders[OfficeKey(role: role, place: place)], !list.isEmpty else { return nil }
        let day = date.map(dayNumber)
        var holder: String? = nil
        for entry in list where day.map({ entry.role.covers(day: $0) }) ?? (entry.role.to == nil) {
            if let h = holder, h != entry.id { return nil }
            holder = entry.id
        }
        return holder
    }
}
