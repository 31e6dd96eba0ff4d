import Foundation
import StarModel
import StarPlatform
import StarRender

/// Where `--output` points, checked before any work (docs/outputs.md, "The output folder"; it belongs to
/// star-report alone): star-report writes only to a new folder, an empty one, or one it marked
/// with its manifest, and never to a place that holds the user's own files.
struct OutputTarget: Sendable {
    /// The folder's real path (symbolic links resolved), where the reports go.
    let path: String
    /// Its real parent folder: the temporary folder and the lock live there.
    let parent: String
    let name: String
    /// What is there now.
    let state: State

    enum State: Sendable, Equatable { case absent, empty, ours }

    /// Checks `output` against the input folder and the current folder; touches nothing.
    static func check(_ output: String, input: String) throws(Failure) -> OutputTarget {
        let given = output
        guard !given.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw Failure(.usage, Message(.outEmpty))
        }
        let fm = FileManager.default
        let cwd = realPath(fm.currentDirectoryPath) ?? fm.currentDirectoryPath
        let absolute = URL(fileURLWithPath: given, relativeTo: URL(fileURLWithPath: cwd, isDirectory: true))
            .standardizedFileURL.path
        let name = URL(fileURLWithPath: absolute).lastPathComponent
        let shown = Escaped.text(given)
        var st = stat()
        let exists = lstat(absolute, &st) == 0
        var real: String
        var state = State.absent
        if exists && (st.st_mode & S_IFMT) == S_IFLNK {
            // A link to a folder is followed: the reports go where it points, and the link stays.
            guard let target = realPath(absolute), isDirectory(target) else {
                throw Failure(.cannotCreate, .outLinkNowhere(shown: shown))
            }
            real = target
            state = .empty
        } else if exists {
            guard (st.st_mode & S_IFMT) == S_IFDIR else {
                throw Failure(.cannotCreate, .outIsFile(shown: shown))
            }
            real = realPath(absolute) ?? absolute
            state = .empty
        } else {
            // The nearest existing ancestor's real path plus the missing part.
            var existing = URL(fileURLWithPath: absolute).deletingLastPathComponent()
            var missing = [name]
            while realPath(existing.path) == nil && existing.path != "/" {
                missing.insert(existing.lastPathComponent, at: 0)
                existing.deleteLastPathComponent()
            }
            let base = realPath(existing.path) ?? existing.path
            real = missing.reduce(base) { $0 == "/" ? "/" + $1 : $0 + "/" + $1 }
        }
        let realName = URL(fileURLWithPath: real).lastPathComponent
        let parent = URL(fileURLWithPath: real).deletingLastPathComponent().path
        guard real != "/" else {
            throw Failure(.usage, .outRoot(shown: shown))
        }
        try checkLength(real, parent: parent, name: realName, shown: shown)
        if real == cwd || contains(real, cwd) {
            throw Failure(.usage, .outCurrent(shown: shown))
        }
        if let input = realPath(input) {
            if real == input {
                throw Failure(.usage, .outIsInput(shown: shown))
            }
            if contains(input, real) {
                throw Failure(.usage, .outInsideInput(shown: shown, input: Escaped.text(input)))
            }
            if contains(real, input) {
                throw Failure(.usage, .outHoldsInput(shown: shown, input: Escaped.text(input)))
            }
        }
        if state != .absent {
            var mine = stat()
            var up = stat()
            if stat(real, &mine) == 0 && stat(parent, &up) == 0
                && (mine.st_dev != up.st_dev || mine.st_ino == up.st_ino)
            {
                throw Failure(.cannotCreate, .outMountPoint(shown: shown))
            }
            state = try ownership(of: real, shown: shown)
        }
        return OutputTarget(path: real, parent: parent, name: realName, state: state)
    }

    /// The longest path a run makes from the output's: `.NAME.star-report-tmp-RANDOM-old` beside
    /// it (its name shortened, see `OutputFolder.shortName`), with room for a file name of 255
    /// bytes inside. Checked before any folder is created, so a refused path leaves nothing.
    static func checkLength(_ real: String, parent: String, name: String, shown: String) throws(Failure) {
        if let long = real.split(separator: "/").first(where: { $0.utf8.count > Int(NAME_MAX) }) {
            throw Failure(
                .cannotCreate, .outNameTooLong(shown: shown, name: Escaped.text(String(long)), bytes: long.utf8.count))
        }
        let temp = parent + "/" + OutputFolder.tempPrefix(name) + String(repeating: "f", count: 16) + "-old"
        let longest = max(real.utf8.count, temp.utf8.count) + 1 + Int(NAME_MAX)
        if longest >= Int(PATH_MAX) {
            throw Failure(
                .cannotCreate,
                .outPathTooLong(
                    shown: shown, bytes: real.utf8.count, max: Int(PATH_MAX) - 1 - (longest - real.utf8.count)))
        }
    }

    /// Why a folder is not star-report's to replace.
    enum Problem: Error, Equatable {
        case unreadable(reason: String)
        /// Entries star-report did not write (up to three names, escaped).
        case foreign(String)
        /// A file of the manifest changed or removed.
        case changed(String)
        /// An office program's lock file: the workbook it names is open (escaped names).
        case open(file: String, app: String, lock: String)
    }

    /// The workbook an office lock file stands for, and the program: Excel's `~$NAME`
    /// (which drops the name's first two characters when it is long, so a name in the folder
    /// that ends with the rest is taken), LibreOffice's `.~lock.NAME#`.
    static func officeLock(_ entry: String, in entries: [String]) -> (file: String, app: String)? {
        if entry.hasPrefix("~$") && entry.count > 2 {
            let rest = String(entry.dropFirst(2))
            if entries.contains(rest) { return (rest, "Excel") }
            let file = entries.sorted().first {
                $0 != entry && !$0.hasPrefix("~$") && $0.count == rest.count + 2 && $0.hasSuffix(rest)
            }
            return (file ?? rest, "Excel")
        }
        if entry.hasPrefix(".~lock.") && entry.hasSuffix("#") && entry.count > 8 {
            return (String(entry.dropFirst(7).dropLast()), "LibreOffice")
        }
        return nil
    }

    /// `.empty`, `.ours` (a manifest that lists exactly the files there, unchanged), or a refusal.
    static func ownership(of folder: String, shown: String) throws(Failure) -> State {
        switch ownershipProblem(of: folder) {
        case .success(let state): return state
        case .failure(.unreadable(let reason)):
            throw Failure(.cannotCreate, .outUnreadable(shown: shown, reason: reason))
        case .failure(.foreign(let what)):
            throw Failure(.cannotCreate, .outForeign(shown: shown, what: what))
        case .failure(.changed(let file)):
            throw Failure(.cannotCreate, .outChanged(shown: shown, file: file))
        case .failure(.open(let file, let app, let lock)):
            throw Failure(.cannotCreate, .outOpenInOffice(file: file, app: app, shown: shown, lock: lock))
        }
    }

    static func ownershipProblem(of folder: String) -> Result<State, Problem> {
        let entries: [String]
        do { entries = try PlatformFile.names(in: folder) } catch {
            return .failure(.unreadable(reason: PlatformFile.reason(error)))
        }
        if entries.isEmpty { return .success(.empty) }
        // a workbook open in Excel or LibreOffice: the user closes it, then runs again
        for entry in entries.sorted() {
            if let (file, app) = officeLock(entry, in: entries) {
                return .failure(.open(file: Escaped.text(file), app: app, lock: Escaped.text(entry)))
            }
        }
        guard entries.contains(Manifest.fileName), let manifest = Manifest.read(folder + "/" + Manifest.fileName) else {
            return .failure(.foreign(sample(entries)))
        }
        let listed = Set(manifest.files.map(\.name))
        if let extra = entries.sorted().first(where: { $0 != Manifest.fileName && !listed.contains($0) }) {
            return .failure(.foreign(Escaped.text(extra)))
        }
        for file in manifest.files {
            guard let digest = Manifest.digest(folder + "/" + file.name), digest.size == file.size,
                digest.sha256 == file.sha256
            else {
                return .failure(.changed(Escaped.text(file.name)))
            }
        }
        return .success(.ours)
    }

    /// Up to three names, escaped, for a message.
    static func sample(_ names: some Collection<String>) -> String {
        let shown = names.sorted().prefix(3).map { Escaped.text($0) }.joined(separator: ", ")
        return shown + (names.count > 3 ? ", …" : "")
    }

    /// Whether `outer` is a proper ancestor folder of `inner` (both real paths).
    static func contains(_ outer: String, _ inner: String) -> Bool {
        let prefix = outer.hasSuffix("/") ? outer : outer + "/"
        return inner.hasPrefix(prefix)
    }

    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }
}

/// What `run` writes as a report folder's manifest (Manifest, in StarModel, reads it).
extension Manifest {
    /// The text written when a temporary folder is created, before any report.
    static let writing = Manifest(complete: false, files: []).text

    var text: String {
        let list = files.map { f in
            JSON.object([("name", .string(f.name)), ("size", .int(f.size)), ("sha256", .string(f.sha256))])
        }
        return JSON.object([
            ("star-report-manifest", .int(1)), ("state", .string(complete ? "complete" : "writing")),
            ("files", .array(list)),
        ]).rendered() + "\n"
    }
}
