import Foundation
import StarPlatform
import Synchronization
import Testing

/// The scheduling hint lowers the calling thread alone, and never raises it back.
@Suite struct SchedulingTests {
    /// The nice value of the calling thread (field 19 of /proc/thread-self/stat).
    static func niceOfThisThread() -> Int? {
        guard let stat = try? String(contentsOfFile: "/proc/thread-self/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        // the fields after the command name, which is in parentheses, start with field 3
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return fields.count > 16 ? Int(fields[16]) : nil
    }

    /// On a new thread: its nice goes up by one, is not taken back down, and the thread that
    /// made it keeps its own (whatever the nice the test runs at).
    @Test func aThreadIsLoweredAloneAndNeverRaisedBack() throws {
        let seen = Mutex<[Int?]>([])
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            let before = SchedulingTests.niceOfThisThread()
            let target = Int32(min(19, (before ?? 0) + 1))
            Scheduling.lowerThisThread(to: target)
            let after = SchedulingTests.niceOfThisThread()
            Scheduling.lowerThisThread(to: target - 1)
            let again = SchedulingTests.niceOfThisThread()
            Scheduling.yieldToSerialWork()
            seen.withLock { $0 = [before, after, again, SchedulingTests.niceOfThisThread()] }
            done.signal()
        }
        thread.start()
        done.wait()
        let values = seen.withLock { $0 }
        try #require(values.count == 4)
        let start = try #require(values[0])
        #expect(values[1] == min(19, start + 1) && values[2] == values[1])
        #expect(values[3] == max(values[1] ?? 0, 4))
        // the thread that made it was left as it was
        #expect(SchedulingTests.niceOfThisThread() == start)
    }
}
