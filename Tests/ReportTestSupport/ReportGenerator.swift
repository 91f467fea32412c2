import ReportModel

/// SplitMix64: a small, seeded generator, so every generated report can be made again.
public struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Generates arbitrary reports, including shapes Markdown cannot produce but a JSON model
/// can (links in links, footnotes in titles, empty everything), to try the writers on.
public struct ReportGenerator {
    public var random: SeededGenerator
    private var footnoteLabels: [String] = []
    private var ids: [String] = []
    private var nextID = 0

    public init(seed: UInt64) { random = SeededGenerator(seed: seed) }

    public mutating func report() -> Report {
        footnoteLabels = (0..<Int.random(in: 0...3, using: &random)).map { "n\($0)" }
        let metadata = self.metadata()
        let sections = (0..<Int.random(in: 0...4, using: &random)).map { _ in section(level: 2) }
        let footnotes = footnoteLabels.enumerated().map { index, label in
            Footnote(label: label, id: "fn-\(label)", number: index + 1, blocks: maybe() ? [] : blocks(depth: 2))
        }
        return Report(metadata: metadata, lead: maybe() ? [] : blocks(depth: 0), sections: sections, footnotes: footnotes)
    }

    private mutating func maybe(_ odds: Int = 2) -> Bool { Int.random(in: 0..<odds, using: &random) == 0 }

    private mutating func pick<T>(_ values: [T]) -> T { values[Int.random(in: 0..<values.count, using: &random)] }

    private mutating func word() -> String {
        pick(["alpha", "Москва", "평양", "“quoted”", "a & b", "<tag>", "x]]>y", "naïve", "😀", "tab\there", "", " "])
    }

    private mutating func newID() -> String {
        nextID += 1
        let id = "id-\(nextID)"
        ids.append(id)
        return id
    }

    private mutating func metadata() -> Metadata {
        let full = maybe()
        return Metadata(
            title: word() + " title", subtitle: full ? word() : nil,
            series: full ? Series(title: maybe() ? word() : nil, issn: ISSN("2785-2598"), volume: maybe() ? 1 : nil, issue: 2) : (maybe() ? Series() : nil),
            publisher: full ? Publisher(name: word(), url: maybe() ? "https://example.org" : nil) : nil,
            authors: full ? [Author(name: word(), affiliation: word(), email: "a@example.org"), Author(name: word())] : [],
            date: full ? ReportDate("2024-06-19") : nil, updated: full ? ReportDate("2024-06-20") : nil,
            lang: pick(["en", "ko", "ru-RU"]), identifier: "urn:uuid:00000000-0000-5000-8000-000000000000",
            keywords: full ? [word(), word()] : [],
            marking: full ? Marking(tlp: pick(TLP.allCases), classification: maybe() ? word() : nil, notice: maybe() ? word() : nil) : (maybe() ? Marking() : nil),
            rights: full ? word() : nil, license: full ? License(name: word(), url: maybe() ? "https://l.example" : nil) : nil,
            cover: full ? "cover.svg" : nil, contact: full ? word() : nil, yardstick: pick(Yardstick.allCases),
            extra: full ? [ExtraField(key: "desk", value: .map([ExtraField(key: "k", value: .list([.string(word())]))]))] : [])
    }

    private mutating func section(level: Int) -> Section {
        let kind = pick(SectionKind.allCases)
        var section = Section(
            id: newID(), classes: kind.className.map { [$0] } ?? [], number: maybe() ? "1" : nil, kind: kind,
            level: level, title: maybe(4) ? [] : inlines(depth: 1))
        section.blocks = maybe(3) ? [] : blocks(depth: 0)
        if level < 5, maybe() { section.subsections = (0..<Int.random(in: 1...2, using: &random)).map { _ in self.section(level: level + 1) } }
        return section
    }

    private mutating func blocks(depth: Int) -> [Block] {
        (0..<Int.random(in: 1...4, using: &random)).map { _ in block(depth: depth) }
    }

