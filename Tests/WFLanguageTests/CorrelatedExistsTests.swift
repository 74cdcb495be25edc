import XCTest
import WFStore
import WFGenerator
@testable import WFLanguage

/// `where f(it)` with `f`'s body `q.ref.edge | any COND` is tested on the cells
/// (`CorrelatedExists.swift`). `f(plain(it))` hides the item, so the call takes the general
/// path: every answer is checked against it.
final class CorrelatedExistsTests: XCTestCase {
    private let setup = """
        fn plain(x) { let y = x; return y }
        fn trained(q) { return q.person.trainings | any .date >= q.from and .date <= q.to }
        fn trainedBefore(q) { return q.person.trainings | any q.from > .date }
        fn alwaysTrained(q) { return q.person.trainings | all .date >= q.from }
        fn sameDay(q) { return q.person.trainings | any .date == q.from }
        fn upTo(q) { return q.person.trainings | all .date <= q.from }
        fn after(q) { return q.person.trainings | all .date > q.from }
        fn since2022(q) { return q.person.trainings | any .date >= 2022-01-01 }
        fn bigChild(o) { return o.children | any .women > 300 }
        fn busyTownship(o) { return o.parent.children | any .women > 500 and .level == village }
        fn trainedBy(q, day) { return q.person.trainings | any .date >= q.from and .date <= day }
        fn trainedSince(since, q) { return q.person.trainings | all .date >= since }
        let day = 2024-06-30
        let none = null
        let ps = positions
        """

    private let questions = [
        "positions | where trained(it) | map .id",
        // Sets of hundreds of items are tested together (`Compiler.batchFiltered`), with the
        // column conditions first and the other conjuncts after.
        "positions | where .org.level == village and trained(it) and sameDay(it) == false | map .id",
        "positions | where upTo(it) and .role == exec and after(it) | map .id",
        // Arguments besides the item: variables and literals, read once per test; a set in a
        // variable, whose kind is known when the filter runs.
        "positions | where trainedBy(it, day) | map .id",
        "positions | where trainedBy(it, 2022-01-01) and trainedSince(2020-01-01, it) | map .id",
        "positions | where trainedBy(it, none) or .role == chair | map .id",
        "ps | where trainedBy(it, day) and .role == exec | map .id",
        "orgs | where .level != group | select .id, n: (.positions | where trainedBy(it, day) | count)",
        "positions | where .role == exec and trained(it) | map .id",
        "positions | where trainedBefore(it) | map .id",
        "positions | where alwaysTrained(it) | map .id",
        "positions | where sameDay(it) | map .id",
        // Trainings on the day a position starts sit on these bounds.
        "positions | where upTo(it) | map .id",
        "positions | where after(it) | map .id",
        "positions | where since2022(it) | map .id",
        "orgs | where bigChild(it) | map .id",
        "orgs | where .level == village and busyTownship(it) | map .id",
        "orgs | where .level == township | select .id, n: (.positions | where .role == exec and trained(it) | count)",
        // Enough items for one pass over the positions, testing them together (`BatchCorrelatedTest`).
        "orgs | where .level != group | select .id, n: (.positions | where trained(it) | count), a: (.positions | all upTo(it))",
    ]

    /// The demo county; one whose references and dates have nulls and changes (the edge of a
    /// changed column is not read in place: the general test decides).
    private func stores() -> [Store] {
        var nulls = Demo.county()
        for p in Int32(0)..<40 where p % 3 == 0 { nulls.setCell(Schema.Position.from, p, nullCell) }
        for t in Int32(0)..<60 where t % 4 == 0 { nulls.setCell(Schema.Training.date, t, nullCell) }
        var changed = Demo.county()
        changed.setCell(Schema.Position.person, 4, nullCell)
        changed.setCell(Schema.Training.person, 7, 2)
        // The same changes in the base columns, as a snapshot written after them holds them: the
        // columns and indexes are read in place, nulls and all.
        var both = nulls
        both.setCell(Schema.Position.person, 4, nullCell)
        both.setCell(Schema.Position.person, 9, nullCell)
        both.setCell(Schema.Training.person, 7, 2)
        return [Demo.county(), nulls, changed, rebased(both)]
    }

    /// `store` with every change merged into unchanged base columns.
    private func rebased(_ store: Store) -> Store {
        let tables = Kind.allCases.map { k in Table(kind: k, columns: k.fields.indices.map { store.column(FieldID(k, $0)).merged() }) }
        let out = Store(meta: store.meta, strings: store.strings, tables: tables)
        XCTAssertTrue(out.column(Schema.Position.person).isPristine)
        return out
    }

    func testCellTestsAnswerAsTheCall() {
        for store in stores() {
            for q in questions {
                let general = q.replacingOccurrences(of: "(it)", with: "(plain(it))").replacingOccurrences(of: "(it,", with: "(plain(it),")
                    .replacingOccurrences(of: ", it)", with: ", plain(it))")
                let fast = runCSV(store, "\(setup)\n\(q)", unixLines: true)
                XCTAssertEqual(fast, runCSV(store, "\(setup)\n\(general)", unixLines: true), q)
                XCTAssertGreaterThan(fast.split(separator: "\n").count, 1, q)
            }
        }
    }

