import Dispatch
@testable import WFLanguage
import WFStore
import WFRender
import WFGenerator

/// The evaluator on the demo county, under a time and step budget.
///
/// Input: the first byte chooses how the rest is read and wrapped. Its top bit set: the rest
/// are choices for `ProgramGenerator`; clear: the rest is program text (the golden scripts seed
/// this). Its value mod 3 wraps the program: as is, in `atomic { … }`, or in
/// `whatif { … } compare 0`; its value / 3 mod 4 picks the output format.
///
/// Oracles, besides "no crash, no hang, no runaway memory":
/// - a whatif, and a failed atomic block, leave the store's digest as it was;
/// - no phone or ID number of the network appears unmasked in any output or error, unless the
///   program asks for `reveal`.
enum EvalTarget {
    /// Each run stops itself after this long (the session's `isCancelled` turns true).
    static let deadlineNanoseconds: UInt64 = 500_000_000
    /// …or after this many polls of `isCancelled` (the runtime polls every 4,096 steps): about
    /// 260,000 steps, enough for every golden script, short enough for many runs a second.
    static let pollBudget = 64

    /// Built once: about 170,000 rows, shared (copy-on-write) by every run.
    static let network: Store = Demo.county()
    static let networkDigest: UInt64 = network.digest()
    /// Every phone and ID number in the network, to spot one printed unmasked.
    static let personalData: Set<String> = {
        var out = Set<String>()
        for kind in Kind.allCases {
            for (i, field) in kind.fields.enumerated() where field.type == .personal {
                let id = FieldID(kind, i)
                for row in 0..<Int32(network.count(kind)) {
                    let c = network.cell(id, row)
                    if c != nullCell { out.insert(network.string(c)) }
                }
            }
        }
        return out
    }()

    static func program(_ bytes: [UInt8]) -> (text: String, wrapper: Int, format: OutputFormat) {
        guard let first = bytes.first else { return ("", 0, .table) }
        let body: String
        if first & 0x80 != 0 {
            var generator = ProgramGenerator(bytes.dropFirst())
            body = generator.program()
        } else {
            body = String(decoding: bytes.dropFirst(), as: UTF8.self)
        }
        let wrapper = Int(first) % 3
        let format = OutputFormat.allCases[(Int(first) / 3) % OutputFormat.allCases.count]
        switch wrapper {
        case 1: return ("atomic {\n" + body + "\n}", wrapper, format)
        case 2: return ("whatif {\n" + body + "\n} compare 0", wrapper, format)
        default: return (body, wrapper, format)
        }
    }

    static func run(_ bytes: [UInt8]) -> FuzzFinding? {
        let (text, wrapper, format) = program(bytes)
        var printed: [String] = []
        var polls = 0
        let deadline = DispatchTime.now().uptimeNanoseconds + deadlineNanoseconds
        let options = SessionOptions(format: format, stdlibPaths: stdlibPaths, isCancelled: {
            polls += 1
            return polls > pollBudget || DispatchTime.now().uptimeNanoseconds > deadline
        }, saveHandler: { _, _ in }, output: { printed.append($0) }, errorOutput: { printed.append($0) },
           maxTableRows: 50, today: nil)
        let session = Session(store: network, options: options)
        let status = session.run(text, file: "fuzz.wf")

        // The oracle on the store holds only when the wrapper is the one top-level statement
        // (a stray '}' in text mode could close it early and run the rest for real).
        if wrapper != 0, isSingleStatement(text) {
            let rolledBack = wrapper == 2 || status != .ok
            if rolledBack, session.store.digest() != networkDigest {
                return FuzzFinding(description: "\(wrapper == 2 ? "whatif" : "failed atomic block") changed the network (status \(status))")
            }
        }
        // A number the program itself spells out (the fuzzer learns them from comparisons) is no
        // leak when printed back, e.g. in the source line of an error.
        if !text.contains("reveal"), let leak = personalDataIn(printed), !text.contains(leak) {
            return FuzzFinding(description: "personal data printed unmasked: \(leak)")
        }
        return nil
    }

    static func isSingleStatement(_ text: String) -> Bool {
        guard case .success(let stmts) = Parser.parse(SourceFile(name: "w", text: text), file: 0) else { return false }
        return stmts.count == 1
    }

    /// The first run of 11 or 18 ID characters in `texts` that is personal data of the network.
    static func personalDataIn(_ texts: [String]) -> String? {
        for text in texts {
            var run: [UInt8] = []
            for b in text.utf8 + [0] {
                if (b >= 0x30 && b <= 0x39) || b == 0x58 {
                    run.append(b)
                    continue
                }
                if run.count == 11 || run.count == 18 {
                    let s = String(decoding: run, as: UTF8.self)
                    if personalData.contains(s) { return s }
                }
                run.removeAll(keepingCapacity: true)
            }
        }
        return nil
    }

    /// The golden tests' module folder, and the repository's standard library.
    static let stdlibPaths: [String] = {
        var root = #filePath
        for _ in 0..<4 { if let slash = root.lastIndex(of: "/") { root = String(root[..<slash]) } }
        return [root + "/Tests/WFLanguageTests/golden/stdlib", root + "/stdlib"]
    }()
}