    private mutating func block(depth: Int) -> Block {
        let choice = depth > 3 ? 0 : Int.random(in: 0..<11, using: &random)
        switch choice {
        case 0: return .paragraph(maybe(5) ? [] : inlines(depth: 0))
        case 1:
            let items = (0..<Int.random(in: 0...3, using: &random)).map { _ in
                ListItem(id: maybe(3) ? newID() : nil, classes: maybe() ? ["c"] : [], task: maybe() ? nil : maybe(),
                         blocks: maybe(4) ? [] : blocks(depth: depth + 1))
            }
            return .list(ListBlock(ordered: maybe(), start: pick([1, 0, 7]), tight: maybe(), items: items.isEmpty ? [ListItem(blocks: [])] : items))
        case 2: return .quote(maybe(4) ? [] : blocks(depth: depth + 1))
        case 3: return .code(CodeBlock(language: maybe() ? "swift" : nil, text: word() + "\n  indented\n"))
        case 4: return .thematicBreak
        case 5:
            let columns = Int.random(in: 0...3, using: &random)
            let row = { (generator: inout ReportGenerator) in
                TableRow(cells: (0..<Int.random(in: 0...columns + 1, using: &generator.random)).map { _ in generator.inlines(depth: 1) })
            }
            return .table(Table(
                id: maybe() ? newID() : nil, number: 1, caption: maybe() ? inlines(depth: 1) : nil,
                alignments: (0..<columns).map { _ in pick([.none, .left, .center, .right]) }, header: row(&self),
                rows: (0..<Int.random(in: 0...2, using: &random)).map { _ in row(&self) }))
        case 6:
            return .figure(Figure(
                id: maybe() ? newID() : nil, number: 1, source: "img/a b.svg", caption: maybe() ? [] : inlines(depth: 1),
                alt: word(), credit: maybe() ? word() : nil, license: maybe() ? word() : nil,
                licenseURL: maybe() ? "https://l.example" : nil, sourceURL: maybe() ? "https://s.example" : nil,
                width: maybe() ? "50%" : nil, attributes: maybe() ? [Attribute(key: "k", value: word())] : []))
        case 7:
            return .keyJudgments((0..<Int.random(in: 0...2, using: &random)).map { _ in
                KeyJudgment(id: maybe() ? newID() : nil, title: maybe(3) ? [] : inlines(depth: 1), blocks: maybe(3) ? [] : blocks(depth: depth + 1),
                            likelihood: maybe() ? .icd203(.likely) : .percent(5), confidence: maybe() ? .high : nil, impact: maybe() ? .minor : nil)
            })
        case 8:
            return .risks((0..<Int.random(in: 0...2, using: &random)).map { _ in
                Risk(id: maybe() ? newID() : nil, title: maybe(3) ? [] : inlines(depth: 1), blocks: maybe(3) ? [] : blocks(depth: depth + 1),
                     likelihood: maybe() ? .phia(.remoteChance) : nil, impact: maybe() ? .severe : nil, confidence: maybe() ? .low : nil)
            })
        case 9:
            return .sources((0..<Int.random(in: 0...2, using: &random)).map { _ in
                Source(id: maybe() ? newID() : nil, blocks: maybe(3) ? [] : blocks(depth: depth + 1), grade: maybe() ? AdmiraltyGrade("A1") : nil)
            })
        default:
            return .paragraph(inlines(depth: 0))
        }
    }

    private mutating func inlines(depth: Int) -> [Inline] {
        (0..<Int.random(in: 1...5, using: &random)).map { _ in inline(depth: depth) }
    }

    private mutating func inline(depth: Int) -> Inline {
        let choice = depth > 2 ? 0 : Int.random(in: 0..<11, using: &random)
        switch choice {
        case 0: return .text(word())
        case 1: return .emphasis(inlines(depth: depth + 1))
        case 2: return .strong(inlines(depth: depth + 1))
        case 3: return .strikethrough(inlines(depth: depth + 1))
        case 4: return .code(word())
        case 5: return .link(Link(url: "https://example.org/?a=1&b=2", title: maybe() ? word() : nil, content: maybe(4) ? [] : inlines(depth: depth + 1)))
        case 6: return .crossReference(CrossReference(target: ids.last ?? "nowhere", content: maybe() ? [] : inlines(depth: depth + 1)))
        case 7: return .image(InlineImage(source: "i.svg", alt: word(), title: maybe() ? word() : nil))
        case 8: return .lineBreak
        case 9: return .footnoteReference(footnoteLabels.isEmpty || maybe(4) ? "missing" : pick(footnoteLabels))
        default: return .text(word())
        }
    }
}
