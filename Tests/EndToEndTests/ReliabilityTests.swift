import Foundation
import TestSupport
import Testing

// The built binary under the conditions of docs/outputs.md "The output folder belongs to star-report
// alone" and "E-mail addresses and names": refused outputs, kills at any moment, signals,
// concurrent runs, a full disk, hostile inputs.

/// Every entry under `dir` (hidden ones too) with its bytes; folders as nil.
func folderSnapshot(_ dir: URL) throws -> [String: Data?] {
    var out: [String: Data?] = [:]
    let fm = FileManager.default
    for name in try fm.contentsOfDirectory(atPath: dir.path) {
        let path = dir.appendingPathComponent(name).path
        var isDir: ObjCBool = false
        _ = fm.fileExists(atPath: path, isDirectory: &isDir)
        out[name] = isDir.boolValue ? nil : fm.contents(atPath: path)
    }
    return out
}

let binaryPath =
    ProcessInfo.processInfo.environment["STAR_REPORT_BIN"]
    ?? repoRoot.appendingPathComponent(".build/debug/star-report").path

/// A started `star-report` whose stderr is collected while it runs.
final class Running: @unchecked Sendable {
    let process = Process()
    private let lock = NSLock()
    private var errBytes = Data()
    private var outBytes = Data()

    init(_ args: [String], env: [String: String] = [:], cwd: URL = repoRoot) throws {
        process.executableURL = URL(fileURLWithPath: binaryPath)
        process.arguments = args
        process.currentDirectoryURL = cwd
        var environment = ProcessInfo.processInfo.environment
        environment["STAR_REPORT_LANG"] = "en"
        for (k, v) in env { environment[k] = v }
        process.environment = environment
        let err = Pipe()
        let out = Pipe()
        process.standardError = err
        process.standardOutput = out
        err.fileHandleForReading.readabilityHandler = { [self] h in
            let d = h.availableData
            lock.withLock { errBytes.append(d) }
        }
        out.fileHandleForReading.readabilityHandler = { [self] h in
            let d = h.availableData
            lock.withLock { outBytes.append(d) }
        }
        try process.run()
    }

    var stderr: String { lock.withLock { String(decoding: errBytes, as: UTF8.self) } }

    /// Waits until stderr contains `text` (or the process ends, or 60 s pass).
    func waitFor(_ text: String) -> Bool {
        for _ in 0..<6000 {
            if stderr.contains(text) { return true }
            if !process.isRunning { return stderr.contains(text) }
            usleep(10_000)
        }
        return false
    }

    func finish() -> Int32 {
        process.waitUntilExit()
        usleep(50_000)  // the last bytes of the pipes
        return process.terminationStatus
    }
}

/// Runs a shell command line (for ulimit), returning status and stderr.
func shell(_ command: String, cwd: URL = repoRoot) throws -> (Int32, String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/sh")
    p.arguments = ["-c", command]
    p.currentDirectoryURL = cwd
    var environment = ProcessInfo.processInfo.environment
    environment["STAR_REPORT_LANG"] = "en"
    p.environment = environment
    let err = Pipe()
    p.standardError = err
    p.standardOutput = FileHandle.nullDevice
    try p.run()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: e, as: UTF8.self))
}

func python(_ script: String, _ args: [String] = []) throws -> (Int32, String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", "-c", script] + args
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: o, as: UTF8.self))
}

func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

