/// An append-only buffer for the tokenizer's loop: an append is a capacity compare and a store. An `Array`'s
/// append also asks whether its storage is uniquely referenced, and that check and its bookkeeping were 2% of
/// a SaudiNewsNet build.
///
/// Non-copyable: it owns its memory and frees it when it ends. Invariant: `0 <= count <= capacity`, and the
/// first `count` elements are initialized.
struct AppendBuffer<Element>: ~Copyable {
    private var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    /// - Parameter capacity: elements to room for before the first growth (at least 16).
    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    /// Appends `element`.
    /// - Complexity: amortized O(1): the capacity doubles when full.
    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count += 1
    }

    /// The last element, if any.
    var last: Element? { count > 0 ? base[count - 1] : nil }

    @inline(never)
    private mutating func grow() {
        let newCapacity = capacity * 2
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        newBase.moveInitialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// The elements, as an array of exactly `count` elements.
    /// - Complexity: O(count), one copy.
    func array() -> [Element] {
        Array(UnsafeBufferPointer(start: base, count: count))
    }
}
