import DOCXWriter
import DocBookWriter
import EPUBWriter
import Foundation
import ReportModel
import ReportReaders
import SharedWriting
import TextWriter
import XHTMLWriter

/// Renders the editions of one report.
struct Renderer: Sendable {
    /// The report with its index and the images it uses, made once for every edition.
    let manuscript: Manuscript
    let plan: BuildPlan
    /// Where the report's images are: its folder, and the desk's asset folders.
    let files: FileReferences
    /// The style sheets, each read once for every edition that needs them.
    let styles: Result<BuildStyles, DiagnosticError>
    /// The moment the editions claim to be made (`SourceDate`).
    let modified: Int
    let progress: @Sendable (String) -> Void

    /// `images`: the files of the report's images, as the reader read and checked them.
    init(report: Report, words: Words, images: [String: ImageFile], plan: BuildPlan, progress: @escaping @Sendable (String) -> Void) {
        manuscript = Manuscript(report, words: words, images: images)
        self.plan = plan
        files = FileReferences(reportPath: plan.referencePath, assetFolders: plan.desk.assetFolders)
        styles = Result { () throws(DiagnosticError) in try BuildStyles.read(for: plan, words: words) }
        modified = SourceDate.epoch(for: report.metadata)
        self.progress = progress
    }

    var report: Report { manuscript.report }

    /// Renders an edition into its file, and gives its warnings. All but the PDF go into
    /// the file piece by piece as they are made, never whole in memory.
    func render(_ format: OutputFormat, into file: OutputFile) throws(DiagnosticError) -> [Diagnostic] {
        switch format {
        case .docbook:
            return DocBookWriter().write(manuscript, to: file.write)
        case .xhtml:
            // Written into the output folder beside its style sheet and its images, which
            // `companions` gives.
            let css = plan.outputBase + ".css"
            return xhtmlWriter(stylesheet: .linked(css)).write(manuscript, to: file.write)
        case .epub:
            return try epub(into: file)
        case .docx:
            return try docx(into: file)
        case .text, .brief:
            let writer = TextWriter(
                options: .init(width: plan.settings.textWidth, profile: format == .text ? .full : .brief, ascii: plan.settings.ascii))
            return writer.write(manuscript, to: file.write)
        case .pdf:
            let (pdf, warnings) = try self.pdf()
            pdf.withUnsafeBytes(file.write)
            return warnings
        }
    }

    /// The PDF: the XHTML with the style sheet embedded, fed to the engine with the
    /// report's folder as base URL.
    private func pdf() throws(DiagnosticError) -> (bytes: [UInt8], warnings: [Diagnostic]) {
        let style = try styles.get().print
        let (xhtml, warnings) = xhtmlWriter(stylesheet: .embedded(style.text), forPrint: true).write(manuscript)
        progress("rendering \(plan.fileName(of: .pdf)) with \(plan.settings.pdfEngine)")
        let rendered = try PDFEngine(
            command: plan.settings.pdfEngine, timeout: plan.settings.pdfTimeout, standard: plan.settings.pdfStandard, file: plan.displayName).render(
            xhtml: xhtml, baseDirectory: FolderRule.folder(of: plan.referencePath), assetFolders: files.assetFolders,
            sourceDateEpoch: modified
        ).get()
        let engineWarnings = style.diagnostics(rendered.warnings, embeddedFirstLine: XHTMLWriter.embeddedStyleFirstLine)
        return (rendered.pdf, warnings + engineWarnings)
    }

    /// The Word edition, into its file as it is made, with the styles of the desk's
    /// template (`--reference-doc`) when it names one.
    private func docx(into file: OutputFile) throws(DiagnosticError) -> [Diagnostic] {
        let resources = try imageBytes(for: "docx")
        let template = try plan.settings.referenceDoc.map { path throws(DiagnosticError) in (try ReferenceDocument.styles(at: path), path) }
        let writer = DOCXWriter(
            options: .init(modified: modified, page: plan.settings.paper.wordPage, referenceStyles: template))
        return try writer.write(manuscript, resources: resources, to: file.write)
    }

