import ReportModel

/// The two notes that explain a report's scales, in its words: the yardstick's likelihood
/// terms with the probabilities they stand for, and the Admiralty grading scale. Every
/// edition that sets them takes their wording and their rows from here.
public enum ScaleNotes {
    /// The yardstick note's title ("Likelihood terms (ICD 203)").
    public static func yardstickTitle(_ yardstick: Yardstick, words: Words) -> String {
        words(.likelihoodTerms, ["yardstick": words.name(of: yardstick)])
    }

    /// The yardstick note's column titles.
    public static func yardstickColumns(words: Words) -> [String] { [words[.term], words[.probability]] }

    /// Each term of the yardstick, least likely first, with its band ("80–95%").
    public static func yardstickRows(_ yardstick: Yardstick, words: Words) -> [(term: String, probability: String)] {
        yardstick.terms.map { (words.name(of: $0), words.percent($0.band)) }
    }

    /// The grading note's title ("Source grades: the Admiralty scale").
    public static func gradingTitle(words: Words) -> String { words[.admiraltyScale] }

    /// The grading note's two column titles, each over a code and its meaning.
    public static func gradingColumns(words: Words) -> [String] { [words[.reliabilityOfSource], words[.credibilityOfInformation]] }

    /// Each reliability letter and credibility digit with what it means, A and 1 first.
    public static func gradingRows(words: Words) -> [(letter: String, reliability: String, digit: String, credibility: String)] {
        AdmiraltyGrade.reliabilities.enumerated().map { index, letter in
            let grade = AdmiraltyGrade("\(letter)\(index + 1)")!
            return (String(letter), grade.reliabilityMeaning(words), String(index + 1), grade.credibilityMeaning(words))
        }
    }
}

/// Where a report explains its scales, once each, the same in every edition: the likelihood
/// terms beside the risk matrix (or, in a report without one, after the first key judgments
/// or register that uses them); the grading scale after the first sources that carry a grade.
/// A writer asks it after each analytic block, in reading order.
public struct ScaleNotePlacement {
    private let hasRiskMatrix: Bool
    private let yardstick: Yardstick
    private var explainedYardstick = false
    private var explainedGrades = false

    public init(report: Report, index: ReportIndex) {
        hasRiskMatrix = index.hasRiskMatrix
        yardstick = report.metadata.yardstick
    }

    /// The yardstick to explain after these key judgments, when they are the place.
    public mutating func afterKeyJudgments(_ judgments: [KeyJudgment]) -> Yardstick? {
        hasRiskMatrix ? nil : explainFirstUse(judgments.lazy.map(\.likelihood))
    }

    /// The yardstick to explain after this register (and its matrix, when `drawsMatrix`).
    public mutating func afterRisks(_ risks: [Risk], drawsMatrix: Bool) -> Yardstick? {
        if drawsMatrix {
            guard !explainedYardstick else { return nil }
            explainedYardstick = true
            return yardstick
        }
        return hasRiskMatrix ? nil : explainFirstUse(risks.lazy.map(\.likelihood))
    }

    /// Whether the grading scale is explained after these sources.
    public mutating func afterSources(_ sources: [Source]) -> Bool {
        guard !explainedGrades, sources.contains(where: { $0.grade != nil }) else { return false }
        explainedGrades = true
        return true
    }

    private mutating func explainFirstUse(_ likelihoods: some Sequence<Likelihood?>) -> Yardstick? {
        guard !explainedYardstick, let used = likelihoods.lazy.compactMap({ $0?.yardstick }).first else { return nil }
        explainedYardstick = true
        return used
    }
}
