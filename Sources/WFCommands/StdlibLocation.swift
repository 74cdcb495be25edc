#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where `use NAME` finds the standard library: `$WF_STDLIB`, then `stdlib/` beside the
/// executable's package (for `swift run` and the build tree), then the source tree this binary
/// was built from. SwiftPM cannot give an executable a top-level resource folder, so the path is
/// resolved at run time instead of bundling.
enum StdlibLocation {
    static func paths() -> [String] {
        var out: [String] = []
        if let env = getenv("WF_STDLIB"), env.pointee != 0 { out.append(String(cString: env)) }
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if n > 0 {
            var dir = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            // .build/<triple>/<config>/wf → the package root is three levels up.
            for _ in 0..<4 {
                guard let slash = dir.lastIndex(of: "/") else { break }
                dir = String(dir[..<slash])
                out.append(dir + "/stdlib")
            }
        }
        let source = "\(#filePath)"
        if let range = source.range(of: "/Sources/WFCommands/") { out.append(String(source[..<range.lowerBound]) + "/stdlib") }
        var seen = Set<String>()
        return out.filter { seen.insert($0).inserted && access($0, R_OK) == 0 }
    }
}
