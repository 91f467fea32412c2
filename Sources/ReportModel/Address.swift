/// The one rule for addresses (links, autolinks, reference definitions, front-matter and
/// figure URLs, the JSON model): which may become an active link in an edition, and in what
/// form.
///
/// An address is first read as a browser reads it — ASCII tabs and line breaks removed,
/// leading and trailing spaces and controls stripped, character references decoded, the
/// scheme in lower case — so that `java&#x09;script:` or ` JAVASCRIPT:` is seen for what it
/// is. Only `http:`, `https:` and `mailto:` addresses are active; a fragment (`#id`) is a
/// cross-reference, which the reader resolves against the report's ids. Anything else —
/// `javascript:`, `data:`, `file:`, `vbscript:`, a relative path to another file, a
/// `//server/share` address — is never made active: the caller keeps it as text.
public enum Address {
    /// What an address may become.
    public enum Verdict: Sendable, Equatable {
        /// A link every edition may make active, in the form it is written in (percent-encoded
        /// where XML, DocBook's `xs:anyURI`, EPUB and PDF need it).
        case active(String)
        /// A link to an id of this report.
        case fragment(String)
        /// Never an active link; `reason` completes "the address … is kept as text: …".
        case inactive(reason: String)
    }

    /// The schemes an active address may have.
    public static let activeSchemes: Set<String> = ["http", "https", "mailto"]

    public static func classify(_ raw: String) -> Verdict {
        let address = normalized(raw)
        if address.hasPrefix("#") { return .fragment(String(address.dropFirst())) }
        guard let scheme = scheme(of: address) else {
            if address.isEmpty { return .inactive(reason: "it is empty") }
            if address.hasPrefix("//") || address.hasPrefix("\\\\") {
                return .inactive(reason: "an address without a scheme could open a file on a network share")
            }
            return .inactive(reason: "a relative address points to a file beside the report, which no edition carries")
        }
        guard activeSchemes.contains(scheme) else {
            return .inactive(reason: "\(scheme): addresses are never made active; only http, https and mailto are")
        }
        let rest = address.dropFirst(scheme.count + 1)
        if scheme == "mailto", !isEmail(String(rest)) {
            return .inactive(reason: "a mailto: address carries an e-mail address and nothing else (no ?attach=, ?body= or second address)")
        }
        if scheme != "mailto", rest.drop(while: { $0 == "/" }).isEmpty {
            return .inactive(reason: "it names no server")
        }
        return .active(encoded(scheme + ":" + rest))
    }

    /// The address as a browser reads it before it looks at the scheme: character references
    /// decoded, ASCII tab and line breaks removed anywhere, C0 controls and spaces stripped at
    /// both ends, the scheme lower-cased.
    public static func normalized(_ raw: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in decodingCharacterReferences(raw).unicodeScalars where !"\t\n\r".unicodeScalars.contains(scalar) {
            scalars.append(scalar)
        }
        let isEdge: (Unicode.Scalar) -> Bool = { $0.value <= 0x20 }
        var text = Substring(String(scalars))
        while let first = text.unicodeScalars.first, isEdge(first) { text = Substring(text.unicodeScalars.dropFirst()) }
        while let last = text.unicodeScalars.last, isEdge(last) { text = Substring(text.unicodeScalars.dropLast()) }
        guard let scheme = scheme(of: text) else { return String(text) }
        return scheme + text.dropFirst(scheme.count)
    }

