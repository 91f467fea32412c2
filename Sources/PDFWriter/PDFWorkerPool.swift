import Foundation
import SystemSupport

/// The PDF workers of this process: at most one per core, each started when first needed
/// and kept for every later PDF (a folder build renders all its reports' PDFs with them).
enum PDFWorkerPool {
    /// The Python that runs the worker.
    static let python = Environment.value("IMPRINT_PYTHON") ?? "python3"

    private static let idle = Locked<[PDFWorker]>([])
    private static let slots = DispatchSemaphore(value: ProcessInfo.processInfo.activeProcessorCount)
    /// Why the first worker could not start, so that a folder build says it once per report
    /// without trying again for each.
    private static let startFailure = Locked<String?>(nil)

    /// Runs `body` with a worker of its own, started if none is idle; a worker that is
    /// still usable afterwards goes back to the pool.
    static func withWorker<Result>(_ body: (PDFWorker) throws(PDFWorker.Failure) -> Result) throws(PDFWorker.Failure) -> Result {
        slots.wait()
        defer { slots.signal() }
        let worker: PDFWorker
        if let waiting = idle.withLock({ $0.popLast() }) { worker = waiting } else { worker = try start() }
        defer { if worker.isUsable { idle.withLock { $0.append(worker) } } }
        return try body(worker)
    }

    /// The engine's name and version, asked of a worker (started if need be); empty when
    /// no worker can start.
    static var engine: String {
        (try? withWorker { $0.engine }) ?? ""
    }

    private static func start() throws(PDFWorker.Failure) -> PDFWorker {
        if let failure = startFailure.withLock({ $0 }) { throw PDFWorker.Failure(description: failure, cannotStart: true) }
        let program = try WorkerProgram.text()
        do {
            return try PDFWorker(python: python, program: program)
        } catch {
            let message = "the PDF engine cannot start: \(error.description). Install WeasyPrint with `pip install weasyprint==\(PDFEngine.testedWeasyPrint)` (Scripts/bootstrap does this), name another engine with --pdf-engine COMMAND"
            startFailure.withLock { $0 = message }
            throw PDFWorker.Failure(description: message, cannotStart: true)
        }
    }
}
