/// A hash map from `UInt64` keys to `Int32` values with open addressing and linear probing.
///
/// Hand-written for the recogniser's hot path: `Dictionary<UInt64, Int32>` hashes every key with seeded
/// SipHash, which took about a fifth of the recognition time (measured with `perf` on SaudiNewsNet text);
/// here the key is mixed with one multiplication (Fibonacci hashing), since the keys are already word hashes (``WordHash``)
/// or packed pairs. Lookups never allocate.
///
/// Invariants: capacity is a power of two and at least twice the count; a slot is empty when its value is
/// `-1` (values stored must be `>= 0`).
/// - Complexity: lookup and insert O(1) on average.
public struct FlatHashMap: Sendable {
    @usableFromInline var keys: [UInt64]
    @usableFromInline var values: [Int32]
    @usableFromInline var shift: UInt64
    public private(set) var count = 0

    public init(capacity: Int = 16) {
        var cap = 16
        while cap < capacity * 2 { cap <<= 1 }
        keys = [UInt64](repeating: 0, count: cap)
        values = [Int32](repeating: -1, count: cap)
        shift = UInt64(64 - cap.trailingZeroBitCount)
    }

    @inlinable @inline(__always)
    func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The value for `key`, if any. Inlinable: it is the recogniser's innermost call, from another module.
    @inlinable @inline(__always)
    public subscript(key: UInt64) -> Int32? {
        keys.withUnsafeBufferPointer { keys in
            values.withUnsafeBufferPointer { values in
                let mask = keys.count - 1
                var i = slot(key)
                while true {
                    let v = values[i]
                    if v < 0 { return nil }
                    if keys[i] == key { return v }
                    i = (i + 1) & mask
                }
            }
        }
    }

    /// Sets the value for `key` (which must be `>= 0`).
    public mutating func set(_ key: UInt64, _ value: Int32) {
        precondition(value >= 0, "FlatHashMap stores non-negative values only")
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var i = slot(key)
        while values[i] >= 0 && keys[i] != key { i = (i + 1) & mask }
        if values[i] < 0 { count += 1 }
        keys[i] = key
        values[i] = value
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        let cap = keys.count * 2
        keys = [UInt64](repeating: 0, count: cap)
        values = [Int32](repeating: -1, count: cap)
        shift = UInt64(64 - cap.trailingZeroBitCount)
        count = 0
        for (k, v) in zip(oldKeys, oldValues) where v >= 0 { set(k, v) }
    }
}

/// 64-bit FNV-1a constants, for combining word hashes in order (document fingerprints).
public enum FNV {
    public static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    public static let prime: UInt64 = 0x0000_0100_0000_01B3
}
