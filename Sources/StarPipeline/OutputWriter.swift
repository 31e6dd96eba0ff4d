import CStarSys
import Foundation
import StarModel
import StarPlatform
import StarRender
import Synchronization
import SystemPackage

/// The reports' temporary folder beside the output folder: files are written there as they are
/// rendered, flushed to disk, and the folder is swapped with the old one in one step at the end
/// (`renameat2(RENAME_EXCHANGE)`), so the output's name holds the complete old or the complete
/// new reports at every instant, even under `kill -9`.
///
/// Its life: `OutputTarget.check` (before any work) → `init` takes the lock beside the folder,
/// removes leftovers of interrupted runs, creates the temporary folder with a "writing" manifest
/// → the renderer writes → `commit` writes the manifest, syncs, swaps, removes the old reports.
// @unchecked Sendable: the hashes of files written by parallel renderers are under a Mutex; `kept`
// and `onFile` are set by the run's own thread before or after the parallel writing.
final class OutputFolder: ReportOutput, @unchecked Sendable {
    let target: OutputTarget
    let temp: String
    /// Called after each report file is written (the progress line).
    var onFile: (@Sendable () -> Void)?
    private var fm: FileManager { FileManager.default }
    /// Size and SHA-256 of each file `stream` wrote, hashed from the bytes as they went out, for
    /// the manifest (no file is read back to hash it).
    private let written = Mutex<[String: Manifest.File]>([:])

    /// The new reports, kept in `temp` after a run that found a user's file in the output just
    /// before the swap: `discard` leaves them for the user.
    private(set) var kept = false

    /// Names of the temporary folders: `.NAME.star-report-tmp-RANDOM`. Random, not the PID: a PID
    /// is reused, in a container every run has the same one.
    static func tempPrefix(_ name: String) -> String { ".\(shortName(name)).star-report-tmp-" }

    /// The output's name as it appears in the temporary folders' and the lock's names: the name
    /// itself up to 200 bytes; a longer one (a file name may have 255) is cut to its first 180
    /// bytes on a character boundary plus `~` and 12 hex digits of its SHA-256, so that
    /// `.NAME.star-report-tmp-RANDOM-old` stays within 255 bytes and two long names that share
    /// their start still get different temporary names.
    static func shortName(_ name: String) -> String {
        guard name.utf8.count > 200 else { return name }
        var prefix = ""
        var bytes = 0
        for u in name.unicodeScalars {
            bytes += UTF8.width(u)
            if bytes > 180 { break }
            prefix.unicodeScalars.append(u)
        }
        return prefix + "~" + SHA256.hex(Array(name.utf8)).prefix(12)
    }

    /// The files star-report writes into a report folder (ReportRenderer, ExcelOutput and the
    /// manifest): `summary-ID.txt` and `summary-ID.eml` per committee, and these.
    static let reportNames: Set<String> = [
        Manifest.fileName, "notice.html", NoticePDF.name, "notice.txt", "results.csv", "results.json",
        ExcelOutput.resultsName, "validation.txt",
    ]

    static func isReportName(_ name: String) -> Bool {
        if reportNames.contains(name) { return true }
        guard name.hasPrefix("summary-"), name.hasSuffix(".txt") || name.hasSuffix(".eml") else { return false }
        return name.utf8.count > "summary-.txt".utf8.count && !name.contains("/")
    }

    /// Call with the target's `OutputLock` held.
    init(_ target: OutputTarget) throws {
        self.target = target
        // Under the lock: nobody else is writing this output now, so what is left of earlier
        // runs is leftovers, and the folder is re-checked (it may have changed since the check).
        OutputFolder.removeLeftovers(of: target)
        if target.state != .absent { _ = try OutputTarget.ownership(of: target.path, shown: Escaped.text(target.path)) }
        var random = SystemRandomNumberGenerator()
        let suffix = String(random.next() as UInt64, radix: 16)
        temp = target.parent + "/" + OutputFolder.tempPrefix(target.name) + suffix
        guard mkdir(temp, 0o755) == 0 else {
            throw Failure.system(errno, .cannotCreate, .outCannotCreateBeside(target: Escaped.text(target.path)))
        }
        Interruption.shared.writing(temp)
        try write(Manifest.fileName, Manifest.writing)
        TestPause.at("writing")
    }

