import Foundation
import WFStore
import WFSnapshot

/// A cold process that opens a snapshot and answers a look-up by name with her positions (the
/// product's "open plus a point look-up" target), against two baselines in the same run: a
/// process that only reads the file's bytes, and one that loads it whole before looking up.
/// Runs alternate, so all three see the same page-cache state.
func openBench(path: String, runs: Int) {
    guard let store = try? Snapshot.open(path) else { print("cannot open \(path)"); exit(1) }
    let name = store.displayName(.person, Int32(store.count(.person) / 3))
    let wf = wfBinary()
    let question = "people named \"\(name)\" | .positions | select .person.id, .org.name, .role, .from, .to"
    var lazy: [Double] = [], eager: [Double] = [], reads: [Double] = []
    for _ in 0..<runs {
        if let r = fields(child(["child-read", path]))["read"] { reads.append(r) }
        lazy.append(timeProcess(wf, ["--no-rc", "--snapshot", path, "-c", question]))
        let t = now()
        _ = child(["child-load", path, name])
        eager.append(now() - t)
    }
    let l = median(lazy), e = median(eager), r = median(reads)
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    let text = """
    ## Open plus a look-up: \(path) (\(mib(size)))

    | figure | value |
    | --- | --- |
    | `wf --snapshot FILE -c 'people named "\(name)" \\| .positions \\| select …'`, whole process | \(fmt(l)) s |
    | a process that loads the snapshot whole, then looks her up (the eager design) | \(fmt(e)) s |
    | a process that reads the file's bytes (baseline) | \(fmt(r)) s |
    | **wf / eager** | **\(fmt(l / e, 3))×** |
    | **wf / reading the file** | **\(fmt(l / r, 3))×** |

    """
    print(text)
    try? FileManager.default.createDirectory(atPath: "bench-results", withIntermediateDirectories: true)
    try? text.write(toFile: "bench-results/open.md", atomically: true, encoding: .utf8)
}
