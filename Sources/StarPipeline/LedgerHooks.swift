import Foundation
import StarIngest
import StarModel

/// Last year's stars from a source other than a results file (`run --ledger`): given the
/// rating year, it gives the stars of the year before, or an `Failure` that stops the run.
/// The executable wires the ledger in, so the pipeline does not depend on it.
public protocol PreviousStarsSource: Sendable {
    func previous(forYear year: Int) throws(Failure) -> PreviousResults
}

/// A reports folder `run` wrote, checked against its manifest: what `ledger record` trusts.
public enum ReportsFolder {
    public enum Check: Equatable, Sendable {
        /// Every file listed is there as written; their SHA-256 by name.
        case ok(sha256: [String: String])
        /// No manifest that can be read, or one of a run that did not finish.
        case noManifest
        /// This file is missing or differs from what the run wrote.
        case changed(String)
    }

    /// Checks every file the folder's manifest lists (size and SHA-256).
    public static func verify(_ dir: String) -> Check {
        guard let manifest = Manifest.read(dir + "/" + Manifest.fileName), manifest.complete else {
            return .noManifest
        }
        var out: [String: String] = [:]
        for file in manifest.files {
            guard let d = Manifest.digest(dir + "/" + file.name), d.size == file.size, d.sha256 == file.sha256 else {
                return .changed(file.name)
            }
            out[file.name] = file.sha256
        }
        return .ok(sha256: out)
    }
}
