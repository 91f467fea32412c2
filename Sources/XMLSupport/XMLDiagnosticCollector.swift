import CLibXML2
import ReportModel

/// Collects libxml2's structured errors for the duration of one call, as diagnostics in
/// `file` (the XML text read or checked) with the code of what the call checks.
///
/// libxml2 reports through a C callback with a context pointer; this box is that context.
/// The handler is installed around each call and removed after it, so nothing leaks to
/// stderr and nothing is shared between calls.
final class XMLDiagnosticCollector {
    let file: String
    let code: Diagnostic.Code
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, code: Diagnostic.Code) {
        self.file = file
        self.code = code
    }

    /// `file` at `line` and `column`, or no place when libxml2 gave no line (0).
    static func location(_ file: String, line: Int, column: Int) -> SourceLocation? {
        line > 0 ? SourceLocation(file: file, line: line, column: max(1, column)) : nil
    }

    /// The C callback libxml2 calls; `context` is an unretained collector.
    static let handler: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        let collector = Unmanaged<XMLDiagnosticCollector>.fromOpaque(context).takeUnretainedValue()
        collector.record(error.pointee)
    }

    var context: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    private func record(_ error: xmlError) {
        let message = error.message.map { String(cString: $0) } ?? "unknown libxml2 error"
        diagnostics.append(
            Diagnostic(
                .error, code, message.trimmingTrailingNewlines(),
                at: Self.location(file, line: Int(error.line), column: Int(error.int2))))
    }

    /// Runs `body` with this collector as the thread's structured error handler.
    func collecting<T>(_ body: () throws -> T) rethrows -> T {
        xmlSetStructuredErrorFunc(context, XMLDiagnosticCollector.handler)
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
