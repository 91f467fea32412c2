import ReportModel
import XMLSupport

/// Turns the parsed Markdown tree into the report's lead, sections and footnotes,
/// applying every rule of docs/report-markdown.md §2–4.
final class BodyBuilder {
    let source: SourceText
    let log: DiagnosticLog
    let files: FileReferences
    let yardstick: Yardstick
    let identifiers = Identifiers()

    /// Footnote labels by the index cmark gives each definition (1-based, in reference order).
    var footnoteLabels: [Int: String] = [:]
    /// Every `[](#id)` seen, checked once all ids are known.
    var crossReferences: [(target: String, location: SourceLocation)] = []
    var figureCount = 0
    var tableCount = 0
    /// The attributes looked for in the text so far, for a diagnostic at their column: past
    /// `AnalyticItems.attributeSearches`, a diagnostic stands at its item.
    var attributeSearches = 0
    /// The kinds of Pandoc syntax reported so far (each is reported once).
    var pandocSyntaxSeen: Set<PandocSyntax> = []

    init(source: SourceText, log: DiagnosticLog, files: FileReferences, yardstick: Yardstick) {
        self.source = source
        self.log = log
        self.files = files
        self.yardstick = yardstick
    }

    struct Body {
        var lead: [Block] = []
        var sections: [Section] = []
        var footnotes: [Footnote] = []
        /// The text of the `#` heading, when there is one.
        var headingTitle: String?
        var headingLocation: SourceLocation?
    }

    /// The body built so far; the sections still open, innermost last; blocks waiting for
    /// the lead or the open section.
    private var body = Body()
    private var open: [Section] = []
    private var pending: [Block] = []

    /// The plain text of the first `#` heading among top-level blocks, if any (read before
    /// the metadata, which may take its title from it).
    static func headingTitle(of blocks: [MarkdownNode]) -> String? {
        blocks.first { $0.kind == .heading && $0.level == 1 }.map { heading in
            BodyBuilder.plainText(of: heading.children).trimmingWhitespace()
        }
    }

    /// Builds the body of a whole parsed text. `document` is left empty.
    func build(_ document: MarkdownNode) -> Body {
        let definitions = document.children.filter { $0.kind == .footnoteDefinition }
        for (index, definition) in definitions.enumerated() {
            footnoteLabels[index + 1] = footnoteLabel(of: definition)
        }
        var content = document.children.filter { $0.kind != .footnoteDefinition }
        document.children = []
        add(&content)
        warnOf(document.droppedCharacters)
        return finish(definitions: definitions)
    }

    /// Converts top-level blocks (footnote definitions apart), in the order of the text: all
    /// of them at once, or a piece of the text at a time (see `PieceParser`). Each block
    /// is let go once its part of the model is built, so a large report's Markdown tree
    /// and model are never both whole in memory. `content` is left holding placeholders.
    func add(_ content: inout [MarkdownNode]) {
        let converted = MarkdownNode(kind: .document)
        var index = 0
        while index < content.count {
            let node = content[index]
            if node.kind == .heading {
                flush()
                if node.level == 1 {
                    titleHeading(node)
                } else {
                    close(downTo: node.level)
                    let parentLevel = open.last?.level ?? 1
                    if node.level > parentLevel + 1 {
                        log.warning(.headingLevelSkipped,
                            "heading level \(node.level) follows level \(parentLevel): a level is skipped",
                            at: location(node))
                    }
                    open.append(section(from: node))
                }
                content[index] = converted
                index += 1
                continue
            }
            let kind = open.last?.kind ?? .standard
            let next = convert(content, at: index, sectionKind: kind, into: &pending)
            for done in index..<next { content[done] = converted }
            index = next
        }
    }

    /// The body, once every block is added: sections numbered and given ids, footnotes
    /// built from their definitions (in the order of their numbers), cross-references
    /// checked.
    func finish(definitions: [MarkdownNode]) -> Body {
        flush()
        close(downTo: 0)
        body.sections = numbered(body.sections, prefix: nil, appendixIndex: 0)
        body.footnotes = definitions.enumerated().map { index, definition in
            let label = footnoteLabels[index + 1] ?? "\(index + 1)"
            let content = blocks(of: definition.children, sectionKind: .standard)
            let id = identifiers.derive(from: "fn-" + label, fallback: "fn-\(index + 1)", at: location(definition))
            return Footnote(label: label, id: id, number: index + 1, blocks: content)
        }
        assignSectionIDs(&body.sections)
        checkCrossReferences()
        warnAboutFootnotesLeftOut()
        checkNoteChains(definitions: definitions)
        return body
    }

