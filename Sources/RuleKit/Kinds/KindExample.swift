/// A worked example of a rule kind: a rule, a short timeline and the findings it must produce.
///
/// Each kind carries its own examples; one generic test runs them all through the real loaders and
/// engine, and generated docs print them, so documentation cannot drift from behaviour.
public struct KindExample: Sendable {
    /// What the example shows.
    public let title: String
    /// The kind-specific YAML lines of the rule (`kind:` included), two-space indented blocks allowed.
    public let rule: String
    /// For a kind that reads another rule's findings, the YAML lines of that rule (id `BASE`).
    ///
    /// The example then runs as `--rule EX` would, and `findings` are the example rule's only.
    public let base: String?
    /// The rule's `effective` value.
    public let effective: String
    /// Log lines in CSV under the header `id,unit,type,date,ref,topic,period`; all events are unit `x1`.
    public let events: [String]
    /// The as-of date.
    public let asOf: String
    /// Every finding, satisfied included, as `status [reason] label` in report order, where label
    /// is the period (or the due date when the kind has no period).
    public let findings: [String]

    /// An example.
    public init(
        _ title: String, rule: String, base: String? = nil, effective: String = "{ from: 2023-01-01 }",
        events: [String], asOf: String, findings: [String]
    ) {
        self.title = title
        self.rule = rule
        self.base = base
        self.effective = effective
        self.events = events
        self.asOf = asOf
        self.findings = findings
    }
}
