import Foundation
import Testing

/// SPEC §10.4: the example on three consecutive as-of days shows no churn.
///
/// Each day is compared with the day before (`--baseline`). No log event falls in those days, so nothing real changes: no finding may be
/// resolved, and an open regularity gap keeps its fingerprint (and so its ICS UID) while b moves.
@Test func consecutiveAsOfDaysDoNotChurnIdentities() throws {
    let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("dvcheck-stable-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: tmp) }
    let days = ["2025-09-30", "2025-10-01", "2025-10-02"]
    var previous: String?
    var results: [[String: Any]] = []
    var uids: [Set<String>] = []
    for day in days {
        let out = tmp.appendingPathComponent("\(day).json").path
        var args = ["check", "--project", "examples/bac-kan", "--as-of", day, "--format", "json", "--output", out]
        if let previous { args += ["--baseline", previous] }
        let run = try dvcheck(args)
        #expect(run.status == 1, "stderr: \(run.err)")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any])
        results.append(json)
        let ics = try dvcheck(["check", "--project", "examples/bac-kan", "--as-of", day, "--format", "ics"])
        uids.append(Set(ics.out.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }))
        previous = out
    }
    let findings = results.map { ($0["findings"] as? [[String: Any]]) ?? [] }
    // Open gaps are the regularity findings whose period ends at the as-of date.
    let openGaps = zip(days, findings).map { day, list in
        list.filter {
            ($0["period"] as? String)?.hasSuffix("/" + day) == true && ($0["period"] as? String)?.count == 21
        }
    }
    #expect(!openGaps[0].isEmpty, "the example has no open regularity gap to follow")
    for i in 1..<days.count {
        let resolved = (results[i]["resolved"] as? [[String: Any]]) ?? []
        #expect(resolved.isEmpty, "\(days[i]): \(resolved.count) findings resolved though nothing changed")
        let before = Set(findings[i - 1].compactMap { $0["fingerprint"] as? String })
        for gap in openGaps[i - 1] {
            let fingerprint = try #require(gap["fingerprint"] as? String)
            let now = findings[i].first { $0["fingerprint"] as? String == fingerprint }
            #expect(now != nil, "open gap \(gap["period"] ?? "") lost its fingerprint on \(days[i])")
            if gap["status"] as? String == "pending", now?["status"] as? String == "pending" {
                #expect(uids[i - 1].contains("UID:\(fingerprint)@dvcheck"), "no ICS event for \(fingerprint)")
                #expect(uids[i].contains("UID:\(fingerprint)@dvcheck"), "the ICS UID moved on \(days[i])")
            }
        }
        // No event falls in these days, so no open gap can be a new item: one marked new must be an
        // old one whose status changed (pending to violated).
        for f in openGaps[i] where f["change"] as? String == "new" {
            #expect(f["previous_status"] != nil, "\(f["period"] ?? "") is a new item on \(days[i])")
            #expect(before.contains(f["fingerprint"] as? String ?? ""))
        }
    }
}
