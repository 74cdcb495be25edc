import WFStore
import WFInterchange

/// libFuzzer target: the bytes are split at NUL bytes into up to 14 files (orgs.csv, people.csv,
/// … in schema order) and imported in both modes: an import must succeed or report, never crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let parts = bytes.split(separator: 0, omittingEmptySubsequences: false).map(Array.init)
    var files: [String: [UInt8]] = [:]
    for (i, kind) in Kind.allCases.enumerated() where i < parts.count {
        files["/fuzz/" + CSVExport.fileName(kind)] = parts[i]
    }
    for mode in [CSVImport.Mode.stop, .skip] {
        if let result = try? CSVImport.run(directory: "/fuzz", mode: mode, readFile: { files[$0] }) {
            _ = result.store.digest()
        }
    }
    return 0
}
