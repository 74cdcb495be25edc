import XCTest
import WFStore
import WFGenerator
@testable import WFLanguage

/// `select … | where … | sort … | take N` builds records only for the N kept
/// (`Compiler+SelectTop.swift`). Each answer must equal the general path's: `| skip 0 |` before
/// the sort keeps the stages apart without changing the list.
final class SelectTopTests: XCTestCase {
    private let questions = [
        "orgs | select .id, .name, w: .women | sort .w desc, .id | take 7",
        "orgs | select .id, w: .women, kids: (.children | count) | sort .kids, .w desc | take 12",
        // Ties and nulls: many organisations have no women counted, or the same count.
        "orgs | select .id, w: .women | sort .w | take 30",
        "orgs | select .id, w: .women | sort .w desc | take 30",
        "people | select .id, y: .birth_year, n: .name | sort .y desc, .n | take 25",
        // The same name twice: the first is the sort key, as a record's field is read.
        "orgs | select .id, w: .women, w: .id | sort .w | take 5",
        // More than there are, and none.
        "orgs | where .level == county | select .id, .name | sort .name | take 1000",
        "orgs | select .id | sort .id desc | take 0",
        // A list of values rather than a set.
        "[3, 1, 2, 1] | select v: it, d: it * 2 | sort .d desc, .v | take 3",
        // Filters on the select's fields between it and the sort; `.name` read for the kept only.
        """
        orgs | where .level == township | select .id, .name, n: (.children | where .level == village and .form == congress | count)
             | where .n > 0 | sort .n desc, .id | take 10
        """,
        "orgs | select .id, .name, .level, w: .women | where .w > 100 | where .level != group | sort .w desc | take 5",
        "people | select .name, y: .birth_year, .id | where .y >= 1970 and .y < 1980 | sort .name | take 8",
        "let lim = 200\norgs | select .id, w: .women, .name | where .w > lim or .w == null | sort .w, .id | take 9",
        "orgs | select .id, p: .parent, .name | where .p.level == township | sort .id desc | take 4",
        "orgs | select .id, .name | where .id > 1000 | sort .id | take 3",
        "[3, 1, 2, 1] | select v: it, d: it * 2 | where .v != 2 | sort .d desc, .v | take 3",
        // Inside a function: the filter's slots are the function's, a parameter is read in it.
        "fn top(lim, n) { return orgs | select .id, w: .women, .name | where .w > lim | sort .w desc, .id | take 3 }\n[top(100, 1), top(300, 2)]",
    ]

    private func store() -> Store {
        var s = Demo.county()
        s.setCell(Schema.Org.women, 3, nullCell)
        s.setCell(Schema.Org.women, 8, nullCell)
        s.delete(.org, 20)
        return s
    }

    func testSelectTopAgreesWithTheGeneralPath() {
        for s in [Demo.county(), store()] {
            for q in questions {
                let general = q.replacingOccurrences(of: " | sort", with: " | skip 0 | sort")
                let fast = runCSV(s, q, unixLines: true)
                XCTAssertEqual(fast, runCSV(s, general, unixLines: true), q)
                if !q.hasSuffix("take 0") { XCTAssertGreaterThan(fast.split(separator: "\n").count, 1, q) }
            }
        }
    }

    /// A field is read after the loop only when nothing in the select can write: here `touch`
    /// changes `.women` after each item's own field was read.
    func testAFieldIsReadInTheLoopWhenTheSelectWrites() {
        let source = """
            fn touch(o) { set o.women = 1; return 0 }
            orgs | where .women > 1 | select .id, .women, t: touch(it) | where .t == 0 | sort .id | take 4
            """
        let fast = runCSV(Demo.county(), source, unixLines: true)
        XCTAssertEqual(fast, runCSV(Demo.county(), source.replacingOccurrences(of: " | sort", with: " | skip 0 | sort"), unixLines: true))
        XCTAssertFalse(fast.contains(",1,"), fast)
    }

    /// What a session prints to standard output and to standard error for `source`.
    private func outputs(_ source: String) -> (out: String, err: String) {
        let (out, err, _) = runSession(Demo.county(), source, name: "<t>")
        return (out, err)
    }

