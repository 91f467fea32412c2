/// A place in an input file: 1-based line and column (columns count characters), and where
/// what is meant ends when that is known.
public struct SourceLocation: Sendable, Codable, Equatable, Hashable, CustomStringConvertible {
    /// A line and a column in the same file.
    public struct Position: Sendable, Codable, Equatable, Hashable {
        public var line: Int
        public var column: Int

        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }
    }

    public var file: String
    public var line: Int
    public var column: Int
    /// The last character of what is meant (a heading, a paragraph, a table row), when the
    /// reader knows it; tools underline from `line`:`column` to here.
    public var end: Position?

    public init(file: String, line: Int, column: Int, end: Position? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.end = end
    }

    /// `file:line:column`: where editors jump to.
    public var description: String { "\(file):\(line):\(column)" }

    /// A file as a whole (its first line and column), for what is about all of it.
    public static func file(_ path: String) -> SourceLocation {
        SourceLocation(file: path, line: 1, column: 1)
    }
}

/// A message about an input, in the form compilers use so that editors can jump to it, with
/// a stable code that tools can match on.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable {
        /// Something worth a look that changes nothing (an HTML comment left out):
        /// `imprint check` lists notes, builds do not, and `--strict` leaves them notes.
        case note
        case warning, error
    }

    public var severity: Severity
    public var code: Code
    public var message: String
    public var location: SourceLocation?

    public init(_ severity: Severity, _ code: Code, _ message: String, at location: SourceLocation?) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
    }

    /// `file:line:column: error: message [code]`.
    public var description: String {
        let prefix = location.map { "\($0): " } ?? ""
        return "\(prefix)\(severity.rawValue): \(message) [\(code.rawValue)]"
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
    public init(error code: Diagnostic.Code, _ message: String, at location: SourceLocation? = nil) {
        diagnostics = [Diagnostic(.error, code, message, at: location)]
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
