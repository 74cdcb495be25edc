import Foundation
import WFStore
import WFGenerator
import WFLanguage
import WFRender

/// How work grows with its size: each job timed at n and at 2n in the same run, and the ratio
/// reported. Linear work gives about 2, quadratic about 4; the ratio is what the machine's noise
/// leaves alone. These were once wall-clock limits in the tests, which a busy machine can fail
/// and a slow path can pass; the tests now check the work itself (steps counted, output) and the
/// time is measured here.
func growthBench(runs: Int) {
    struct Job {
        let name: String
        let sizes: (Int, Int)
        /// Makes the job's input for size n, untimed, and returns the work to time.
        let prepare: (Int) -> () -> Void
    }
    let jobs = [
        Job(name: "changes in one script (create + appoint)", sizes: (5_000, 10_000)) { n in changes(n) },
        Job(name: "a text table with CJK names, rendered", sizes: (10_000, 20_000)) { n in render(n) },
        Job(name: "a column filter and count over people", sizes: (1_000_000, 2_000_000)) { n in filter(n) },
        Job(name: "a table built row by row (rows = append(rows, {…}))", sizes: (20_000, 40_000)) { n in rows(n) },
    ]
    var lines = ["| job | n | time at n | time at 2n | ratio (linear ≈ 2) |", "| --- | --- | --- | --- | --- |"]
    for job in jobs {
        var small: [Double] = [], large: [Double] = []
        for _ in 0..<runs {
            small.append(timed(job.prepare(job.sizes.0)))
            large.append(timed(job.prepare(job.sizes.1)))
        }
        let a = median(small), b = median(large)
        lines.append("| \(job.name) | \(job.sizes.0) | \(fmt(a * 1000, 1)) ms | \(fmt(b * 1000, 1)) ms | \(fmt(b / a, 2)) |")
    }
    let text = lines.joined(separator: "\n")
    print(text)
    try? FileManager.default.createDirectory(atPath: "bench-results", withIntermediateDirectories: true)
    try? text.write(toFile: "bench-results/growth.md", atomically: true, encoding: .utf8)
}

private func timed(_ body: () -> Void) -> Double {
    let t = now()
    body()
    return now() - t
}

/// A session on the demo county that prints nothing, or stops the benchmark on an error.
private func quietSession(_ store: Store) -> Session {
    Session(store: store, options: SessionOptions(output: { _ in }, errorOutput: { fputs($0, stderr); exit(1) }))
}

/// `n` villages created and `n` appointments made in one script: each change must cost O(1)
/// whatever came before it (a store copied per change grows with the square).
private func changes(_ n: Int) -> () -> Void {
    let session = quietSession(Demo.county())
    return { _ = session.run("""
        let town = org "\(Demo.seatTownship)妇联"
        let who = person #1
        for i in range(\(n)) {
            let o = create org {name: "新村" + str(i), level: village, form: federation, parent: town, women: i}
            appoint who as exec of o from 2026-01-01
        }
        """, file: "changes.wf") }
}

private func render(_ n: Int) -> () -> Void {
    let table = ResultTable(columns: ["id", "名称", "ratio"], rows: (0..<n).map {
        [.int($0), .text("东风村\($0)妇联"), .decimal(Double($0) / Double(n), "0.\($0)")]
    })
    return { _ = Render.text(table).utf8.count }
}

private func filter(_ n: Int) -> () -> Void {
    var b = StoreBuilder()
    b.reserve(.person, n)
    let name = b.intern("某某")
    for i in 0..<n { b.append(.person, [name, Int32(1950 + i % 50), nullCell, nullCell, 0, nullCell]) }
    let session = quietSession(b.build())
    return { _ = session.run("people | where .birth_year > 1980 | count", file: "filter.wf") }
}

/// The way scripts build a table: each addition must cost what it adds, not the rows so far.
private func rows(_ n: Int) -> () -> Void {
    let session = quietSession(Demo.county())
    return {
        _ = session.run("""
            let rows = []
            for i in range(\(n)) { rows = append(rows, {i: i, name: "东风村" + str(i)}) }
            """, file: "rows.wf")
    }
}
