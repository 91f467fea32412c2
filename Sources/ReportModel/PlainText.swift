extension Array where Element == Inline {
    /// The words of the inlines with all markup removed: for ids, alt text and metadata.
    public var plainText: String { plainText(labels: [:]) }

    /// The words, a cross-reference without words of its own given its label from
    /// `labels` (`Report.referenceLabels`), as the editions show it.
    public func plainText(labels: [String: String]) -> String {
        var result = ""
        var stack = Array(reversed())
        while let inline = stack.popLast() {
            switch inline {
            case .text(let text), .code(let text): result += text
            case .emphasis(let content), .strong(let content), .strikethrough(let content):
                stack.append(contentsOf: content.reversed())
            case .link(let link): stack.append(contentsOf: link.content.reversed())
            case .crossReference(let reference):
                if reference.content.isEmpty { result += labels[reference.target] ?? "" }
                stack.append(contentsOf: reference.content.reversed())
            case .image(let image): result += image.alt
            case .lineBreak: result += " "
            case .footnoteReference: break
            }
        }
        return result
    }
}

extension Array where Element == Block {
    /// The words of the blocks, one paragraph a line, with all markup removed.
    public var plainText: String { plainText(labels: [:]) }

    /// The words, cross-references without words given their labels (see
    /// `[Inline].plainText(labels:)`).
    public func plainText(labels: [String: String]) -> String {
        var lines: [String] = []
        for block in self {
            switch block {
            case .paragraph(let inlines): lines.append(inlines.plainText(labels: labels))
            case .list(let list): lines += list.items.map { $0.blocks.plainText(labels: labels) }
            case .quote(let blocks): lines.append(blocks.plainText(labels: labels))
            case .code(let code): lines.append(code.text)
            case .thematicBreak: break
            case .table(let table):
                lines += ([table.header] + table.rows).map { $0.cells.map { $0.plainText(labels: labels) }.joined(separator: " ") }
                if let caption = table.caption { lines.append(caption.plainText(labels: labels)) }
            case .figure(let figure): lines.append(figure.caption.plainText(labels: labels))
            case .keyJudgments(let items): lines += items.map { $0.title.plainText(labels: labels) + " " + $0.blocks.plainText(labels: labels) }
            case .risks(let items): lines += items.map { $0.title.plainText(labels: labels) + " " + $0.blocks.plainText(labels: labels) }
            case .sources(let items): lines += items.map { $0.blocks.plainText(labels: labels) }
            }
        }
        return lines.joined(separator: "\n")
    }
}
