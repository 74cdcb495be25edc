import Foundation
import WFLanguage
import WFStore
import WFSnapshot
import WFGenerator

/// wf's benchmarks. Figures are ratios against a baseline measured in the same run, because
/// these machines are shared and noisy (docs/performance.md).
///
///     swift run -c release wfbench store [province|nation ...]   generate, save, load vs read, memory
///     swift run -c release wfbench queries FILE [--json OUT]     the reference questions
///     swift run -c release wfbench open FILE [--runs N]          a cold process: open + look-up, vs reading the file
///     swift run -c release wfbench startup                      start to result on the demo, vs /bin/true
///     swift run -c release wfbench loop                         a scalar loop, vs CPython 3
///     swift run -c release wfbench growth                       jobs at n and 2n: linear or not
///     wfbench child-load FILE NAME     (internal) load in a fresh process, look a person up
///     wfbench child-read FILE          (internal) read the file's bytes in a fresh process
let args = Array(CommandLine.arguments.dropFirst())
// As `wf` runs (`ProcessMemory`), so that the questions are timed as a user's session runs them.
ProcessMemory.keepFreedMemory()

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// Peak resident set size of this process, in bytes (VmHWM).
func peakRSS() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kb = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
        return kb * 1024
    }
    return 0
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.isEmpty ? .nan : s[s.count / 2]
}

/// Seconds to write `bytes` bytes to a new file beside `path` and fsync it: the disk's speed,
/// measured in the same run as the save it is compared with.
func writeBaseline(bytes: Int, beside path: String) -> Double {
    let target = path + ".baseline"
    let chunk = [UInt8](repeating: 0x5A, count: 1 << 22)
    let t = now()
    let fd = open(target, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    var left = bytes
    while left > 0 {
        let n = chunk.withUnsafeBytes { write(fd, $0.baseAddress, min(left, $0.count)) }
        if n <= 0 { break }
        left -= n
    }
    fsync(fd)
    close(fd)
    let elapsed = now() - t
    unlink(target)
    return elapsed
}

func fmt(_ x: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)f", x) }
func mib(_ n: Int) -> String { fmt(Double(n) / 1_048_576, 1) + " MiB" }

/// Runs this executable with `arguments` and returns its standard output.
func child(_ arguments: [String]) -> String {
    let p = Process()
    // /proc/self/exe, not argv[0]: argv[0] may be relative to a directory we are not in.
    p.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    p.arguments = arguments
    let pipe = Pipe()
    p.standardOutput = pipe
    do { try p.run() } catch { return "" }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}

func fields(_ line: String) -> [String: Double] {
    var out: [String: Double] = [:]
    for part in line.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
        let kv = part.split(separator: "=")
        if kv.count == 2, let v = Double(kv[1]) { out[String(kv[0])] = v }
    }
    return out
}

switch args.first {
case "child-load":
    guard args.count >= 3 else { exit(2) }
    let t0 = now()
    guard let store = try? Snapshot.load(args[1]) else { print("error"); exit(1) }
    let t1 = now()
    let hits = store.rows(.person, named: args[2])
    let t2 = now()
    print("load=\(t1 - t0) lookup=\(t2 - t1) hits=\(hits.count) rss=\(peakRSS())")

case "child-read":
    guard args.count >= 2 else { exit(2) }
    let t0 = now()
    let fd = open(args[1], O_RDONLY)
    var st = stat()
    fstat(fd, &st)
    let size = Int(st.st_size)
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: max(size, 1), alignment: 16)
    var done = 0
    while done < size {
        let n = pread(fd, buffer + done, min(size - done, 1 << 30), off_t(done))
        if n <= 0 { break }
        done += n
    }
    close(fd)
    // Touch the bytes as a checksum-free sum so the read cannot be optimised away.
    var sum: UInt64 = 0
    let words = buffer.bindMemory(to: UInt64.self, capacity: size / 8)
    for i in stride(from: 0, to: size / 8, by: 512) { sum &+= words[i] }
    let t1 = now()
    print("read=\(t1 - t0) bytes=\(done) sum=\(sum % 10)")

