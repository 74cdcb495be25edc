import WFStore
import WFInterchange

/// The CSV importer: the bytes are split at NUL bytes into up to 14 files (orgs.csv,
/// people.csv, … in schema order) and imported in both modes. An import must succeed or report
/// an `ImportError`, never crash; an imported store must survive a digest (every cell read).
enum CSVTarget {
    static func files(_ bytes: [UInt8]) -> [String: [UInt8]] {
        let parts = bytes.split(separator: 0, omittingEmptySubsequences: false).map(Array.init)
        var files: [String: [UInt8]] = [:]
        for (i, kind) in Kind.allCases.enumerated() where i < parts.count {
            files["/fuzz/" + CSVExport.fileName(kind)] = parts[i]
        }
        return files
    }

    static func run(_ bytes: [UInt8]) -> FuzzFinding? {
        let files = files(bytes)
        for mode in [CSVImport.Mode.stop, .skip] {
            do {
                let result = try CSVImport.run(directory: "/fuzz", mode: mode, readFile: { files[$0] })
                _ = result.store.digest()
            } catch is ImportError {
                continue
            } catch {
                return FuzzFinding(description: "the importer threw something other than an ImportError: \(error)")
            }
        }
        return nil
    }
}
