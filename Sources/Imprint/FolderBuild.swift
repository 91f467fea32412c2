import Dispatch
import Foundation
import ReportReaders

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

    /// What a folder holds: its reports, in path order, and every other file with why it is
    /// not built.
    public struct Contents: Sendable {
        public var reports: [String] = []
        public var skipped: [(path: String, reason: String)] = []
    }

    /// The reports under `folder`: Markdown files that open with front matter (`---`), and
    /// JSON files that hold a report model (`imprint model`). Hidden files and folders, the
    /// output folder, links that lead outside `folder`, and whatever `.imprintignore` in
    /// `folder` matches are left out; so is any other file (a `README.md` without front
    /// matter, an image), each with its reason.
    public static func contents(of folder: String, excluding outputDirectory: String) -> Contents {
        let root = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().path
        let output = URL(fileURLWithPath: outputDirectory).standardizedFileURL.resolvingSymlinksInPath().path
        let ignored = IgnoreFile(folder: folder)
        var contents = Contents()
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return contents }
        while let relative = enumerator.nextObject() as? String {
            let path = folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
            let real = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
            let name = (relative as NSString).lastPathComponent
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: real, isDirectory: &isFolder)
            if name.hasPrefix(".") || real == output || real.hasPrefix(output + "/") || ignored.matches(relative) {
                if isFolder.boolValue { enumerator.skipDescendants() }
                if !name.hasPrefix("."), real != output, ignored.matches(relative) {
                    contents.skipped.append((path, "matched by .imprintignore"))
                }
                continue
            }
            guard exists, !isFolder.boolValue else { continue }
            guard real.hasPrefix(root + "/") else {
                contents.skipped.append((path, "a link that leads outside the folder"))
                continue
            }
            if let reason = notAReport(real, name: name) {
                contents.skipped.append((path, reason))
            } else {
                contents.reports.append(path)
            }
        }
        contents.reports.sort()
        contents.skipped.sort { $0.path < $1.path }
        return contents
    }

    /// Why the file is not a report, or nil when it is one.
    private static func notAReport(_ path: String, name: String) -> String? {
        let lowered = name.lowercased()
        let isMarkdown = lowered.hasSuffix(".md")
        guard isMarkdown || lowered.hasSuffix(".json") else { return "not a .md or .json file" }
        guard let handle = FileHandle(forReadingAtPath: path) else { return "cannot be read" }
        defer { try? handle.close() }
        let start = String(decoding: (try? handle.read(upToCount: 4096)) ?? Data(), as: UTF8.self)
        if isMarkdown {
            let firstLine = start.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            return firstLine.trimmingCharacters(in: .whitespaces) == "---" ? nil : "Markdown without front matter (no --- first line)"
        }
        let opening = start.drop { $0.isWhitespace }
        return opening.hasPrefix("{") && start.contains("\"metadata\"") ? nil : "JSON that is not a report model"
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

/// `.imprintignore` in a folder of reports: one glob pattern a line (`*`, `?`, `[…]`, as
/// the shell has them), blank lines and lines starting with `#` ignored. A pattern with a
/// `/` matches the path from the folder (`drafts/*.md`); one without matches any file or
/// folder of that name at any depth (`README.md`, `archive`); a trailing `/` is dropped.
struct IgnoreFile {
    private var patterns: [String] = []

    init(folder: String) {
        guard let bytes = try? InputFile.read(folder + "/.imprintignore", limit: 1 << 20) else { return }
        patterns = String(decoding: bytes, as: UTF8.self).split(separator: "\n").compactMap { line in
            var pattern = line.trimmingCharacters(in: .whitespaces)
            if pattern.isEmpty || pattern.hasPrefix("#") { return nil }
            while pattern.hasSuffix("/") { pattern.removeLast() }
            if pattern.hasPrefix("/") { pattern.removeFirst() }
            return pattern.isEmpty ? nil : pattern
        }
    }

    /// Whether `relative` (a path from the folder) is ignored.
    func matches(_ relative: String) -> Bool {
        let name = (relative as NSString).lastPathComponent
        return patterns.contains { pattern in
            pattern.contains("/") ? fnmatch(pattern, relative, FNM_PATHNAME) == 0 : fnmatch(pattern, name, 0) == 0
        }
    }
}
