/// The base cells of one column, there from the start or read on first use.
///
/// A snapshot opened lazily (`Snapshot.open`) hands each column a loader instead of its cells,
/// so opening a 4 GB network costs only what the first question reads: a look-up by name touches
/// a few columns, not all ninety (docs/snapshot-format.md, "Opening lazily"). A class, so that
/// every fork sharing the column shares the one load.
///
/// Not thread-safe: a store is read by one thread at a time (the interpreter's).
public final class BaseCells {
    /// Rows in the base, known before the cells are read (from the section's length).
    public let count: Int
    @usableFromInline var loaded: ContiguousArray<Int32>?
    private var loader: (() -> ContiguousArray<Int32>)?
    /// Reads one cell without reading the column (a block of it, checked), while the column is
    /// not loaded: a look-up that shows a person's seven positions reads seven cells of each
    /// column it shows, not the 47 MB of each at nation scale.
    private var cellReader: ((Int) -> Int32)?
    /// Cells read one at a time so far; past `cellsBeforeLoading` the column is read whole: a
    /// question that reads that many (a field per row of a large set) reads faster from the
    /// whole array than through the block check per cell, while look-ups of a few people at a
    /// time (a handful of cells per column each) never get there.
    private var cellsRead = 0
    public static let cellsBeforeLoading = 4096

    public init(_ cells: ContiguousArray<Int32>) {
        count = cells.count
        loaded = cells
    }

    /// - Parameters:
    ///   - loader: returns the cells. It must not fail: a loader that finds its source damaged
    ///     reports it (see `LoadHealth`) and returns null cells, which every reader handles.
    ///   - cell: reads one cell (below `count`) on its own, under the same rule; nil when only
    ///     the whole column can be read.
    public init(count: Int, loader: @escaping () -> ContiguousArray<Int32>, cell: ((Int) -> Int32)? = nil) {
        self.count = count
        self.loader = loader
        self.cellReader = cell
    }

    public var isLoaded: Bool { loaded != nil }

    /// All the cells, read now if they were not yet.
    @inlinable public var cells: ContiguousArray<Int32> {
        if let c = loaded { return c }
        return load()
    }

    /// One cell; `row` must be below `count`.
    @inlinable public subscript(row: Int) -> Int32 {
        if let c = loaded { return c[row] }
        return unloadedCell(row)
    }

    @usableFromInline func unloadedCell(_ row: Int) -> Int32 {
        if let read = cellReader, cellsRead < BaseCells.cellsBeforeLoading {
            cellsRead += 1
            return read(row)
        }
        return load()[row]
    }

    @usableFromInline func load() -> ContiguousArray<Int32> {
        var cells = loader?() ?? []
        // A loader is trusted for content but not for length: every reader relies on `count`.
        if cells.count != count {
            cells = ContiguousArray(cells.prefix(count))
            if cells.count < count { cells.append(contentsOf: repeatElement(nullCell, count: count - cells.count)) }
        }
        loaded = cells
        loader = nil
        cellReader = nil
        return cells
    }
}
