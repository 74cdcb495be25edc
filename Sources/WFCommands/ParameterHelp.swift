import WFLanguage

/// `wf SCRIPT.wf --help`: the script's own description (its leading comment) and parameters.
enum ParameterHelp {
    static func render(script: String, source: String, parameters: [ParameterInfo]) -> String {
        var lines: [String] = []
        // The script's description: its first comment lines.
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let t = line.drop { $0 == " " }
            if t.hasPrefix("#!") || t.isEmpty && lines.isEmpty { continue }
            guard t.hasPrefix("#") || t.hasPrefix("//") else { break }
            lines.append(String(t.drop { $0 == "#" || $0 == "/" }.drop { $0 == " " }))
        }
        if !lines.isEmpty { lines.append("") }
        let usage = parameters.map { "[--\($0.name) \($0.type.uppercased())]" }.joined(separator: " ")
        lines.append("USAGE: wf \(script) \(usage) [--format table|csv|json|md] [--snapshot FILE]")
        lines.append("")
        if parameters.isEmpty {
            lines.append("This script takes no parameters.")
        } else {
            lines.append("PARAMETERS:")
            let heads = parameters.map { "  --\($0.name) <\($0.type)>" }
            let width = (heads.map(\.count).max() ?? 0) + 2
            for (p, head) in zip(parameters, heads) {
                var text = head + String(repeating: " ", count: width - head.count) + p.doc
                if let d = p.defaultText { text += " (default: \(d))" }
                lines.append(text)
            }
        }
        return lines.joined(separator: "\n")
    }
}
