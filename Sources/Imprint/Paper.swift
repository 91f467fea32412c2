/// Page sizes of the print edition.
public enum Paper: String, Sendable, CaseIterable {
    case a4
    case letter

    /// The CSS page size.
    var cssSize: String {
        switch self {
        case .a4: "A4"
        case .letter: "letter"
        }
    }
}
