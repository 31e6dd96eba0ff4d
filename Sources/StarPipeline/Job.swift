import Foundation
import Synchronization

/// Work on a thread of its own while the other reports render: results.json (which lets the
/// submissions go when written) and results.xlsx (libxlsxwriter is single-threaded and streams
/// rows to disk; a province's workbook takes seconds).
///
/// A thread of its own, so that the work runs beside the renderer whatever the renderer keeps
/// busy (its `concurrentPerform` fills Dispatch's threads). The caller is synchronous code that
/// must block until the work is done, which a Mutex cannot do: a semaphore, signalled once, is
/// the tool for that one wait.
final class Job: Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Set by the job's thread before `done` is signalled.
    private let result = Mutex<Result<String, Error>?>(nil)

    init(_ body: @escaping @Sendable () throws -> String) {
        let thread = Thread { [self] in
            let outcome = Result { try body() }
            result.withLock { $0 = outcome }
            done.signal()
        }
        thread.start()
    }

    /// Waits for the work; the name of the file it wrote, or the error that stopped it. (Once
    /// the result is set, a later call does not wait.)
    func wait() throws -> String {
        if let outcome = result.withLock({ $0 }) { return try outcome.get() }
        done.wait()
        return try result.withLock { $0! }.get()
    }
}

/// A value handed from one stage to the next and taken once: when the taker is done with it,
/// nothing else holds it (a province's submissions are freed as soon as results.json is written).
final class Handoff<Value: Sendable>: Sendable {
    private let value: Mutex<Value?>

    init(_ value: Value) { self.value = Mutex(value) }

    /// Uses the value, leaving it for the taker.
    func read<R>(_ body: (Value) throws -> R) rethrows -> R {
        let v = value.withLock { $0! }
        return try body(v)
    }

    /// Takes the value out and uses it; it is freed when `body` returns.
    func take<R>(_ body: (Value) throws -> R) rethrows -> R {
        let v = value.withLock { held in
            defer { held = nil }
            return held!
        }
        return try body(v)
    }
}
