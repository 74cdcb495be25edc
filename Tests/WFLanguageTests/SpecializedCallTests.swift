import XCTest
import WFStore
import WFGenerator
@testable import WFLanguage

/// Calls compiled for their arguments' types (`Compiler+Specialize.swift`) must answer exactly as
/// the general body does. Each function has a twin, `f_g`, that writes its parameter first
/// (`x = x`), which keeps it on the general body whatever its arguments; `plain(x)` hides a
/// value's type from the compiler (it is two statements, so its call is not compiled into the
/// caller), so `f(plain(it))` is typed at run time where `f(it)` is typed when compiled.
final class SpecializedCallTests: XCTestCase {
    private let functions = """
        fn plain(x) { let y = x; return y }
        fn trained(q) { q.person.trainings | any .date >= q.from and .date <= q.to }
        fn info(o) { {name: o.name, kids: o.children | count, level: o.level, women: o.women} }
        fn depth(o, d) { if d == 0 { return 0 }; return 1 + (o.children | map depth(it, d - 1) | sum) }
        fn villages(s) { s | where .level == village | count }
        fn heads(o) { o.positions | where .role == chair or .role == vice_chair | map .person.name | sort it }
        fn trained_g(q) { q = q; q.person.trainings | any .date >= q.from and .date <= q.to }
        fn info_g(o) { o = o; {name: o.name, kids: o.children | count, level: o.level, women: o.women} }
        fn depth_g(o, d) { o = o; if d == 0 { return 0 }; return 1 + (o.children | map depth_g(it, d - 1) | sum) }
        fn villages_g(s) { s = s; s | where .level == village | count }
        fn heads_g(o) { o = o; o.positions | where .role == chair or .role == vice_chair | map .person.name | sort it }
        """

    private let calls: [(typed: String, general: String)] = [
        ("positions | where trained(it) | map .id", "positions | where trained_g(it) | map .id"),
        ("orgs | map info(it)", "orgs | map info_g(it)"),
        ("orgs | take 3 | map depth(it, 3)", "orgs | take 3 | map depth_g(it, 3)"),
        ("villages(orgs)", "villages_g(orgs)"),
        ("orgs | where .level == county or .level == township | villages", "orgs | where .level == county or .level == township | villages_g"),
        ("orgs | map heads(it)", "orgs | map heads_g(it)"),
        // `.parent` of the top organisation is null: the typed body is not taken for it.
        ("orgs | map info(.parent)", "orgs | map info_g(.parent)"),
        // Typed at run time.
        ("positions | where trained(plain(it)) | map .id", "positions | where trained_g(plain(it)) | map .id"),
        ("orgs | map info(plain(.parent))", "orgs | map info_g(plain(.parent))"),
        ("orgs | take 3 | map depth(plain(it), 3)", "orgs | take 3 | map depth_g(plain(it), 3)"),
        ("villages(plain(orgs))", "villages_g(plain(orgs))"),
    ]

    private func session(_ store: Store) -> (Session, () -> (out: String, err: String)) {
        var out = "", err = ""
        var options = SessionOptions(format: .csv)
        options.output = { out += $0 }
        options.errorOutput = { err += $0 }
        return (Session(store: store, options: options), { (out, err) })
    }

    /// The demo county, and one with changed, appended and deleted rows.
    private func stores() -> [Store] {
        var changed = Demo.county()
        changed.setCell(Schema.Org.women, 4, nullCell)
        changed.append(.person, [changed.intern("新人"), 1970, nullCell, nullCell, 0, 0])
        changed.delete(.position, 2)
        return [Demo.county(), changed]
    }

    func testTypedBodiesAnswerAsTheGeneralBody() {
        for store in stores() {
            for call in calls {
                let typed = runCSV(store, "\(functions)\n\(call.typed)")
                XCTAssertEqual(typed, runCSV(store, "\(functions)\n\(call.general)"), call.typed)
                XCTAssertFalse(typed.isEmpty, call.typed)
            }
        }
        // Not vacuous: some positions were trained during their term.
        XCTAssertNotEqual(runCSV(Demo.county(), "\(functions)\npositions | where trained(it) | count"), "0\r\n")
    }

    func testTypedBodiesAreCompiledOncePerDefinitionAndTypes() {
        let (s, _) = session(Demo.county())
        _ = s.run("\(functions)\npositions | where trained(it) | count\npositions | take 5 | map trained(it)", file: "<t>")
        XCTAssertEqual(s.specializedBodies, ["trained"], "one for trained(position), shared by both calls")
        let (g, _) = session(Demo.county())
        _ = g.run("\(functions)\npositions | where trained(plain(it)) | count", file: "<t>")
        // `plain(it)` hides the type from the compiler: `trained` is typed on its first call.
        XCTAssertEqual(g.specializedBodies, ["plain", "trained"])
        // A one-expression function defined in the caller's frame is compiled into the call.
        XCTAssertEqual(s.inlinedCalls, ["trained", "trained"], "both call sites")
        // A recursive function is compiled once for its types, not once per level.
        let (r, _) = session(Demo.county())
        _ = r.run("\(functions)\ndepth(org #0, 4)", file: "<t>")
        XCTAssertEqual(r.specializedBodies, ["depth"])
        XCTAssertEqual(r.inlinedCalls, [], "a body of statements is called, not inlined")
    }