@Suite(.serialized) struct OutputOwnershipTests {
    /// Each refused `--output`: exit 64 or 73, one line saying what to pass, nothing touched.
    @Test func refusedOutputsTouchNothing() throws {
        let dir = try temporaryDirectory("refuse")
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("2026")
        try FileManager.default.copyItem(at: repoRoot.appendingPathComponent("SampleData/2026"), to: input)
        try "my notes".write(to: dir.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let work = dir.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try "draft".write(to: work.appendingPathComponent("draft.docx"), atomically: true, encoding: .utf8)
        let cases: [(String, Int32, String)] = [
            ("notes.txt", 73, "is a file, not a folder"),
            (".", 64, "is the current folder"),
            ("", 64, "--output is empty"),
            ("2026", 64, "is the input folder"),
            ("2026/reports", 64, "is inside the input folder"),
            (dir.path, 64, "current folder or holds it"),
            ("work", 73, "holds files star-report did not write (draft.docx)"),
        ]
        let before = try folderSnapshot(dir)
        let inputBefore = try folderSnapshot(input)
        let workBefore = try folderSnapshot(work)
        for (output, status, message) in cases {
            let (s, out, err) = try runBinary(
                ["run", "--lang", "en", "--input", input.path, "--output", output], cwd: dir)
            #expect(s == status, "\(output): \(err)")
            #expect(err.contains(message) && err.contains("pass"), "\(output): \(err)")
            #expect(err.split(separator: "\n").count == 1, "one line for \(output): \(err)")
            #expect(out.isEmpty)
        }
        // the input folder held inside the output
        let (s, _, err) = try runBinary(["run", "--lang", "en", "--input", input.path, "--output", dir.path])
        #expect(s == 64 && err.contains("holds the input folder"), "\(err)")
        #expect(try folderSnapshot(dir) == before)
        #expect(try folderSnapshot(input) == inputBefore)
        #expect(try folderSnapshot(work) == workBefore)
    }

    /// A manifest that is a symbolic link does not make a folder star-report's, even one that
    /// leads to a true manifest of the same files: it is not followed, and the folder is left.
    @Test func aLinkedManifestIsNotFollowed() throws {
        let dir = try temporaryDirectory("linked-manifest")
        defer { try? FileManager.default.removeItem(at: dir) }
        let reports = dir.appendingPathComponent("r")
        #expect(try runBinary(["run", "--input", "SampleData/2026", "--output", reports.path]).0 == 0)
        let copy = dir.appendingPathComponent("copy")
        try FileManager.default.copyItem(at: reports, to: copy)
        let manifest = copy.appendingPathComponent(".star-report-manifest.json")
        try FileManager.default.removeItem(at: manifest)
        try FileManager.default.createSymbolicLink(
            at: manifest, withDestinationURL: reports.appendingPathComponent(".star-report-manifest.json"))
        let before = try folderSnapshot(copy)
        let (s, _, err) = try runBinary(["run", "--lang", "en", "--input", "SampleData/2026", "--output", copy.path])
        #expect(s == 73, "\(err)")
        #expect(try folderSnapshot(copy) == before)
    }

    /// The manifest, whose digests are taken from the bytes as they are written, lists every
    /// report with the size and SHA-256 of the file on disk (checked by python's hashlib).
    @Test func manifestDigestsAreThoseOfTheFilesOnDisk() throws {
        let dir = try temporaryDirectory("digests")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("r")
        #expect(try runBinary(["run", "--input", "SampleData/2026", "--output", out.path]).0 == 0)
        let check = try runProcess(
            "/usr/bin/python3",
            [
                "-c",
                """
                import hashlib, json, os, sys
                d = sys.argv[1]
                m = json.load(open(os.path.join(d, ".star-report-manifest.json")))
                listed = {f["name"]: (f["size"], f["sha256"]) for f in m["files"]}
                on_disk = {}
                for n in os.listdir(d):
                    if n != ".star-report-manifest.json":
                        b = open(os.path.join(d, n), "rb").read()
                        on_disk[n] = (len(b), hashlib.sha256(b).hexdigest())
                print("ok" if listed == on_disk
                      else "differ: %r %r" % (sorted(listed.items()), sorted(on_disk.items())))
                """,
                out.path,
            ])
        #expect(check.outText == "ok\n", "\(check.outText)\(check.errText)")
    }

    /// A folder star-report wrote is replaced; once the user adds or edits a file, it is refused.
    @Test func ownFolderIsReplacedUntilTheUserChangesIt() throws {
        let dir = try temporaryDirectory("own")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("r")
        #expect(try runBinary(["run", "--input", "SampleData/2026", "--output", out.path]).0 == 0)
        let manifest = try String(contentsOf: out.appendingPathComponent(".star-report-manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"name\": \"notice.html\""))
        #expect(
            try runBinary(["run", "--input", "SampleData/2026", "--output", out.path, "--notice-date", "2027-01-04"]).0
                == 0)
        #expect(try String(contentsOf: out.appendingPathComponent("notice.txt"), encoding: .utf8).contains("2027年1月4日"))
        // an empty folder is fine too, and the lock file is gone after each run
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("empty"), withIntermediateDirectories: true)
        #expect(try runBinary(["run", "--input", "SampleData/2026", "--output", dir.path + "/empty"]).0 == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["empty", "r"])

