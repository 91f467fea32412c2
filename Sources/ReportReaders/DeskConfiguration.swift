import Foundation
import ReportModel
import Yams

/// A desk's configuration for a report: the `imprint.yml` files in the report's folder and
/// every folder above it, the nearest winning (or the one file `--config` names). They give
/// defaults for the report's front matter (`MetadataSettings`) and for the build's options
/// (`buildOptions`); the report's front matter wins over them, and the command line over both.
public struct DeskConfiguration: Sendable {
    public static let fileName = "imprint.yml"

    /// A build option a file gives: its values (one, or a list's), where it stands, and the
    /// folder of its file, which relative paths in it are read from.
    public struct Setting: Sendable, Equatable {
        public var values: [String]
        public var location: SourceLocation
        public var folder: String
    }

    /// A word of the desk's own (`words:`): its text, and where it stands.
    public struct OwnWord: Sendable, Equatable {
        public var text: String
        public var location: SourceLocation
    }

    /// The files, the farthest from the report first.
    public var files: [MetadataSettings.File]
    /// The build options (`MetadataSettings.buildKeys`) by key, each from the nearest file
    /// that gives it.
    public var buildOptions: [String: Setting]
    /// The desk's own words by language, then by key (`words: {fr: {contents: …}}`), the
    /// nearest file's winning key by key.
    public var words: [String: [String: OwnWord]] = [:]

    public static let none = DeskConfiguration(files: [], buildOptions: [:])

    /// What the reader takes from outside the report: these files, `overrides` from the
    /// command line, and the asset folders.
    public func metadataSettings(overrides: [String]) -> MetadataSettings {
        MetadataSettings(configurations: files, overrides: overrides, assetFolders: assetFolders)
    }

    /// The asset folders (`assets:`), read from the folder of the file that gives them.
    public var assetFolders: [String] {
        guard let assets = buildOptions["assets"] else { return [] }
        return assets.values.map { $0.hasPrefix("/") ? $0 : assets.folder + "/" + $0 }
    }

    /// The configuration files for the report or folder at `path`: `imprint.yml` in its
    /// folder (a folder's own, for a folder) and in each folder above, the farthest first.
    public static func paths(for path: String) -> [String] {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        var folder = URL(fileURLWithPath: path).standardizedFileURL
        if !(exists && isFolder.boolValue) { folder.deleteLastPathComponent() }
        var found: [String] = []
        while true {
            let candidate = folder.appendingPathComponent(fileName).path
            if FileManager.default.isReadableFile(atPath: candidate) { found.append(candidate) }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { break }
            folder = parent
        }
        return found.reversed()
    }

    /// Reads the files at `paths` (the farthest first): their text, and the build options
    /// they give. A file that cannot be read, is not YAML, or gives a build option a value
    /// of the wrong shape is an error at its place.
    public static func read(_ paths: [String]) throws(DiagnosticError) -> DeskConfiguration {
        var configuration = DeskConfiguration.none
        var diagnostics: [Diagnostic] = []
        for path in paths {
            let bytes: [UInt8]
            do {
                bytes = try InputFile.read(path)
            } catch {
                diagnostics += error.diagnostics
                continue
            }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                diagnostics.append(Diagnostic(.error, .notUTF8, "the configuration is not UTF-8 text", at: .file(path)))
                continue
            }
            configuration.files.append(MetadataSettings.File(path: path, text: text))
            // Not YAML: the reader says where, with the front matter's words.
            guard case .mapping(let mapping)? = try? Yams.compose(yaml: text, .basic) else { continue }
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            for (key, value) in mapping {
                guard let name = key.string, MetadataSettings.buildKeys.contains(name) else { continue }
                let location = MetadataLayer.Place(file: path, firstLine: 1).location(of: value.mark)
                if name == "words" {
                    diagnostics += configuration.readWords(value, file: path)
                    continue
                }
                switch value {
                case .scalar(let scalar):
                    configuration.buildOptions[name] = Setting(values: [scalar.string], location: location, folder: folder)
                case .sequence(let sequence) where sequence.allSatisfy({ $0.scalar != nil }):
                    configuration.buildOptions[name] = Setting(values: sequence.compactMap { $0.scalar?.string }, location: location, folder: folder)
                default:
                    diagnostics.append(Diagnostic(.error, .valueType, "'\(name)' must be a value or a list of values", at: location))
                }
            }
        }
        for folder in configuration.assetFolders {
            var isFolder: ObjCBool = false
            if !(FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue) {
                diagnostics.append(Diagnostic(.error, .assetFolderMissing, "'assets' names '\(folder)', which is not a folder", at: configuration.buildOptions["assets"]?.location))
            }
        }
        guard !diagnostics.contains(where: { $0.severity == .error }) else { throw DiagnosticError(diagnostics) }
        return configuration
    }

    /// `words:`, a mapping of languages to mappings of word keys to text, into `words`.
    private mutating func readWords(_ node: Node, file: String) -> [Diagnostic] {
        func at(_ node: Node) -> SourceLocation { MetadataLayer.Place(file: file, firstLine: 1).location(of: node.mark) }
        let shape = "'words' must map languages to words: words: {fr: {contents: Table des matières}}"
        guard case .mapping(let languages) = node else { return [Diagnostic(.error, .wordsInvalid, shape, at: at(node))] }
        var problems: [Diagnostic] = []
        for (language, table) in languages {
            guard let tag = language.string, case .mapping(let entries) = table else {
                problems.append(Diagnostic(.error, .wordsInvalid, shape, at: at(table)))
                continue
            }
            for (key, text) in entries {
                guard let name = key.string, let value = text.scalar?.string else {
                    problems.append(Diagnostic(.error, .wordsInvalid, shape, at: at(text)))
                    continue
                }
                words[tag.lowercased(), default: [:]][name] = OwnWord(text: value, location: at(key))
            }
        }
        return problems
    }
}
