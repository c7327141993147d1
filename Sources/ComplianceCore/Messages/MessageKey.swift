/// Every sentence and label dvcheck writes for people: the keys of the message catalogues
/// (`EnglishMessages.swift`, `VietnameseMessages.swift`); each case's comment is its English text.
public enum MessageKey: String, CaseIterable, Sendable {
    // MARK: 1core
    /// {count} more like this
    case moreLikeThis
    /// related location
    case relatedLocation
    /// sheet '{sheet}':
    case sheetPrefix
    ///  (did you mean '{suggestion}'?)
    case didYouMean
    ///  (did you mean '{suggestion}' in {folder}?)
    case didYouMeanIn
    /// ; resolved to {path}
    case resolvedTo
    /// {detail}
    case verbatimDetail
    /// {what} must be a mapping, found a {kind}
    case mustBeMapping
    /// {what}: keys must be plain text
    case keysMustBePlainText
    /// unknown key '{key}' in {what}
    case unknownKey
    /// {what} lacks the required key '{key}'
    case lacksRequiredKey
    /// {what} must be text, found {kind}
    case mustBeText
    /// {what} must be a date YYYY-MM-DD, found '{kind}'
    case mustBeDateFoundKind
    /// {what} '{value}' is outside the years {from}–{to} (dates must lie in that span)
    case dateOutOfRange
    /// {what} must be a date YYYY-MM-DD, found '{value}'
    case mustBeDate
    /// {what} must be a whole number ≥ {minimum}, found '{value}'
    case mustBeWholeNumber
    /// {what} must be true or false, found '{value}'
    case mustBeBoolean
    /// {what} '{value}' is too long: a duration is at most {maximum} days or working days
    case durationTooLong
    /// {what} must be a duration such as '30 days' or '10 working days', found '{value}'
    case mustBeDuration
    /// {what} must be one of {options}
    case mustBeOneOf
    /// {what} must be one of {options}, found '{value}'
    case mustBeOneOfFound
    /// {what} needs 'vi' or 'en'
    case needsViOrEn
    /// file not found: {path}
    case fileNotFound
    /// a symbolic link to a missing file: {path}
    case symlinkToMissingFile
    /// expected a file but found a folder: {path}
    case expectedFileFoundFolder
    /// {path} is a loop of symbolic links that never reaches a file
    case symlinkLoopFile
    /// {path} is {kind}, not a regular file; it is not read
    case notRegularFileNotRead
    /// {path} is {kind}, not a regular file
    case notRegularFile
    /// cannot read {path}: {why}
    case cannotRead
    /// file is {size} bytes or more, over the limit of {limit} bytes
    case fileTooLarge
    /// {detail}
    case yamlProblem
    // MARK: 2registry
    /// the calendar file is empty; only the weekend rule applies
    case calendarEmpty
    /// unknown weekday '{name}'
    case unknownWeekday
    /// a weekend of seven days leaves no working day
    case weekendOfSevenDays
    /// a holiday has either 'date' or 'from'/'to', not both
    case holidayDateAndRange
    /// holiday ends ({to}) before it begins ({from})
    case holidayEndsBeforeBegins
    /// a holiday needs 'date', or 'from' and 'to'
    case holidayNeedsDate
    /// holidays must be a list
    case holidaysMustBeList
    /// covers.to is before covers.from
    case coversToBeforeFrom
    /// the unit registry is empty
    case unitRegistryEmpty
    /// 'units' must be a list
    case unitsMustBeList
    /// unit id '{id}' is already defined at line {line}
    case unitIdAlreadyDefined
    /// unit '{id}' names unknown parent '{parent}'
    case unitUnknownParent
    /// unit '{id}' names unknown successor '{successor}'
    case unitUnknownSuccessor
    /// unit id '{id}' must match [a-z0-9][a-z0-9._-]*
    case unitIdPattern
    /// a successor needs 'to': the day the unit ended
    case successorNeedsTo
    /// unit ends (to: {to}) before it begins (from: {from})
    case unitEndsBeforeBegins
    /// unit '{id}' is its own parent
    case unitOwnParent
    /// units form a cycle of parents: {cycle}
    case unitCycle
    /// the vocabulary is empty
    case vocabularyEmpty
    /// event_types must map each type to its definition
    case eventTypesMustMap
    /// attributes must map names to types (string, number, boolean, date)
    case attributesMustMap
    /// the waivers file is empty; nothing is waived
    case waiversEmpty
    /// waiver names unknown rule '{rule}'
    case waiverUnknownRule
    /// waiver names unknown unit '{unit}'
    case waiverUnknownUnit
    /// periods.to is before periods.from
    case periodsToBeforeFrom
    /// 'waivers' must be a list
    case waiversMustBeList
    /// {what} must not be blank
    case mustNotBeBlank
    /// {path} is empty: it needs at least 'rules', 'units' and 'logs'
    case configEmpty
    /// unknown time zone '{zone}' (an IANA name such as Asia/Ho_Chi_Minh)
    case unknownTimeZone
    /// docs_url must be an http or https URL, not '{url}'
    case docsURLMustBeHTTP
    /// no such project folder '{path}'
    case noSuchProjectFolder
    /// no dvcheck.yaml here; use --project DIR or --config FILE
    case noConfigHere
    /// no unit registry: set 'units' in dvcheck.yaml or pass --units
    case noUnitRegistry
    /// no rules: set 'rules' in dvcheck.yaml or pass --rules
    case noRules
    /// no logs: set 'logs' in dvcheck.yaml or pass --logs
    case noLogs
    /// skipped: an Excel lock file (the workbook is open in Excel), not a log
    case excelLockFileSkipped
    /// unsupported log format '.{extension}' (use .csv, .jsonl, .ndjson, .yaml, .yml or .xlsx)
    case unsupportedLogFormat
    /// no unit could be read: the logs were checked without checking their units; nothing is evaluated
    case logsCheckedWithoutUnits
    /// the unit registry has errors: the logs were checked against the units it names, without their hierarchy or successors; nothing is evaluated
    case logsCheckedProvisionally
    /// unknown time zone '{zone}' given to --timezone
    case unknownTimeZoneOption
    /// '{path}' (from '{key}') is a folder, not a file
    case inputIsFolder
    /// '{path}' (from '{key}') is a loop of symbolic links that never reaches a file
    case inputSymlinkLoop
    /// '{path}' (from '{key}') does not exist
    case inputDoesNotExist
    /// '{path}' (from '{key}') is a symbolic link that leads back into its own folder, or a loop of links; it is not followed
    case inputLinkLeadsBack
    /// '{path}' (from '{key}') is {kind}, not a regular file; it is not read
    case inputNotRegularFile
    /// '{path}' (from '{key}') is a symbolic link to a file that does not exist
    case inputDanglingLink
    /// '{path}' (from '{key}') has a name that is not UTF-8 (a legacy encoding?); it is not read: rename it
    case inputNameNotUTF8
    /// cannot read the log: it is {kind}; the file is skipped
    case logUnreadableSkipped
    // MARK: 3logs
    /// cannot read the log: {why}
    case cannotReadLog
    /// the file is UTF-16; logs must be UTF-8
    case logIsUTF16
    /// reading stopped: {why}
    case readingStopped
    /// the header (line {line}) lacks the required column(s) {columns}; every row is rejected
    case headerLacksColumns
    /// the row has {cells} cells but the header has {width}
    case rowCellCount
    /// the header is not valid UTF-8 (byte offset {offset})
    case headerNotUTF8
    /// the record is not valid UTF-8 (byte offset {offset})
    case recordNotUTF8
    /// malformed header: {detail}
    case malformedHeader
    /// {detail}
    case csvMalformed
    /// the header names column '{name}' twice
    case headerNamesColumnTwice
    /// the line is {bytes} bytes long, over the limit of {limit} bytes
    case lineTooLong
    /// the line is not valid UTF-8 (byte offset {offset})
    case lineNotUTF8
    /// {detail}
    case jsonMalformed
    /// the log file is empty
    case logFileEmpty
    /// ; the file is skipped
    case fileIsSkipped
    /// the record lacks the required field '{field}'
    case recordLacksField
    /// unknown unit '{unit}'
    case unknownUnit
    /// unknown event type '{type}'
    case unknownEventType
    /// a '{type}' record needs the field '{field}'
    case recordNeedsField
    /// bad date '{value}': no such date or time
    case badDateImpossible
    /// bad date '{value}': a datetime needs Z or an offset such as +07:00
    case badDateMissingOffset
    /// bad date '{value}': expected YYYY-MM-DD, D/M/YYYY (day first) or YYYY-MM-DDTHH:MM[:SS]±HH:MM
    case badDateMalformed
    /// bad date '{value}': dates must lie in the years 1900–2199
    case badDateOutOfRange
    /// attribute '{name}' must be a {type}, found '{value}'
    case attributeWrongType
    /// attribute '{name}' is not declared for event type '{type}' in the vocabulary (first in this file)
    case attributeUndeclared
    /// duplicate event id '{id}' (first accepted at {place})
    case duplicateEventID
    /// event '{id}' is dated {day}, after the as-of date {asOf}; such events are ignored (first in this file)
    case eventAfterAsOf
    /// event '{id}' is dated {day}, outside the life of unit '{unit}'; such events are ignored (first in this file)
    case eventOutsideUnitLife
    /// {detail}
    case workbookProblem
    /// the sheet is skipped: it is a hidden sheet
    case sheetSkippedHidden
    /// the sheet is skipped: it is not a worksheet (a chart or dialog sheet)
    case sheetSkippedNotWorksheet
    /// the sheet is skipped: none of its first {rows} non-empty rows names all of the columns id, unit, type and date
    case sheetSkippedNoHeader
    /// cells in columns without a header name are ignored (first at {cell})
    case unheadedCells
    /// cell {cell} holds the error value {value}
    case cellErrorValue
    /// cell {cell} holds a formula whose value was never saved (open and save the workbook in Excel or LibreOffice to compute it)
    case cellNoCachedValue
    /// cell {cell} holds '{value}', not a value of its type
    case cellWrongType
    /// cell {cell} holds date serial 60, which is 29/02/1900, a day that did not exist
    case cellFictitiousDate
    /// cell {cell} holds date serial {value}, which is no date
    case cellNoDate
    /// {detail}
    case yamlLogProblem
    // MARK: 4rules
    /// overrides must be a list
    case overridesMustBeList
    /// trigger '{event}' of rule {rule} lacks the key field(s) {fields}; no finding is made
    case triggerLacksKey
    /// event '{event}' lacks the key field(s) {fields} of rule {rule} and matches nothing
    case eventLacksKey
    /// target '{event}' of rule {rule} lacks the key field(s) {fields}; no finding is made
    case targetLacksKey
    /// a frequency rule needs at_least or at_most
    case frequencyNeedsBound
    /// at_least ({atLeast}) is greater than at_most ({atMost})
    case atLeastAboveAtMost
    /// from ({from}) is after by ({by})
    case fromAfterBy
    /// match_period: date needs due.after: start (a deliverable due early in its own period)
    case matchPeriodDateNeedsStart
    /// at_least must be a percentage with the % sign, 0–100 with at most one decimal (e.g. 85% or 57.5%), found '{value}'
    case percentageExpected
    /// ratio rule reads the items of a deadline or precedence rule; '{rule}' is a {ruleKind} rule
    case ratioBaseKind
    /// max_gap is counted in calendar days ('45 days'), not working days
    case maxGapCalendarDays
    /// rule {later} overlaps rule {earlier} ({place}): both are {ruleKind} rules on the same {fields} for {units}, in force {range}, so the same events are judged twice; if one replaces the other, end the earlier one's effective range before the later one starts
    case rulesOverlap
    /// {first} and {second}
    case overlapFields
    /// unit {unit}
    case overlapOneUnit
    /// {count} units ({unit}, …)
    case overlapManyUnits
    /// from {from} to {to}
    case rangeFromTo
    /// from {from} on
    case rangeFromOn
    /// unknown operator '{operator}' for field '{field}'
    case unknownOperator
    /// {what} must be a single value, found {kind}
    case mustBeSingleValue
    /// {what}.type needs at least one event type
    case typeNeedsEventType
    /// {what} must be a mapping of fields to conditions
    case mustMapFieldsToConditions
    /// {what}: field names must be text
    case fieldNamesMustBeText
    /// {what}.{field}: a list needs an operator, e.g. { in: [...] }
    case listNeedsOperator
    /// {what} takes a list
    case takesList
    /// {what} date '{value}' is outside the years {from}–{to}
    case compareDateOutOfRange
    /// {what} compares numbers or dates (YYYY-MM-DD), found '{value}'
    case comparesNumbersOrDates
    /// the rule file is empty: it defines no rules
    case ruleFileEmpty
    /// rule id '{id}' is already defined at {place}
    case ruleIdAlreadyDefined
    /// 'rules' must be a list of rules
    case rulesMustBeList
    /// rule '{rule}' reads the items of unknown rule '{base}'
    case ruleReadsUnknownRule
    /// a rule must be a mapping, found a {kind}
    case ruleMustBeMapping
    /// unknown rule kind '{name}'
    case unknownRuleKind
    /// id must not be empty
    case idMustNotBeEmpty
    /// unknown placeholder '{placeholder}' in message
    case unknownPlaceholder
    /// message template: {detail} (write '{brace}' for a literal brace)
    case messageTemplateProblem
    /// effective.to ({to}) is before effective.from ({from})
    case effectiveToBeforeFrom
    /// unknown event type '{type}'
    case ruleUnknownEventType
    /// unknown attribute '{name}' (not in the vocabulary)
    case unknownAttribute
    /// selector names unknown unit '{unit}'
    case selectorUnknownUnit
    /// no unit of the registry has {what} '{value}', so this value excludes no unit
    case selectorValueExcludesNothing
    /// no unit of the registry has {what} '{value}', so this value matches no unit
    case selectorValueMatchesNothing
    /// applies_to selects no unit of the registry: rule {rule} is never evaluated
    case selectsNoUnit
    /// the rule applies to every unit, but none of them exists while rule {rule} is in force ({range}): it is never evaluated
    case selectsNoLivingUnitAll
    /// applies_to selects {count} unit(s), but none of them exists while rule {rule} is in force ({range}): it is never evaluated
    case selectsNoLivingUnit
    /// from {from}
    case rangeFrom
    // MARK: 5eval
    /// waiver {index} expired on {date} and waives nothing
    case waiverExpired
    /// waiver {index} matched no finding
    case waiverUnused
    /// a date computation used days outside the calendar's range {from}…{to}; only the weekend rule applied there
    case calendarOutsideRange
    /// unit '{unit}' logged no event from {from} to {to} although rules that read events apply to it: its findings cannot show missing data
    case unitLoggedNoEvent
    // MARK: 6results
    /// {first} and {second} both hold rule {rule} for unit {unit}; shards must not overlap
    case shardsOverlap
    /// no result to merge
    case noResultToMerge
    /// {first} and {second} are not shards of one audit: {difference} differ
    case notShardsOfOneAudit
    /// {first} and {second} define rule {rule} differently
    case ruleDefinedDifferently
    // MARK: 7authoring
    /// the unit registry is invalid; see the errors above
    case registryInvalidSeeAbove
    /// no rule '{rule}'
    case noRuleNamed
    /// no unit '{unit}'
    case noUnitNamed
    /// '{path}' is {kind}; it is not read
    case pathNotRead
    /// no such file or folder: {path}
    case noSuchFileOrFolder
    /// no such rule file or folder: {path}
    case noSuchRuleFileOrFolder
    /// 'tests' must be a list
    case testsMustBeList
    /// no rule '{rule}' in the test's rule files
    case noRuleInTestFiles
    /// the test has no units (give 'units' in the test or the file)
    case testHasNoUnits
    /// an event must be a map of fields
    case eventMustBeMap
    /// '{path}' is a file, not a folder; choose a new or empty folder (nothing was written)
    case initTargetIsFile
    /// '{path}' is not empty ({count} entries); choose a new or empty folder (nothing was written)
    case initTargetNotEmpty
    /// --pack '{path}' does not exist
    case packDoesNotExist
    /// cannot read '{path}' of --pack (nothing was written)
    case packFileUnreadable
    /// '{path}' in --pack cannot be copied (nothing was written)
    case packFileNotCopied
    /// --pack '{path}' holds no rule file (*.yaml, *.yml); nothing was written
    case packHoldsNoRuleFile
    /// cannot stage the pack in {folder}; nothing was written
    case cannotStagePack
    /// the pack defines no rule; nothing was written
    case packDefinesNoRule
    /// could not write the starter project into '{path}' ({why}); {written} of {total} files were written before the failure
    case starterWriteFailed
    // MARK: 8cli
    /// '{path}' is {kind}, not a history file; it was left untouched
    case historyNotAFile
    /// '{path}' is an SQLite database but not a dvcheck history (its tables: {tables}); it was left untouched
    case historyNotDVCheck
    /// '{path}' was written by a newer dvcheck (schema versions {versions} are unknown to this one); use that dvcheck or a newer one — the file was left untouched
    case historyNewer
    /// cannot open the history file '{path}': {why}
    case historyCannotOpen
    /// no history file at '{path}'
    case historyMissing
    /// cannot read the history file '{path}': {why}
    case historyCannotRead
    /// cannot write the history file '{path}': {why}
    case historyCannotWrite
    /// --output '{path}' is an input of this run; refusing to overwrite it (nothing was written)
    case outputIsInput
    /// --output '{path}' is one of the results read; refusing to overwrite it (nothing was written)
    case outputIsResultRead
    /// --unit names unknown unit '{unit}'
    case unknownUnitOption
    /// --rule names unknown rule '{rule}'
    case unknownRuleOption
    /// --diagnostics '{path}' cannot be written ({why})
    case diagnosticsFileUnwritable
    /// --diagnostics '{path}' could not be written ({why})
    case diagnosticsFileWriteFailed
    /// cannot read the result '{path}'
    case cannotReadResult
    /// '{path}' is not a dvcheck result: {why}
    case notADVCheckResult
    /// --baseline names no readable file '{path}'
    case baselineUnreadable
    /// --baseline '{path}': {why}
    case baselineInvalid
    /// the report could not be written ({why}); nothing was replaced and no temporary file was left
    case reportWriteFailed
    /// no test name contains '{filter}'; nothing was run
    case noTestMatches
    // MARK: 9explain
    /// Rule {rule} — {title} [{kind}, {binding}]
    case explainRuleLine
    /// Unit {unit} — {name}
    case explainUnitLine
    /// Applies: yes (applies_to: {selector})
    case explainAppliesYes
    /// Applies: no (applies_to: {selector})
    case explainAppliesNo
    /// Window: {from} … {to}
    case explainWindow
    /// open
    case explainOpen
    /// starts {day}: {reason}
    case explainStarts
    /// ends {day}: {reason}; nothing after the as-of date {asOf}
    case explainEnds
    /// No finding matches.
    case explainNoFinding
    /// ref {ref}
    case explainRef
    /// due {day}
    case explainDue
    /// events:
    case explainEvents
    /// verdict: {verdict}
    case explainVerdict
    /// every unit
    case explainEveryUnit
    /// law
    case bindingLaw
    /// guidance
    case bindingGuidance
    /// VIOLATED
    case statusViolated
    /// VIOLATED
    case statusViolatedGuidance
    /// PENDING
    case statusPending
    /// WAIVED
    case statusWaived
    /// SATISFIED
    case statusSatisfied
    /// the rule's effective.from
    case windowFromEffective
    /// the unit's from (it began then)
    case windowFromUnit
    /// open-ended (no effective.to, unit to or --to)
    case windowOpenEnded
    /// the rule's effective.to
    case windowToEffective
    /// the unit's to (it ended then)
    case windowToUnit
    /// PASS
    case testPassed
    /// FAIL
    case testFailed
    /// {passed} passed, {failed} failed
    case testSummary
    /// {field}: expected {want}, got {got}
    case testFieldDiffers
    /// nothing
    case testNothing
    /// expected (exact):
    case testExpectedExact
    /// expected (subset):
    case testExpectedSubset
    /// (no findings)
    case testNoFindings
    /// actual:
    case testActual
    /// missing: {finding}
    case testMissing
    /// unexpected: {finding}
    case testUnexpected
    /// … and {count} more
    case testMoreLines
    /// the timeline has rejected events:
    case testRejectedEvents
    /// the findings differ
    case testFindingsDiffer
    /// Rule catalogue
    case catalogueHeading
    /// Search
    case catalogueSearch
    /// id, title, legal basis…
    case catalogueSearchHint
    /// rules
    case catalogueRulesCount
    /// Id
    case catalogueId
    /// Title
    case catalogueTitle
    /// Kind
    case catalogueKind
    /// Parameters
    case catalogueParameters
    /// Cadence / deadline
    case catalogueCadence
    /// Applies to
    case catalogueAppliesTo
    /// Effective
    case catalogueEffective
    /// Severity
    case catalogueSeverityShort
    /// Severity
    case catalogueSeverity
    /// Binding
    case catalogueBinding
    /// Source
    case catalogueSource
    /// Document
    case catalogueDocument
    /// Item
    case catalogueItem
    /// Legal basis
    case catalogueLegalBasis
    /// (no basis given)
    case catalogueNoBasis
    /// Link
    case catalogueLink
    /// every unit
    case catalogueEveryUnit
    /// law
    case catalogueBindingLaw
    /// guidance
    case catalogueBindingGuidance
    /// the directive or a law states the obligation; a violation reads VI PHẠM
    case catalogueLawMeaning
    /// the pack chose the number where no text gives one; a violation reads CHƯA ĐẠT
    case catalogueGuidanceMeaning
    /// History {path}: no runs yet.
    case historyNoRuns
    /// Audit history: {path}
    case historyHeading
    /// recorded
    case historyRecorded
    /// as of
    case historyAsOf
    /// scope
    case historyScope
    /// violated
    case historyViolated
    /// pending
    case historyPending
    /// waived
    case historyWaived
    /// satisfied
    case historySatisfied
    /// new
    case historyNew
    /// resolved
    case historyResolved
    /// inputs
    case historyInputs
    /// all
    case historyAllScope
    /// Violations by severity
    case historyBySeverity
    /// severity
    case historySeverity
    /// Violations by parent unit (district; province after the 2025 reform)
    case historyByParent
    /// (no violations)
    case historyNoViolations
    /// unit
    case historyUnit
    /// {field}: one of {values}
    case rejectedOneOf
    /// {field}: none of {values}
    case rejectedNoneOf
    /// {field} present
    case rejectedPresent
    /// {field} absent
    case rejectedAbsent
    /// {field} contains “{text}”
    case rejectedContains
    /// {field} starts with “{text}”
    case rejectedStartsWith
}
