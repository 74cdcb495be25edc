#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The reader for this process: libedit when standard input is a terminal, plain line reading
/// otherwise (pipes and files, where prompts and escape codes would only get in the way).
/// - Parameter options: its `color` colours the prompt.
public func makeLineReader(options: ReplOptions = ReplOptions()) -> LineReader {
    guard Terminal.isTerminal(0) else { return PlainLineReader() }
    let historyFile = HistoryLocation.path(environment: Terminal.environmentVariables())
    if let editor = EditLineReader(historyFile: historyFile, color: options.color) { return editor }
    // libedit could not start (no usable terminal description): still show the prompt.
    return PlainLineReader(showsPrompt: true)
}
