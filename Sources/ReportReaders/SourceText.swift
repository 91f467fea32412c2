import ReportModel
import Synchronization
import XMLSupport

/// An input file as validated UTF-8, with the line index every diagnostic needs.
///
/// Building it checks the encoding (invalid UTF-8 is an error at its line and column) and
/// drops the characters that no output may carry (C0 controls other than tab, LF and CR;
/// U+FFFE; U+FFFF), each with a warning that names where it was.
struct SourceText {
    let file: String
    /// The text after cleaning, as UTF-8 bytes; lines are counted in it.
    let bytes: [UInt8]
    /// Byte offset at which each line starts; `lineStarts[0] == 0`.
    let lineStarts: LineStarts

    /// At most this many dropped-character warnings are listed one by one.
    static let maximumCharacterWarnings = 20

    init(file: String, data: [UInt8], log: DiagnosticLog) throws(DiagnosticError) {
        self.file = file
        var input = data
        if input.starts(with: [0xEF, 0xBB, 0xBF]) { input.removeFirst(3) }
        if let offset = SourceText.firstInvalidUTF8Offset(in: input) {
            let (line, column) = SourceText.position(of: offset, in: input)
            log.error(.notUTF8,
                "the file is not valid UTF-8 (byte 0x\(String(input[offset], radix: 16, uppercase: true)))",
                at: SourceLocation(file: file, line: line, column: column))
            throw log.failure()
        }
        bytes = SourceText.endingLinesAtLoneCarriageReturns(SourceText.droppingForbiddenCharacters(input, file: file, log: log))
        lineStarts = LineStarts(of: bytes)
    }

    /// `text` with each CR not followed by LF made an LF. CommonMark and YAML end a line at
    /// a lone CR, and so do these lines: counted only at LF, a report's lines and
    /// cmark-gfm's disagreed, and a table caption looked for on the wrong line crashed the
    /// reader. One byte for one, so no offset moves.
    /// A text with CR LF endings and no lone CR is handed back, not copied.
    static func endingLinesAtLoneCarriageReturns(_ text: [UInt8]) -> [UInt8] {
        func isLoneCR(_ index: Int) -> Bool {
            text[index] == UInt8(ascii: "\r") && (index + 1 == text.count || text[index + 1] != UInt8(ascii: "\n"))
        }
        guard let first = text.indices.first(where: isLoneCR) else { return text }
        var ended = text
        for index in first..<text.count where isLoneCR(index) { ended[index] = UInt8(ascii: "\n") }
        return ended
    }

    var lineCount: Int { lineStarts.count }

    /// The bytes of 1-based `line`, without its line ending.
    func line(_ line: Int) -> ArraySlice<UInt8> {
        guard line >= 1, line <= lineStarts.count else { return [] }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return bytes[start..<max(start, end)]
    }

