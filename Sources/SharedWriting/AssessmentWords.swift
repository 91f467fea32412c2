import ReportModel

/// A judgment's or risk's likelihood, impact and confidence in words, as every edition
/// writes them: `Likelihood: likely (55–80%)`, `Impact: major`, `Confidence: moderate`, in
/// the report's language (the yardstick's terms too, unless `yardstick-language` says
/// otherwise: `Words.takingTerms(for:from:)`).
public struct AssessmentWords: Sendable {
    public var likelihood: Likelihood?
    public var impact: Impact?
    public var confidence: Confidence?
    public let words: Words

    public init(likelihood: Likelihood?, impact: Impact?, confidence: Confidence?, words: Words) {
        self.likelihood = likelihood
        self.impact = impact
        self.confidence = confidence
        self.words = words
    }

    /// Each value given, with what it is (`likelihood`, `impact`, `confidence`).
    public var parts: [(kind: String, text: String)] {
        var parts: [(String, String)] = []
        if let likelihood { parts.append(("likelihood", words.labelled(words[.likelihood], words.withBand(likelihood)))) }
        if let impact { parts.append(("impact", words.labelled(words[.impact], words.name(of: impact)))) }
        if let confidence { parts.append(("confidence", words.labelled(words[.confidence], words.name(of: confidence)))) }
        return parts
    }
}

extension Words {
    /// A likelihood in words: a yardstick's term in the language ("very likely", French
    /// "très probable"), or a percentage as the language writes it ("60%", French "60 %").
    public func name(of likelihood: Likelihood) -> String {
        guard let term = Word(term: likelihood) else { return percent(likelihood.band) }
        return self[term]
    }

    /// A likelihood with the band its term stands for, as the key judgments and the risk
    /// register print it: "likely (55–80%)"; a percentage alone ("60%").
    public func withBand(_ likelihood: Likelihood) -> String {
        likelihood.yardstick == nil ? name(of: likelihood) : "\(name(of: likelihood)) (\(percent(likelihood.band)))"
    }

    /// These words with the yardsticks' terms of the report's `yardstick-language`, from
    /// `table` (the words of a language: the shipped ones, or a desk's over them), where
    /// the report names one: `yardstick-language: en` keeps ICD 203's and PHIA's own English
    /// terms in a French report.
    public func takingTerms(for metadata: Metadata, from table: (String) -> Words) -> Words {
        guard let language = metadata.yardstickLanguage else { return self }
        let source = table(language)
        let terms = Word.allCases.filter { $0.isLikelihoodTerm }
        return overriding(with: Dictionary(uniqueKeysWithValues: terms.map { ($0.rawValue, source[$0]) })).words
    }

    /// An impact in words: "major".
    public func name(of impact: Impact) -> String {
        switch impact {
        case .negligible: self[.impactNegligible]
        case .minor: self[.impactMinor]
        case .moderate: self[.impactModerate]
        case .major: self[.impactMajor]
        case .severe: self[.impactSevere]
        }
    }

    /// A confidence in words: "moderate".
    public func name(of confidence: Confidence) -> String {
        switch confidence {
        case .low: self[.confidenceLow]
        case .moderate: self[.confidenceModerate]
        case .high: self[.confidenceHigh]
        }
    }

    /// A band of probabilities as the language writes a percentage (`pattern.percent`):
    /// "55–80%", French "55–80 %" (a narrow no-break space), Arabic's kept left to right
    /// inside its right-to-left sentence.
    public func percent(_ band: ProbabilityBand) -> String {
        self(.percentPattern, ["n": band.lower == band.upper ? "\(band.lower)" : "\(band.lower)–\(band.upper)"])
    }

    /// A yardstick's name: "ICD 203", "PHIA probability yardstick".
    public func name(of yardstick: Yardstick) -> String {
        yardstick == .phia ? self[.phiaYardstick] : self[.icdYardstick]
    }
}
