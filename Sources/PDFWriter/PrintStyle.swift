import Foundation
import ReportModel
import SharedWriting

/// The print edition's style sheet as one cascade (Imprint's `print.css`, the page numbers
/// in the report's language, the paper size, then the user's style sheets), with where each
/// of the user's begins, so that what the PDF engine says of a line of it is told at the
/// line of the file it came from.
public struct PrintStyle: Sendable {
    public private(set) var text = ""
    /// Each user style sheet's path, and the line of `text` its first line is on.
    private var userSheets: [(path: String, firstLine: Int)] = []
    /// The lines of `text`.
    private var lines = 0

    public init() {}

    /// Adds a part of the cascade; `path` names the user's style sheet it is.
    public mutating func append(_ part: String, from path: String? = nil) {
        if let path {
            add("/* --css \(Self.commentSafe(path)) */")
            userSheets.append((path, lines + 1))
        }
        add(part)
    }

    /// `piece` on the lines after those of `text`.
    private mutating func add(_ piece: String) {
        if !text.isEmpty { text += "\n" }
        text += piece
        lines += 1 + piece.utf8.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
    }

    /// The place in a user's style sheet of line `line`, column `column` of `text`; nil
    /// for the lines of Imprint's own parts.
    func place(line: Int, column: Int) -> SourceLocation? {
        guard let sheet = userSheets.last(where: { $0.firstLine <= line }) else { return nil }
        return SourceLocation(file: sheet.path, line: line - sheet.firstLine + 1, column: column)
    }

    /// What WeasyPrint said of the style sheet embedded in the PDF's XHTML, as warnings:
    /// at the user's file, line and column when it names a line of theirs ("Ignored
    /// `colr: red` at 12:5, unknown property."), else without a place.
    /// `embeddedFirstLine` is the line of the `<style>` text that the cascade's first
    /// line is on.
    public func diagnostics(_ messages: [String], embeddedFirstLine: Int) -> [Diagnostic] {
        messages.map { message in
            let words = "WeasyPrint: " + message
            guard let match = message.firstMatch(of: /\ at (\d+):(\d+)/), let line = Int(match.output.1),
                let column = Int(match.output.2),
                let place = self.place(line: line - embeddedFirstLine + 1, column: column)
            else { return Diagnostic(.warning, .pdfEngineMessage, words, at: nil) }
            return Diagnostic(.warning, .pdfEngineMessage, "pdf: " + words.replacingOccurrences(of: String(match.output.0), with: ""), at: place)
        }
    }
}

extension PrintStyle {
    /// The page's margins in the report's language, over the style sheet's English ones:
    /// the foot's "Page N of M" in its words (`@bottom-left`), and, in a right-to-left
    /// report, the margins mirrored (the running head and the folio on the right, the TLP
    /// labels on the left, as an Arabic reader opens the page). Nil when the margins are
    /// the English ones.
    public static func margins(_ words: Words) -> String? {
        let english = words[.pageOfPages] == Words(language: "en")[.pageOfPages]
        guard !english || words.isRightToLeft else { return nil }
        let numbers = words.pieces(.pageOfPages).map { piece in
            switch piece {
            case .text(let text): quoted(Substring(text))
            case .placeholder("page"): "counter(page)"
            case .placeholder("pages"): "counter(pages)"
            case .placeholder(let name): quoted(Substring("{\(name)}"))
            }
        }.joined(separator: " ")
        guard words.isRightToLeft else {
            return "/* \(words.language): page numbers */\n@page { @bottom-left { content: \(numbers); } }\n"
        }
        let folio = "font: 7.5pt var(--house-sans); color: var(--house-margin-text); vertical-align: top; padding-top: 4mm;"
        return """
            /* \(words.language): page numbers, and the margins mirrored for a right-to-left report */
            @page {
              @top-left { content: element(tlp-top); text-align: left; padding-bottom: 3.5mm; }
              @top-right { content: element(running-head); text-align: right; padding-bottom: 4mm; }
              @bottom-left { content: element(tlp-bottom); text-align: left; padding-top: 3.5mm; }
              @bottom-right { content: \(numbers); text-align: right; \(folio) }
            }
            @page :first {
              @top-left { content: element(tlp-top); }
              @top-right { content: none; }
            }

            """
    }

    /// `text` as a CSS string that is safe wherever the style sheet goes, a `<style>`
    /// element of an XHTML or HTML document included: quotes, backslashes, controls and the
    /// characters of markup (`<`, `>`, `&`) are hex escapes, so a desk's word can neither
    /// end the string nor the element.
    @_spi(Fuzzing) public static func quoted(_ text: Substring) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            if "\"\\<>&'".unicodeScalars.contains(scalar) || scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                result += "\\" + String(scalar.value, radix: 16) + " "
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// `text` as it may stand inside a CSS comment: a `*/` in a file's name cannot end it.
    public static func commentSafe(_ text: String) -> String {
        text.replacingOccurrences(of: "*/", with: "* /")
    }
}
