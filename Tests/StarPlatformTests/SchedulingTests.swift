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

    @Test func aThreadThatYieldsRunsAtNiceFourAndTheOthersDoNot() throws {
        let seen = Mutex<[Int?]>([])
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            let before = SchedulingTests.niceOfThisThread()
            Scheduling.yieldToSerialWork()
            let after = SchedulingTests.niceOfThisThread()
            Scheduling.yieldToSerialWork()
            let again = SchedulingTests.niceOfThisThread()
            seen.withLock { $0 = [before, after, again] }
            done.signal()
        }
        thread.start()
        done.wait()
        let values = seen.withLock { $0 }
        try #require(values.count == 3)
        let (before, after, again) = (values[0], values[1], values[2])
        let start = try #require(before)
        #expect(after == max(start, 4) && again == after)
        // this thread was left as it was
        #expect(SchedulingTests.niceOfThisThread() == start)
    }
}
