import XCTest
@testable import WFRender

final class TreeTests: XCTestCase {
    private let county = TreeNode("平安县妇联", [
        TreeNode("城关镇妇联", [TreeNode("东风村妇联"), TreeNode("西街社区妇联", [TreeNode("一组")])]),
        TreeNode("河口镇妇联", [TreeNode("河口村妇代会")]),
    ])

    func testText() {
        XCTAssertEqual(TreeRender.text(county), """
        平安县妇联
        ├── 城关镇妇联
        │   ├── 东风村妇联
        │   └── 西街社区妇联
        │       └── 一组
        └── 河口镇妇联
            └── 河口村妇代会

        """)
    }

    func testLeafAndMultiLineLabels() {
        XCTAssertEqual(TreeRender.text(TreeNode("只有根")), "只有根\n")
        XCTAssertEqual(TreeRender.text(TreeNode("a\nb", [TreeNode("c\u{1B}")])), "a↵b\n└── c␛\n")
    }

    func testDot() {
        XCTAssertEqual(TreeRender.dot(county), """
        digraph "wf" {
          node [shape=box];
          n0 [label="平安县妇联"];
          n1 [label="城关镇妇联"];
          n2 [label="东风村妇联"];
          n3 [label="西街社区妇联"];
          n4 [label="一组"];
          n5 [label="河口镇妇联"];
          n6 [label="河口村妇代会"];
          n0 -> n1;
          n1 -> n2;
          n1 -> n3;
          n3 -> n4;
          n0 -> n5;
          n5 -> n6;
        }

        """)
    }

    func testDotEscaping() {
        let tree = TreeNode("say \"hi\"\\", [TreeNode("two\r\nlines")])
        XCTAssertEqual(TreeRender.dot(tree, name: "a\"b"), """
        digraph "a\\"b" {
          node [shape=box];
          n0 [label="say \\"hi\\"\\\\"];
          n1 [label="two\\nlines"];
          n0 -> n1;
        }

        """)
    }

    func testDeepChainDrawsEveryLevel() {
        var node = TreeNode("leaf")
        for depth in 0..<1_000 { node = TreeNode("n\(depth)", [node]) }
        let text = TreeRender.text(node)
        XCTAssertEqual(text.split(separator: "\n").count, 1_001)
        XCTAssertTrue(text.hasSuffix(String(repeating: " ", count: 4 * 999) + "└── leaf\n"))
        XCTAssertTrue(TreeRender.dot(node).hasSuffix("  n999 -> n1000;\n}\n"))
    }
}
