import Foundation
import WFStore
import WFSnapshot
import WFLanguage
import WFRender

/// The reference questions (issue 3 and 6), in the wf language, timed in one process and
/// answered in a form `scripts/bench/report.py` compares with the peers' answers.
struct QueryBench {
    struct Question {
        let name: String
        let source: String
        /// Bytes of column data a full scan for this question reads (for the bandwidth baseline); 0 if not a scan.
        let scanBytes: Int
    }

    let store: Store
    let params: (asOf: String, yearAgo: String, county: Int32, person: String, convert: [Int32])

    init(store: Store) {
        self.store = store
        var options = SessionOptions(format: .csv)
        let output = self.output
        options.output = { output.out += $0 }
        options.errorOutput = { output.err += $0 }
        session = Session(store: store, options: options)
        let asOf = store.meta.asOf ?? Day(raw: 20_000)
        let yearAgo = asOf.adding(years: -1) ?? asOf
        // The first county; a person's name held by several people; ten congresses under the county.
        let counties = (0..<Int32(store.count(.org))).filter { store.cell(Schema.Org.level, $0) == Vocab.level.code(of: "county") }
        let county = counties.first ?? 0
        var convert: [Int32] = []
        var stack = [county]
        let village = Vocab.level.code(of: "village"), congress = Vocab.form.code(of: "congress")
        while let o = stack.popLast(), convert.count < 10 {
            if store.cell(Schema.Org.level, o) == village && store.cell(Schema.Org.form, o) == congress { convert.append(o) }
            stack.append(contentsOf: store.reverse(Schema.Org.parent, o).reversed())
        }
        convert.sort()
        let person = store.displayName(.person, Int32(store.count(.person) / 3))
        params = (asOf.iso, yearAgo.iso, county, person, convert)
    }

    var questions: [Question] {
        let p = params
        let people = store.count(.person), orgs = store.count(.org), positions = store.count(.position), ledger = store.count(.ledger)
        let conversions = p.convert.map { "convert org #\($0) on \(p.asOf)" }.joined(separator: "; ")
        return [
            Question(name: "overhead_constant", source: "1", scanBytes: 0),
            Question(name: "q0_people_scan_group", source: """
                people | where .birth_year >= 1970 | group by .birth_year { n: count() } | sort .birth_year
                """, scanBytes: people * 4),
            Question(name: "q1_unconverted_per_township", source: """
                orgs | where .level == township
                     | select .id, .name, n: (.children | where .level == village and .form == congress | count)
                     | where .n > 0 | sort .n desc, .id | take 10
                """, scanBytes: orgs * 12),
            Question(name: "q2_trained_share_per_township", source: """
                fn trained(q) { return q.person.trainings | any .date >= q.from and .date <= q.to }
                orgs | where .level == township
                     | select .id, execs: (.positions | where .role == exec and .from <= \(p.asOf) and .to >= \(p.asOf) | count),
                              trained: (.positions | where .role == exec and .from <= \(p.asOf) and .to >= \(p.asOf) and trained(it) | count)
                     | where .execs > 0 | sort .id
                """, scanBytes: orgs * 4 + positions * 16),
            Question(name: "q3_holders_under_county", source: """
                org #\(p.county) | descendants | .positions | where .from <= \(p.asOf) and .to >= \(p.asOf) | map .person | distinct | count
                """, scanBytes: 0),
            Question(name: "q4_ledger_coverage_lowest", source: """
                orgs | where .level == village and .women > 0
                     | select .id, coverage: (.ledger | where .date > \(p.yearAgo) and .date <= \(p.asOf) | map .contact | distinct | count) / .women
                     | sort .coverage, .id | take 20
                """, scanBytes: orgs * 8 + ledger * 12),
            Question(name: "q5_person_positions", source: """
                people named "\(p.person)" | .positions
                    | select pid: .person.id, oid: .org.id, org: .org.name, .role, .from, .to | sort .pid, .from, .oid
                """, scanBytes: 0),
            Question(name: "q6_whatif_conversion", source: """
                whatif { \(conversions) } compare (org #\(p.county) | descendants | where .level == village | ratio .form == federation)
                """, scanBytes: 0),
        ]
    }

    /// Where the session's output goes, for each run to collect its own.
    final class Output {
        var out = "", err = ""
    }
    let output = Output()
    /// One session for every question, as the peers use one connection.
    let session: Session

    /// Runs `source` once; returns the CSV it printed, or the error.
    func run(_ source: String) -> (seconds: Double, csv: String, error: String) {
        output.out = ""
        output.err = ""
        let t = now()
        _ = session.run(source, file: "<bench>")
        return (now() - t, output.out, output.err)
    }
}

