import Foundation
import StarModel
import StarPlatform
import SystemPackage

#if canImport(Glibc)
    import Glibc
#endif

/// `DIR.sent.jsonl` beside the reports folder: one JSON line per message the server answered
/// for good. A line with status `accepted` is written only after the server's final 250 and is
/// flushed to disk (`fsync`) before the next message goes; `refused` (5xx) and `deferred`
/// (4xx or a dropped connection, after the retries) lines record the failures; `unknown` a
/// connection lost after the whole message went, before the server's final reply (it may have
/// arrived). `accepted` and `unknown` lines make a later send skip a message (`--only` sends it
/// again). The log never holds the password, and is never followed as a symbolic link.
public struct SendLogEntry: Codable, Equatable, Sendable {
    public var status: String
    public var committee: String
    public var file: String
    public var messageID: String
    public var recipient: String
    public var sha256: String
    public var time: String
    public var reply: String
    /// The `Date:` header of the .eml on disk (run's deterministic date) and the one the message
    /// went with (the moment of sending); absent in lines written before the date was set at sending.
    public var emlDate: String?
    public var sentDate: String?

    enum CodingKeys: String, CodingKey {
        case status, committee, file, recipient, sha256, time, reply
        case messageID = "message_id"
        case emlDate = "eml_date"
        case sentDate = "sent_date"
    }

    public static let accepted = "accepted", refused = "refused", deferred = "deferred", unknown = "unknown"
}

public final class SendLog {
    public let path: String
    public private(set) var entries: [SendLogEntry] = []
    /// Lines that could not be read (a line cut short by a crash): ignored, counted.
    public private(set) var unreadableLines = 0
    /// The log opened for appending and locked (`openForAppend`).
    private var fd: FileDescriptor?

    /// The log of reports folder `dir`: `dir`'s real path (links resolved, so a folder reached
    /// through a link has one log), without trailing slashes, plus `.sent.jsonl`.
    public static func path(forReports dir: String) -> String {
        var d = dir
        if let p = realpath(dir, nil) {
            d = String(cString: p)
            free(p)
        }
        while d.count > 1 && d.hasSuffix("/") { d.removeLast() }
        let last = (d as NSString).lastPathComponent
        if last == "." || last == ".." || last == "/" { d = URL(fileURLWithPath: d).standardizedFileURL.path }
        return d + ".sent.jsonl"
    }

    /// Reads the log, if there is one. A log that is a symbolic link is an error: followed, it
    /// could make a send skip messages on another folder's record or write somewhere else.
    public init(path: String) throws(Failure) {
        self.path = path
        let fd: FileDescriptor
        do { fd = try PlatformFile.openForReading(path, followLink: false) } catch {
            if error == .noSuchFileOrDirectory { return }
            throw error == .tooManySymbolicLinkLevels ? linked : unwritable(error.rawValue)
        }
        defer { try? fd.close() }
        try load(fd)
    }

    /// The whole file behind `fd`, which must be a regular file.
    private func read(_ fd: FileDescriptor) throws(Failure) -> [UInt8] {
        do { return try fd.readRegularFile() } catch {
            switch error {
            case .notRegular: throw unwritable(EINVAL)
            case .system(let e): throw unwritable(e.rawValue)
            }
        }
    }

    /// Reads the log's entries; returns its bytes.
    @discardableResult
    private func load(_ fd: FileDescriptor) throws(Failure) -> [UInt8] {
        entries = []
        unreadableLines = 0
        let data = try read(fd)
        let decoder = JSONDecoder()
        for line in data.split(separator: 0x0A) where !line.isEmpty {
            if let e = try? decoder.decode(SendLogEntry.self, from: Data(line)) {
                entries.append(e)
            } else {
                unreadableLines += 1
            }
        }
        return data
    }

    /// A log that is a symbolic link, or cannot be read or locked: 74.
    private var linked: Failure { Failure(.ioError, .sendLogIsLink(path: path)) }
    private func unwritable(_ code: Int32) -> Failure {
        Failure(.ioError, .sendLogUnwritable(path: path, reason: PlatformFile.reason(code)))
    }

    /// Opens the log for appending and takes an exclusive lock on it, so two sends of the same
    /// folder cannot run at once; then reads it again.
    public func openForAppend() throws(Failure) {
        var st = stat()
        let existed = lstat(path, &st) == 0
        let fd: FileDescriptor
        do {
            fd = try FileLock.take(path, options: [.append, .nonBlocking])
        } catch {
            switch error {
            case .busy: throw Failure(.tempFail, Message(.sendAnotherSend))
            case .symbolicLink: throw linked
            case .cannotOpen(let code): throw unwritable(code)
            }
        }
        // what a send that finished meanwhile wrote
        let data: [UInt8]
        do { data = try load(fd) } catch {
            try? fd.close()
            throw error
        }
        self.fd = fd
        if !existed {
            // make the new file's name durable too
            let dir = (path as NSString).deletingLastPathComponent
            try? PlatformFile.syncFolder(dir.isEmpty ? "." : dir)
        }
        // a line cut short by a crash must not glue onto the next one
        if let last = data.last, last != 0x0A {
            let newline: [UInt8] = [0x0A]
            newline.withUnsafeBytes { try? fd.writeAllBytes($0) }
        }
    }

    /// Appends one line and returns only once it is on disk.
    public func append(_ entry: SendLogEntry) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(entry)
        data.append(0x0A)
        guard let fd else { throw CocoaError(.fileWriteUnknown) }
        do {
            try data.withUnsafeBytes { try fd.writeAllBytes($0) }
            try fd.sync()
        } catch {
            throw CocoaError(.fileWriteUnknown)
        }
        entries.append(entry)
    }

    public func close() {
        try? fd?.close()
        fd = nil
    }

    deinit { close() }

    /// The accepted line for exactly these bytes under this Message-ID.
    public func accepted(messageID: String?, sha256: String) -> SendLogEntry? {
        entries.last { $0.status == SendLogEntry.accepted && $0.sha256 == sha256 && $0.messageID == (messageID ?? "") }
    }

    /// An `unknown` line for the same committee or Message-ID, with no `accepted` line after it:
    /// the message may have arrived.
    public func unknown(committee: String, messageID: String?) -> SendLogEntry? {
        let same = { (e: SendLogEntry) in e.committee == committee || (e.messageID == messageID && messageID != nil) }
        guard
            let last = entries.last(where: {
                same($0) && ($0.status == SendLogEntry.unknown || $0.status == SendLogEntry.accepted)
            }),
            last.status == SendLogEntry.unknown
        else { return nil }
        return last
    }

    /// An accepted line for the same committee or Message-ID with other content: the message
    /// changed since it was sent.
    public func acceptedEarlierVersion(committee: String, messageID: String?) -> SendLogEntry? {
        entries.last {
            $0.status == SendLogEntry.accepted
                && ($0.committee == committee || ($0.messageID == messageID && messageID != nil))
        }
    }
}
