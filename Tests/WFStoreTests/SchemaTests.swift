import XCTest
@testable import WFStore

final class SchemaTests: XCTestCase {
    /// The named field constants must point at the fields they are named after.
    func testFieldConstantsNameTheirFields() {
        let expected: [(FieldID, String)] = [
            (Schema.Org.name, "name"), (Schema.Org.level, "level"), (Schema.Org.unit, "unit"), (Schema.Org.field, "field"),
            (Schema.Org.form, "form"), (Schema.Org.converted, "converted"), (Schema.Org.region, "region"),
            (Schema.Org.women, "women"), (Schema.Org.parent, "parent"), (Schema.Org.cover, "cover"),
            (Schema.Org.founded, "founded"), (Schema.Org.termStart, "term_start"), (Schema.Org.termEnd, "term_end"),
            (Schema.Person.name, "name"), (Schema.Person.birthYear, "birth_year"), (Schema.Person.phone, "phone"),
            (Schema.Person.idNumber, "id_number"), (Schema.Person.tags, "tags"), (Schema.Person.livesIn, "lives_in"),
            (Schema.Position.person, "person"), (Schema.Position.org, "org"), (Schema.Position.role, "role"),
            (Schema.Position.from, "from"), (Schema.Position.to, "to"),
            (Schema.Home.name, "name"), (Schema.Home.org, "org"), (Schema.Home.type, "type"), (Schema.Home.host, "host"),
            (Schema.Home.demo, "demo"), (Schema.Home.rules, "rules"), (Schema.Home.opened, "opened"),
            (Schema.Training.person, "person"), (Schema.Training.date, "date"), (Schema.Training.topic, "topic"),
            (Schema.Training.level, "level"), (Schema.Training.hours, "hours"),
            (Schema.Contact.name, "name"), (Schema.Contact.birthYear, "birth_year"), (Schema.Contact.phone, "phone"),
            (Schema.Contact.org, "org"), (Schema.Contact.category, "category"),
            (Schema.Assignment.person, "person"), (Schema.Assignment.org, "org"), (Schema.Assignment.quota, "quota"),
            (Schema.Assignment.from, "from"),
            (Schema.Ledger.person, "person"), (Schema.Ledger.contact, "contact"), (Schema.Ledger.org, "org"),
            (Schema.Ledger.date, "date"), (Schema.Ledger.channel, "channel"), (Schema.Ledger.difficulty, "difficulty"),
            (Schema.Ledger.measures, "measures"), (Schema.Ledger.result, "result"),
            (Schema.Meeting.org, "org"), (Schema.Meeting.date, "date"), (Schema.Meeting.kind, "kind"), (Schema.Meeting.topic, "topic"),
            (Schema.Attendance.meeting, "meeting"), (Schema.Attendance.person, "person"),
            (Schema.Presidium.org, "org"), (Schema.Presidium.person, "person"), (Schema.Presidium.since, "since"),
            (Schema.Turn.org, "org"), (Schema.Turn.person, "person"), (Schema.Turn.from, "from"), (Schema.Turn.to, "to"),
            (Schema.Evaluation.person, "person"), (Schema.Evaluation.year, "year"), (Schema.Evaluation.rating, "rating"),
            (Schema.Commendation.person, "person"), (Schema.Commendation.org, "org"), (Schema.Commendation.title, "title"),
            (Schema.Commendation.level, "level"), (Schema.Commendation.year, "year"),
        ]
        for (id, name) in expected { XCTAssertEqual(id.field.name, name, "\(id.kind.name) field \(id.index)") }
        let total = Kind.allCases.reduce(0) { $0 + $1.fields.count }
        XCTAssertEqual(expected.count, total, "every field has a named constant")
    }

    func testKindNamesRoundTrip() {
        for k in Kind.allCases {
            XCTAssertEqual(Kind(name: k.name), k)
            XCTAssertEqual(Kind(name: k.plural), k)
        }
        XCTAssertNil(Kind(name: "orgz"))
    }

    func testReverseEdgeNamesAreUniquePerKind() {
        for k in Kind.allCases {
            let names = Store.reverseEdges(into: k).map(\.name) + k.fields.map(\.name)
            // A reverse edge may share a name only when it comes from a different kind's field
            // (org.positions vs person.positions live on different kinds), never on the same kind.
            XCTAssertEqual(Set(names).count, names.count, "duplicate member names on \(k.name): \(names)")
        }
    }

    func testEnumCodesResolveBothWays() {
        XCTAssertEqual(Vocab.form.code(of: "congress"), 1)
        XCTAssertEqual(Vocab.form.code(of: "妇代会"), 1)
        XCTAssertEqual(Vocab.form.label(1), "congress")
        XCTAssertNil(Vocab.form.label(99))
        XCTAssertNil(Vocab.form.code(of: "congres"))
    }
}