        try "mine".write(to: out.appendingPathComponent("mine.txt"), atomically: true, encoding: .utf8)
        let (s1, _, e1) = try runBinary(["run", "--input", "SampleData/2026", "--output", out.path])
        #expect(s1 == 73 && e1.contains("mine.txt"), "\(e1)")
        #expect(try String(contentsOf: out.appendingPathComponent("mine.txt"), encoding: .utf8) == "mine")
        try FileManager.default.removeItem(at: out.appendingPathComponent("mine.txt"))
        let notice = out.appendingPathComponent("notice.txt")
        try (String(contentsOf: notice, encoding: .utf8) + "我的批注\n").write(
            to: notice, atomically: true, encoding: .utf8)
        let (s2, _, e2) = try runBinary(["run", "--input", "SampleData/2026", "--output", out.path])
        #expect(s2 == 73 && e2.contains("notice.txt was changed"), "\(e2)")
        #expect(try String(contentsOf: notice, encoding: .utf8).hasSuffix("我的批注\n"))
    }

    /// A link to a folder is followed (the link stays); a link to nowhere gets a message.
    @Test func outputThroughASymbolicLink() throws {
        let dir = try temporaryDirectory("link")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("real"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/link", withDestinationPath: "real")
        #expect(try runBinary(["run", "--input", "SampleData/2026", "--output", dir.path + "/link"]).0 == 0)
        #expect(try runBinary(["run", "--input", "SampleData/2026", "--output", dir.path + "/link"]).0 == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir.path + "/link") == "real")
        #expect(FileManager.default.fileExists(atPath: dir.path + "/real/notice.html"))
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/dangling", withDestinationPath: "nowhere")
        let (s, _, e) = try runBinary(["run", "--input", "SampleData/2026", "--output", dir.path + "/dangling"])
        #expect(s == 73 && e.contains("symbolic link"), "\(e)")
    }

    /// Leftovers of an interrupted run (any PID, any name suffix) carry the manifest and are
    /// removed by the next run; a look-alike folder without one is not star-report's and stays.
    @Test func leftoversAreRemovedOnlyWhenTheyAreStarReports() throws {
        let dir = try temporaryDirectory("leftover")
        defer { try? FileManager.default.removeItem(at: dir) }
        let leftover = dir.appendingPathComponent(".r.star-report-tmp-1")
        try FileManager.default.createDirectory(at: leftover, withIntermediateDirectories: true)
        try "{\"star-report-manifest\": 1, \"state\": \"writing\", \"files\": []}".write(
            to: leftover.appendingPathComponent(".star-report-manifest.json"), atomically: true, encoding: .utf8)
        let lookalike = dir.appendingPathComponent(".r.star-report-tmp-2")
        try FileManager.default.createDirectory(at: lookalike, withIntermediateDirectories: true)
        try "user".write(to: lookalike.appendingPathComponent("keep.txt"), atomically: true, encoding: .utf8)
        // a run killed right after creating its folder leaves it empty: star-report's too
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent(".r.star-report-tmp-3"), withIntermediateDirectories: true)
        #expect(try runBinary(["run", "--input", "SampleData/2026", "--output", dir.path + "/r"]).0 == 0)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == [".r.star-report-tmp-2", "r"])
    }

    /// A file the user drops into the output folder while the run writes is never deleted: the
    /// ownership is checked again under the lock just before the swap; the run stops with 73,
    /// naming the file, and the new reports stay in the temporary folder it names.
    @Test func aFileDroppedInDuringTheRunSurvives() throws {
        let dir = try temporaryDirectory("dropped")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("r")
        #expect(
            try runBinary(["run", "--input", "SampleData/2026", "--output", out.path, "--notice-date", "2026-12-20"]).0
                == 0)
        let old = try folderSnapshot(out)
        let run = try Running(
            ["run", "--input", "SampleData/2026", "--output", out.path],
            env: ["STAR_REPORT_TEST_PAUSE": "before-swap:1000"])
        #expect(run.waitFor("test pause at before-swap"))
        try "mine".write(to: out.appendingPathComponent("my-notes.txt"), atomically: false, encoding: .utf8)
        #expect(run.finish() == 73, "\(run.stderr)")
        #expect(
            run.stderr.contains("gained files star-report did not write during the run (my-notes.txt)"), "\(run.stderr)"
        )
        #expect(try String(contentsOf: out.appendingPathComponent("my-notes.txt"), encoding: .utf8) == "mine")
        var expected = old
        expected["my-notes.txt"] = Data("mine".utf8)
        #expect(try folderSnapshot(out) == expected, "the old reports are as they were")
        // the new reports, complete, in the temporary folder the message names
        let temps = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter {
            $0.hasPrefix(".r.star-report-tmp-")
        }
        #expect(temps.count == 1)
        if let temp = temps.first {
            #expect(run.stderr.contains("The new reports are in \(dir.path)/\(temp)"), "\(run.stderr)")
            let notice = try String(contentsOfFile: dir.path + "/" + temp + "/notice.txt", encoding: .utf8)
            #expect(!notice.contains("2026年12月20日") && notice.contains("2026年12月31日"))
            #expect(FileManager.default.fileExists(atPath: dir.path + "/" + temp + "/.star-report-manifest.json"))
        }
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/.r.star-report.lock"))

        // dropped in the last instant, after that check: the swap is undone
        try FileManager.default.removeItem(at: out.appendingPathComponent("my-notes.txt"))
        let late = try Running(
            ["run", "--input", "SampleData/2026", "--output", out.path], env: ["STAR_REPORT_TEST_PAUSE": "checked:1000"]
        )
        #expect(late.waitFor("test pause at checked"))
        try "late".write(to: out.appendingPathComponent("late.txt"), atomically: false, encoding: .utf8)
        #expect(late.finish() == 73, "\(late.stderr)")
        #expect(late.stderr.contains("(late.txt)"), "\(late.stderr)")
        expected = old
        expected["late.txt"] = Data("late".utf8)
        #expect(try folderSnapshot(out) == expected)
    }

    /// A run killed while it removed the old reports leaves a temporary folder without its
    /// manifest: the next run removes it when it holds only files star-report writes, and keeps
    /// it when it holds anything else.
    @Test func leftoversWithoutManifestAreRemovedOnlyWhenTheyHoldReports() throws {
        let dir = try temporaryDirectory("leftover-nomanifest")
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        func folder(_ name: String, _ files: [String]) throws {
            try fm.createDirectory(at: dir.appendingPathComponent(name), withIntermediateDirectories: true)
            for f in files {
                try "x".write(to: dir.appendingPathComponent(name + "/" + f), atomically: false, encoding: .utf8)
            }
        }
        try folder(
            ".r.star-report-tmp-a1",
            ["notice.html", "results.json", "summary-CZJ.eml", "summary-CZJ.txt", "validation.txt"])
        try folder(".r.star-report-tmp-a2", ["notice.html", "budget.xlsx"])
        try folder(".r.star-report-tmp-a3", ["summary-CZJ.eml"])
        try fm.createDirectory(
            at: dir.appendingPathComponent(".r.star-report-tmp-a3/summary-GAJ.txt"), withIntermediateDirectories: true)
        try folder(".r.star-report-tmp-a4", ["results.csv"])
        try fm.createSymbolicLink(
            atPath: dir.path + "/.r.star-report-tmp-a4/notice.txt", withDestinationPath: "/etc/hostname")
        #expect(try runBinary(["run", "--input", "SampleData/2026", "--output", dir.path + "/r"]).0 == 0)
        #expect(
            try fm.contentsOfDirectory(atPath: dir.path).sorted() == [
                ".r.star-report-tmp-a2", ".r.star-report-tmp-a3", ".r.star-report-tmp-a4", "r",
            ])
        #expect(
            try fm.contentsOfDirectory(atPath: dir.path + "/.r.star-report-tmp-a2").sorted() == [
                "budget.xlsx", "notice.html",
            ])
    }

    /// An output name of 230 bytes (255 is the most a name may have): the temporary folder and
    /// the lock get a shortened name, within 255 bytes, and the run works.
    @Test func aLongOutputNameWorks() throws {
        let dir = try temporaryDirectory("longname")
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in [String(repeating: "报", count: 76) + "ab", String(repeating: "n", count: 255)] {
            let out = dir.appendingPathComponent(name)
            let run = try Running(
                ["run", "--input", "SampleData/2026", "--output", out.path],
                env: ["STAR_REPORT_TEST_PAUSE": "before-swap:500"])
            #expect(run.waitFor("test pause at before-swap"))
            let beside = try FileManager.default.contentsOfDirectory(atPath: dir.path)
            #expect(
                beside.contains { $0.contains(".star-report-tmp-") }
                    && beside.contains { $0.hasSuffix(".star-report.lock") }, "\(beside)")
            #expect(beside.allSatisfy { $0.utf8.count <= 255 })
            #expect(run.finish() == 0, "\(run.stderr)")
            #expect(FileManager.default.fileExists(atPath: out.path + "/notice.html"))
            #expect(try runBinary(["run", "--input", "SampleData/2026", "--output", out.path]).0 == 0)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).count == 2)
    }

    /// A path the file system cannot take is refused before any folder is created.
    @Test func aTooLongPathCreatesNoFolder() throws {
        let dir = try temporaryDirectory("longpath")
        defer { try? FileManager.default.removeItem(at: dir) }
        let deep = Array(repeating: String(repeating: "d", count: 200), count: 21).joined(separator: "/")
        let (s, _, e) = try runBinary(["run", "--input", "SampleData/2026", "--output", dir.path + "/" + deep])
        #expect(s == 73, "\(e)")
        #expect(e.contains("too long") && e.contains("no folder was created"), "\(e)")
        let (s2, _, e2) = try runBinary([
            "run", "--input", "SampleData/2026", "--output",
            dir.path + "/a/b/" + String(repeating: "e", count: 256) + "/r",
        ])
        #expect(s2 == 73 && e2.contains("has 256 bytes"), "\(e2)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    /// A file over `ulimit -f` (SIGXFSZ ignored, so write() fails with EFBIG): exit 74 with a
    /// message, no report, nothing left beside the output.
    @Test func aFileSizeLimitIsExit74() throws {
        let dir = try temporaryDirectory("ulimit-f")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("r")
        // SIGXFSZ back to its default first, as in a terminal (an ignored signal is inherited, and
        // a test runner may ignore it)
        let command = "ulimit -f 40; exec \(quote(binaryPath)) run --input SampleData/2026 --output \(quote(out.path))"
        let reset =
            """
            import os, signal, sys; signal.signal(signal.SIGXFSZ, signal.SIG_DFL); os.execv('/bin/sh', ['sh', \
            '-c', sys.argv[1]])
            """
        let (s, e) = try shell("exec python3 -c \(quote(reset)) \(quote(command))")
        #expect(s == 74, "\(e)")
        #expect(e.contains("File too large") && e.contains("ulimit -f"), "\(e)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    /// Out of memory (`ulimit -v`): a limit too small to start is refused before anything is
    /// read; memory running out in the middle of a run is exit 71 with a message, never the
    /// runtime's trap, and the reports already in the output folder are kept as they were.
    @Test(.timeLimit(.minutes(5))) func outOfMemoryIsExit71() throws {
        let dir = try temporaryDirectory("ulimit-v")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("r")
        let (s0, e0) = try shell(
            "ulimit -v 200000; exec \(quote(binaryPath)) run --input SampleData/2026 --output \(quote(out.path))")
        #expect(s0 == 71 && e0.contains("ulimit -v") && e0.contains("at least 256 MiB"), "\(s0): \(e0)")
        #expect(!FileManager.default.fileExists(atPath: out.path))

        #expect(try runBinary(["run", "--input", "SampleData/2026", "--output", out.path]).0 == 0)
        let before = try Data(contentsOf: out.appendingPathComponent("results.json"))
        let (g, ge) = try python(
            "import runpy, sys; sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')",
            [
                repoRoot.appendingPathComponent("Benchmarks/generate.py").path, "--csv-branches", "100000",
                "--xml-files", "0", "--out", dir.path + "/big",
            ])
        #expect(g == 0, "\(ge)")
        let command =
            """
            ulimit -v 300000; exec timeout 240 \(quote(binaryPath)) run --year 2026 --input \
            \(quote(dir.path + "/big/csv")) --output \(quote(out.path))
            """
        let (s, e) = try shell(command)
        #expect(s == 71, "\(s): \(e)")
        #expect(e.contains("out of memory") && e.contains("the output folder is as it was"), "\(e)")
        #expect(try Data(contentsOf: out.appendingPathComponent("results.json")) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["big", "r"])
    }

    /// A mount point can't be swapped: a clear message, exit 73 (only where mounting is allowed).
    @Test func fullSmallFileSystemAndMountPoint() throws {
        let dir = try temporaryDirectory("fullfs")
        defer {
            _ = try? shell("umount \(quote(dir.path + "/small")) 2>/dev/null")
            try? FileManager.default.removeItem(at: dir)
        }
        let small = dir.appendingPathComponent("small")
        try FileManager.default.createDirectory(at: small, withIntermediateDirectories: true)
        let (mounted, why) = try shell("mount -t tmpfs -o size=96k tmpfs \(quote(small.path))")
        guard mounted == 0 else {
            print(
                """
                SKIPPED fullSmallFileSystemAndMountPoint: cannot mount a small tmpfs here \
                (\(why.trimmingCharacters(in: .whitespacesAndNewlines)))
                """
            )
            return
        }
        // the mount point itself
        let (s0, _, e0) = try runBinary(["run", "--input", "SampleData/2026", "--output", small.path])
        #expect(s0 == 73 && e0.contains("mount point"), "\(e0)")
        // a full disk while writing: exit 74, no report, no temporary folder left, old reports intact
        let (s1, _, e1) = try runBinary(["run", "--input", "SampleData/2026", "--output", small.path + "/r"])
        #expect(s1 == 74, "\(e1)")
        #expect(e1.contains("No space left on device"), "\(e1)")
        #expect(e1.contains("star-report: while writing the reports: "), "a failure names its stage: \(e1)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: small.path).isEmpty)
    }
}

@Suite(.serialized) struct KillAndSignalTests {
    /// A medium input: 3,000 branches in one sheet (generated), so a run writes ~150 committees'
    /// files and takes long enough to be killed at many moments.
    static func mediumInput(_ dir: URL) throws -> URL {
        let (status, _) = try python(
            """
            import subprocess, sys
            subprocess.run([sys.executable, sys.argv[1], '--seed', '7', '--csv-branches', '3000', '--xml-files', '0',
                            '--out', sys.argv[2]], check=True)
            """, [repoRoot.appendingPathComponent("Benchmarks/generate.py").path, dir.path + "/data"])
        #expect(status == 0)
        return dir.appendingPathComponent("data/csv")
    }

    /// kill -9 at many moments, and at each step of the swap: the output's name always holds the
    /// complete old or the complete new reports, and the next run cleans up.
    @Test func killNineAnyMomentLeavesOldOrNew() throws {
        let dir = try temporaryDirectory("kill")
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try Self.mediumInput(dir)
        let out = dir.appendingPathComponent("r")
        let oldArgs = [
            "run", "--input", input.path, "--output", out.path, "--year", "2026", "--notice-date", "2026-12-20",
        ]
        let newArgs = ["run", "--input", input.path, "--output", dir.path + "/reference", "--year", "2026"]
        let start = Date()
        let (sNew, _, eNew) = try runBinary(newArgs)
        #expect(sNew == 0, "\(eNew)")
        let duration = Date().timeIntervalSince(start)
        let new = try folderSnapshot(dir.appendingPathComponent("reference"))
        #expect(try runBinary(oldArgs).0 == 0)
        let old = try folderSnapshot(out)
        #expect(old != new)
        var args = newArgs
        args[4] = out.path
        var sawOld = 0
        var sawNew = 0
        let moments: [(String?, Double)] =
            (1...10).map { (nil, duration * Double($0) / 10) }
            + [("writing", 0.3), ("before-swap", 0.3), ("after-swap", 0.3)]
        for (point, delay) in moments {
            let run = try Running(args, env: point.map { ["STAR_REPORT_TEST_PAUSE": "\($0):3000"] } ?? [:])
            if let point {
                #expect(run.waitFor("test pause at \(point)"))
                usleep(UInt32(delay * 1e6))
            } else {
                usleep(UInt32(delay * 1e6))
            }
            kill(run.process.processIdentifier, SIGKILL)
            _ = run.finish()
            let now = try folderSnapshot(out)
            #expect(
                now == old || now == new,
                "after a kill at \(point ?? "\(delay) s") the output is neither the old nor the new reports")
            if now == old { sawOld += 1 } else if now == new { sawNew += 1 }
            if now == new {
                // back to the old reports for the next kill
                #expect(try runBinary(oldArgs).0 == 0)
            }
        }
        #expect(sawOld > 0 && sawNew > 0, "kills landed before and after the swap")
        #expect(try runBinary(args).0 == 0)
        #expect(try folderSnapshot(out) == new)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["data", "r", "reference"])
    }

    /// SIGTERM and SIGINT remove the run's temporary folder and exit 143 / 130.
    @Test(arguments: [(SIGTERM, Int32(143)), (SIGINT, Int32(130))])
    func signalsCleanUp(signal: Int32, status: Int32) throws {
        let dir = try temporaryDirectory("signal")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("r")
        #expect(
            try runBinary(["run", "--input", "SampleData/2026", "--output", out.path, "--notice-date", "2026-12-20"]).0
                == 0)
        let old = try folderSnapshot(out)
        let run = try Running(
            ["run", "--input", "SampleData/2026", "--output", out.path],
            env: ["STAR_REPORT_TEST_PAUSE": "before-swap:5000"])
        #expect(run.waitFor("test pause at before-swap"))
        kill(run.process.processIdentifier, signal)
        #expect(run.finish() == status)
        #expect(run.stderr.contains("interrupted"))
        #expect(try folderSnapshot(out) == old)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["r"])
    }

    /// Two runs on one output: the second exits 75 at once with a message; the first completes.
    @Test func secondRunOnTheSameOutputExits75() throws {
        let dir = try temporaryDirectory("two")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("r")
        let first = try Running(
            ["run", "--input", "SampleData/2026", "--output", out.path], env: ["STAR_REPORT_TEST_PAUSE": "writing:1500"]
        )
        #expect(first.waitFor("test pause at writing"))
        let (s, _, e) = try runBinary(["run", "--input", "SampleData/2026", "--output", out.path])
        #expect(s == 75 && e.contains("another star-report run is writing"), "\(e)")
        #expect(first.finish() == 0, "\(first.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.path + "/notice.html"))
        #expect(try runBinary(["run", "--input", "SampleData/2026", "--output", out.path]).0 == 0)
    }
}

