import ReportModel

/// HTML comments (`<!-- … -->`): every Markdown author expects them to stay invisible, and
/// reports use them for notes that must not be published. They reach no edition and no
/// metadata; `imprint check` lists each one, so that an editor can review them before release.
enum HTMLComments {
    /// The comments in raw HTML and what is left without them; each comment with the
    /// number of lines and the byte column (1-based) in its line at which it starts.
    static func split(_ html: String) -> (comments: [(text: String, line: Int, column: Int)], rest: String) {
        var comments: [(String, Int, Int)] = []
        var rest = ""
        var remaining = Substring(html)
        var line = 0
        var lineStart = html.startIndex
        func advance(to index: String.Index) {
            for position in html[remaining.startIndex..<index].indices where html[position] == "\n" {
                line += 1
                lineStart = html.index(after: position)
            }
        }
        while let open = remaining.range(of: "<!--") {
            guard let close = remaining[open.upperBound...].range(of: "-->") else { break }
            rest += remaining[..<open.lowerBound]
            advance(to: open.lowerBound)
            let column = html.utf8.distance(from: lineStart, to: open.lowerBound) + 1
            let text = remaining[open.upperBound..<close.lowerBound].trimmed(of: " \t\n")
            comments.append((text, line, column))
            advance(to: close.upperBound)
            remaining = remaining[close.upperBound...]
        }
        rest += remaining
        return (comments, rest)
    }
}

extension BodyBuilder {
    /// Lists the comments in an HTML block or inline node as notes at their places (counted
    /// from `position`, the node itself or, for an inline without a position, its owner),
    /// and gives what is left of its HTML.
    func removingComments(from node: MarkdownNode, at position: MarkdownNode) -> String {
        let (comments, rest) = HTMLComments.split(node.literal)
        for comment in comments {
            let line = position.startLine + comment.line
            let column = comment.line == 0 ? max(position.startColumn, 1) + comment.column - 1 : comment.column
            log.note(.htmlComment,
                "HTML comment, left out of every edition: \(String(comment.text.prefix(200)).visible)",
                at: source.location(line: line, byteColumn: column))
        }
        return rest
    }
}

extension StringProtocol {
    /// The text without the characters of `set` at either end.
    fileprivate func trimmed(of set: String) -> String {
        let trimmed = drop { set.contains($0) }
        return String(trimmed.reversed().drop { set.contains($0) }.reversed())
    }
}