    /// An error when notes refer to notes more than `Report.noteChainLimit` deep.
    private func checkNoteChains(definitions: [MarkdownNode]) {
        let notes = Report(metadata: Metadata(title: ""), footnotes: body.footnotes)
        guard let (label, message) = notes.noteChainProblem, let number = body.footnotes.first(where: { $0.label == label })?.number
        else { return }
        log.error(.nestingTooDeep, message, at: location(definitions[number - 1]))
    }

    /// Gives the blocks waiting to the open section, or to the lead.
    private func flush() {
        guard !pending.isEmpty else { return }
        if open.isEmpty { body.lead += pending } else { open[open.count - 1].blocks += pending }
        pending = []
    }

    /// Closes the open sections of `level` and deeper, each into its parent or the body.
    private func close(downTo level: Int) {
        while let last = open.last, last.level >= level {
            open.removeLast()
            if open.isEmpty { body.sections.append(last) } else { open[open.count - 1].subsections.append(last) }
        }
    }

    // MARK: - Headings and sections

    private func titleHeading(_ node: MarkdownNode) {
        if body.headingTitle != nil {
            log.error(.titleHeadingRepeated,
                "a report has at most one '#' heading (its title); use '##' for sections", at: location(node))
            return
        }
        body.headingTitle = BodyBuilder.plainText(of: node.children).trimmingWhitespace()
        body.headingLocation = location(node)
    }

    /// The classes that give a heading's section a meaning (docs/report-markdown.md §4).
    static let headingClasses = SectionKind.allCases.compactMap(\.className) + ["unnumbered"]

    private func section(from node: MarkdownNode) -> Section {
        let (children, attributes) = splitTrailingAttributes(of: node)
        warnAboutAttributes(of: node, found: attributes)
        var kind = SectionKind.standard
        var classes: [String] = []
        var extra: [Attribute] = []
        var id = ""
        if let attributes {
            classes = attributes.classes
            extra = attributes.attributes
            if let explicit = attributes.id {
                identifiers.claim(explicit, at: location(node), log: log)
                id = explicit
            }
            let kinds = classes.compactMap(SectionKind.init(className:))
            if kinds.count > 1 {
                log.error(.sectionKindsConflict,
                    "a section has one meaning; this heading has \(kinds.map { "." + $0.rawValue }.joined(separator: " and "))",
                    at: location(node))
            }
            kind = kinds.first ?? .standard
            // A class Imprint does not know is the desk's style hook, unless it is a slip
            // for one Imprint knows: then the section's meaning would be lost without a word.
            for name in classes where SectionKind(className: name) == nil && name != "unnumbered" {
                guard let meant = NearName.suggestion(for: name, among: Self.headingClasses) else { continue }
                log.warning(.unknownClass,
                    "the heading class '.\(name)' has no meaning to Imprint (did you mean '.\(meant)'?)",
                    at: location(node))
            }
            // `{#summary}` where `.summary` was meant: the brief would have no bottom line.
            if kind == .standard, id == SectionKind.summary.rawValue {
                log.warning(.unknownClass,
                    "the id '#summary' does not make this section the report's summary (its bottom line, in the brief); write {#summary .summary}",
                    at: location(node))
            }
            for attribute in extra {
                log.warning(.unknownAttribute, "the heading attribute '\(attribute.key)' is kept but has no meaning", at: location(node))
            }
        }
        return Section(
            id: id, classes: classes, attributes: extra, kind: kind, level: node.level,
            title: inlines(children, at: node))
    }

