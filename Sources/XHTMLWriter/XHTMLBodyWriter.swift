import ReportModel
import SharedWriting
import XMLSupport

/// The XHTML markup of a report's blocks and sections, for an edition that lays out its
/// own documents (the e-book): it chooses where links and images point and how notes are
/// set, and the markup is the XHTML edition's own.
public struct XHTMLBodyWriter {
    private let context: XHTMLContext

    public init(_ manuscript: Manuscript, addressing: any XHTMLAddressing, footnoteStyle: FootnoteStyle) {
        context = XHTMLContext(manuscript: manuscript, addressing: addressing, footnoteStyle: footnoteStyle)
    }

    public func write(_ block: Block, into parent: XMLElement) {
        context.write(block, into: parent)
    }

    public func write(_ section: Section, into parent: XMLElement) {
        context.write(section, into: parent)
    }

    /// Writes the notes referenced since the last call, when notes go at the end of a
    /// document; nothing otherwise.
    public func writePendingNotes(into parent: XMLElement) {
        context.writePendingNotes(into: parent)
    }

    /// The same a note at a time: the section the notes go into (nil when there are
    /// none), then each note in turn (false when none is left), so that a streamed
    /// document writes and lets go of each before the next.
    public func pendingNotesSection(in parent: XMLElement) -> XMLElement? {
        context.pendingNotesSection(in: parent)
    }

    public func writeNextPendingNote(into section: XMLElement) -> Bool {
        context.writeNextPendingNote(into: section)
    }
}
