import Foundation
import PDFWriter
import ReportModel
import ReportReaders

extension BuildPlan {
    /// Why a request cannot be planned.
    public enum Refusal: Error, Sendable {
        /// A value the command line gives is wrong: told with the command's usage (exit status 2).
        case usage(String)
        /// A desk file, or the place of the editions, is wrong: each problem at its place
        /// (exit status 1).
        case problems([Diagnostic])

        /// The refusal as diagnostics, a usage problem placed at `report`: for a build
        /// that goes on without the command line (a folder's report, a watched save).
        public func diagnostics(at report: String) -> [Diagnostic] {
            switch self {
            case .usage(let message): [Diagnostic(.error, .optionInvalid, message, at: .file(report))]
            case .problems(let problems): problems
            }
        }
    }

    /// What a plan is for: a build writes, so where its editions go is settled and held to
    /// the folder rule; `check` and `model` only read the report.
    public enum Purpose: Sendable {
        case build
        case read
    }

    /// The folder editions go to when nothing names one.
    public static let defaultOutput = "out"

    /// The plan for `request`: the desk's configuration for the report read once (the file
    /// `--config` names, or the trusted `imprint.yml` files from the report's folder up),
    /// then every setting taken from the command line, else the configuration, else
    /// `BuildSettings.defaults`, each checked by its one rule (`SettingRules`). Every
    /// problem is found before any is told.
    public static func resolve(_ request: BuildRequest, for purpose: Purpose = .build) throws(Refusal) -> BuildPlan {
        try resolve(request, desk: configuration(for: request), for: purpose)
    }

    /// The desk's configuration for `request`'s report, values the folder rule refuses left
    /// out and listed in its `refused` (a plan refuses them; `imprint config` shows them).
    public static func configuration(for request: BuildRequest) throws(Refusal) -> DeskConfiguration {
        guard !request.report.isEmpty else { throw .usage("the report's path is empty") }
        do {
            return try DeskConfiguration.load(for: request.referencePath, config: request.config, refusing: false)
        } catch {
            throw .problems(error.diagnostics)
        }
    }

    /// The plan for `request` with its desk's configuration already read.
    public static func resolve(_ request: BuildRequest, desk: DeskConfiguration, for purpose: Purpose) throws(Refusal) -> BuildPlan {
        var values = Values(desk: desk)
        var settings = BuildSettings.defaults
        // `-o FILE.pdf` names its edition: a desk's list of editions does not override it.
        let outputNamesEdition = request.output.flatMap(OutputFormat.named(by:)) != nil
        settings.formats = values.value(SettingRules.formats, given: request.to, fromDesk: !outputNamesEdition) ?? settings.formats
        settings.paper = values.value(SettingRules.paper, given: request.paper) ?? settings.paper
        settings.textWidth = values.value(SettingRules.width, given: request.width.map(String.init)) ?? settings.textWidth
        settings.pdfStandard = values.value(SettingRules.pdfStandard, given: request.pdfStandard) ?? settings.pdfStandard
        settings.pdfTimeout = values.value(SettingRules.pdfTimeout, given: request.pdfTimeout.map(String.init)) ?? settings.pdfTimeout
        settings.epubSplitDepth = values.value(SettingRules.splitDepth, given: request.epubSplitDepth.map(String.init)) ?? settings.epubSplitDepth
        settings.referenceDoc = values.value(SettingRules.referenceDoc, given: request.referenceDoc)
        settings.stylesheets = values.list(SettingRules.stylesheet, given: request.stylesheets)
        // A desk names one of the two engines; only the command line may name a command.
        settings.pdfEngine = request.pdfEngine ?? values.value(SettingRules.pdfEngine, given: nil) ?? settings.pdfEngine
        if settings.pdfEngine == PDFEngine.typstCommand, !settings.stylesheets.isEmpty {
            values.refuseStylesheets(given: request.stylesheets, engineFromDesk: request.pdfEngine == nil)
        }
        settings.strict = request.strict
        settings.ascii = request.ascii
        settings.metadataOverrides = request.metadata
        let configuredOutput = values.value(SettingRules.output, given: request.output)
        var plan = BuildPlan(request: request, settings: settings, desk: desk, outputDirectory: configuredOutput ?? defaultOutput)
        // (Naming the PDF's engine or its settings asks for the PDF too.)
        plan.editionsAsked = request.to != nil || desk.buildOptions["to"] != nil || outputNamesEdition
            || request.pdfEngine != nil || request.pdfStandard != nil || request.pdfTimeout != nil
            || ["pdf-engine", "pdf-standard", "pdf-timeout"].contains { desk.buildOptions[$0] != nil }
        if purpose == .build, values.usage.isEmpty {
            // The editions were asked for (on the command line, or by the desk's list), not
            // left to the name of one edition's file.
            let editionsGiven = request.to != nil || (!outputNamesEdition && desk.buildOptions["to"] != nil)
            try plan.placeOutput(
                named: request.output != nil || configuredOutput != nil ? plan.outputDirectory : nil, editionsGiven: editionsGiven,
                values: &values)
        }
        if let usage = values.usage.first { throw .usage(usage) }
        let problems = desk.refused + values.problems
        if problems.contains(where: { $0.severity == .error }) { throw .problems(problems) }
        return plan
    }

