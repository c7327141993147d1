import ComplianceCore
import Ingest

/// `--unit` and `--rule` checked against the project: naming nothing is an error, since an audit
/// filtered to a typo would pass.
enum RunFilters {
    /// An error for each id that names no unit or rule; none when the inputs are invalid (their
    /// own errors say why).
    static func problems(units: [String], rules: [String], in project: LoadedProject) -> [Diagnostic] {
        guard project.inputsValid, let registry = project.registry else { return [] }
        var out: [Diagnostic] = []
        for id in units where registry.index(of: id) == nil {
            out.append(
                .error(
                    .configUnknownUnit,
                    Message(.unknownUnitOption, ["unit": id]) + Suggestions.didYouMean(id, in: registry.ids)))
        }
        let ruleIDs = project.rules.map(\.id)
        for id in rules where !ruleIDs.contains(id) {
            out.append(
                .error(
                    .configUnknownRule,
                    Message(.unknownRuleOption, ["rule": id]) + Suggestions.didYouMean(id, in: ruleIDs))
            )
        }
        return out
    }
}
