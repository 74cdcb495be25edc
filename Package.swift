// swift-tools-version: 6.0
import PackageDescription

// Targets are layered, lowest first; each depends only on layers below it:
//   WFStore ← WFSnapshot, WFGenerator, WFInterchange (CSV)
//   WFStore ← WFDomain (rules) ← WFLanguage (+ WFRender)
//   CLibEdit ← WFRepl (line editing, behind a protocol the language fills)
//   all of the above ← WFCommands (command line) ← wf (main)
let package = Package(
    name: "wf",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "wf", targets: ["wf"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .target(name: "WFStore"),
        .target(name: "WFSnapshot", dependencies: ["WFStore"]),
        .target(name: "WFGenerator", dependencies: ["WFStore"]),
        .target(name: "WFRender"),
        .target(name: "WFInterchange", dependencies: ["WFStore", "WFRender"]),
        .target(name: "WFDomain", dependencies: ["WFStore"]),
        .target(name: "WFLanguage", dependencies: ["WFStore", "WFDomain", "WFSnapshot", "WFRender"],
                // The evaluator keeps its frames and runtime state in class properties; Swift's
                // dynamic exclusivity checks on them were about 30% of a scalar loop's time
                // (perf: swift_beginAccess, AccessSet::insert). Evaluation is single-threaded
                // and never holds overlapping accesses, so release builds leave the checks out;
                // debug builds (and so the tests) keep them.
                swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]),
        .target(name: "WFRepl", dependencies: ["CLibEdit", "WFRender"]),
        .target(name: "WFCommands", dependencies: [
            "WFStore", "WFSnapshot", "WFGenerator", "WFInterchange", "WFLanguage", "WFRepl",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "wf", dependencies: ["WFCommands"]),
        .executableTarget(name: "wfbench", dependencies: ["WFStore", "WFSnapshot", "WFGenerator", "WFLanguage"]),
        // Shared by the test targets: a small hand-made network, and running the built `wf`.
        .target(name: "WFTestSupport", dependencies: ["WFStore"], path: "Tests/WFTestSupport"),
        .testTarget(name: "WFStoreTests", dependencies: ["WFStore"]),
        .testTarget(name: "WFSnapshotTests", dependencies: ["WFStore", "WFSnapshot", "WFGenerator", "WFTestSupport"]),
        .testTarget(name: "WFGeneratorTests", dependencies: ["WFStore", "WFGenerator"]),
        .testTarget(name: "WFRenderTests", dependencies: ["WFRender"]),
        .testTarget(name: "WFInterchangeTests", dependencies: ["WFInterchange", "WFStore", "WFTestSupport"]),
        .testTarget(name: "WFLanguageTests", dependencies: ["WFLanguage", "WFGenerator"], resources: [.copy("golden")]),
        .testTarget(name: "WFReplTests", dependencies: ["WFRepl", "wf"], exclude: ["pty"]),
        // Runs the built `wf` binary end to end (exit codes, messages, files).
        .testTarget(name: "WFCommandsTests", dependencies: ["wf", "WFStore", "WFSnapshot", "WFTestSupport"]),
        // The standard library and the recurring-job scripts, golden-tested through the wf binary.
        .testTarget(name: "WFScriptsTests", dependencies: ["wf", "WFStore", "WFSnapshot", "WFGenerator", "WFLanguage", "WFTestSupport"], exclude: ["golden"]),
        // Hostile input, fault injection, interrupts: the regression side of the fuzzers.
        .testTarget(name: "WFReliabilityTests", dependencies: ["wf", "WFStore", "WFSnapshot", "WFGenerator", "WFInterchange", "WFLanguage", "WFRender", "WFTestSupport"]),
    ],
    swiftLanguageModes: [.v5]
)
