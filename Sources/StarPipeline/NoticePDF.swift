import Foundation
import StarModel

/// `run --pdf`: notice.html printed to notice.pdf by headless Chromium, inside the run's
/// temporary folder before it is swapped into place, so the PDF is in the manifest like every
/// other report. Chromium is started directly (no shell) with fixed arguments: the two paths are
/// the temporary folder's (the output's name and star-report's own suffix), never text from the
/// data, and its profile is a new temporary folder of its own, removed afterwards.
enum NoticePDF {
    static let name = "notice.pdf"
    static let source = "notice.html"
    /// Chromium's names on the PATH, in the order tried (Debian: chromium; Ubuntu: chromium-browser).
    static let programs = ["chromium", "chromium-browser", "google-chrome"]
    /// A province's notice prints in well under a minute; a Chromium that hangs is stopped.
    static let timeoutSeconds = 300

    /// Prints `folder/notice.html` to `folder/notice.pdf`: nil when printed, else why not.
    static func print(in folder: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> Message?
    {
        guard let program = find(environment["PATH"] ?? "/usr/bin:/bin") else { return Message(.pdfNoChromium) }
        let shown = URL(fileURLWithPath: program).lastPathComponent
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "star-report-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let pdf = folder + "/" + name
        let p = Process()
        p.executableURL = URL(fileURLWithPath: program)
        p.arguments =
            [
                "--headless", "--disable-gpu", "--no-pdf-header-footer", "--no-first-run", "--disable-extensions",
                "--disable-background-networking", "--user-data-dir=" + profile.path, "--print-to-pdf=" + pdf,
            ]
            // Chromium refuses to start as root with its sandbox on
            + (geteuid() == 0 ? ["--no-sandbox"] : [])
            + [URL(fileURLWithPath: folder + "/" + source).absoluteString]
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch {
            return .pdfCannotStart(program: shown, reason: "\(error.localizedDescription)")
        }
        let deadline = Date().addingTimeInterval(TimeInterval(timeoutSeconds))
        while p.isRunning && Date() < deadline { usleep(50_000) }
        if p.isRunning {
            p.terminate()
            usleep(500_000)
            if p.isRunning { kill(p.processIdentifier, SIGKILL) }
            p.waitUntilExit()
            try? FileManager.default.removeItem(atPath: pdf)
            return .pdfTimedOut(program: shown, seconds: "\(timeoutSeconds)")
        }
        p.waitUntilExit()
        let head = FileHandle(forReadingAtPath: pdf).flatMap { file in
            defer { try? file.close() }
            return try? file.read(upToCount: 5)
        }
        let printed = head == Data("%PDF-".utf8)
        guard p.terminationStatus == 0, printed else {
            try? FileManager.default.removeItem(atPath: pdf)
            return .pdfFailed(program: shown, status: "\(p.terminationStatus)")
        }
        return nil
    }

    /// The first of `programs` that is an executable file in a folder of PATH.
    static func find(_ path: String) -> String? {
        for program in programs {
            for dir in path.split(separator: ":") where !dir.isEmpty {
                let candidate = "\(dir)/\(program)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }
}
