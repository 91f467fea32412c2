import ReportModel
import XMLSupport

/// Which parts of a report are large enough to be written as the document is serialised
/// (`XMLElement.streamChildren`): those with more than `XMLElement.streamingThreshold`
/// parts of their own (items, rows, blocks, inlines), and those that hold one. Only an
/// element whose parent is streamed can stream its own children, so every container on
/// the way down to a large block streams too; the rest are written at once, which is
/// cheaper for the many small ones.
public enum LargeBlocks {
    static let threshold = XMLElement.streamingThreshold

    public static func isLarge(_ section: Section) -> Bool {
        section.blocks.count + section.subsections.count > threshold || holdsLarge(section.blocks)
            || section.subsections.contains(where: isLarge)
    }

    public static func isLarge(_ block: Block) -> Bool {
        switch block {
        case .paragraph(let inlines): inlines.count > threshold
        case .list(let list): list.items.count > threshold || list.items.contains { isLarge($0.blocks) }
        case .quote(let blocks): isLarge(blocks)
        case .table(let table): table.rows.count > threshold
        case .keyJudgments(let judgments): judgments.count > threshold || judgments.contains { isLarge($0.blocks) }
        case .risks(let risks): risks.count > threshold || risks.contains { isLarge($0.blocks) }
        case .sources(let sources): sources.count > threshold || sources.contains { isLarge($0.blocks) }
        case .code, .thematicBreak, .figure: false
        }
    }

    /// Whether the blocks of one container (a quote, an item) are large: many, or one of
    /// them large.
    public static func isLarge(_ blocks: [Block]) -> Bool { blocks.count > threshold || holdsLarge(blocks) }

    /// Whether any of `blocks` is large.
    static func holdsLarge(_ blocks: [Block]) -> Bool { blocks.contains(where: isLarge) }
}
