/// A wrong answer that did not crash: a fuzz target's oracle failed. The libFuzzer harness
/// turns it into a crash (so libFuzzer saves the input); the regression tests turn it into a
/// test failure. Crashes, hangs and running out of memory need no oracle: the harness sees them.
///
/// This file and its neighbours in `FuzzTargets/` are compiled twice: into the test target, and
/// by `scripts/fuzz.sh` together with one `Fuzz/*Fuzz.swift` main. So they import no XCTest.
struct FuzzFinding: Error, CustomStringConvertible {
    let description: String
}
