import CStarSys
import Foundation
import StarModel

/// Handing freed memory back to the system between stages.
enum Memory {
    /// glibc keeps freed small blocks in its arenas; after a stage frees a million records,
    /// `malloc_trim` returns those pages so that the next stage's large strings do not add to
    /// them (the peak memory of a province's run). Looked up at run time: glibc only.
    @Sendable static func giveBack() {
        typealias Trim = @convention(c) (Int) -> Int32
        guard let sym = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
        _ = unsafeBitCast(sym, to: Trim.self)(0)
    }
}

/// Out of memory anywhere: exit 71 with a message in the user's language, the run's temporary
/// folder and lock removed, never the runtime's trap and backtrace (the handler is in CStarSys).
public enum OutOfMemory {
    public static func install() {
        star_out_of_memory_install("\n" + Message(.outOfMemory).text(Language.process) + "\n")
    }
}
