import XCTest
import WFStore
import WFGenerator
@testable import WFLanguage

/// `x in n.ancestors` walks up from `n` (`Compiler.ancestorTest`); `plain(it).ancestors` builds
/// the set: every answer is checked against it, on stores with a cycle, a deleted org in a chain
/// and a dangling parent.
final class AncestorTestTests: XCTestCase {
    private let setup = """
        fn plain(x) { let y = x; return y }
        let top = orgs | where .level == county | first
        let town = orgs | where .level == township | first
        let someone = people | first
        fn under(v) { return top in v.ancestors }
        fn underGeneral(v) { return top in plain(v).ancestors }
        """

    private let questions = [
        "orgs | where top in .ancestors | map .id",
        "orgs | where town in .ancestors or it == town | map .id",
        "orgs | where someone in .ancestors | count",
        "orgs | map (town in .ancestors)",
        "orgs | where .level == village | map under(it)",
    ]

    private func stores() -> [Store] {
        let demo = Demo.county()
        let villages = (0..<Int32(demo.count(.org))).filter { demo.cell(Schema.Org.level, $0) == Vocab.level.code(of: "village") }
        let towns = (0..<Int32(demo.count(.org))).filter { demo.cell(Schema.Org.level, $0) == Vocab.level.code(of: "township") }
        var cycle = demo
        // A township under one of its own villages: a cycle.
        if let town = towns.first, let v = villages.first(where: { demo.cell(Schema.Org.parent, $0) == town }) {
            cycle.setCell(Schema.Org.parent, town, v)
        }
        // A township under the first county gone: its villages' chains stop there.
        var deleted = demo
        let county = (0..<Int32(demo.count(.org))).first { demo.cell(Schema.Org.level, $0) == Vocab.level.code(of: "county") }
        if let town = towns.last(where: { demo.cell(Schema.Org.parent, $0) == county }) { deleted.delete(.org, town) }
        var dangling = demo
        if let v = villages.first { dangling.setCell(Schema.Org.parent, v, 999_999) }
        return [demo, cycle, deleted, dangling]
    }

    func testTheWalkAnswersAsTheSet() {
        for (i, store) in stores().enumerated() {
            for q in questions {
                let walked = runCSV(store, "\(setup)\n\(q)", unixLines: true)
                let general = q.replacingOccurrences(of: "in .ancestors", with: "in plain(it).ancestors")
                    .replacingOccurrences(of: "under(", with: "underGeneral(")
                XCTAssertNotEqual(general, q)
                XCTAssertEqual(walked, runCSV(store, "\(setup)\n\(general)", unixLines: true), "store \(i): \(q)")
            }
        }
        XCTAssertNotEqual(runCSV(Demo.county(), "\(setup)\norgs | where top in .ancestors | count", unixLines: true), "0\n")
    }
}
