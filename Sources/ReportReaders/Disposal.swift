import Foundation

/// Lets go of Markdown trees the reader is done with, on a thread of its own.
///
/// Freeing a piece's tree (a class instance and an array per node) is much of a large
/// report's reading, and the reading thread is the one the whole build waits for, while
/// another core has room. A thread of its own, not Dispatch's, for the reason
/// `PieceStream` gives.
final class Disposal: @unchecked Sendable {
    private let condition = NSCondition()
    private var waiting: [[MarkdownNode]] = []
    private var closed = false

    init() {
        Thread { [self] in
            while let batch = next() {
                // The last references: the trees are freed here, as `batch` goes.
                _ = batch
            }
        }.start()
    }

    /// Trees handed over and not yet freed, at most: past that the reader waits, so that
    /// trees do not pile up when this thread falls behind (its core is shared with the
    /// parsing threads).
    private static let backlog = 2

    /// Hands over `nodes`; the caller must keep no other reference to them.
    func letGo(_ nodes: [MarkdownNode]) {
        condition.withLock {
            while waiting.count >= Self.backlog { condition.wait() }
            waiting.append(nodes)
            condition.broadcast()
        }
    }

    /// No more: the thread ends once it has let go of what it was given.
    func close() {
        condition.withLock {
            closed = true
            condition.broadcast()
        }
    }

    private func next() -> [[MarkdownNode]]? {
        condition.withLock {
            while waiting.isEmpty && !closed { condition.wait() }
            guard !waiting.isEmpty else { return nil }
            defer {
                waiting = []
                condition.broadcast()
            }
            return waiting
        }
    }
}
