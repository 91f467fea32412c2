import Foundation
import PackagePlugin

/// Compiles the files of `Styles/` (the style sheets and the PDF worker) into the target
/// that uses this plugin, as `ShippedData.files`: the binary carries its own data and runs
/// from any folder, while `Styles/` stays the one place the files are edited.
@main
struct EmbedData: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let styles = context.package.directoryURL.appending(path: "Styles")
        let inputs = try FileManager.default.contentsOfDirectory(at: styles, includingPropertiesForKeys: nil)
            .filter { ["css", "py"].contains($0.pathExtension) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "ShippedData.swift")
        return [
            .buildCommand(
                displayName: "Embedding the files of Styles/ in \(target.name)",
                executable: try context.tool(named: "EmbedDataTool").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output])
        ]
    }
}
