import ReportModel
import XMLSupport
import Yams

/// Turns the YAML front matter into typed `Metadata`, reporting every problem at the
/// line and column of the value that has it. The desk's configuration files come under the
/// front matter and the command line's overrides over it (`MetadataSettings`), each read in
/// turn as a layer of its own (`MetadataLayer`).
struct MetadataReader {
    let source: SourceText
    let frontMatter: FrontMatter?
    let log: DiagnosticLog
    let files: FileReferences
    var settings = MetadataSettings.none

    /// The keys of docs/report-markdown.md §1.
    static let knownKeys: Set<String> = [
        "title", "short-title", "subtitle", "series", "publisher", "authors", "date", "updated", "lang", "identifier",
        "keywords", "marking", "rights", "license", "cover", "contact", "yardstick", "yardstick-language", "toc",
        "title-page", "accessibility", "isbn",
    ]

    private final class Budget {
        var remaining = BoundedYAML.maximumNodes
    }
    private let budget = Budget()

    /// The layer being read, for the locations of its values.
    final class Cursor {
        var layer: MetadataLayer?
    }
    let cursor = Cursor()

    /// Reads the metadata; the title may come from the `#` heading when there is no front
    /// matter (the caller passes it as `headingTitle`).
    func read(headingTitle: String?) -> Metadata? {
        let errorsBefore = log.hasErrors
        let layers = self.layers()
        let parsed = !log.hasErrors || errorsBefore
        var metadata = Metadata(title: "")
        for layer in layers {
            cursor.layer = layer
            apply(layer, to: &metadata)
        }
        cursor.layer = nil
        // A layer that is not YAML may have held the title: say no more than what is wrong.
        guard parsed else { return nil }
        if metadata.title.isEmpty {
            if let headingTitle, !headingTitle.isEmpty {
                metadata.title = headingTitle
            } else {
                log.error(.titleMissing,
                    "the report has no title: add 'title:' to the front matter",
                    at: source.location(line: frontMatter?.firstLine ?? 1))
                return nil
            }
        }
        return metadata
    }

    /// Sets what `layer` gives in `metadata`, over what the layers before it gave.
    private func apply(_ layer: MetadataLayer, to metadata: inout Metadata) {
        for (keyNode, value) in layer.mapping {
            guard let key = keyNode.string else { continue }
            switch key {
            case "title": metadata.title = prose(value, key) ?? ""
            case "short-title": metadata.shortTitle = prose(value, key)
            case "subtitle": metadata.subtitle = prose(value, key)
            case "series": metadata.series = series(value, over: metadata.series ?? Series())
            case "isbn": metadata.isbn = isbns(value, over: metadata.isbn ?? ISBNs())
            case "publisher":
                metadata.publisher = nameAndURL(value, key, over: metadata.publisher.map { ($0.name, $0.url) })
                    .map { Publisher(name: $0.0, url: $0.1) }
            case "authors": metadata.authors = authors(value)
            case "date": metadata.date = date(value, key)
            case "updated": metadata.updated = date(value, key)
            case "lang": metadata.lang = language(value, key) ?? "en"
            case "identifier": metadata.identifier = string(value, key) ?? ""
            case "keywords": metadata.keywords = stringList(value, key)
            case "marking": metadata.marking = marking(value, over: metadata.marking ?? Marking())
            case "rights": metadata.rights = prose(value, key)
            case "license":
                metadata.license = nameAndURL(value, key, over: metadata.license.map { ($0.name, $0.url) })
                    .map { License(name: $0.0, url: $0.1) }
            case "cover": metadata.cover = cover(value)
            case "contact": metadata.contact = string(value, key)
            case "yardstick": metadata.yardstick = yardstick(value) ?? .icd203
            case "yardstick-language": metadata.yardstickLanguage = language(value, key)
            case "toc": metadata.toc = choice(value, key, allowsAuto: true)
            case "title-page": metadata.titlePage = choice(value, key, allowsAuto: false)
            case "accessibility": metadata.accessibility = accessibility(value, over: metadata.accessibility ?? Accessibility())
            case _ where layer.kind == .configuration && MetadataSettings.buildKeys.contains(key):
                continue
            case _ where layer.kind == .configuration:
                log.warning(.unknownKey,
                    "unknown key '\(key)' is not understood; a configuration gives front matter keys and \(MetadataSettings.buildKeys.sorted().joined(separator: ", "))",
                    at: location(of: keyNode))
            default:
                log.warning(.unknownKey,
                    "unknown front matter key '\(key)' is not understood and appears in no edition\(NearName.hint(for: key, among: Self.knownKeys))",
                    at: location(of: keyNode))
                if let kept = untyped(value) {
                    let name = carried(key, at: keyNode)
                    metadata.extra.removeAll { $0.key == name }
                    metadata.extra.append(ExtraField(key: name, value: kept))
                }
            }
        }
    }

