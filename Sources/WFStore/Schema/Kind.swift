/// Every kind of record the store holds (docs/data-model.md). Each kind is one table of
/// `Int32` columns; rows are addressed by dense ids starting at 0. Many-to-many relations
/// (meeting attendance, presidium membership) are kinds of their own, so that every edge in the
/// graph is a reference column and every reverse edge is derived the same way.
public enum Kind: Int, CaseIterable, Sendable, Hashable {
    case org, person, position, home, training, contact, assignment, ledger
    case meeting, attendance, presidium, turn, evaluation, commendation

    /// Singular name, as used in scripts (`org`, `person`, …).
    public var name: String { Kind.names[rawValue] }
    /// Plural name of the set of all rows (`orgs`, `people`, …).
    public var plural: String { Kind.plurals[rawValue] }
    public var chinese: String { Kind.chineseNames[rawValue] }

    static let names = ["org", "person", "position", "home", "training", "contact", "assignment", "ledger",
                        "meeting", "attendance", "presidium", "turn", "evaluation", "commendation"]
    static let plurals = ["orgs", "people", "positions", "homes", "trainings", "contacts", "assignments", "ledgers",
                          "meetings", "attendances", "presidia", "turns", "evaluations", "commendations"]
    static let chineseNames = ["组织", "人员", "职务", "妇女之家", "培训", "联系对象", "联系分工", "工作台账",
                               "会议", "参会", "轮值主席团", "轮值", "考核", "表彰"]

    public init?(name: String) {
        if let i = Kind.names.firstIndex(of: name) ?? Kind.plurals.firstIndex(of: name) {
            self.init(rawValue: i)
        } else {
            return nil
        }
    }

    /// The kind's fields, in storage order. Appending is a format change (bump the snapshot version).
    public var fields: [Field] { Schema.fields[rawValue] }

    /// The field holding the row's display name, if the kind has one.
    public var nameField: Int? { fields.firstIndex { $0.name == "name" } }

    /// - Complexity: O(fields)
    public func fieldIndex(_ name: String) -> Int? { fields.firstIndex { $0.name == name } }

    public var doc: String { Schema.docs[rawValue] }
}

/// A field of a kind, by position: what hot code uses instead of a name.
public struct FieldID: Hashable, Sendable {
    public let kind: Kind
    public let index: Int
    public init(_ kind: Kind, _ index: Int) {
        self.kind = kind
        self.index = index
    }
    public var field: Field { kind.fields[index] }
}

