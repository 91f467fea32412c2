import ArgumentParser
import Foundation
import Imprint
import ReportModel
import ReportReaders
import TextWriter

extension BuildArguments {
    /// The arguments with what the command line leaves out taken from the desk's
    /// configuration (`--config FILE`, or the `imprint.yml` files from the report's folder
    /// up): `to`, `output`, `paper`, `css`, `reference-doc`, `width` and `pdf-standard`, their paths
    /// resolved inside the configuration file's folder (`FolderRule`). A value the
    /// configuration gets wrong is an error at its place in the file (exit status 1).
    func applyingConfiguration() throws -> BuildArguments {
        let configuration = try Self.configuration(for: report == "-" ? (resourcePath ?? ".") + "/-" : report, config: config, diagnostics: diagnostics)
        var arguments = self
        var problems: [Diagnostic] = []
        func setting(_ key: String, valid: (String) -> Bool, _ expected: String) -> DeskConfiguration.Setting? {
            guard let setting = configuration.buildOptions[key] else { return nil }
            for value in setting.values where !valid(value) {
                problems.append(Diagnostic(.error, .optionInvalid, "'\(key)' must be \(expected), not '\(value)'", at: setting.location))
                return nil
            }
            return setting
        }
        if arguments.output == nil, let output = setting("output", valid: { !$0.isEmpty }, "a folder") {
            arguments.output = output.values[0]
        }
        // `-o FILE.pdf` on the command line names its edition; the configuration's list does not override it.
        if arguments.to == nil, self.output.flatMap(OutputFormat.named(by:)) == nil,
            let to = setting("to", valid: { (try? OutputFormat.parseList($0)) != nil }, "editions among \(Self.defaultEditions)")
        {
            arguments.to = to.values.joined(separator: ",")
        }
        if arguments.paper == nil, let paper = setting("paper", valid: { Paper(rawValue: $0.lowercased()) != nil }, "a4 or letter") {
            arguments.paper = paper.values[0]
        }
        if arguments.width == nil, let width = setting("width", valid: { Int($0).map(TextWriter.Options.widths.contains) == true }, "from 20 to 200") {
            arguments.width = Int(width.values[0])
        }
        if arguments.pdfStandard == nil,
            let standard = setting("pdf-standard", valid: { PDFEngine.standards.contains($0.lowercased()) }, "one of \(PDFEngine.standards.joined(separator: ", "))")
        {
            arguments.pdfStandard = standard.values[0]
        }
        if arguments.stylesheets.isEmpty, let css = setting("css", valid: { !$0.isEmpty }, "a style sheet's path") {
            arguments.stylesheets = css.values
        }
        if arguments.referenceDoc == nil, let reference = setting("reference-doc", valid: { !$0.isEmpty }, "a Word document's path") {
            arguments.referenceDoc = reference.values[0]
        }
        Console.print(problems, as: diagnostics)
        if problems.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
        return arguments
    }

    /// The configuration for `path`; its errors printed, and the exit status 1, when it
    /// cannot be read. With `refusing` false, values the folder rule refuses are listed in
    /// its `refused` instead (`imprint config`).
    static func configuration(for path: String, config: String?, diagnostics: DiagnosticsFormat, refusing: Bool = true) throws -> DeskConfiguration {
        do {
            return try DeskConfiguration.load(for: path, config: config, refusing: refusing)
        } catch {
            Console.print(error.diagnostics, as: diagnostics)
            throw ExitCode(1)
        }
    }
}