    /// Whether 1-based `line` holds nothing but spaces and tabs.
    func isBlank(line: Int) -> Bool {
        self.line(line).allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// The text of 1-based `line`.
    func lineText(_ line: Int) -> String {
        String(decoding: self.line(line), as: UTF8.self)
    }

    /// A location from cmark's 1-based line and byte column, with the column counted in characters.
    func location(line: Int, byteColumn: Int) -> SourceLocation {
        SourceLocation(file: file, line: max(line, 1), column: characters(line: line, bytes: max(0, byteColumn - 1)) + 1)
    }

    /// The position, in characters, of the character whose last byte is at cmark's 1-based
    /// `line` and byte column `lastByte` (how cmark gives where a node ends).
    func position(line: Int, lastByte: Int) -> SourceLocation.Position {
        SourceLocation.Position(line: max(line, 1), column: max(1, characters(line: line, bytes: lastByte)))
    }

    /// How many characters the first `count` bytes of `line` hold. Locations come in order
    /// along a line, a node's start and then its end, so the count goes on from the nearest
    /// of the last few asked for on the same line (where the bytes after it start a
    /// character of their own: an ASCII byte), keeping a long line of links, ids or
    /// attributes linear rather than quadratic.
    private func characters(line: Int, bytes count: Int) -> Int {
        let text = self.line(line)
        let count = min(count, text.count)
        let start = text.startIndex
        return counted.state.withLock { state in
            var base = CharacterCount.Entry(line: line, bytes: 0, characters: 0)
            for entry in state.recent where entry.line == line && entry.bytes <= count && entry.bytes > base.bytes {
                if entry.bytes == count { return entry.characters }
                guard text[start + entry.bytes] < 0x80, text[start + entry.bytes] != 0x0A else { continue }
                base = entry
            }
            guard count > base.bytes else { return base.characters }
            let total = base.characters + String(decoding: text[(start + base.bytes)..<(start + count)], as: UTF8.self).count
            state.recent[state.next] = CharacterCount.Entry(line: line, bytes: count, characters: total)
            state.next = (state.next + 1) % state.recent.count
            return total
        }
    }

    /// The last counts `characters(line:bytes:)` made (shared by copies of this text).
    private let counted = CharacterCount()

    private final class CharacterCount: Sendable {
        struct Entry {
            var line: Int
            var bytes: Int
            var characters: Int
        }

        /// The last four counts, and the one the next replaces.
        let state = Mutex<(recent: [Entry], next: Int)>(([Entry](repeating: Entry(line: 0, bytes: 0, characters: 0), count: 4), 0))
    }

    func location(line: Int) -> SourceLocation {
        SourceLocation(file: file, line: max(line, 1), column: 1)
    }

    // MARK: - Encoding checks

    /// Where the first byte that is not valid UTF-8 is. ASCII, most of a report, is passed
    /// over eight bytes at a time, for this runs over the whole report before any parsing
    /// can start.
    static func firstInvalidUTF8Offset(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                while offset + 8 <= buffer.count,
                    UnsafeRawPointer(buffer.baseAddress! + offset).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                {
                    offset += 8
                }
                guard offset < buffer.count else { return nil }
                if buffer[offset] < 0x80 {
                    offset += 1
                    continue
                }
                // A parser of its own for each scalar: one keeps bytes it read ahead.
                var parser = Unicode.UTF8.ForwardParser()
                var iterator = buffer[offset...].makeIterator()
                switch parser.parseScalar(from: &iterator) {
                case .valid(let encoded): offset += encoded.count
                case .emptyInput: return nil
                case .error: return offset
                }
            }
            return nil
        }
    }

    /// 1-based line and character column of a byte offset.
    private static func position(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
        return (line, column)
    }

    private static func droppingForbiddenCharacters(_ input: [UInt8], file: String, log: DiagnosticLog) -> [UInt8] {
        guard input.withUnsafeBufferPointer(XMLCharacters.hasForbidden(in:)) else { return input }
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var line = 1
        var column = 1
        var dropped = 0
        for scalar in String(decoding: input, as: UTF8.self).unicodeScalars {
            let value = scalar.value
            let forbidden = (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D)
                || (0x7F...0x9F).contains(value) || value == 0xFFFE || value == 0xFFFF
            if forbidden {
                dropped += 1
                if dropped <= maximumCharacterWarnings {
                    let hex = String(value, radix: 16, uppercase: true)
                    log.warning(.characterDropped,
                        "dropped the control character U+\(String(repeating: "0", count: 4 - hex.count))\(hex), which no output can carry",
                        at: SourceLocation(file: file, line: line, column: column))
                }
            } else {
                output.append(contentsOf: String(scalar).utf8)
            }
            if value == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        if dropped > maximumCharacterWarnings {
            log.warning(.characterDropped,
                "dropped \(dropped - maximumCharacterWarnings) more control characters",
                at: SourceLocation(file: file, line: 1, column: 1))
        }
        return output
    }
}
