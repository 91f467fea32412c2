import Foundation
import SystemSupport

/// The warm PDF workers of this process, each engine's apart: at most one job per core at a
/// time (a slot), a worker kept for the next job once its job is done, and a start that
/// failed remembered so that every later PDF fails at once with the same words.
enum PDFWorkerPool {
    /// The engines a worker runs.
    enum Engine: String, Sendable {
        case weasyPrint = "weasyprint"
        case typst

        /// How to install it, for the message when it cannot start.
        var advice: String {
            switch self {
            case .weasyPrint: PDFWorkerPool.install("weasyprint==\(PDFEngine.testedWeasyPrint)")
            case .typst: PDFWorkerPool.install("typst==\(PDFEngine.testedTypst)")
            }
        }
    }

    /// How to install `package` for the worker's Python: Imprint's Debian package brings its
    /// own; else a virtual environment (Debian's Python refuses `pip install` outside one)
    /// that `IMPRINT_PYTHON` names.
    private static func install(_ package: String) -> String {
        "Install Imprint's Debian package, which brings its own; or make a Python environment for it: `python3 -m venv ~/.local/share/imprint/python && ~/.local/share/imprint/python/bin/pip install \(package)`, then set IMPRINT_PYTHON=~/.local/share/imprint/python/bin/python3 (Scripts/bootstrap installs it on a build machine)"
    }

    /// The Python packages Imprint's Debian package brings (WeasyPrint, Typst), beside the
    /// binary (`/usr/lib/imprint/python` for `/usr/bin/imprint`), used unless `IMPRINT_PYTHON`
    /// names a Python of the user's; nil when there are none, or when the folder (or the
    /// one above it) is not root's or this user's, or others may write to it (a binary run
    /// from `/tmp/x/` never imports from a `/tmp/lib/imprint/python` anyone could make).
    static let privateSite: String? = {
        guard Environment.value("IMPRINT_PYTHON") == nil,
            let binary = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        else { return nil }
        let site = URL(fileURLWithPath: binary).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("lib/imprint/python").path
        for folder in [site, (site as NSString).deletingLastPathComponent] {
            var status = stat()
            guard lstat(folder, &status) == 0, status.st_mode & S_IFMT == S_IFDIR, status.st_uid == 0 || status.st_uid == getuid(),
                status.st_mode & 0o022 == 0
            else { return nil }
        }
        return site
    }()

    /// The worker's Python: `IMPRINT_PYTHON`, or Debian's own for the package's private
    /// packages (built for it), or the first `python3` on PATH.
    static let python = Environment.value("IMPRINT_PYTHON") ?? (privateSite != nil ? "/usr/bin/python3" : "python3")

    private static let idle = Locked<[Engine: [PDFWorker]]>([:])
    private static let slots = DispatchSemaphore(value: ProcessInfo.processInfo.activeProcessorCount)
    private static let startFailures = Locked<[Engine: String]>([:])

    /// Runs `body` with a worker of `engine`, started if none is waiting.
    static func withWorker<Result>(_ engine: Engine, _ body: (PDFWorker) throws(PDFWorker.Failure) -> Result) throws(PDFWorker.Failure) -> Result {
        slots.wait()
        defer { slots.signal() }
        let worker: PDFWorker
        if let waiting = idle.withLock({ $0[engine]?.popLast() }) { worker = waiting } else { worker = try start(engine) }
        defer { if worker.isUsable { idle.withLock { $0[engine, default: []].append(worker) } } }
        return try body(worker)
    }

    /// The name and version `engine`'s worker gives ("WeasyPrint 70.0"), or "" when it
    /// cannot start: what the build stamp records.
    static func version(of engine: Engine) -> String {
        (try? withWorker(engine) { $0.engine }) ?? ""
    }

    private static func start(_ engine: Engine) throws(PDFWorker.Failure) -> PDFWorker {
        if let failure = startFailures.withLock({ $0[engine] }) { throw PDFWorker.Failure(description: failure, cannotStart: true) }
        let program = try WorkerProgram.text()
        do throws(PDFWorker.Failure) {
            switch engine {
            case .weasyPrint:
                return try PDFWorker(python: python, program: program, site: privateSite)
            case .typst:
                let root = try privateFolder()
                do throws(PDFWorker.Failure) {
                    return try PDFWorker(python: python, program: program, arguments: ["typst", root], root: root, site: privateSite)
                } catch {
                    try? FileManager.default.removeItem(atPath: root)
                    throw error
                }
            }
        } catch {
            let message = "the PDF engine cannot start: \(error.description). \(engine.advice); or name another engine with --pdf-engine"
            startFailures.withLock { $0[engine] = message }
            throw PDFWorker.Failure(description: message, cannotStart: true)
        }
    }

    /// A new folder only this user may read, for one Typst worker's compile root, named for
    /// this process: `imprint-typst-PID-XXXXXX`.
    private static func privateFolder() throws(PDFWorker.Failure) -> String {
        _ = sweptLeftovers
        var template = Array((temporaryFolder + "/imprint-typst-\(getpid())-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw PDFWorker.Failure(description: "cannot make a private folder for Typst: \(String(cString: strerror(errno)))")
        }
        return String(cString: made)
    }

    private static let temporaryFolder = NSTemporaryDirectory().hasSuffix("/") ? String(NSTemporaryDirectory().dropLast()) : NSTemporaryDirectory()

    /// The folders an Imprint that was killed left (a signal ends it before it can remove
    /// them, and they hold a report's text): removed by the next to start Typst, once. Only
    /// this user's, and only those of a process that is gone.
    private static let sweptLeftovers: Void = {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: temporaryFolder) else { return }
        for name in names where name.hasPrefix("imprint-typst-") {
            let parts = name.split(separator: "-")
            guard parts.count == 4, let pid = pid_t(parts[2]), pid != getpid() else { continue }
            let path = temporaryFolder + "/" + name
            var status = stat()
            guard lstat(path, &status) == 0, status.st_uid == getuid(), (status.st_mode & S_IFMT) == S_IFDIR else { continue }
            if kill(pid, 0) == 0 || errno != ESRCH { continue }
            try? FileManager.default.removeItem(atPath: path)
        }
    }()
}
