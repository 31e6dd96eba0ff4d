import Foundation

/// A progress line on stderr for long runs, only when stderr is a terminal (never in pipes, CI
/// or tests): records read so far and the rate, then each stage as it starts.
final class Progress: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var records = 0
    private let start = Date()
    private var timer: DispatchSourceTimer?
    private var stage = ""
    private var paused = false
    /// The stage whose rate is shown.
    let readingStage = "reading and checking the submissions"

    init(enabled: Bool = isatty(STDERR_FILENO) != 0) {
        self.enabled = enabled
        guard enabled else { return }
        let t = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
        t.schedule(deadline: .now() + .milliseconds(500), repeating: .milliseconds(500))
        t.setEventHandler { [weak self] in self?.draw() }
        t.resume()
        timer = t
    }

    /// Counts one record read (cheap; called from the readers' threads).
    func record() {
        guard enabled else { return }
        lock.withLock { records += 1 }
    }

    /// `STAR_REPORT_TIMING=1` prints how long each stage took (for profiling; see the README).
    private let timing = ProcessInfo.processInfo.environment["STAR_REPORT_TIMING"] == "1"
    private var stageStart = Date()

    func stage(_ name: String) {
        lap()
        lock.withLock { stageStart = Date() }
        guard enabled else { lock.withLock { stage = name }; return }
        lock.withLock { stage = name; paused = false }
        draw()
    }

    private func lap() {
        guard timing else { return }
        let (s, t) = lock.withLock { (stage, stageStart) }
        if !s.isEmpty {
            FileHandle.standardError.write(Data(String(format: "timing: %@ %.2f s, peak memory so far %@, now %@, after malloc_trim %@\n",
                                                       s, Date().timeIntervalSince(t), Progress.peakMemory(), Progress.memory("VmRSS:"),
                                                       Progress.trimmed()).utf8))
        }
    }

    private func draw() {
        let (n, s, p) = lock.withLock { (records, stage, paused) }
        guard !p else { return }
        let seconds = max(0.001, Date().timeIntervalSince(start))
        let rate = readingStage == s ? ", \(Int(Double(n) / seconds)) records/s" : ""
        let line = "\r\u{1B}[K[star-report] \(s) — \(n) records read\(rate), \(Int(seconds)) s"
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// The process's peak resident memory (VmHWM of /proc/self/status, Linux).
    static func peakMemory() -> String { memory("VmHWM:") }

    static func memory(_ key: String) -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key) }) else { return "unknown" }
        return line.dropFirst(key.count).trimmingCharacters(in: .whitespaces)
    }

    /// Resident memory after glibc hands its free pages back (what the program really holds).
    static func trimmed() -> String {
        Memory.giveBack()
        return memory("VmRSS:")
    }

    /// Clears the line so that diagnostics print cleanly; the next stage shows it again.
    func pause() {
        guard enabled else { return }
        lock.withLock { paused = true }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    /// Stops for good.
    func finish() {
        lap()
        lock.withLock { stage = "" }
        guard enabled else { return }
        timer?.cancel()
        pause()
    }
}