/// Runs of each question before the timed ones (the same in `scripts/bench/peers.py`).
let warmUpRuns = 3

/// Parses the simple CSV the questions print (no quoted fields with commas in these answers).
func csvRows(_ text: String) -> [[String]] {
    let lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    // A single value prints as one line with no header.
    return (lines.count == 1 ? lines[...] : lines.dropFirst()).map { line in
        line.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "\"\r")) }
    }
}

/// A JSON value for an answer cell: numbers as numbers, so the report compares like with like.
func jsonCell(_ s: String) -> Any {
    if let i = Int(s) { return i }
    if let d = Double(s) { return d }
    return s
}

func runQueryBench(path: String, jsonOut: String?, runs: Int, only: String? = nil, source: String? = nil) {
    let t0 = now()
    guard let store = try? Snapshot.open(path) else { print("cannot load \(path)"); exit(1) }
    let load = now() - t0
    let bench = QueryBench(store: store)
    var questions: [String: Any] = [:], bandwidth: [String: Any] = [:]
    var lines: [String] = []
    let asked = source.map { [QueryBench.Question(name: "custom", source: $0, scanBytes: 0)] } ?? bench.questions
    for q in asked where only.map({ q.name.hasPrefix($0) }) ?? true {
        var times: [Double] = []
        // Warm-up runs, as many for every system (peers.py): the first reads what the question
        // needs from the file, the next build the indexes a repeated question uses.
        var last = bench.run(q.source)
        if !last.error.isEmpty { print("\(q.name): error\n\(last.error)"); exit(1) }
        let first = last.seconds
        for _ in 1..<warmUpRuns { last = bench.run(q.source) }
        for _ in 0..<runs {
            last = bench.run(q.source)
            times.append(last.seconds)
        }
        var rows = csvRows(last.csv)
        if q.name == "q6_whatif_conversion", let after = rows.first?[1] { rows = [[after]] }  // before, after, delta
        if q.name == "q5_person_positions" { rows = rows.map { [$0[0], $0[2], $0[3], $0[4], $0[5]] } }
        let seconds = median(times)
        questions[q.name] = ["seconds": seconds, "answer": rows.map { $0.map(jsonCell) }]
        var line = "\(q.name): \(fmt(seconds * 1000, 3)) ms (first run \(fmt(first * 1000, 1)) ms), \(rows.count) rows"
        if q.scanBytes > 0 {
            let base = bandwidthBaseline(bytes: q.scanBytes, runs: runs)
            bandwidth[q.name] = ["bytes": q.scanBytes, "seconds": base]
            line += "; bandwidth \(fmt(base * 1000, 3)) ms, ratio \(fmt(seconds / base, 1))x"
        }
        lines.append(line)
    }
    // A fork for what-if, alone: the cost of `var fork = store` plus one change.
    var forkTimes: [Double] = []
    for _ in 0..<max(runs, 5) {
        let t = now()
        var fork = store
        fork.setCell(Schema.Org.women, 0, 1)
        forkTimes.append(now() - t)
        _ = fork.cell(Schema.Org.women, 0)
    }
    let p = bench.params
    let result: [String: Any] = [
        "params": ["as_of": p.asOf, "county": Int(p.county), "person": p.person, "convert": p.convert.map(Int.init)],
        "load_seconds": load,
        "bytes": (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0,
        "questions": questions,
        "bandwidth": bandwidth,
        "extra": ["what-if fork + one change": "\(fmt(median(forkTimes) * 1e6, 1)) µs"],
    ]
    print(lines.joined(separator: "\n"))
    if let jsonOut, let data = try? JSONSerialization.data(withJSONObject: result, options: [.prettyPrinted, .sortedKeys]) {
        _ = FileManager.default.createFile(atPath: jsonOut, contents: data)
    }
}

/// A sequential sum over `bytes` bytes of Int32s: the memory-bandwidth floor for a scan.
func bandwidthBaseline(bytes: Int, runs: Int) -> Double {
    let n = max(bytes / 4, 1)
    let data = ContiguousArray<Int32>((0..<n).map { Int32(truncatingIfNeeded: $0 &* 2_654_435_761) })
    var times: [Double] = []
    var sink: Int64 = 0
    for _ in 0..<max(runs, 3) {
        let t = now()
        var s: Int64 = 0
        data.withUnsafeBufferPointer { b in for v in b { s &+= Int64(v) } }
        sink &+= s
        times.append(now() - t)
    }
    if sink == 42 { print("") }
    return median(times)
}
