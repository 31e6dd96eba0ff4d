import Foundation
import SystemPackage

/// The one way star-report locks a file (the output folder's lock file, the send log): opened
/// read-write without following a link (`O_NOFOLLOW`, so a planted link cannot point the lock or
/// the log elsewhere), created 0644 when missing, and locked with `flock` exclusively without
/// waiting. The kernel drops the lock when the descriptor is closed or the process ends, however
/// it ends.
public enum FileLock {
    public enum Failure: Error, Equatable {
        /// Another process holds the lock.
        case busy
        /// The path is a symbolic link.
        case symbolicLink
        /// It cannot be opened (the errno).
        case cannotOpen(Int32)
    }

    /// Returns the locked descriptor; `options` are added to `O_RDWR | O_CREAT | O_CLOEXEC |
    /// O_NOFOLLOW` (the send log adds `O_APPEND`).
    public static func take(_ path: String, options: FileDescriptor.OpenOptions = []) throws(Failure) -> FileDescriptor
    {
        let fd: FileDescriptor
        do {
            fd = try PlatformFile.withCString(path) { (p) throws(Errno) in
                try PlatformFile.systemCall {
                    try FileDescriptor.open(
                        p, .readWrite, options: options.union([.create, .closeOnExec, .noFollow]),
                        permissions: [.ownerReadWrite, .groupRead, .otherRead])
                }
            }
        } catch {
            throw error == .tooManySymbolicLinkLevels ? .symbolicLink : .cannotOpen(error.rawValue)
        }
        guard flock(fd.rawValue, LOCK_EX | LOCK_NB) == 0 else {
            try? fd.close()
            throw .busy
        }
        return fd
    }
}
