@testable import WFLanguage
import WFStore

/// The lexer and parser as a user reaches them: a script parsed, its error rendered, and the
/// REPL's "is this entry finished?" question asked of the same text.
enum ParserTarget {
    /// - Returns: a finding when an error points outside its source; nil when all is well.
    static func run(_ bytes: [UInt8]) -> FuzzFinding? {
        let source = SourceFile(name: "fuzz.wf", bytes: bytes)
        if case .failure(let e) = Parser.parse(source, file: 0) {
            if let s = e.span, s.start < 0 || s.start > s.end || Int(s.end) > bytes.count {
                return FuzzFinding(description: "error span \(s.start)..<\(s.end) outside a source of \(bytes.count) bytes: \(e.message)")
            }
            let text = ErrorRenderer.render(e, sources: [source], color: false)
            if !text.hasPrefix("error: ") { return FuzzFinding(description: "rendered error lacks its heading: \(text.prefix(80))") }
        }
        let session = Session(store: Store(), options: SessionOptions(output: { _ in }, errorOutput: { _ in }))
        _ = session.needsMoreInput(String(decoding: bytes, as: UTF8.self))
        return nil
    }
}
