/// An International Standard Book Number, ISBN-13, whose check digit has been verified.
/// Written as the publisher's agency gave it (`978-0-306-40615-7`) or as 13 digits.
public struct ISBN: Sendable, Equatable, CustomStringConvertible {
    /// As written, its spaces made hyphens: `978-0-306-40615-7`.
    public let description: String
    /// The thirteen digits alone, as identifiers write them: `9780306406157`.
    public let digits: String

    /// Parses and verifies an ISBN-13; `nil` when the form or the check digit is wrong.
    public init?(_ text: String) {
        guard let digits = ISBN.digits(of: text), digits.count == 13, ISBN.hasBookPrefix(digits),
            ISBN.checkDigit(for: digits.prefix(12)) == digits.last
        else { return nil }
        self.digits = String(digits)
        description = String(text.trimmingWhitespace.map { $0 == " " ? "-" : $0 })
    }

    /// The digits of `text` when it is written as an ISBN is (digits, single hyphens or spaces
    /// between them), with 10 or 13 of them; `X` may close an ISBN-10.
    public static func digits(of text: String) -> [Character]? {
        let written = Array(text.trimmingWhitespace)
        let isSeparator = { (character: Character) in character == "-" || character == " " }
        // Digits, with one separator at most between two of them.
        guard let first = written.first, first.isASCII && first.isNumber, let last = written.last, !isSeparator(last),
            !zip(written, written.dropFirst()).contains(where: { isSeparator($0) && isSeparator($1) }),
            written.allSatisfy({ ($0.isASCII && $0.isNumber) || isSeparator($0) || $0 == "X" || $0 == "x" })
        else { return nil }
        let digits = Array(String(written.filter { !isSeparator($0) }).uppercased())
        guard digits.count == 13 || digits.count == 10, !digits.dropLast().contains("X"), digits.count == 10 || digits.last != "X"
        else { return nil }
        return digits
    }

    /// Whether thirteen digits begin as a book's do (978, 979): other EAN-13s are no ISBN.
    public static func hasBookPrefix(_ digits: [Character]) -> Bool {
        digits.starts(with: Array("978")) || digits.starts(with: Array("979"))
    }

    /// The check digit of an ISBN-13's first twelve digits: weights 1 and 3 in turn, modulo 10.
    public static func checkDigit(for twelve: some Collection<Character>) -> Character {
        var sum = 0
        for (index, digit) in twelve.enumerated() { sum += (index % 2 == 0 ? 1 : 3) * (digit.wholeNumberValue ?? 0) }
        return Character(String((10 - sum % 10) % 10))
    }

    /// Whether ten digits are an ISBN-10 whose check character is right (weights 10 to 1,
    /// modulo 11, `X` for 10).
    public static func isValidTen(_ digits: [Character]) -> Bool {
        guard digits.count == 10 else { return false }
        var sum = 0
        for (index, digit) in digits.enumerated() { sum += (10 - index) * (digit == "X" ? 10 : digit.wholeNumberValue ?? 0) }
        return sum % 11 == 0
    }

    /// The ISBN-13 an ISBN-10 is (`978` before its first nine digits, a new check digit).
    public static func thirteen(fromTen digits: [Character]) -> String {
        let twelve = Array("978") + digits.prefix(9)
        return String(twelve) + String(checkDigit(for: twelve))
    }
}

extension ISBN: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let isbn = ISBN(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a valid ISBN-13")
        }
        self = isbn
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// The ISBN of each edition that has one (`isbn: {print: …, ebook: …}`): each product form
/// of a book has its own.
public struct ISBNs: Sendable, Codable, Equatable {
    /// The printed edition's: the PDF, and the Word edition that follows its pages.
    public var print: ISBN?
    /// The e-book's.
    public var ebook: ISBN?

    public init(print: ISBN? = nil, ebook: ISBN? = nil) {
        self.print = print
        self.ebook = ebook
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
