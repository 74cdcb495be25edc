#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import WFRender

/// Messages and small helpers of the loop.
extension ReplLoop {
    // MARK: - Messages

    @discardableResult
    func fail(_ message: String) -> Outcome {
        output.writeError(style.error("error:") + " " + message + "\n")
        return .goOn
    }

    @discardableResult
    func reportUnknown(_ name: String) -> Outcome {
        let spellings = ReplCommand.allCases.map(\.rawValue) + ReplCommand.allCases.flatMap(\.aliases)
        let hint = Suggest.nearest(name, spellings, limit: 1).first.map { "; did you mean ':\(ReplCommand(named: $0)?.rawValue ?? $0)'?" } ?? ""
        return fail("unknown command ':\(name)'\(hint) (:help lists the commands)")
    }

    func terminated(_ text: String) -> String {
        text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
    }

    func isSwitch(_ argument: String) -> Bool { argument == "on" || argument == "off" }

    func expandHome(_ path: String) -> String {
        PathCompletion.expandHome(path, home: getenv("HOME").map { String(cString: $0) })
    }

    // MARK: - Helpers

    /// "0.4 ms", "12.3 ms", "1.25 s".
    public static func describe(nanoseconds: UInt64) -> String {
        if nanoseconds < 999_950_000 {
            let tenths = (nanoseconds + 50_000) / 100_000
            return "\(tenths / 10).\(tenths % 10) ms"
        }
        let hundredths = (nanoseconds + 5_000_000) / 10_000_000
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction) s"
    }

    /// Monotonic time in nanoseconds.
    public static func monotonicNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec)
    }

    /// The whole file as UTF-8 text, or nil when it cannot be opened (a missing rc file is
    /// normal). Invalid UTF-8 is repaired rather than refused.
    static func readFile(_ path: String) -> String? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = fread(&chunk, 1, chunk.count, file)
            if count <= 0 { break }
            bytes.append(contentsOf: chunk[..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
