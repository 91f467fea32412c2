/// A diagnostic as a tool reads it (`--diagnostics json`, one object a line): `file`,
/// `line`, `column`, `end` (`{"line", "column"}` of the last character meant), `severity`,
/// `code` and `message`, every key always present and null where the diagnostic has no
/// place (or no known end). `docs/diagnostics.md` describes the format.
extension Diagnostic: Codable {
    private enum Key: String, CodingKey {
        case file, line, column, end, severity, code, message
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(location?.file, forKey: .file)
        try container.encode(location?.line, forKey: .line)
        try container.encode(location?.column, forKey: .column)
        try container.encode(location?.end, forKey: .end)
        try container.encode(severity, forKey: .severity)
        try container.encode(code, forKey: .code)
        try container.encode(message, forKey: .message)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        severity = try container.decode(Severity.self, forKey: .severity)
        code = try container.decode(Code.self, forKey: .code)
        message = try container.decode(String.self, forKey: .message)
        if let file = try container.decodeIfPresent(String.self, forKey: .file) {
            location = SourceLocation(
                file: file, line: try container.decode(Int.self, forKey: .line), column: try container.decode(Int.self, forKey: .column),
                end: try container.decodeIfPresent(SourceLocation.Position.self, forKey: .end))
        } else {
            location = nil
        }
    }
}
