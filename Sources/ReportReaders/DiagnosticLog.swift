import ReportModel

/// Collects the diagnostics of one read, in the order they were found.
final class DiagnosticLog {
    private(set) var diagnostics: [Diagnostic] = []

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    func error(_ code: Diagnostic.Code, _ message: String, at location: SourceLocation?) {
        diagnostics.append(Diagnostic(.error, code, message, at: location))
    }

    func warning(_ code: Diagnostic.Code, _ message: String, at location: SourceLocation?) {
        diagnostics.append(Diagnostic(.warning, code, message, at: location))
    }

    func note(_ code: Diagnostic.Code, _ message: String, at location: SourceLocation?) {
        diagnostics.append(Diagnostic(.note, code, message, at: location))
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

extension DiagnosticLog {
    /// `address` in the form an edition may link to, when `Address` allows it; otherwise
    /// `nil`, with a warning that `what` is left out of every edition and why.
    func activeAddress(_ address: String, what: String, at location: SourceLocation?) -> String? {
        switch Address.classify(address) {
        case .active(let url): return url
        case .fragment:
            warning(.addressInactive, "\(what) '\(address.visible)' is left out: it must be a full http, https or mailto address", at: location)
        case .inactive(let reason):
            warning(.addressInactive, "\(what) '\(address.visible)' is left out: \(reason)", at: location)
        }
        return nil
    }
}