/// The field lists. The nested enums give each field's storage index a name; a unit test checks
/// that every constant names the field at its index.
public enum Schema {
    public enum Org {
        public static let name = FieldID(.org, 0), level = FieldID(.org, 1), unit = FieldID(.org, 2)
        public static let field = FieldID(.org, 3), form = FieldID(.org, 4), converted = FieldID(.org, 5)
        public static let region = FieldID(.org, 6), women = FieldID(.org, 7), parent = FieldID(.org, 8)
        public static let cover = FieldID(.org, 9), founded = FieldID(.org, 10)
        public static let termStart = FieldID(.org, 11), termEnd = FieldID(.org, 12)
    }
    public enum Person {
        public static let name = FieldID(.person, 0), birthYear = FieldID(.person, 1)
        public static let phone = FieldID(.person, 2), idNumber = FieldID(.person, 3)
        public static let tags = FieldID(.person, 4), livesIn = FieldID(.person, 5)
    }
    public enum Position {
        public static let person = FieldID(.position, 0), org = FieldID(.position, 1), role = FieldID(.position, 2)
        public static let from = FieldID(.position, 3), to = FieldID(.position, 4)
    }
    public enum Home {
        public static let name = FieldID(.home, 0), org = FieldID(.home, 1), type = FieldID(.home, 2)
        public static let host = FieldID(.home, 3), demo = FieldID(.home, 4), rules = FieldID(.home, 5)
        public static let opened = FieldID(.home, 6)
    }
    public enum Training {
        public static let person = FieldID(.training, 0), date = FieldID(.training, 1)
        public static let topic = FieldID(.training, 2), level = FieldID(.training, 3), hours = FieldID(.training, 4)
    }
    public enum Contact {
        public static let name = FieldID(.contact, 0), birthYear = FieldID(.contact, 1)
        public static let phone = FieldID(.contact, 2), org = FieldID(.contact, 3), category = FieldID(.contact, 4)
    }
    public enum Assignment {
        public static let person = FieldID(.assignment, 0), org = FieldID(.assignment, 1)
        public static let quota = FieldID(.assignment, 2), from = FieldID(.assignment, 3)
    }
    public enum Ledger {
        public static let person = FieldID(.ledger, 0), contact = FieldID(.ledger, 1), org = FieldID(.ledger, 2)
        public static let date = FieldID(.ledger, 3), channel = FieldID(.ledger, 4), difficulty = FieldID(.ledger, 5)
        public static let measures = FieldID(.ledger, 6), result = FieldID(.ledger, 7)
    }
    public enum Meeting {
        public static let org = FieldID(.meeting, 0), date = FieldID(.meeting, 1)
        public static let kind = FieldID(.meeting, 2), topic = FieldID(.meeting, 3)
    }
    public enum Attendance {
        public static let meeting = FieldID(.attendance, 0), person = FieldID(.attendance, 1)
    }
    public enum Presidium {
        public static let org = FieldID(.presidium, 0), person = FieldID(.presidium, 1), since = FieldID(.presidium, 2)
    }
    public enum Turn {
        public static let org = FieldID(.turn, 0), person = FieldID(.turn, 1)
        public static let from = FieldID(.turn, 2), to = FieldID(.turn, 3)
    }
    public enum Evaluation {
        public static let person = FieldID(.evaluation, 0), year = FieldID(.evaluation, 1), rating = FieldID(.evaluation, 2)
    }
    public enum Commendation {
        public static let person = FieldID(.commendation, 0), org = FieldID(.commendation, 1)
        public static let title = FieldID(.commendation, 2), level = FieldID(.commendation, 3), year = FieldID(.commendation, 4)
    }

