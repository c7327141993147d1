import Foundation
import Testing

/// The README's main command, run from the package root: the example has violations planted.
@Test func bacKanExampleFailsWithASummaryLine() throws {
    let run = try dvcheck(["check", "--project", "examples/bac-kan"], in: packageRoot)
    #expect(run.status == 1, "stderr: \(run.err)")
    let lines = run.out.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix("dvcheck — ") == true)
    #expect(
        lines.contains {
            $0.wholeMatch(of: /(Tổng cộng|Summary): \d+ .* \(\d+ (quy tắc|rules), \d+ (đơn vị|units)\)/) != nil
        },
        "no summary line in:\n\(run.out.suffix(400))")
}
