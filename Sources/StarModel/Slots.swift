import Synchronization

/// One slot per item of a `DispatchQueue.concurrentPerform`, filled by the parallel workers and
/// read in item order afterwards (the input files read, the reports rendered, the report files
/// hashed).
public final class Slots<Value: Sendable>: Sendable {
    private let slots: Mutex<[Value?]>
    public init(count: Int) { slots = Mutex(Array(repeating: nil, count: count)) }
    public func set(_ i: Int, _ v: Value) { slots.withLock { $0[i] = v } }
    public var values: [Value?] { slots.withLock { $0 } }
    /// Takes slot `i`'s value out, leaving nothing behind to hold memory.
    public func take(_ i: Int) -> Value? {
        slots.withLock { slots in
            defer { slots[i] = nil }
            return slots[i]
        }
    }
}
