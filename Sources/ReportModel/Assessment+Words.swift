/// A judgment's or risk's likelihood, impact and confidence in words, as every edition
/// writes them: `Likelihood: likely (55–80%)`, `Impact: major`, `Confidence: moderate`.
public struct AssessmentWords: Sendable {
    public var likelihood: Likelihood?
    public var impact: Impact?
    public var confidence: Confidence?

    public init(likelihood: Likelihood?, impact: Impact?, confidence: Confidence?) {
        self.likelihood = likelihood
        self.impact = impact
        self.confidence = confidence
    }

    /// Each value given, with what it is (`likelihood`, `impact`, `confidence`).
    public var parts: [(kind: String, text: String)] {
        var parts: [(String, String)] = []
        if let likelihood {
            let band = likelihood.yardstick == nil ? "" : " (\(likelihood.band))"
            parts.append(("likelihood", "Likelihood: \(likelihood.words)\(band)"))
        }
        if let impact { parts.append(("impact", "Impact: \(impact.rawValue)")) }
        if let confidence { parts.append(("confidence", "Confidence: \(confidence.rawValue)")) }
        return parts
    }
}
