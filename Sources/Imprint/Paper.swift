import DOCXWriter
import SharedWriting

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
    /// Width and height in millimetres (`HouseStyle`).
    var millimetres: (width: Double, height: Double) {
        switch self {
        case .a4: HouseStyle.a4
        case .letter: HouseStyle.letter
        }
    }

    var cssSize: String {
        switch self {
        case .a4: "A4"
        case .letter: "letter"
        }
    }
}
