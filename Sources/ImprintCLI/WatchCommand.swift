import ArgumentParser
import Foundation
import Imprint
import ReportModel
import SystemSupport

/// `imprint watch`: builds, then builds again on every save, with the PDF worker kept warm
/// between builds; with `--serve`, a preview that follows the editor.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch", abstract: "Build a report, then again on every save; with --serve, preview it in a browser.",
        discussion: """
            Watches the report's folder (or the folder of reports) and rebuilds the
            editions on every save: a burst of saves is one build, and the PDF worker
            stays warm between builds. Each build's diagnostics are printed.
            With --serve [PORT] (default 8000), the XHTML edition is served on
            http://127.0.0.1:PORT/ beside the PDF, and reloads itself after each build;
            a build that fails keeps the last good edition served and shows why.
            A changed imprint.yml applies from the next build on; the editions
            stay in the folder the watch began with. Ctrl-C stops it.
            """)

    @Argument(help: "The report file, or a folder of reports.", completion: .file())
    var report: String

    @OptionGroup var flags: BuildFlags

    @OptionGroup var desk: DeskOptions

    @OptionGroup var messages: DiagnosticsOptions

    @Option(help: "Serve the editions on 127.0.0.1 at this port (`--serve` alone: 8000).")
    var serve: UInt16?

    func run() throws {
        guard report != "-" else { throw ValidationError("watch follows a report file or a folder, not standard input") }
        let request = flags.request(for: report, desk: desk)
        let first: BuildPlan
        do {
            first = try Self.watchedPlan(request)
        } catch {
            throw error.commandError(as: messages.diagnostics)
        }
        let buildsFolder = first.buildsFolder
        let folder = buildsFolder ? report : URL(fileURLWithPath: report).deletingLastPathComponent().path
        let watcher = try FileWatcher(folder: folder, ignoring: [first.outputDirectory])
        var server: PreviewServer?
        if let port = serve {
            // The server resolves its folder once: it must be there.
            _ = try? AtomicFile.createDirectory(first.outputDirectory)
            let base = URL(fileURLWithPath: report).deletingPathExtension().lastPathComponent
            // The page a browser shows: the XHTML edition, else the text's, else none (a
            // list of the editions written).
            let formats = first.settings.formats
            let shown = formats.contains(.xhtml) ? OutputFormat.xhtml : formats.contains(.text) ? .text : formats.contains(.brief) ? .brief : nil
            let page = buildsFolder ? nil : shown.map { $0.fileName(base: base) }
            do {
                server = try PreviewServer(
                    folder: first.outputDirectory, port: port, page: page,
                    pdf: first.settings.formats.contains(.pdf) && !buildsFolder ? base + ".pdf" : nil)
            } catch let error as POSIXError where error.code == .EADDRINUSE {
                Console.error("imprint: port \(port) is in use (another preview, or another program): try --serve \(port == .max ? 8001 : port + 1), or --serve 0 for any free port\n")
                throw ExitCode(1)
            } catch {
                Console.error("imprint: cannot serve on 127.0.0.1:\(port): \(error.localizedDescription)\n")
                throw ExitCode(1)
            }
            Console.say("serving http://127.0.0.1:\(server!.port)/")
        }
        // Ctrl-C (or a TERM) ends it at once, even when started where interrupts were
        // ignored or blocked (a background job of a script, a test runner's child); the PDF
        // workers end with it.
        signal(SIGINT) { _ in _exit(130) }
        signal(SIGTERM) { _ in _exit(143) }
        var stopping = sigset_t()
        sigemptyset(&stopping)
        sigaddset(&stopping, SIGINT)
        sigaddset(&stopping, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &stopping, nil)
        Console.say("watching \(folder) (Ctrl-C stops)")
        watcher.ignore(files: Self.build(first, server: server, diagnostics: messages.diagnostics))
        while true {
            let changed = watcher.nextChange()
            Console.say("changed: \(changed.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ", "))")
            // Planned again: a changed imprint.yml applies, but the editions stay in the
            // folder watched and served from the start.
            do throws(BuildPlan.Refusal) {
                var plan = try Self.watchedPlan(request)
                plan.outputDirectory = first.outputDirectory
                watcher.ignore(files: Self.build(plan, server: server, diagnostics: messages.diagnostics))
            } catch {
                Self.report(
                    "the settings", false, error.diagnostics(at: report), files: [], since: DispatchTime.now(), server: server,
                    as: messages.diagnostics)
            }
        }
    }

    /// The plan of a watched build: its editions go into a folder, never into one edition's
    /// file or to standard output, whether the command line or a desk's `output` says so.
    private static func watchedPlan(_ request: BuildRequest) throws(BuildPlan.Refusal) -> BuildPlan {
        let plan = try BuildPlan.resolve(request)
        guard !plan.writesStandardOutput, plan.outputName == nil else {
            throw .usage("watch writes into a folder: give -o DIR (or a folder in the desk's 'output')")
        }
        return plan
    }

    /// The port `--serve` alone stands for.
    static let defaultPort = "8000"

    /// `watch … --serve` with no port (the end of the line, or another word than a number
    /// after it) as `--serve 8000`: ArgumentParser has no option whose value may be left out.
    static func defaultingServe(_ words: [String]) -> [String] {
        guard words.first == "watch", let serve = words.firstIndex(of: "--serve") else { return words }
        let next = words.index(after: serve)
        if next < words.endIndex, !words[next].isEmpty, words[next].allSatisfy(\.isNumber) { return words }
        var words = words
        words.insert(defaultPort, at: next)
        return words
    }

    /// One build: its diagnostics and how long it took, then the preview told. For one
    /// report, the PDF is made after the other editions, which are in place (and shown) in
    /// the time the PDF takes. Gives the editions' files.
    @discardableResult
    private static func build(_ plan: BuildPlan, server: PreviewServer?, diagnostics format: DiagnosticsFormat) -> [String] {
        if plan.buildsFolder { return buildFolder(plan, server: server, diagnostics: format) }
        var files: [String] = []
        let formats = plan.settings.formats
        var passes = [formats.filter { $0 != .pdf }, formats.filter { $0 == .pdf }]
        passes.removeAll(where: \.isEmpty)
        for formats in passes {
            let start = DispatchTime.now()
            var pass = plan
            pass.settings.formats = formats
            let outcome = Pipeline.build(pass)
            files += outcome.files
            report(
                formats.map(\.rawValue).joined(separator: ", "), outcome.succeeded, outcome.diagnostics, files: outcome.files, since: start,
                server: server, as: format)
        }
        return files
    }

    private static func buildFolder(_ plan: BuildPlan, server: PreviewServer?, diagnostics format: DiagnosticsFormat) -> [String] {
        let start = DispatchTime.now()
        let contents = FolderBuild.contents(of: plan.input, plan: plan)
        guard !contents.problems.contains(where: { $0.severity == .error }) else {
            report("the folder", false, contents.problems, files: [], since: start, server: server, as: format)
            return []
        }
        let reports = contents.reports
        let collected = Locked<(diagnostics: [Diagnostic], files: [String])>(([], []))
        let summary = FolderBuild.build(contents) { event in
            collected.withLock {
                $0.diagnostics += event.outcome.diagnostics
                $0.files += event.outcome.files
            }
        }
        let (diagnostics, files) = collected.withLock { $0 }
        report("\(reports.count) reports", summary.failed.isEmpty, diagnostics, files: files, since: start, server: server, as: format)
        return files
    }

    private static func report(
        _ what: String, _ succeeded: Bool, _ diagnostics: [Diagnostic], files: [String], since start: DispatchTime, server: PreviewServer?,
        as format: DiagnosticsFormat
    ) {
        Console.print(diagnostics, as: format)
        let milliseconds = (DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000
        print(succeeded ? "built \(what) in \(milliseconds) ms" : "\(what) failed after \(milliseconds) ms: the last good editions stay")
        fflush(nil)
        server?.published(succeeded: succeeded, diagnostics: diagnostics, files: files)
    }
}
