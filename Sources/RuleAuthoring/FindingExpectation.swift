import ComplianceCore
import NodeDecoding
import YAMLSupport

/// What a rule test expects: findings described by some of their fields, exactly or as a subset.
struct FindingExpectation {
    /// One expected finding: field → expected text (nil: the field must be absent, written `null`).
    struct Item {
        let fields: [(String, String?)]
        let line: Int

        func matches(_ f: Finding) -> Bool {
            fields.allSatisfy { key, value in FindingExpectation.value(of: key, in: f) == value }
        }

        var description: String { fields.map { "\($0.0)=\($0.1 ?? "null")" }.joined(separator: " ") }

        /// Whether it gives `period` or `ref` and agrees with `f` on every identity field it gives.
        func sameIdentity(as f: Finding) -> Bool {
            let given = fields.filter { FindingExpectation.identityFields.contains($0.0) }
            guard given.contains(where: { $0.0 == "period" || $0.0 == "ref" }) else { return false }
            return given.allSatisfy { key, value in FindingExpectation.value(of: key, in: f) == value }
        }

        /// The fields whose expected value `f` does not have, in the order the format lists them.
        func differences(_ f: Finding) -> [(String, String?, String?)] {
            fields.compactMap { key, value in
                let got = FindingExpectation.value(of: key, in: f)
                return got == value ? nil : (key, value, got)
            }
        }
    }

    let items: [Item]
    let exact: Bool
    let includeSatisfied: Bool

    static func decode(_ entry: YAMLMapEntry, _ reader: inout NodeReader) -> FindingExpectation? {
        guard
            let m = reader.mapping(
                entry.value, allowed: RuleTestFormat.expectFields.names,
                required: RuleTestFormat.expectFields.requiredNames, what: "expect", keyNode: entry.key)
        else { return nil }
        let exact = m["exact"].flatMap { reader.boolean($0.value, what: "exact") } ?? true
        let satisfied = m["include_satisfied"].flatMap { reader.boolean($0.value, what: "include_satisfied") } ?? false
        var items: [Item] = []
        for node in m["findings"]?.value.items ?? [] {
            guard let f = reader.mapping(node, allowed: RuleTestFormat.findingFields.names, what: "expected finding")
            else { continue }
            var fields: [(String, String?)] = []
            for name in RuleTestFormat.findingFields.names {
                guard let e = f[name] else { continue }
                if e.value.isNull {
                    fields.append((name, nil))
                } else if let list = e.value.items {
                    fields.append((name, list.compactMap(\.scalar).joined(separator: ",")))
                } else if let s = e.value.scalar {
                    fields.append((name, TextNormalization.normalize(s)))
                }
            }
            items.append(Item(fields: fields, line: node.start.line))
        }
        return FindingExpectation(items: items, exact: exact, includeSatisfied: satisfied)
    }

    static func value(of key: String, in f: Finding) -> String? {
        fieldsByName[key]?.value(in: f)?.text
    }

    /// The fields a test may expect, by key.
    private static let fieldsByName = Dictionary(
        uniqueKeysWithValues: RuleTestFormat.expectedFields.map { ($0.name, $0) })

    /// The fields that identify a finding; an expectation that gives `period` or `ref` and agrees
    /// with a finding on every identity field it gives is that finding, with other fields wrong.
    static let identityFields = ["rule", "unit", "period", "ref"]

    /// An expected finding that was found by identity but differs in some fields.
    struct Mismatch {
        let item: Item
        /// (field, expected, actual or nil when the finding lacks it).
        let differences: [(String, String?, String?)]
    }

    /// Nil when the findings meet the expectation, else a readable diff; `path` is the test file's,
    /// so each field that differs reads `path:line: field: expected X, got Y`.
    func compare(with all: [Finding], path: String, language: Language = .en) -> String? {
        func say(_ key: MessageKey, _ arguments: [String: String] = [:]) -> String {
            MessageCatalogue.render(key, arguments, in: language)
        }
        let actual = includeSatisfied ? all : all.filter { $0.status != .satisfied }
        // Greedy one-to-one matching in order; expectations are small.
        var used = Set<Int>()
        var unmatched: [Item] = []
        for item in items {
            if let i = actual.indices.first(where: { !used.contains($0) && item.matches(actual[$0]) }) {
                used.insert(i)
            } else {
                unmatched.append(item)
            }
        }
        // Then the same finding with other values: matched on identity, the closest one first.
        var mismatches: [Mismatch] = []
        var missing: [Item] = []
        for item in unmatched {
            let candidates = actual.indices.filter { !used.contains($0) && item.sameIdentity(as: actual[$0]) }
            if let best = candidates.min(by: { item.differences(actual[$0]).count < item.differences(actual[$1]).count }
            ) {
                used.insert(best)
                mismatches.append(Mismatch(item: item, differences: item.differences(actual[best])))
            } else {
                missing.append(item)
            }
        }
        let unexpected = exact ? actual.indices.filter { !used.contains($0) }.map { actual[$0] } : []
        if missing.isEmpty && unexpected.isEmpty && mismatches.isEmpty { return nil }
        var out = ""
        for m in mismatches {
            for (field, expected, got) in m.differences {
                let nothing = say(.testNothing)
                let differs = say(
                    .testFieldDiffers, ["field": field, "want": expected ?? nothing, "got": got ?? nothing])
                out += "    \(path):\(m.item.line): \(differs)\n"
            }
        }
        if missing.isEmpty && unexpected.isEmpty { return out }
        let none = "      " + say(.testNoFindings) + "\n"
        out += "    " + say(exact ? .testExpectedExact : .testExpectedSubset) + "\n"
        out += items.isEmpty ? none : items.map { "      - \($0.description)\n" }.joined()
        out += "    " + say(.testActual) + "\n"
        out += actual.isEmpty ? none : Self.capped(actual.map { "      - \(Self.describe($0))\n" }, language: language)
        for m in missing { out += "    \(path):\(m.line): " + say(.testMissing, ["finding": m.description]) + "\n" }
        out += Self.capped(
            unexpected.map { "    " + say(.testUnexpected, ["finding": Self.describe($0)]) + "\n" }, language: language)
        return out
    }

    /// At most 12 lines, then a count of the rest, so a runaway rule does not flood the terminal.
    static func capped(_ lines: [String], limit: Int = 12, language: Language = .en) -> String {
        guard lines.count > limit else { return lines.joined() }
        let more = MessageCatalogue.render(.testMoreLines, ["count": String(lines.count - limit)], in: language)
        return lines.prefix(limit).joined() + "      " + more + "\n"
    }

    static func describe(_ f: Finding) -> String {
        var parts = ["status=\(f.status.rawValue)"]
        // The status leads; a waiver index is told by the status `waived`.
        for field in RuleTestFormat.expectedFields where field != .status && field != .waiver {
            if let v = field.value(in: f)?.text, !v.isEmpty { parts.append("\(field.name)=\(v)") }
        }
        return parts.joined(separator: " ")
    }
}