    func testAnErrorInAFilterIsStillRaised() {
        let (out, err) = outputs("orgs | select .id, w: .women\n  | where .w / 0 > 1 | sort .id | take 3")
        XCTAssertTrue(err.contains("<t>:2:"), err)
        XCTAssertEqual(out, "")
    }

    /// `select … | take N` and `map … | take N` run the select for the first N items only: the
    /// same rows as selecting all and taking N (`| skip 0 |` keeps the stages apart), on a set,
    /// a set with a deleted row, a list, and more than there are.
    func testTakeAfterASelectSelectsTheFirstOnly() {
        let pushed = [
            "orgs | select .id, .name, kids: (.children | count) | take 6",
            "people | select .id, y: .birth_year | take 4",
            "orgs | map .women | take 9",
            "[5, 6, 7] | map it * 2 | take 2",
            "orgs | where .level == county | select .id, .name | take 1000",
            "orgs | select .id | take 0",
        ]
        for s in [Demo.county(), store()] {
            for q in pushed {
                let general = q.replacingOccurrences(of: " | take", with: " | skip 0 | take")
                XCTAssertEqual(runCSV(s, q, unixLines: true), runCSV(s, general, unixLines: true), q)
            }
            // Every row of a kind, cut without listing them all, skips a deleted row.
            XCTAssertEqual(runCSV(s, "orgs | take 25 | map .id", unixLines: true), runCSV(s, "orgs | skip 0 | take 25 | map .id", unixLines: true))
        }
        XCTAssertTrue(runCSV(store(), "orgs | take 25 | map .id", unixLines: true).split(separator: "\n").contains("21"))
        XCTAssertFalse(runCSV(store(), "orgs | take 25 | map .id", unixLines: true).split(separator: "\n").contains("20"))
        // An item past N is not selected: its error is not raised, and its change is not made.
        let (out, err) = outputs("orgs | select .id, bad: (if .id < 3 { .id } else { .women / 0 }) | take 3")
        XCTAssertEqual(err, "")
        XCTAssertTrue(out.contains("2"), out)
        let changed = outputs("""
            fn touch(o) { set o.women = 7; return o.id }
            let ids = orgs | select t: touch(it) | take 2
            orgs | where .women == 7 | count
            """)
        XCTAssertEqual(changed.err, "")
        XCTAssertEqual(changed.out.trimmingCharacters(in: .whitespacesAndNewlines), "2")
        // A bad input is still the select's (or the map's) to report.
        for (q, stage) in [("5 | map it | take 1", "'map'"), ("5 | select v: it | take 1", "'select'")] {
            let bad = outputs(q)
            XCTAssertTrue(bad.err.contains("\(stage) needs a list or a set"), bad.err)
            XCTAssertTrue(bad.err.contains("<t>:1:5"), bad.err)
        }
    }

    /// `first` and `last` of every row of a kind find the row without listing them all: a
    /// deleted first or last row is passed over, as the list of the set's items does.
    func testFirstAndLastOfASetSkipDeletedRows() {
        var s = Demo.county()
        let n = s.count(.org)
        s.delete(.org, 0)
        s.delete(.org, Int32(n - 1))
        s.delete(.org, Int32(n - 2))
        for store in [Demo.county(), s] {
            for q in ["(orgs | first).id", "(orgs | last).id", "(people | last).id",
                      "(orgs | where .level == village | first).id", "(orgs | where .level == village | last).id",
                      "orgs | where .women > 100000000 | first"] {
                let general = q.replacingOccurrences(of: " | first", with: " | map it | first").replacingOccurrences(of: " | last", with: " | map it | last")
                XCTAssertEqual(runCSV(store, q, unixLines: true), runCSV(store, general, unixLines: true), q)
            }
        }
        XCTAssertEqual(runCSV(s, "(orgs | first).id", unixLines: true).trimmingCharacters(in: .whitespacesAndNewlines), "1")
        XCTAssertEqual(runCSV(s, "(orgs | last).id", unixLines: true).trimmingCharacters(in: .whitespacesAndNewlines), "\(n - 3)")
    }

    func testAnErrorInASelectIsStillRaised() {
        let (out, err) = outputs("orgs | select .id, bad: (.women / 0) | sort .id | take 3")
        XCTAssertTrue(err.contains("<t>:1:"), err)
        XCTAssertEqual(out, "")
    }
}
