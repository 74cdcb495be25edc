import XCTest
import WFStore
import WFGenerator
@testable import WFLanguage

/// Named conditions in a `where` are written out and planned as if they had been
/// (`Compiler+InlineConditions.swift`). `f(plain(it), …)` hides the item, so the call is made:
/// every answer is checked against it.
final class InlineConditionTests: XCTestCase {
    private let setup = """
        fn plain(x) { let y = x; return y }
        fn held_on(p, day) { return p.from <= day and (p.to == null or p.to >= day) }
        fn is_office(p) { return p.role in [chair, vice_chair, exec] }
        fn at_level(p, l) { return p.org.level == l }
        fn not_exec(p) { return not (p.role == exec) }
        fn big(o, n) { return o.women > n or o.form == congress }
        fn in_window(d, year, w) { return d != null and d.year > year - w.years and d.year <= year }
        let w = {years: 3}
        let day = 2026-06-30
        let lvl = village
        """

    private let questions = [
        "positions | where held_on(it, day) | map .id",
        "positions | where held_on(it, 2020-01-01) and .role == exec | map .id",
        "positions | where is_office(it) and held_on(it, day) | map .id",
        "positions | where at_level(it, lvl) | map .id",
        "positions | where not_exec(it) | map .id",
        "positions | where held_on(it, null) | map .id",
        "orgs | where big(it, 300) | map .id",
        "orgs | where .level == village and big(it, 1200) | count",
        "orgs | select .id, n: (.positions | where held_on(it, day) | count) | where .n > 2",
        // A field of the item for a parameter, directly and through a reference.
        "positions | where in_window(.from, 2023, w) | map .id",
        "positions | where in_window(.from, 2023, w) and .role == exec | map .id",
        "people | select .id, n: (.attended | where in_window(.meeting.date, 2025, w) | count) | where .n > 0",
    ]

    /// The demo county, and one with null and changed dates (the general column paths).
    private func stores() -> [Store] {
        var changed = Demo.county()
        for p in Int32(0)..<60 where p % 4 == 0 { changed.setCell(Schema.Position.to, p, nullCell) }
        changed.setCell(Schema.Position.from, 5, nullCell)
        return [Demo.county(), changed]
    }

    func testWrittenOutConditionsAnswerAsTheCall() {
        for store in stores() {
            for q in questions {
                let (out, err, session) = runSession(store, "\(setup)\n\(q)")
                XCTAssertEqual(err, "", q)
                let general = q.replacingOccurrences(of: "(it", with: "(plain(it)")
                    .replacingOccurrences(of: "in_window(.from", with: "in_window(plain(.from)")
                    .replacingOccurrences(of: "in_window(.meeting.date", with: "in_window(plain(.meeting.date)")
                XCTAssertEqual(out, runCSV(store, "\(setup)\n\(general)"), q)
                XCTAssertFalse(session.expandedConditions.isEmpty, q)
                XCTAssertTrue(out.split(separator: "\n").count > 1 || !out.hasPrefix("0"), q)
            }
        }
    }

    func testAFunctionBoundAgainIsCalled() {
        let source = """
            \(setup)
            let before = positions | where held_on(it, day) | count
            held_on = fn(p, d) { return p.role == chair }
            [before, positions | where held_on(it, day) | count, positions | where .role == chair | count]
            """
        let out = runCSV(Demo.county(), source, unixLines: true).split(separator: "\n").map(String.init)
        XCTAssertEqual(out.count, 4, out.joined())
        XCTAssertNotEqual(out[1], out[2])
        XCTAssertEqual(out[2], out[3])
    }

    /// A label in the body that a variable shadows at the call, or where the function was
    /// defined, is not written out: it would mean the variable.
    func testShadowedLabelsAreNotWrittenOut() {
        for source in ["let exec = chair\n\(setup)\npositions | where not_exec(it) | count",
                       "\(setup)\nfn f() { let exec = chair\n return positions | where not_exec(it) | count }\nf()"] {
            let (out, err, session) = runSession(Demo.county(), source)
            XCTAssertEqual(err, "", source)
            XCTAssertEqual(session.expandedConditions, [], source)
            XCTAssertEqual(out, runCSV(Demo.county(), source.replacingOccurrences(of: "not_exec(it)", with: "not_exec(plain(it))")))
        }
    }

    /// Other shapes are called as written.
    func testOtherShapesAreCalled() {
        for body in ["p.role == exec or q", "p.person.trainings | count", "p == p", "f2(p)", "p.from <= today()"] {
            let source = "fn f2(x) { return true }\nlet q = true\nfn f(p) { return \(body) }\npositions | where f(it) | count"
            let (_, _, session) = runSession(Demo.county(), source)
            XCTAssertEqual(session.expandedConditions, [], body)
        }
        // An argument that is not a literal or a variable.
        let (_, _, session) = runSession(Demo.county(), "\(setup)\npositions | where held_on(it, day + 1) | count")
        XCTAssertEqual(session.expandedConditions, [])
    }
}
