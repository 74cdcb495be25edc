/// libFuzzer main for the snapshot target; the target itself is
/// Tests/WFReliabilityTests/FuzzTargets/SnapshotTarget.swift, shared with the regression tests.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSnapshot(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    if let finding = SnapshotTarget.run(Array(UnsafeBufferPointer(start: data, count: size))) {
        // Not a crash of wf but a wrong answer: stop here so that libFuzzer keeps the input.
        fatalError("fuzz finding: \(finding)")
    }
    return 0
}
