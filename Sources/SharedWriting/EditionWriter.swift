import ReportModel

/// A writer whose edition goes to its file piece by piece as it is made, handed to a sink.
/// It gives its warnings as diagnostics, like a reader's: the readers see to it that the
/// model holds nothing a writer must warn of, so a warning here is about a model made by
/// other code.
public protocol EditionWriter {
    func write(_ manuscript: Manuscript, to sink: (UnsafeRawBufferPointer) -> Void) -> [Diagnostic]
}

extension EditionWriter {
    /// The whole edition as bytes (tests, and callers that keep it in memory), and its
    /// warnings.
    public func write(_ manuscript: Manuscript) -> (bytes: [UInt8], warnings: [Diagnostic]) {
        var bytes: [UInt8] = []
        let warnings = write(manuscript) { bytes.append(contentsOf: $0) }
        return (bytes, warnings)
    }

    /// The whole edition of `report` (see `write(_:)`).
    public func write(_ report: Report) -> (bytes: [UInt8], warnings: [Diagnostic]) {
        write(Manuscript(report))
    }
}
