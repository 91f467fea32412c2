import Dispatch
import Foundation
import ReportModel
import ReportReaders
import SystemSupport

/// The pipeline: read, check, render every edition (each to a file without a name as soon as
/// it is made), then put them all in place at once.
public enum Pipeline {
    /// Reads and checks the plan's report (`imprint check`, `imprint model`); with its
    /// settings' `strict`, warnings become errors.
    public static func check(_ plan: BuildPlan) -> (Report?, [Diagnostic]) {
        let strict = plan.settings.strict
        do {
            let (read, diagnostics) = check(
                plan.input, bytes: try InputFile.read(plan.input), strict: strict, settings: plan.metadataSettings)
            let report = read?.report
            let ignored = plan.desk.warnings.strict(strict)
            // The words' problems (a language Imprint has none for), as a build tells them.
            let words = report.map { DeskWords.words(for: $0.metadata, desk: plan.desk).1 } ?? []
            let told = (ignored + words.map { $0.placed(at: plan.displayName) }.strict(strict))
            return (told.contains { $0.severity == .error } ? nil : report, told + diagnostics)
        } catch {
            return (nil, error.diagnostics.strict(strict))
        }
    }

    /// Reads and checks a report from its bytes, already read from `input`; its images are
    /// resolved (and read) beside `referencePath` (`input` when nil). Gives the report and
    /// its images, nil when it has errors.
    static func check(
        _ input: String, bytes: [UInt8], referencePath: String? = nil, strict: Bool, settings: MetadataSettings = .none
    ) -> (ReadResult?, [Diagnostic]) {
        do {
            let result = try ReportLoader.load(input, bytes: bytes, referencePath: referencePath ?? input, settings: settings)
            let diagnostics = result.warnings.strict(strict)
            return (diagnostics.contains { $0.severity == .error } ? nil : result, diagnostics)
        } catch {
            return (nil, error.diagnostics.strict(strict))
        }
    }

