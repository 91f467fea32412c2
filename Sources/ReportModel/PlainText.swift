extension Array where Element == Inline {
    /// The words of the inlines with all markup removed: for ids, alt text and metadata.
    public var plainText: String {
        var result = ""
        var stack = Array(reversed())
        while let inline = stack.popLast() {
            switch inline {
            case .text(let text), .code(let text): result += text
            case .emphasis(let content), .strong(let content), .strikethrough(let content):
                stack.append(contentsOf: content.reversed())
            case .link(let link): stack.append(contentsOf: link.content.reversed())
            case .crossReference(let reference): stack.append(contentsOf: reference.content.reversed())
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
    public var plainText: String {
        var lines: [String] = []
        for block in self {
            switch block {
            case .paragraph(let inlines): lines.append(inlines.plainText)
            case .list(let list): lines += list.items.map(\.blocks.plainText)
            case .quote(let blocks): lines.append(blocks.plainText)
            case .code(let code): lines.append(code.text)
            case .thematicBreak: break
            case .table(let table):
                lines += ([table.header] + table.rows).map { $0.cells.map(\.plainText).joined(separator: " ") }
                if let caption = table.caption { lines.append(caption.plainText) }
            case .figure(let figure): lines.append(figure.caption.plainText)
            case .keyJudgments(let items): lines += items.map { $0.title.plainText + " " + $0.blocks.plainText }
            case .risks(let items): lines += items.map { $0.title.plainText + " " + $0.blocks.plainText }
            case .sources(let items): lines += items.map(\.blocks.plainText)
            }
        }
        return lines.joined(separator: "\n")
    }
}
