import PDFWriter
import ReportModel
import SharedWriting

/// The style sheets of one build, each read once for every edition that takes them: the
/// user's (`--css`, or a desk's `css:`), the print cascade the PDF embeds and the XHTML
/// edition links, and the e-book's.
struct BuildStyles: Sendable {
    let print: PrintStyle
    let epub: String
    /// The user's style sheets as read, by the path given: the build stamp digests these
    /// bytes, the ones the editions took.
    let users: [String: [UInt8]]

    /// Reads the shipped and the user's style sheets for `plan`'s editions (none when no
    /// edition takes a style sheet).
    static func read(for plan: BuildPlan, words: Words) throws(DiagnosticError) -> BuildStyles {
        let formats = Set(plan.settings.formats)
        guard !formats.isDisjoint(with: [.pdf, .xhtml, .epub]) else { return BuildStyles(print: PrintStyle(), epub: "", users: [:]) }
        let users = try StyleSheets.users(plan.settings.stylesheets)
        var print = PrintStyle()
        if !formats.isDisjoint(with: [.pdf, .xhtml]) {
            // The house style's values, our print style sheet, then the margins in the
            // report's language, the paper size, then the user's style sheets: one cascade.
            print.append(PrintStyle.houseProperties)
            print.append(try StyleSheets.shipped("print.css"))
            if let margins = PrintStyle.margins(words) { print.append(margins) }
            let paper = plan.settings.paper
            if paper != .a4 { print.append("/* --paper \(paper.rawValue) */\n@page { size: \(paper.cssSize); }\n") }
            for sheet in users { print.append(sheet.text, from: sheet.path) }
        }
        var epub = ""
        if formats.contains(.epub) {
            let sheets = [try StyleSheets.shipped("epub.css")] + users.map { "/* --css \(PrintStyle.commentSafe($0.path)) */\n" + $0.text }
            epub = sheets.joined(separator: "\n")
        }
        return BuildStyles(
            print: print, epub: epub, users: Dictionary(users.map { ($0.path, Array($0.text.utf8)) }) { _, last in last })
    }
}