@Suite(.serialized) struct HostileInputTests {
    func sampleCopy(_ dir: URL) throws -> URL {
        let input = dir.appendingPathComponent("2026")
        try FileManager.default.copyItem(at: repoRoot.appendingPathComponent("SampleData/2026"), to: input)
        return input
    }

    /// A FIFO, a folder named like a sheet, a link out of the folder, an ignored file: each a
    /// warning; none read (the FIFO would hang, /etc/passwd would be hashed and quoted).
    @Test func onlyRegularFilesInsideTheFolderAreRead() throws {
        let dir = try temporaryDirectory("hygiene")
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try sampleCopy(dir)
        #expect(mkfifo(input.path + "/pipe.xml", 0o644) == 0)
        try FileManager.default.createDirectory(atPath: input.path + "/folder.csv", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: input.path + "/passwd.csv", withDestinationPath: "/etc/passwd")
        try FileManager.default.createSymbolicLink(atPath: input.path + "/alias.xml", withDestinationPath: "CZJ-01.xml")
        #expect(FileManager.default.createFile(atPath: input.path + "/video.mp4", contents: Data(count: 1 << 20)))
        chmod(input.path + "/video.mp4", 0)  // not even readable: it must not be opened
        let (s, err) = try shell(
            """
            timeout 60 \(quote(binaryPath)) run --lang en --input \(quote(input.path)) --output \
            \(quote(dir.path + "/r"))
            """
        )
        #expect(s == 65, "\(err)")  // alias.xml is CZJ-01 a second time
        #expect(err.contains("pipe.xml:1: warning[W-FILE-SKIPPED]: not a regular file"))
        #expect(err.contains("folder.csv:1: warning[W-FILE-SKIPPED]: a folder, not a file"))
        #expect(err.contains("passwd.csv:1: warning[W-FILE-LINK]"))
        #expect(err.contains("video.mp4:1: warning[W-FILE-IGNORED]"))
        #expect(err.contains("alias.xml:2: error[E-DUPLICATE]"))
        #expect(!err.contains("root:"))
        try FileManager.default.removeItem(atPath: input.path + "/alias.xml")
        let (s2, _, e2) = try runBinary(["run", "--input", input.path, "--output", dir.path + "/r"])
        #expect(s2 == 0, "\(e2)")
        let json = try String(contentsOfFile: dir.path + "/r/results.json", encoding: .utf8)
        #expect(!json.contains("passwd") && !json.contains("video.mp4"))
    }

