/// Frames reused from call to call. A function called once per row (`trained(it)` in a filter
/// over every position) allocated a frame object and its slots on every call; a frame nothing
/// kept after its call returned is as good as new once its slots are nulled.
///
/// A frame is recycled only when the call's caller holds the last reference to it: a closure
/// created in the call keeps its frame (`Closure.captured`), and such a frame is left alone.
/// Spare frames are chained through their `parent` field (a free list), so taking and giving
/// back a frame touches no array.
extension Runtime {
    /// Spare frames kept at most: enough for the nesting depth of ordinary programs.
    static let spareFrameLimit = 32

    /// A frame of at least `size` slots, all null, under `parent`.
    /// - Complexity: O(1) from the pool, else one allocation of `size` slots.
    @inline(__always) func takeFrame(size: Int, parent: Frame?) -> Frame {
        if let spare = spareFrames {
            spareFrames = spare.parent
            spareFrameCount -= 1
            if spare.capacity >= size {
                spare.parent = parent
                return spare
            }
        }
        return Frame(size: size, parent: parent)
    }

    /// Returns `frame` to the pool if nothing else refers to it, nulling the `used` slots its
    /// call could have written (the others are null already).
    /// - Complexity: O(used).
    @inline(__always) func recycle(_ frame: inout Frame, used: Int) {
        guard spareFrameCount < Runtime.spareFrameLimit, isKnownUniquelyReferenced(&frame) else { return }
        frame.clear(first: used)
        frame.parent = spareFrames
        spareFrames = frame
        spareFrameCount += 1
    }
}
