import ComplianceCore
import NodeDecoding
import YAMLSupport

/// What a rule test expects: findings described by some of their fields, exactly or as a subset.
struct FindingExpectation {
    /// One expected finding: field → expected text.
    struct Item {
        let fields: [(String, String)]
        let line: Int

        func matches(_ f: Finding) -> Bool {
            fields.allSatisfy { key, value in FindingExpectation.value(of: key, in: f) == value }
        }

        var description: String { fields.map { "\($0.0)=\($0.1)" }.joined(separator: " ") }
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
            var fields: [(String, String)] = []
            for name in RuleTestFormat.findingFields.names {
                guard let e = f[name] else { continue }
                if let list = e.value.items {
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
        switch key {
        case "status": return f.status.rawValue
        case "reason": return f.reason
        case "unit": return f.unit
        case "rule": return f.rule
        case "period": return f.period
        case "ref": return f.ref
        case "due": return f.due?.description
        case "days_late": return f.daysLate.map(String.init)
        case "expected": return f.share.map(\.threshold.description) ?? f.expected.map(String.init)
        case "actual": return f.share.map(\.actual.description) ?? f.actual.map(String.init)
        case "events": return f.events.joined(separator: ",")
        case "distance_days": return f.distanceDays.map(String.init)
        case "waiver": return f.waiver.map(String.init)
        default: return nil
        }
    }

    /// Nil when the findings meet the expectation, else a readable diff.
    func compare(with all: [Finding]) -> String? {
        let actual = includeSatisfied ? all : all.filter { $0.status != .satisfied }
        // Greedy one-to-one matching in order; expectations are small.
        var used = Set<Int>()
        var missing: [Item] = []
        for item in items {
            if let i = actual.indices.first(where: { !used.contains($0) && item.matches(actual[$0]) }) {
                used.insert(i)
            } else {
                missing.append(item)
            }
        }
        let unexpected = exact ? actual.indices.filter { !used.contains($0) }.map { actual[$0] } : []
        if missing.isEmpty && unexpected.isEmpty { return nil }
        var out = "    expected (\(exact ? "exact" : "subset")):\n"
        out += items.isEmpty ? "      (no findings)\n" : items.map { "      - \($0.description)\n" }.joined()
        out += "    actual:\n"
        out += actual.isEmpty ? "      (no findings)\n" : Self.capped(actual.map { "      - \(Self.describe($0))\n" })
        for m in missing { out += "    missing (line \(m.line)): \(m.description)\n" }
        out += Self.capped(unexpected.map { "    unexpected: \(Self.describe($0))\n" })
        return out
    }

    /// At most 12 lines, then a count of the rest, so a runaway rule does not flood the terminal.
    static func capped(_ lines: [String], limit: Int = 12) -> String {
        guard lines.count > limit else { return lines.joined() }
        return lines.prefix(limit).joined() + "      … and \(lines.count - limit) more\n"
    }

    static func describe(_ f: Finding) -> String {
        var parts = ["status=\(f.status.rawValue)"]
        for key in [
            "reason", "unit", "rule", "period", "ref", "due", "days_late", "expected", "actual", "events",
            "distance_days",
        ] {
            if let v = value(of: key, in: f), !v.isEmpty { parts.append("\(key)=\(v)") }
        }
        return parts.joined(separator: " ")
    }
}
