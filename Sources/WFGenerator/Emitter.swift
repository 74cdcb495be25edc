import WFStore

/// Typed row appends over a `StoreBuilder`, one method per kind with its fields as labelled
/// arguments, so that the generator cannot put a cell in the wrong column.
///
/// Each kind has one scratch row that is filled and handed to the builder: a fresh `[Int32]`
/// literal per row would cost a heap allocation per row, and there are tens of millions of rows
/// at nation scale.
struct Emitter {
    var builder = StoreBuilder()
    private var orgRow = [Int32](repeating: nullCell, count: Kind.org.fields.count)
    private var personRow = [Int32](repeating: nullCell, count: Kind.person.fields.count)
    private var positionRow = [Int32](repeating: nullCell, count: Kind.position.fields.count)
    private var homeRow = [Int32](repeating: nullCell, count: Kind.home.fields.count)
    private var trainingRow = [Int32](repeating: nullCell, count: Kind.training.fields.count)
    private var contactRow = [Int32](repeating: nullCell, count: Kind.contact.fields.count)
    private var assignmentRow = [Int32](repeating: nullCell, count: Kind.assignment.fields.count)
    private var ledgerRow = [Int32](repeating: nullCell, count: Kind.ledger.fields.count)
    private var meetingRow = [Int32](repeating: nullCell, count: Kind.meeting.fields.count)
    private var pairRow = [Int32](repeating: nullCell, count: 2)
    private var presidiumRow = [Int32](repeating: nullCell, count: Kind.presidium.fields.count)
    private var turnRow = [Int32](repeating: nullCell, count: Kind.turn.fields.count)
    private var evaluationRow = [Int32](repeating: nullCell, count: Kind.evaluation.fields.count)
    private var commendationRow = [Int32](repeating: nullCell, count: Kind.commendation.fields.count)

    mutating func intern(_ text: String) -> Int32 { builder.intern(text) }

    func count(_ kind: Kind) -> Int { builder.count(kind) }

    mutating func org(name: Int32, level: Int32, unit: Int32, field: Int32, form: Int32, converted: Int32,
                      region: Int32, women: Int32, parent: Int32, cover: Int32, founded: Int32,
                      termStart: Int32, termEnd: Int32) -> Int32 {
        orgRow[Schema.Org.name.index] = name
        orgRow[Schema.Org.level.index] = level
        orgRow[Schema.Org.unit.index] = unit
        orgRow[Schema.Org.field.index] = field
        orgRow[Schema.Org.form.index] = form
        orgRow[Schema.Org.converted.index] = converted
        orgRow[Schema.Org.region.index] = region
        orgRow[Schema.Org.women.index] = women
        orgRow[Schema.Org.parent.index] = parent
        orgRow[Schema.Org.cover.index] = cover
        orgRow[Schema.Org.founded.index] = founded
        orgRow[Schema.Org.termStart.index] = termStart
        orgRow[Schema.Org.termEnd.index] = termEnd
        return builder.append(.org, orgRow)
    }

    mutating func person(name: Int32, birthYear: Int32, phone: Int32, idNumber: Int32, tags: Int32, livesIn: Int32) -> Int32 {
        personRow[Schema.Person.name.index] = name
        personRow[Schema.Person.birthYear.index] = birthYear
        personRow[Schema.Person.phone.index] = phone
        personRow[Schema.Person.idNumber.index] = idNumber
        personRow[Schema.Person.tags.index] = tags
        personRow[Schema.Person.livesIn.index] = livesIn
        return builder.append(.person, personRow)
    }

    @discardableResult
    mutating func position(person: Int32, org: Int32, role: Int32, from: Int32, to: Int32) -> Int32 {
        positionRow[Schema.Position.person.index] = person
        positionRow[Schema.Position.org.index] = org
        positionRow[Schema.Position.role.index] = role
        positionRow[Schema.Position.from.index] = from
        positionRow[Schema.Position.to.index] = to
        return builder.append(.position, positionRow)
    }

    mutating func home(name: Int32, org: Int32, type: Int32, host: Int32, demo: Int32, rules: Bool, opened: Int32) {
        homeRow[Schema.Home.name.index] = name
        homeRow[Schema.Home.org.index] = org
        homeRow[Schema.Home.type.index] = type
        homeRow[Schema.Home.host.index] = host
        homeRow[Schema.Home.demo.index] = demo
        homeRow[Schema.Home.rules.index] = rules ? 1 : 0
        homeRow[Schema.Home.opened.index] = opened
        builder.append(.home, homeRow)
    }

