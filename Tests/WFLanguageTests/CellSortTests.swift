import XCTest
import WFStore
import WFGenerator
@testable import WFLanguage

/// `sort` of a set by stored fields compares the cells (`Compiler.sortByCells`). Each answer must
/// be the general sort's: `| map it |` makes the set a list, which the general path sorts.
final class CellSortTests: XCTestCase {
    private let questions = [
        "people | sort .birth_year | take 12 | map .id",
        "people | sort .birth_year desc | take 12 | map .id",
        "people | sort .birth_year desc, .lives_in | map .id",
        // Nulls last either way; ties in row order.
        "orgs | sort .women | take 40 | map .id",
        "orgs | sort .women desc | take 40 | map .id",
        "orgs | sort .converted desc, .women | map .id",
        "orgs | where .level == village | sort .form, .founded desc, .parent | take 30 | map .id",
        "orgs | sort .level desc, .parent desc | take 50 | map .id",
        "homes | sort .rules desc, .opened | map .id",
        "positions | where .role == exec | sort .to desc, .from | take 20 | map .id",
        "orgs | where .level == township | sort .women | take 1000 | map .id",
        "orgs | sort .women | take 0 | map .id",
    ]

    func testSortingByCellsAgreesWithTheGeneralSort() {
        for (i, store) in DemoVariants.stores().enumerated() {
            for q in questions {
                let fast = runCSV(store, q, unixLines: true)
                XCTAssertEqual(fast, runCSV(store, q.replacingOccurrences(of: " | sort", with: " | map it | sort"), unixLines: true), "\(i): \(q)")
                if !q.contains("take 0") { XCTAssertGreaterThan(fast.split(separator: "\n").count, 3, q) }
            }
        }
    }
}
