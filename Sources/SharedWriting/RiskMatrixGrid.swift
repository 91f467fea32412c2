import ReportModel

/// The risk matrix's grid, the same in every edition: likelihood in five rows of fifths
/// (from 0–20 % up), impact in five columns.
public enum RiskMatrixGrid {
    /// The rows' labels, from the lowest likelihood up.
    public static let rowLabels = ["0–20%", "20–40%", "40–60%", "60–80%", "80–100%"]

    /// The row (1 to 5) a likelihood is placed in: the middle of its band, in fifths.
    public static func row(of likelihood: Likelihood) -> Int {
        let middle = (likelihood.band.lower + likelihood.band.upper) / 2
        return min(5, middle / 20 + 1)
    }
}
