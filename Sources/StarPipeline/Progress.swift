import Foundation
import StarIngest
import StarModel
import Synchronization

/// A progress line on stderr for long runs, only when stderr is a terminal (never in pipes, CI
/// or tests): each stage by name from the start; while reading, the percent of the input's bytes,
/// records per second and the time left; while writing, the files written of all.
final class Progress: Sendable {
    enum Stage: Sendable { case none, reading, rating, writing }

    private let enabled: Bool
    private let start = Date()
    private let language: Language
    /// Bytes of the input read so far (set by the folder reader).
    let read = ReadProgress()
    private let state = Mutex(State())

    private struct State {
        var records = 0
        var current = Stage.none
        var paused = false
        var filesWritten = 0
        var filesTotal = 0
        var stageStart = Date()
        /// Redraws the line while enabled (here because a Dispatch timer is not Sendable).
        var timer: (any DispatchSourceTimer)?
    }

    init(language: Language, enabled: Bool = isatty(STDERR_FILENO) != 0) {
        self.enabled = enabled
        self.language = language
        guard enabled else { return }
        state.withLock { s in
            let t = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
            t.schedule(deadline: .now() + .milliseconds(250), repeating: .milliseconds(500))
            t.setEventHandler { [weak self] in self?.draw() }
            t.resume()
            s.timer = t
        }
    }

    /// Counts one record read (cheap; called from the readers' threads).
    func record() {
        guard enabled else { return }
        state.withLock { $0.records += 1 }
    }

    /// Counts one report file written, of `total`.
    func fileWritten() {
        guard enabled else { return }
        state.withLock { $0.filesWritten += 1 }
    }

    func expectFiles(_ total: Int) { state.withLock { $0.filesTotal = total } }

    /// The stage running now (a failure names it).
    var stage: Stage { state.withLock { $0.current } }

    /// `STAR_REPORT_TIMING=1` prints how long each stage took (for profiling; see docs/performance.md).
    private let timing = ProcessInfo.processInfo.environment["STAR_REPORT_TIMING"] == "1"

    func stage(_ stage: Stage) {
        lap()
        state.withLock { $0.stageStart = Date() }
        guard enabled else {
            state.withLock { $0.current = stage }
            return
        }
        state.withLock {
            $0.current = stage
            $0.paused = false
        }
        draw()
    }

    /// With `STAR_REPORT_TIMING=1`, the time since the stage began at which `what` finished
    /// (the reports written on threads of their own beside the others).
    func mark(_ what: String) {
        guard timing else { return }
        let t = state.withLock { $0.stageStart }
        FileHandle.standardError.write(
            Data(String(format: "timing:   %@ done at %.2f s\n", what, Date().timeIntervalSince(t)).utf8))
    }

    static func name(_ stage: Stage) -> String {
        switch stage {
        case .none: ""
        case .reading: "reading and checking the submissions"
        case .rating: "rating"
        case .writing: "writing the reports"
        }
    }

    private func lap() {
        guard timing else { return }
        let (stage, t) = state.withLock { ($0.current, $0.stageStart) }
        if stage != .none {
            FileHandle.standardError.write(
                Data(
                    String(
                        format: "timing: %@ %.2f s, peak memory so far %@, now %@, after malloc_trim %@\n",
                        Progress.name(stage), Date().timeIntervalSince(t), Progress.peakMemory(),
                        Progress.memory("VmRSS:"),
                        Progress.trimmed()
                    ).utf8))
        }
    }

    private func draw() {
        let (n, stage, p, written, total, since) = state.withLock { s in
            (s.records, s.current, s.paused, s.filesWritten, s.filesTotal, s.stageStart)
        }
        guard !p, stage != .none else { return }
        let elapsed = Int(Date().timeIntervalSince(start))
        let inStage = max(0.001, Date().timeIntervalSince(since))
        let message: Message
        switch stage {
        case .reading:
            let done = read.done
            let all = max(1, read.total)
            let percent = min(100, done * 100 / all)
            let left = done > 0 ? Int(inStage * Double(all - done) / Double(done)) : 0
            message = .progressReading(
                percent: percent, records: n, rate: Int(Double(n) / inStage), left: left, elapsed: elapsed)
        case .writing:
            message = .progressWriting(written: written, total: max(total, written), elapsed: elapsed)
        default:
            message = .progressRating(elapsed: elapsed)
        }
        let line = "\r\u{1B}[K[star-report] " + message.text(language)
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// The process's peak resident memory (VmHWM of /proc/self/status, Linux).
    static func peakMemory() -> String { memory("VmHWM:") }

    static func memory(_ key: String) -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key) })
        else { return "unknown" }
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
        state.withLock { $0.paused = true }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    /// Stops for good.
    func finish() {
        lap()
        state.withLock { $0.current = .none }
        guard enabled else { return }
        state.withLock { $0.timer?.cancel() }
        pause()
    }
}
