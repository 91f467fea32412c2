import Foundation
import PackagePlugin

/// Compiles a target's shipped files into it, as `ShippedData.files`: the PDF module's
/// worker program from its own `Worker/` folder, any other target's the style sheets of
/// `Styles/`. The binary carries its own data and runs from any folder, while those folders
/// stay the one place the files are edited.
@main
struct EmbedData: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let worker = context.package.directoryURL.appending(path: "Sources/\(target.name)/Worker")
        let isWorker = FileManager.default.fileExists(atPath: worker.path)
        let folder = isWorker ? worker : context.package.directoryURL.appending(path: "Styles")
        let inputs = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { (isWorker ? ["py"] : ["css"]).contains($0.pathExtension) }
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