    /// Removes `.NAME.star-report-tmp-*` folders beside the target that carry star-report's
    /// manifest (a run killed before its swap, or the old reports of one killed after it), or
    /// that hold nothing but regular files with the names star-report writes (a run killed
    /// while it removed the old reports, the manifest already gone). A folder holding anything
    /// else is not star-report's and stays.
    static func removeLeftovers(of target: OutputTarget) {
        let prefix = tempPrefix(target.name)
        guard let entries = try? PlatformFile.names(in: target.parent) else { return }
        for entry in entries where entry.hasPrefix(prefix) {
            let path = target.parent + "/" + entry
            var st = stat()
            guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else { continue }
            // star-report's own: a manifest, or (a run killed between creating the folder and
            // finishing its first file, the manifest) nothing but the start of one
            let inside = (try? PlatformFile.names(in: path)) ?? ["?"]
            let onlyReports = inside.allSatisfy { name in
                var f = stat()
                return isReportName(name) && lstat(path + "/" + name, &f) == 0 && (f.st_mode & S_IFMT) == S_IFREG
            }
            guard Manifest.read(path + "/" + Manifest.fileName) != nil || onlyReports else { continue }
            removeReports(path)
        }
    }

    /// Removes a folder of reports, its manifest last: a run killed halfway leaves a folder that
    /// still says it is star-report's.
    static func removeReports(_ path: String) {
        let fm = FileManager.default
        for name in (try? PlatformFile.names(in: path)) ?? [] where name != Manifest.fileName {
            try? fm.removeItem(atPath: path + "/" + name)
        }
        try? fm.removeItem(atPath: path)
    }

    func write(_ name: String, _ content: String) throws {
        try stream(name) { $0(content) }
    }

    /// Writes through a plain file descriptor: the folder itself is what is moved into place, so
    /// a file needs no atomic write of its own (FileManager.createFile writes a temporary file and
    /// renames it, which tripled the cost of 40,000 small summaries).
    func stream(_ name: String, _ body: ((String) -> Void) -> Void) throws {
        let fd: FileDescriptor
        do {
            fd = try PlatformFile.create(temp + "/" + name)
        } catch {
            throw Failure.system(
                error.rawValue, .ioError, .outCannotWrite(name: name, target: Escaped.text(target.path)))
        }
        var buffer: [UInt8] = []
        var failed: Int32 = 0
        var hasher = SHA256.Hasher()
        var size = 0
        func send(_ raw: UnsafeRawBufferPointer) {
            guard failed == 0, raw.count > 0 else { return }
            hasher.update(raw)
            size += raw.count
            do { try fd.writeAllBytes(raw) } catch { failed = error.rawValue }
        }
        func flush() {
            buffer.withUnsafeBytes(send)
            buffer.removeAll(keepingCapacity: true)
        }
        body { piece in
            if piece.utf8.count >= 1 << 16 {
                // A large piece (a whole notice) goes out from its own storage: copying it into
                // the buffer would hold the text twice.
                flush()
                var text = piece
                text.withUTF8 { send(UnsafeRawBufferPointer($0)) }
            } else {
                buffer.append(contentsOf: piece.utf8)
                if buffer.count >= 1 << 20 { flush() }
            }
        }
        flush()
        do { try fd.closeChecked() } catch { if failed == 0 { failed = error.rawValue } }
        onFile?()
        if failed != 0 {
            written.withLock { _ = $0.removeValue(forKey: name) }
            throw Failure.system(failed, .ioError, .outCannotWrite(name: name, target: Escaped.text(target.path)))
        }
        let file = Manifest.File(name: name, size: size, sha256: hasher.finalizeHex())
        written.withLock { $0[name] = file }
    }

