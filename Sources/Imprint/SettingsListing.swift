import ReportModel
import ReportReaders

/// What `imprint config` shows: every value a report's front matter ends with once the
/// desk's configuration and the command line's overrides are merged in, the place each
/// comes from, and for a path a desk file gives, whether the folder rule allows it. Its
/// diagnostics are what a build of the report would say of its settings: the same plan
/// (`BuildPlan.resolve`) refuses the same values.
public struct SettingsListing: Sendable {
    public struct Line: Sendable {
        /// A dotted key: `series.issue`.
        public var key: String
        /// The value as written (a list as `[a, b]`).
        public var value: String
        public var origin: SourceLocation
        /// For a path a desk file gives: allowed, or refused by the folder rule.
        public var verdict: String?
    }

    public var lines: [Line]
    /// The desk files ignored, and every value a build would refuse, at its place.
    public var diagnostics: [Diagnostic]

    /// A build of the report would refuse its settings.
    public var refuses: Bool { diagnostics.contains { $0.severity == .error } }

    /// The listing for `request`'s report (Report Markdown).
    public static func make(for request: BuildRequest) throws(BuildPlan.Refusal) -> SettingsListing {
        let desk = try BuildPlan.configuration(for: request)
        let entries: [SettingsOrigins.Entry]
        do {
            entries = try SettingsOrigins.entries(ofReportAt: request.report, settings: desk.metadataSettings(overrides: request.metadata))
        } catch {
            throw .problems(desk.warnings + error.diagnostics)
        }
        let refused = Set(desk.refused.compactMap(\.location))
        let deskFiles = Set(desk.files.map(\.path))
        let lines = entries.map { entry in
            // Only a desk file's paths are held to the folder rule (the same key in the front
            // matter or -M is no build option).
            let isDeskPath = DeskConfiguration.pathKeys.contains(entry.key) && deskFiles.contains(entry.origin.file)
            let verdict =
                refused.contains(entry.origin)
                ? "refused: leaves its file's folder" : isDeskPath ? "allowed: inside its file's folder" : nil
            return Line(key: entry.key, value: entry.value, origin: entry.origin, verdict: verdict)
        }
        var diagnostics = desk.warnings
        do throws(BuildPlan.Refusal) {
            _ = try BuildPlan.resolve(request, desk: desk, for: .build)
        } catch {
            diagnostics += error.diagnostics(at: request.report)
        }
        return SettingsListing(lines: lines, diagnostics: diagnostics)
    }
}
