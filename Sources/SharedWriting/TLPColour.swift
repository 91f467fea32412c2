import ReportModel

extension TLP {
    /// FIRST's colour for the label, as RRGGBB hex, set on black in every edition.
    public var colour: String {
        switch self {
        case .red: "FF2B2B"
        case .amber, .amberStrict: "FFC000"
        case .green: "33FF00"
        case .clear: "FFFFFF"
        }
    }
}
