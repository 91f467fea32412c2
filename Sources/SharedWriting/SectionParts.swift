import ReportModel

/// One part of a section's content: a block, or a subsection.
public enum SectionPart {
    case block(Block)
    case subsection(Section)
}

/// A section's content in the order it is written, its blocks and then its subsections,
/// for writers that add a section a part at a time (`XMLElement.streamChildren(adding:with:)`).
public struct SectionParts: RandomAccessCollection {
    let section: Section

    public init(_ section: Section) { self.section = section }

    public var startIndex: Int { 0 }
    public var endIndex: Int { section.blocks.count + section.subsections.count }

    public subscript(position: Int) -> SectionPart {
        position < section.blocks.count
            ? .block(section.blocks[position]) : .subsection(section.subsections[position - section.blocks.count])
    }
}