    /// A GBK file name from a Windows zip is read like any other and shown escaped; ESC in a name
    /// is shown escaped, never sent to the terminal.
    @Test func oddFileNamesAreReadAndShownEscaped() throws {
        let dir = try temporaryDirectory("names")
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try sampleCopy(dir)
        let gbk: [UInt8] = Array(input.path.utf8) + [UInt8(ascii: "/"), 0xB9, 0xAB, 0xB0, 0xB2] + Array(".csv".utf8)
        let sheet = try Data(contentsOf: input.appendingPathComponent("gaj-zjj-2026.csv"))
        try FileManager.default.removeItem(at: input.appendingPathComponent("gaj-zjj-2026.csv"))
        let fd = open(gbk.map { CChar(bitPattern: $0) } + [0], O_WRONLY | O_CREAT, 0o644)
        #expect(fd >= 0)
        _ = sheet.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        try FileManager.default.moveItem(atPath: input.path + "/CZJ-02.xml", toPath: input.path + "/\u{1B}[31mred.xml")
        let (s, _, err) = try runBinary(["run", "--input", input.path, "--output", dir.path + "/r"])
        #expect(s == 0, "\(err)")
        #expect(err.contains("/\\xB9\\xAB\\xB0\\xB2.csv:16:38: warning[W-PARTICIPATION]"), "\(err)")
        #expect(!err.contains("\u{1B}"))
        let json = try String(contentsOfFile: dir.path + "/r/results.json", encoding: .utf8)
        #expect(json.contains("\\\\xB9\\\\xAB\\\\xB0\\\\xB2.csv"))
        #expect(json.contains("\\\\x1B[31mred.xml"))
    }

