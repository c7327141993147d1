import ComplianceCore

/// Where `--diagnostics FILE` sends every diagnostic as it is found: the loaders stream into it,
/// the run adds the rest, and a write that failed becomes a diagnostic of its own when it closes.
public protocol DiagnosticSink: AnyObject {
    /// The stream the loaders and the engine write to.
    var stream: DiagnosticStream { get }
    /// Appends one diagnostic, its message in `language`.
    func write(_ diagnostic: Diagnostic, language: Language)
    /// Where the evaluation's work items send every diagnostic, uncapped, to be written in item order.
    var spool: DiagnosticSpool { get }
    /// Appends what the work items sent to `spool`, in item order.
    func writeSpooled()
    /// Writes the rest and closes; a diagnostic when a write failed.
    func close() -> Diagnostic?
}
