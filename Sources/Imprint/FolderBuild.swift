import Dispatch
import Foundation
import ReportModel
import ReportReaders
import SystemSupport

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

    /// What a folder holds: its reports, in path order, every other file with why it is
    /// not built, and what stops the folder from being built at all (an `.imprintignore`
    /// past its limits, a name that is not UTF-8, two reports whose editions would share a
    /// file).
    public struct Contents: Sendable {
        public var reports: [String] = []
        public var skipped: [(path: String, reason: String)] = []
        public var problems: [Diagnostic] = []
        /// Each report's own plan (`BuildPlan.planning`: its nearest desk configuration),
        /// in the order of `reports`, made once for the check of colliding editions and
        /// the build; or why the report cannot be planned.
        public var plans: [Result<BuildPlan, BuildPlan.Refusal>] = []
    }

    /// The reports under `folder`: Markdown files that open with front matter (`---`), and
    /// JSON files that hold a report model (`imprint model`). Hidden files and folders, the
    /// output folder, links that lead outside `folder` (a link to a folder is never
    /// followed), and whatever `.imprintignore` in `folder` matches are left out; so is any
    /// other file (a `README.md` without front matter, an image, a FIFO), each with its
    /// reason. Each report is planned (`plan`'s output folder left out of the walk), and the
    /// editions each plan builds are those two reports may not share a file for.
    public static func contents(of folder: String, plan: BuildPlan) -> Contents {
        let root = FolderRule.realPath(folder) ?? folder
        let output = URL(fileURLWithPath: plan.outputDirectory).standardizedFileURL.resolvingSymlinksInPath().path
        var contents = Contents()
        let ignored: IgnoreFile
        do {
            ignored = try IgnoreFile(folder: folder)
        } catch {
            contents.problems = error.diagnostics
            return contents
        }
        var pending: [(path: String, relative: String)] = [(folder, "")]
        while let (directory, relativeDirectory) = pending.popLast() {
            for entry in FolderEntries.list(directory) {
                let relative = relativeDirectory.isEmpty ? entry.name : relativeDirectory + "/" + entry.name
                let path = directory.hasSuffix("/") ? directory + entry.name : directory + "/" + entry.name
                guard entry.isUTF8 else {
                    contents.problems.append(
                        Diagnostic(.error, .fileNameInvalid, "this name is not UTF-8 text, which no edition can name: rename it (or hide it with a leading dot)", at: .file(path)))
                    continue
                }
                if entry.name.hasPrefix(".") { continue }
                let real = FolderRule.realPath(path) ?? path
                if FolderRule.isInside(real, output, orSame: true) { continue }
                if ignored.matches(relative) {
                    contents.skipped.append((path, "matched by .imprintignore"))
                    continue
                }
                if entry.isFolder {
                    pending.append((path, relative))
                    continue
                }
                var status = stat()
                if stat(real, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
                    contents.skipped.append((path, "a link to a folder, which is not followed"))
                    continue
                }
                guard FolderRule.isInside(real, root) else {
                    contents.skipped.append((path, "a link that leads outside the folder"))
                    continue
                }
                if let reason = notAReport(real, name: entry.name) {
                    contents.skipped.append((path, reason))
                } else {
                    contents.reports.append(path)
                }
            }
        }
        contents.reports.sort()
        contents.skipped.sort { $0.path < $1.path }
        let reports = contents.reports
        let plans = Locked<[Int: Result<BuildPlan, BuildPlan.Refusal>]>([:])
        DispatchQueue.concurrentPerform(iterations: reports.count) { index in
            let planned = Result { () throws(BuildPlan.Refusal) in try plan.planning(report: reports[index], under: folder) }
            plans.withLock { $0[index] = planned }
        }
        contents.plans = plans.withLock { plans in reports.indices.map { plans[$0]! } }
        let formats = contents.plans.map { (try? $0.get())?.settings.formats ?? [] }
        contents.problems += collisions(among: Array(zip(reports, formats)), under: folder)
        return contents
    }

    /// An error for each pair of reports whose editions would be written to the same file
    /// (`a.md` and `a.json`; `report.md`'s brief and `report.brief.md`'s text), naming both:
    /// each report with the editions its plan builds.
    static func collisions(among reports: [(report: String, formats: [OutputFormat])], under folder: String) -> [Diagnostic] {
        var owners: [String: String] = [:]
        var problems: [Diagnostic] = []
        for (report, formats) in reports {
            let base = Pipeline.baseName(of: report)
            let outputFolder = outputFolder(for: report, under: folder, in: "")
            for format in formats {
                let file = outputFolder + "/" + format.fileName(base: base)
                if let owner = owners[file], owner != report {
                    problems.append(
                        Diagnostic(
                            .error, .editionsCollide,
                            "this report's \(format.rawValue) edition would be written to the file '\(format.fileName(base: base))' that \(owner) writes too; rename one of them",
                            at: .file(report)))
                } else {
                    owners[file] = report
                }
            }
        }
        return problems
    }

    /// Why the file is not a report, or nil when it is one. Opened without waiting (a FIFO
    /// is refused, not waited on), and only its first 4 KiB read.
    private static func notAReport(_ path: String, name: String) -> String? {
        let lowered = name.lowercased()
        let isMarkdown = lowered.hasSuffix(".md")
        guard isMarkdown || lowered.hasSuffix(".json") else { return "not a .md or .json file" }
        guard let (descriptor, _) = try? InputFile.open(path) else {
            var status = stat()
            return stat(path, &status) == 0 && status.st_mode & S_IFMT != S_IFREG ? "not a regular file (a device, FIFO or socket)" : "cannot be read"
        }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        let start = String(decoding: buffer.prefix(max(0, count)), as: UTF8.self)
        if isMarkdown {
            let firstLine = start.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            return firstLine.trimmingCharacters(in: .whitespaces) == "---" ? nil : "Markdown without front matter (no --- first line)"
        }
        let opening = start.drop { $0.isWhitespace }
        return opening.hasPrefix("{") && start.contains("\"metadata\"") ? nil : "JSON that is not a report model"
    }

    /// Builds each report of `contents` with its own plan, as many at once as there are
    /// cores; `finished` is called once per report, one call at a time.
    public static func build(_ contents: Contents, finished: @escaping @Sendable (Event) -> Void) -> Summary {
        let reports = contents.reports
        let summary = Locked(Summary(total: reports.count))
        DispatchQueue.concurrentPerform(iterations: reports.count) { index in
            let report = reports[index]
            let outcome: BuildOutcome
            switch contents.plans[index] {
            case .success(let plan): outcome = Pipeline.build(plan)
            case .failure(let refusal): outcome = BuildOutcome(diagnostics: refusal.diagnostics(at: report), written: [])
            }
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
        let subfolder = FolderRule.folder(of: relative)
        return subfolder == "." ? outputDirectory : outputDirectory + "/" + subfolder
    }
}

