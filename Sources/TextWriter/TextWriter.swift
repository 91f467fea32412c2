import ReportModel
import SharedWriting

/// Writes a report as plain text that reads as if a careful editor had typed it: wrapped
/// to a width measured in terminal columns, with the marking first and last, numbered
/// notes and link references at the end so that no address is lost.
public struct TextWriter: EditionWriter {
    public enum Profile: Sendable {
        /// Everything in the report.
        case full
        /// A one-page bottom line up front, at most 66 lines at 72 columns (`BriefSelection`
        /// says what it keeps), the same words at 72 columns and narrower: a masthead of
        /// three lines at most, the bottom line, key judgments, risk register, contact and
        /// the handling notice.
        case brief
    }

    public struct Options: Sendable {
        public var width: Int
        public var profile: Profile
        /// Typographic punctuation spelled in ASCII.
        public var ascii: Bool

        public static let widths = 20...200

        public init(width: Int = 72, profile: Profile = .full, ascii: Bool = false) {
            self.width = min(max(width, Options.widths.lowerBound), Options.widths.upperBound)
            self.profile = profile
            self.ascii = ascii
        }
    }

    public let options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Writes the text into `sink` as UTF-8, a piece at a time as it is made: lines end
    /// with LF, none has trailing spaces or is wider than the width. Text can carry
    /// anything the model holds: no warnings.
    public func write(_ manuscript: Manuscript, to sink: @escaping (UnsafeRawBufferPointer) -> Void) -> [Diagnostic] {
        write(manuscript, window: TextOutput.defaultWindow, to: sink)
        return []
    }

    /// `window`: how many lines are kept back (see `TextOutput`); tests vary it.
    func write(_ manuscript: Manuscript, window: Int, to sink: @escaping (UnsafeRawBufferPointer) -> Void) {
        switch options.profile {
        case .full:
            write(manuscript, brief: nil, window: window, to: sink)
        case .brief:
            // The brief says the same at every width: what fits a page at 72 columns (or
            // at its own width, when wider).
            let brief = Brief(manuscript.report)
            let page = TextWriter(options: Options(width: max(options.width, 72), profile: .brief, ascii: options.ascii))
            let selection = BriefSelection.fitting(
                bottomLine: brief.bottomLineParts, judgments: brief.judgments.count, risks: brief.risks.count,
                furtherSummary: brief.summary.count > 1
            ) { selection in
                var lines = 0
                page.write(manuscript, brief: (brief, selection), window: window) { lines += $0.lazy.filter { $0 == 0x0A }.count }
                return lines
            }
            write(manuscript, brief: (brief, selection), window: window, to: sink)
        }
    }

    /// The whole text, or the brief with what `selection` keeps of it.
    private func write(
        _ manuscript: Manuscript, brief: (Brief, BriefSelection)?, window: Int, to sink: @escaping (UnsafeRawBufferPointer) -> Void
    ) {
        let report = manuscript.report
        var context = TextContext(
            manuscript: manuscript, width: options.width, output: TextOutput(ascii: options.ascii, window: window, sink: sink))
        context.writeMarking()
        if let (brief, selection) = brief {
            context.writeCompactTitleBlock()
            context.write(brief, selection)
            context.writeEndMatter(full: false)
            context.writeNotice()
        } else {
            context.writeTitleBlock()
            for block in report.lead { context.write(block, indent: 0) }
            for section in report.sections { context.write(section) }
            context.writeEndMatter(full: true)
        }
        context.writeMarking(last: true)
        context.output.finish()
    }

    /// The text of `report`, whole (see `write(_:to:)`).
    public func text(_ report: Report) -> String {
        String(decoding: write(report).bytes, as: UTF8.self)
    }
}

extension StringProtocol {
    func trimmingTrailingSpaces() -> SubSequence {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " { end = index(before: end) }
        return self[startIndex..<end]
    }
}

extension TextWriter {
    /// The columns `text` takes in a terminal (East Asian Width, per grapheme cluster).
    public static func displayWidth(of text: some StringProtocol) -> Int {
        DisplayWidth.of(text)
    }
}