case "store", nil:
    let scales = args.dropFirst().compactMap(Scale.init(rawValue:))
    var report = ["# wf store benchmark, \(Date())", ""]
    for scale in scales.isEmpty ? [.province] : scales {
        let path = NSTemporaryDirectory() + "wfbench-\(scale.rawValue).wfs"
        var t = now()
        let store = Generator(scale: scale, seed: 7).generate()
        let genTime = now() - t
        t = now()
        do { try Snapshot.save(store, to: path) } catch { print("save failed: \(error)"); exit(1) }
        let saveTime = now() - t
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let diskWrite = writeBaseline(bytes: size, beside: path)
        let name = store.displayName(.person, Int32(store.count(.person) / 2))
        let people = store.liveCount(.person), positions = store.liveCount(.position), ledger = store.liveCount(.ledger)

        // Alternate reads and loads in fresh processes, so both see the same page-cache state.
        var loads: [Double] = [], reads: [Double] = [], lookups: [Double] = [], rss: [Double] = []
        for _ in 0..<5 {
            let r = fields(child(["child-read", path]))
            let l = fields(child(["child-load", path, name]))
            if r.isEmpty || l.isEmpty { print("child run failed: \(r) \(l)") }
            if let x = r["read"] { reads.append(x) }
            if let x = l["load"] { loads.append(x) }
            if let x = l["lookup"] { lookups.append(x) }
            if let x = l["rss"] { rss.append(x) }
        }
        let load = median(loads), read = median(reads)
        report += [
            "## \(scale.rawValue) (seed 7)",
            "",
            "| figure | value |",
            "| --- | --- |",
            "| people / positions / ledger entries | \(people) / \(positions) / \(ledger) |",
            "| snapshot size | \(mib(size)) |",
            "| generate | \(fmt(genTime)) s |",
            "| save | \(fmt(saveTime)) s (\(fmt(Double(size) / 1_048_576 / saveTime, 0)) MiB/s) |",
            "| write the same number of bytes and fsync (baseline) | \(fmt(diskWrite)) s |",
            "| **save / write** | **\(fmt(saveTime / diskWrite, 2))×** |",
            "| read the file's bytes (baseline, fresh process) | \(fmt(read)) s |",
            "| load the snapshot (fresh process) | \(fmt(load)) s |",
            "| **load / read** | **\(fmt(load / read, 2))×** |",
            "| point look-up by name after load | \(fmt(median(lookups) * 1000, 1)) ms |",
            "| open + look-up | \(fmt(load + median(lookups))) s |",
            "| peak RSS of the loading process | \(mib(Int(median(rss)))) |",
            "| **peak RSS / file size** | **\(fmt(median(rss) / Double(max(size, 1)), 2))×** |",
            "",
        ]
        try? FileManager.default.removeItem(atPath: path)
    }
    let text = report.joined(separator: "\n")
    print(text)
    try? FileManager.default.createDirectory(atPath: "bench-results", withIntermediateDirectories: true)
    try? text.write(toFile: "bench-results/store.md", atomically: true, encoding: .utf8)

case "startup":
    startupBench(runs: 11)

case "open":
    guard args.count >= 2 else { print("usage: wfbench open FILE [--runs N]"); exit(2) }
    let runs = args.firstIndex(of: "--runs").flatMap { $0 + 1 < args.count ? Int(args[$0 + 1]) : nil } ?? 3
    openBench(path: args[1], runs: runs)

case "loop":
    loopBench(iterations: 10_000_000, runs: 3)

case "growth":
    growthBench(runs: 5)

case "queries":
    guard args.count >= 2 else { print("usage: wfbench queries FILE [--json OUT] [--runs N] [--only PREFIX] [--source TEXT]"); exit(2) }
    let json = args.firstIndex(of: "--json").flatMap { $0 + 1 < args.count ? args[$0 + 1] : nil }
    let runs = args.firstIndex(of: "--runs").flatMap { $0 + 1 < args.count ? Int(args[$0 + 1]) : nil } ?? 5
    // `--only q0` runs the questions whose names start with q0 (for profiling one of them).
    let only = args.firstIndex(of: "--only").flatMap { $0 + 1 < args.count ? args[$0 + 1] : nil }
    // `--source TEXT` times TEXT instead of the reference questions (for profiling a variant).
    let source = args.firstIndex(of: "--source").flatMap { $0 + 1 < args.count ? args[$0 + 1] : nil }
    runQueryBench(path: args[1], jsonOut: json, runs: runs, only: only, source: source)

default:
    print("usage: wfbench store [village|township|county|province|nation ...] | queries FILE [--json OUT]")
    exit(2)
}
