import DOCXWriter

/// Page sizes of the print edition.
public enum Paper: String, Sendable, CaseIterable, Codable {
    case a4
    case letter

    /// The Word edition's page.
    var wordPage: PageLayout {
        switch self {
        case .a4: .a4
        case .letter: .letter
        }
    }

    /// The CSS page size.
    var cssSize: String {
        switch self {
        case .a4: "A4"
        case .letter: "letter"
        }
    }
}
