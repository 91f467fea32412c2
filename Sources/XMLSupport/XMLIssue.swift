import CLibXML2

/// One problem libxml2 reported, with where it was found.
public struct XMLIssue: Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// 1-based; 0 when libxml2 did not know.
    public var line: Int
    public var column: Int

    public init(message: String, line: Int, column: Int) {
        self.message = message
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column): \(message)" }
}

/// Collects libxml2's structured errors for the duration of one call.
///
/// libxml2 reports through a C callback with a context pointer; this box is that context.
/// The handler is installed around each call and removed after it, so nothing leaks to
/// stderr and nothing is shared between calls.
final class XMLIssueCollector {
    private(set) var issues: [XMLIssue] = []

    /// The C callback libxml2 calls; `context` is an unretained collector.
    static let handler: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        let collector = Unmanaged<XMLIssueCollector>.fromOpaque(context).takeUnretainedValue()
        collector.record(error.pointee)
    }

    var context: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    private func record(_ error: xmlError) {
        let message = error.message.map { String(cString: $0) } ?? "unknown libxml2 error"
        issues.append(
            XMLIssue(
                message: message.trimmingTrailingNewlines(), line: Int(error.line), column: Int(error.int2)))
    }

    /// Runs `body` with this collector as the thread's structured error handler.
    func collecting<T>(_ body: () throws -> T) rethrows -> T {
        xmlSetStructuredErrorFunc(context, XMLIssueCollector.handler)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        return try withExtendedLifetime(self) { try body() }
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var result = self
        while result.last?.isNewline == true { result.removeLast() }
        return result
    }
}
