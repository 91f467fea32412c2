/// An International Standard Serial Number, `NNNN-NNNC`, whose check digit has been verified.
public struct ISSN: Sendable, Equatable, CustomStringConvertible {
    /// The canonical form, e.g. `2785-2598`.
    public let description: String

    /// Parses and verifies an ISSN; `nil` when the form or the check digit is wrong.
    public init?(_ text: String) {
        guard let digits = ISSN.digits(of: text), ISSN.checkCharacter(for: digits.prefix(7)) == digits.last
        else { return nil }
        description = String(digits.prefix(4)) + "-" + String(digits.dropFirst(4))
    }

    /// Whether `text` has the form `NNNN-NNNC` (so that a wrong check digit can be told apart).
    public static func hasValidForm(_ text: String) -> Bool {
        digits(of: text) != nil
    }

    /// The check character ISO 3297 gives seven digits: weights 8 to 2, modulo 11, `X` for 10.
    public static func checkCharacter(for digits: some Collection<Character>) -> Character {
        var sum = 0
        for (index, digit) in digits.enumerated() {
            sum += (8 - index) * (digit.wholeNumberValue ?? 0)
        }
        let check = (11 - sum % 11) % 11
        return check == 10 ? "X" : Character(String(check))
    }

    private static func digits(of text: String) -> [Character]? {
        let characters = Array(text.uppercased())
        guard characters.count == 9, characters[4] == "-" else { return nil }
        let digits = Array(characters[0..<4] + characters[5..<9])
        guard digits.prefix(7).allSatisfy({ $0.isASCII && $0.isNumber }),
            let last = digits.last, (last.isASCII && last.isNumber) || last == "X"
        else { return nil }
        return digits
    }
}

extension ISSN: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let issn = ISSN(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a valid ISSN")
        }
        self = issn
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
