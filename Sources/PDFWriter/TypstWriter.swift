import ReportModel
import SharedWriting

/// The Typst source as an edition of its own (`--to typst`): the house template, reading the
/// print XHTML and the print values written beside it (with the images), for desks that
/// typeset in Typst themselves. It compiles as it stands: `typst compile REPORT.typ`.
public struct TypstWriter: EditionWriter {
    let names: TypstProject.Names

    public init(names: TypstProject.Names) {
        self.names = names
    }

    /// Writes the template; the files beside it are the renderer's companions of the edition.
    public func write(_ manuscript: Manuscript, to sink: @escaping (UnsafeRawBufferPointer) -> Void) throws(DiagnosticError) -> [Diagnostic] {
        Array(TypstProject.template(names).utf8).withUnsafeBytes(sink)
        return []
    }
}
