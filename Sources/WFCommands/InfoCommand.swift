import ArgumentParser
import WFStore
import WFSnapshot

struct Info: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what a snapshot holds, after checking every byte of it."
    )

    @Argument(help: ArgumentHelp("Snapshot file.", valueName: "file"))
    var file: String

    func run() throws {
        let info: SnapshotInfo
        do {
            info = try Snapshot.info(file)
            _ = try Snapshot.load(file)  // verifies every checksum and reference
        } catch let e as SnapshotError {
            throw Failure.runtime(e.description)
        }
        print(InfoText.render(info))
    }
}

enum InfoText {
    static func render(_ info: SnapshotInfo) -> String {
        let m = info.meta
        var lines = [
            "file:     \(info.path)",
            "format:   wf snapshot version \(info.version), \(info.sectionCount) sections, \(bytes(info.fileLength))",
            "network:  \(m.name)",
        ]
        if !m.scale.isEmpty { lines.append("scale:    \(m.scale)") }
        if let seed = m.seed { lines.append("seed:     \(seed)") }
        if !m.origin.isEmpty { lines.append("origin:   \(m.origin)") }
        if let d = m.asOf { lines.append("as of:    \(d.iso)") }
        if let t = m.savedAt { lines.append("saved:    \(timestamp(t))") }
        lines.append("records:")
        let width = info.counts.map { $0.kind.plural.count }.max() ?? 0
        for (kind, rows) in info.counts {
            let name = kind.plural.padding(to: width)
            lines.append("  \(name)  \(String(rows).leftPadded(to: 12))  \(kind.chinese)")
        }
        return lines.joined(separator: "\n")
    }

    static func bytes(_ n: UInt64) -> String {
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB"]
        var v = Double(n)
        var u = 0
        while v >= 1024 && u < units.count - 1 { v /= 1024; u += 1 }
        return u == 0 ? "\(n) bytes" : String(Int((v * 10).rounded())) .insertingDecimal() + " " + units[u]
    }

    /// UTC `YYYY-MM-DD HH:MM:SS`, computed by hand to stay free of locale and time zone.
    static func timestamp(_ seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        let day = Day(raw: Int32(clamping: days)).iso
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(day) \(two(rest / 3600)):\(two(rest % 3600 / 60)):\(two(rest % 60)) UTC"
    }
}

extension String {
    func padding(to width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
    /// "123" → "12.3": one decimal place from a value scaled by ten.
    func insertingDecimal() -> String {
        let s = count < 2 ? String(repeating: "0", count: 2 - count) + self : self
        return String(s.dropLast()) + "." + String(s.suffix(1))
    }
}
