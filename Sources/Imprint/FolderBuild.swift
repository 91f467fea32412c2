import Dispatch
import Foundation

/// `imprint build DIR`: every report under a folder, built side by side on all cores.
///
/// Each report is an independent build with its own all-or-nothing output, so one that
/// fails stops nobody else; its editions go to the same relative folder under the output
/// folder (`DIR/asia/brief.md` → `out/asia/brief.*`), so reports of the same name in
/// different folders do not collide.
public enum FolderBuild {
    /// One report finished.
    public struct Event: Sendable {
        public var report: String
        public var outcome: BuildOutcome
        /// Reports finished so far, this one included, and how many there are.
        public var finished: Int
        public var total: Int
    }

    /// How the whole folder went.
    public struct Summary: Sendable {
        public var total = 0
        public var built = 0
        public var upToDate = 0
        public var failed: [String] = []

        /// Reports finished so far.
        public var finished: Int { built + upToDate + failed.count }
    }

    /// The reports under `folder`: every `.md` file, in path order, leaving out hidden
    /// files and folders, the output folder, and links that lead outside `folder`.
    public static func reports(in folder: String, excluding outputDirectory: String) -> [String] {
        let root = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().path
        let output = URL(fileURLWithPath: outputDirectory).standardizedFileURL.resolvingSymlinksInPath().path
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let path = folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
            let real = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") || real == output || real.hasPrefix(output + "/") {
                enumerator.skipDescendants()
                continue
            }
            guard name.lowercased().hasSuffix(".md"), real.hasPrefix(root + "/") else { continue }
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: real, isDirectory: &isFolder), !isFolder.boolValue {
                found.append(path)
            }
        }
        return found.sorted()
    }

    /// Builds each report with `options` (its `input` and `outputDirectory` set per
    /// report), as many at once as there are cores; `finished` is called once per report,
    /// one call at a time.
    public static func build(
        _ reports: [String], under folder: String, options: BuildOptions,
        finished: @escaping @Sendable (Event) -> Void
    ) -> Summary {
        let summary = Locked(Summary(total: reports.count))
        DispatchQueue.concurrentPerform(iterations: reports.count) { index in
            let report = reports[index]
            var reportOptions = options
            reportOptions.input = report
            reportOptions.outputDirectory = outputFolder(for: report, under: folder, in: options.outputDirectory)
            let outcome = Pipeline.build(reportOptions)
            summary.withLock { summary in
                if !outcome.succeeded {
                    summary.failed.append(report)
                } else if outcome.upToDate {
                    summary.upToDate += 1
                } else {
                    summary.built += 1
                }
                finished(Event(report: report, outcome: outcome, finished: summary.finished, total: reports.count))
            }
        }
        return summary.withLock { summary in
            summary.failed.sort()
            return summary
        }
    }

    /// `out` + the report's folder relative to `folder`.
    static func outputFolder(for report: String, under folder: String, in outputDirectory: String) -> String {
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        let relative = report.hasPrefix(base) ? String(report.dropFirst(base.count)) : report
        let subfolder = (relative as NSString).deletingLastPathComponent
        return subfolder.isEmpty ? outputDirectory : outputDirectory + "/" + subfolder
    }
}
