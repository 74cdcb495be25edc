import ArgumentParser
import Foundation
import WFStore
import WFSnapshot
import WFInterchange

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a network as CSV (one file per kind) or JSON Lines.",
        discussion: "Columns are documented in docs/data-model.md. Phone and ID numbers are masked unless --reveal-personal is given."
    )

    @OptionGroup var network: NetworkOptions

    @Option(name: .customLong("csv"), help: ArgumentHelp("Write CSV files into this directory.", valueName: "dir"))
    var csvDirectory: String?

    @Option(name: .customLong("jsonl"), help: ArgumentHelp("Write JSON Lines files into this directory.", valueName: "dir"))
    var jsonDirectory: String?

    @Flag(name: .customLong("reveal-personal"), help: "Write phone and ID numbers unmasked.")
    var reveal = false

    func validate() throws {
        guard (csvDirectory == nil) != (jsonDirectory == nil) else {
            throw ValidationError("give exactly one of --csv DIR or --jsonl DIR")
        }
    }

    func run() throws {
        let store = try Network.open(network.snapshotPath)
        let dir = csvDirectory ?? jsonDirectory ?? "."
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        do {
            let files = csvDirectory != nil
                ? try CSVExport.export(store, to: dir, reveal: reveal)
                : try JSONLinesExport.export(store, to: dir, reveal: reveal)
            let rows = files.reduce(0) { $0 + $1.rows }
            print("wrote \(files.count) files, \(rows) rows, to \(dir)")
        } catch let e as CSVExport.Failure {
            throw Failure.runtime(e.description)
        }
    }
}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read CSV files (the layout `wf export --csv` writes) into a new snapshot.",
        discussion: "Bad rows are reported with file, line and column. By default the first one stops the import and nothing is written; with --skip-bad-rows they are left out and listed."
    )

    @Option(name: .customLong("csv"), help: ArgumentHelp("Directory of CSV files.", valueName: "dir"))
    var directory: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Snapshot to write.", valueName: "file"))
    var output: String

    @Flag(name: .customLong("skip-bad-rows"), help: "Leave bad rows (and rows pointing at them) out instead of stopping.")
    var skip = false

    func run() throws {
        let result: CSVImport.Result
        do {
            result = try CSVImport.run(directory: directory, mode: skip ? .skip : .stop) { path in
                FileManager.default.contents(atPath: path).map { [UInt8]($0) }
            }
        } catch let e as ImportError {
            StandardError.write(e.description)
            throw Failure.runtime("import stopped; nothing was written")
        }
        if result.missingFiles.count == Kind.allCases.count {
            throw Failure.runtime("\(directory): no CSV files of wf's layout (orgs.csv, people.csv, …); nothing was written")
        }
        for e in result.skipped { StandardError.write(e.description) }
        if !result.missingFiles.isEmpty {
            StandardError.write("note: no \(result.missingFiles.joined(separator: ", ")); those kinds are empty\n")
        }
        do {
            try Snapshot.save(result.store, to: output)
        } catch let e as SnapshotError {
            throw Failure.runtime(e.description)
        }
        let rows = result.rowsPerKind.reduce(0) { $0 + $1.rows }
        print("wrote \(output): \(rows) rows" + (result.skipped.isEmpty ? "" : ", \(result.skipped.count) bad rows skipped"))
    }
}
