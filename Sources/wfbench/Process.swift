import Foundation

/// Wall-clock seconds of one run of `path` with `arguments`, output discarded.
func timeProcess(_ path: String, _ arguments: [String]) -> Double {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: path)
    p.arguments = arguments
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    let t = now()
    do { try p.run() } catch { return .nan }
    p.waitUntilExit()
    return now() - t
}

/// The `wf` binary beside this benchmark binary.
func wfBinary() -> String {
    URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("wf").path
}

/// Start to result on the demo county, against starting a trivial process, in the same run.
func startupBench(runs: Int) {
    let wf = wfBinary()
    var wfTimes: [Double] = [], trueTimes: [Double] = []
    for _ in 0..<runs {
        trueTimes.append(timeProcess("/bin/true", []))
        wfTimes.append(timeProcess(wf, ["--no-rc", "-c", "orgs | count"]))
    }
    let w = median(wfTimes), t = median(trueTimes)
    print("""
    | figure | value |
    | --- | --- |
    | wf -c 'orgs \\| count' on the demo county (generate + run + exit) | \(fmt(w * 1000, 1)) ms |
    | /bin/true (process start baseline) | \(fmt(t * 1000, 1)) ms |
    | ratio | \(fmt(w / t, 1))× |
    """)
}

/// A scalar loop in wf against the same loop in CPython 3, in the same run.
func loopBench(iterations: Int, runs: Int) {
    let wf = wfBinary()
    let wfCode = "let s = 0\nlet i = 0\nwhile i < \(iterations) { s = s + i\n i = i + 1 }\nprint s"
    let pyCode = "s = 0\ni = 0\nwhile i < \(iterations):\n    s = s + i\n    i = i + 1\nprint(s)"
    var wfTimes: [Double] = [], pyTimes: [Double] = [], empty: [Double] = []
    for _ in 0..<runs {
        empty.append(timeProcess(wf, ["--no-rc", "-c", "0"]))
        wfTimes.append(timeProcess(wf, ["--no-rc", "-c", wfCode]))
        pyTimes.append(timeProcess("/usr/bin/env", ["python3", "-c", pyCode]))
    }
    let w = median(wfTimes) - median(empty), p = median(pyTimes)
    print("""
    | figure | value |
    | --- | --- |
    | wf loop, \(iterations) iterations (start-up subtracted) | \(fmt(w * 1000, 1)) ms |
    | CPython 3 loop, same iterations (including its start-up) | \(fmt(p * 1000, 1)) ms |
    | wf / CPython | \(fmt(w / p, 2))× |
    """)
}
