import CLibEdit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from a stream that is not a terminal (a pipe or a file): no prompt, no editing,
/// no history, so `wf < job.wf` prints only results.
public final class PlainLineReader: LineReader {
    private let stream: UnsafeMutablePointer<FILE>
    private var buffer: UnsafeMutablePointer<CChar>?
    private var capacity = 0
    private let showsPrompt: Bool

    /// Reads from `stream` (standard input by default); the reader does not close it.
    /// - Parameter showsPrompt: write the prompt to standard output before each read (for a
    ///   terminal on which libedit could not start).
    public init(stream: UnsafeMutablePointer<FILE> = wf_stdin(), showsPrompt: Bool = false) {
        self.stream = stream
        self.showsPrompt = showsPrompt
    }

    public var isInteractive: Bool { showsPrompt }

    deinit { free(buffer) }

    /// - Complexity: O(length of the line).
    public func readLine(prompt: String, continuation: Bool) -> LineResult {
        if showsPrompt {
            fputs(prompt, wf_stdout())
            fflush(wf_stdout())
        }
        while true {
            let count = getline(&buffer, &capacity, stream)
            if count >= 0, let buffer {
                // Strip the line end as bytes: as a String, "\r\n" is one Character.
                let bytes = UnsafeRawBufferPointer(start: buffer, count: count)
                var end = count
                if end > 0 && bytes[end - 1] == 0x0A { end -= 1 }
                if end > 0 && bytes[end - 1] == 0x0D { end -= 1 }
                return .line(String(decoding: bytes[0..<end], as: UTF8.self))
            }
            // getline gives -1 for end of file and for errors alike; a SIGINT without SA_RESTART
            // shows up as EINTR, which must not be mistaken for the end of the input.
            if ferror(stream) != 0 && wf_errno() == EINTR {
                clearerr(stream)
                if InterruptSignal.isRequested { return .interrupted }
                continue
            }
            return .endOfInput
        }
    }
}