    /// A name that is only no-break spaces, or holds ESC or a direction override, is an error.
    @Test func blankAndControlNamesAreErrors() throws {
        let dir = try temporaryDirectory("blank")
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try sampleCopy(dir)
        let xml = input.appendingPathComponent("CZJ-03.xml")
        let text = try String(contentsOf: xml, encoding: .utf8)
        let name = try #require(text.range(of: "<name>[^<]*</name>", options: .regularExpression))
        try text.replacingCharacters(in: name, with: "<name>\u{A0}\u{A0}</name>").write(
            to: xml, atomically: true, encoding: .utf8)
        let xml2 = input.appendingPathComponent("CZJ-04.xml")
        let text2 = try String(contentsOf: xml2, encoding: .utf8)
        let name2 = try #require(text2.range(of: "<name>[^<]*</name>", options: .regularExpression))
        try text2.replacingCharacters(in: name2, with: "<name>支部\u{202E}甲</name>").write(
            to: xml2, atomically: true, encoding: .utf8)
        let (s, _, err) = try runBinary(["validate", "--input", input.path])
        #expect(s == 65)
        #expect(err.contains("CZJ-03.xml") && err.contains("the name is blank"), "\(err)")
        #expect(err.contains("CZJ-04.xml") && err.contains("\\u{202E}"), "\(err)")
        #expect(!err.contains("\u{202E}"))
    }

