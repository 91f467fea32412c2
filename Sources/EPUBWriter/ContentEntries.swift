import Dispatch
import Foundation
import ReportModel
import ZIPSupport
import XMLSupport

/// The book's content documents, made, serialised and deflated side by side on the
/// machine's cores, in batches: on a large report they are most of the e-book's work,
/// and the e-book is the longest edition, so other threads that have finished their own
/// editions take batches of it. Each batch goes into the container, in book order, as
/// soon as the batches before it are in: only the batches made ahead of their turn are
/// held in memory, not the whole book.
struct ContentEntries {
    private(set) var warnings: [String] = []
    /// The files whose documents hold inline SVG (the package must say so).
    private(set) var svgDocuments: Set<String> = []

    /// Documents per batch: an eighth of the book, from 2 (enough to outweigh handing a
    /// batch to a thread) to 64, so that even a short report's documents are shared
    /// between the cores (its e-book is the longest edition too).
    static func batchSize(documents: Int) -> Int {
        max(2, min(64, documents / 8))
    }

    /// Makes every content document of `book` and adds it to `container`.
    init(report: Report, book: EPUBBook, into container: ZIPArchive) throws(DiagnosticError) {
        let documents = book.documents
        let size = Self.batchSize(documents: documents.count)
        let batches = (documents.count + size - 1) / size
        let inOrder = InOrder(count: batches, container: container)
        DispatchQueue.concurrentPerform(iterations: batches) { batch in
            guard !inOrder.failed else { return }
            let range = (batch * size)..<min(documents.count, (batch + 1) * size)
            inOrder.finish(batch, Result { () throws(DiagnosticError) in
                var made: [Made] = []
                let deflater = Deflater()
                for document in documents[range] {
                    let (bytes, warnings, hasSVG) = document.make(book: book)
                    let entry = try ZIPArchive.Entry(EPUBBook.root + document.file, bytes, deflater: deflater)
                    made.append(Made(entry: entry, warnings: warnings, hasSVG: hasSVG))
                }
                return made
            })
        }
        if let error = inOrder.error { throw error }
        warnings = inOrder.warnings
        svgDocuments = inOrder.svgDocuments
    }

    /// One content document, ready for the container.
    struct Made: Sendable {
        var entry: ZIPArchive.Entry
        var warnings: [String]
        var hasSVG: Bool
    }

    /// Adds finished batches to the container in order, whichever thread finished them.
    ///
    /// One thread at a time adds (the container is not for several): the one that finds
    /// no other adding, and it goes on while batches are ready in turn, outside the lock,
    /// so the other threads go on making theirs meanwhile.
    private final class InOrder: @unchecked Sendable {
        private let lock = NSLock()
        private let container: ZIPArchive
        /// Finished batches waiting for those before them.
        private var finished: [Int: [Made]] = [:]
        private var next = 0
        private var adding = false
        private var firstError: DiagnosticError?
        /// Gathered by the adding thread; read once every batch is finished.
        private(set) var warnings: [String] = []
        private(set) var svgDocuments: Set<String> = []

        init(count: Int, container: ZIPArchive) {
            self.container = container
            finished.reserveCapacity(min(count, 64))
        }

        var failed: Bool { lock.withLock { firstError != nil } }
        var error: DiagnosticError? { lock.withLock { firstError } }

        func finish(_ batch: Int, _ result: Result<[Made], DiagnosticError>) {
            let adds = lock.withLock {
                switch result {
                case .success(let made): finished[batch] = made
                case .failure(let error): fail(error)
                }
                guard !adding else { return false }
                adding = true
                return true
            }
            guard adds else { return }
            while let ready = takeReady() {
                for made in ready { add(made) }
            }
        }

        /// The batches that are next in turn; nil, and no longer adding, when there are none.
        private func takeReady() -> [Made]? {
            lock.withLock {
                var ready: [Made] = []
                while firstError == nil, let made = finished.removeValue(forKey: next) {
                    ready += made
                    next += 1
                }
                if ready.isEmpty { adding = false }
                return ready.isEmpty ? nil : ready
            }
        }

        private func add(_ made: Made) {
            guard !failed else { return }
            do throws(DiagnosticError) {
                try container.add(made.entry)
            } catch {
                lock.withLock { fail(error) }
                return
            }
            warnings += made.warnings
            if made.hasSVG { svgDocuments.insert(String(made.entry.path.dropFirst(EPUBBook.root.count))) }
        }

        /// Keeps the first error (under the lock).
        private func fail(_ error: DiagnosticError) {
            if firstError == nil { firstError = error }
        }
    }
}
