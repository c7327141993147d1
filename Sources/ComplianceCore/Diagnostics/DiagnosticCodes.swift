/// Every diagnostic code dvcheck reports: its level and what it means (SPEC §2, docs/diagnostics.md).
///
/// docs/diagnostics.md's tables are generated from `DiagnosticCatalogue.all`
/// (`dvcheck diagnostics-doc`), and a test fails when the committed page differs.
extension DiagnosticCode {
    /// `yaml.syntax`.
    public static let yamlSyntax = DiagnosticCode(
        "yaml.syntax", .error, section: "yaml",
        meaning: "libyaml refused the text (position of the problem), or an undefined alias")
    /// `yaml.duplicate-key`.
    public static let yamlDuplicateKey = DiagnosticCode(
        "yaml.duplicate-key", .error, section: "yaml",
        meaning: "a mapping repeats a key; points at the second, the note at the first")
    /// `yaml.multiple-documents`.
    public static let yamlMultipleDocuments = DiagnosticCode(
        "yaml.multiple-documents", .error, section: "yaml",
        meaning: "a file holds more than one YAML document")
    /// `yaml.limit`.
    public static let yamlLimit = DiagnosticCode(
        "yaml.limit", .error, section: "yaml",
        meaning:
            "nesting deeper than 100 (top-level collection = 1), aliases expanding to more than 100,000 nodes, or a file over 256 MiB (refused from its size, never read); in a YAML log, a refused record nested deeper than 100"
    )
    /// `yaml.unsupported-tag`.
    public static let yamlUnsupportedTag = DiagnosticCode(
        "yaml.unsupported-tag", .error, section: "yaml",
        meaning: "a tag other than the YAML core ones (`!include`, `!!python/object`…): rules are data")
    /// `yaml.invalid-utf8`.
    public static let yamlInvalidUtf8 = DiagnosticCode(
        "yaml.invalid-utf8", .error, section: "yaml",
        meaning:
            "the file is not UTF-8 (or holds characters YAML forbids, such as NUL): points at the line and column, and the message gives the byte offset"
    )
    /// `config.missing-file`.
    public static let configMissingFile = DiagnosticCode(
        "config.missing-file", .error, section: "config",
        meaning:
            "the configuration, or a file/folder it names, does not exist (or is a folder where a file is expected, or a symbolic link to nothing); the message gives the absolute path it resolved to and, when one is close, the nearest existing name (\"did you mean 'logs' in /home/…?\")"
    )
    /// `config.unreadable-file`.
    public static let configUnreadableFile = DiagnosticCode(
        "config.unreadable-file", .error, section: "config",
        meaning:
            "a file it names, or a rule file in a folder it names, is not a regular file (a named pipe, socket or device such as `/dev/zero`: never opened for reading, so it cannot hang a run) or cannot be read"
    )
    /// `config.symlink-loop`.
    public static let configSymlinkLoop = DiagnosticCode(
        "config.symlink-loop", .error, section: "config",
        meaning:
            "a symbolic link in a rule or log folder leads back into a folder it is in, or links point at each other; it is not followed"
    )
    /// `config.missing-field`.
    public static let configMissingField = DiagnosticCode(
        "config.missing-field", .error, section: "config",
        meaning: "no `units`, `rules` or `logs` given; an empty configuration")
    /// `config.unknown-key`.
    public static let configUnknownKey = DiagnosticCode(
        "config.unknown-key", .error, section: "config",
        meaning: "a key `dvcheck.yaml` does not know (with \"did you mean\")")
    /// `config.invalid-value`.
    public static let configInvalidValue = DiagnosticCode(
        "config.invalid-value", .error, section: "config",
        meaning:
            "a bad time zone, language, `as_of` (not a date, or outside the years 1900–2199: the run stops and the JSON report's `as_of` is `null`), or a log file with an unsupported extension"
    )
    /// `config.unknown-unit`.
    public static let configUnknownUnit = DiagnosticCode(
        "config.unknown-unit", .error, section: "config",
        meaning: "`--unit` names no unit")
    /// `config.unknown-rule`.
    public static let configUnknownRule = DiagnosticCode(
        "config.unknown-rule", .error, section: "config",
        meaning: "`--rule` names no rule")
    /// `config.output-is-input`.
    public static let configOutputIsInput = DiagnosticCode(
        "config.output-is-input", .error, section: "config",
        meaning:
            "`--output` names an input of the run (a rule, unit, calendar, vocabulary, waiver or log file, the configuration, the `--history` database or the `--baseline`; for `test`, a test file or a rule, vocabulary or calendar file a test file names): nothing is written"
    )
    /// `unit.duplicate-id`.
    public static let unitDuplicateId = DiagnosticCode(
        "unit.duplicate-id", .error, section: "unit",
        meaning: "the id is already used (points at the second definition)")
    /// `unit.unknown-parent`.
    public static let unitUnknownParent = DiagnosticCode(
        "unit.unknown-parent", .error, section: "unit",
        meaning: "`parent` names no unit")
    /// `unit.cycle`.
    public static let unitCycle = DiagnosticCode(
        "unit.cycle", .error, section: "unit",
        meaning: "a unit is its own parent, or parents form a cycle")
    /// `unit.to-before-from`.
    public static let unitToBeforeFrom = DiagnosticCode(
        "unit.to-before-from", .error, section: "unit",
        meaning: "`to` is before `from` (points at `to`)")
    /// `unit.unknown-successor`.
    public static let unitUnknownSuccessor = DiagnosticCode(
        "unit.unknown-successor", .error, section: "unit",
        meaning: "`successor` names no unit")
    /// `unit.invalid-value`.
    public static let unitInvalidValue = DiagnosticCode(
        "unit.invalid-value", .error, section: "unit",
        meaning: "a bad id (`[a-z0-9][a-z0-9._-]*`), a bad date, a `successor` without `to`, a wrong type")
    /// `unit.missing-field`.
    public static let unitMissingField = DiagnosticCode(
        "unit.missing-field", .error, section: "unit",
        meaning: "`id`, `name`, `level` or `kind` missing; an empty registry")
    /// `unit.unknown-key`.
    public static let unitUnknownKey = DiagnosticCode(
        "unit.unknown-key", .error, section: "unit",
        meaning: "a key units do not have")
    /// `unit.no-events`.
    public static let unitNoEvents = DiagnosticCode(
        "unit.no-events", .warning, section: "unit",
        meaning:
            "`check`: the unit is silent — rules that read events apply to it, and it logged no event (accepted, not ignored) from the earliest `effective.from` of those rules (or the unit's `from`, `--from`) to the latest `effective.to` (or its `to`, `--to`, the as-of date); no deadline or precedence rule can fail for it. One per unit, at its definition; listed in the JSON `silent_units`. The exit code does not change"
    )
    /// `rule.unknown-key`.
    public static let ruleUnknownKey = DiagnosticCode(
        "rule.unknown-key", .error, section: "rule",
        meaning:
            "a key the rule (or the rule's kind, or a nested map such as `lead`, `due`, `extensions`) does not have, or an unknown `where` operator — a typo must never silently disable a rule"
    )
    /// `rule.unknown-kind`.
    public static let ruleUnknownKind = DiagnosticCode(
        "rule.unknown-kind", .error, section: "rule",
        meaning: "`kind` is not one of the seven")
    /// `rule.unknown-rule`.
    public static let ruleUnknownRule = DiagnosticCode(
        "rule.unknown-rule", .error, section: "rule",
        meaning: "a `ratio` rule's `of` names no rule (points at `of`'s value)")
    /// `rule.missing-field`.
    public static let ruleMissingField = DiagnosticCode(
        "rule.missing-field", .error, section: "rule",
        meaning: "a required key is missing (points at the key whose map lacks it, e.g. `effective:`)")
    /// `rule.invalid-value`.
    public static let ruleInvalidValue = DiagnosticCode(
        "rule.invalid-value", .error, section: "rule",
        meaning:
            "a value of the wrong type or out of range: a bad date (or one outside the years 1900–2199), a duration (`within`, `by`, `offset`, `max_gap`, `lead`) over 36,500 days or working days, severity, period, `match_period: date` without `due.after: start` (points at `match_period`), `at_least` > `at_most`, `effective.to` before `from`; a `ratio`'s `of` naming a rule that is not a deadline or precedence rule, or its `at_least` not a percentage with `%` (0–100, one decimal at most), `min_items` < 1"
    )
    /// `rule.duplicate-id`.
    public static let ruleDuplicateId = DiagnosticCode(
        "rule.duplicate-id", .error, section: "rule",
        meaning: "the id is already defined (message and note name the first place)")
    /// `rule.unknown-placeholder`.
    public static let ruleUnknownPlaceholder = DiagnosticCode(
        "rule.unknown-placeholder", .error, section: "rule",
        meaning: "`message` uses a placeholder that does not exist")
    /// `rule.unknown-type`.
    public static let ruleUnknownType = DiagnosticCode(
        "rule.unknown-type", .error, section: "rule",
        meaning: "with a vocabulary: the rule names an event type it does not define")
    /// `rule.unknown-attribute`.
    public static let ruleUnknownAttribute = DiagnosticCode(
        "rule.unknown-attribute", .error, section: "rule",
        meaning: "with a vocabulary: the rule reads an attribute no event type declares")
    /// `rule.unknown-unit`.
    public static let ruleUnknownUnit = DiagnosticCode(
        "rule.unknown-unit", .error, section: "rule",
        meaning:
            "a selector's `id` or `under` names no unit (in `applies_to`, a deadline override's `when.unit`, or inside `not`); points at the value"
    )
    /// `rule.empty-file`.
    public static let ruleEmptyFile = DiagnosticCode(
        "rule.empty-file", .warning, section: "rule",
        meaning: "a rule file holds nothing (no document): it defines no rules")
    /// `rule.unknown-selector-value`.
    public static let ruleUnknownSelectorValue = DiagnosticCode(
        "rule.unknown-selector-value", .warning, section: "rule",
        meaning:
            "a selector's `level`, `kind` or tag (in `applies_to`, `when.unit`, `not`, `tags: {all, any}`) is carried by no unit of the registry, so that part selects nothing; points at the value, with \"did you mean\""
    )
    /// `rule.selects-nothing`.
    public static let ruleSelectsNothing = DiagnosticCode(
        "rule.selects-nothing", .warning, section: "rule",
        meaning:
            "the rule's `applies_to` selects no unit of the registry, or only units that do not exist on any day the rule is in force (`effective`): the rule is never evaluated; points at `applies_to` (at the rule's `id` when it has none)"
    )
    /// `rule.overlaps`.
    public static let ruleOverlaps = DiagnosticCode(
        "rule.overlaps", .warning, section: "rule",
        meaning:
            "two rules of the same kind with the same event pattern(s) (`event`; `trigger`+`fulfil`; `target`+`requires`) select a common unit that exists while both are in force: the same events are judged twice (usually a successor rule whose predecessor's `effective.to` was not set). At the later rule (file order), with the other as a related location; the message names both"
    )
    /// `vocabulary.invalid-value`.
    public static let vocabularyInvalidValue = DiagnosticCode(
        "vocabulary.invalid-value", .error, section: "registry",
        meaning: "malformed vocabulary (e.g. an attribute type other than string, number, boolean, date)")
    /// `vocabulary.unknown-key`.
    public static let vocabularyUnknownKey = DiagnosticCode(
        "vocabulary.unknown-key", .error, section: "registry",
        meaning: "malformed vocabulary (e.g. an attribute type other than string, number, boolean, date)")
    /// `vocabulary.missing-field`.
    public static let vocabularyMissingField = DiagnosticCode(
        "vocabulary.missing-field", .error, section: "registry",
        meaning: "malformed vocabulary (e.g. an attribute type other than string, number, boolean, date)")
    /// `calendar.invalid-value`.
    public static let calendarInvalidValue = DiagnosticCode(
        "calendar.invalid-value", .error, section: "registry",
        meaning: "malformed calendar (unknown weekday, a seven-day weekend, a holiday without a date)")
    /// `calendar.unknown-key`.
    public static let calendarUnknownKey = DiagnosticCode(
        "calendar.unknown-key", .error, section: "registry",
        meaning: "malformed calendar (unknown weekday, a seven-day weekend, a holiday without a date)")
    /// `calendar.missing-field`.
    public static let calendarMissingField = DiagnosticCode(
        "calendar.missing-field", .error, section: "registry",
        meaning: "malformed calendar (unknown weekday, a seven-day weekend, a holiday without a date)")
    /// `calendar.empty-file`.
    public static let calendarEmptyFile = DiagnosticCode(
        "calendar.empty-file", .warning, section: "registry",
        meaning: "the calendar file is empty (or holds only comments): only the weekend rule applies")
    /// `calendar.outside-range`.
    public static let calendarOutsideRange = DiagnosticCode(
        "calendar.outside-range", .warning, section: "registry",
        meaning:
            "a date computation used days outside the calendar's `covers` range; the weekend rule alone applied there (once per run)"
    )
    /// `waiver.unknown-rule`.
    public static let waiverUnknownRule = DiagnosticCode(
        "waiver.unknown-rule", .error, section: "registry",
        meaning: "a waiver names no rule")
    /// `waiver.unknown-unit`.
    public static let waiverUnknownUnit = DiagnosticCode(
        "waiver.unknown-unit", .error, section: "registry",
        meaning: "a waiver names no unit")
    /// `waiver.invalid-value`.
    public static let waiverInvalidValue = DiagnosticCode(
        "waiver.invalid-value", .error, section: "registry",
        meaning:
            "malformed waiver (`reason`, `approved_by`, `expires` are required; a blank `reason` or `approved_by` — white space only — is `waiver.invalid-value`; a date outside 1900–2199 too)"
    )
    /// `waiver.unknown-key`.
    public static let waiverUnknownKey = DiagnosticCode(
        "waiver.unknown-key", .error, section: "registry",
        meaning:
            "malformed waiver (`reason`, `approved_by`, `expires` are required; a blank `reason` or `approved_by` — white space only — is `waiver.invalid-value`; a date outside 1900–2199 too)"
    )
    /// `waiver.missing-field`.
    public static let waiverMissingField = DiagnosticCode(
        "waiver.missing-field", .error, section: "registry",
        meaning:
            "malformed waiver (`reason`, `approved_by`, `expires` are required; a blank `reason` or `approved_by` — white space only — is `waiver.invalid-value`; a date outside 1900–2199 too)"
    )
    /// `waiver.empty-file`.
    public static let waiverEmptyFile = DiagnosticCode(
        "waiver.empty-file", .warning, section: "registry",
        meaning: "the waivers file is empty (or holds only comments): nothing is waived")
    /// `waiver.expired`.
    public static let waiverExpired = DiagnosticCode(
        "waiver.expired", .warning, section: "registry",
        meaning: "the as-of date is after `expires`: the waiver waives nothing")
    /// `waiver.unused`.
    public static let waiverUnused = DiagnosticCode(
        "waiver.unused", .warning, section: "registry",
        meaning: "the waiver matched no finding")
    /// `log.missing-field`.
    public static let logMissingField = DiagnosticCode(
        "log.missing-field", .error, section: "log",
        meaning:
            "the record lacks `id`, `unit`, `type` or `date` (or a field the vocabulary `requires`); also each row of a CSV whose header lacks a required column"
    )
    /// `log.unknown-unit`.
    public static let logUnknownUnit = DiagnosticCode(
        "log.unknown-unit", .error, section: "log",
        meaning: "the unit is not in the registry (with \"did you mean\")")
    /// `log.bad-date`.
    public static let logBadDate = DiagnosticCode(
        "log.bad-date", .error, section: "log",
        meaning:
            "not `YYYY-MM-DD`, `D/M/YYYY` or a datetime with `Z`/offset; impossible dates; month-first dates; a date outside the years 1900–2199 (a datetime: once converted to the project zone)"
    )
    /// `log.duplicate-id`.
    public static let logDuplicateId = DiagnosticCode(
        "log.duplicate-id", .error, section: "log",
        meaning: "the id was already accepted (the first accepted record wins)")
    /// `log.malformed-row`.
    public static let logMalformedRow = DiagnosticCode(
        "log.malformed-row", .error, section: "log",
        meaning:
            "a CSV row with more or fewer cells than the header, broken quoting, invalid JSON, a JSON number a double cannot hold (`1e400`, a 400-digit integer), a nested list or map, a YAML item that is not a mapping, a NUL byte (CSV, JSON Lines), a CSV record over a limit (16 MiB per record, 1 MiB per field, 1,000 cells; see `SECURITY.md`); for a CSV header naming a column twice, or a header over a limit, the whole file"
    )
    /// `log.invalid-utf8`.
    public static let logInvalidUtf8 = DiagnosticCode(
        "log.invalid-utf8", .error, section: "log",
        meaning:
            "the record is not valid UTF-8 (CSV: the message gives the byte offset of the first bad byte; a UTF-16 file: the whole file)"
    )
    /// `log.unknown-type`.
    public static let logUnknownType = DiagnosticCode(
        "log.unknown-type", .error, section: "log",
        meaning: "with a vocabulary: an unknown event type")
    /// `log.bad-attribute`.
    public static let logBadAttribute = DiagnosticCode(
        "log.bad-attribute", .error, section: "log",
        meaning: "with a vocabulary: a value of the wrong type")
    /// `log.yaml-alias`.
    public static let logYamlAlias = DiagnosticCode(
        "log.yaml-alias", .error, section: "log",
        meaning: "an anchor or alias inside a YAML log record")
    /// `log.wrong-top-level`.
    public static let logWrongTopLevel = DiagnosticCode(
        "log.wrong-top-level", .error, section: "log",
        meaning: "a YAML log that is not a single `events:` list (the whole file)")
    /// `log.unreadable`.
    public static let logUnreadable = DiagnosticCode(
        "log.unreadable", .error, section: "log",
        meaning:
            "the file cannot be read, or is not a regular file (a named pipe, a device, a symbolic link to nothing): the whole file, never opened for reading"
    )
    /// `log.bad-cell`.
    public static let logBadCell = DiagnosticCode(
        "log.bad-cell", .error, section: "log",
        meaning:
            "a workbook cell under a named column holds an error value (`#N/A`, `#DIV/0!`…), a formula whose value was never saved (no `<v>`, or an empty `<v/>` on a non-string cell), or a value its cell type cannot hold; at the cell's row and column"
    )
    /// `log.bad-workbook`.
    public static let logBadWorkbook = DiagnosticCode(
        "log.bad-workbook", .error, section: "log",
        meaning:
            "an `.xlsx` log that is not a valid ZIP or Office Open XML workbook: no end-of-directory record, a truncated or encrypted file, a ZIP64 or multi-volume archive, no workbook part, a sheet whose part is missing, XML that is not well-formed or declares a DTD (`<!DOCTYPE`), a shared string index out of range, rows or cells out of order or beyond `XFD1048576`, a header naming a column twice: the whole file"
    )
    /// `log.limit`.
    public static let logLimit = DiagnosticCode(
        "log.limit", .error, section: "log",
        meaning:
            "an `.xlsx` log over a limit of SPEC §10.7 (256 MiB compressed, 1 GiB inflated per part, a part inflating over 100:1, more than 10,000 parts; see `SECURITY.md`): the whole file"
    )
    /// `log.units-unchecked`.
    public static let logUnitsUnchecked = DiagnosticCode(
        "log.units-unchecked", .note, section: "log",
        meaning:
            "the unit registry has errors, so the logs were checked against the ids it names (without hierarchy or successors) and nothing is evaluated; or no unit could be read at all, and the logs were checked without their units (at the registry file)"
    )
    /// `log.unknown-attribute`.
    public static let logUnknownAttribute = DiagnosticCode(
        "log.unknown-attribute", .warning, section: "log",
        meaning: "with a vocabulary: an attribute the type does not declare (once per file and attribute)")
    /// `log.empty-file`.
    public static let logEmptyFile = DiagnosticCode(
        "log.empty-file", .warning, section: "log",
        meaning: "the file holds nothing (a CSV without even a header; YAML with only comments)")
    /// `log.after-as-of`.
    public static let logAfterAsOf = DiagnosticCode(
        "log.after-as-of", .warning, section: "log",
        meaning: "accepted records dated after the as-of date are ignored (once per file, at the first)")
    /// `log.outside-unit-life`.
    public static let logOutsideUnitLife = DiagnosticCode(
        "log.outside-unit-life", .warning, section: "log",
        meaning: "accepted records dated outside their unit's `from`/`to` are ignored (once per file)")
    /// `log.sheet-skipped`.
    public static let logSheetSkipped = DiagnosticCode(
        "log.sheet-skipped", .warning, section: "log",
        meaning:
            "a workbook sheet is not read: none of its first 20 non-empty rows names all of `id`, `unit`, `type`, `date`, or it is hidden, or it is a chart or dialog sheet (once per sheet)"
    )
    /// `log.unheaded-cells`.
    public static let logUnheadedCells = DiagnosticCode(
        "log.unheaded-cells", .warning, section: "log",
        meaning:
            "a workbook sheet has values in columns without a header name; they are ignored (once per sheet, at the first such cell)"
    )
    /// `log.file-skipped`.
    public static let logFileSkipped = DiagnosticCode(
        "log.file-skipped", .warning, section: "log",
        meaning:
            "an Excel lock file (`~$*.xlsx`, left beside a workbook open in Excel) found among the logs is not read")
    /// `deadline.missing-key`.
    public static let deadlineMissingKey = DiagnosticCode(
        "deadline.missing-key", .error, section: "evaluation",
        meaning: "a trigger dated in the window lacks a `key` field: no finding, counted against `--max-rejected`")
    /// `precedence.missing-key`.
    public static let precedenceMissingKey = DiagnosticCode(
        "precedence.missing-key", .error, section: "evaluation",
        meaning: "the same for a precedence target")
    /// `deadline.unkeyed-event`.
    public static let deadlineUnkeyedEvent = DiagnosticCode(
        "deadline.unkeyed-event", .warning, section: "evaluation",
        meaning:
            "a fulfilment, closing event (`closed_by`), extension or pause start/end lacks a `key` field and matches nothing"
    )
    /// `test.missing-file`.
    public static let testMissingFile = DiagnosticCode(
        "test.missing-file", .error, section: "test",
        meaning: "a test file or folder given on the command line, or a rule file a test file names, does not exist")
    /// `test.unknown-key`.
    public static let testUnknownKey = DiagnosticCode(
        "test.unknown-key", .error, section: "test",
        meaning: "a malformed test file (a misspelt key, a test without `expect`, a bad date)")
    /// `test.missing-field`.
    public static let testMissingField = DiagnosticCode(
        "test.missing-field", .error, section: "test",
        meaning: "a malformed test file (a misspelt key, a test without `expect`, a bad date)")
    /// `test.invalid-value`.
    public static let testInvalidValue = DiagnosticCode(
        "test.invalid-value", .error, section: "test",
        meaning: "a malformed test file (a misspelt key, a test without `expect`, a bad date)")
    /// `test.unknown-rule`.
    public static let testUnknownRule = DiagnosticCode(
        "test.unknown-rule", .error, section: "test",
        meaning: "a test's `rule` names no rule of the test file's rules (with \"did you mean\")")
    /// `test.no-match`.
    public static let testNoMatch = DiagnosticCode(
        "test.no-match", .error, section: "test",
        meaning: "`--filter TEXT` matched no test name: nothing was run")
    /// `init.not-empty`.
    public static let initNotEmpty = DiagnosticCode(
        "init.not-empty", .error, section: "init",
        meaning:
            "the folder given to `init` holds something (or is a file): nothing is written, nothing overwritten, exit 2"
    )
    /// `init.empty-pack`.
    public static let initEmptyPack = DiagnosticCode(
        "init.empty-pack", .error, section: "init",
        meaning:
            "`--pack` names a folder with no `*.yaml`/`*.yml` rule file, or files that define no rule: nothing is written, exit 2"
    )
    /// `history.unreadable`.
    public static let historyUnreadable = DiagnosticCode(
        "history.unreadable", .error, section: "history",
        meaning:
            "the `--history` file cannot be opened or read: not a regular file (a device, a named pipe), not an SQLite file, an SQLite database that is not a dvcheck history (other tables, no record of dvcheck's schema), a history written by a newer dvcheck (the message says so), a damaged file, no such file for `dvcheck history`. The file is left untouched; the report is written without change marks, nothing is recorded, exit 2"
    )
    /// `history.write-failed`.
    public static let historyWriteFailed = DiagnosticCode(
        "history.write-failed", .error, section: "history",
        meaning:
            "the run could not be recorded (disk full, read-only file, another run holding the history for more than 120 s); the history is unchanged (one transaction), exit 2"
    )
    /// `output.write-failed`.
    public static let outputWriteFailed = DiagnosticCode(
        "output.write-failed", .error, section: "history",
        meaning:
            "the report cannot be written: no such folder, no permission, disk full, or `--output` names a socket, a block device, a folder or a named pipe no process reads, or standard output was closed by its reader (`| head`). A device or a named pipe with a reader is written into, never replaced. Nothing is replaced and no temporary file is left behind, nothing is recorded in the history, exit 2"
    )
    /// `baseline.invalid`.
    public static let baselineInvalid = DiagnosticCode(
        "baseline.invalid", .error, section: "history",
        meaning:
            "the `--baseline` file is not a `dvcheck.result/v1` JSON result (or a finding lacks fingerprint, rule, unit or status); the report is written without change marks, exit 2"
    )
    /// `report.invalid-result`.
    public static let reportInvalidResult = DiagnosticCode(
        "report.invalid-result", .error, section: "result",
        meaning:
            "a file given to `dvcheck report` is not JSON, not a `dvcheck.result/v1` document, or was written without the context a re-render needs (`rules`, `events`, `options`); nothing is written, exit 2"
    )
    /// `merge.incompatible`.
    public static let mergeIncompatible = DiagnosticCode(
        "merge.incompatible", .error, section: "result",
        meaning:
            "results given together are not shards of one audit: their tool version, as-of date, time zone, window, `include_satisfied`, rule files, units, calendar, vocabulary or waivers (by `sha256`) differ, or they define a rule differently; nothing is written, exit 2"
    )
    /// `merge.overlap`.
    public static let mergeOverlap = DiagnosticCode(
        "merge.overlap", .error, section: "result",
        meaning:
            "two results hold findings of the same (rule, unit) pair: the shards overlap; nothing is written, exit 2")
}