    /// Writes the manifest, flushes everything to disk, and swaps the new reports into place.
    func commit() throws {
        let names = ((try? PlatformFile.names(in: temp)) ?? []).filter { $0 != Manifest.fileName }.sorted()
        let hashed = written.withLock { $0 }
        // Every file `stream` wrote was hashed as it was written. The workbooks libxlsxwriter
        // writes itself to a path (results.xlsx) are the only files read back to hash: their
        // bytes never pass through star-report, and the library's `output_buffer` (a workbook
        // in memory instead) needs libxlsxwriter 1.1.5, newer than Debian 12's 1.1.4 — and
        // would hold the whole workbook in memory.
        let readBack = names.filter { hashed[$0] == nil }
        let digests = Slots<Manifest.File>(count: readBack.count)
        DispatchQueue.concurrentPerform(iterations: readBack.count) { i in
            if let d = Manifest.digest(temp + "/" + readBack[i]) {
                digests.set(i, Manifest.File(name: readBack[i], size: d.size, sha256: d.sha256))
            }
        }
        var byName = hashed
        for f in digests.values.compactMap({ $0 }) { byName[f.name] = f }
        let files = names.compactMap { byName[$0] }
        guard files.count == names.count else { throw Failure(.ioError, .outCannotReadBack(temp: Escaped.text(temp))) }
        try write(Manifest.fileName, Manifest(complete: true, files: files).text)
        // One syncfs for the folder's file system rather than an fsync per file: 40,000
        // summaries would cost as many journal commits.
        try sync(temp, whole: true)
        TestPause.at("before-swap")
        // Under the lock, right before the swap: the folder may have gained a user's file (or a
        // report been edited) since the run began. The entries seen here are compared again
        // with the old folder once it is swapped out, which closes the last instant between.
        var seen: Set<String> = []
        if target.state != .absent && OutputTarget.isDirectory(target.path) {
            switch OutputTarget.ownershipProblem(of: target.path) {
            case .success: seen = Set((try? PlatformFile.names(in: target.path)) ?? [])
            case .failure(let problem): throw keep(problem)
            }
        }
        TestPause.at("checked")
        // a new name is renamed into place; an existing folder is exchanged with the new one
        let swap: () throws -> Void = { [self] in
            if target.state == .absent || !OutputTarget.isDirectory(target.path) {
                if star_rename_noreplace(temp, target.path) != 0 {
                    let e = errno
                    if e == EEXIST || e == ENOTEMPTY {
                        throw Failure(.cannotCreate, .outAppeared(target: Escaped.text(target.path)))
                    }
                    // file systems without renameat2's flags
                    guard e == EINVAL || e == ENOSYS, rename(temp, target.path) == 0 else { throw swapError(e) }
                }
                return
            }
            if star_exchange(temp, target.path) != 0 {
                let e = errno
                guard e == EINVAL || e == ENOSYS else { throw swapError(e) }
                // A file system that cannot exchange (some network and overlay file systems):
                // the old folder steps aside first, so there is a moment with neither.
                let aside = temp + "-old"
                guard rename(target.path, aside) == 0 else { throw swapError(errno) }
                guard rename(temp, target.path) == 0 else {
                    let e2 = errno
                    _ = rename(aside, target.path)
                    throw swapError(e2)
                }
                _ = rename(aside, temp)
            }
        }
        try swap()
        if OutputTarget.isDirectory(temp) {
            // `temp` now holds the old reports: exactly what was checked, or a file dropped in
            // at the last instant, which puts the old folder back (the user's file is never
            // removed).
            let now = Set((try? PlatformFile.names(in: temp)) ?? ["?"])
            if now != seen {
                let added = now.subtracting(seen)
                if star_exchange(temp, target.path) != 0 {
                    // no exchange on this file system: the same three renames as the swap
                    let aside = temp + "-new"
                    if rename(target.path, aside) == 0 && rename(temp, target.path) == 0 { _ = rename(aside, temp) }
                }
                throw keep(
                    added.isEmpty
                        ? .changed(OutputTarget.sample(seen.subtracting(now))) : .foreign(OutputTarget.sample(added)))
            }
        }
        try? sync(target.parent, whole: false)
        TestPause.at("after-swap")
        if OutputTarget.isDirectory(temp) { OutputFolder.removeReports(temp) }
        Interruption.shared.done()
    }

    /// The stop for a folder found not star-report's just before the swap: nothing replaced,
    /// nothing removed, and the new reports stay in the temporary folder, named.
    private func keep(_ problem: OutputTarget.Problem) -> Failure {
        kept = true
        Interruption.shared.done()
        let shown = Escaped.text(target.path)
        let kept = Escaped.text(temp)
        switch problem {
        case .foreign(let what):
            return Failure(.cannotCreate, .outForeignDuringRun(shown: shown, what: what, temp: kept))
        case .changed(let file):
            return Failure(.cannotCreate, .outChangedDuringRun(shown: shown, file: file, temp: kept))
        case .unreadable(let reason):
            return Failure(.cannotCreate, .outUnreadableDuringRun(shown: shown, reason: reason, temp: kept))
        case .open(let file, let app, let lock):
            return Failure(
                .cannotCreate, .outOpenInOfficeDuringRun(file: file, app: app, lock: lock, shown: shown, temp: kept))
        }
    }

    private func swapError(_ e: Int32) -> Failure {
        Failure(.ioError, .outCannotMove(target: Escaped.text(target.path), reason: PlatformFile.reason(e)))
    }

    /// fsync of a folder, after syncfs of its whole file system when `whole`.
    private func sync(_ path: String, whole: Bool) throws {
        guard let fd = try? PlatformFile.openFolder(path) else {
            throw Failure(.ioError, .outCannotFlushOpen(path: Escaped.text(path)))
        }
        defer { try? fd.close() }
        if whole && star_syncfs(fd.rawValue) != 0 {
            throw Failure(.ioError, .outCannotFlush(reason: PlatformFile.reason(Errno(rawValue: errno))))
        }
        do { try fd.sync() } catch { throw Failure(.ioError, .outCannotFlush(reason: PlatformFile.reason(error))) }
    }

