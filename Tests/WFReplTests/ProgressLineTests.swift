import XCTest
@testable import WFRepl

final class ProgressLineTests: XCTestCase {
    func testRedrawsInPlaceAtMostOncePerIntervalAndClearsAtTheEnd() {
        var drawn: [String] = []
        var now: UInt64 = 0
        let progress = ProgressLine(label: "loading", write: { drawn.append($0) }, interval: 100, clock: { now })
        progress.update(0.05)          // drawn
        now = 50
        progress.update(0.30)          // too soon
        now = 150
        progress.update(0.305)         // drawn: 30 %
        now = 400
        progress.update(0.309)         // same percentage: not drawn
        now = 410
        progress.update(1.0)           // 100 % is always drawn
        progress.update(.nan)          // treated as 0, too soon
        progress.finish()
        XCTAssertEqual(drawn, ["\rloading   5%", "\rloading  30%", "\rloading 100%", "\r\u{1B}[K"])
    }

    func testSilentWithoutATerminal() {
        let progress = ProgressLine(label: "loading", write: nil)
        progress.update(0.5)
        progress.finish()
        var drawn: [String] = []
        let unused = ProgressLine(label: "x", write: { drawn.append($0) })
        unused.finish()
        XCTAssertEqual(drawn, [], "nothing drawn, nothing to clear")
    }
}
