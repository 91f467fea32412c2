import ReportModel

/// Collects the diagnostics of one read, in the order they were found.
final class DiagnosticLog {
    private(set) var diagnostics: [Diagnostic] = []

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    func error(_ message: String, at location: SourceLocation?) {
        diagnostics.append(Diagnostic(.error, message, at: location))
    }

    func warning(_ message: String, at location: SourceLocation?) {
        diagnostics.append(Diagnostic(.warning, message, at: location))
    }

    /// Adds the diagnostics of another log, after this one's.
    func append(_ other: DiagnosticLog) {
        diagnostics += other.diagnostics
    }

    /// The error to throw once reading cannot go on.
    func failure() -> DiagnosticError {
        DiagnosticError(diagnostics)
    }
}