    mutating func training(person: Int32, date: Int32, topic: Int32, level: Int32, hours: Int32) {
        trainingRow[Schema.Training.person.index] = person
        trainingRow[Schema.Training.date.index] = date
        trainingRow[Schema.Training.topic.index] = topic
        trainingRow[Schema.Training.level.index] = level
        trainingRow[Schema.Training.hours.index] = hours
        builder.append(.training, trainingRow)
    }

    mutating func contact(name: Int32, birthYear: Int32, phone: Int32, org: Int32, category: Int32) -> Int32 {
        contactRow[Schema.Contact.name.index] = name
        contactRow[Schema.Contact.birthYear.index] = birthYear
        contactRow[Schema.Contact.phone.index] = phone
        contactRow[Schema.Contact.org.index] = org
        contactRow[Schema.Contact.category.index] = category
        return builder.append(.contact, contactRow)
    }

    mutating func assignment(person: Int32, org: Int32, quota: Int32, from: Int32) {
        assignmentRow[Schema.Assignment.person.index] = person
        assignmentRow[Schema.Assignment.org.index] = org
        assignmentRow[Schema.Assignment.quota.index] = quota
        assignmentRow[Schema.Assignment.from.index] = from
        builder.append(.assignment, assignmentRow)
    }

    mutating func ledger(person: Int32, contact: Int32, org: Int32, date: Int32, channel: Int32,
                         difficulty: Int32, measures: Int32, result: Int32) {
        ledgerRow[Schema.Ledger.person.index] = person
        ledgerRow[Schema.Ledger.contact.index] = contact
        ledgerRow[Schema.Ledger.org.index] = org
        ledgerRow[Schema.Ledger.date.index] = date
        ledgerRow[Schema.Ledger.channel.index] = channel
        ledgerRow[Schema.Ledger.difficulty.index] = difficulty
        ledgerRow[Schema.Ledger.measures.index] = measures
        ledgerRow[Schema.Ledger.result.index] = result
        builder.append(.ledger, ledgerRow)
    }

    mutating func meeting(org: Int32, date: Int32, kind: Int32, topic: Int32) -> Int32 {
        meetingRow[Schema.Meeting.org.index] = org
        meetingRow[Schema.Meeting.date.index] = date
        meetingRow[Schema.Meeting.kind.index] = kind
        meetingRow[Schema.Meeting.topic.index] = topic
        return builder.append(.meeting, meetingRow)
    }

    mutating func attendance(meeting: Int32, person: Int32) {
        pairRow[Schema.Attendance.meeting.index] = meeting
        pairRow[Schema.Attendance.person.index] = person
        builder.append(.attendance, pairRow)
    }

    mutating func presidium(org: Int32, person: Int32, since: Int32) {
        presidiumRow[Schema.Presidium.org.index] = org
        presidiumRow[Schema.Presidium.person.index] = person
        presidiumRow[Schema.Presidium.since.index] = since
        builder.append(.presidium, presidiumRow)
    }

    mutating func turn(org: Int32, person: Int32, from: Int32, to: Int32) {
        turnRow[Schema.Turn.org.index] = org
        turnRow[Schema.Turn.person.index] = person
        turnRow[Schema.Turn.from.index] = from
        turnRow[Schema.Turn.to.index] = to
        builder.append(.turn, turnRow)
    }

    mutating func evaluation(person: Int32, year: Int32, rating: Int32) {
        evaluationRow[Schema.Evaluation.person.index] = person
        evaluationRow[Schema.Evaluation.year.index] = year
        evaluationRow[Schema.Evaluation.rating.index] = rating
        builder.append(.evaluation, evaluationRow)
    }

    mutating func commendation(person: Int32, org: Int32, title: Int32, level: Int32, year: Int32) {
        commendationRow[Schema.Commendation.person.index] = person
        commendationRow[Schema.Commendation.org.index] = org
        commendationRow[Schema.Commendation.title.index] = title
        commendationRow[Schema.Commendation.level.index] = level
        commendationRow[Schema.Commendation.year.index] = year
        builder.append(.commendation, commendationRow)
    }
}
