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

    func stream(_ name: String, _ body: ((String) -> Void) -> Void) throws {
        let url = temp.appendingPathComponent(name)
        guard fm.createFile(atPath: url.path, contents: nil), let handle = try? FileHandle(forWritingTo: url) else {
            throw Stop(status: .cannotCreate, message: "cannot write \(name) beside \(target.path)")
        }
        defer { try? handle.close() }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        var failed: Error?
        body { piece in
            buffer.append(contentsOf: piece.utf8)
            if buffer.count >= 1 << 20, failed == nil {
                do { try handle.write(contentsOf: buffer) } catch { failed = error }
                buffer.removeAll(keepingCapacity: true)
            }
        }
        do {
            if let failed { throw failed }
            try handle.write(contentsOf: buffer)
        } catch {
            throw Stop(status: .ioError, message: "cannot write \(name) beside \(target.path) (\(error.localizedDescription))")
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
