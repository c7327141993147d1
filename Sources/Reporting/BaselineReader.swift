import ComplianceCore
import Foundation

/// Reads the findings of an earlier `--format json` result (`dvcheck.result/v1`) for
/// `--baseline`, so a run can be compared with a previous one without a history database.
public enum BaselineReader {
    /// Why a baseline cannot be used.
    public struct Problem: Error, Sendable {
        /// The reason, for the diagnostic.
        public let message: Message
    }

    /// The tracked findings of the result in `data` (satisfied ones, present with
    /// `--include-satisfied`, are left out).
    public static func findings(from data: Data) -> Result<[PriorFinding], Problem> {
        guard let object = try? JSONSerialization.jsonObject(with: data), let root = object as? [String: Any] else {
            return .failure(Problem(message: Message(.resultNotObject)))
        }
        guard root["schema"] as? String == "dvcheck.result/v1" else {
            return .failure(Problem(message: Message(.baselineNotResult)))
        }
        guard let list = root["findings"] as? [[String: Any]] else {
            return .failure(Problem(message: Message(.baselineNoFindings)))
        }
        var out: [PriorFinding] = []
        for (i, item) in list.enumerated() {
            guard let fingerprint = item["fingerprint"] as? String, let rule = item["rule"] as? String,
                let unit = item["unit"] as? String, let status = item["status"] as? String
            else {
                return .failure(Problem(message: Message(.baselineFindingIncomplete, ["number": String(i + 1)])))
            }
            if status == "satisfied" { continue }
            out.append(
                PriorFinding(
                    fingerprint: fingerprint, rule: rule, unit: unit, status: status,
                    severity: item["severity"] as? String ?? "", reason: item["reason"] as? String,
                    period: item["period"] as? String, due: item["due"] as? String, ref: item["ref"] as? String,
                    message: item["message"] as? String ?? ""))
        }
        return .success(out)
    }
}
