import Foundation
import StarRender

/// The reports' temporary folder beside the output folder: files are written there as they are
/// rendered, and the folder is moved into place only at the end, so a crash or a full disk never
/// leaves half a report where the old one was.
final class OutputFolder: ReportOutput, @unchecked Sendable {
    let target: URL
    let temp: URL
    let old: URL
    private var fm: FileManager { FileManager.default }

    init(_ output: String) throws {
        target = URL(fileURLWithPath: output).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let pid = ProcessInfo.processInfo.processIdentifier
        temp = parent.appendingPathComponent(".\(target.lastPathComponent).tmp-\(pid)")
        old = parent.appendingPathComponent(".\(target.lastPathComponent).old-\(pid)")
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            try? fm.removeItem(at: temp)
            try fm.createDirectory(at: temp, withIntermediateDirectories: false)
        } catch {
            throw Stop(status: .cannotCreate, message: "cannot create a folder beside \(output) for the reports")
        }
    }

    func write(_ name: String, _ content: String) throws {
        try stream(name) { $0(content) }
    }

    /// Writes through a plain file descriptor: the folder itself is what is moved into place, so
    /// a file needs no atomic write of its own (FileManager.createFile writes a temporary file and
    /// renames it, which tripled the cost of 40,000 small summaries).
    func stream(_ name: String, _ body: ((String) -> Void) -> Void) throws {
        let path = temp.appendingPathComponent(name).path
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw Stop(status: .cannotCreate, message: "cannot write \(name) beside \(target.path) (\(String(cString: strerror(errno))))")
        }
        var buffer: [UInt8] = []
        var failed: Int32 = 0
        func send(_ raw: UnsafeRawBufferPointer) {
            guard failed == 0, raw.count > 0 else { return }
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failed = errno
                    return
                }
                offset += n
            }
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
        if close(fd) != 0 && failed == 0 { failed = errno }
        if failed != 0 {
            throw Stop(status: .ioError, message: "cannot write \(name) beside \(target.path) (\(String(cString: strerror(failed))))")
        }
    }

    /// Moves the finished reports into place, replacing the old folder.
    func commit() throws {
        do {
            var hadOld = false
            if fm.fileExists(atPath: target.path) {
                try fm.moveItem(at: target, to: old)
                hadOld = true
            }
            do {
                try fm.moveItem(at: temp, to: target)
            } catch {
                if hadOld { try? fm.moveItem(at: old, to: target) }
                throw error
            }
            if hadOld { try? fm.removeItem(at: old) }
        } catch {
            discard()
            throw Stop(status: .ioError, message: "cannot move the reports into \(target.path) (\(error.localizedDescription))")
        }
    }

    func discard() { try? fm.removeItem(at: temp) }
}