    /// The plan of one report of a folder build: the report's own settings, from its
    /// nearest desk configuration, with its editions in its folder's place under this plan's
    /// output folder (`DIR/asia/brief.md` → `out/asia/brief.*`).
    func planning(report: String, under folder: String) throws(Refusal) -> BuildPlan {
        var request = self.request
        request.report = report
        var plan = try BuildPlan.resolve(request, for: .read)
        plan.outputDirectory = FolderBuild.outputFolder(for: report, under: folder, in: outputDirectory)
        plan.outputRoot = outputDirectory
        return plan
    }

    /// Settles where the editions go: the folder named (`output`, nil for the default),
    /// one edition's file (`-o brief.pdf`), or standard output (`-o -`). A place the
    /// command line gives wrongly is usage; one a desk gives wrongly, a problem at its line.
    private mutating func placeOutput(named output: String?, editionsGiven: Bool, values: inout Values) throws(Refusal) {
        // The default is Imprint's choice, not the user's: it is held to the folder rule, so
        // an `out` link shipped in a downloaded folder is never followed out of it.
        if output == nil, FolderRule.confine(outputDirectory, to: ".") == nil {
            values.problems.append(
                Diagnostic(
                    .error, .fileOutsideFolder,
                    "the default output folder '\(outputDirectory)' is a link that leads out of this folder; Imprint does not follow it: name the folder with -o",
                    at: nil))
        }
        let fromDesk = request.output == nil ? desk.buildOptions["output"] : nil
        func refuse(_ problem: String) throws(Refusal) {
            guard let fromDesk else { throw .usage("-o \(outputDirectory) " + problem) }
            values.problems.append(Diagnostic(.error, .optionInvalid, "'output' (\(outputDirectory)) " + problem, at: fromDesk.location))
        }
        var isFolder: ObjCBool = false
        buildsFolder = FileManager.default.fileExists(atPath: input, isDirectory: &isFolder) && isFolder.boolValue
        if outputDirectory == "-" {
            guard settings.formats.count == 1, !buildsFolder else {
                return try refuse("writes one edition of one report to standard output: name the edition with --to")
            }
            writesStandardOutput = true
            return
        }
        // `-o FILE.EXT`, as Pandoc and Typst read it: one edition, written to that file (not
        // a folder that exists, nor one written with a trailing `/`).
        if outputDirectory.hasSuffix("/") || (FileManager.default.fileExists(atPath: outputDirectory, isDirectory: &isFolder) && isFolder.boolValue) {
            // (`sample/` is the folder `sample`: its files are `sample/x.pdf`, not `sample//x.pdf`.)
            while outputDirectory.count > 1, outputDirectory.hasSuffix("/") { outputDirectory.removeLast() }
            return
        }
        guard let named = OutputFormat.named(by: outputDirectory) else {
            // A name with an extension that is no edition's (`x.html`, `x.md`) is a file the
            // user meant, never a folder to make.
            let name = outputDirectory.split(separator: "/").last.map(String.init) ?? outputDirectory
            // (A file's extension: two to four letters, as `.html` or `.md`; `rel-1.2` and
            // `out.d` are folders.)
            guard let dot = name.lastIndex(of: "."), dot != name.startIndex, (3...5).contains(name[dot...].count),
                name[name.index(after: dot)...].allSatisfy(\.isLetter)
            else { return }
            let ext = name[dot...].lowercased()
            let html = [".html", ".htm"].contains(ext) ? " (Imprint writes XHTML, which browsers open: name it \(name[..<dot]).xhtml)" : ""
            return try refuse(
                "names a file whose extension, \(ext), is no edition's\(html); an edition's file ends in one of \(OutputFormat.fileEndings), and a folder is written DIR/")
        }
        guard !buildsFolder else {
            return try refuse("names one file, but a folder of reports is built into a folder: give a folder (DIR/)")
        }
        // The edition is the one the editions asked for name (`--to`, or the desk's `to:`),
        // or else the one the file's extension names.
        if editionsGiven {
            guard settings.formats.count == 1 else {
                return try refuse("names one file, but \(settings.formats.count) editions are asked for: give a folder (DIR/) or one edition")
            }
        } else {
            settings.formats = [named]
        }
        let slash = outputDirectory.lastIndex(of: "/")
        let folder = slash.map { String(outputDirectory[..<$0]) } ?? "."
        outputName = slash.map { String(outputDirectory[outputDirectory.index(after: $0)...]) } ?? outputDirectory
        outputDirectory = folder.isEmpty ? "/" : folder
    }
}

