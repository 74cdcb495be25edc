import ArgumentParser
import WFStore
import WFSnapshot

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what was added, removed and changed between two snapshots (the monthly report)."
    )

    @Argument(help: ArgumentHelp("The older snapshot.", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("The newer snapshot.", valueName: "new"))
    var new: String

    @Option(help: "Show at most this many rows per section; 0 for counts only.")
    var limit: Int = 50

    func run() throws {
        guard limit >= 0 else { throw Failure.usage("--limit must be 0 or more") }
        let a = try Network.open(old), b = try Network.open(new)
        let diff = StoreDiff(from: a, to: b)
        print(DiffText.render(diff, limit: limit))
    }
}

enum DiffText {
    static func render(_ diff: StoreDiff, limit: Int) -> String {
        if diff.isEmpty { return "no differences" }
        var lines = ["kind            added  removed  changed"]
        for s in diff.summary where s.added + s.removed + s.changed > 0 {
            lines.append(s.kind.plural.padding(to: 14) + String(s.added).leftPadded(to: 7)
                         + String(s.removed).leftPadded(to: 9) + String(s.changed).leftPadded(to: 9))
        }
        func section(_ title: String, _ changes: [StoreDiff.Change], _ line: (StoreDiff.Change) -> String) {
            guard limit > 0, !changes.isEmpty else { return }
            lines.append("")
            lines.append("\(title) (\(changes.count)):")
            for c in changes.prefix(limit) { lines.append("  " + line(c)) }
            if changes.count > limit { lines.append("  … \(changes.count - limit) more") }
        }
        section("added", diff.added) { "+ \($0.kind.name) #\($0.row) \($0.name)" }
        section("removed", diff.removed) { "- \($0.kind.name) #\($0.row) \($0.name)" }
        section("changed", diff.changed) { c in
            "~ \(c.kind.name) #\(c.row) \(c.name): " + c.fields.map { "\($0.field) \($0.old.isEmpty ? "null" : $0.old) → \($0.new.isEmpty ? "null" : $0.new)" }.joined(separator: ", ")
        }
        return lines.joined(separator: "\n")
    }
}
