#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the REPL keeps its history.
public enum HistoryLocation {
    /// `$WF_HISTORY` (set but empty: no history file), else `$XDG_STATE_HOME/wf/history`,
    /// else `~/.wf_history`; nil when none of these can be formed.
    public static func path(environment: [String: String]) -> String? {
        if let explicit = environment["WF_HISTORY"] { return explicit.isEmpty ? nil : explicit }
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty { return state + "/wf/history" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.wf_history" }
        return nil
    }

    /// Creates the directories above `file` (mode 0700: history may hold personal names).
    /// Existing ones are left as they are.
    static func createParentDirectory(of file: String) {
        let bytes = Array(file.utf8)
        guard let lastSlash = bytes.lastIndex(of: UInt8(ascii: "/")), lastSlash > 0 else { return }
        for index in 1...lastSlash where bytes[index] == UInt8(ascii: "/") {
            _ = mkdir(String(decoding: bytes[..<index], as: UTF8.self), 0o700)
        }
    }
}
