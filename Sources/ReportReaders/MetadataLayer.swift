import ReportModel
import Yams

/// One source of front-matter values (`MetadataSettings`): a configuration file, the
/// report's front matter or one `-M` override. The reader reads them in turn; later ones win.
struct MetadataLayer {
    enum Kind { case configuration, frontMatter, override }

    let kind: Kind
    let place: Place
    let mapping: Node.Mapping

    /// Where a layer's YAML text stands, to place what its marks point at.
    struct Place {
        /// The file its diagnostics name (for an override, its place on the command line).
        let file: String
        /// The file's line of the YAML text's first line.
        let firstLine: Int
        /// Added to the columns of the first line: an override's value stands after its key.
        var columnOffset = 0
        /// For a text of one line of that many columns (an override): a mark past its end
        /// is placed at its end.
        var lastColumn: Int?

        /// The place of `mark` in the file (the text's start without one).
        func location(of mark: Mark?) -> SourceLocation {
            guard let mark else { return SourceLocation(file: file, line: firstLine, column: 1) }
            return location(line: mark.line, column: mark.column)
        }

        /// The place of the text's 1-based `line` and `column` in the file.
        func location(line: Int, column: Int) -> SourceLocation {
            if let lastColumn {
                return SourceLocation(file: file, line: 1, column: line > 1 ? lastColumn : min(lastColumn, max(1, column + columnOffset)))
            }
            return SourceLocation(file: file, line: firstLine + line - 1, column: max(1, column + (line == 1 ? columnOffset : 0)))
        }
    }
}

extension MetadataReader {
    /// The configuration files, the front matter and the overrides, as layers in the order
    /// they are read; what does not parse is left out, with its errors logged.
    func layers() -> [MetadataLayer] {
        var layers: [MetadataLayer] = []
        for file in settings.configurations {
            let place = MetadataLayer.Place(file: file.path, firstLine: 1)
            if let mapping = compose(file.text, at: place, what: "the configuration") {
                layers.append(MetadataLayer(kind: .configuration, place: place, mapping: mapping))
            }
        }
        if let frontMatter {
            let place = MetadataLayer.Place(file: source.file, firstLine: frontMatter.firstLine)
            if let mapping = compose(frontMatter.yaml, at: place, what: "the front matter") {
                layers.append(MetadataLayer(kind: .frontMatter, place: place, mapping: mapping))
            }
        }
        for override in settings.overrides {
            if let layer = overrideLayer(override) { layers.append(layer) }
        }
        return layers
    }

    /// `key=value` as a layer: the value read as YAML (`-M keywords=[a, b]` gives a list),
    /// inside a mapping for each part of a dotted key.
    private func overrideLayer(_ override: String) -> MetadataLayer? {
        let place = MetadataSettings.place(of: override)
        guard let equals = override.firstIndex(of: "="), equals != override.startIndex else {
            log.error(.overrideInvalid, "-M takes key=value (for example -M series.issue=8), not '\(override)'", at: SourceLocation(file: place, line: 1, column: 1))
            return nil
        }
        let path = override[..<equals].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard path.allSatisfy({ !$0.isEmpty }) else {
            log.error(.overrideInvalid, "the key '\(override[..<equals])' has an empty part", at: SourceLocation(file: place, line: 1, column: 1))
            return nil
        }
        // Each part is a level of the value, held to the YAML's own limit.
        guard path.count < BoundedYAML.maximumDepth else {
            log.error(.overrideInvalid,
                "the key has \(path.count) parts; a value nests at most \(BoundedYAML.maximumDepth) levels",
                at: SourceLocation(file: place, line: 1, column: 1))
            return nil
        }
        let valueText = String(override[override.index(after: equals)...])
        // The value is read as the value of `v: `, three columns before it stands.
        let layerPlace = MetadataLayer.Place(
            file: place, firstLine: 1, columnOffset: override[..<equals].count - 2, lastColumn: override.count)
        var value = Node("", .implicit, .plain)
        if !valueText.isEmpty {
            // As Pandoc reads `-M`: a value that is no YAML (`title=Le Sahel : enjeux`) is the
            // text it is, unless it opens as a YAML list, mapping or quote does, where a slip
            // would otherwise pass unseen.
            if case .failure(.invalid(_, _)) = BoundedYAML.compose("v: " + valueText), let first = valueText.first,
                !"[{\"'|>&*!%@`".contains(first)
            {
                value = Node(valueText)
            } else {
                guard let mapping = compose("v: " + valueText, at: layerPlace, what: "the value"), let composed = mapping.first?.value
                else { return nil }
                value = composed
            }
        }
        for name in path.dropFirst().reversed() {
            value = Node([(Node(name), value)])
        }
        return MetadataLayer(kind: .override, place: layerPlace, mapping: Node.Mapping([(Node(path[0]), value)]))
    }

    /// The YAML `text` as a mapping, within `BoundedYAML`'s limits; nil, with errors at their
    /// places (`place`), when it is not one.
    private func compose(_ text: String, at place: MetadataLayer.Place, what: String) -> Node.Mapping? {
        let at = place.location(of:)
        switch BoundedYAML.compose(text) {
        case .success(let root):
            guard let root else { return nil }
            guard case .mapping(let mapping) = root else {
                log.error(.yamlNotMapping, "\(what) must be a mapping of keys to values", at: at(root.mark))
                return nil
            }
            return mapping
        case .failure(.tooLarge):
            log.error(.yamlTooLarge, "\(what) is \(text.utf8.count >> 10) KiB; Imprint reads at most \(BoundedYAML.maximumSize >> 10) KiB of YAML", at: at(nil))
        case .failure(.tooManyNodes(let mark)):
            log.error(.yamlTooLarge, BoundedYAML.tooManyValues(what), at: at(mark))
        case .failure(.tooDeep(let mark)):
            log.error(.yamlTooLarge, "\(what) nests more than \(BoundedYAML.maximumDepth) levels deep (an alias counts as the value it names)", at: at(mark))
        case .failure(.invalid(let problem, let mark)):
            let hint =
                problem.contains("tab")
                ? "; YAML indents with spaces, never tabs: replace the tab with spaces"
                : problem.contains("mapping values are not allowed")
                    ? "; a value that holds ': ' (as French 'Le Sahel : enjeux' does) is quoted: title: \"Le Sahel : enjeux\"" : ""
            log.error(.yamlInvalid, "\(what) is not valid YAML: \(problem)\(hint)", at: at(mark))
        case .failure(.aliasKey(let line, let column)):
            log.error(.yamlInvalid, "\(what) uses an alias as a key; a key is a name: write it out", at: place.location(line: line, column: column))
        case .failure(.duplicateKeys(let names, let mark)):
            log.error(.yamlDuplicateKey, "\(what) gives \(names.joined(separator: ", ")) more than once (first here); each key may be given once", at: at(mark))
        }
        return nil
    }
}
