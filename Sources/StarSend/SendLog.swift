import Foundation
import StarModel
#if canImport(Glibc)
    import Glibc
#endif

/// `DIR.sent.jsonl` beside the reports folder: one JSON line per message the server answered
/// for good. A line with status `accepted` is written only after the server's final 250 and is
/// flushed to disk (`fsync`) before the next message goes; `refused` (5xx) and `deferred`
/// (4xx or a dropped connection, after the retries) lines record the failures. Only `accepted`
/// lines make a later send skip a message. The log never holds the password.
public struct SendLogEntry: Codable, Equatable, Sendable {
    public var status: String
    public var committee: String
    public var file: String
    public var messageID: String
    public var recipient: String
    public var sha256: String
    public var time: String
    public var reply: String

    enum CodingKeys: String, CodingKey {
        case status, committee, file, recipient, sha256, time, reply
        case messageID = "message_id"
    }

    public static let accepted = "accepted", refused = "refused", deferred = "deferred"
}

public final class SendLog {
    public let path: String
    public private(set) var entries: [SendLogEntry] = []
    /// Lines that could not be read (a line cut short by a crash): ignored, counted.
    public private(set) var unreadableLines = 0
    private var fd: Int32 = -1

    /// The log of reports folder `dir`: `dir` without trailing slashes, plus `.sent.jsonl`.
    public static func path(forReports dir: String) -> String {
        var d = dir
        while d.count > 1 && d.hasSuffix("/") { d.removeLast() }
        let last = (d as NSString).lastPathComponent
        if last == "." || last == ".." || last == "/" { d = URL(fileURLWithPath: d).standardizedFileURL.path }
        return d + ".sent.jsonl"
    }

    public init(path: String) throws {
        self.path = path
        load()
    }

    private func load() {
        entries = []
        unreadableLines = 0
        guard let data = FileManager.default.contents(atPath: path) else { return }
        let decoder = JSONDecoder()
        for line in data.split(separator: 0x0A) where !line.isEmpty {
            if let e = try? decoder.decode(SendLogEntry.self, from: Data(line)) { entries.append(e) } else { unreadableLines += 1 }
        }
    }

    public enum LockError: Error { case busy, cannotOpen(String) }

    /// Opens the log for appending and takes an exclusive lock on it, so two sends of the same
    /// folder cannot run at once; then reads it again.
    public func openForAppend() throws(LockError) {
        let existed = FileManager.default.fileExists(atPath: path)
        fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .cannotOpen(String(cString: strerror(errno))) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 { Glibc.close(fd); fd = -1; throw .busy }
        load()  // what a send that finished meanwhile wrote
        if !existed {
            // make the new file's name durable too
            let dir = (path as NSString).deletingLastPathComponent
            let dfd = open(dir.isEmpty ? "." : dir, O_RDONLY | O_DIRECTORY)
            if dfd >= 0 { fsync(dfd); Glibc.close(dfd) }
        }
        // a line cut short by a crash must not glue onto the next one
        if let data = FileManager.default.contents(atPath: path), let last = data.last, last != 0x0A {
            _ = "\n".withCString { write(fd, $0, 1) }
        }
    }

    /// Appends one line and returns only once it is on disk.
    public func append(_ entry: SendLogEntry) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(entry)
        data.append(0x0A)
        try data.withUnsafeBytes { (buf: UnsafeRawBufferPointer) in
            var off = 0
            while off < buf.count {
                let n = write(fd, buf.baseAddress! + off, buf.count - off)
                if n < 0 { if errno == EINTR { continue }; throw CocoaError(.fileWriteUnknown) }
                off += n
            }
        }
        guard fsync(fd) == 0 else { throw CocoaError(.fileWriteUnknown) }
        entries.append(entry)
    }

    public func close() {
        if fd >= 0 { Glibc.close(fd); fd = -1 }
    }

    deinit { close() }

    /// The accepted line for exactly these bytes under this Message-ID.
    public func accepted(messageID: String?, sha256: String) -> SendLogEntry? {
        entries.last { $0.status == SendLogEntry.accepted && $0.sha256 == sha256 && $0.messageID == (messageID ?? "") }
    }

    /// An accepted line for the same committee or Message-ID with other content: the message
    /// changed since it was sent.
    public func acceptedEarlierVersion(committee: String, messageID: String?) -> SendLogEntry? {
        entries.last { $0.status == SendLogEntry.accepted && ($0.committee == committee || ($0.messageID == messageID && messageID != nil)) }
    }
}
