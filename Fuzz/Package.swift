// swift-tools-version: 6.1
// libFuzzer targets for dvcheck's input readers. A separate package so the main build and
// `swift test` stay lean; build and run it with Scripts/fuzz.sh (see Fuzz/README.md).
import PackageDescription

let inputs: Target.Dependency = .product(name: "DVCheckInputs", package: "dvcheck")

let package = Package(
    name: "dvcheck-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "dvcheck", path: "..")],
    targets: [
        // Shared helpers: scratch files, fixed units, invariant checks.
        .target(name: "FuzzSupport", dependencies: [inputs]),
        .executableTarget(name: "FuzzYAMLComposer", dependencies: [inputs, "FuzzSupport"]),
        .executableTarget(name: "FuzzYAMLRecordReader", dependencies: [inputs, "FuzzSupport"]),
        .executableTarget(name: "FuzzCSVReader", dependencies: [inputs, "FuzzSupport"]),
        .executableTarget(name: "FuzzJSONLines", dependencies: [inputs, "FuzzSupport"]),
        .executableTarget(name: "FuzzDateParser", dependencies: [inputs, "FuzzSupport"]),
        .executableTarget(name: "FuzzRuleLoader", dependencies: [inputs, "FuzzSupport"]),
        .executableTarget(name: "FuzzXLSXReader", dependencies: [inputs, "FuzzSupport"]),
    ]
)