    /// Numbers sections 1, 1.1, …; appendices A, A.1, …; `.unnumbered` ones and everything
    /// below them get none.
    private func numbered(_ sections: [Section], prefix: String?, appendixIndex: Int) -> [Section] {
        var counter = 0
        var appendices = appendixIndex
        return sections.map { section in
            var section = section
            let unnumbered = section.classes.contains("unnumbered")
            if unnumbered {
                section.number = nil
            } else if prefix == nil, section.kind == .appendix {
                let letter = Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8(appendices % 26)))
                appendices += 1
                section.number = String(letter)
            } else {
                counter += 1
                section.number = prefix.map { "\($0).\(counter)" } ?? "\(counter)"
            }
            if let number = section.number {
                section.subsections = numbered(section.subsections, prefix: number, appendixIndex: 0)
            } else {
                section.subsections = section.subsections.map(\.withoutNumbers)
            }
            return section
        }
    }

    /// Gives every section without a `{#id}` an id derived from its title, in document order.
    private func assignSectionIDs(_ sections: inout [Section]) {
        for index in sections.indices {
            if sections[index].id.isEmpty {
                sections[index].id = identifiers.derive(
                    from: sections[index].title.plainText, fallback: "section", at: source.location(line: 1))
            }
            assignSectionIDs(&sections[index].subsections)
        }
    }

    private func checkCrossReferences() {
        for reference in crossReferences where !identifiers.contains(reference.target) {
            log.error(.referenceUnresolved,
                "the cross-reference '#\(reference.target)' points to no section, figure, table or item of this report",
                at: reference.location)
        }
    }

    /// cmark-gfm drops footnote definitions that nothing refers to, and every definition of
    /// a label after the first (labels match whatever their case); so that no text is lost
    /// without a word, each one is found in the source and reported.
    private func warnAboutFootnotesLeftOut() {
        let referenced = Set(footnoteLabels.values)
        let opening = Array("[^".utf8)
        var firstLines: [String: Int] = [:]
        for line in 1...max(1, source.lineCount) {
            let text = source.line(line)
            let indent = text.prefix { $0 == UInt8(ascii: " ") }.count
            guard indent <= 3, text.dropFirst(indent).starts(with: opening) else { continue }
            let rest = text.dropFirst(indent + 2)
            guard let close = rest.firstIndex(of: UInt8(ascii: "]")), rest.index(after: close) < rest.endIndex,
                rest[rest.index(after: close)] == UInt8(ascii: ":")
            else { continue }
            let label = String(decoding: rest[..<close], as: UTF8.self)
            if let first = firstLines[label.lowercased()] {
                log.warning(.footnoteDuplicate,
                    "the footnote [^\(label)] is defined again (first on line \(first)); this definition appears in no edition",
                    at: source.location(line: line))
                continue
            }
            firstLines[label.lowercased()] = line
            if !referenced.contains(label) {
                log.warning(.footnoteUnused,
                    "the footnote [^\(label)] is never referenced, so it appears in no edition",
                    at: source.location(line: line))
            }
        }
    }

    /// A warning for each node from which the parser left out characters that no edition
    /// can carry (see `MarkdownParser.DroppedCharacters`), given before `finish`.
    func warnOf(_ droppedCharacters: [MarkdownParser.DroppedCharacters]) {
        for dropped in droppedCharacters {
            let names = dropped.scalars.map(XMLCharacters.name).joined(separator: ", ")
            let written = dropped.scalars.count == 1 ? "written as a character reference: no output can carry it" : "written as character references: no output can carry them"
            log.warning(.characterDropped,
                "dropped \(names), \(written)",
                at: source.location(line: max(dropped.line, 1), byteColumn: max(dropped.column, 1)))
        }
    }

    // MARK: - Positions

    /// The kinds of node whose end depends on what follows them (see `location`).
    private static let containers: Set<MarkdownNode.Kind> = [.document, .blockQuote, .list, .item, .footnoteDefinition, .table]

    /// Where `node` starts, and where it ends (the last character's column) when cmark knows
    /// and the end is the node's own: a container (a list, an item, a quote, a note) ends
    /// where what follows it lets cmark close it, which a report read in pieces would see
    /// differently, so its end is left unknown.
    func location(_ node: MarkdownNode) -> SourceLocation {
        var location = source.location(line: node.startLine, byteColumn: max(node.startColumn, 1))
        if !Self.containers.contains(node.kind), node.endLine >= location.line, node.endColumn > 0 {
            let end = source.position(line: node.endLine, lastByte: node.endColumn)
            if end.line > location.line || end.column >= location.column { location.end = end }
        }
        return location
    }

    /// Reads `[^label]` from the line on which a footnote definition starts.
    private func footnoteLabel(of definition: MarkdownNode) -> String {
        let line = source.lineText(definition.startLine)
        guard let open = line.range(of: "[^"), let close = line[open.upperBound...].firstIndex(of: "]") else {
            return ""
        }
        return String(line[open.upperBound..<close])
    }

    static func plainText(of nodes: [MarkdownNode]) -> String {
        var text = ""
        var stack = Array(nodes.reversed())
        while let node = stack.popLast() {
            switch node.kind {
            case .text, .code: text += node.literal
            case .htmlInline: text += HTMLComments.split(node.literal).rest
            case .softBreak, .lineBreak: text += " "
            default: stack.append(contentsOf: node.children.reversed())
            }
        }
        return text
    }
}

extension Section {
    fileprivate var withoutNumbers: Section {
        var section = self
        section.number = nil
        section.subsections = subsections.map(\.withoutNumbers)
        return section
    }
}
