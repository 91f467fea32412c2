/// The standards a PDF may be made to (`--pdf-standard`): WeasyPrint's PDF variants, PDF/A
/// for archives, PDF/UA for assistive technology, PDF/X for print.
public enum PDFStandard: String, Sendable, CaseIterable, Codable {
    case ua1 = "pdf/ua-1", ua2 = "pdf/ua-2"
    case a1b = "pdf/a-1b", a2b = "pdf/a-2b", a3b = "pdf/a-3b", a2u = "pdf/a-2u", a3u = "pdf/a-3u", a4u = "pdf/a-4u"
    case a1a = "pdf/a-1a", a2a = "pdf/a-2a", a3a = "pdf/a-3a", a4e = "pdf/a-4e", a4f = "pdf/a-4f"
    case x1a = "pdf/x-1a", x3 = "pdf/x-3", x4 = "pdf/x-4", x5g = "pdf/x-5g"

    /// The names, for help and completion.
    public static var names: [String] { allCases.map(\.rawValue) }

    /// Typst's name for the standard (`ua-1`, `a-3u`), or nil for one Typst cannot make.
    public var typstName: String? {
        switch self {
        case .ua1, .a1b, .a2b, .a3b, .a2u, .a3u, .a1a, .a2a, .a3a, .a4e, .a4f: String(rawValue.dropFirst("pdf/".count))
        case .ua2, .a4u, .x1a, .x3, .x4, .x5g: nil
        }
    }
}
