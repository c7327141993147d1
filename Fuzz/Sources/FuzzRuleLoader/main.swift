import FuzzSupport
import RuleKit

/// Loads any bytes as a rule file: every diagnostic names the file, and a file with errors yields no
/// rule twice.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRuleLoader(_ data: UnsafeRawPointer?, _ size: Int) -> Int32 {
    let path = FuzzSupport.write(FuzzSupport.bytes(data, size), named: "rules.yaml")
    let loader = RuleLoader(unitIDs: ["bk", "pn"], vocabulary: nil)
    let result = loader.load(files: [(path: path, display: "rules.yaml")])
    for diagnostic in result.diagnostics {
        FuzzSupport.require(diagnostic.location?.path == "rules.yaml", "a diagnostic elsewhere: \(diagnostic)")
    }
    FuzzSupport.require(Set(result.rules.map(\.id)).count == result.rules.count, "a rule id loaded twice")
    return 0
}
