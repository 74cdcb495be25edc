import XCTest
import WFStore
import WFGenerator
@testable import WFLanguage

/// Per-row navigation through reverse edges (`.children`, `.positions`, `.ledger`) read in place
/// (`EdgeCache`), with `where … | count` and `where … | map .f | distinct | count` applied as the
/// rows are visited (`FusedFilterCount.swift`, `FastDistinct.swift`). Each answer is checked
/// against the general path (`and 1 == 1` keeps the `where` from handing its condition on) and
/// against the same count computed in Swift from `Store.reverse`.
final class NavigatedFilterTests: XCTestCase {
    private func run(_ store: Store, _ source: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        runCSV(store, source, unixLines: true, file: file, line: line)
    }

    private let from = Day(iso: "2023-01-01") ?? Day(raw: 0)

    /// The question for every organisation, with `extra` appended to each `where`.
    private func question(_ extra: String) -> String {
        """
        orgs | select .id,
            villages: (.children | where .level == village and .form == congress\(extra) | count),
            execs: (.positions | where .role == exec or .role == chair\(extra) | count),
            contacts: (.ledger | where .date >= \(from.iso)\(extra) | map .contact | distinct | count),
            kids: (.children | count)
        """
    }

    /// The same numbers computed from the store directly.
    private func expected(_ store: Store) -> String {
        let village = Vocab.level.code(of: "village"), congress = Vocab.form.code(of: "congress")
        let exec = Vocab.role.code(of: "exec"), chair = Vocab.role.code(of: "chair")
        var lines = ["id,villages,execs,contacts,kids"]
        for o in 0..<Int32(store.count(.org)) where store.isLive(.org, o) {
            let kids = store.reverse(Schema.Org.parent, o)
            let villages = kids.filter { store.cell(Schema.Org.level, $0) == village && store.cell(Schema.Org.form, $0) == congress }
            let execs = store.reverse(Schema.Position.org, o).filter {
                let role = store.cell(Schema.Position.role, $0)
                return role == exec || role == chair
            }
            let ledger = store.reverse(Schema.Ledger.org, o).filter { store.cell(Schema.Ledger.date, $0) >= from.raw }
            let contacts = Set(ledger.map { store.cell(Schema.Ledger.contact, $0) })
            lines.append("\(o),\(villages.count),\(execs.count),\(contacts.count),\(kids.count)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func assertAgrees(_ store: Store, file: StaticString = #filePath, line: UInt = #line) {
        let fast = run(store, question(""), file: file, line: line)
        XCTAssertEqual(fast, run(store, question(" and 1 == 1"), file: file, line: line), file: file, line: line)
        XCTAssertEqual(fast, expected(store), file: file, line: line)
    }

    func testUnchangedStore() {
        let store = Demo.county()
        assertAgrees(store)
        // The question must not be trivial: some organisations have congresses, execs and contacts.
        let answer = expected(store)
        XCTAssertTrue(answer.split(separator: "\n").dropFirst().contains { $0.split(separator: ",")[1] != "0" })
        XCTAssertTrue(answer.split(separator: "\n").dropFirst().contains { $0.split(separator: ",")[3] != "0" })
    }

    /// Re-pointed, appended and deleted rows: the reverse index is then not the whole truth,
    /// and the general `Store.reverse` must be used.
    func testChangedEdgesFallBack() {
        var store = Demo.county()
        let village = Vocab.level.code(of: "village") ?? 0
        let villages = (0..<Int32(store.count(.org))).filter { store.cell(Schema.Org.level, $0) == village }
        guard villages.count > 3, let parent = Optional(store.cell(Schema.Org.parent, villages[0])) else {
            return XCTFail("the demo county has villages")
        }
        // Re-point a village to another township's parent, append a congress under it, delete one.
        store.setCell(Schema.Org.parent, villages[1], parent)
        var cells = (0..<Kind.org.fields.count).map { store.cell(FieldID(.org, $0), villages[2]) }
        cells[Schema.Org.parent.index] = parent
        cells[Schema.Org.form.index] = Vocab.form.code(of: "congress") ?? 0
        store.append(.org, cells)
        store.delete(.org, villages[3])
        assertAgrees(store)
        // Ledger and positions changed too.
        let entries = store.count(.ledger)
        if entries > 2 {
            store.setCell(Schema.Ledger.org, 0, villages[0])
            store.setCell(Schema.Ledger.date, 1, nullCell)
            store.delete(.ledger, 2)
        }
        store.setCell(Schema.Position.role, 0, Vocab.role.code(of: "exec") ?? 0)
        assertAgrees(store)
    }

    /// A change made by the script itself, between two runs of the same question.
    func testChangesInTheSameRun() {
        let store = Demo.county()
        let source = """
            let t = orgs | where .level == township | first
            let before = t.children | where .level == village | count
            create org {name: "新村妇代会", level: village, unit: village, form: congress, parent: t}
            let added = t.children | where .level == village | count
            let v = t.children | where .level == village | first
            link v.parent to (orgs | where .level == township | last)
            let moved = t.children | where .level == village | count
            print added - before, moved - before, before > 0
            """
        XCTAssertEqual(run(store, source), "1 0 true\n")
    }
}
