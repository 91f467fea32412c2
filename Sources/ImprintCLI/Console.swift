import ArgumentParser
import Foundation
import ReportModel

/// How diagnostics are printed on standard error: for people, as compilers print them
/// (`file:line:col: severity: message [code]`), or for tools, one JSON object a line
/// (`docs/diagnostics.md`).
enum DiagnosticsFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case human, json
}

/// `--diagnostics`, for every command that reads a report.
struct DiagnosticsOptions: ParsableArguments {
    @Option(
        help: "How diagnostics are printed on standard error: human (the default), or json, one object a line for tools (docs/diagnostics.md).",
        completion: .list(DiagnosticsFormat.allValueStrings))
    var diagnostics: DiagnosticsFormat = .human
}

/// What the commands print on standard error.
enum Console {
    /// Writes all of `bytes` to the descriptor (1: standard output, 2: standard error);
    /// false when it cannot, because it was closed or its reader went away (a pipe into
    /// `head`). Never a crash: Foundation's `FileHandle.write` traps on such an error.
    @discardableResult
    static func write(_ bytes: some Sequence<UInt8>, to descriptor: Int32) -> Bool {
        let bytes = Array(bytes)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            written += count
        }
        return true
    }

    /// An edition or a model on standard output; a quiet exit when it cannot go there:
    /// status 0 when its reader went away having read what it wanted (`| head -c 8`), 1
    /// when standard output was closed or failed.
    static func output(_ bytes: some Sequence<UInt8>) throws {
        guard !outputClosed else { throw ExitCode(1) }
        guard write(bytes, to: STDOUT_FILENO) else { throw ExitCode(errno == EPIPE ? 0 : 1) }
    }

    /// Text on standard error (nothing when it is closed).
    static func error(_ text: String) {
        write(text.utf8, to: STDERR_FILENO)
    }

    /// Standard output, standard error and standard input, when a parent closed one: each
    /// is opened on `/dev/null`, so no file Imprint opens takes its number (and has a
    /// report written into it); gives whether standard output was closed.
    static func guardStandardDescriptors() -> Bool {
        var outputClosed = false
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) < 0 && errno == EBADF {
            let null = open("/dev/null", descriptor == STDIN_FILENO ? O_RDONLY : O_WRONLY)
            if null >= 0, null != descriptor {
                dup2(null, descriptor)
                close(null)
            }
            if descriptor == STDOUT_FILENO { outputClosed = true }
        }
        return outputClosed
    }

    /// Whether standard output was closed when Imprint started (`guardStandardDescriptors`).
    nonisolated(unsafe) static var outputClosed = false

    /// A progress line, only when standard error is a terminal that reads diagnostics as
    /// text (a tool reading JSON lines gets none).
    static func progress(for format: DiagnosticsFormat) -> @Sendable (String) -> Void {
        guard format == .human, isatty(STDERR_FILENO) != 0 else { return { _ in } }
        return { message in error(message.terminalSafe + "…\n") }
    }

    /// A line on standard output, its controls shown rather than obeyed (`terminalSafe`):
    /// what it names (a report, a file written) comes from the input.
    static func say(_ line: String) {
        Swift.print(line.terminalSafe)
    }

    /// Diagnostics, one a line: as compilers print them, coloured as compilers colour them
    /// when standard error is a terminal and `NO_COLOR` is not set; or as JSON objects.
    static func print(_ diagnostics: [Diagnostic], as format: DiagnosticsFormat) {
        guard !diagnostics.isEmpty else { return }
        let lines: [String]
        switch format {
        case .human:
            let colour = isatty(STDERR_FILENO) != 0 && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
            // What a diagnostic quotes (a file's name, a key, a value) is the input's: its
            // controls are shown, never obeyed.
            lines = diagnostics.map { colour ? coloured($0) : $0.description.terminalSafe }
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            // Encoding a diagnostic (strings, numbers, null) cannot fail.
            lines = diagnostics.map { (try? encoder.encode($0)).map { String(decoding: $0, as: UTF8.self) } ?? "{}" }
        }
        error(lines.map { $0 + "\n" }.joined())
    }

    /// `file:line:col:` in bold, the severity in its colour (error red, warning magenta,
    /// note cyan, all bold), the message plain: clang's and swiftc's colours.
    static func coloured(_ diagnostic: Diagnostic) -> String {
        let bold = "\u{1B}[1m", reset = "\u{1B}[0m"
        let hue =
            switch diagnostic.severity {
            case .error: "\u{1B}[1;31m"
            case .warning: "\u{1B}[1;35m"
            default: "\u{1B}[1;36m"
            }
        let place = diagnostic.location.map { "\(bold)\($0.description.terminalSafe):\(reset) " } ?? ""
        return "\(place)\(hue)\(diagnostic.severity.rawValue):\(reset) \(diagnostic.message.terminalSafe) [\(diagnostic.code.rawValue)]"
    }
}
