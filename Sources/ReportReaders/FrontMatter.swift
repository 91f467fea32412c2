import ReportModel

/// The YAML front matter of a report: the text between a first line `---` and the next
/// line `---` or `...`, and where it stands in the file.
struct FrontMatter {
    /// The YAML text.
    var yaml: String
    /// The file line on which the YAML text starts (the line after the opening `---`).
    var firstLine: Int
    /// The file line on which the body starts (the line after the closing delimiter).
    var bodyLine: Int

    /// Finds the front matter at the start of `source`; `nil` when the file has none.
    /// An opening `---` that is never closed is an error.
    static func find(in source: SourceText, log: DiagnosticLog) throws(DiagnosticError) -> FrontMatter? {
        guard source.lineCount > 0, isDelimiter(source.line(1), allowDots: false) else { return nil }
        var line = 2
        while line <= source.lineCount {
            if isDelimiter(source.line(line), allowDots: true) {
                let start = source.lineStarts[1]
                let end = source.lineStarts[line - 1]
                let yaml = String(decoding: source.bytes[min(start, end)..<end], as: UTF8.self)
                return FrontMatter(yaml: yaml, firstLine: 2, bodyLine: line + 1)
            }
            line += 1
        }
        log.error(.frontMatterUnclosed,
            "the front matter that starts here is never closed: end it with a line '---'",
            at: source.location(line: 1))
        throw log.failure()
    }

    private static func isDelimiter(_ line: ArraySlice<UInt8>, allowDots: Bool) -> Bool {
        let text = String(decoding: line, as: UTF8.self).trimmingTrailingWhitespace()
        return text == "---" || (allowDots && text == "...")
    }
}
