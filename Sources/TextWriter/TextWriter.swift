import ReportModel

/// Writes a report as plain text that reads as if a careful editor had typed it: wrapped
/// to a width measured in terminal columns, with the marking first and last, numbered
/// notes and link references at the end so that no address is lost.
public struct TextWriter {
    public enum Profile: Sendable {
        /// Everything in the report.
        case full
        /// A one-page bottom line up front: title block, summary, key judgments, risk
        /// register and contact.
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
    /// What the writer needs to know of the whole report, when the caller has it (see
    /// `ReportIndex`); made from the report written otherwise.
    public var index: ReportIndex?

    public init(options: Options = Options(), index: ReportIndex? = nil) {
        self.options = options
        self.index = index
    }

    /// Writes the text into `sink` as UTF-8, a piece at a time as it is made: lines end
    /// with LF, none has trailing spaces or is wider than the width.
    public func write(_ report: Report, to sink: @escaping (UnsafeRawBufferPointer) -> Void) {
        write(report, window: TextOutput.defaultWindow, to: sink)
    }

    /// `window`: how many lines are kept back (see `TextOutput`); tests vary it.
    func write(_ report: Report, window: Int, to sink: @escaping (UnsafeRawBufferPointer) -> Void) {
        var context = TextContext(
            report: report, width: options.width, index: index ?? ReportIndex(report),
            output: TextOutput(ascii: options.ascii, window: window, sink: sink))
        context.writeMarking()
        context.writeTitleBlock()
        switch options.profile {
        case .full:
            for block in report.lead { context.write(block, indent: 0) }
            for section in report.sections { context.write(section) }
        case .brief:
            context.writeBrief()
        }
        context.writeEndMatter(full: options.profile == .full)
        context.writeMarking(last: true)
        context.output.finish()
    }

    /// The text as UTF-8, whole (see `write(_:to:)`).
    public func write(_ report: Report) -> [UInt8] {
        var bytes: [UInt8] = []
        withoutActuallyEscaping({ bytes.append(contentsOf: $0) }) { sink in write(report, to: sink) }
        return bytes
    }

    public func text(_ report: Report) -> String {
        String(decoding: write(report), as: UTF8.self)
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
