import Foundation

/// One slot per item of a `DispatchQueue.concurrentPerform`, filled by the parallel workers and
/// read in item order afterwards (the input files read, the report files hashed).
public final class Slots<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value?]
    public init(count: Int) { slots = Array(repeating: nil, count: count) }
    public func set(_ i: Int, _ v: Value) { lock.withLock { slots[i] = v } }
    public var values: [Value?] { lock.withLock { slots } }
    /// Takes slot `i`'s value out, leaving nothing behind to hold memory.
    public func take(_ i: Int) -> Value? {
        lock.withLock {
            defer { slots[i] = nil }
            return slots[i]
        }
    }
}
