import ReportModel

extension BodyBuilder {
    /// URL schemes a link may keep; anything else (`javascript:`, `file:`, `data:`, …) is
    /// never made active in any output.
    static let linkSchemes: Set<String> = ["http", "https", "mailto", "ftp", "tel"]

    /// Converts inline nodes, merging adjacent text; `owner` gives the position for
    /// diagnostics when an inline node has none of its own.
    func inlines(_ nodes: [MarkdownNode], at owner: MarkdownNode) -> [Inline] {
        var result: [Inline] = []
        func appendText(_ text: String) {
            if case .text(let previous) = result.last {
                result[result.count - 1] = .text(previous + text)
            } else if !text.isEmpty {
                result.append(.text(text))
            }
        }
        for node in nodes {
            let at = node.startLine > 0 ? node : owner
            switch node.kind {
            case .text: appendText(node.literal)
            case .softBreak: appendText(" ")
            case .lineBreak: result.append(.lineBreak)
            case .code: result.append(.code(node.literal))
            case .htmlInline:
                log.warning(
                    "raw HTML '\(node.literal)' is not passed through; it is shown as literal text", at: location(at))
                appendText(node.literal)
            case .emphasis: result.append(.emphasis(inlines(node.children, at: at)))
            case .strong: result.append(.strong(inlines(node.children, at: at)))
            case .strikethrough: result.append(.strikethrough(inlines(node.children, at: at)))
            case .link:
                for inline in link(node, at: at) {
                    if case .text(let text) = inline { appendText(text) } else { result.append(inline) }
                }
            case .image:
                files.check(node.url, what: "image", at: location(at), log: log)
                result.append(
                    .image(
                        InlineImage(
                            source: node.url, alt: BodyBuilder.plainText(of: node.children),
                            title: node.title.isEmpty ? nil : node.title)))
            case .footnoteReference:
                let label = Int(node.literal).flatMap { footnoteLabels[$0] } ?? node.literal
                result.append(.footnoteReference(label))
            default:
                appendText(BodyBuilder.plainText(of: node.children))
            }
        }
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
