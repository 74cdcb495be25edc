import XCTest
import WFStore
import WFGenerator
@testable import WFLanguage

/// Counts in one stage over the item's same edge and column conditions, differing in their
/// correlated tests, are made in one pass (`GroupedFamily`). Each answer must equal the
/// per-item look-up's (`plain(it)` hides the edge from the planner), and the passes are
/// counted (`Session.groupedPasses`).
final class GroupedFamilyTests: XCTestCase {
    private let setup = """
        fn plain(x) { let y = x; return y }
        fn trained(q) { return q.person.trainings | any .date >= q.from and .date <= q.to }
        fn old(q) { return q.person.trainings | any .date < q.from }
        let d = 2026-06-30
        """

    private func run(_ store: Store, _ source: String, file: StaticString = #filePath, line: UInt = #line) -> (out: String, passes: Int) {
        let (out, err, session) = runSession(store, source)
        XCTAssertEqual(err, "", source, file: file, line: line)
        return (out.replacingOccurrences(of: "\r\n", with: "\n"), session.groupedPasses)
    }

    /// The question with `.positions` as written, and looked up per item.
    private func both(_ store: Store, _ question: String, file: StaticString = #filePath, line: UInt = #line) -> (grouped: (out: String, passes: Int), lookedUp: String) {
        let grouped = run(store, "\(setup)\n\(question)", file: file, line: line)
        let lookedUp = run(store, "\(setup)\n\(question.replacingOccurrences(of: "(.positions", with: "(plain(it).positions"))", file: file, line: line)
        XCTAssertEqual(lookedUp.passes, 0, file: file, line: line)
        XCTAssertEqual(grouped.out, lookedUp.out, question, file: file, line: line)
        XCTAssertGreaterThan(grouped.out.split(separator: "\n").count, 5, question, file: file, line: line)
        return (grouped, lookedUp.out)
    }

    func testATotalAndItsTestedPartInOnePass() {
        let q = """
            orgs | where .level != group | select .id,
                n: (.positions | where .role == exec and .from <= d and .to >= d | count),
                t: (.positions | where .role == exec and .from <= d and .to >= d and trained(it) | count),
                o: (.positions | where .role == exec and .from <= d and .to >= d and old(it) | count)
            """
        let answer = both(Demo.county(), q)
        XCTAssertEqual(answer.grouped.passes, 1, "three counts, one pass")
        // The parts differ from the total somewhere, so the one pass kept them apart.
        let rows = answer.lookedUp.split(separator: "\n").dropFirst().map { $0.split(separator: ",") }
        XCTAssertTrue(rows.contains { $0[1] != $0[2] } && rows.contains { $0[2] != $0[3] }, answer.lookedUp)
    }

    func testOtherConditionsMakePassesOfTheirOwn() {
        let q = """
            orgs | where .level != group | select .id,
                n: (.positions | where .role == exec | count),
                t: (.positions | where .role == chair and trained(it) | count)
            """
        XCTAssertEqual(both(Demo.county(), q).grouped.passes, 2)
    }

    /// Over every org no mask is made and no member has a test: each member still gets its own
    /// counts. `all C`, counted as `not C` under C's text, is not taken for `where C`.
    func testMembersWithoutFiltersAndNegatedConditions() {
        let q = """
            orgs | select .id,
                n: (.positions | where .role == exec | count),
                has: (.positions | any .role == exec),
                same: (.positions | where .role == exec | count),
                every: (.positions | all .role == exec),
                t: (.positions | where .role == exec and trained(it) | count)
            """
        let answer = both(Demo.county(), q)
        let rows = answer.lookedUp.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        // Some org has positions and no exec among them, where `all` and `where … | count`
        // part ways.
        XCTAssertTrue(rows.contains { $0[1] == "0" && $0[4] == "false" }, answer.lookedUp)
        XCTAssertTrue(rows.contains { $0[1] != "0" }, answer.lookedUp)
    }

    /// A variable among the operands, given new values: each round makes its counts again, the
    /// family's together.
    func testChangedOperandsMakeTheFamilyAgain() {
        let q = """
            for day in [2020-06-30, 2023-06-30, 2026-06-30] {
                print orgs | where .level != group | select .id,
                    n: (.positions | where .from <= day and .to >= day | count),
                    t: (.positions | where .from <= day and .to >= day and trained(it) | count)
            }
            """
        XCTAssertEqual(both(Demo.county(), q).grouped.passes, 3)
    }

    /// Once the edge has changed, the tests cannot read its cells in place: the tested counts
    /// are looked up per item (before, the pass counted without the tests).
    func testAChangedEdgeKeepsTheTests() {
        let q = """
            let t = orgs | where .level == township | first
            set (positions | where .org != t and .role == exec | take 40).org = t
            print orgs | where .level != group | select .id,
                n: (.positions | where .role == exec | count),
                t: (.positions | where .role == exec and trained(it) | count)
            """
        let answer = both(Demo.county(), q)
        XCTAssertEqual(answer.grouped.passes, 1, "the total in a pass, the tested part per item")
    }
}
