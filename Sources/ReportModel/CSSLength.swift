/// A figure's `width`: a CSS length or percentage, and nothing else, because the value is
/// written into a `style` attribute and the print style sheet.
public enum CSSLength {
    /// The units a width may be given in.
    public static let units: [String] = ["%", "px", "pt", "pc", "cm", "mm", "q", "in", "em", "rem", "ex", "ch", "vw", "vh"]

    /// Whether `text` is a non-negative number (`12`, `12.5`, `.5`) directly followed by one
    /// of `units`, such as `80%` or `12cm`.
    public static func isValid(_ text: String) -> Bool {
        let number = text.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        let unit = text.dropFirst(number.count).lowercased()
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        guard !number.isEmpty, number != ".", parts.count <= 2, parts.last?.isEmpty == false else { return false }
        return units.contains(unit)
    }
}
