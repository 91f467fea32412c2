import ReportModel

/// The risk register as every edition lays it out: its columns, and a risk's values in the
/// report's words, "—" where the risk gives none.
public enum RiskRegister {
    /// The columns' headings: number, risk, likelihood, impact, confidence.
    public static let columns: [Word] = [.number, .risk, .likelihood, .impact, .confidence]

    /// What a register row shows for a value the risk does not give.
    public static let none = "—"

    /// A risk's likelihood (a yardstick's term with its band: "likely (55–80%)"), impact
    /// and confidence.
    public static func values(of risk: Risk, words: Words) -> (likelihood: String, impact: String, confidence: String) {
        (
            risk.likelihood.map(words.withBand) ?? none,
            risk.impact.map(words.name(of:)) ?? none, risk.confidence.map(words.name(of:)) ?? none
        )
    }
}
