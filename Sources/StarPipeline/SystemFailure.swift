import Foundation
import StarModel
import StarPlatform

extension Failure {
    /// A failed system call: out of descriptors or memory is 71 (EX_OSERR) whatever the call,
    /// anything else `status`; a file over `ulimit -f` (EFBIG: SIGXFSZ is ignored) says so.
    static func system(_ error: Int32, _ status: ExitStatus, _ message: Message) -> Failure {
        let short = [EMFILE, ENFILE, ENOMEM].contains(error)
        let reason = PlatformFile.reason(error)
        return Failure(
            short ? .osError : status,
            short
                ? .sysShort(message: message, reason: reason)
                : error == EFBIG
                    ? .sysFileSize(message: message, reason: reason) : .sysReason(message: message, reason: reason))
    }
}

extension Pipeline {
    /// The file descriptors a run needs at the least: Dispatch's worker threads need an epoll
    /// descriptor of their own and stop the process (SIGILL) when they cannot get one, so a run
    /// keeps a margin: a lower soft limit is raised up to the hard limit (1,024 at most), or the
    /// run is refused here with a message.
    static let minimumDescriptors: rlim_t = 32

    /// The address space a run needs at the least (`ulimit -v`): below it Dispatch cannot start
    /// its threads and waits for them for ever; measured, a debug build needs about 200 MiB
    /// before it reads anything. A run that runs out later exits 71 too (``OutOfMemory``).
    static let minimumAddressSpace: rlim_t = 256 << 20

    static func checkLimits() throws(Failure) {
        var space = rlimit()
        if getrlimit(Int32(RLIMIT_AS.rawValue), &space) == 0, space.rlim_cur < minimumAddressSpace {
            throw Failure(
                .osError, .littleMemory(allowed: Int(space.rlim_cur >> 20), needed: Int(minimumAddressSpace >> 20)))
        }
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < minimumDescriptors else { return }
        limit.rlim_cur = min(limit.rlim_max, 1024)
        if limit.rlim_cur >= minimumDescriptors && setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 { return }
        throw Failure(.osError, .fewDescriptors(allowed: Int(limit.rlim_max), needed: Int(minimumDescriptors)))
    }
}
