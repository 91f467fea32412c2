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

    /// The text as UTF-8: lines end with LF, none has trailing spaces or is wider than the width.
    public func write(_ report: Report) -> [UInt8] {
        var context = TextContext(report: report, width: options.width, index: index ?? ReportIndex(report))
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
        // Joined as bytes: a trailing space is a byte 0x20 at the end of a line, and
        // nothing can combine with it there.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(context.output.lines.reduce(0) { $0 + $1.utf8.count + 1 })
        for var line in context.output.lines {
            // From the string's own storage: a copy through its UTF-8 view goes a byte at a time.
            line.withUTF8 { utf8 in
                var end = utf8.count
                while end > 0, utf8[end - 1] == 0x20 { end -= 1 }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[..<end]))
            }
            bytes.append(0x0A)
        }
        return options.ascii ? Array(Typography.ascii(String(decoding: bytes, as: UTF8.self)).utf8) : bytes
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
