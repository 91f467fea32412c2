/// A place in an input file: 1-based line and column (columns count characters).
public struct SourceLocation: Sendable, Codable, Equatable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    /// A file as a whole (its first line and column), for what is about all of it.
    public static func file(_ path: String) -> SourceLocation {
        SourceLocation(file: path, line: 1, column: 1)
    }
}

/// A message about an input, in the form compilers use so that editors can jump to it.
public struct Diagnostic: Sendable, Codable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable {
        /// Something worth a look that changes nothing (an HTML comment left out):
        /// `imprint check` lists notes, builds do not, and `--strict` leaves them notes.
        case note
        case warning, error
    }

    public var severity: Severity
    public var message: String
    public var location: SourceLocation?

    public init(_ severity: Severity, _ message: String, at location: SourceLocation?) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    /// `file:line:column: error: message`.
    public var description: String {
        let prefix = location.map { "\($0): " } ?? ""
        return "\(prefix)\(severity.rawValue): \(message)"
    }
}

/// Thrown when an input cannot be turned into a report: every error found, and the
/// warnings seen before them.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// One error, at `location` when it has one.
    public init(error message: String, at location: SourceLocation? = nil) {
        diagnostics = [Diagnostic(.error, message, at: location)]
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
