/// The Markdown body of a report: the source's text from the line after the front matter
/// on, in the source's own bytes, offsets and line numbers.
///
/// Not a copy: parsers are given the body's bytes and told its first line, so the line
/// numbers stay the source's without a second copy of the text held through reading.
struct BodyText {
    /// The whole source text.
    let bytes: [UInt8]
    /// Byte offset at which each line of `bytes` starts (see `SourceText.lineStarts`).
    let lineStarts: LineStarts
    /// Where the body starts: a byte offset at the start of a line, and that line, 1-based.
    let start: Int
    let firstLine: Int

    /// The body of `source`: after `frontMatter`, or all of it.
    init(of source: SourceText, after frontMatter: FrontMatter?) {
        bytes = source.bytes
        lineStarts = source.lineStarts
        firstLine = frontMatter?.bodyLine ?? 1
        start = firstLine <= lineStarts.count ? lineStarts[firstLine - 1] : bytes.count
    }

    /// A text that is all body (tests).
    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        lineStarts = LineStarts(of: bytes)
        start = 0
        firstLine = 1
    }

    /// The body's bytes.
    var text: ArraySlice<UInt8> { bytes[start...] }
}
