import ComplianceCore
import Foundation
import Ingest
import RuleAuthoring

/// How an `explain` run ended: the explanation, or the diagnostics that stopped it.
public enum ExplainOutcome {
    /// Why each finding of the rule for the unit is what it is.
    case explained(Explanation, language: Language)
    /// Invalid inputs or an unknown rule or unit (exit 2), with the language to print them in.
    case refused([Diagnostic], baseDir: String, language: Language)
}

/// One `explain` run: load the project as `check` does, then explain one rule for one unit.
public enum ExplainRun {
    /// Explains `request` over the project `configPath` names, with the command line's overrides.
    public static func perform(
        _ request: Explainer.Request, configPath: String?, overrides: InputOverrides, now: Date = Date()
    ) -> ExplainOutcome {
        let project = ProjectLoader.load(
            configPath: configPath, overrides: overrides, today: { $0.today(now: now) })
        if !project.inputsValid {
            let errors = project.diagnostics.filter { $0.level == .error }
            return .refused(
                errors.sorted(by: Diagnostic.stableOrder), baseDir: project.config.baseDir,
                language: project.config.diagnosticLanguage)
        }
        switch Explainer.explain(request, in: project, language: project.config.language) {
        case .failure(let diagnostic):
            return .refused([diagnostic], baseDir: project.config.baseDir, language: project.config.diagnosticLanguage)
        case .success(let explanation): return .explained(explanation, language: project.config.language)
        }
    }
}
