import ComplianceCore
import Foundation
import Reporting
import RuleAuthoring

/// `dvcheck test --format junit`: JUnit XML for CI, one test case per timeline.
///
/// One test suite per rule-test file; a failing case carries the differences; errors that make a
/// test file invalid become `<error>` cases. No timestamps: the same tests give the same bytes.
enum TestReportJUnit {
    static func render(_ report: RuleTestRunner.Report, language: Language = .en) -> String {
        var files: [String] = []
        var byFile: [String: [RuleTestRunner.Outcome]] = [:]
        for o in report.outcomes {
            if byFile[o.location.path] == nil { files.append(o.location.path) }
            byFile[o.location.path, default: []].append(o)
        }
        let errors = report.diagnostics.filter { $0.level == .error }
        var suites = ""
        for file in files {
            let outcomes = byFile[file] ?? []
            let failures = outcomes.filter { $0.failure != nil }.count
            let path = Markup.escape(file)
            suites +=
                "  <testsuite name=\"\(path)\" tests=\"\(outcomes.count)\" failures=\"\(failures)\" errors=\"0\">\n"
            for o in outcomes {
                suites +=
                    "    <testcase classname=\"\(path)\" name=\"\(Markup.escape(o.name))\" file=\"\(path)\" line=\"\(o.location.line)\""
                if let failure = o.failure {
                    let first = failure.split(separator: "\n").first.map {
                        String($0).trimmingCharacters(in: .whitespaces)
                    }
                    suites +=
                        ">\n      <failure message=\"\(Markup.escape(first ?? MessageCatalogue.label(.testFindingsDiffer, language)))\">"
                    suites += Markup.escapeKeepingLines(failure) + "</failure>\n    </testcase>\n"
                } else {
                    suites += "/>\n"
                }
            }
            suites += "  </testsuite>\n"
        }
        if !errors.isEmpty {
            suites +=
                "  <testsuite name=\"invalid test files\" tests=\"\(errors.count)\" failures=\"0\" errors=\"\(errors.count)\">\n"
            for d in errors {
                let place = d.location.map { "\($0.path):\($0.line):\($0.column)" } ?? "dvcheck test"
                suites += "    <testcase classname=\"invalid test files\" name=\"\(Markup.escape(place))\">\n"
                suites +=
                    "      <error message=\"\(Markup.escape(d.message(in: language)))\" type=\"\(Markup.escape(d.code))\"/>\n"
                suites += "    </testcase>\n"
            }
            suites += "  </testsuite>\n"
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"dvcheck test\" tests=\"\(report.outcomes.count + errors.count)\" failures=\"\(report.failed)\" errors=\"\(errors.count)\">\n"
            + suites + "</testsuites>\n"
    }
}