/// `.imprintignore` in a folder of reports: one glob pattern a line (`*`, `?`, `[…]`, as
/// the shell has them), blank lines and lines starting with `#` ignored. A pattern with a
/// `/` matches the path from the folder (`drafts/*.md`); one without matches any file or
/// folder of that name at any depth (`README.md`, `archive`); a trailing `/` is dropped.
///
/// Its limits keep a folder's walk linear in the folder: at most `limits.size` bytes,
/// `limits.patterns` patterns of at most `limits.patternLength` characters and
/// `limits.stars` `*` each (a glob's cost grows with its stars). Past any of them the
/// folder is not built, with an error at the file: never a file silently ignored.
struct IgnoreFile {
    static let limits = (size: 64 << 10, patterns: 1_000, patternLength: 256, stars: 8)
    private var patterns: [String] = []

    init(folder: String) throws(DiagnosticError) {
        let path = folder + "/.imprintignore"
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        let bytes = try InputFile.read(path, limit: Self.limits.size)
        func failure(_ message: String, line: Int) -> DiagnosticError {
            DiagnosticError([Diagnostic(.error, .ignoreFileInvalid, message, at: SourceLocation(file: path, line: line, column: 1))])
        }
        for (number, line) in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var pattern = line.trimmingCharacters(in: .whitespaces)
            if pattern.isEmpty || pattern.hasPrefix("#") { continue }
            while pattern.hasSuffix("/") { pattern.removeLast() }
            if pattern.hasPrefix("/") { pattern.removeFirst() }
            if pattern.isEmpty { continue }
            if pattern.count > Self.limits.patternLength || pattern.filter({ $0 == "*" }).count > Self.limits.stars {
                throw failure(
                    "this pattern is longer than \(Self.limits.patternLength) characters or has more than \(Self.limits.stars) '*'", line: number + 1)
            }
            patterns.append(pattern)
            if patterns.count > Self.limits.patterns {
                throw failure("more than \(Self.limits.patterns) patterns; Imprint reads at most \(Self.limits.patterns)", line: number + 1)
            }
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

/// The entries of a folder as the system names them: bytes, which may not be UTF-8 (and
/// are then reported, not skipped), and whether each is a folder (a link never counts as one).
enum FolderEntries {
    struct Entry {
        var name: String
        var isUTF8: Bool
        var isFolder: Bool
    }

    static func list(_ folder: String) -> [Entry] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var entries: [Entry] = []
        while let entry = readdir(directory) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
            let name = String(validating: bytes, as: UTF8.self)
            var status = stat()
            let path = folder + "/" + (name ?? "")
            let isFolder = name != nil && lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
            entries.append(Entry(name: name ?? String(decoding: bytes, as: UTF8.self), isUTF8: name != nil, isFolder: isFolder))
        }
        return entries.sorted { $0.name < $1.name }
    }
}