    /// A header and one 40 MiB line of commas: one error at line and column, memory a small
    /// multiple of the input (maximum resident size measured by the parent).
    @Test func fortyMebibyteRowIsOneErrorInBoundedMemory() throws {
        let dir = try temporaryDirectory("bigrow")
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try sampleCopy(dir)
        let sheet = try Data(contentsOf: input.appendingPathComponent("gaj-zjj-2026.csv"))
        var bytes = sheet.prefix(through: try #require(sheet.firstIndex(of: UInt8(ascii: "\n"))))
        bytes.append(Data(repeating: UInt8(ascii: ","), count: 40 << 20))
        try bytes.write(to: input.appendingPathComponent("commas.csv"))
        let (status, out) = try python(
            """
            import resource, subprocess, sys
            p = subprocess.run([sys.argv[1], 'validate', '--input', sys.argv[2]], capture_output=True, text=True)
            print(p.returncode)
            print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)
            print(p.stderr)
            """, [binaryPath, input.path])
        #expect(status == 0)
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "65")
        let peakMiB = Int(lines[1]) ?? .max
        #expect(peakMiB < 400, "peak \(peakMiB) MiB for a 40 MiB file")
        let limitErrors = lines.filter { $0.contains("commas.csv:2:1001: error[E-CSV-LIMIT]") }
        #expect(limitErrors.count == 1, "\(out.prefix(2000))")
    }

