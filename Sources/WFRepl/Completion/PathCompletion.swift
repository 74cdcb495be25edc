#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// File names for `:load` and `:save`. Hand-written over opendir rather than Foundation's
/// FileManager to keep Foundation out of the REPL's start-up.
public enum PathCompletion {
    /// Directories listed beyond this many entries are cut: completion must answer at once.
    static let maximumEntries = 2000

    /// Paths that complete `typed` (a path as typed: relative, absolute or starting with "~/").
    /// Directories end in "/"; names starting with "." appear only when `typed`'s last part
    /// starts with "."; the typed directory part is kept as typed.
    /// - Complexity: O(entries in the directory) system calls.
    public static func candidates(for typed: String, home: String?) -> [String] {
        let directoryPart: Substring
        let namePrefix: Substring
        if let slash = typed.lastIndex(of: "/") {
            directoryPart = typed[...slash]
            namePrefix = typed[typed.index(after: slash)...]
        } else {
            directoryPart = ""
            namePrefix = Substring(typed)
        }
        let directory = directoryPart.isEmpty ? "." : expandHome(String(directoryPart), home: home)
        guard let stream = opendir(directory) else { return [] }
        defer { closedir(stream) }
        var names: [String] = []
        var seen = 0
        while let entry = readdir(stream), seen < maximumEntries {
            seen += 1
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            if name.hasPrefix(".") && !namePrefix.hasPrefix(".") { continue }
            guard name.hasPrefix(namePrefix) else { continue }
            let full = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            names.append(isDirectory(full) ? name + "/" : name)
        }
        return names.sorted().map { String(directoryPart) + $0 }
    }

    /// Replaces a leading "~" or "~/" by `home`.
    public static func expandHome(_ path: String, home: String?) -> String {
        guard let home, !home.isEmpty else { return path }
        if path == "~" { return home }
        if path.hasPrefix("~/") { return home + path.dropFirst(1) }
        return path
    }

    private static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
