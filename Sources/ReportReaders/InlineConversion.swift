import ReportModel

extension BodyBuilder {
    /// URL schemes a link may keep; anything else (`javascript:`, `file:`, `data:`, …) is
    /// never made active in any output.
    static let linkSchemes: Set<String> = ["http", "https", "mailto", "ftp", "tel"]

    /// Converts inline nodes, merging adjacent text; `owner` gives the position for
    /// diagnostics when an inline node has none of its own.
    func inlines(_ nodes: [MarkdownNode], at owner: MarkdownNode) -> [Inline] {
        var result: [Inline] = []
        // Adjacent text is gathered here and added as one `.text` (cmark splits text at
        // every bracket and underscore); appending to one buffer keeps this linear.
        var pendingText = ""
        func appendText(_ text: String) { pendingText += text }
        func append(_ inline: Inline) {
            if !pendingText.isEmpty {
                result.append(.text(pendingText))
                pendingText = ""
            }
            result.append(inline)
        }
        for node in nodes {
            let at = node.startLine > 0 ? node : owner
            switch node.kind {
            case .text: appendText(node.literal)
            case .softBreak: appendText(" ")
            case .lineBreak: append(.lineBreak)
            case .code: append(.code(node.literal))
            case .htmlInline:
                log.warning(
                    "raw HTML '\(node.literal)' is not passed through; it is shown as literal text", at: location(at))
                appendText(node.literal)
            case .emphasis: append(.emphasis(inlines(node.children, at: at)))
            case .strong: append(.strong(inlines(node.children, at: at)))
            case .strikethrough: append(.strikethrough(inlines(node.children, at: at)))
            case .link:
                for inline in link(node, at: at) {
                    if case .text(let text) = inline { appendText(text) } else { append(inline) }
                }
            case .image:
                files.check(node.url, what: "image", at: location(at), log: log)
                append(
                    .image(
                        InlineImage(
                            source: node.url, alt: BodyBuilder.plainText(of: node.children),
                            title: node.title.isEmpty ? nil : node.title)))
            case .footnoteReference:
                let label = Int(node.literal).flatMap { footnoteLabels[$0] } ?? node.literal
                append(.footnoteReference(label))
            default:
                appendText(BodyBuilder.plainText(of: node.children))
            }
        }
        if !pendingText.isEmpty { result.append(.text(pendingText)) }
        return result
    }

    private func link(_ node: MarkdownNode, at owner: MarkdownNode) -> [Inline] {
        let content = inlines(node.children, at: owner)
        if node.url.hasPrefix("#") {
            let target = String(node.url.dropFirst())
            crossReferences.append((target, location(owner)))
            return [.crossReference(CrossReference(target: target, content: content))]
        }
        if let scheme = FileReferences.scheme(of: node.url), !BodyBuilder.linkSchemes.contains(scheme) {
            log.warning(
                "a link to a \(scheme): address is never made active; its text and address are kept as plain text",
                at: location(owner))
            return content + [.text(" <\(node.url)>")]
        }
        return [.link(Link(url: node.url, title: node.title.isEmpty ? nil : node.title, content: content))]
    }
}
