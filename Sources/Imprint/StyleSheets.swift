import Foundation
import ReportReaders
import XHTMLWriter

/// Finds the style sheets that ship with Imprint, wherever the binary runs from.
///
/// Looked for, in order: the folder named by `IMPRINT_STYLES`; `share/imprint/Styles` beside
/// an installed binary's `bin/`; and a `Styles/` folder in the binary's own folder or any
/// folder above it (a build inside the repository, from any working directory).
enum StyleSheets {
    static func shipped(_ name: String) throws(RenderFailure) -> String {
        guard let path = locate(name),
            let text = try? String(contentsOfFile: path, encoding: .utf8)
        else {
            throw RenderFailure(
                "cannot find Imprint's style sheet \(name); looked in \(folders.joined(separator: ", ")). Set IMPRINT_STYLES to the Styles folder")
        }
        return text
    }

    /// The path of a shipped style sheet, the first found in `folders`.
    static func locate(_ name: String) -> String? {
        folders.map { $0 + "/" + name }.first(where: FileManager.default.fileExists(atPath:))
    }

    /// A style sheet the user named with `--css`.
    static func user(_ path: String) throws(RenderFailure) -> String {
        let bytes: [UInt8]
        do {
            bytes = try InputFile.read(path, limit: 4 << 20)
        } catch {
            throw RenderFailure("--css: \(error.errors.first?.message ?? "cannot read the style sheet")", file: path)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw RenderFailure("--css: the style sheet is not UTF-8 text", file: path)
        }
        if let problem = XHTMLWriter.embeddingProblem(in: text) {
            throw RenderFailure("cannot embed this style sheet: \(problem)", file: path)
        }
        return text
    }

    /// Worked out once per run: a folder build asks for every report.
    static let folders: [String] = {
        var result: [String] = []
        if let environment = Environment.value("IMPRINT_STYLES"), !environment.isEmpty {
            result.append(environment)
        }
        guard let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() else { return result }
        var folder = executable.deletingLastPathComponent()
        result.append(folder.deletingLastPathComponent().appendingPathComponent("share/imprint/Styles").path)
        while folder.path != "/" {
            result.append(folder.appendingPathComponent("Styles").path)
            folder = folder.deletingLastPathComponent()
        }
        return result
    }()
}
