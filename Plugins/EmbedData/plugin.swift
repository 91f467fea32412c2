import Foundation
import PackagePlugin

/// Compiles a target's shipped files into it, as `ShippedData.files`: the PDF module's
/// worker program (`Sources/PDFWriter/Worker/*.py`) and Typst house template
/// (`Sources/PDFWriter/Typst/*.typ`), the tables of words
/// (`Sources/SharedWriting/Locales/*.json`), and for any other target the style sheets of
/// `Styles/`. The binary carries its own data and runs from any folder, while those folders
/// stay the one place the files are edited.
@main
struct EmbedData: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let sources = context.package.directoryURL.appending(path: "Sources/\(target.name)")
        let places: [(folder: URL, kind: String)] =
            switch target.name {
            case "PDFWriter": [(sources.appending(path: "Worker"), "py"), (sources.appending(path: "Typst"), "typ")]
            case "SharedWriting": [(sources.appending(path: "Locales"), "json")]
            default: [(context.package.directoryURL.appending(path: "Styles"), "css")]
            }
        let inputs = try places.flatMap { place in
            try FileManager.default.contentsOfDirectory(at: place.folder, includingPropertiesForKeys: nil).filter { $0.pathExtension == place.kind }
        }
        .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "ShippedData.swift")
        return [
            .buildCommand(
                displayName: "Embedding the shipped files of \(target.name)",
                executable: try context.tool(named: "EmbedDataTool").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output])
        ]
    }
}