    /// Reads the report once, then checks and digests it side by side: the stamp holds the
    /// digest of the very bytes built, so a file changed during the build is built again
    /// next time. (Other files are digested before they are read, to the same end.) With
    /// `knownSettings` nil, works out the settings for the new stamp beside the check.
    ///
    /// `concurrentPerform` rather than a job waited for: in a folder build every thread of
    /// Dispatch's pool may be a build, and it runs both parts itself when none is free.
    /// A function of its own so that the text is let go once read: the editions are made
    /// from the report alone.
    private static func readAndCheck(
        _ plan: BuildPlan, knownSettings: String?
    ) throws(DiagnosticError) -> (checked: (ReadResult?, [Diagnostic]), digest: String?, settings: String) {
        let bytes = try plan.readsStandardInput ? InputFile.readStandardInput(as: plan.displayName) : InputFile.read(plan.input)
        let read = Locked<(checked: (ReadResult?, [Diagnostic])?, digest: String?, settings: String?)>((nil, nil, knownSettings))
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                let checked = check(
                    plan.displayName, bytes: bytes, referencePath: plan.referencePath, strict: plan.settings.strict,
                    settings: plan.metadataSettings)
                read.withLock { $0.checked = checked }
            } else {
                let digest = BuildStamp.digest(bytes)
                let settings = knownSettings ?? BuildStamp.settings(of: plan)
                read.withLock { ($0.digest, $0.settings) = (digest, settings) }
            }
        }
        return read.withLock { ($0.checked!, $0.digest, $0.settings!) }
    }

    /// Builds the editions asked for, unless the last build's are current (see
    /// `BuildStamp`). Nothing is written unless every edition rendered without error.
    public static func build(_ plan: BuildPlan, progress: @escaping @Sendable (String) -> Void = { _ in }) -> BuildOutcome {
        if let problem = SourceDate.environmentProblem() { return BuildOutcome(diagnostics: [problem], written: []) }
        if let root = plan.outputRoot {
            // The folder the user named is there before the folders inside it are checked.
            _ = try? AtomicFile.createDirectory(root)
            guard plan.staysInOutput("") else {
                let problem = Diagnostic(
                    .error, .fileOutsideFolder,
                    "its editions' folder \(plan.outputDirectory) leads out of the output folder through a link; Imprint does not write through it",
                    at: .file(plan.displayName))
                return BuildOutcome(diagnostics: [problem], written: [])
            }
        }
        // A build killed while it put its editions in place left its journal: the old
        // editions go back first.
        AtomicFile.recover(journal: BuildStamp.journalPath(for: plan))
        // With `--force` the settings are only for the new stamp: worked out beside the check.
        // A single file (`-o q.pdf`) keeps no stamp: nothing of Imprint's is left beside it.
        let knownSettings = plan.force || !plan.keepsStamp ? nil : BuildStamp.settings(of: plan)
        if let knownSettings, let current = BuildStamp.current(plan, settings: knownSettings) {
            return BuildOutcome(diagnostics: [], written: [], upToDate: true, files: current)
        }
        let read: (checked: (ReadResult?, [Diagnostic]), digest: String?, settings: String)
        do throws(DiagnosticError) {
            read = try readAndCheck(plan, knownSettings: knownSettings)
        } catch {
            return BuildOutcome(diagnostics: error.diagnostics.strict(plan.settings.strict).withoutNotes, written: [])
        }
        let loaded = read.checked.0
        var diagnostics = plan.desk.warnings.strict(plan.settings.strict) + read.checked.1.withoutNotes
        let (digest, settings) = (read.digest, read.settings)
        // (A path with a line break cannot be recorded: then no stamp, as `digests(of:)` says.)
        // (Nor can a report read from standard input, which no later build can read again.)
        let reportDigest = plan.input.contains("\n") || plan.readsStandardInput ? nil : digest.map { [plan.input: $0] }
        guard let loaded else { return BuildOutcome(diagnostics: diagnostics, written: []) }
        let report = loaded.report
        let (words, wordProblems) = DeskWords.words(for: report.metadata, desk: plan.desk)
        diagnostics += wordProblems.map { $0.placed(at: plan.displayName) }.strict(plan.settings.strict)
        let renderer = Renderer(report: report, words: words, images: loaded.images, plan: plan, progress: progress)
        let otherDigests = BuildStamp.digests(
            of: inputs(of: renderer), images: Array(loaded.images.values), read: (try? renderer.styles.get())?.users ?? [:])
        var created: [String]
        do {
            created = try AtomicFile.createDirectory(plan.outputDirectory)
        } catch {
            return BuildOutcome(diagnostics: diagnostics + [Diagnostic(.error, .writeFailed, error.description, at: nil)], written: [])
        }
        var files: [AtomicFile.Pending] = []
        var skipped: [OutputFormat] = []
        for (format, result) in zip(plan.settings.formats, renderAll(renderer)) {
            switch result {
            case .success(let (warnings, prepared, folders)):
                created += folders
                diagnostics += warnings.map { $0.placed(in: format, of: plan.displayName) }.strict(plan.settings.strict)
                files += prepared
            case .failure(let failure) where format == .pdf && !plan.editionsAsked && failure.diagnostics.allSatisfy({ $0.code == .pdfEngineMissing }):
                // A machine with no PDF engine still builds the other editions it was not
                // asked for by name; the PDF is skipped, once said, about the machine.
                skipped.append(format)
                // An earlier build's PDF left beside the new editions is said to be one.
                let earlier = plan.outputDirectory + "/" + plan.fileName(of: .pdf)
                let stale = FileManager.default.fileExists(atPath: earlier) ? " (\(earlier) is an earlier build's)" : ""
                diagnostics += failure.diagnostics.map {
                    Diagnostic(
                        .warning, .pdfSkipped,
                        $0.message.replacingOccurrences(of: "pdf: ", with: "pdf: skipped\(stale), for ", options: .anchored), at: nil)
                }.strict(plan.settings.strict)
            case .failure(let failure):
                // An engine that cannot start is the machine's, told with the editions that
                // build without it.
                let others = OutputFormat.published.filter { $0 != .pdf }.map(\.rawValue).joined(separator: ",")
                diagnostics += failure.diagnostics.map {
                    $0.code != .pdfEngineMissing
                        ? $0.placed(in: format, of: plan.displayName)
                        : Diagnostic($0.severity, $0.code, $0.message + ", or build the other editions with --to \(others)", at: $0.location)
                }
            }
        }
        // What several editions found alike (a missing --css file) is said once.
        var said: Set<String> = []
        diagnostics = diagnostics.filter { said.insert($0.description).inserted }
        guard !diagnostics.contains(where: { $0.severity == .error }) else {
            AtomicFile.discard(files)
            AtomicFile.removeEmptyDirectories(created)
            return BuildOutcome(diagnostics: diagnostics, written: [])
        }
        let stampPath = BuildStamp.path(for: plan)
        do {
            if plan.keepsStamp {
                // The old stamp goes first: were the build killed after the new outputs are
                // in place, an old stamp could otherwise vouch for them.
                unlink(stampPath)
                let ownFolder = AtomicFile.createOwnFolder(FolderRule.folder(of: stampPath))
                try AtomicFile.commit(files, journal: ownFolder ? BuildStamp.journalPath(for: plan) : nil)
            } else {
                // One file, put in place by one rename: no journal is needed.
                try AtomicFile.commit(files, journal: nil)
            }
        } catch {
            diagnostics.append(Diagnostic(.error, .writeFailed, error.description, at: nil))
            return BuildOutcome(diagnostics: diagnostics, written: [])
        }
        let written = files.map(\.path)
        if plan.keepsStamp, let reportDigest, let otherDigests {
            let stamp = BuildStamp(
                settings: settings, inputs: reportDigest.merging(otherDigests) { first, _ in first },
                outputs: written.map { ($0, BuildStamp.identity(of: $0) ?? "") })
            // A stamp that cannot be written only costs the next build its shortcut.
            if AtomicFile.createOwnFolder(FolderRule.folder(of: stampPath)) { try? AtomicFile.writeAll([(stampPath, stamp.bytes)]) }
        }
        return BuildOutcome(diagnostics: diagnostics, written: written, skipped: skipped)
    }

    /// One edition's warnings and its files (the edition, and any written with it), each
    /// complete in a file without a name; or why it could not be made.
    /// (With the folders made for the files, to be removed again if the build fails.)
    private typealias Rendered = Result<(warnings: [Diagnostic], files: [AtomicFile.Pending], folders: [String]), DiagnosticError>

    /// Every edition rendered, side by side on the machine's cores: the report is read
    /// once and each writer only reads it. Each edition goes into its file as it is made
    /// (DocBook and XHTML a section at a time): a large report's editions are never all in
    /// memory at once. None is put in place until all are made (see `build`). The Word
    /// edition is made after the PDF when both are, for its contents show the printed page
    /// numbers (`Renderer.pagination`).
    private static func renderAll(_ renderer: Renderer) -> [Rendered] {
        let formats = renderer.plan.settings.formats
        // The costliest first, so that no long edition starts last and runs alone.
        let order = formats.indices.sorted { formats[$0].relativeCost > formats[$1].relativeCost }
        let afterPrint: (Int) -> Bool = { formats[$0] == .docx && formats.contains(.pdf) }
        let results = Locked<[Int: Rendered]>([:])
        for batch in [order.filter { !afterPrint($0) }, order.filter(afterPrint)] where !batch.isEmpty {
            DispatchQueue.concurrentPerform(iterations: batch.count) { turn in
                let index = batch[turn]
                let result = render(formats[index], with: renderer)
                results.withLock { $0[index] = result }
            }
        }
        return results.withLock { results in formats.indices.map { results[$0]! } }
    }

    /// One edition into its file, and the files that go with it.
    private static func render(_ format: OutputFormat, with renderer: Renderer) -> Rendered {
        let folder = renderer.plan.outputDirectory + "/"
        let file: OutputFile
        do {
            file = try OutputFile(besides: folder + renderer.plan.fileName(of: format))
        } catch {
            return .failure(DiagnosticError(error: .writeFailed, error.description))
        }
        let warnings: [Diagnostic]
        let companions: [(name: String, bytes: [UInt8])]
        do throws(DiagnosticError) {
            warnings = try renderer.render(format, into: file)
            companions = try renderer.companions(of: format)
        } catch {
            file.discard()
            return .failure(error)
        }
        var prepared: [AtomicFile.Pending] = []
        var folders: [String] = []
        do throws(AtomicFile.IOError) {
            prepared.append(try file.finish())
            for companion in companions {
                guard renderer.plan.staysInOutput(companion.name) else {
                    throw AtomicFile.IOError(description: "cannot write \(folder + companion.name): it leads out of the output folder through a link")
                }
                if companion.name.contains("/") { folders += try AtomicFile.createDirectory(FolderRule.folder(of: folder + companion.name)) }
                prepared.append(try AtomicFile.prepare(companion.bytes, at: folder + companion.name))
            }
        } catch {
            AtomicFile.discard(prepared)
            AtomicFile.removeEmptyDirectories(folders)
            return .failure(DiagnosticError(error: .writeFailed, error.description))
        }
        return .success((warnings, prepared, folders))
    }

    /// The files a build of this report reads besides the report and its images (which the
    /// reader has read): the style sheets, the Word template, the desk's configuration.
    private static func inputs(of renderer: Renderer) -> [String] {
        let plan = renderer.plan
        return StyleSheets.overridePaths + plan.settings.stylesheets + (plan.settings.referenceDoc.map { [$0] } ?? []) + plan.configurationPaths
    }

    /// `reports/brief.md` → `brief`.
    static func baseName(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}

extension [Diagnostic] {
    /// With `strict`, every diagnostic as an error.
    func strict(_ strict: Bool) -> [Diagnostic] {
        strict ? map { $0.severity == .warning ? $0.asError : $0 } : self
    }

    /// Without the notes, which only `imprint check` lists.
    var withoutNotes: [Diagnostic] { filter { $0.severity != .note } }
}

extension Diagnostic {
    /// A writer's diagnostic about no place in a source (the model, the XML layer, the
    /// e-book's container) as the build reports it: naming the edition, at the report.
    /// Placed at the report, when it has no place of its own.
    func placed(at report: String) -> Diagnostic {
        location == nil ? Diagnostic(severity, code, message, at: .file(report)) : self
    }

    func placed(in format: OutputFormat, of report: String) -> Diagnostic {
        guard location == nil else { return self }
        return Diagnostic(severity, code, "\(format.rawValue): \(message)", at: .file(report))
    }

    var asError: Diagnostic {
        var copy = self
        copy.severity = .error
        return copy
    }
}
