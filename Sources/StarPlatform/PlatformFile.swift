import SystemPackage

#if canImport(Glibc)
    import Glibc
#endif

/// The file and folder calls the commands share, on swift-system's descriptors (which retry a
/// call interrupted by a signal, EINTR): open for reading without blocking and, where asked,
/// without following a link; read a whole regular file; write all bytes; flush a file or a
/// folder to disk; list a folder. Errors are the errno (`Errno`): each caller maps it to its own
/// catalogue message, and `reason(_:)` gives the system's text for one.
public enum PlatformFile {
    /// Why a file was not read.
    public enum ReadFailure: Error, Equatable {
        /// Not a regular file: a folder, a device, or a FIFO, which would block the run.
        case notRegular
        case system(Errno)
    }

    /// Opens a file read-only, close-on-exec and without blocking (a FIFO put in a file's place
    /// cannot hang the run). Without `followLink`, a final symbolic link is refused (ELOOP).
    public static func openForReading(_ path: UnsafePointer<CChar>, followLink: Bool) throws(Errno) -> FileDescriptor {
        var options: FileDescriptor.OpenOptions = [.closeOnExec, .nonBlocking]
        if !followLink { options.insert(.noFollow) }
        return try systemCall { try FileDescriptor.open(path, .readOnly, options: options) }
    }

    public static func openForReading(_ path: String, followLink: Bool) throws(Errno) -> FileDescriptor {
        try withCString(path) { (p) throws(Errno) in try openForReading(p, followLink: followLink) }
    }

    /// The bytes of a regular file (see `FileDescriptor.readRegularFile`).
    public static func contents(of path: UnsafePointer<CChar>, followLink: Bool) throws(ReadFailure) -> [UInt8] {
        let fd: FileDescriptor
        do { fd = try openForReading(path, followLink: followLink) } catch { throw .system(error) }
        defer { try? fd.close() }
        return try fd.readRegularFile()
    }

    public static func contents(of path: String, followLink: Bool) throws(ReadFailure) -> [UInt8] {
        try withCString(path) { (p) throws(ReadFailure) in try contents(of: p, followLink: followLink) }
    }

    /// Creates a file, or empties the one there, for writing: close-on-exec, mode 0644 (less the
    /// umask).
    public static func create(_ path: String) throws(Errno) -> FileDescriptor {
        try withCString(path) { (p) throws(Errno) in
            try systemCall {
                try FileDescriptor.open(
                    p, .writeOnly, options: [.create, .truncate, .closeOnExec],
                    permissions: [.ownerReadWrite, .groupRead, .otherRead])
            }
        }
    }

    /// Opens a folder (`O_DIRECTORY`) read-only, close-on-exec: for `fsync` and `syncfs`.
    public static func openFolder(_ path: String) throws(Errno) -> FileDescriptor {
        try withCString(path) { (p) throws(Errno) in
            try systemCall { try FileDescriptor.open(p, .readOnly, options: [.directory, .closeOnExec]) }
        }
    }

    /// `fsync` of a folder: the names created or removed in it are on disk.
    public static func syncFolder(_ path: String) throws(Errno) {
        let fd = try openFolder(path)
        defer { try? fd.close() }
        try fd.sync()
    }

