import Foundation
import Synchronization

/// Work on a thread of its own while the other reports render: results.json (which lets the
/// submissions go when written) and results.xlsx (libxlsxwriter is single-threaded and streams
/// rows to disk; a province's workbook takes seconds).
// @unchecked Sendable: `result` is written by the job's thread before `done` is signalled and read only after waiting for it.
final class Job: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<String, Error> = .success("")
    private var waited = false

    init(_ body: @escaping @Sendable () throws -> String) {
        let thread = Thread { [self] in
            result = Result { try body() }
            done.signal()
        }
        thread.start()
    }

    /// Waits for the work; the name of the file it wrote, or the error that stopped it.
    func wait() throws -> String {
        if !waited { done.wait(); waited = true }
        return try result.get()
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