/// A setting as the command line and a desk file spell it, and its one rule: what it
/// must be, said alike wherever the value came from.
struct SettingRule<Value>: Sendable {
    /// The command line's spelling: `--paper`.
    let flag: String
    /// The desk file's key: `paper`; nil when only the command line gives it.
    let key: String?
    /// What a value must be: `a4 or letter`.
    let expected: String
    /// The value a text stands for; nil when the text is wrong.
    let parse: @Sendable (String) -> Value?
}

/// Every setting's rule, once.
enum SettingRules {
    static let formats = SettingRule(flag: "--to", key: "to", expected: "editions among \(OutputFormat.available)") { text in
        try? OutputFormat.parseList(text)
    }
    static let paper = SettingRule(flag: "--paper", key: "paper", expected: "a4 or letter") { Paper(rawValue: $0.lowercased()) }
    static let width = SettingRule(
        flag: "--width", key: "width",
        expected: "from \(BuildSettings.widths.lowerBound) to \(BuildSettings.widths.upperBound)"
    ) { text in Int(text).flatMap { BuildSettings.widths.contains($0) ? $0 : nil } }
    static let pdfStandard = SettingRule(
        flag: "--pdf-standard", key: "pdf-standard", expected: "one of \(PDFStandard.names.joined(separator: ", "))"
    ) { PDFStandard(rawValue: $0.lowercased()) }
    static let pdfTimeout = SettingRule(flag: "--pdf-timeout", key: nil, expected: "a number of seconds above 0") { text in
        Int(text).flatMap { $0 > 0 ? $0 : nil }
    }
    static let splitDepth = SettingRule(
        flag: "--epub-split-depth", key: nil,
        expected: "from \(BuildSettings.splitDepths.lowerBound) to \(BuildSettings.splitDepths.upperBound)"
    ) { text in Int(text).flatMap { BuildSettings.splitDepths.contains($0) ? $0 : nil } }
    static let output = SettingRule(flag: "-o/--output", key: "output", expected: "a folder, an edition's file or -") { $0.isEmpty ? nil : $0 }
    static let stylesheet = SettingRule(flag: "--css", key: "css", expected: "a style sheet's path") { $0.isEmpty ? nil : $0 }
    /// A desk's print engine: one of the two Imprint runs itself (a command is the command
    /// line's alone, never a downloaded folder's).
    static let pdfEngine = SettingRule(
        flag: "--pdf-engine", key: "pdf-engine", expected: BuildSettings.pdfEngines.joined(separator: " or ")
    ) { text in BuildSettings.pdfEngines.first { $0 == text.lowercased() } }
    static let referenceDoc = SettingRule(flag: "--reference-doc", key: "reference-doc", expected: "a Word document's path") {
        $0.isEmpty ? nil : $0
    }
}

