#if canImport(Glibc)
import Glibc
#endif

/// libFuzzer main for the eval target; the target itself is
/// Tests/WFReliabilityTests/FuzzTargets/EvalTarget.swift, shared with the regression tests.
/// Programs run in a scratch directory, so that an `export … to "x.csv"` a mutation makes up
/// lands there (scripts/fuzz.sh passes libFuzzer absolute paths for this reason).
private let scratch: Void = {
    var template = Array("/tmp/wf-fuzz-eval-XXXXXX".utf8CString)
    if let dir = mkdtemp(&template) { _ = chdir(dir) }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEval(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    _ = scratch
    if let finding = EvalTarget.run(Array(UnsafeBufferPointer(start: data, count: size))) {
        // Not a crash of wf but a wrong answer: stop here so that libFuzzer keeps the input.
        fatalError("fuzz finding: \(finding)")
    }
    return 0
}
