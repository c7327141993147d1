import ComplianceCore
import RuleKit
import Testing

/// The reasons the kinds declare: each code means one reason, every reason a kind's examples show
/// is declared by that kind, and labels and delays read as reports print them.
struct FindingReasonTests {
    @Test func aCodeMeansOneReasonWhicheverKindDeclaresIt() {
        var labels: [String: String] = [:]
        for kind in Kinds.all {
            for r in kind.reasons {
                if let seen = labels[r.code] {
                    #expect(seen == r.vietnameseLabel, "\(kind.kindName): \(r.code)")
                }
                labels[r.code] = r.vietnameseLabel
                #expect(Kinds.reasons[r.code] != nil)
            }
        }
        #expect(Kinds.reasons.codes == labels.keys.sorted())
    }

    @Test func everyReasonOfAnExampleIsDeclaredByItsKind() {
        for kind in Kinds.all {
            let declared = Set(kind.reasons.map(\.code))
            for example in kind.examples {
                for line in example.findings {
                    let words = line.split(separator: " ").map(String.init)
                    guard words.count == 3 else { continue }
                    #expect(declared.contains(words[1]), "\(kind.kindName): '\(words[1])' in '\(example.title)'")
                }
            }
        }
    }

    @Test func delaysAreWordedByReason() {
        func delay(_ code: String, _ days: Int, _ language: Language) -> String? {
            Kinds.reasons[code].map { $0.delay.text(days: days, in: language) }
        }
        #expect(delay("late", 7, .vi) == "chậm 7 ngày")
        #expect(delay("overdue", 83, .vi) == "quá hạn 83 ngày")
        #expect(delay("missing", 101, .vi) == "quá hạn 101 ngày")
        #expect(delay("gap", 25, .vi) == "vượt 25 ngày")
        #expect(delay("late", 7, .en) == "7 days late")
        #expect(delay("overdue", 1, .en) == "1 day overdue")
        #expect(delay("gap", 25, .en) == "25 days over the limit")
        #expect(Kinds.reasons["late"]?.delaySaysReason == true)
        #expect(Kinds.reasons["gap"]?.delaySaysReason == false)
    }

    @Test func labelsAreVietnameseAndCodesInEnglish() {
        #expect(Kinds.reasons["no-prior"]?.label(in: .vi) == "thiếu bước trước")
        #expect(Kinds.reasons["no-prior"]?.label(in: .en) == "no-prior")
        #expect(Kinds.reasons["below-ratio"]?.label(in: .vi) == "tỷ lệ dưới mức yêu cầu")
    }
}
