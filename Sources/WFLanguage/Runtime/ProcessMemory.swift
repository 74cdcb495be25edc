#if canImport(Glibc)
import Glibc
#endif

/// How the process's allocator treats the large arrays a question makes and frees: a grouped
/// pass's counters (22 MB per count at nation scale), selections, sort keys.
public enum ProcessMemory {
    /// Keeps freed memory in the process for the next question instead of returning it to the
    /// system. glibc gives an allocation over its threshold pages of its own and returns them
    /// when freed, so the next question's counters were fresh pages again, faulted in one by
    /// one; its threshold moves with what was freed last, so whether that happened changed
    /// with unrelated allocations (q2 at nation took 94 or 114 ms as an output buffer's size
    /// moved it). With fixed, high limits, freed memory is reused: what a long session holds is
    /// its largest question's working memory, as a database's buffer pool does.
    /// Call once, at the start of an executable.
    public static func keepFreedMemory() {
        #if canImport(Glibc)
        // `mallopt` is declared in <malloc.h>, which the Glibc module leaves out: it is looked
        // up by name and called as the C function it is. The parameters are malloc.h's.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        let trimThreshold: Int32 = -1, mmapThreshold: Int32 = -3
        guard let symbol = dlsym(nil, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        // Allocations below 256 MiB come from the heap (older glibc caps the threshold at 32
        // MiB), and up to 512 MiB of freed heap is kept. Setting either fixes both for good, so
        // if no threshold is accepted nothing is set: a fixed default of 128 KiB would be worse.
        guard mallopt(mmapThreshold, 256 << 20) != 0 || mallopt(mmapThreshold, 32 << 20) != 0 else { return }
        _ = mallopt(trimThreshold, 512 << 20)
        #endif
    }
}
