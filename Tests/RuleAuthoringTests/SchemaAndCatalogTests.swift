import ComplianceCore
import ComplianceTestSupport
import Foundation
import Ingest
import RuleAuthoring
import RuleKit
import Testing

/// The schemas come from the loaders' field specs; the catalogue speaks each kind's parameters.
struct SchemaAndCatalogTests {
    func schema(_ name: String) -> [String: Any] {
        let json = SchemaWriter.all().first { $0.name == name }?.json ?? "{}"
        return (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] ?? [:]
    }

    @Test func everySchemaIsJSONAndNamesDraft07WithoutLaterKeywords() {
        for (name, json) in SchemaWriter.all() {
            let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
            #expect(object?["$schema"] as? String == "http://json-schema.org/draft-07/schema#", "\(name)")
            // Keywords draft-07 tools (yaml-language-server) ignore would leave typos unchecked.
            for later in ["unevaluatedProperties", "$defs", "dependentRequired", "prefixItems"] {
                #expect(!json.contains("\"\(later)\""), "\(name) uses \(later)")
            }
        }
        #expect(SchemaWriter.all().count == 8)
    }

    @Test func theRuleSchemaIsClosedToEveryKeyOfEveryKindAndEachKindToItsOwn() {
        let definitions = schema("rules.schema.json")["definitions"] as? [String: Any] ?? [:]
        let rule = definitions["rule"] as? [String: Any]
        let all = Set(((rule?["properties"] as? [String: Any]) ?? [:]).keys)
        #expect(all == Set(RuleLoader.commonKeys + Kinds.all.flatMap { $0.keys }))
        #expect(rule?["additionalProperties"] as? Bool == false)
        let branches = rule?["allOf"] as? [[String: Any]] ?? []
        #expect(branches.count == Kinds.all.count)
        for (kind, branch) in zip(Kinds.all, branches) {
            let condition = (branch["if"] as? [String: Any])?["properties"] as? [String: Any]
            #expect((condition?["kind"] as? [String: Any])?["const"] as? String == kind.kindName)
            let ref = (branch["then"] as? [String: Any])?["$ref"] as? String
            #expect(ref == "#/definitions/rule-\(kind.kindName)")
            let closed = definitions["rule-\(kind.kindName)"] as? [String: Any]
            let keys = Set(((closed?["properties"] as? [String: Any]) ?? [:]).keys)
            #expect(keys == Set(RuleLoader.commonKeys + kind.keys), "\(kind.kindName)")
            #expect(Set(closed?["required"] as? [String] ?? []) == Set(RuleLoader.commonRequired + kind.requiredKeys))
            #expect(closed?["additionalProperties"] as? Bool == false, "\(kind.kindName)")
        }
    }

    @Test func unitAndConfigSchemasListTheLoaderKeys() {
        let unitDef = (schema("units.schema.json")["definitions"] as? [String: Any])?["unit"] as? [String: Any]
        #expect(Set(((unitDef?["properties"] as? [String: Any]) ?? [:]).keys) == Set(UnitLoader.fields.names))
        let config = schema("config.schema.json")["properties"] as? [String: Any]
        #expect(Set((config ?? [:]).keys) == Set(ProjectConfig.keys))
        #expect(schema("config.schema.json")["additionalProperties"] as? Bool == false)
    }

    @Test func theCatalogueDescribesParametersInWords() {
        let p = TestProject().standardConfig().flatUnits(["x1"])
        p.write(
            "rules/r.yaml",
            ruleYAML(
                id: "D",
                kindBody: """
                    kind: deadline
                    trigger: { type: complaint-accepted }
                    fulfil: { type: complaint-resolved }
                    key: [ref]
                    within: 30 days
                    overrides:
                      - when: { unit: { tags: remote } }
                        within: 45 days
                    """))
        p.write("logs/e.csv", "id,unit,type,date\n")
        let rules = p.load(asOf: day("2024-01-01")).rules
        let table = RuleCatalog(rules: rules, language: .en).markdownTable()
        #expect(
            table.contains(
                "within 30 days of each complaint-accepted, a complaint-resolved; 45 days when tagged remote (same ref)"
            ))
        #expect(RuleCatalog(rules: rules, language: .en).list().contains("D   deadline  medium    law"))
        #expect(RuleCatalog(rules: rules, language: .en).markdown().contains("- **Binding**: law"))
        #expect(RuleCatalog(rules: rules, language: .vi).markdown().contains("- **Tính chất**: luật"))
        #expect(RuleCatalog(rules: rules, language: .vi).markdownTable().contains("trong vòng 30 ngày"))
    }
}
