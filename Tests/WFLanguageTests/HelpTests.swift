import XCTest
import WFStore
@testable import WFLanguage

/// `:help` must have a page for every topic it advertises, every kind and every built-in.
final class HelpTests: XCTestCase {
    func testEveryAdvertisedTopicHasAPage() {
        let overview = Help.text(nil)
        // Topic names are the first word of each indented line under "topics".
        guard let start = overview.range(of: "topics (:help TOPIC):") else { return XCTFail(overview) }
        let words = overview[start.upperBound...].split(separator: "\n").flatMap { line in
            line.split(separator: " ", omittingEmptySubsequences: true).enumerated()
                .filter { $0.offset == 0 || line.contains("  \($0.element)  ") }.map { String($0.element) }
        }
        let topics = words.filter { $0.allSatisfy { $0.isLetter } && $0.count > 2 && $0 != "the" }
        XCTAssertGreaterThan(topics.count, 10)
        for topic in topics {
            XCTAssertFalse(Help.text(topic).hasPrefix("no help on"), topic)
        }
    }

    func testKindsFunctionsAndMisspellings() {
        for kind in Kind.allCases {
            let page = Help.text(kind.plural)
            XCTAssertTrue(page.hasPrefix("\(kind.name) (\(kind.chinese))"), page)
            for field in kind.fields { XCTAssertTrue(page.contains("." + field.name), "\(kind.name).\(field.name)") }
        }
        XCTAssertTrue(Help.text("count").contains("count("))
        XCTAssertEqual(Help.text("mutatoins"), "no help on 'mutatoins'; did you mean 'mutations'? (:help lists the topics)\n")
        XCTAssertTrue(Help.schema(nil).contains("presidia"))
    }
}
