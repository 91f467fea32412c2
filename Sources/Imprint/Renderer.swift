import DOCXWriter
import DocBookWriter
import EPUBWriter
import ONIXWriter
import Foundation
import PDFWriter
import ReportModel
import ReportReaders
import SharedWriting
import SystemSupport
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
    /// The printed number of the page each section begins on, once the PDF of this build
    /// is made: the Word edition's contents show them (`Pipeline.renderAll` makes it after).
    let pagination = Locked<[String: Int]>([:])

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
        let writer = try self.writer(for: format)
        if format == .pdf { progress("rendering \(plan.fileName(of: .pdf)) with \(plan.settings.pdfEngine)") }
        do {
            return (format == .epub ? undated() : []) + (try writer.write(manuscript, to: file.write))
        } catch let error as DiagnosticError {
            throw error
        } catch {
            throw DiagnosticError(error: .internal, "\(format.rawValue): \(error)", at: .file(plan.displayName))
        }
    }

    /// The writer of each edition, set up with this build's settings.
    func writer(for format: OutputFormat) throws(DiagnosticError) -> any EditionWriter {
        switch format {
        case .docbook:
            return DocBookWriter()
        case .xhtml:
            // Written into the output folder beside its style sheet and its images, which
            // `companions` gives.
            return xhtmlWriter([.linked(plan.outputBase + ".css")])
        case .epub:
            return EPUBWriter(
                options: .init(
                    splitDepth: plan.settings.epubSplitDepth, stylesheet: try styles.get().epub, modified: modified,
                    generator: "Imprint \(Imprint.version)", deskStyleSheets: plan.settings.stylesheets))
        case .docx:
            // With the styles of the desk's template (`--reference-doc`) when it names one.
            let template = try plan.settings.referenceDoc.map { path throws(DiagnosticError) in (try ReferenceDocument.styles(at: path), path) }
            return DOCXWriter(
                options: .init(modified: modified, page: plan.settings.paper.wordPage, referenceStyles: template, contentsPages: pagination.withLock { $0 }))
        case .text, .brief:
            return TextWriter(
                options: .init(width: plan.settings.textWidth, profile: format == .text ? .full : .brief, ascii: plan.settings.ascii))
        case .pdf:
            // For WeasyPrint, the print XHTML with the style sheet embedded, fed to the engine
            // with the report's folder as base URL; for Typst, the print XHTML beside the
            // house template, each image at its name in the project.
            let style = try styles.get().print
            let engine = PDFEngine(
                command: plan.settings.pdfEngine, timeout: plan.settings.pdfTimeout, standard: plan.settings.pdfStandard, file: plan.displayName)
            let xhtml = engine.usesTypst ? typstXHTMLWriter : xhtmlWriter([.embedded(style.text)], forPrint: true, resourceURLs: assetURLs, outlinesShapedSVGText: true)
            // The Word edition's contents show where each section begins in print.
            var paginated: (@Sendable ([String: Int]) -> Void)?
            if plan.settings.formats.contains(.docx) {
                let pagination = pagination
                paginated = { pages in pagination.withLock { $0 = pages } }
            }
            return PDFWriter(
                xhtml: xhtml, style: style, engine: engine, baseDirectory: FolderRule.folder(of: plan.referencePath),
                assetFolders: files.assetFolders, modified: modified, paper: plan.settings.paper.millimetres, paginated: paginated)
        case .typst:
            return TypstWriter(names: typstNames)
        case .onix:
            // A product for each digital edition of this build.
            let forms = plan.settings.formats.compactMap { format -> ONIXWriter.Form? in
                switch format {
                case .epub: .epub
                case .pdf: .pdf
                case .docx: .docx
                default: nil
                }
            }
            return ONIXWriter(
                options: .init(
                    forms: forms, pdfIsUniversallyAccessible: plan.settings.pdfStandard == .ua1, modified: modified,
                    deskStyleSheets: plan.settings.stylesheets))
        }
    }

    /// The names of `--to typst`'s files.
    private var typstNames: TypstProject.Names { .edition(base: plan.outputBase) }

    /// The print XHTML Typst reads: no style sheet, each image at its name in the project.
    private var typstXHTMLWriter: XHTMLWriter {
        xhtmlWriter([], forPrint: true, resourceURLs: TypstProject.imageNames(manuscript))
    }

    /// An e-book needs a date: without one in the front matter it has no publication date,
    /// and, unless SOURCE_DATE_EPOCH gives one, a modification date of 1970-01-01 (a build
    /// never takes the clock's, so that it can be reproduced).
    private func undated() -> [Diagnostic] {
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

    /// Files written with an edition: the XHTML edition's style sheet and the images it
    /// shows, at the same places relative to it as beside the report, so that the output
    /// folder can be moved or published as it is.
    func companions(of format: OutputFormat) throws(DiagnosticError) -> [(name: String, bytes: [UInt8])] {
        if format == .typst {
            let project = try TypstProject(manuscript: manuscript, xhtml: typstXHTMLWriter, paper: plan.settings.paper.millimetres, names: typstNames)
            return project.files.filter { $0.name != typstNames.template }
        }
        guard format == .xhtml else { return [] }
        let css = try styles.get().print.text
        // Written beside the report, the XHTML finds the images where they are.
        let besideReport = files.folder == realpath(plan.outputDirectory)
        let images: [(name: String, bytes: [UInt8])] = besideReport ? [] : try manuscript.imagePaths.map { reference throws(DiagnosticError) in
            guard let image = manuscript.images[reference] else {
                throw DiagnosticError(error: .internal, "xhtml: the image '\(reference)' was not read with the report", at: .file(plan.displayName))
            }
            return (name: image.path, bytes: image.bytes)
        }
        var seen: Set<String> = []
        return [(plan.outputBase + ".css", Array(css.utf8))] + images.filter { seen.insert($0.name).inserted }
    }

    /// An XHTML writer with `stylesheets`, each image addressed by `resourceURLs` where it
    /// names one (else where it is written); for print (`forPrint`), names kept whole.
    private func xhtmlWriter(
        _ stylesheets: [XHTMLWriter.StyleSheet], forPrint: Bool = false, resourceURLs: [String: String] = [:], outlinesShapedSVGText: Bool = false
    ) -> XHTMLWriter {
        XHTMLWriter(
            options: .init(
                stylesheets: stylesheets, resourcePrefix: "", generator: "Imprint \(Imprint.version)", keepsNamesWhole: forPrint,
                resourceURLs: resourceURLs, outlinesShapedSVGText: outlinesShapedSVGText))
    }

    /// The images found in the desk's asset folders, by the path the report gives: their
    /// file URLs, for the PDF engine (whose base is the report's folder).
    private var assetURLs: [String: String] {
        var urls: [String: String] = [:]
        for (reference, image) in manuscript.images where files.isAsset(image.location) {
            urls[reference] = URL(fileURLWithPath: image.location).absoluteString
        }
        return urls
    }
}