extension DiagnosticCatalogue {
    /// Every code, in the order docs/diagnostics.md lists them.
    public static let all: [DiagnosticCode] = [
        .yamlSyntax,
        .yamlDuplicateKey,
        .yamlMultipleDocuments,
        .yamlLimit,
        .yamlUnsupportedTag,
        .yamlInvalidUtf8,
        .configMissingFile,
        .configUnreadableFile,
        .configSymlinkLoop,
        .configMissingField,
        .configUnknownKey,
        .configInvalidValue,
        .configUnknownUnit,
        .configUnknownRule,
        .configOutputIsInput,
        .unitDuplicateId,
        .unitUnknownParent,
        .unitCycle,
        .unitToBeforeFrom,
        .unitUnknownSuccessor,
        .unitInvalidValue,
        .unitMissingField,
        .unitUnknownKey,
        .unitNoEvents,
        .ruleUnknownKey,
        .ruleUnknownKind,
        .ruleUnknownRule,
        .ruleMissingField,
        .ruleInvalidValue,
        .ruleDuplicateId,
        .ruleUnknownPlaceholder,
        .ruleUnknownType,
        .ruleUnknownAttribute,
        .ruleUnknownUnit,
        .ruleEmptyFile,
        .ruleUnknownSelectorValue,
        .ruleSelectsNothing,
        .ruleOverlaps,
        .vocabularyInvalidValue,
        .vocabularyUnknownKey,
        .vocabularyMissingField,
        .calendarInvalidValue,
        .calendarUnknownKey,
        .calendarMissingField,
        .calendarEmptyFile,
        .calendarOutsideRange,
        .waiverUnknownRule,
        .waiverUnknownUnit,
        .waiverInvalidValue,
        .waiverUnknownKey,
        .waiverMissingField,
        .waiverEmptyFile,
        .waiverExpired,
        .waiverUnused,
        .logMissingField,
        .logUnknownUnit,
        .logBadDate,
        .logDuplicateId,
        .logMalformedRow,
        .logInvalidUtf8,
        .logUnknownType,
        .logBadAttribute,
        .logYamlAlias,
        .logWrongTopLevel,
        .logUnreadable,
        .logBadCell,
        .logBadWorkbook,
        .logLimit,
        .logUnitsUnchecked,
        .logUnknownAttribute,
        .logEmptyFile,
        .logAfterAsOf,
        .logOutsideUnitLife,
        .logSheetSkipped,
        .logUnheadedCells,
        .logFileSkipped,
        .deadlineMissingKey,
        .precedenceMissingKey,
        .deadlineUnkeyedEvent,
        .testMissingFile,
        .testUnknownKey,
        .testMissingField,
        .testInvalidValue,
        .testUnknownRule,
        .testNoMatch,
        .initNotEmpty,
        .initEmptyPack,
        .historyUnreadable,
        .historyWriteFailed,
        .outputWriteFailed,
        .baselineInvalid,
        .reportInvalidResult,
        .mergeIncompatible,
        .mergeOverlap,
    ]
}
