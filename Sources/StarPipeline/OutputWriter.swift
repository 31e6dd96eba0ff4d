import Foundation

/// Writes the reports into a temporary folder beside the output folder, then moves it into
/// place, so a crash or a full disk never leaves half a report where the old one was.
enum OutputWriter {
    static func write(_ files: [(name: String, content: String)], to output: String) throws {
        let fm = FileManager.default
        let target = URL(fileURLWithPath: output).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let pid = ProcessInfo.processInfo.processIdentifier
        let temp = parent.appendingPathComponent(".\(target.lastPathComponent).tmp-\(pid)")
        let old = parent.appendingPathComponent(".\(target.lastPathComponent).old-\(pid)")
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw Stop(status: .cannotCreate, message: "cannot create the output folder's parent \(parent.path)")
        }
        try? fm.removeItem(at: temp)
        do {
            try fm.createDirectory(at: temp, withIntermediateDirectories: false)
            for f in files {
                try Data(f.content.utf8).write(to: temp.appendingPathComponent(f.name), options: .atomic)
            }
        } catch {
            try? fm.removeItem(at: temp)
            throw Stop(status: .cannotCreate, message: "cannot write the reports beside \(output) (\(error.localizedDescription))")
        }
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
            try? fm.removeItem(at: temp)
            throw Stop(status: .ioError, message: "cannot move the reports into \(output) (\(error.localizedDescription))")
        }
    }
}
