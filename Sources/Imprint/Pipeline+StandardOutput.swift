import Foundation
import ReportModel

extension Pipeline {
    /// Builds the plan's one edition (`-o -`) in a folder of Imprint's own under the
    /// system's temporary folder, then removes the folder: gives the outcome and the
    /// edition's bytes (nil when the build failed).
    public static func buildForStandardOutput(
        _ plan: BuildPlan, progress: @escaping @Sendable (String) -> Void = { _ in }
    ) -> (outcome: BuildOutcome, bytes: [UInt8]?) {
        var template = Array((NSTemporaryDirectory() + "imprint-stdout-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            let problem = Diagnostic(.error, .writeFailed, "cannot make a temporary folder for -o -", at: nil)
            return (BuildOutcome(diagnostics: [problem], written: []), nil)
        }
        var plan = plan
        plan.outputDirectory = String(cString: made)
        defer { try? FileManager.default.removeItem(atPath: plan.outputDirectory) }
        let outcome = build(plan, progress: progress)
        guard outcome.succeeded, let path = outcome.written.first, let bytes = FileManager.default.contents(atPath: path) else {
            return (outcome, nil)
        }
        return (outcome, [UInt8](bytes))
    }
}