    /// More items than one chunk of the batch test (65,536): the survivors of each chunk are
    /// moved down in order.
    func testManyItemsAreTestedInChunks() {
        let demo = Demo.county()
        let n = 150_000
        var columns = Kind.position.fields.indices.map { demo.column(FieldID(.position, $0)).merged() }
        let base = columns[0].count
        for i in columns.indices { columns[i] = ContiguousArray((0..<n).map { columns[i][$0 % base] }) }
        var tables = demo.tables
        tables[Kind.position.rawValue] = Table(kind: .position, columns: columns)
        let store = Store(meta: demo.meta, strings: demo.strings, tables: tables)
        let question = "positions | where .role == exec and trained(IT) | map .id"
        let fast = runCSV(store, "\(setup)\n\(question.replacingOccurrences(of: "IT", with: "it")) | sum", unixLines: true)
        XCTAssertEqual(fast, runCSV(store, "\(setup)\n\(question.replacingOccurrences(of: "IT", with: "plain(it)")) | sum", unixLines: true))
        XCTAssertEqual(runCSV(store, "\(setup)\n\(question.replacingOccurrences(of: "IT", with: "it")) | count", unixLines: true),
                       runCSV(store, "\(setup)\n\(question.replacingOccurrences(of: "IT", with: "plain(it)")) | count", unixLines: true))
    }

    func testTheCallsAreTestedOnTheCells() {
        let session = Session(store: Demo.county(), options: SessionOptions(format: .csv, output: { _ in }))
        _ = session.run("\(setup)\n" + questions.joined(separator: "\n"), file: "<test>")
        XCTAssertEqual(Set(session.cellTestedCalls),
                       ["trained", "trainedBefore", "alwaysTrained", "sameDay", "upTo", "after", "since2022", "bigChild", "busyTownship",
                        "trainedBy", "trainedSince"])
    }

    /// An argument's new value is read: by the test of each item, and by a grouped pass, whose
    /// counts are made again. A null bound orders against nothing.
    func testArgumentsAreReadAgain() {
        let source = """
            \(setup)
            for d in [2022-01-01, 2025-01-01, null] {
                print (positions | where trainedBy(IT, d) | count)
                print (orgs | where .level != group | map (.positions | where trainedBy(IT, d) | count) | sum)
            }
            """
        let fast = runCSV(Demo.county(), source.replacingOccurrences(of: "IT", with: "it"), unixLines: true)
        XCTAssertEqual(fast, runCSV(Demo.county(), source.replacingOccurrences(of: "IT", with: "plain(it)"), unixLines: true))
        let counts = fast.split(separator: "\n").map(String.init)
        XCTAssertEqual(counts.count, 6, fast)
        XCTAssertNotEqual(counts[0], counts[2])
        XCTAssertNotEqual(counts[1], counts[3])
        XCTAssertEqual(counts[4], "0")
    }

    func testSomeAndNotAllPass() {
        let some = runCSV(Demo.county(), "\(setup)\npositions | where trained(it) | count", unixLines: true)
        let all = runCSV(Demo.county(), "\(setup)\npositions | count", unixLines: true)
        XCTAssertNotEqual(some, "0\n")
        XCTAssertNotEqual(some, all)
    }

    func testAFunctionBoundAgainIsCalled() {
        let source = """
            \(setup)
            let before = positions | where trained(it) | count
            trained = fn(q) { return false }
            [before > 0, positions | where trained(it) | count]
            """
        XCTAssertEqual(runCSV(Demo.county(), source, unixLines: true), "value\ntrue\n0\n")
    }

    /// `village` in the body is the variable, not the label, once a variable has that name.
    func testAVariableNamedLikeALabelIsAVariable() {
        let source = """
            fn plain(x) { let y = x; return y }
            let village = "group"
            fn hasGroups(o) { return o.children | any .level == village }
            orgs | where hasGroups(IT) | map .level | distinct
            """
        let fast = runCSV(Demo.county(), source.replacingOccurrences(of: "IT", with: "it"), unixLines: true)
        XCTAssertEqual(fast, runCSV(Demo.county(), source.replacingOccurrences(of: "IT", with: "plain(it)"), unixLines: true))
        XCTAssertTrue(fast.contains("village") && !fast.contains("township"), fast)
    }

    func testOtherShapesTakeTheCall() {
        let session = Session(store: Demo.county(), options: SessionOptions(format: .csv, output: { _ in }))
        for body in ["q.person.trainings | any .date >= q.from or .date <= q.to",   // `or`
                     "q.person.trainings | any .date != q.from",                     // not a range
                     "(q.person.trainings | where .date > q.from | count) > 0",      // not one stage
                     "q.org.name == \"x\""] {
            let source = "fn f(q) { return \(body) }\npositions | where f(it) | count"
            let general = "fn plain(x) { let y = x; return y }\nfn f(q) { return \(body) }\npositions | where f(plain(it)) | count"
            XCTAssertEqual(runCSV(Demo.county(), source, unixLines: true), runCSV(Demo.county(), general, unixLines: true), body)
            _ = session.run(source, file: "<test>")
        }
        XCTAssertEqual(session.cellTestedCalls, [])
    }
}
