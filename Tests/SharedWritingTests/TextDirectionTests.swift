import ReportModel
import Testing
@testable import SharedWriting

/// A paragraph's direction, and a text cut where its direction changes.
struct TextDirectionTests {
    private func pieces(_ text: String, base: Bool = false) -> [String] {
        TextDirection.pieces(of: text, base: base).map { ($0.rightToLeft ? "R:" : "L:") + $0.text }
    }

    @Test func aParagraphTakesItsFirstLettersDirection() {
        #expect(TextDirection.isRightToLeft([.text("2027 "), .strong([.text("سلام")])]))
        #expect(!TextDirection.isRightToLeft([.text("« Hello سلام")]))
        #expect(!TextDirection.isRightToLeft([.text("2027")]))
    }

    /// Punctuation and spaces between letters of one direction take it; between the two
    /// directions and at the ends they take the paragraph's.
    @Test func piecesFollowTheLettersAndTheParagraph() {
        #expect(pieces("the word سلام.") == ["L:the word ", "R:سلام", "L:."])
        #expect(pieces("كتب Imprint.", base: true) == ["R:كتب ", "L:Imprint", "R:."])
        #expect(pieces("مياه النيل، 2025", base: true) == ["R:مياه النيل، 2025"])
        #expect(pieces("Plain text, 2025.") == ["L:Plain text, 2025."])
        #expect(pieces("1 ", base: true) == ["R:1 "], "a heading's number in a right-to-left paragraph")
        #expect(pieces("1 ") == ["L:1 "])
        let text = "a\u{0301} سلامٌ b"
        #expect(TextDirection.pieces(of: text).map(\.text).joined() == text, "nothing lost or doubled")
    }
}
