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
    /// What a build says about the configuration without failing: the files ignored.
    public var warnings: [Diagnostic] = []
    /// The build options the folder rule refused, when read without `refusing`.
    public var refused: [Diagnostic] = []

    /// The build options whose values are paths, read from the folder of the file that
    /// gives them and held to `FolderRule` there.
    public static let pathKeys: Set<String> = ["output", "css", "reference-doc", "assets"]

    public static let none = DeskConfiguration(files: [], buildOptions: [:])

    /// What the reader takes from outside the report: these files, `overrides` from the
    /// command line, and the asset folders.
    public func metadataSettings(overrides: [String]) -> MetadataSettings {
        MetadataSettings(configurations: files, overrides: overrides, assetFolders: assetFolders)
    }

    /// The asset folders (`assets:`), resolved inside the folder of the file that gives them.
    public var assetFolders: [String] {
        buildOptions["assets"]?.values ?? []
    }

    /// The configuration files for the report or folder at `path` that may steer a build:
    /// `imprint.yml` in its folder (a folder's own, for a folder) and in each folder above,
    /// the farthest first (see `discover`).
    public static func paths(for path: String) -> [String] {
        discover(for: path).paths
    }

    /// The configuration files for `path` (as `paths(for:)`), and a warning for each one
    /// found but not trusted: as git's `safe.directory`, a file owned by another user than
    /// this one or root (or a link or folder that is), writable by others, or in a folder
    /// anyone may write to (a `/tmp`-like folder, where anyone can leave one) is ignored.
    public static func discover(for path: String) -> (paths: [String], ignored: [Diagnostic]) {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        // By the path's text (URL's own walk up never reaches `/` from a path longer than
        // PATH_MAX, and looped).
        var folder = URL(fileURLWithPath: path).standardizedFileURL.path
        if !(exists && isFolder.boolValue) { folder = FolderRule.folder(of: folder) }
        var found: [String] = []
        var ignored: [Diagnostic] = []
        while true {
            let candidate = (folder == "/" ? "" : folder) + "/" + fileName
            if FileManager.default.isReadableFile(atPath: candidate) {
                if let distrust = distrust(of: candidate, in: folder) {
                    ignored.append(Diagnostic(.warning, .configurationIgnored, "this configuration is ignored: \(distrust)", at: .file(candidate)))
                } else {
                    found.append(candidate)
                }
            }
            let parent = FolderRule.folder(of: folder)
            if parent == folder || !parent.hasPrefix("/") { break }
            folder = parent
        }
        return (found.reversed(), ignored.reversed())
    }

    /// Why the configuration file at `path`, in `folder`, may not be trusted; nil when it may.
    /// Every link on the way to the file, the file, and the folder of each is held to the
    /// rule: whoever owns one of them could make it lead anywhere.
    static func distrust(of path: String, in folder: String) -> String? {
        if let problem = ownershipProblem(of: path, in: folder) { return problem }
        // A link to a file outside its folder (one of your own anywhere, a token file) is no
        // desk's configuration: as every path a desk names, it stays in its folder.
        if let real = FolderRule.realPath(path), let home = FolderRule.realPath(folder), !FolderRule.isInside(real, home) {
            return "it is a link to \(real.visible), outside its folder"
        }
        return nil
    }

    /// Why the owners or permissions of the file at `path`, the links on the way to it and
    /// their folders do not let it be trusted; nil when they do.
    private static func ownershipProblem(of path: String, in folder: String) -> String? {
        let user = geteuid()
        var current = path
        var holder = folder
        for hop in 0..<40 {
            var entry = stat()
            var folderStatus = stat()
            guard lstat(current, &entry) == 0, stat(holder, &folderStatus) == 0 else { return "it cannot be examined" }
            let what = hop == 0 ? "it" : "the file it leads to (\(current))"
            let whose = hop == 0 ? "its folder" : "the folder of \(current)"
            if folderStatus.st_uid != user && folderStatus.st_uid != 0 { return "\(whose) belongs to another user (uid \(folderStatus.st_uid))" }
            if folderStatus.st_mode & S_IWOTH != 0 { return hop == 0 ? "its folder is one anyone may write to" : "\(whose) is one anyone may write to" }
            if entry.st_uid != user && entry.st_uid != 0 { return "\(what) belongs to another user (uid \(entry.st_uid))" }
            guard entry.st_mode & S_IFMT == S_IFLNK else {
                return entry.st_mode & S_IWOTH != 0 ? "anyone may write to \(what)" : nil
            }
            var target = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &target, Int(PATH_MAX))
            guard length > 0 else { return "it cannot be examined" }
            let destination = String(decoding: target[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let base = URL(fileURLWithPath: current).deletingLastPathComponent().path
            current = destination.hasPrefix("/") ? destination : base + "/" + destination
            holder = URL(fileURLWithPath: current).deletingLastPathComponent().path
        }
        return "it is a chain of more than 40 links"
    }

    /// The desk's configuration for the report or folder at `path`: the file `config` names
    /// on the command line, or else the trusted `imprint.yml` files from its folder up, the
    /// files ignored among `warnings`. With `refusing` false, a value the folder rule
    /// refuses is left out and listed in `refused` rather than an error (for `imprint config`).
    public static func load(for path: String, config: String?, refusing: Bool = true) throws(DiagnosticError) -> DeskConfiguration {
        guard let config else {
            let found = discover(for: path)
            var configuration = try read(found.paths, refusing: refusing)
            configuration.warnings = found.ignored
            return configuration
        }
        return try read([config], refusing: refusing)
    }

    /// Reads the files at `paths` (the farthest first): their text, and the build options
    /// they give. A file that cannot be read, is not YAML, or gives a build option a value
    /// of the wrong shape is an error at its place.
    /// A path-valued option (`pathKeys`) leaves that file's folder is an error at its place
    /// (with `refusing` false, it is left out and listed in `refused`); its values are kept
    /// resolved.
    public static func read(_ paths: [String], refusing: Bool = true) throws(DiagnosticError) -> DeskConfiguration {
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
            guard case .mapping(let mapping)?? = try? BoundedYAML.compose(text).get() else { continue }
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            for (key, value) in mapping {
                guard let name = key.string, MetadataSettings.buildKeys.contains(name) else { continue }
                let location = MetadataLayer.Place(file: path, firstLine: 1).location(of: value.mark)
                if name == "words" {
                    diagnostics += configuration.readWords(value, file: path)
                    continue
                }
                let values: [String]
                switch value {
                case .scalar(let scalar):
                    values = [scalar.string]
                case .sequence(let sequence) where sequence.allSatisfy({ $0.scalar != nil }):
                    values = sequence.compactMap { $0.scalar?.string }
                default:
                    diagnostics.append(Diagnostic(.error, .valueType, "'\(name)' must be a value or a list of values", at: location))
                    continue
                }
                var setting = Setting(values: values, location: location, folder: folder)
                if pathKeys.contains(name) {
                    guard let confined = confine(setting, key: name) else {
                        let problem = Diagnostic(
                            .error, .fileOutsideFolder,
                            "'\(name)' names \(values.map { "'\($0.visible)'" }.joined(separator: ", ")), outside the folder of this file (\(folder.visible)); a desk file's paths stay inside its own folder, links resolved (the command line may name any path)",
                            at: location)
                        if refusing { diagnostics.append(problem) } else { configuration.refused.append(problem) }
                        configuration.buildOptions[name] = nil
                        continue
                    }
                    setting.values = confined
                }
                configuration.buildOptions[name] = setting
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

    /// The setting's paths resolved inside its file's folder; nil when one leaves it.
    private static func confine(_ setting: Setting, key: String) -> [String]? {
        var confined: [String] = []
        for value in setting.values where !value.isEmpty {
            guard let path = FolderRule.confine(value, to: setting.folder, orSame: key == "output" || key == "assets") else { return nil }
            confined.append(path)
        }
        return confined.count == setting.values.count ? confined : nil
    }

    /// The most characters, and placeholders (`{title}`), a desk's word may have: a word is
    /// written wherever Imprint writes it (every page, every caption), so its size bounds
    /// what the editions may grow to.
    public static let wordLimits = (characters: 200, placeholders: 4)

    /// What is wrong with a desk's word: a control character (a line break, an escape
    /// sequence), or more than `wordLimits`; nil when it is fine.
    static func wordProblem(_ text: String) -> String? {
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            return "holds a control character (a line break, tab or escape); a word is one line of text"
        }
        if text.count > wordLimits.characters { return "is longer than \(wordLimits.characters) characters" }
        if text.filter({ $0 == "{" }).count > wordLimits.placeholders {
            return "has more than \(wordLimits.placeholders) placeholders"
        }
        return nil
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
                if let problem = Self.wordProblem(value) {
                    problems.append(Diagnostic(.error, .wordsInvalid, "the word '\(name)' \(problem)", at: at(text)))
                    continue
                }
                words[tag.lowercased(), default: [:]][name] = OwnWord(text: value, location: at(key))
            }
        }
        return problems
    }
}
