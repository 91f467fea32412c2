import ReportModel

/// The one contract of every edition's writer, the PDF's included: the manuscript (the
/// report, its index, words and image files) in, the edition out into a sink piece by piece
/// as it is made, warnings back as diagnostics, like a reader's. The readers see to it that
/// the model holds nothing a writer must warn of, so a warning here is about a model made
/// by other code. A writer that cannot fail (`Failure` is `Never`) is called without `try`;
/// one that can (an image it cannot carry, a container past its limits) throws a
/// `DiagnosticError`, and part of its edition may then have gone into the sink: the caller
/// drops it.
public protocol EditionWriter {
    associatedtype Failure: Error = Never

    func write(_ manuscript: Manuscript, to sink: @escaping (UnsafeRawBufferPointer) -> Void) throws(Failure) -> [Diagnostic]
}

extension EditionWriter {
    /// The whole edition as bytes (tests, and callers that keep it in memory), and its
    /// warnings.
    public func write(_ manuscript: Manuscript) throws(Failure) -> (bytes: [UInt8], warnings: [Diagnostic]) {
        let bytes = CollectedBytes()
        let warnings = try write(manuscript, to: bytes.append)
        return (bytes.bytes, warnings)
    }

    /// The whole edition of `report` (see `write(_:)`).
    public func write(_ report: Report) throws(Failure) -> (bytes: [UInt8], warnings: [Diagnostic]) {
        try write(Manuscript(report))
    }
}

/// The bytes written into a sink, gathered.
private final class CollectedBytes {
    private(set) var bytes: [UInt8] = []

    func append(_ data: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: data)
    }
}
