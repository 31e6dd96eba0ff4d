import CStarSys

/// Hints to the system's scheduler.
public enum Scheduling {
    /// Lowers the calling thread's priority a little (nice 4), for a thread made to work on every
    /// core beside a job that cannot be split: the reports rendered in parallel beside
    /// results.xlsx (libxlsxwriter and zlib, one thread). At equal priority the three threads
    /// shared two cores alike and the workbook ended seconds after everything else, on one core;
    /// now it takes most of a core while the others share the rest, and the reports still get
    /// every core once it is done. A thread's nice can be raised without privilege but not
    /// lowered back, so only threads that end with their work call this.
    public static func yieldToSerialWork() { lowerThisThread(to: 4) }

    /// Raises the calling thread's nice to `nice` if it is lower (Linux: the thread alone).
    public static func lowerThisThread(to nice: Int32) {
        _ = star_lower_thread_priority(nice)
    }
}
