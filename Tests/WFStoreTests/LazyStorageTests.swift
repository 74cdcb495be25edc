import XCTest
@testable import WFStore

/// The pieces a lazily opened snapshot stands on: cells and bytes read on first use, once.
final class LazyStorageTests: XCTestCase {
    func testBaseCellsReadOnFirstUseOnly() {
        var loads = 0
        let cells = BaseCells(count: 4) {
            loads += 1
            return [10, 11, 12, 13]
        }
        XCTAssertEqual(cells.count, 4)
        XCTAssertFalse(cells.isLoaded)
        XCTAssertEqual(loads, 0)
        XCTAssertEqual(cells[2], 12)
        XCTAssertEqual(cells[3], 13)
        XCTAssertEqual(Array(cells.cells), [10, 11, 12, 13])
        XCTAssertEqual(loads, 1)
        XCTAssertTrue(cells.isLoaded)
    }

    func testBaseCellsOfTheWrongLengthAreCutOrPaddedWithNulls() {
        XCTAssertEqual(Array(BaseCells(count: 3) { [1] }.cells), [1, nullCell, nullCell])
        XCTAssertEqual(Array(BaseCells(count: 2) { [1, 2, 3] }.cells), [1, 2])
    }

    func testColumnCountsRowsWithoutReadingThem() {
        let storage = BaseCells(count: 1000) { ContiguousArray(0..<1000) }
        var column = Column(storage: storage, isRef: false)
        XCTAssertEqual(column.count, 1000)
        XCTAssertEqual(column.baseCount, 1000)
        column.append(5)
        XCTAssertEqual(column.count, 1001)
        XCTAssertFalse(storage.isLoaded)
        XCTAssertEqual(column[999], 999)
        XCTAssertEqual(column[1000], 5)
        XCTAssertTrue(storage.isLoaded)
    }

    /// Bytes `i` hold `i % 251`, filled by a counting filler.
    private func paged(count: Int, blockSize: Int = PagedBytes.blockSize) -> (PagedBytes, () -> [Int]) {
        var filled: [Int] = []
        let bytes = PagedBytes(count: count, blockSize: blockSize) { block, into in
            filled.append(block)
            for j in 0..<into.count { into[j] = UInt8((block * blockSize + j) % 251) }
        }
        return (bytes, { filled })
    }

    func testPagedBytesFillOnlyTheBlocksTouched() {
        let size = PagedBytes.blockSize
        let (bytes, filled) = paged(count: 5 * size + 100)
        XCTAssertEqual(filled(), [])
        let middle = bytes.bytes(3 * size + 10, 3 * size + 20)
        XCTAssertEqual(Array(middle), (3 * size + 10..<3 * size + 20).map { UInt8($0 % 251) })
        XCTAssertEqual(filled(), [3])
        // A range across a boundary fills both sides; blocks already in are not read again.
        _ = bytes.bytes(4 * size - 2, 4 * size + 2)
        XCTAssertEqual(filled(), [3, 4])
        // The short last block.
        XCTAssertEqual(Array(bytes.bytes(5 * size + 98, 5 * size + 100)), [UInt8((5 * size + 98) % 251), UInt8((5 * size + 99) % 251)])
        XCTAssertEqual(filled(), [3, 4, 5])
        bytes.ensureAll()
        XCTAssertEqual(filled().sorted(), [0, 1, 2, 3, 4, 5])
    }

    func testPagedInt32AcrossABlockBoundary() {
        var values = ContiguousArray<Int32>(0..<40_000)
        values[16_383] = -7  // bytes 65,532..<65,536: the last Int32 of block 0
        let source = PagedBytes(copying: values)
        let lazy = PagedBytes(count: source.count, blockSize: 1000) { block, into in
            into.copyMemory(from: UnsafeRawBufferPointer(start: source.memory + block * 1000, count: into.count))
        }
        // 1000-byte blocks are not a multiple of 4: Int32 998 spans blocks 3 and 4.
        XCTAssertEqual(lazy.int32(998), 998)
        XCTAssertEqual(lazy.int32(16_383), -7)
        XCTAssertEqual(lazy.array(of: Int32.self), values)
    }

    func testPoolOverPagedBytesFindsAndReportsBadOffsets() {
        let pool = PoolBase(bytes: ["王", "芳", "x"].reduce(into: ContiguousArray<UInt8>()) { $0.append(contentsOf: $1.utf8) },
                            offsets: [0, 3, 6, 7])
        XCTAssertEqual(pool.count, 3)
        XCTAssertEqual(pool.string(1), "芳")
        XCTAssertEqual(pool.lookup("x"), 2)
        XCTAssertNil(pool.lookup("y"))
        XCTAssertTrue(pool.offsetsAreOrdered())

        let health = LoadHealth()
        let bad = PoolBase(bytes: PagedBytes(copying: ContiguousArray<UInt8>([65, 66])),
                           offsets: PagedBytes(copying: ContiguousArray<Int32>([0, 9, 2])), slots: nil,
                           health: health, origin: "t.wfs")
        XCTAssertEqual(bad.string(0), "")
        XCTAssertEqual(health.problems, ["t.wfs: section $strings.offsets: offsets of string 0 out of range"])
        XCTAssertFalse(bad.offsetsAreOrdered())
    }
}
