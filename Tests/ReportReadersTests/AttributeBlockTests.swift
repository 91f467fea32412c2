import Testing
@testable import ReportReaders

/// The byte-level search for a trailing attribute block finds what a walk over the
/// characters of the line finds.
@Suite struct AttributeBlockTests {
    /// The search as it reads in docs/report-markdown.md: the leftmost `{` that no `\` escapes, from
    /// which the rest of the line is one attribute block.
    static func byCharacters(_ line: String) -> (block: AttributeBlock, offset: Int)? {
        let trimmed = line.trimmingTrailingWhitespace()
        guard trimmed.hasSuffix("}") else { return nil }
        var previous: Character?
        for index in trimmed.indices {
            defer { previous = trimmed[index] }
            guard trimmed[index] == "{", previous != "\\" else { continue }
            if let block = AttributeBlock(parsing: trimmed[index...]) {
                return (block, trimmed.utf8.distance(from: trimmed.startIndex, to: index))
            }
        }
        return nil
    }

    @Test func bytesFindWhatCharactersFind() {
        let pieces = [
            "Title", " ", "{", "}", "#id", ".class", "k=v", "k=\"a b\"", "\\", "\u{301}", "é", "\u{600}", "=", "\"", "\t",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let line = (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined()
            let found = AttributeBlock.trailing(in: line)
            let expected = Self.byCharacters(line)
            #expect(found?.block == expected?.block && found?.offset == expected?.offset, "\(line.debugDescription)")
        }
    }

    @Test func escapedBraceIsText() {
        #expect(AttributeBlock.trailing(in: "Title \\{#x}") == nil)
        #expect(AttributeBlock.trailing(in: "Title {#x}")?.offset == 6)
        #expect(AttributeBlock.trailing(in: "\u{600}{#x}") == nil)  // a prepended mark joins the brace
        #expect(AttributeBlock.trailing(in: "\u{600}\\{#x}")?.offset == 3)  // and the backslash, which escapes nothing
        #expect(AttributeBlock.trailing(in: "Café {.a} {#x}")?.block == AttributeBlock(parsing: "{#x}"))
    }
}

extension AttributeBlockTests {
    /// Braces that look like a block where one may stand, and a key given twice, are said;
    /// braces anywhere else, escaped, or not opening with `#` or `.` are text without a word.
    @Test func slipsInBlocksAreSaid() throws {
        let markdown = report(
            "## A {#a #b}\n\n## B \\{#x #y}\n\n## C {x}\n\nText ending {#c #d}\n\n- item {#i .c k=1 k=2}\n\n"
                + "| a |\n|---|\n| 1 |\n\nTable: T {.t #u #v}\n")
        let result = try read(markdown)
        let said = result.warnings.filter { $0.code == .attributeBlockInvalid }.map { "\($0.location?.line ?? 0): \($0.message)" }
        #expect(said.count == 3, "\(said)")
        #expect(said.first?.hasPrefix("5: '{#a #b}' ends the line") == true, "\(said)")
        #expect(said.contains { $0.hasPrefix("13: the attribute 'k' is given twice") }, "\(said)")
        #expect(said.contains { $0.hasPrefix("19: '{.t #u #v}'") }, "\(said)")
        #expect(result.report.sections.first?.title == [.text("A {#a #b}")])
        #expect(AttributeBlock(parsing: "{k=1 j=2 k=3 j=4 k=5}")?.keysGivenTwice == ["k", "j"])
        #expect(AttributeBlock.lookalike(endingLine: "Word {#" + String(repeating: "x", count: 200) + " #y}")?.count == 80)
    }

    /// The scanner's character classes, answered from ASCII values, are those of the
    /// Unicode properties they stand for, for every ASCII character and a range of others
    /// (letters, digits and spaces of other scripts, marks joined to ASCII, CR LF).
    @Test func characterClassesAgreeWithUnicodeProperties() {
        var characters: [Character] = (0..<128).map { Character(Unicode.Scalar(UInt8($0))) }
        characters += ["é", "평", "Ж", "٣", "½", "\u{00A0}", "\u{2003}", "\u{3000}", "\r\n", "{\u{301}", "a\u{301}", "😀", "_", "-"]
        for character in characters {
            #expect(AttributeScanner.isSpace(character) == character.isWhitespace, "\(character.unicodeScalars.map(\.value))")
            #expect(AttributeScanner.endsWord(character) == (character.isWhitespace || "{}\"=#".contains(character)))
            #expect(AttributeScanner.startsKey(character) == (character.isLetter || character == "_"))
            #expect(AttributeScanner.continuesKey(character) == (character.isLetter || character.isNumber || "_-:".contains(character)))
        }
    }
}
