import Foundation
import ReportModel

/// The editions Imprint can write. Adding a format is one case here and one in `Renderer`.
public enum OutputFormat: String, Sendable, CaseIterable, Codable {
    case docbook
    case xhtml
    case pdf
    case epub
    case docx
    case onix
    case typst
    case text
    case brief

    /// The output file for a report whose file is named `base` (without extension).
    public func fileName(base: String) -> String {
        switch self {
        case .docbook: base + ".xml"
        case .xhtml: base + ".xhtml"
        case .pdf: base + ".pdf"
        case .epub: base + ".epub"
        case .docx: base + ".docx"
        case .onix: base + ".onix.xml"
        case .typst: base + ".typ"
        case .text: base + ".txt"
        case .brief: base + ".brief.txt"
        }
    }

    /// How long the edition takes to render next to the others (measured with
    /// Scripts/bench): the PDF runs a paged-media engine, the e-book writes a document per
    /// section and compresses them.
    var relativeCost: Int {
        switch self {
        case .pdf: 10
        case .epub, .docx: 3
        case .docbook, .xhtml, .typst, .text: 2
        case .brief, .onix: 1
        }
    }

    /// Pandoc's names for Imprint's editions, taken as they are (`--to html`).
    static let pandocNames: [String: OutputFormat] = [
        "html": .xhtml, "html5": .xhtml, "docbook5": .docbook, "plain": .text,
    ]

    /// Parses a comma list such as `docbook,xhtml` (Pandoc's names for them too, `html`); an
    /// unknown name is an error without a place (the command line is not an input file).
    public static func parseList(_ text: String) throws(DiagnosticError) -> [OutputFormat] {
        var formats: [OutputFormat] = []
        for name in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
            guard !name.isEmpty else { continue }
            if let format = OutputFormat(rawValue: name) ?? pandocNames[name] {
                if !formats.contains(format) { formats.append(format) }
            } else {
                throw DiagnosticError(error: .optionInvalid, "unknown format '\(name)'; available: \(available)")
            }
        }
        guard !formats.isEmpty else { throw DiagnosticError(error: .optionInvalid, "--to needs at least one format; available: \(available)") }
        return formats
    }

    /// The editions a build makes when none are named: every edition a report is published
    /// in. The Typst source (`typst`) is a desk's working file and the ONIX record (`onix`) a
    /// publisher's message to its retailers, each made when asked for by name.
    public static let published: [OutputFormat] = allCases.filter { $0 != .typst && $0 != .onix }

    public static var available: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// The file endings of the editions, as messages list them: `.pdf, .epub, …, .brief.txt`.
    public static var fileEndings: String {
        [OutputFormat.pdf, .epub, .docx, .xhtml, .docbook, .onix, .typst, .text, .brief].map { $0.fileName(base: "") }.joined(separator: ", ")
    }

    /// The edition a file name asks for by its extension (`brief.pdf`: the PDF;
    /// `x.brief.txt`: the brief; `x.txt`: the text), if any.
    public static func named(by file: String) -> OutputFormat? {
        let name = file.lowercased()
        if name.hasSuffix(".brief.txt") { return .brief }
        if name.hasSuffix(".onix.xml") { return .onix }
        return [OutputFormat.docbook, .xhtml, .pdf, .epub, .docx, .typst, .text].first { name.hasSuffix($0.fileName(base: "")) }
    }
}
