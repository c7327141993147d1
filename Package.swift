// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "dvcheck",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dvcheck", targets: ["dvcheck"]),
        // The input-reading libraries, for the separate fuzzing package in Fuzz/ (built only there).
        .library(
            name: "DVCheckInputs",
            targets: ["ComplianceCore", "YAMLSupport", "CSVSupport", "XLSXSupport", "Ingest", "RuleKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        // The system libyaml (Debian libyaml-dev); see docs/ARCHITECTURE.md for why not Yams.
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(name: "YAMLSupport", dependencies: ["CLibYAML"]),
        // The system zlib (Debian zlib1g-dev) inflates workbook parts; the only module that imports
        // it is XLSXSupport, which reads the ZIP directory and the XML itself (docs/ARCHITECTURE.md).
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(name: "XLSXSupport", dependencies: ["CZlib"]),
        .target(name: "CSVSupport"),
        .target(name: "ComplianceCore"),
        .target(name: "NodeDecoding", dependencies: ["ComplianceCore", "YAMLSupport"]),
        .target(
            name: "Ingest",
            dependencies: [
                "ComplianceCore", "NodeDecoding", "YAMLSupport", "CSVSupport", "XLSXSupport", "RuleKit",
            ]),
        .target(name: "RuleKit", dependencies: ["ComplianceCore", "NodeDecoding", "YAMLSupport"]),
        .target(name: "Evaluation", dependencies: ["ComplianceCore", "RuleKit"]),
        .target(name: "Reporting", dependencies: ["ComplianceCore", "Evaluation"]),
        .target(
            name: "RuleAuthoring",
            dependencies: ["ComplianceCore", "NodeDecoding", "YAMLSupport", "Ingest", "RuleKit", "Evaluation"]
        ),
        // The audit history; the only module that imports GRDB.
        .target(
            name: "History",
            dependencies: ["ComplianceCore", "Evaluation", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(
            name: "DVCheckCLI",
            dependencies: [
                "ComplianceCore", "Ingest", "RuleKit", "Evaluation", "Reporting", "History", "RuleAuthoring",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "dvcheck", dependencies: ["DVCheckCLI"]),
        .target(name: "ComplianceTestSupport", dependencies: ["ComplianceCore", "Ingest", "RuleKit", "Evaluation"]),
        .testTarget(name: "YAMLSupportTests", dependencies: ["YAMLSupport"]),
        .testTarget(name: "CSVSupportTests", dependencies: ["CSVSupport"]),
        .testTarget(name: "XLSXSupportTests", dependencies: ["XLSXSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "ComplianceCoreTests", dependencies: ["ComplianceCore", "ComplianceTestSupport"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "ComplianceTestSupport"]),
        .testTarget(name: "RuleKitTests", dependencies: ["RuleKit", "ComplianceTestSupport"]),
        .testTarget(name: "BadInputTests", dependencies: ["DVCheckCLI", "ComplianceTestSupport"], exclude: ["Corpus"]),
        .testTarget(name: "RuleAuthoringTests", dependencies: ["RuleAuthoring", "ComplianceTestSupport"]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "ComplianceTestSupport"]),
        .testTarget(name: "HistoryTests", dependencies: ["History", "ComplianceTestSupport"]),
        .testTarget(name: "EvaluationTests", dependencies: ["Evaluation", "ComplianceTestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["DVCheckCLI", "ComplianceTestSupport"], exclude: ["Fixtures"]),
    ]
)