    // MARK: - Values

    /// Where `node` stands in the layer being read (a key an override makes up has no
    /// place of its own: the override's first column).
    func location(of node: Node) -> SourceLocation {
        guard let layer = cursor.layer else { return source.location(line: 1) }
        return layer.place.location(of: node.mark)
    }

    /// A scalar as text; `nil` (and an error) for a list or mapping, `nil` for an empty value.
    private func string(_ node: Node, _ key: String) -> String? {
        guard case .scalar(let scalar) = node else {
            log.error(.valueType, "'\(key)' must be text, not a list or mapping", at: location(of: node))
            return nil
        }
        // The tag is compared by name: making a `Tag` to compare with loads Yams's default
        // resolver, a dozen regular expressions.
        if scalar.tag.rawValue == Tag.Name.null.rawValue || (scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)) {
            return nil
        }
        return carried(scalar.string, at: node)
    }

    /// `text` without the characters no edition can carry, which a YAML escape can write
    /// (`"\x01"`, `"\N"`), with a warning at `node` when there were any; and without its
    /// HTML comments, which a front-matter string keeps as unpublished as the body does
    /// (each a note at `node`, for `imprint check`).
    private func carried(_ text: String, at node: Node) -> String {
        let (kept, dropped) = XMLCharacters.sanitized(text)
        if !dropped.isEmpty {
            let names = dropped.map(XMLCharacters.name).joined(separator: ", ")
            log.warning(.characterDropped, "dropped \(names), written as an escape: no output can carry \(dropped.count == 1 ? "it" : "them")", at: location(of: node))
        }
        guard kept.contains("<!--") else { return kept }
        let (comments, rest) = HTMLComments.split(kept)
        for comment in comments {
            log.note(.htmlComment, "HTML comment, left out of every edition: \(String(comment.text.prefix(200)).visible)", at: location(of: node))
        }
        return comments.isEmpty ? kept : rest.trimmingCharacters(in: .whitespaces)
    }

    /// The most a whole-number value (a volume, an issue) may be: every edition can write
    /// it and count on from it without overflowing.
    static let largestNumber = 1_000_000_000

    private func integer(_ node: Node, _ key: String) -> Int? {
        guard let text = string(node, key) else { return nil }
        guard let value = Int(text), (0...Self.largestNumber).contains(value) else {
            log.error(.valueType, "'\(key)' must be a whole number from 0 to \(Self.largestNumber), not '\(text.visible)'", at: location(of: node))
            return nil
        }
        return value
    }

    private func mapping(_ node: Node, _ key: String) -> Node.Mapping? {
        guard case .mapping(let mapping) = node else {
            log.error(.valueType, "'\(key)' must be a mapping", at: location(of: node))
            return nil
        }
        return mapping
    }

    /// Reads a mapping's keys with `read`, warning about keys it does not know (an error
    /// where a mistyped key would publish without what it meant: the marking's).
    private func fields(
        of mapping: Node.Mapping, in key: String, known: Set<String>, unknownIsError: Bool = false, _ read: (String, Node) -> Void
    ) {
        for (keyNode, value) in mapping {
            guard let name = keyNode.string else { continue }
            if known.contains(name) {
                read(name, value)
            } else {
                let message = "unknown key '\(name)' in '\(key)' is not understood\(NearName.hint(for: name, among: known)); known: \(known.sorted().joined(separator: ", "))"
                if unknownIsError {
                    log.error(.unknownKey, message + "; a marking must be read whole", at: location(of: keyNode))
                } else {
                    log.warning(.unknownKey, message, at: location(of: keyNode))
                }
            }
        }
    }

    /// A value editions print as text: a string with typographic punctuation.
    private func prose(_ node: Node, _ key: String) -> String? {
        string(node, key).map(SmartPunctuation.apply)
    }

    private func series(_ node: Node, over below: Series) -> Series? {
        guard let mapping = mapping(node, "series") else { return nil }
        var series = below
        fields(of: mapping, in: "series", known: ["title", "issn", "volume", "issue"]) { name, value in
            switch name {
            case "title": series.title = prose(value, "series.title")
            case "issn": series.issn = issn(value)
            case "volume": series.volume = integer(value, "series.volume")
            default: series.issue = integer(value, "series.issue")
            }
        }
        return series
    }

    private func issn(_ node: Node) -> ISSN? {
        guard let text = string(node, "series.issn") else { return nil }
        if let issn = ISSN(text) { return issn }
        if ISSN.hasValidForm(text) {
            let expected = ISSN.checkCharacter(for: Array(text.replacingOccurrences(of: "-", with: "").prefix(7)))
            log.error(.issnInvalid,
                "ISSN \(text) has a wrong check digit: for \(text.prefix(8)) it must be \(expected)",
                at: location(of: node))
        } else {
            log.error(.issnInvalid, "ISSN '\(text)' must be written NNNN-NNNC (for example 2785-2598)", at: location(of: node))
        }
        return nil
    }

    /// `isbn:` with an ISBN-13 for `print` and for `ebook`, each verified, the two different.
    private func isbns(_ node: Node, over below: ISBNs) -> ISBNs? {
        if case .scalar = node {
            log.error(.isbnInvalid,
                "'isbn' names each edition's ISBN, as every product form of a book has its own: write isbn: {print: …, ebook: …}",
                at: location(of: node))
            return nil
        }
        guard let mapping = mapping(node, "isbn") else { return nil }
        var isbns = below
        fields(of: mapping, in: "isbn", known: ["print", "ebook"], unknownIsError: true) { name, value in
            let isbn = self.isbn(value, "isbn.\(name)")
            if name == "print" { isbns.print = isbn } else { isbns.ebook = isbn }
            if let isbn, isbns.print?.digits == isbns.ebook?.digits {
                log.error(.isbnInvalid,
                    "ISBN \(isbn) is given to both the print edition and the e-book: each product form of a book has an ISBN of its own (ask your ISBN agency for a second)",
                    at: location(of: value))
            }
        }
        return isbns
    }

    private func isbn(_ node: Node, _ key: String) -> ISBN? {
        guard let text = string(node, key) else { return nil }
        if let isbn = ISBN(text) { return isbn }
        switch ISBN.digits(of: text) {
        case let digits? where digits.count == 10 && ISBN.isValidTen(digits):
            log.error(.isbnInvalid,
                "\(text) is an ISBN-10; give the ISBN-13, \(ISBN.thirteen(fromTen: digits)) (978 before its first nine digits, and a check digit of its own)",
                at: location(of: node))
        case let digits? where digits.count == 13 && !ISBN.hasBookPrefix(digits):
            log.error(.isbnInvalid,
                "ISBN \(text) must begin with 978 or 979, as every ISBN-13 does (a number beginning 977 is an ISSN's barcode)",
                at: location(of: node))
        case .some:
            log.error(.isbnInvalid,
                "ISBN \(text) fails its check digit: a digit is probably mistyped; copy it again from your ISBN agency's assignment (do not just change the last digit: that gives another book's ISBN)",
                at: location(of: node))
        case nil:
            log.error(.isbnInvalid,
                "ISBN '\(text)' must be an ISBN-13: 13 digits, hyphens allowed between them (for example 978-0-306-40615-7)",
                at: location(of: node))
        }
        return nil
    }

    /// A string, or a mapping with `name` and `url` (which keeps what `below` gave of them).
    private func nameAndURL(_ node: Node, _ key: String, over below: (String, String?)?) -> (String, String?)? {
        if case .scalar = node { return string(node, key).map { ($0, nil) } }
        guard let mapping = mapping(node, key) else { return nil }
        var name = below?.0
        var url = below?.1
        fields(of: mapping, in: key, known: ["name", "url"]) { field, value in
            if field == "name" {
                name = string(value, "\(key).name")
            } else if let text = string(value, "\(key).url") {
                url = log.activeAddress(text, what: "'\(key).url'", at: location(of: value))
            }
        }
        guard let name else {
            log.error(.valueMissing, "'\(key)' needs a 'name'", at: location(of: node))
            return nil
        }
        return (name, url)
    }

    private func authors(_ node: Node) -> [Author] {
        // One name, as the first try writes it (`authors: Ingrid Sørensen`); several in one
        // string are one author unless written as a list, which is said.
        if case .scalar = node {
            guard let name = string(node, "authors") else { return [] }
            if name.contains(",") || name.contains(";") || name.contains(" and ") || name.contains(": ") {
                log.warning(.valueType, "'authors' is one author, '\(name)'; for several, write a list: authors: [Ann Smith, Bob Jones]", at: location(of: node))
            }
            return [Author(name: name)]
        }
        guard case .sequence(let sequence) = node else {
            log.error(.valueType, "'authors' must be a list of names or of mappings with 'name'", at: location(of: node))
            return []
        }
        return sequence.compactMap { item -> Author? in
            if case .scalar = item { return string(item, "authors").map { Author(name: $0) } }
            guard let mapping = mapping(item, "authors") else { return nil }
            var author = Author(name: "")
            fields(of: mapping, in: "authors", known: ["name", "affiliation", "email"]) { field, value in
                switch field {
                case "name": author.name = string(value, "authors.name") ?? ""
                case "affiliation": author.affiliation = string(value, "authors.affiliation")
                default:
                    guard let email = string(value, "authors.email") else { return }
                    if Address.isEmail(email) {
                        author.email = email
                    } else {
                        log.error(.emailInvalid, "'\(email.visible)' is not an e-mail address (name@example.org)", at: location(of: value))
                    }
                }
            }
            if author.name.isEmpty {
                log.error(.valueMissing, "each author needs a 'name'", at: location(of: item))
                return nil
            }
            return author
        }
    }

    private func date(_ node: Node, _ key: String) -> ReportDate? {
        guard let text = string(node, key) else { return nil }
        guard let date = ReportDate(text) else {
            log.error(.dateInvalid, "'\(key)' must be a date written YYYY-MM-DD, not '\(text)'", at: location(of: node))
            return nil
        }
        return date
    }

    private func language(_ node: Node, _ key: String) -> String? {
        guard let text = string(node, key) else { return nil }
        let subtags = text.split(separator: "-", omittingEmptySubsequences: false)
        let valid = subtags.first.map { (2...8).contains($0.count) && $0.allSatisfy { $0.isASCII && $0.isLetter } } == true
            && subtags.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
        guard valid else {
            log.error(.languageInvalid, "'\(key)' must be a BCP 47 language tag such as en, en-GB or ko, not '\(text)'", at: location(of: node))
            return nil
        }
        return text
    }

    private func stringList(_ node: Node, _ key: String) -> [String] {
        guard case .sequence(let sequence) = node else {
            log.error(.valueType, "'\(key)' must be a list", at: location(of: node))
            return []
        }
        return sequence.compactMap { string($0, key) }
    }

    private func marking(_ node: Node, over below: Marking) -> Marking? {
        guard let mapping = mapping(node, "marking") else { return nil }
        var marking = below
        fields(of: mapping, in: "marking", known: ["tlp", "classification", "notice"], unknownIsError: true) { name, value in
            switch name {
            case "tlp":
                guard let text = string(value, "marking.tlp") else { return }
                let label = text.uppercased().hasPrefix("TLP:") ? String(text.dropFirst(4)) : text
                guard let tlp = TLP(rawValue: label.uppercased()) else {
                    log.error(.tlpInvalid,
                        "'\(text)' is not a TLP label; use one of \(TLP.allCases.map(\.rawValue).joined(separator: ", "))",
                        at: location(of: value))
                    return
                }
                marking.tlp = tlp
            case "classification": marking.classification = string(value, "marking.classification")
            default: marking.notice = string(value, "marking.notice")
            }
        }
        return marking
    }

    /// `accessibility:` with `certifier` (a name) and `conformance` (`auto` or `none`).
    private func accessibility(_ node: Node, over below: Accessibility) -> Accessibility? {
        guard let mapping = mapping(node, "accessibility") else { return nil }
        var accessibility = below
        fields(of: mapping, in: "accessibility", known: ["certifier", "conformance"], unknownIsError: true) { name, value in
            if name == "certifier" {
                accessibility.certifier = prose(value, "accessibility.certifier")
                return
            }
            guard let text = string(value, "accessibility.conformance") else { return }
            guard let conformance = Accessibility.Conformance(rawValue: text.lowercased()) else {
                log.error(.valueType,
                    "'accessibility.conformance' must be auto (the claim made when the e-book meets it) or none, not '\(text)'",
                    at: location(of: value))
                return
            }
            accessibility.conformance = conformance
        }
        return accessibility
    }

    private func cover(_ node: Node) -> String? {
        guard let path = string(node, "cover") else { return nil }
        return files.checkImage(path, what: "cover image", at: location(of: node), log: log)
    }

    /// `true` or `false` (also `yes`, `no`), or, when `allowsAuto`, `auto`: nil.
    private func choice(_ node: Node, _ key: String, allowsAuto: Bool) -> Bool? {
        guard let text = string(node, key) else { return nil }
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        case "auto" where allowsAuto: return nil
        default:
            log.error(.valueType, "'\(key)' must be \(allowsAuto ? "auto, true or false" : "true or false"), not '\(text)'", at: location(of: node))
            return nil
        }
    }

    private func yardstick(_ node: Node) -> Yardstick? {
        guard let text = string(node, "yardstick") else { return nil }
        guard let yardstick = Yardstick(rawValue: text.uppercased()) else {
            log.error(.yardstickInvalid, "'yardstick' must be ICD203 or PHIA, not '\(text)'", at: location(of: node))
            return nil
        }
        return yardstick
    }

    /// An unknown key's value, kept as text, lists and mappings; aliases count against the
    /// node budget, so an alias bomb is refused rather than expanded.
    private func untyped(_ node: Node) -> MetadataValue? {
        budget.remaining -= 1
        guard budget.remaining >= 0 else {
            if budget.remaining == -1 {
                log.error(.yamlTooLarge, BoundedYAML.tooManyValues("the front matter"), at: location(of: node))
            }
            return nil
        }
        switch node {
        case .scalar(let scalar): return .string(carried(scalar.string, at: node))
        case .sequence(let sequence): return .list(sequence.compactMap(untyped))
        case .mapping(let mapping):
            return .map(mapping.compactMap { key, value in untyped(value).map { ExtraField(key: carried(key.string ?? "", at: key), value: $0) } })
        case .alias: return nil
        }
    }
}