    /// Removes the temporary folder (a run that stops before the swap).
    func discard() {
        if !kept { try? fm.removeItem(atPath: temp) }
        Interruption.shared.done()
    }
}

/// The lock beside the output folder (`.NAME.star-report.lock`, flock), taken before any work:
/// a second run on the same output exits 75 at once instead of failing halfway. The kernel drops
/// it when the process ends, however it ends. The file is removed when the run ends; a run that
/// took the lock checks that its file is still the one at the path (else it lost a race with
/// that removal and tries again).
// @unchecked Sendable: the descriptor is set in `init` and released once, by the run's own thread.
final class OutputLock: @unchecked Sendable {
    private var fd: FileDescriptor?
    let path: String

    init(_ target: OutputTarget) throws {
        do {
            try FileManager.default.createDirectory(atPath: target.parent, withIntermediateDirectories: true)
        } catch {
            throw Failure(.cannotCreate, .outCannotCreateParent(parent: Escaped.text(target.parent)))
        }
        path = target.parent + "/." + OutputFolder.shortName(target.name) + ".star-report.lock"
        for _ in 0..<100 {
            let fd: FileDescriptor
            do {
                fd = try FileLock.take(path)
            } catch {
                switch error {
                case .busy: throw Failure(.tempFail, .outLocked(target: Escaped.text(target.path)))
                case .symbolicLink: throw Failure.system(ELOOP, .cannotCreate, .outCannotLock(path: Escaped.text(path)))
                case .cannotOpen(let code):
                    throw Failure.system(code, .cannotCreate, .outCannotLock(path: Escaped.text(path)))
                }
            }
            var mine = stat()
            var there = stat()
            if fstat(fd.rawValue, &mine) == 0 && lstat(path, &there) == 0 && mine.st_ino == there.st_ino
                && mine.st_dev == there.st_dev
            {
                self.fd = fd
                Interruption.shared.locked(path)
                return
            }
            try? fd.close()
        }
        throw Failure(.tempFail, .outLockRace(path: Escaped.text(path)))
    }

    /// Removes the lock file, then lets the lock go.
    func release() {
        guard let fd else { return }
        Interruption.shared.unlocked()
        unlink(path)
        try? fd.close()
        self.fd = nil
    }

    deinit { release() }
}

/// SIGINT and SIGTERM during a run: the temporary folder and the lock file are removed, then the
/// process exits 130 or 143 (and SIGXFSZ is ignored, so a file over `ulimit -f` is a write error,
/// exit 74) (the handler is in CStarSys: it must work with no descriptor to
/// spare). Before the swap the temporary folder holds the partial new reports, after it the old
/// ones: either way the output's name keeps complete reports.
final class Interruption: Sendable {
    static let shared = Interruption()
    private struct State {
        var installed = false
        var temp: String?
        var lockFile: String?
        /// Hands the paths to the C handler (with the signals held off there).
        func publish() { star_cleanup_set(temp ?? "", lockFile ?? "") }
    }
    private let state = Mutex(State())

    func install() {
        state.withLock { s in
            guard !s.installed else { return }
            s.installed = true
            star_ignore_file_size_signal()
            star_cleanup_install("\n" + Message(.interrupted).text(Language.process) + "\n")
        }
    }

    func writing(_ folder: String) { update { $0.temp = folder } }
    func locked(_ path: String) { update { $0.lockFile = path } }
    func done() { update { $0.temp = nil } }
    func unlocked() { update { $0.lockFile = nil } }

    private func update(_ change: (inout State) -> Void) {
        state.withLock { s in
            change(&s)
            s.publish()
        }
    }
}

/// A test-only switch: `STAR_REPORT_TEST_PAUSE=before-swap:300` sleeps 300 ms at that point of the
/// write (points: writing, before-swap, checked, after-swap), so a test can kill the run there.
enum TestPause {
    static let points: [String: Int] = {
        guard let spec = ProcessInfo.processInfo.environment["STAR_REPORT_TEST_PAUSE"] else { return [:] }
        var out: [String: Int] = [:]
        for item in spec.split(separator: ",") {
            let parts = item.split(separator: ":")
            if parts.count == 2, let ms = Int(parts[1]) { out[String(parts[0])] = ms }
        }
        return out
    }()

    static func at(_ point: String) {
        guard let ms = points[point] else { return }
        FileHandle.standardError.write(Data("star-report: test pause at \(point)\n".utf8))
        usleep(UInt32(ms) * 1000)
    }
}
