import ReportModel

/// The inline shapes cmark-gfm 0.29 reads in time that grows with the square of their
/// length, measured in the text before it is parsed:
/// - raw HTML that never closes: at every `<![CDATA[`, `<?` or `<!` and a letter, cmark
///   looks for the end (`]]>`, `?>`, `>`) to the end of the paragraph, so a paragraph of
///   thousands of them took seconds (64,000 `<![CDATA[` in 768 KB: 28 s);
/// - a web address followed by a long run of other characters: the autolink extension
///   weighs each closing parenthesis at its end against the whole address (`www.a.com`
///   and 128,000 `)`: 9 s).
/// Either is an error at its first place, with what to write instead; any text an author
/// writes passes.
enum InlineShape {
    /// How much scanning the unclosed openers of one paragraph may cost: openers times the
    /// bytes after them (a fraction of a second).
    static let budget = 1 << 27
    /// The longest run without white space that may hold a web address.
    static let maximumAddressRun = 8_192

    /// Logs an error for the first costly shape of each kind.
    static func check(_ source: SourceText, log: DiagnosticLog) {
        checkUnclosedMarkup(source, log: log)
        checkAddressRuns(source, log: log)
    }

    /// The stretches between blank lines (every paragraph lies within one), each checked
    /// for openers after the last closer of their kind.
    private static func checkUnclosedMarkup(_ source: SourceText, log: DiagnosticLog) {
        let bytes = source.bytes
        var line = 1
        while line <= source.lineCount {
            guard !source.isBlank(line: line) else {
                line += 1
                continue
            }
            let first = line
            while line <= source.lineCount, !source.isBlank(line: line) { line += 1 }
            let start = source.lineStarts[first - 1]
            let end = line <= source.lineCount ? source.lineStarts[line - 1] : bytes.count
            if let offset = costlyOpener(bytes, start..<end) {
                let (at, column) = position(of: offset, in: source)
                log.error(.markupTooCostly,
                    "this paragraph has thousands of '<?', '<!' or '<![CDATA[' that never close, which Imprint cannot read in reasonable time; write them as '\\<' (or in a code span) or close them",
                    at: source.location(line: at, byteColumn: column))
                return
            }
        }
    }

    /// The first unclosed opener of `range` when there are so many that their scans pass
    /// `budget`; nil otherwise.
    private static func costlyOpener(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        // The last closer of each kind; an opener after it finds none.
        var lastCDATAEnd = -1, lastPIEnd = -1, lastAngle = -1
        var index = range.lowerBound
        while index < range.upperBound {
            switch bytes[index] {
            case UInt8(ascii: ">"):
                lastAngle = index
                if index >= 2, bytes[index - 1] == UInt8(ascii: "]"), bytes[index - 2] == UInt8(ascii: "]") { lastCDATAEnd = index }
                if index >= 1, bytes[index - 1] == UInt8(ascii: "?") { lastPIEnd = index }
            default: break
            }
            index += 1
        }
        var cost = 0
        var first: Int?
        index = range.lowerBound
        while index + 1 < range.upperBound {
            if bytes[index] == UInt8(ascii: "<") {
                let next = bytes[index + 1]
                let unclosed: Bool
                if next == UInt8(ascii: "?") {
                    unclosed = index > lastPIEnd
                } else if next == UInt8(ascii: "!"), index + 2 < range.upperBound {
                    let after = bytes[index + 2]
                    if after == UInt8(ascii: "[") {
                        unclosed = index > lastCDATAEnd
                    } else {
                        unclosed = (after | 0x20) >= UInt8(ascii: "a") && (after | 0x20) <= UInt8(ascii: "z") && index > lastAngle
                    }
                } else {
                    unclosed = false
                }
                if unclosed {
                    if first == nil { first = index }
                    cost += range.upperBound - index
                    if cost > budget { return first }
                }
            }
            index += 1
        }
        return nil
    }

    /// A run of more than `maximumAddressRun` bytes without white space that holds `www.`
    /// or `://`.
    private static func checkAddressRuns(_ source: SourceText, log: DiagnosticLog) {
        let bytes = source.bytes
        var runStart = 0
        var holdsAddress = false
        for index in 0...bytes.count {
            let byte = index < bytes.count ? bytes[index] : 0x20
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                if holdsAddress, index - runStart > maximumAddressRun {
                    let (line, column) = position(of: runStart, in: source)
                    log.error(.markupTooCostly,
                        "this word of \(index - runStart) bytes holds a web address; Imprint reads words with an address of at most \(maximumAddressRun) bytes: break it with a space",
                        at: source.location(line: line, byteColumn: column))
                    return
                }
                runStart = index + 1
                holdsAddress = false
            } else if !holdsAddress, byte == UInt8(ascii: "/") || byte == UInt8(ascii: "."),
                index >= runStart + 3,
                (byte == UInt8(ascii: "/") && bytes[index - 1] == UInt8(ascii: "/") && bytes[index - 2] == UInt8(ascii: ":"))
                    || (byte == UInt8(ascii: ".") && bytes[(index - 3)..<index].elementsEqual("www".utf8))
            {
                holdsAddress = true
            }
        }
    }

    /// The 1-based line and byte column of `offset`.
    private static func position(of offset: Int, in source: SourceText) -> (line: Int, column: Int) {
        var low = 0, high = source.lineCount - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if source.lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return (low + 1, offset - source.lineStarts[low] + 1)
    }
}
