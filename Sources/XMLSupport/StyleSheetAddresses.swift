/// What a style sheet (a desk's `--css`/`css:` file, an SVG's `<style>` or `style`
/// attribute) would fetch, read as a CSS engine reads it: tokenized as CSS Syntax Level 3
/// tokenizes (comments only between tokens, strings ended by their quote or a line break,
/// an unquoted `url(…)` one token, escapes resolved in names, strings and URLs), so
/// `u\72l(…)`, `@\69mport`, `url(x/*)` and a string ended by a form feed mean what they
/// mean to the browser. One reading serves every rule that holds style sheets to addresses.
public enum StyleSheetAddresses {
    /// What a style sheet asks for: whether it imports another, the address of each
    /// `url(…)`, and the fetching functions other than `url` it uses (`image-set(…)`, `src(…)`).
    public struct References: Sendable, Equatable {
        public var imports = false
        public var urls: [String] = []
        public var otherFetches: [String] = []
    }

    /// Functions other than `url` that fetch, or take an address as a string.
    static let fetchingFunctions: Set<String> = ["image-set", "-webkit-image-set", "src", "image", "cross-fade", "element", "-webkit-cross-fade"]

    /// Every reference in `css`.
    public static func references(in css: String) -> References {
        var tokenizer = Tokenizer(css)
        var references = References()
        var pendingURLFunction = false
        while let token = tokenizer.next() {
            switch token {
            case .atKeyword(let name) where name == "import":
                references.imports = true
            case .function(let name) where name == "url" || name == "src":
                pendingURLFunction = true
                if name == "src" { references.otherFetches.append(name) }
                continue
            case .function(let name) where fetchingFunctions.contains(name):
                references.otherFetches.append(name)
            case .url(let address):
                references.urls.append(address)
            case .string(let text) where pendingURLFunction:
                references.urls.append(text)
            case .whitespace where pendingURLFunction:
                continue
            default:
                break
            }
            pendingURLFunction = false
        }
        return references
    }

    /// The tokens that matter to the address rule.
    enum Token: Equatable {
        case atKeyword(String), function(String), url(String), string(String), whitespace, other
    }

    /// CSS Syntax Level 3's tokenizer, reduced to what addresses need: names lower-cased.
    struct Tokenizer {
        private let scalars: [Unicode.Scalar]
        private var index = 0

        init(_ css: String) {
            // The input is preprocessed as CSS does it: CR LF, CR and FF are LF, NUL is U+FFFD.
            var scalars: [Unicode.Scalar] = []
            var previousCR = false
            for scalar in css.unicodeScalars {
                if scalar == "\n", previousCR {
                    previousCR = false
                    continue
                }
                previousCR = scalar == "\r"
                switch scalar {
                case "\r", "\u{C}": scalars.append("\n")
                case "\0": scalars.append("\u{FFFD}")
                default: scalars.append(scalar)
                }
            }
            self.scalars = scalars
        }

        private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
            index + offset < scalars.count ? scalars[index + offset] : nil
        }

        private static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_" || scalar.value >= 0x80
        }

        private static func isName(_ scalar: Unicode.Scalar) -> Bool {
            isNameStart(scalar) || ("0"..."9").contains(scalar) || scalar == "-"
        }

        private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == " " || scalar == "\t" || scalar == "\n"
        }

        /// Whether the two scalars from `offset` start a valid escape.
        private func startsEscape(at offset: Int = 0) -> Bool {
            peek(offset) == "\\" && peek(offset + 1) != nil && peek(offset + 1) != "\n"
        }

        /// Whether what comes from `offset` starts a name (`-` allowed first, as CSS allows).
        private func startsName(at offset: Int = 0) -> Bool {
            guard let first = peek(offset) else { return false }
            if first == "-" {
                guard let second = peek(offset + 1) else { return false }
                return Self.isNameStart(second) || second == "-" || startsEscape(at: offset + 1)
            }
            return Self.isNameStart(first) || startsEscape(at: offset)
        }

        /// An escape after its backslash: up to six hex digits and one white space, or the
        /// character itself.
        private mutating func consumeEscape() -> Unicode.Scalar {
            var hex = ""
            while hex.count < 6, let scalar = peek(), scalar.properties.isASCIIHexDigit {
                hex.unicodeScalars.append(scalar)
                index += 1
            }
            guard !hex.isEmpty else {
                guard let scalar = peek() else { return "\u{FFFD}" }
                index += 1
                return scalar
            }
            if let scalar = peek(), Self.isWhitespace(scalar) { index += 1 }
            let value = UInt32(hex, radix: 16) ?? 0
            return value == 0 || (0xD800...0xDFFF).contains(value) ? "\u{FFFD}" : Unicode.Scalar(value) ?? "\u{FFFD}"
        }

        private mutating func consumeName() -> String {
            var name = String.UnicodeScalarView()
            while let scalar = peek() {
                if Self.isName(scalar) {
                    name.append(scalar)
                    index += 1
                } else if startsEscape() {
                    index += 1
                    name.append(consumeEscape())
                } else {
                    break
                }
            }
            return String(name).lowercased()
        }

        private mutating func consumeString(_ quote: Unicode.Scalar) -> String {
            var text = String.UnicodeScalarView()
            while let scalar = peek() {
                index += 1
                switch scalar {
                case quote: return String(text)
                case "\n":
                    index -= 1  // a bad string: it ends at the line's end
                    return String(text)
                case "\\":
                    if peek() == "\n" {
                        index += 1
                    } else if peek() != nil {
                        text.append(consumeEscape())
                    }
                default: text.append(scalar)
                }
            }
            return String(text)
        }

        /// An unquoted `url(`'s address, up to its `)`: no comment, no string inside.
        private mutating func consumeURL() -> String {
            while let scalar = peek(), Self.isWhitespace(scalar) { index += 1 }
            var address = String.UnicodeScalarView()
            while let scalar = peek() {
                index += 1
                if scalar == ")" { break }
                if scalar == "\\", startsEscape(at: -1) {
                    address.append(consumeEscape())
                } else {
                    address.append(scalar)
                }
            }
            return String(address)
        }

        mutating func next() -> Token? {
            guard let scalar = peek() else { return nil }
            if scalar == "/", peek(1) == "*" {
                index += 2
                while index < scalars.count, !(scalars[index] == "*" && peek(1) == "/") { index += 1 }
                index = min(scalars.count, index + 2)
                return .other
            }
            if Self.isWhitespace(scalar) {
                while let next = peek(), Self.isWhitespace(next) { index += 1 }
                return .whitespace
            }
            if scalar == "\"" || scalar == "'" {
                index += 1
                return .string(consumeString(scalar))
            }
            if scalar == "@", startsName(at: 1) {
                index += 1
                return .atKeyword(consumeName())
            }
            if startsName() {
                let name = consumeName()
                guard peek() == "(" else { return .other }
                index += 1
                guard name == "url" else { return .function(name) }
                var ahead = index
                while ahead < scalars.count, Self.isWhitespace(scalars[ahead]) { ahead += 1 }
                if ahead < scalars.count, scalars[ahead] == "\"" || scalars[ahead] == "'" { return .function(name) }
                return .url(consumeURL())
            }
            index += 1
            return .other
        }
    }
}