/// The values of one resolution, and what was wrong with them.
struct Values {
    let desk: DeskConfiguration
    /// What the command line gives wrong, in the order found.
    var usage: [String] = []
    /// What the desk's files give wrong, each at its place.
    var problems: [Diagnostic] = []

    init(desk: DeskConfiguration) {
        self.desk = desk
    }

    /// The value given on the command line, else the desk's (unless `fromDesk` is false),
    /// checked by `rule`; nil when neither gives one, or the one given is wrong (and told).
    /// A desk's list is one value only for the editions, which are a list themselves.
    mutating func value<Value>(_ rule: SettingRule<Value>, given: String?, fromDesk: Bool = true) -> Value? {
        if let given { return commandLine(rule, given) }
        guard fromDesk, let key = rule.key, let setting = desk.buildOptions[key] else { return nil }
        guard setting.values.count == 1 || key == "to" else {
            problems.append(Diagnostic(.error, .optionInvalid, "'\(key)' takes one value, not a list", at: setting.location))
            return nil
        }
        return configured(rule, key: key, setting.values.joined(separator: ","), at: setting.location)
    }

    /// Every value the command line gives (a repeated option), else the desk's list, each
    /// checked by `rule`.
    mutating func list(_ rule: SettingRule<String>, given: [String]) -> [String] {
        if !given.isEmpty { return given.compactMap { commandLine(rule, $0) } }
        guard let key = rule.key, let setting = desk.buildOptions[key] else { return [] }
        return setting.values.compactMap { configured(rule, key: key, $0, at: setting.location) }
    }

    /// Style sheets are WeasyPrint's: with Typst the house template sets the page, and a
    /// style sheet would silently do nothing. Told where the sheets were given.
    mutating func refuseStylesheets(given: [String], engineFromDesk: Bool) {
        let words = "style sheets are for the WeasyPrint engine; Typst sets the print edition from its house template"
        let choice = engineFromDesk ? "the desk's 'pdf-engine: typst'" : "--pdf-engine typst"
        if !given.isEmpty {
            usage.append("--css cannot be used with \(choice): \(words); drop --css or choose --pdf-engine weasyprint")
        } else if let setting = desk.buildOptions["css"] {
            problems.append(
                Diagnostic(
                    .error, .optionInvalid, "'css' cannot be used with \(choice): \(words); drop 'css' or choose pdf-engine: weasyprint",
                    at: setting.location))
        }
    }

    /// A command line's value checked by `rule`; nil when it is wrong (and told as usage).
    private mutating func commandLine<Value>(_ rule: SettingRule<Value>, _ text: String) -> Value? {
        guard let value = rule.parse(text) else {
            usage.append("\(rule.flag) must be \(rule.expected), not '\(text)'")
            return nil
        }
        return value
    }

    /// A desk's value checked by `rule`; nil when it is wrong (and told at its place).
    private mutating func configured<Value>(_ rule: SettingRule<Value>, key: String, _ text: String, at location: SourceLocation) -> Value? {
        guard let value = rule.parse(text) else {
            problems.append(Diagnostic(.error, .optionInvalid, "'\(key)' must be \(rule.expected), not '\(text)'", at: location))
            return nil
        }
        return value
    }
}