    func testABodyThatWritesAParameterKeepsTheGeneralBody() {
        let source = """
            fn up(o) { o = o.parent; o.name }
            fn up2(o) { let o = o.parent; o.name }
            fn up3(o) { let put = fn(x) { o = x }; put(null); o }
            orgs | where .level == township | map [up(it), up2(it), up3(it)]
            """
        let (s, result) = session(Demo.county())
        _ = s.run(source, file: "<t>")
        XCTAssertEqual(s.specializedBodies, [])
        XCTAssertEqual(result().err, "")
        XCTAssertEqual(runCSV(Demo.county(), source),
                       runCSV(Demo.county(), source.replacingOccurrences(of: "map [up(it), up2(it), up3(it)]",
                                                                         with: "map [up(plain(it)), up2(plain(it)), up3(plain(it))]")
                              + "\nfn plain(x) { let y = x; return y }"))
    }

    func testCallsFromAnotherFrameAreNotInlinedAndAgree() {
        let source = """
            \(functions)
            fn viaFunction(s) { let out = s | map info(it); return out }
            let direct = orgs | map info(it)
            let called = viaFunction(orgs)
            [direct == called, called | count]
            """
        let (s, result) = session(Demo.county())
        XCTAssertEqual(s.run(source, file: "<t>"), .ok)
        XCTAssertEqual(result().err, "")
        XCTAssertEqual(s.inlinedCalls, ["info"], "only the top-level call site")
        XCTAssertTrue(result().out.hasPrefix("value\r\ntrue\r\n"), result().out)
    }

    func testAFunctionReplacedAtRunTimeIsCalledAsItIsNow() {
        let source = """
            fn label(o) { o.name }
            let before = orgs | take 2 | map label(it)
            label = fn(o) => "x"
            let after = orgs | take 2 | map label(it)
            [before, after]
            """
        XCTAssertEqual(runCSV(Demo.county(), source, unixLines: true), "value\n\"平安县妇联, 平安县网上妇联\"\n\"x, x\"\n")
    }

    /// Arguments whose types show only at run time (`plain(it)`, a parameter of the caller) get
    /// the typed body then (`RunTimeSpecializer`), once per types, and answer as the general
    /// body does: a body that writes its parameter keeps the general one, so `label_g` and
    /// `trained_g` are the general answers. Items of several kinds alternate at one call.
    func testBodiesTypedAtRunTimeAnswerAsTheGeneralBody() {
        let general = """
            fn label_g(x) { x = x; return x.name }
            fn label(x) { return x.name }
            fn count_trained(xs) { return xs | where trained(it) | count }
            fn count_trained_g(xs) { return xs | where trained_g(it) | count }
            """
        let pairs = [
            ("positions | map trained(plain(it))", "positions | map trained_g(plain(it))"),
            ("[org #0, person #1, org #2, person #3, null] | map label(plain(it))",
             "[org #0, person #1, org #2, person #3, null] | map label_g(plain(it))"),
            ("count_trained(plain(positions))", "count_trained_g(plain(positions))"),
            ("let s = positions | where .role == exec\ns | where trained(it) | map .id", "positions | where .role == exec and trained_g(it) | map .id"),
        ]
        for store in stores() {
            for (typed, plain) in pairs {
                let answer = runCSV(store, "\(functions)\n\(general)\n\(typed)")
                XCTAssertEqual(answer, runCSV(store, "\(functions)\n\(general)\n\(plain)"), typed)
                XCTAssertFalse(answer.contains("error"), answer)
            }
        }
        let (s, result) = session(Demo.county())
        XCTAssertEqual(s.run("\(functions)\n\(general)\npositions | map trained(plain(it)) | count\n[org #0, person #1, org #2] | map label(plain(it))", file: "<t>"), .ok, result().err)
        XCTAssertEqual(s.specializedBodies.filter { $0 != "plain" }, ["trained", "label", "label"],
                       "trained once for positions; label once for orgs and once for people")
    }

    func testAMistakeInATypedBodyIsReportedWhereItHappens() {
        let (s, result) = session(Demo.county())
        _ = s.run("fn late(o) {\n  o.nme\n}\nlate(org #0)", file: "<t>")
        XCTAssertTrue(result().err.contains("unknown field 'nme' of org"), result().err)
        XCTAssertTrue(result().err.contains("<t>:2:4"), result().err)
        XCTAssertTrue(result().err.contains("did you mean 'name'"), result().err)
    }
}

/// A definition keeps a copy of the scope it was compiled in, whose binding names it: the
/// binding is weak, so a session and its functions are freed together.
final class FunctionDefinitionLifetimeTests: XCTestCase {
    func testDefinitionsAreFreedWithTheirSession() {
        weak var definition: FunctionDefinition?
        weak var frozen: Scope?
        do {
            let session = Session(store: Demo.county(), options: SessionOptions(output: { _ in }, errorOutput: { _ in }))
            XCTAssertEqual(session.run("fn name_of(o) { o.name }\norgs | map name_of(it) | count", file: "<t>"), .ok)
            // A call typed at run time keeps its compiler: it must not keep the session's functions.
            XCTAssertEqual(session.run("fn plain(x) { let y = x; return y }\norgs | map name_of(plain(it)) | count", file: "<t>"), .ok)
            definition = session.globalScope.names["name_of"]?.definition
            frozen = definition?.scope
            XCTAssertNotNil(definition)
            XCTAssertNotNil(frozen)
        }
        XCTAssertNil(definition)
        XCTAssertNil(frozen)
    }
}
