import ReportModel
import SharedWriting

extension TextContext {
    /// Writes a block at an indentation (in columns), followed by a blank line.
    mutating func write(_ block: Block, indent: Int) {
        switch block {
        case .paragraph(let inlines):
            paragraph(inlineText(inlines), indent: indent)
        case .list(let list):
            write(list, indent: indent)
        case .quote(let blocks):
            quoteColumns.append(indent)
            for block in blocks { write(block, indent: indent + 2) }
            quoteColumns.removeLast()
        case .code(let code):
            writeCode(code, indent: indent + 4)
        case .thematicBreak:
            output.append(indentation(indent) + String(repeating: "* ", count: 3).trimmingTrailingSpaces())
        case .table(let table):
            TableLayout(table: table).write(into: &self, indent: indent)
        case .figure(let figure):
            var text = words.caption(.figure, number: figure.number)
            if !figure.caption.isEmpty { text += " " + inlineText(figure.caption) }
            if figure.alt != figure.caption.plainText { text += " [" + words.labelled(words[.image], figure.alt) + "]" }
            for note in figure.notes(words) {
                text += " — " + words.labelled(note.label, note.text)
                if let url = note.url { text += "<\(linkNumberFor(url))>" }
            }
            paragraph(text, indent: indent)
        case .keyJudgments(let judgments):
            writeKeyJudgments(judgments, indent: indent)
        case .risks(let risks):
            writeRisks(risks, indent: indent)
        case .sources(let sources):
            writeSources(sources, indent: indent)
        }
        output.blank()
    }

    mutating func linkNumberFor(_ url: String) -> Int {
        if let number = linkNumbers[url] { return number }
        links.append(url)
        linkNumbers[url] = links.count
        return links.count
    }

    /// A list with hanging indents; numbers keep their start.
    private mutating func write(_ list: ListBlock, indent: Int) {
        let markers = list.items.indices.map { index in list.ordered ? "\(list.start + index). " : "- " }
        let markerWidth = markers.map(DisplayWidth.of).max() ?? 2
        for (index, item) in list.items.enumerated() {
            var marker = markers[index].padded(to: markerWidth)
            if let task = item.task { marker += task ? "[x] " : "[ ] " }
            writeItem(item.blocks, marker: marker, indent: indent, tight: list.tight)
        }
    }

    /// An item: its first paragraph after the marker, the rest under it.
    mutating func writeItem(_ blocks: [Block], marker: String, indent: Int, tight: Bool) {
        let inner = indent + DisplayWidth.of(marker)
        var rest = blocks[...]
        if case .paragraph(let inlines) = rest.first {
            paragraph(inlineText(inlines), indent: indent, marker: marker)
            rest = rest.dropFirst()
        } else {
            output.append(indentation(indent) + marker.trimmingTrailingSpaces())
        }
        for block in rest {
            if !tight { output.blank() }
            write(block, indent: inner)
            if tight { output.removeTrailingBlank() }
        }
        if !tight { output.blank() }
    }

    /// Code as written; a line wider than the page is broken hard (its continuation
    /// marked `\`), never wrapped at spaces.
    private mutating func writeCode(_ code: CodeBlock, indent: Int) {
        let prefix = indentation(indent)
        let room = width - DisplayWidth.of(prefix)
        var lines = code.text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        for line in lines {
            var current = ""
            var currentWidth = 0
            for character in line.replacingTabs() {
                let characterWidth = DisplayWidth.of(character)
                if currentWidth + characterWidth > room - 1 {
                    output.append(prefix + current + "\\")
                    current = ""
                    currentWidth = 0
                }
                current.append(character)
                currentWidth += characterWidth
            }
            output.append(prefix + current)
        }
    }
}

extension Substring {
    fileprivate func replacingTabs() -> String {
        String(flatMap { $0 == "\t" ? Array("    ") : [$0] })
    }
}
