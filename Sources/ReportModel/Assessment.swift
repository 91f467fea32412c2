/// How much harm a risk would do if it came about.
public enum Impact: String, Sendable, Codable, CaseIterable {
    case negligible, minor, moderate, major, severe

    /// 1 (negligible) to 5 (severe), for ordering and for the risk matrix.
    public var rank: Int { Impact.allCases.firstIndex(of: self)! + 1 }
}

/// The analyst's confidence in a judgment.
public enum Confidence: String, Sendable, Codable, CaseIterable {
    case low, moderate, high
}

/// An Admiralty (NATO) source grade: reliability of the source A–F and credibility of
/// the information 1–6, written together as `B2`.
public struct AdmiraltyGrade: Sendable, Equatable, CustomStringConvertible {
    public let reliability: Character
    public let credibility: Int

    public static let reliabilities: [Character] = ["A", "B", "C", "D", "E", "F"]

    /// Parses `B2`; `nil` for anything else.
    public init?(_ text: String) {
        let characters = Array(text.uppercased())
        guard characters.count == 2, AdmiraltyGrade.reliabilities.contains(characters[0]),
            let credibility = characters[1].wholeNumberValue, (1...6).contains(credibility),
            characters[1].isASCII
        else { return nil }
        reliability = characters[0]
        self.credibility = credibility
    }

    public var description: String { "\(reliability)\(credibility)" }
}

extension AdmiraltyGrade: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let grade = AdmiraltyGrade(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not an Admiralty grade")
        }
        self = grade
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
