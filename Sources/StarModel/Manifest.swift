import Foundation
import StarPlatform

/// The manifest star-report writes into each report folder: a marker, and each file's name,
/// size and SHA-256. A folder whose manifest lists exactly its files, unchanged, is star-report's
/// to replace; a temporary folder carries a manifest from its creation, so the leftovers of an
/// interrupted run are recognised as star-report's own. `run` writes it (StarPipeline); `run`,
/// `send` and `ledger record` read it here.
public struct Manifest: Sendable, Equatable {
    public struct File: Sendable, Equatable {
        public var name: String
        public var size: Int
        public var sha256: String
        public init(name: String, size: Int, sha256: String) {
            self.name = name
            self.size = size
            self.sha256 = sha256
        }
    }

    public var complete: Bool
    public var files: [File]

    public init(complete: Bool, files: [File]) {
        self.complete = complete
        self.files = files
    }

    /// The file that marks a folder as star-report's: every file it wrote, with size and SHA-256.
    public static let fileName = ".star-report-manifest.json"
    /// What the manifest's first line says.
    static let marker = "\"star-report-manifest\": 1"

    /// The manifest at `path`, or nil when there is none that reads as one. A link is not
    /// followed, and anything but a regular file (a FIFO that would block) is not read.
    public static func read(_ path: String) -> Manifest? {
        guard let bytes = try? PlatformFile.contents(of: path, followLink: false), bytes.count < 64 << 20,
            String(decoding: bytes.prefix(64), as: UTF8.self).contains(marker),
            let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
            let files = object["files"] as? [[String: Any]]
        else { return nil }
        var out = Manifest(complete: object["state"] as? String == "complete", files: [])
        for f in files {
            guard let name = f["name"] as? String, let size = f["size"] as? Int, let sha = f["sha256"] as? String,
                !name.contains("/"), name != "..", name != "."
            else { return nil }
            out.files.append(File(name: name, size: size, sha256: sha))
        }
        return out
    }

    /// Size and SHA-256 of a regular file (not followed through a link), read in 1 MiB pieces.
    public static func digest(_ path: String) -> (size: Int, sha256: String)? {
        guard let fd = try? PlatformFile.openForReading(path, followLink: false) else { return nil }
        defer { try? fd.close() }
        var hasher = SHA256.Hasher()
        guard let size = try? fd.readRegularFile(inPiecesOf: 1 << 20, { hasher.update($0) }) else { return nil }
        return (size, hasher.finalizeHex())
    }
}
