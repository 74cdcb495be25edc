/// A node of a tree to draw (an organisation subtree).
public struct TreeNode: Equatable, Sendable {
    public var label: String
    public var children: [TreeNode]
    public init(_ label: String, _ children: [TreeNode] = []) {
        self.label = label
        self.children = children
    }
}

/// Draws trees for the terminal and for Graphviz. Both walk the tree with an explicit stack, not
/// recursion, so a hierarchy thousands of levels deep (a corrupt or hostile one) cannot overflow
/// the call stack.
public enum TreeRender {
    /// Box-drawing tree (├── └──), one node a line:
    ///
    ///     平安县妇联
    ///     ├── 城关镇妇联
    ///     │   └── 东风村妇联
    ///     └── 河口镇妇联
    ///
    /// Labels are made one-line (`OneLine`: line breaks show as "↵").
    /// - Complexity: O(nodes × depth) characters of output, as the prefixes repeat per line.
    public static func text(_ root: TreeNode) -> String {
        var out = OneLine.text(root.label) + "\n"
        // Each entry: a node to print and the prefix drawn before its connector.
        var stack: [(node: TreeNode, prefix: String, isLast: Bool)] = []
        for (index, child) in root.children.enumerated().reversed() {
            stack.append((child, "", index == root.children.count - 1))
        }
        while let (node, prefix, isLast) = stack.popLast() {
            out += prefix
            out += isLast ? "└── " : "├── "
            out += OneLine.text(node.label)
            out += "\n"
            let childPrefix = prefix + (isLast ? "    " : "│   ")
            for (index, child) in node.children.enumerated().reversed() {
                stack.append((child, childPrefix, index == node.children.count - 1))
            }
        }
        return out
    }

    /// Graphviz DOT digraph of the tree. Node ids are `n0`, `n1`, … in pre-order (parents before
    /// children, siblings in order), so the same tree always gives the same text and diffs well.
    /// Labels and the graph name are quoted DOT strings with `"` and `\` escaped and line breaks
    /// as `\n`.
    /// - Complexity: O(nodes + total label length).
    public static func dot(_ root: TreeNode, name: String = "wf") -> String {
        var nodes = ""
        var edges = ""
        var nextID = 0
        // Each entry: a node and the id of its parent (nil for the root).
        var stack: [(node: TreeNode, parent: Int?)] = [(root, nil)]
        while let (node, parent) = stack.popLast() {
            let id = nextID
            nextID += 1
            nodes += "  n\(id) [label=\(quoted(node.label))];\n"
            if let parent { edges += "  n\(parent) -> n\(id);\n" }
            for child in node.children.reversed() { stack.append((child, id)) }
        }
        return "digraph \(quoted(name)) {\n  node [shape=box];\n" + nodes + edges + "}\n"
    }

    /// A DOT double-quoted string. In labels `\` starts an escape (`\n`, `\l`, `\N`…), so a
    /// literal backslash is doubled.
    static func quoted(_ text: String) -> String {
        var out = "\""
        Escaping.rewrite(text, into: &out, lineBreak: "\\n") { scalar in
            switch scalar {
            case "\"": return "\\\""
            case "\\": return "\\\\"
            default: return scalar.value < 0x20 || scalar.value == 0x7F ? "" : nil
            }
        }
        return out + "\""
    }
}
