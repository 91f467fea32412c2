import Dispatch
import Foundation
import ReportModel
import XMLSupport

/// The book's content documents, made, serialised and deflated side by side on the
/// machine's cores, in batches: on a large report they are most of the e-book's work,
/// and the e-book is the longest edition, so other threads that have finished their own
/// editions take batches of it.
struct ContentEntries {
    private(set) var entries: [EPUBContainer.Entry] = []
    private(set) var warnings: [String] = []
    /// The files whose documents hold inline SVG (the package must say so).
    private(set) var svgDocuments: Set<String> = []

    /// Documents per batch: an eighth of the book, from 2 (enough to outweigh handing a
    /// batch to a thread) to 64, so that even a short report's documents are shared
    /// between the cores (its e-book is the longest edition too).
    static func batchSize(documents: Int) -> Int {
        max(2, min(64, documents / 8))
    }

    init(report: Report, book: EPUBBook) throws(EPUBError) {
        let documents = book.documents
        let size = Self.batchSize(documents: documents.count)
        let batches = (documents.count + size - 1) / size
        let results = Batches(count: batches)
        DispatchQueue.concurrentPerform(iterations: batches) { batch in
            let range = (batch * size)..<min(documents.count, (batch + 1) * size)
            results.set(batch, Result { () throws(EPUBError) in
                var made: [Made] = []
                let deflater = Deflater()
                for document in documents[range] {
                    let (xml, hasSVG) = document.make(report: report, book: book)
                    let entry = try EPUBContainer.Entry(
                        EPUBBook.root + document.file, xml.serializedAsPolyglotHTML(), deflater: deflater)
                    made.append(Made(entry: entry, warnings: xml.warnings, hasSVG: hasSVG))
                }
                return made
            })
        }
        for result in results.take() {
            for made in try result.get() {
                entries.append(made.entry)
                warnings += made.warnings
                if made.hasSVG { svgDocuments.insert(String(made.entry.path.dropFirst(EPUBBook.root.count))) }
            }
        }
    }

    /// One content document, ready for the container.
    struct Made: Sendable {
        var entry: EPUBContainer.Entry
        var warnings: [String]
        var hasSVG: Bool
    }

    /// The batches' results, kept in order as they finish on different threads.
    private final class Batches: @unchecked Sendable {
        private let lock = NSLock()
        private var results: [Result<[Made], EPUBError>?]

        init(count: Int) { results = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ result: Result<[Made], EPUBError>) {
            lock.withLock { results[index] = result }
        }

        func take() -> [Result<[Made], EPUBError>] {
            lock.withLock { results.map { $0! } }
        }
    }
}
