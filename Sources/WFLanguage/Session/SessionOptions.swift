import WFStore
import WFRender

/// How a session prints, where it finds modules, and the hooks the command line and REPL give it.
public struct SessionOptions {
    public var format: OutputFormat
    public var color: Bool
    public var revealPersonal: Bool
    /// Folders searched by `use NAME` for `NAME.wf`.
    public var stdlibPaths: [String]
    /// Polled every few thousand steps; returning true stops evaluation with "interrupted".
    public var isCancelled: () -> Bool
    /// Writes a snapshot (`save "file.wfs"`); nil uses `Snapshot.save`.
    public var saveHandler: ((Store, String) throws -> Void)?
    /// Receives printed text, in chunks ending with a newline.
    public var output: (String) -> Void
    /// Receives rendered errors.
    public var errorOutput: (String) -> Void
    /// Text tables longer than this show their first and last rows.
    public var maxTableRows: Int?
    /// "Today" for current positions and ages when the store has no reference date.
    public var today: Day?

    public init(format: OutputFormat = .table, color: Bool = false, revealPersonal: Bool = false,
                stdlibPaths: [String] = ["stdlib"], isCancelled: @escaping () -> Bool = { false },
                saveHandler: ((Store, String) throws -> Void)? = nil,
                output: @escaping (String) -> Void = { print($0, terminator: "") },
                errorOutput: @escaping (String) -> Void = { print($0, terminator: "") },
                maxTableRows: Int? = nil, today: Day? = nil) {
        self.format = format
        self.color = color
        self.revealPersonal = revealPersonal
        self.stdlibPaths = stdlibPaths
        self.isCancelled = isCancelled
        self.saveHandler = saveHandler
        self.output = output
        self.errorOutput = errorOutput
        self.maxTableRows = maxTableRows
        self.today = today
    }
}

/// The outcome of running code, and the process exit code it maps to.
public enum RunStatus: Equatable, Sendable {
    case ok
    /// A runtime error or a rule violation: exit code 1.
    case runtimeError
    /// A syntax, static or usage error: exit code 2.
    case syntaxError

    public var exitCode: Int32 {
        switch self {
        case .ok: return 0
        case .runtimeError: return 1
        case .syntaxError: return 2
        }
    }
}

/// A parameter a script declares (`param org: string = "平安县妇联" "the area"`), for `--help`.
public struct ParameterInfo: Equatable, Sendable {
    public var name: String
    public var type: String
    /// The default as written in the script, or nil when the parameter is required.
    public var defaultText: String?
    public var doc: String
}
