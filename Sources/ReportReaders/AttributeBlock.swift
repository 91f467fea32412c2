import ReportModel

/// A parsed `{#id .class key=value key="quoted value"}` block (docs/report-markdown.md §2).
struct AttributeBlock: Equatable {
    var id: String?
    var classes: [String] = []
    var attributes: [Attribute] = []

    /// The value of `key`, if given.
    func value(_ key: String) -> String? {
        attributes.last { $0.key == key }?.value
    }

    /// Parses a whole attribute block, braces included; `nil` when `text` is not exactly one.
    init?(parsing text: Substring) {
        var scanner = AttributeScanner(text)
        guard scanner.take("{") else { return nil }
        var sawItem = false
        while true {
            scanner.skipSpaces()
            if scanner.take("}") { break }
            if scanner.isAtEnd { return nil }
            if scanner.take("#") {
                guard id == nil, let name = scanner.word(), !name.isEmpty else { return nil }
                id = name
            } else if scanner.take(".") {
                guard let name = scanner.word(), !name.isEmpty else { return nil }
                classes.append(name)
            } else {
                guard let key = scanner.key(), scanner.take("="), let value = scanner.value() else { return nil }
                attributes.append(Attribute(key: key, value: value))
            }
            sawItem = true
            // Items are separated by white space, or end at the closing brace.
            guard scanner.atSpace || scanner.peek == "}" else { return nil }
        }
        guard sawItem, scanner.isAtEnd else { return nil }
    }

    /// Finds the attribute block that ends `line` (after trailing white space): the leftmost
    /// unescaped `{` from which the rest of the line parses as one block. Returns the block
    /// and the byte offset of its `{` in the line.
    ///
    /// The braces are looked for among the bytes (a `{` or `\` is one byte, and one
    /// character unless a mark joins it): walking a heading by characters cost more than
    /// converting it.
    static func trailing(in line: String) -> (block: AttributeBlock, offset: Int)? {
        let trimmed = line.trimmingTrailingWhitespace()
        guard trimmed.hasSuffix("}") else { return nil }
        let utf8 = trimmed.utf8
        var previous: UInt8 = 0
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "{"),
                (previous < 0x80 && previous != UInt8(ascii: "\\")) || isUnescapedBrace(at: index, in: trimmed),
                let block = AttributeBlock(parsing: trimmed[index...])
            {
                return (block, utf8.distance(from: utf8.startIndex, to: index))
            }
            previous = byte
            index = utf8.index(after: index)
        }
        return nil
    }

    /// The keys given more than once, each once, in the order of their second use.
    var keysGivenTwice: [String] {
        var seen: Set<String> = []
        var twice: [String] = []
        for attribute in attributes where !seen.insert(attribute.key).inserted && !twice.contains(attribute.key) {
            twice.append(attribute.key)
        }
        return twice
    }

    /// The text from the last unescaped `{` of `line` to its end, when the line ends with
    /// `}` and that text opens like an attribute block (`{#` or `{.`) without being one
    /// (`trailing(in:)` found none): a writer's slip that would otherwise stay in the text
    /// without a word. At most 80 characters of it, for the message.
    static func lookalike(endingLine line: String) -> String? {
        let trimmed = line.trimmingTrailingWhitespace()
        guard trimmed.hasSuffix("}"), let brace = trimmed.lastIndex(of: "{"), isUnescapedBrace(at: brace, in: trimmed) else { return nil }
        let rest = trimmed[brace...]
        guard let next = rest.dropFirst().first, next == "#" || next == "." else { return nil }
        return rest.count > 80 ? String(rest.prefix(79)) + "…" : String(rest)
    }

    /// Whether the `{` at `index` is a character of its own (no mark joins it to what is
    /// before) after a character other than `\`: asked only when the byte before it leaves
    /// that in doubt.
    private static func isUnescapedBrace(at index: String.Index, in text: Substring) -> Bool {
        String.Index(index, within: text) != nil && text[..<index].last != "\\"
    }

    private init() {}
}

/// A tiny cursor over the characters of an attribute block.
struct AttributeScanner {
    private let text: Substring
    private var index: Substring.Index

    init(_ text: Substring) {
        self.text = text
        index = text.startIndex
    }

    var isAtEnd: Bool { index == text.endIndex }
    var peek: Character? { isAtEnd ? nil : text[index] }
    var atSpace: Bool { peek.map(AttributeScanner.isSpace) == true }

    mutating func take(_ character: Character) -> Bool {
        guard peek == character else { return false }
        index = text.index(after: index)
        return true
    }

    // What characters are, answered from the ASCII value where there is one, rather than by
    // asking a string literal or Unicode's properties for each character of every
    // attribute block.

    /// White space, as `Character.isWhitespace` says.
    static func isSpace(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return character.isWhitespace }
        return ascii == 0x20 || (0x09...0x0D).contains(ascii)
    }

    /// White space, a brace, a double quote, `=` or `#`.
    static func endsWord(_ character: Character) -> Bool {
        isSpace(character) || character.asciiValue.map { "{}\"=#".utf8.contains($0) } == true
    }

    /// A letter or `_`.
    static func startsKey(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return character.isLetter }
        return isASCIILetter(ascii) || ascii == UInt8(ascii: "_")
    }

    /// A letter, a digit, `_`, `-` or `:`.
    static func continuesKey(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return character.isLetter || character.isNumber }
        return isASCIILetter(ascii) || (0x30...0x39).contains(ascii) || "_-:".utf8.contains(ascii)
    }

    private static func isASCIILetter(_ ascii: UInt8) -> Bool {
        (0x41...0x5A).contains(ascii) || (0x61...0x7A).contains(ascii)
    }

    mutating func skipSpaces() {
        while atSpace { index = text.index(after: index) }
    }

    /// An id or class name: anything up to white space, a brace or a quote.
    mutating func word() -> String? {
        let start = index
        while let character = peek, !AttributeScanner.endsWord(character) {
            index = text.index(after: index)
        }
        return String(text[start..<index])
    }

    /// A key: a letter or `_`, then letters, digits, `_`, `-`, `:`.
    mutating func key() -> String? {
        guard let first = peek, AttributeScanner.startsKey(first) else { return nil }
        let start = index
        while let character = peek, AttributeScanner.continuesKey(character) {
            index = text.index(after: index)
        }
        return String(text[start..<index])
    }

    /// A bare value up to white space or `}`, or a value in double quotes (which may hold
    /// anything but a double quote).
    mutating func value() -> String? {
        if take("\"") {
            let start = index
            while let character = peek, character != "\"" { index = text.index(after: index) }
            guard !isAtEnd else { return nil }
            let value = String(text[start..<index])
            index = text.index(after: index)
            return value
        }
        let start = index
        while let character = peek, !AttributeScanner.isSpace(character), character != "}", character != "\"" {
            index = text.index(after: index)
        }
        return start == index ? nil : String(text[start..<index])
    }
}

extension StringProtocol {
    func trimmingTrailingWhitespace() -> SubSequence {
        var end = endIndex
        while end > startIndex, self[index(before: end)].isWhitespace { end = index(before: end) }
        return self[startIndex..<end]
    }

    func trimmingWhitespace() -> String {
        String(drop { $0.isWhitespace }.trimmingTrailingWhitespace())
    }
}