    /// The names in a folder, in the order the file system gives them, without `.` and `..`.
    /// A name that is not UTF-8 comes with U+FFFD in place of its bad bytes, as FileManager
    /// gives it: it matches no name star-report writes, and a path made from it opens nothing.
    public static func names(in folder: String) throws(Errno) -> [String] {
        try nameBytes(in: folder).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The names in a folder as the file system holds them, bytes that need not be UTF-8 (the
    /// input folder opens and shows a file by its own bytes), without `.` and `..`.
    public static func nameBytes(in folder: String) throws(Errno) -> [[UInt8]] {
        guard let dir = opendir(folder) else { throw Errno(rawValue: Glibc.errno) }
        defer { closedir(dir) }
        var names: [[UInt8]] = []
        while true {
            Glibc.errno = 0
            guard let entry = readdir(dir) else {
                if Glibc.errno != 0 { throw Errno(rawValue: Glibc.errno) }
                return names
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if name != [0x2E] && name != [0x2E, 0x2E] { names.append(name) }
        }
    }

    /// The system's text for an errno (`strerror`), as the messages quote it.
    public static func reason(_ error: Errno) -> String { reason(error.rawValue) }

    /// The same for an errno number (a C call's `errno`).
    public static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// `String.withCString` with the body's own error type.
    static func withCString<R, E: Error>(_ path: String, _ body: (UnsafePointer<CChar>) throws(E) -> R) throws(E) -> R {
        let result: Result<R, E> = path.withCString { p in Result { () throws(E) in try body(p) } }
        return try result.get()
    }

    /// swift-system's calls throw `Errno` without saying so in their type.
    static func systemCall<R>(_ body: () throws -> R) throws(Errno) -> R {
        do { return try body() } catch let error as Errno { throw error } catch { throw Errno.ioError }
    }
}

extension FileDescriptor {
    /// A regular file from its start to the size `fstat` gives, read straight into one array of
    /// that size (no second copy of a large sheet). What another process appends meanwhile is not
    /// read, so a file that keeps growing cannot keep the run reading; one that shrank gives what
    /// is left. Anything but a regular file is refused before any read.
    public func readRegularFile() throws(PlatformFile.ReadFailure) -> [UInt8] {
        let size = try regularFileSize()
        var failure: Errno?
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let rest = UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[count...]))
                switch read(at: count, into: rest) {
                case .success(0): return
                case .success(let n): count += n
                case .failure(let error):
                    failure = error
                    return
                }
            }
        }
        if let failure { throw .system(failure) }
        return bytes
    }

    /// A regular file read in pieces of up to `pieceSize` bytes from its start to its end, each
    /// handed to `body` (a hash of a file too large to hold). Returns the byte count.
    @discardableResult
    public func readRegularFile(
        inPiecesOf pieceSize: Int, _ body: (UnsafeRawBufferPointer) -> Void
    ) throws(PlatformFile.ReadFailure) -> Int {
        _ = try regularFileSize()
        let piece = UnsafeMutableRawBufferPointer.allocate(byteCount: pieceSize, alignment: 16)
        defer { piece.deallocate() }
        var total = 0
        while true {
            switch read(at: total, into: piece) {
            case .success(0): return total
            case .success(let n):
                body(UnsafeRawBufferPointer(rebasing: piece[..<n]))
                total += n
            case .failure(let error): throw .system(error)
            }
        }
    }

    /// `pread` at `offset` (EINTR retried).
    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) -> Result<Int, Errno> {
        Result { () throws(Errno) in
            try PlatformFile.systemCall { try read(fromAbsoluteOffset: Int64(offset), into: buffer) }
        }
    }

    /// The size `fstat` gives, or `.notRegular`.
    func regularFileSize() throws(PlatformFile.ReadFailure) -> Int {
        let st: Stat
        do { st = try stat() } catch { throw .system(error) }
        guard st.type == .regular else { throw .notRegular }
        return Int(st.size)
    }

    /// Writes every byte (swift-system's `writeAll`: short writes continued, EINTR retried).
    public func writeAllBytes(_ bytes: UnsafeRawBufferPointer) throws(Errno) {
        _ = try PlatformFile.systemCall { try writeAll(bytes) }
    }

    /// `close` with its error typed: a write the kernel held back may fail only here.
    public func closeChecked() throws(Errno) {
        try PlatformFile.systemCall { try close() }
    }

    /// `fsync`: the file's bytes (or a folder's names) are on disk.
    public func sync() throws(Errno) {
        guard fsync(rawValue) == 0 else { throw Errno(rawValue: Glibc.errno) }
    }
}
