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
    // MARK: 10yaml-details
    /// {text}
    case libyamlUntranslated
    /// {problem} ({context} at line {line}, column {column})
    case libyamlInContext
    /// {problem} at byte offset {offset}
    case libyamlReader
    /// {problem} {value} at byte offset {offset}
    case libyamlReaderValue
    /// the file has {bytes} bytes, more than the limit of {limit}
    case yamlFileTooLarge
    /// the file is UTF-16 or UTF-32; only UTF-8 is accepted
    case yamlNotUTF8Encoding
    /// libyaml ran out of memory
    case libyamlOutOfMemory
    /// the file could not be read
    case yamlInputUnreadable
    /// a second YAML document starts here; a file holds one document
    case yamlSecondDocument
    /// unsupported tag '{tag}'; only the standard tags such as !!str are allowed
    case yamlUnsupportedTag
    /// undefined alias '*{name}'
    case yamlUndefinedAlias
    /// alias expansion adds more than {limit} nodes
    case yamlAliasExpansion
    /// collections are nested deeper than {limit} levels
    case yamlNestedTooDeep
    /// duplicate key '{key}' (first defined at line {line}, column {column})
    case yamlDuplicateKey
    /// a list
    case yamlShapeList
    /// a mapping
    case yamlShapeMapping
    /// a scalar
    case yamlShapeScalar
    /// a field name
    case yamlFieldName
    /// the value of field '{name}'
    case yamlFieldValue
    /// a record must be a mapping; found {found}
    case yamlRecordNotMapping
    /// {part} must be a scalar; found {found}
    case yamlFieldNotScalar
    /// {part} is missing
    case yamlFieldMissing
    /// duplicate field '{name}' (first defined at line {line}, column {column})
    case yamlDuplicateField
    /// alias '*{name}' in a log record; anchors and aliases are not allowed in logs
    case yamlAliasInRecord
    /// anchor '&{name}' in a log record; anchors and aliases are not allowed in logs
    case yamlAnchorInRecord
    /// unsupported tag '{tag}' in a log record
    case yamlTagInRecord
    /// a YAML log must be a mapping with the single key 'events'
    case yamlLogNotMapping
    /// a YAML log must have the key 'events'
    case yamlLogWithoutEvents
    /// unexpected top-level key '{key}'; a YAML log has the single key 'events'
    case yamlLogUnexpectedKey
    /// unexpected top-level key; a YAML log has the single key 'events'
    case yamlLogUnexpectedNode
    /// 'events' must not carry an anchor
    case yamlEventsWithAnchor
    /// 'events' must be a list of records
    case yamlEventsNotList
    /// a second YAML document starts here; a log holds one document
    case yamlSecondLogDocument
    /// cannot open '{path}': {why}
    case cannotOpenPath
    /// '{path}' is a directory, not a file
    case pathIsDirectory
    /// '{path}' is not a regular file (a named pipe, socket or device)
    case pathNotRegularFile
    /// read error: {why}
    case readError
    /// expected a file but found a folder
    case foundFolderNotFile
    /// cannot open the file
    case cannotOpenTheFile
    // MARK: 11csv-details
    /// the record has more than {limit} cells
    case csvTooManyCells
    /// the record is longer than {limit} bytes
    case csvRecordTooLong
    /// a field is longer than {limit} bytes
    case csvFieldTooLong
    /// ; is a closing quote missing?
    case csvClosingQuoteMissing
    /// a quote inside an unquoted field (quote the whole field and double the quote)
    case csvQuoteInUnquotedField
    /// text after the closing quote of a quoted field
    case csvTextAfterClosingQuote
    /// a quoted field is not closed before the end of the file
    case csvUnclosedQuote
    /// the record holds a NUL byte at byte offset {offset}; a log is text
    case csvNULByte
    // MARK: 12workbook-details
    /// cannot open the workbook: {why}
    case workbookCannotOpen
    /// cannot read the workbook: {why}
    case workbookCannotRead
    /// reading the workbook failed
    case workbookReadFailed
    /// the workbook is {bytes} bytes, over the limit of {limit}
    case workbookTooLarge
    /// not a valid .xlsx workbook (ZIP): {fault}
    case workbookNotZip
    /// a part lies beyond the end of the file
    case zipPartBeyondEnd
    /// a part's local header is missing
    case zipLocalHeaderMissing
    /// the file is too short
    case zipTooShort
    /// no end-of-directory record
    case zipNoEndRecord
    /// a multi-volume archive
    case zipMultiVolume
    /// a ZIP64 archive (a workbook within the limits never needs one)
    case zipArchive64
    /// the directory lies outside the file
    case zipDirectoryOutside
    /// a broken directory entry
    case zipBrokenEntry
    /// a part name that is not UTF-8
    case zipNameNotUTF8
    /// a ZIP64 part (a workbook within the limits never needs one)
    case zipPart64
    /// two parts named '{part}'
    case zipDuplicatePart
    /// the workbook has {count} parts, over the limit of {limit}
    case workbookTooManyParts
    /// the workbook is encrypted or password-protected
    case workbookEncrypted
    /// part '{part}' uses compression method {method} (only stored and deflated are read)
    case workbookCompressionMethod
    /// part '{part}' inflates to {bytes} bytes, over the limit of {limit}
    case workbookPartTooLarge
    /// part '{part}' inflates {ratio}:1, over the limit of {limit}:1 (a ZIP bomb?)
    case workbookPartRatio
    /// zlib could not start inflating
    case workbookInflateStart
    /// part '{part}' inflates to more than the {size} bytes its directory entry says
    case workbookPartOverflows
    /// part '{part}' is cut short
    case workbookPartCutShort
    /// part '{part}' is not valid deflate data
    case workbookPartNotDeflate
    /// part '{part}' inflates to {produced} bytes, not the {size} its directory entry says
    case workbookPartSizeMismatch
    /// part '{part}' fails its CRC check
    case workbookPartCRC
    /// part '{part}' is not UTF-8
    case workbookPartNotUTF8
    /// the workbook lacks its part '{part}'
    case workbookLacksPart
    /// not an Excel workbook: the file has no workbook part (xl/workbook.xml)
    case workbookNoWorkbookPart
    /// not an Excel workbook: the workbook part is no <workbook>
    case workbookNoWorkbookElement
    /// the workbook lacks the part of sheet '{sheet}'
    case workbookLacksSheetPart
    /// the shared strings part holds text that is not UTF-8
    case sharedStringsNotUTF8
    /// the shared strings exceed {limit} bytes
    case sharedStringsTooLarge
    /// part '{part}' holds a tag or text over {limit} bytes
    case xmlTokenTooLarge
    /// part '{part}' holds a text over {limit} bytes
    case xmlTextTooLarge
    /// part '{part}' is not well-formed XML: {fault}
    case xmlNotWellFormed
    /// the part ends inside a tag
    case xmlEndsInsideTag
    /// a DTD or declaration (<!DOCTYPE …>) is not allowed; no entity is expanded
    case xmlDeclaration
    /// the part ends inside a comment, CDATA or instruction
    case xmlEndsInsideComment
    /// '<' inside a tag
    case xmlLessThanInTag
    /// a tag without a name
    case xmlTagWithoutName
    /// an attribute without a value
    case xmlAttributeWithoutValue
    /// an attribute value without quotes
    case xmlUnquotedAttribute
    /// an unterminated attribute value
    case xmlUnterminatedAttribute
    /// an unterminated entity reference
    case xmlUnterminatedEntity
    /// an undefined entity or bad character reference (no DTD is read, so only &lt; &gt; &amp; &quot; &apos; and &#…; exist)
    case xmlUndefinedEntity
    /// sheet part '{part}': {fault}
    case sheetPartProblem
    /// row number '{text}' is not within 1–{max}
    case sheetRowNumberOutOfRange
    /// row {row} comes after row {previous} (rows must be in increasing order)
    case sheetRowsOutOfOrder
    /// the part ends inside row {row}
    case sheetEndsInsideRow
    /// cell {cell} lies in row {row}
    case sheetCellInWrongRow
    /// in row {row}, column {column} comes after column {previous} (cells must be in increasing order, at most XFD)
    case sheetColumnsOutOfOrder
    /// cell reference '{reference}' is not a cell within A1:XFD1048576
    case sheetBadCellReference
    /// the part ends inside a cell of row {row}
    case sheetEndsInsideCell
    /// a cell in row {row} is not UTF-8
    case sheetCellNotUTF8
    /// cell {cell} refers to shared string '{index}', but the table holds {count}
    case sheetSharedStringOutOfRange
    /// sheet '{sheet}': the header (row {row}) names column '{name}' twice
    case workbookHeaderNamesColumnTwice
    // MARK: 13system-errors
    /// No such file or directory
    case systemNoSuchFile
    /// Permission denied
    case systemPermissionDenied
    /// Operation not permitted
    case systemNotPermitted
    /// Is a directory
    case systemIsDirectory
    /// Not a directory
    case systemNotDirectory
    /// Too many levels of symbolic links
    case systemSymlinkLoop
    /// File name too long
    case systemNameTooLong
    /// Too many open files
    case systemTooManyOpenFiles
    /// Too many open files in system
    case systemTooManyOpenFilesInSystem
    /// No space left on device
    case systemNoSpace
    /// Disk quota exceeded
    case systemQuotaExceeded
    /// Read-only file system
    case systemReadOnly
    /// Input/output error
    case systemIOError
    /// File exists
    case systemFileExists
    /// No such device or address
    case systemNoDeviceOrAddress
    /// Device or resource busy
    case systemBusy
    /// Text file busy
    case systemTextFileBusy
    /// File too large
    case systemFileTooLarge
    /// Cannot allocate memory
    case systemOutOfMemory
    /// Invalid argument
    case systemInvalidArgument
    /// Resource temporarily unavailable
    case systemTryAgain
    /// Interrupted system call
    case systemInterrupted
    /// No such device
    case systemNoDevice
    /// Broken pipe
    case systemBrokenPipe
    /// Stale file handle
    case systemStaleHandle
    /// Invalid cross-device link
    case systemCrossDevice
    /// Bad file descriptor
    case systemBadDescriptor
    /// Value too large for defined data type
    case systemOverflow
    /// Directory not empty
    case systemDirectoryNotEmpty
    /// {text} ({name})
    case systemErrorOther
    // MARK: 14output-errors
    /// cannot inspect the path
    case outputCannotInspect
    /// cannot resolve the path
    case outputCannotResolve
    /// it is a folder
    case outputIsFolder
    /// it is a socket; a report goes to a file, a device or a named pipe
    case outputIsSocket
    /// it is a block device or another special file; refusing to write into it
    case outputIsSpecial
    /// cannot read the symbolic link
    case outputCannotReadLink
    /// too many levels of symbolic links
    case outputLinkLoop
    /// writing failed
    case outputWritingFailed
    /// keeping the permissions failed
    case outputKeepingPermissionsFailed
    /// flushing to disk failed
    case outputFlushFailed
    /// closing failed
    case outputClosingFailed
    /// replacing the old file failed
    case outputReplacingFailed
    /// no process is reading the named pipe
    case outputPipeNoReader
    /// opening failed
    case outputOpeningFailed
    /// the file it leads to has a path that is not UTF-8; rename it
    case outputTargetNotUTF8
    /// {what}: {why}
    case outputStepFailed
    // MARK: 15system-text (system, SQLite and Foundation errors, saved results, temporary files)
    /// {text}
    case systemErrorUnexpected
    /// the database is locked by another process
    case sqliteLocked
    /// the file is not an SQLite database
    case sqliteNotADatabase
    /// the database file is damaged
    case sqliteCorrupt
    /// the database can only be read
    case sqliteReadOnly
    /// the database file cannot be opened
    case sqliteCannotOpen
    /// SQLite: {text}
    case sqliteOther
    /// not JSON
    case resultNotJSON
    /// not a JSON object
    case resultNotObject
    /// not a dvcheck.result/v1 document (schema is {schema})
    case resultWrongSchema
    /// not a dvcheck.result/v1 document (it has no schema)
    case resultNoSchema
    /// the result has no rules, events or options: it was written by an older dvcheck
    case resultWithoutContext
    /// a rule without an id
    case resultRuleWithoutID
    /// a finding without rule, unit or status
    case resultFindingIncomplete
    /// {field} is not a date (YYYY-MM-DD)
    case resultFieldNotDate
    /// history_trend is not a list of points
    case resultTrendNotList
    /// a history_trend point without as_of (YYYY-MM-DD) or violated
    case resultTrendPointIncomplete
    /// not a dvcheck result (expected "schema": "dvcheck.result/v1")
    case baselineNotResult
    /// no "findings" list
    case baselineNoFindings
    /// finding {number} lacks fingerprint, rule, unit or status
    case baselineFindingIncomplete
    /// no temporary file for diagnostics: {why}
    case spoolNoTemporaryFile
    /// writing the temporary file for diagnostics failed: {why}
    case spoolWriteFailed
    /// the temporary file for diagnostics could not be read back
    case spoolReadBackFailed
    /// no temporary file for the findings: {why}
    case spillNoTemporaryFile
    /// writing the temporary findings file failed: {why}
    case spillWriteFailed
    /// reading the temporary findings file failed: {why}
    case spillReadFailed
    /// the temporary findings file ends inside a finding
    case spillEndsInsideFinding
    /// a folder that cannot be listed ({why})
    case folderCannotBeListed
    /// an entry that cannot be examined ({why})
    case entryCannotBeExamined
    /// '{path}' (from '{key}') is a folder that cannot be listed ({why}); its files are not read
    case inputFolderNotListed
    /// '{path}' (from '{key}') cannot be examined ({why}); it is not read
    case inputNotExamined
    /// unexpected error while reading the workbook: {text}
    case workbookUnexpected
    /// {rules} rules, {units} units, {events} events: {errors} errors, {warnings} warnings
    case validateSummary
    /// unclosed '{'
    case templateUnclosedBrace
    /// tool versions
    case mergeToolVersions
    /// as-of dates
    case mergeAsOfDates
    /// time zones
    case mergeTimeZones
    /// windows (--from/--to)
    case mergeWindows
    /// --include-satisfied
    case mergeIncludeSatisfied
    /// rule files (sha256)
    case mergeRuleFiles
    /// units, calendar, vocabulary or waivers (sha256)
    case mergeRegistryFiles
}
