/// A report in Report Markdown whose every kind of block has more parts than a writer
/// streams whole (`XMLElement.streamingThreshold`): key judgments, a section of many
/// paragraphs, a paragraph of many inlines, tight and loose lists (a nested list in some
/// items), a table with a caption, a quote, a risk register and sources, with notes
/// referenced from each, so that notes set where first referenced land in the same place
/// when the blocks are written as the document is serialised.
public enum LongBlocks {
    public static func markdown(parts count: Int) -> String {
        var lines = ["---", "title: Long blocks", "yardstick: ICD203", "---", "", "Lead with a note.[^a]", ""]
        lines.append("## Key judgments {.key-judgments}\n")
        lines += (0..<count).map { "\($0 + 1). **J\($0):** judged.[^a] {likelihood=likely}" }
        lines.append("\n## Many paragraphs\n")
        lines += (0..<count).map { "Paragraph \($0) with [a link](https://example.org/\($0)) and a note.[^b]\n" }
        lines.append("## One long paragraph\n")
        lines.append((0..<count).map { "word\($0) *em\($0)* [see](#many-paragraphs)[^c]" }.joined(separator: " ") + "\n")
        lines.append("## A list\n")
        lines += (0..<count).map { "- item \($0)[^d]" + ($0 % 50 == 0 ? "\n  - nested" : "") }
        lines.append("\n## A loose list\n")
        lines += (0..<count).map { "1. item \($0)\n" }
        lines.append("## A table\n")
        lines.append("| a | b |\n|---|--:|\n" + (0..<count).map { "| r\($0)[^e] | \($0) |\n" }.joined() + "\nTable: Rows {#rows}\n")
        lines.append("## A quote\n")
        lines.append((0..<count).map { "> quoted \($0)" }.joined(separator: "\n>\n") + "\n")
        lines.append("## Risks {.risks}\n")
        lines += (0..<count).map { "\($0 + 1). **R\($0):** risky.[^f] {likelihood=likely impact=major}" }
        lines.append("\n## Sources {.sources}\n")
        lines += (0..<count).map { "\($0 + 1). Source \($0).[^a] {grade=B2}" }
        lines.append("")
        lines += ["a", "b", "c", "d", "e", "f"].map { "[^\($0)]: Note \($0), see [the rows](#rows)." }
        return lines.joined(separator: "\n") + "\n"
    }
}