    /// Too few file descriptors: a message and exit 74, never a crash or a partial report.
    @Test func tooFewFileDescriptorsFailCleanly() throws {
        let dir = try temporaryDirectory("fds")
        defer { try? FileManager.default.removeItem(at: dir) }
        for n in [4, 8, 16, 31, 32, 64] {
            let out = dir.path + "/r\(n)"
            let (s, err) = try shell(
                "ulimit -n \(n); exec \(quote(binaryPath)) run --input SampleData/2026 --output \(quote(out))")
            if n < 32 {
                #expect(s == 71 && err.contains("star-report needs at least 32"), "\(err)")
            } else {
                #expect(s == 0, "\(err)")
            }
            #expect([0, 71, 74].contains(s), "ulimit -n \(n): status \(s): \(err)")
            if s != 0 {
                #expect(err.contains("star-report: "), "\(err)")
                #expect(!FileManager.default.fileExists(atPath: out))
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).allSatisfy { !$0.hasPrefix(".") })
    }
}

@Suite struct HeaderInjectionTests {
    /// An address with CR/LF in config.toml is an error naming the key and its line.
    @Test func badAddressInConfigIsAnError() throws {
        let dir = try temporaryDirectory("addr")
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("2026")
        try FileManager.default.copyItem(at: repoRoot.appendingPathComponent("SampleData/2026"), to: input)
        let config = input.appendingPathComponent("config.toml")
        let text = try String(contentsOf: config, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.hasPrefix("email") }) + 1
        for bad in [
            "czj@example.gov.cn\\r\\nBcc: spy@evil.cn", "czj-jgdw at example", "Boss <boss@example.cn>",
            "a@b.cn, spy@evil.cn",
        ] {
            var edited = lines
            edited[line - 1] = "email = \"\(bad)\""
            try edited.joined(separator: "\n").write(to: config, atomically: true, encoding: .utf8)
            let (s, _, err) = try runBinary(["run", "--lang", "en", "--input", input.path, "--output", dir.path + "/r"])
            #expect(s == 65, "\(bad): \(err)")
            #expect(
                err.contains("config.toml:\(line): error[E-CONFIG]") && err.contains(".email: not an e-mail address"),
                "\(bad): \(err)")
            #expect(!FileManager.default.fileExists(atPath: dir.path + "/r"))
        }
    }

    /// Committee names built to add a recipient or a header stay one quoted or encoded display
    /// name: python3's strict e-mail parser finds exactly one recipient, the configured one.
    @Test func committeeNamesNeverAddARecipient() throws {
        let dir = try temporaryDirectory("inject")
        defer { try? FileManager.default.removeItem(at: dir) }
        let payloads = [
            "attacker@evil.cn, Boss", "\"Boss\" <boss@evil.cn>, x", "x\\\"; Bcc: spy@evil.cn",
            "=?UTF-8?B?YQ==?= <a@evil.cn>",
        ]
        for payload in payloads {
            let input = dir.appendingPathComponent("2026")
            try? FileManager.default.removeItem(at: input)
            try FileManager.default.copyItem(at: repoRoot.appendingPathComponent("SampleData/2026"), to: input)
            for file in try FileManager.default.contentsOfDirectory(atPath: input.path)
            where file.hasPrefix("CZJ-") || file == "branches.csv" {
                let url = input.appendingPathComponent(file)
                let text = try String(contentsOf: url, encoding: .utf8)
                let replaced =
                    file.hasSuffix(".xml")
                    ? text.replacingOccurrences(
                        of: "市财政局机关党委",
                        with: payload.replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(
                            of: "<", with: "&lt;"))
                    : text.replacingOccurrences(
                        of: "市财政局机关党委", with: "\"" + payload.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
                try replaced.write(to: url, atomically: true, encoding: .utf8)
            }
            let out = dir.appendingPathComponent("r")
            let (s, _, err) = try runBinary(["run", "--input", input.path, "--output", out.path])
            #expect(s == 0, "\(payload): \(err)")
            let (ps, parsed) = try python(
                """
                import sys, email, email.policy
                m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=email.policy.strict)
                to = m['To']
                print(len(to.addresses), to.addresses[0].addr_spec, repr(to.addresses[0].display_name),
                      len(m.get_all('To')), m.get_all('Bcc'))
                """, [out.path + "/summary-CZJ.eml"])
            #expect(ps == 0)
            #expect(parsed.hasPrefix("1 czj-jgdw@example.gov.cn "), "\(payload): \(parsed)")
            #expect(parsed.hasSuffix(" 1 None\n"), "\(payload): \(parsed)")
        }
    }
}
