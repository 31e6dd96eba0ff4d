import CStarSys
import Foundation
import StarModel

/// Handing freed memory back to the system between stages.
public enum Memory {
    /// Blocks of 128 KiB and more (the batches of checked records, the arrays they are gathered
    /// into, the reports' large strings) are mapped from the system and handed back the moment
    /// they are freed. glibc otherwise raises that threshold to the size of the first such block
    /// freed, and keeps the later ones in its arenas: gathering a province's records then held
    /// them twice (a peak of about 930 MB instead of 830 MB, measured on the bench's million
    /// rows, at the same speed). Set once, before any thread starts; glibc only.
    public static func mapLargeBlocks() {
        typealias Option = @convention(c) (Int32, Int32) -> Int32
        guard let sym = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD in <malloc.h>
        _ = unsafeBitCast(sym, to: Option.self)(mmapThreshold, 128 * 1024)
    }

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
