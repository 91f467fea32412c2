/// What a style sheet (a desk's `--css`/`css:` file, an SVG's `<style>` or `style`
/// attribute) would fetch, read as a CSS engine reads it: comments removed and escapes
/// resolved first, so `u\72l(…)` and `@\69mport` are the `url(…)` and `@import` they spell.
/// One reading serves every rule that holds style sheets to addresses.
public enum StyleSheetAddresses {
    /// What a style sheet asks for: whether it imports another, the address of each
    /// `url(…)`, and the fetching functions other than `url` it uses (`image-set(…)`, `src(…)`).
    public struct References: Sendable, Equatable {
        public var imports = false
        public var urls: [String] = []
        public var otherFetches: [String] = []
    }

    /// Every reference in `css`.
    public static func references(in css: String) -> References {
        let text = Array(normalized(css).unicodeScalars)
        var references = References()
        var index = 0
        /// Whether the name `name` followed by `(` (or, for `@import`, by anything) starts at `index`.
        func starts(_ name: String) -> Bool {
            let scalars = Array(name.unicodeScalars)
            guard index + scalars.count <= text.count else { return false }
            return text[index..<(index + scalars.count)].elementsEqual(scalars)
        }
        while index < text.count {
            if starts("@import") {
                references.imports = true
                index += 7
            } else if starts("url(") {
                var start = index + 4
                while start < text.count, text[start].properties.isWhitespace { start += 1 }
                var end = start
                if start < text.count, text[start] == "\"" || text[start] == "'" {
                    let quote = text[start]
                    start += 1
                    end = start
                    while end < text.count, text[end] != quote { end += 1 }
                } else {
                    while end < text.count, text[end] != ")", !text[end].properties.isWhitespace { end += 1 }
                }
                references.urls.append(String(String.UnicodeScalarView(text[start..<min(end, text.count)])))
                index = end
            } else if let name = ["image-set(", "-webkit-image-set(", "src(", "image(", "cross-fade(", "element("].first(where: starts)
                .map({ String($0.dropLast()) }), index == 0 || !isNameScalar(text[index - 1])
            {
                references.otherFetches.append(name)
                index += name.count
            } else {
                index += 1
            }
        }
        return references
    }

    /// The style sheet lower-cased, comments removed, escapes resolved. A comment opens
    /// only outside a string, as a CSS engine reads it: `"/*"` in a string hides nothing.
    static func normalized(_ css: String) -> String {
        let scalars = Array(css.unicodeScalars)
        var result = String.UnicodeScalarView()
        var quote: Unicode.Scalar?
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if quote == nil, scalar == "/", index + 1 < scalars.count, scalars[index + 1] == "*" {
                index += 2
                while index + 1 < scalars.count, !(scalars[index] == "*" && scalars[index + 1] == "/") { index += 1 }
                index += 2
                continue
            }
            guard scalar == "\\", index + 1 < scalars.count else {
                if scalar == "\"" || scalar == "'" {
                    if quote == nil { quote = scalar } else if quote == scalar { quote = nil }
                } else if scalar == "\n", quote != nil {
                    quote = nil  // an unclosed string ends at the line's end
                }
                result.append(scalar)
                index += 1
                continue
            }
            // An escape: up to six hex digits and one white space after them, or any
            // other character as itself (a backslash before a line break is dropped).
            var hex = ""
            var next = index + 1
            while next < scalars.count, hex.count < 6, scalars[next].properties.isASCIIHexDigit {
                hex.unicodeScalars.append(scalars[next])
                next += 1
            }
            if hex.isEmpty {
                if scalars[next] != "\n" { result.append(scalars[next]) }
                index = next + 1
                continue
            }
            if next < scalars.count, scalars[next].properties.isWhitespace { next += 1 }
            let value = UInt32(hex, radix: 16) ?? 0xFFFD
            result.append(Unicode.Scalar(value == 0 ? 0xFFFD : value) ?? "\u{FFFD}")
            index = next
        }
        return String(result).lowercased()
    }

    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "-" || scalar == "_"
    }
}
