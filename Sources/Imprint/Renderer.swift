import DocBookWriter
import EPUBWriter
import Foundation
import ReportModel
import ReportReaders
import TextWriter
import XHTMLWriter

/// One edition rendered in memory.
struct RenderedOutput {
    var bytes: [UInt8]
    var warnings: [String]
}

/// An edition could not be rendered.
struct RenderFailure: Error {
    var diagnostic: Diagnostic

    init(_ message: String, file: String? = nil) {
        diagnostic = Diagnostic(.error, message, at: file.map { SourceLocation(file: $0, line: 1, column: 1) })
    }
}

/// Renders the editions of one report.
struct Renderer: Sendable {
    let report: Report
    let options: BuildOptions
    let progress: @Sendable (String) -> Void
    /// Every image the report uses, found once: the e-book carries them, the build stamp
    /// records them.
    let imagePaths: [String]
    /// What every writer needs to know of the whole report, worked out once for all.
    let index: ReportIndex

    init(report: Report, options: BuildOptions, progress: @escaping @Sendable (String) -> Void) {
        self.report = report
        self.options = options
        self.progress = progress
        imagePaths = report.imagePaths
        index = ReportIndex(report)
    }

    /// Renders an edition into its file, and gives its warnings. All but the PDF go into
    /// the file piece by piece as they are made, never whole in memory.
    func render(_ format: OutputFormat, into file: OutputFile) -> Result<[String], RenderFailure> {
        func whole(_ rendered: Result<RenderedOutput, RenderFailure>) -> Result<[String], RenderFailure> {
            rendered.map { output in
                output.bytes.withUnsafeBytes(file.write)
                return output.warnings
            }
        }
        switch format {
        case .docbook:
            return .success(DocBookWriter(index: index).write(report, to: file.write))
        case .xhtml:
            // Written into the output folder beside its style sheet and its images, which
            // `companions` gives.
            let css = options.outputBase + ".css"
            return .success(xhtmlWriter(stylesheet: .linked(css), resourcePrefix: "").write(report, to: file.write))
        case .epub:
            return epub(into: file)
        case .text, .brief:
            let writer = TextWriter(
                options: .init(width: options.textWidth, profile: format == .text ? .full : .brief, ascii: options.ascii),
                index: index)
            writer.write(report, to: file.write)
            return .success([])
        case .pdf:
            return whole(pdf())
        }
    }

    /// The PDF: the XHTML with the style sheet embedded, fed to the engine on standard
    /// input with the report's folder as base URL.
    private func pdf() -> Result<RenderedOutput, RenderFailure> {
        let stylesheet: String
        switch printStyleSheet() {
        case .success(let css): stylesheet = css
        case .failure(let failure): return .failure(failure)
        }
        let (xhtml, warnings) = xhtmlWriter(stylesheet: .embedded(stylesheet), resourcePrefix: "").write(report)
        progress("rendering \(options.fileName(of: .pdf)) with \(options.pdfEngine)")
        return PDFEngine(command: options.pdfEngine, timeout: options.pdfTimeout, file: options.displayName).render(
            xhtml: xhtml, baseDirectory: Paths.folder(of: options.referencePath),
            sourceDateEpoch: SourceDate.epoch(for: report.metadata)
        ).map { RenderedOutput(bytes: $0, warnings: warnings) }
    }

    /// The e-book, into its file as it is made: our e-book style sheet and the user's, and
    /// every image the report uses, read from the report's folder (and nowhere else).
    private func epub(into file: OutputFile) -> Result<[String], RenderFailure> {
        do throws(RenderFailure) {
            var css = [try StyleSheets.shipped("epub.css")]
            for path in options.userStylesheets { css.append("/* --css \(path) */\n" + (try StyleSheets.user(path))) }
            var resources: [String: [UInt8]] = [:]
            for image in try images(for: "epub") { resources[image.reference] = image.bytes }
            let writer = EPUBWriter(
                options: .init(
                    splitDepth: options.epubSplitDepth, stylesheet: css.joined(separator: "\n"),
                    uuidURN: DefaultIdentifier.uuidURN(for: report.metadata.identifier),
                    modified: SourceDate.epoch(for: report.metadata), generator: "Imprint \(Imprint.version)"))
            do {
                return .success(
                    try writer.write(report, resources: resources, imagePaths: imagePaths, index: index, to: file.write))
            } catch {
                throw RenderFailure("epub: \(error.description)", file: options.displayName)
            }
        } catch {
            return .failure(error)
        }
    }

    private func realpath(_ path: String) -> String? {
        guard let resolved = Foundation.realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Every image the report uses, read from the report's folder (and nowhere else): as
    /// the report refers to it, where it is relative to that folder, and its bytes.
    private func images(for edition: String) throws(RenderFailure) -> [(reference: String, path: String, bytes: [UInt8])] {
        let files = FileReferences(reportPath: options.referencePath)
        let folder = files.folder ?? "."
        var images: [(String, String, [UInt8])] = []
        for reference in imagePaths {
            switch files.resolve(reference) {
            case .success(let real):
                do {
                    images.append((reference, String(real.dropFirst(folder == "/" ? 1 : folder.count + 1)), try InputFile.read(real)))
                } catch {
                    throw RenderFailure("\(edition): cannot read the image '\(reference)'", file: options.displayName)
                }
            case .failure(let problem):
                throw RenderFailure("\(edition): the image '\(reference)' \(problem.explanation)", file: options.displayName)
            }
        }
        return images
    }

    /// Files written with an edition: the XHTML edition's style sheet and the images it
    /// shows, at the same places relative to it as beside the report, so that the output
    /// folder can be moved or published as it is.
    func companions(of format: OutputFormat) -> Result<[(name: String, bytes: [UInt8])], RenderFailure> {
        guard format == .xhtml else { return .success([]) }
        do throws(RenderFailure) {
            let css = try printStyleSheet().get()
            // Written beside the report, the XHTML finds the images where they are.
            let besideReport = FileReferences(reportPath: options.referencePath).folder == realpath(options.outputDirectory)
            let images = besideReport ? [] : try images(for: "xhtml").map { (name: $0.path, bytes: $0.bytes) }
            var seen: Set<String> = []
            return .success([(options.outputBase + ".css", Array(css.utf8))] + images.filter { seen.insert($0.name).inserted })
        } catch {
            return .failure(error)
        }
    }

    /// Our print style sheet, then the paper size, then the user's style sheets: one cascade.
    func printStyleSheet() -> Result<String, RenderFailure> {
        do throws(RenderFailure) {
            var parts = [try StyleSheets.shipped("print.css")]
            if options.paper != .a4 { parts.append("/* --paper \(options.paper.rawValue) */\n@page { size: \(options.paper.cssSize); }\n") }
            for path in options.userStylesheets {
                parts.append("/* --css \(path) */\n" + (try StyleSheets.user(path)))
            }
            return .success(parts.joined(separator: "\n"))
        } catch {
            return .failure(error)
        }
    }

    /// The print edition's XHTML.
    private func xhtmlWriter(stylesheet: XHTMLWriter.StyleSheet, resourcePrefix: String) -> XHTMLWriter {
        XHTMLWriter(
            options: .init(stylesheets: [stylesheet], resourcePrefix: resourcePrefix, generator: "Imprint \(Imprint.version)"),
            index: index)
    }
}
