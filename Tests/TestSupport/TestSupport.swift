import Foundation

// What the test targets share: the repository's place, new folders, and running a program
// (the built binary, or python3 as an oracle) with both of its outputs read.

/// The repository root, found from this file's path.
public let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The built `star-report`: `STAR_REPORT_BIN`, else the debug build.
public var starReportBinary: String {
    ProcessInfo.processInfo.environment["STAR_REPORT_BIN"]
        ?? repoRoot.appendingPathComponent(".build/debug/star-report").path
}

/// A new empty folder in the temporary directory, its name starting with `prefix`.
public func temporaryFolder(_ prefix: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// What a finished program printed, and how it ended.
public struct ProcessOutput: Sendable {
    public var status: Int32
    public var out: Data
    public var err: Data
    public var outText: String { String(decoding: out, as: UTF8.self) }
    public var errText: String { String(decoding: err, as: UTF8.self) }
}

/// Runs `executable` with standard input from /dev/null, reading its two outputs at once (read
/// one after the other, a child that fills the second pipe would block forever).
/// - Parameter environment: changes to this process's environment; an empty value removes the name.
public func runProcess(
    _ executable: String, _ arguments: [String], cwd: URL = repoRoot, environment: [String: String] = [:]
) throws
    -> ProcessOutput
{
    let p = Process()
    p.executableURL = URL(fileURLWithPath: executable)
    p.arguments = arguments
    p.currentDirectoryURL = cwd
    var env = ProcessInfo.processInfo.environment
    for (k, v) in environment { env[k] = v.isEmpty ? nil : v }
    p.environment = env
    let out = Pipe()
    let err = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = FileHandle.nullDevice
    try p.run()
    nonisolated(unsafe) var e = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
        e = err.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let o = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    p.waitUntilExit()
    return ProcessOutput(status: p.terminationStatus, out: o, err: e)
}

/// `python3 ARGS` (the tests' oracles: csv, unicodedata, email, hashlib, openpyxl).
public func runPython(_ arguments: [String], cwd: URL = repoRoot) throws -> ProcessOutput {
    try runProcess("/usr/bin/env", ["python3"] + arguments, cwd: cwd)
}

/// SplitMix64: a small seeded generator, so that a test's random data is the same on every run.
public struct SplitMix: RandomNumberGenerator {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// How each part of a zip archive (an .xlsx) is stored, one line per part: its name, its method
/// (8: deflated) and the deflate option its header records (bits 1–2 of the general flags:
/// 0 normal, 1 maximum, 2 fast, 3 super fast), read with python's zipfile, which also checks
/// every part's CRC.
public func zipPartsAndDeflateOptions(_ path: String) throws -> [String] {
    let r = try runPython([
        "-c",
        """
        import sys, zipfile
        z = zipfile.ZipFile(sys.argv[1])
        assert z.testzip() is None
        for i in z.infolist():
            print(i.filename, i.compress_type, (i.flag_bits >> 1) & 3)
        """,
        path,
    ])
    guard r.status == 0 else { throw ZipReadError(text: r.errText) }
    return r.outText.split(separator: "\n").map(String.init)
}

public struct ZipReadError: Error { public var text: String }
