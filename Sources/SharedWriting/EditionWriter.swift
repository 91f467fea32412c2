import ReportModel

/// A writer whose edition goes to its file piece by piece as it is made, handed to a sink,
/// with the warnings it gives.
public protocol EditionWriter {
    func write(_ report: Report, to sink: (UnsafeRawBufferPointer) -> Void) -> [String]
}

extension EditionWriter {
    /// The whole edition as bytes (tests, and callers that keep it in memory), and its
    /// warnings.
    public func write(_ report: Report) -> (bytes: [UInt8], warnings: [String]) {
        var bytes: [UInt8] = []
        let warnings = write(report) { bytes.append(contentsOf: $0) }
        return (bytes, warnings)
    }
}
