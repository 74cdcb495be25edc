import WFStore

/// A change refused because it breaks one of the domain's rules (domain.md) or the data model.
///
/// A value, not a crash: every mutation in `Domain` validates before it writes, so a thrown
/// violation leaves the store exactly as it was.
public struct RuleViolation: Error, Equatable, CustomStringConvertible {
    /// Short name of the rule, e.g. "one chair per federation and term".
    public let rule: String
    /// Where the opinion (or the data model) sets the rule, e.g. "§4".
    public let section: String
    /// What is wrong with this change, naming the records involved.
    public let message: String
    /// How to proceed, when there is an obvious next step.
    public let hint: String?

    public init(rule: String, section: String, _ message: String, hint: String? = nil) {
        self.rule = rule
        self.section = section
        self.message = message
        self.hint = hint
    }

    /// One line: the message, then the rule and its section.
    public var description: String { "\(message) (rule: \(rule), \(section))" }
}

/// Names of the rules, in one place so that messages and documentation agree.
enum Rule {
    static let oneChair = ("one chair per federation and term", "§4")
    static let oneDirector = ("one director per congress and term", "§1")
    static let congressDirector = ("a congress has a director, not a chair", "§1")
    static let federationRoles = ("a federation has a chair, vice chairs and execs, not a director", "§1")
    static let groupRoles = ("a women's group has a group leader", "§1")
    static let liveOrg = ("positions only in existing organisations", "§4–§5")
    static let liveTarget = ("references point at existing records", "data model")
    static let termOrder = ("a term ends after it starts", "§4")
    static let groupParent = ("a women's group's parent is a village or community", "§1")
    static let levelOrder = ("a parent sits above its child", "§1–§2")
    static let noCycle = ("no cycles in the hierarchy", "§1–§2")
    static let convertCongress = ("only a congress converts to a federation", "§1")
    static let coverTownship = ("horizontal cover is by a township federation", "§2")
    static let deleteOrg = ("an organisation with children or office-holders stays", "§1–§5")
    static let deletePerson = ("a person holding a position stays", "§4–§5")
    static let saneDate = ("dates lie between 1900 and 2100", "data model")
    static let saneNumber = ("numbers lie in their range", "data model")
    static let enumValue = ("values come from the field's list", "data model")
    static let fieldType = ("values have the field's type", "data model")
    static let unknownField = ("fields exist on their kind", "data model")
    static let nameRequired = ("organisations, people and homes have a name", "data model")
    static let turnMember = ("a rotating chair comes from the presidium", "§10")
    static let presidiumTownship = ("rotating presidia are at township and street level", "§10")
    static let oneEvaluation = ("one evaluation per person and year", "§15")
    static let endAfterStart = ("a position ends on or after its start", "§4")
    static let commendWho = ("a commendation names a person or a collective", "§15")

    static func violation(_ rule: (String, String), _ message: String, hint: String? = nil) -> RuleViolation {
        RuleViolation(rule: rule.0, section: rule.1, message, hint: hint)
    }
}
