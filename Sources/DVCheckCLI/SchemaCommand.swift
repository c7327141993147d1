import ArgumentParser
import Foundation
import Reporting
import RuleAuthoring

/// `dvcheck schema`: JSON Schemas for editor completion and validation of every YAML file.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract:
            "Write JSON Schemas (draft-07) for rules, units, vocabulary, calendar, waivers, logs, tests, dvcheck.yaml."
    )

    @Argument(help: "One schema to print (rules, units, vocabulary, calendar, waivers, events, rule-test, config).")
    var name: String?

    @Option(name: .customLong("output-dir"), help: "Folder to write every schema into (default: schema).")
    var outputDir: String = "schema"

    func validate() throws {
        if outputDir.isEmpty { throw ValidationError("--output-dir needs a folder name") }
    }

    func run() throws {
        let schemas = SchemaWriter.all()
        if let name {
            guard let s = schemas.first(where: { $0.name == "\(name).schema.json" }) else {
                throw ValidationError(
                    "no schema '\(name)'; choose one of: "
                        + schemas.map { $0.name.replacingOccurrences(of: ".schema.json", with: "") }.joined(
                            separator: ", "))
            }
            try OutputWriter.write(s.json, to: nil)
            return
        }
        try FileManager.default.createDirectory(atPath: outputDir, withIntermediateDirectories: true)
        for s in schemas {
            try OutputWriter.write(s.json, to: outputDir + "/" + s.name)
        }
        Terminal.writeError("wrote \(schemas.count) schemas to \(TerminalText.escaped(outputDir))/\n")
    }
}
