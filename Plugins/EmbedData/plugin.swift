import Foundation
import PackagePlugin

/// Compiles a target's shipped files into it, as `ShippedData.files`: the PDF module's
/// worker program (`Sources/PDFWriter/Worker/*.py`), the tables of words
/// (`Sources/SharedWriting/Locales/*.json`), and for any other target the style sheets of
/// `Styles/`. The binary carries its own data and runs from any folder, while those folders
/// stay the one place the files are edited.
@main
struct EmbedData: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let sources = context.package.directoryURL.appending(path: "Sources/\(target.name)")
        let (folder, kind) =
            switch target.name {
            case "PDFWriter": (sources.appending(path: "Worker"), "py")
            case "SharedWriting": (sources.appending(path: "Locales"), "json")
            default: (context.package.directoryURL.appending(path: "Styles"), "css")
            }
        let inputs = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == kind }
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