    static let fields: [[Field]] = [
        // org
        [
            Field("name", .string, "Full name, e.g. 城关镇妇联."),
            Field("level", .enumeration(Vocab.level), "Place in the vertical hierarchy."),
            Field("unit", .enumeration(Vocab.unit), "Kind of place or body (town, street, village, grid, enterprise, …)."),
            Field("field", .enumeration(Vocab.field), "Regional, horizontal (§2), new-field (§3) or online."),
            Field("form", .enumeration(Vocab.form), "Federation, congress (before 会改联), women's group."),
            Field("converted", .date, "Date a congress became a federation (§1)."),
            Field("region", .string, "12-digit administrative region code."),
            Field("women", .int, "Women population of the area."),
            Field("parent", .ref(.org), reverse: "children", "Vertical parent."),
            Field("cover", .ref(.org), reverse: "covered", "Township federation covering it horizontally (§2)."),
            Field("founded", .date, "Date the body was set up."),
            Field("term_start", .date, "Start of the current term."),
            Field("term_end", .date, "End of the current term."),
        ],
        // person
        [
            Field("name", .string, "Full name."),
            Field("birth_year", .int, "Year of birth."),
            Field("phone", .personal, "Mobile number (personal data, masked)."),
            Field("id_number", .personal, "Resident ID number (personal data, masked)."),
            Field("tags", .tags(Vocab.personTag), "Background (§4): grid worker, building head, …"),
            Field("lives_in", .ref(.org), reverse: "residents", "Organisation of the area she lives in."),
        ],
        // position
        [
            Field("person", .ref(.person), reverse: "positions", "Holder."),
            Field("org", .ref(.org), reverse: "positions", "Organisation."),
            Field("role", .enumeration(Vocab.role), "Chair, vice chair, exec, …"),
            Field("from", .date, "Start of the term."),
            Field("to", .date, "End of the term (or the day it was ended)."),
        ],
        // home
        [
            Field("name", .string, "Name of the home."),
            Field("org", .ref(.org), reverse: "homes", "Owning federation."),
            Field("type", .enumeration(Vocab.homeType), "Offline, online or micro-home (§6–§8)."),
            Field("host", .enumeration(Vocab.host), "Host site or platform."),
            Field("demo", .enumeration(Vocab.demoLevel), "Demonstration rating (§7)."),
            Field("rules", .bool, "Has activity and management rules."),
            Field("opened", .date, "Opening date."),
        ],
        // training
        [
            Field("person", .ref(.person), reverse: "trainings", "Trainee."),
            Field("date", .date, "Date."),
            Field("topic", .string, "Topic."),
            Field("level", .enumeration(Vocab.level), "Level that organised it."),
            Field("hours", .int, "Length in hours."),
        ],
        // contact
        [
            Field("name", .string, "Name of the woman reached."),
            Field("birth_year", .int, "Year of birth."),
            Field("phone", .personal, "Phone (personal data, masked)."),
            Field("org", .ref(.org), reverse: "contacts", "Village, community or group she lives in."),
            Field("category", .enumeration(Vocab.category), "Why she is followed (§11)."),
        ],
        // assignment
        [
            Field("person", .ref(.person), reverse: "assignments", "Exec."),
            Field("org", .ref(.org), reverse: "assignments", "Area (village, grid, building)."),
            Field("quota", .int, "Number of women she is to keep in touch with."),
            Field("from", .date, "Since."),
        ],
        // ledger
        [
            Field("person", .ref(.person), reverse: "ledger", "Exec who kept the entry."),
            Field("contact", .ref(.contact), reverse: "visits", "Woman reached."),
            Field("org", .ref(.org), reverse: "ledger", "Area of the contact."),
            Field("date", .date, "Date of contact."),
            Field("channel", .enumeration(Vocab.channel), "Visit, phone, WeChat, …"),
            Field("difficulty", .enumeration(Vocab.category), "Difficulty recorded."),
            Field("measures", .string, "Measures taken."),
            Field("result", .enumeration(Vocab.result), "Result."),
        ],
        // meeting
        [
            Field("org", .ref(.org), reverse: "meetings", "Organisation that met."),
            Field("date", .date, "Date."),
            Field("kind", .enumeration(Vocab.meetingKind), "Exec meeting (§9), rotating-chair meeting (§10), …"),
            Field("topic", .string, "Topic."),
        ],
        // attendance
        [
            Field("meeting", .ref(.meeting), reverse: "attendance", "Meeting."),
            Field("person", .ref(.person), reverse: "attended", "Attendee."),
        ],
        // presidium
        [
            Field("org", .ref(.org), reverse: "presidium", "Township or street federation."),
            Field("person", .ref(.person), reverse: "presidia", "Member of the rotating presidium (§10)."),
            Field("since", .date, "Member since."),
        ],
        // turn
        [
            Field("org", .ref(.org), reverse: "turns", "Township or street federation."),
            Field("person", .ref(.person), reverse: "turns", "Rotating chair."),
            Field("from", .date, "Start of the turn."),
            Field("to", .date, "End of the turn."),
        ],
        // evaluation
        [
            Field("person", .ref(.person), reverse: "evaluations", "Person evaluated."),
            Field("year", .int, "Year."),
            Field("rating", .enumeration(Vocab.rating), "Rating (§15)."),
        ],
        // commendation
        [
            Field("person", .ref(.person), reverse: "commendations", "Person commended (null for a collective)."),
            Field("org", .ref(.org), reverse: "commendations", "Collective commended, or the person's unit."),
            Field("title", .string, "Title, e.g. 三八红旗手."),
            Field("level", .enumeration(Vocab.honourLevel), "Level that awarded it."),
            Field("year", .int, "Year."),
        ],
    ]

    static let docs = [
        "An organisation: a federation, congress, women's group, or horizontal/new-field/online body.",
        "A person: office-holder or member.",
        "A position held by a person in an organisation for a term.",
        "A women's home (妇女之家): offline, online or micro.",
        "A training a person attended (§14).",
        "A woman an exec keeps in touch with (§11).",
        "An exec's contact assignment: an area and a quota of women (§11).",
        "A ledger (台账) entry: one contact with a woman (§11).",
        "A meeting of a federation (§9, §10).",
        "A person's attendance at a meeting.",
        "Membership of a township rotating presidium (§10).",
        "A rotating-chair turn served (§10).",
        "A yearly evaluation (§15).",
        "A commendation (§15).",
    ]
}
