/// The probability vocabulary a report uses for likelihood terms.
public enum Yardstick: String, Sendable, Codable, CaseIterable {
    /// US Intelligence Community Directive 203, Analytic Standards.
    case icd203 = "ICD203"
    /// The UK Professional Head of Intelligence Assessment probability yardstick.
    case phia = "PHIA"

    /// The terms of this yardstick, from least to most likely.
    public var terms: [Likelihood] {
        switch self {
        case .icd203: ICD203Term.allCases.map(Likelihood.icd203)
        case .phia: PHIATerm.allCases.map(Likelihood.phia)
        }
    }
}

/// A range of probabilities in whole percent, both ends included.
public struct ProbabilityBand: Sendable, Equatable, Codable, CustomStringConvertible {
    public var lower: Int
    public var upper: Int

    public init(_ lower: Int, _ upper: Int) {
        self.lower = lower
        self.upper = upper
    }

    /// Written as readers expect: `55–80%`, or `70%` for a single value.
    public var description: String {
        lower == upper ? "\(lower)%" : "\(lower)–\(upper)%"
    }
}

/// ICD 203's seven terms with their bands.
public enum ICD203Term: String, Sendable, Codable, CaseIterable {
    case almostNoChance = "almost-no-chance"
    case veryUnlikely = "very-unlikely"
    case unlikely
    case roughlyEvenChance = "roughly-even-chance"
    case likely
    case veryLikely = "very-likely"
    case almostCertain = "almost-certain"

    public var band: ProbabilityBand {
        switch self {
        case .almostNoChance: ProbabilityBand(1, 5)
        case .veryUnlikely: ProbabilityBand(5, 20)
        case .unlikely: ProbabilityBand(20, 45)
        case .roughlyEvenChance: ProbabilityBand(45, 55)
        case .likely: ProbabilityBand(55, 80)
        case .veryLikely: ProbabilityBand(80, 95)
        case .almostCertain: ProbabilityBand(95, 99)
        }
    }
}

/// The PHIA yardstick's seven terms with their bands (the gaps between bands are deliberate).
public enum PHIATerm: String, Sendable, Codable, CaseIterable {
    case remoteChance = "remote-chance"
    case highlyUnlikely = "highly-unlikely"
    case unlikely
    case realisticPossibility = "realistic-possibility"
    case likely
    case highlyLikely = "highly-likely"
    case almostCertain = "almost-certain"

    public var band: ProbabilityBand {
        switch self {
        case .remoteChance: ProbabilityBand(0, 5)
        case .highlyUnlikely: ProbabilityBand(10, 20)
        case .unlikely: ProbabilityBand(25, 35)
        case .realisticPossibility: ProbabilityBand(40, 50)
        case .likely: ProbabilityBand(55, 75)
        case .highlyLikely: ProbabilityBand(80, 90)
        case .almostCertain: ProbabilityBand(95, 100)
        }
    }
}

/// How likely a judgment or a risk is: a term of a yardstick, or a plain percentage.
public enum Likelihood: Sendable, Equatable {
    case icd203(ICD203Term)
    case phia(PHIATerm)
    case percent(Int)

    /// Parses a value as written in an attribute: a term of `yardstick` or `NN%`.
    public init?(_ text: String, yardstick: Yardstick) {
        if text.hasSuffix("%"), let value = Int(text.dropLast()), (0...100).contains(value),
            text.dropLast().allSatisfy(\.isASCII)
        {
            self = .percent(value)
            return
        }
        switch yardstick {
        case .icd203:
            guard let term = ICD203Term(rawValue: text) else { return nil }
            self = .icd203(term)
        case .phia:
            guard let term = PHIATerm(rawValue: text) else { return nil }
            self = .phia(term)
        }
    }

    /// The value as written in Report Markdown (`very-likely`, `70%`).
    public var token: String {
        switch self {
        case .icd203(let term): term.rawValue
        case .phia(let term): term.rawValue
        case .percent(let value): "\(value)%"
        }
    }

    /// The probabilities the term stands for.
    public var band: ProbabilityBand {
        switch self {
        case .icd203(let term): term.band
        case .phia(let term): term.band
        case .percent(let value): ProbabilityBand(value, value)
        }
    }

    /// The yardstick the term belongs to; `nil` for a percentage.
    public var yardstick: Yardstick? {
        switch self {
        case .icd203: .icd203
        case .phia: .phia
        case .percent: nil
        }
    }
}

extension Likelihood: Codable {
    private enum CodingKeys: String, CodingKey { case yardstick, term, percent }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let percent = try container.decodeIfPresent(Int.self, forKey: .percent) {
            self = .percent(percent)
            return
        }
        let yardstick = try container.decode(Yardstick.self, forKey: .yardstick)
        let term = try container.decode(String.self, forKey: .term)
        guard let likelihood = Likelihood(term, yardstick: yardstick), likelihood.yardstick == yardstick else {
            throw DecodingError.dataCorruptedError(
                forKey: .term, in: container, debugDescription: "'\(term)' is not a \(yardstick.rawValue) term")
        }
        self = likelihood
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .percent(let value):
            try container.encode(value, forKey: .percent)
        case .icd203, .phia:
            try container.encode(yardstick, forKey: .yardstick)
            try container.encode(token, forKey: .term)
        }
    }
}