    /// The e-book, into its file as it is made: our e-book style sheet and the user's, and
    /// every image the report uses.
    private func epub(into file: OutputFile) throws(DiagnosticError) -> [Diagnostic] {
        let resources = try imageBytes(for: "epub")
        let writer = EPUBWriter(
            options: .init(
                splitDepth: plan.settings.epubSplitDepth, stylesheet: try styles.get().epub,
                modified: modified, generator: "Imprint \(Imprint.version)"))
        return undated(modified: modified) + (try writer.write(manuscript, resources: resources, to: file.write))
    }

    /// An e-book needs a date: without one in the front matter it has no publication date,
    /// and, unless SOURCE_DATE_EPOCH gives one, a modification date of 1970-01-01 (a build
    /// never takes the clock's, so that it can be reproduced).
    private func undated(modified: Int) -> [Diagnostic] {
        guard report.metadata.date == nil, report.metadata.updated == nil else { return [] }
        let consequence =
            modified == 0 ? "the e-book has no publication date and is marked as modified on 1970-01-01" : "the e-book has no publication date"
        return [Diagnostic(
            .warning, .epubUndated, "epub: the report has no date, so \(consequence); add 'date: YYYY-MM-DD' to the front matter",
            at: .file(plan.displayName))]
    }

    private func realpath(_ path: String) -> String? {
        guard let resolved = Foundation.realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Every image the report uses, by the path the report gives, as the reader read and
    /// checked it.
    private func images(for edition: String) throws(DiagnosticError) -> [(reference: String, file: ImageFile)] {
        try manuscript.imagePaths.map { reference throws(DiagnosticError) in
            guard let image = manuscript.images[reference] else {
                throw DiagnosticError(
                    error: .internal, "\(edition): the image '\(reference)' was not read with the report", at: .file(plan.displayName))
            }
            return (reference, image)
        }
    }

    /// The bytes of every image the report uses, by the path the report gives.
    private func imageBytes(for edition: String) throws(DiagnosticError) -> [String: [UInt8]] {
        Dictionary(try images(for: edition).map { ($0.reference, $0.file.bytes) }) { first, _ in first }
    }

    /// Files written with an edition: the XHTML edition's style sheet and the images it
    /// shows, at the same places relative to it as beside the report, so that the output
    /// folder can be moved or published as it is.
    func companions(of format: OutputFormat) throws(DiagnosticError) -> [(name: String, bytes: [UInt8])] {
        guard format == .xhtml else { return [] }
        let css = try styles.get().print.text
        // Written beside the report, the XHTML finds the images where they are.
        let besideReport = files.folder == realpath(plan.outputDirectory)
        let images = besideReport ? [] : try images(for: "xhtml").map { (name: $0.file.path, bytes: $0.file.bytes) }
        var seen: Set<String> = []
        return [(plan.outputBase + ".css", Array(css.utf8))] + images.filter { seen.insert($0.name).inserted }
    }

    /// The print edition's XHTML, images found from where it is written.
    private func xhtmlWriter(stylesheet: XHTMLWriter.StyleSheet, forPrint: Bool = false) -> XHTMLWriter {
        XHTMLWriter(
            options: .init(
                stylesheets: [stylesheet], resourcePrefix: "", generator: "Imprint \(Imprint.version)", keepsNamesWhole: forPrint,
                resourceURLs: forPrint ? assetURLs : [:]))
    }

    /// The images found in the desk's asset folders, by the path the report gives: their
    /// file URLs, for the PDF engine (whose base is the report's folder).
    private var assetURLs: [String: String] {
        var urls: [String: String] = [:]
        for reference in manuscript.imagePaths {
            if case .success(let real) = files.resolve(reference), files.isAsset(real) { urls[reference] = URL(fileURLWithPath: real).absoluteString }
        }
        return urls
    }
}
