import ComplianceCore
import ComplianceTestSupport
import RuleKit
import Testing

/// Every kind's worked examples, run through the real loaders and engine: the docs cannot drift.
struct KindExampleTests {
    static let cases: [(kind: String, example: KindExample)] = Kinds.all.flatMap { kind in
        kind.examples.map { (kind.kindName, $0) }
    }

    @Test func everyKindHasAnExample() {
        for kind in Kinds.all { #expect(!kind.examples.isEmpty, "\(kind.kindName) has no worked example") }
    }

    @Test(arguments: cases.indices)
    func exampleProducesItsFindings(_ index: Int) {
        let (kind, example) = Self.cases[index]
        let project = TestProject().standardConfig().flatUnits(["x1"])
        project.write("rules/r.yaml", ruleYAML(id: "EX", effective: example.effective, kindBody: example.rule))
        if let base = example.base {
            project.write("rules/base.yaml", ruleYAML(id: "BASE", effective: example.effective, kindBody: base))
        }
        project.write(
            "logs/events.csv", (["id,unit,type,date,ref,topic,period"] + example.events).joined(separator: "\n") + "\n")
        // An example with a base rule runs as `--rule EX`: the base rule's findings count nowhere.
        let outcome = project.check(asOf: day(example.asOf)) { if example.base != nil { $0.rules = ["EX"] } }
        #expect(!outcome.diagnostics.contains { $0.level == .error }, "\(kind): \(outcome.diagnostics)")
        let actual = outcome.evaluation.findings.map { f in
            ([f.status.rawValue] + (f.reason.map { [$0] } ?? []) + [f.period ?? f.due?.description ?? ""])
                .joined(separator: " ")
        }
        #expect(actual == example.findings, "\(kind): \(example.title)")
    }
}
