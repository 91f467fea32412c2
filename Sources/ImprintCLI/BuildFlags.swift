import ArgumentParser
import Imprint

/// The options that shape a build's editions, one set for `build` and `watch`. Each is nil
/// (or empty, or off) when not given: the plan takes it from the desk's configuration or
/// Imprint's default (`BuildPlan.resolve`), so no default is written here.
struct BuildFlags: ParsableArguments {
    @Option(
        name: [.customShort("t"), .long],
        help: "The editions to write, as a comma list (default: every published edition; typst, the Typst source, when named); Pandoc's html, docbook5 and plain are taken as xhtml, docbook and text.",
        completion: .custom { _, _, prefix in Editions.completions(after: prefix) })
    var to: Editions?

    @Option(
        name: [.customShort("o"), .long],
        help: "The folder to write into (default: \(BuildPlan.defaultOutput)); with build, also the file of one edition (FILE\(OutputFormat.fileEndings)), or - for standard output.")
    var output: String?

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(help: "The print edition's paper: a4 or letter (default: \(BuildSettings.defaults.paper.rawValue)).", completion: .list(Paper.allCases.map(\.rawValue)))
    var paper: String?

    @Option(
        name: .customLong("css"), help: "A style sheet of yours, applied after Imprint's (repeatable).",
        completion: .file(extensions: ["css"]))
    var stylesheets: [String] = []

    @Option(
        name: .customLong("reference-doc"),
        help: "A Word document (.docx) whose styles the Word edition takes, as Pandoc's --reference-doc does; Imprint's own styles fill in those it lacks.",
        completion: .file(extensions: ["docx"]))
    var referenceDoc: String?

    @Option(
        name: .customLong("pdf-engine"),
        help: "The print engine: weasyprint (the default) or typst, each run as Imprint's own sandboxed worker; or a command with WeasyPrint's command line, run outside Imprint's sandbox.",
        completion: .list(BuildSettings.pdfEngines))
    var pdfEngine: String?

    @Option(name: .customLong("pdf-timeout"), help: "The most seconds one PDF may take before the build fails (default: \(BuildSettings.defaults.pdfTimeout)).")
    var pdfTimeout: Int?

    @Option(
        name: .customLong("pdf-standard"),
        help: "The PDF's standard: \(BuildSettings.defaults.pdfStandard.rawValue) (a tagged PDF, the default), pdf/a-3u or another of the engine's variants, for archives that require one.",
        completion: .list(BuildSettings.pdfStandards))
    var pdfStandard: String?

    @Option(name: .customLong("epub-split-depth"), help: "Split the e-book into one document per section down to this level (default: \(BuildSettings.defaults.epubSplitDepth), top-level sections).")
    var epubSplitDepth: Int?

    @Option(help: "The text editions' width in columns (\(BuildSettings.widths.lowerBound) to \(BuildSettings.widths.upperBound); default: \(BuildSettings.defaults.textWidth)).")
    var width: Int?

    @Flag(help: "Spell typographic punctuation in ASCII in the text editions.")
    var ascii = false

    @Flag(help: "Build even when the last build's editions are current.")
    var force = false

    /// The request for `report` with these flags and the desk options.
    func request(for report: String, desk: DeskOptions) -> BuildRequest {
        var request = desk.request(for: report)
        request.to = to?.text
        request.output = output
        request.strict = strict
        request.paper = paper
        request.stylesheets = stylesheets
        request.referenceDoc = referenceDoc
        request.pdfEngine = pdfEngine
        request.pdfTimeout = pdfTimeout
        request.pdfStandard = pdfStandard
        request.epubSplitDepth = epubSplitDepth
        request.width = width
        request.ascii = ascii
        request.force = force
        return request
    }
}

/// `--to`'s value: a comma list of editions, each checked as the command line is read (so
/// a wrong one gets the build's usage and the list of editions), offered by completions.
struct Editions: ExpressibleByArgument {
    var text: String

    init(text: String) { self.text = text }

    init?(argument: String) {
        guard (try? OutputFormat.parseList(argument)) != nil else { return nil }
        text = argument
    }

    static var allValueStrings: [String] { OutputFormat.allCases.map(\.rawValue) }

    /// What a comma list of editions may go on with: `pdf,e` → `pdf,epub`; an edition
    /// already in the list is not offered again.
    static func completions(after prefix: String) -> [String] {
        let parts = prefix.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let done = parts.dropLast()
        let current = parts.last ?? ""
        let head = done.isEmpty ? "" : done.joined(separator: ",") + ","
        return allValueStrings.filter { $0.hasPrefix(current) && !done.contains($0) }.map { head + $0 }
    }
}
