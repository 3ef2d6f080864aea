/// The lexicon's target lists, one per trie node, back to back in one allocation that lives as long as the
/// lexicon.
///
/// Raw matches point into it instead of holding a copy of their node's `[AliasTarget]`: copying an array out
/// of the shared lexicon retains it, and the analysis workers all retain and release the same few arrays
/// (the commonest words' nodes), an atomic operation on a cache line that moves between cores. That cost
/// 2.2% of a SaudiNewsNet build in `swift_retain` alone.
/// Invariant: immutable after `init`; `self[node]` is the node's list, in the order it was given.
final class TargetStore: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<AliasTarget>
    private let starts: [Int32]

    /// - Complexity: O(n) in the total number of targets.
    init(_ lists: [[AliasTarget]]) {
        let total = lists.reduce(0) { $0 + $1.count }
        storage = .allocate(capacity: max(total, 1))
        var starts: [Int32] = [0]
        starts.reserveCapacity(lists.count + 1)
        var k = 0
        for list in lists {
            for t in list { (storage.baseAddress! + k).initialize(to: t); k += 1 }
            starts.append(Int32(k))
        }
        self.starts = starts
    }

    deinit {
        _ = storage.baseAddress!.deinitialize(count: Int(starts.last!))
        storage.deallocate()
    }

    /// The targets of `node`, valid while this store is alive.
    /// - Complexity: O(1).
    @inline(__always)
    subscript(node: Int32) -> UnsafeBufferPointer<AliasTarget> {
        let s = Int(starts[Int(node)]), e = Int(starts[Int(node) + 1])
        return UnsafeBufferPointer(start: storage.baseAddress! + s, count: e - s)
    }
}

/// What a raw match may name: its trie node's list in the lexicon's ``TargetStore``, not retained, or a list
/// of its own when a rule removed or added targets (article rules, enclitics, a phrase's last-word cues).
///
/// Invariant: a shared list is valid while the lexicon that made the match is alive; raw matches are made
/// and consumed within the analysis of one document by a recognizer that holds its lexicon.
struct MatchTargets: RandomAccessCollection {
    private let shared: UnsafeBufferPointer<AliasTarget>
    private let own: [AliasTarget]?

    init(shared: UnsafeBufferPointer<AliasTarget>) { self.shared = shared; self.own = nil }
    init(_ own: [AliasTarget]) { self.shared = UnsafeBufferPointer(start: nil, count: 0); self.own = own }

    var startIndex: Int { 0 }
    var endIndex: Int { own?.count ?? shared.count }

    @inline(__always)
    subscript(i: Int) -> AliasTarget {
        if let own { return own[i] }
        return shared[i]
    }
}