    /// The lower-cased scheme `text` starts with (RFC 3986: a letter, then letters, digits,
    /// `+`, `-` or `.`, then a colon), if any.
    public static func scheme(of text: some StringProtocol) -> String? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let scheme = text[..<colon]
        guard let first = scheme.unicodeScalars.first, first.isASCIILetter,
            scheme.unicodeScalars.allSatisfy({ $0.isASCIILetter || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0) })
        else { return nil }
        return scheme.lowercased()
    }

    /// Percent-encodes, as UTF-8, what a URI may not hold: spaces and controls (C0, DEL, C1),
    /// `"<>\^`{|}`, square brackets outside the server part, and a `%` that does not begin an
    /// escape. Letters of any script stay as they are (an IRI), as do escapes already written.
    public static func encoded(_ address: String) -> String {
        let scalars = Array(address.unicodeScalars)
        // The server part, where `[` and `]` enclose an IPv6 address: after `scheme://`, up
        // to the first `/`, `?` or `#`.
        var authority = 0..<0
        if let scheme = scheme(of: address), address.dropFirst(scheme.count + 1).hasPrefix("//") {
            let start = scheme.unicodeScalars.count + 3
            let end = scalars[start...].firstIndex { "/?#".unicodeScalars.contains($0) } ?? scalars.count
            authority = start..<end
        }
        var result = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            let escape: Bool
            switch scalar.value {
            case 0...0x20, 0x7F...0x9F: escape = true
            case 0x5B, 0x5D: escape = !authority.contains(index)
            case 0x25:
                escape = !(index + 2 < scalars.count && scalars[index + 1].isHexDigit && scalars[index + 2].isHexDigit)
            default: escape = "\"<>\\^`{|}".unicodeScalars.contains(scalar)
            }
            if escape {
                for byte in String(scalar).utf8 { result.append(contentsOf: percentEscape(byte).unicodeScalars) }
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    private static func percentEscape(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF".unicodeScalars)
        return "%" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 15)])
    }

    /// Decodes numeric character references (`&#9;`, `&#x3A;`) and the named ones that
    /// spell URL syntax (`&colon;`, `&Tab;`, `&NewLine;`, `&sol;`, `&amp;`), as an HTML
    /// attribute value would be read.
    static func decodingCharacterReferences(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let named: [String: Unicode.Scalar] = [
            "colon": ":", "tab": "\t", "newline": "\n", "sol": "/", "amp": "&", "num": "#", "period": ".",
        ]
        var result = String.UnicodeScalarView()
        var scalars = Substring(text).unicodeScalars[...]
        while let first = scalars.first {
            if first == "&", let semicolon = scalars.prefix(12).firstIndex(of: ";") {
                let body = String(String.UnicodeScalarView(scalars[scalars.index(after: scalars.startIndex)..<semicolon]))
                var decoded: Unicode.Scalar?
                if body.hasPrefix("#x") || body.hasPrefix("#X") {
                    decoded = UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if body.hasPrefix("#") {
                    decoded = UInt32(body.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init)
                } else {
                    decoded = named[body.lowercased()]
                }
                if let decoded {
                    result.append(decoded)
                    scalars = scalars[scalars.index(after: semicolon)...]
                    continue
                }
            }
            result.append(first)
            scalars = scalars.dropFirst()
        }
        return String(result)
    }
}

extension Unicode.Scalar {
    fileprivate var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
    fileprivate var isHexDigit: Bool { ("0"..."9").contains(self) || ("a"..."f").contains(self) || ("A"..."F").contains(self) }
}

extension Address {
    /// Whether `text` is a plain e-mail address, `local@domain`, and nothing else: letters,
    /// digits and `.`, `-`, `_`, `+` (and letters of any script), so that as a `mailto:`
    /// address it carries no header, body or attachment (`?attach=`, `&`, `=`), no path and
    /// nothing to escape. The one rule for authors' `email`, `contact:` and `mailto:` links.
    public static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
            !parts[1].hasSuffix("."), !parts[1].contains("..")
        else { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            scalar == "@" || ".-_+".unicodeScalars.contains(scalar) || ("0"..."9").contains(scalar) || scalar.isASCIILetter
                || (scalar.value > 0x9F && scalar.properties.isAlphabetic)
        }
    }

    /// The `mailto:` link for `text` when it is a plain e-mail address (`isEmail`); nil
    /// otherwise, and then the text is shown as it is.
    public static func mailto(_ text: String) -> String? {
        isEmail(text) ? "mailto:" + text : nil
    }
}
