import Foundation
import ReportModel
import XMLSupport

/// Reads a report from the JSON that `imprint model` writes, and checks what the Markdown
/// reader would have checked: ids valid and unique, every cross-reference and footnote
/// reference resolved.
public enum ReportJSONReader {
    /// The deepest the JSON may nest: a level of the Markdown reader's limit (a list in a
    /// list, an emphasis in an emphasis) takes up to four levels of JSON.
    static let maximumDepth = 4 * MarkdownParser.maximumDepth

    /// Reads the model; `reportPath` is where it was read from, the folder its image paths
    /// are resolved in (with `nil`, any image is an error).
    public static func read(
        _ bytes: [UInt8], file: String, reportPath: String? = nil, assetFolders: [String] = []
    ) throws(DiagnosticError) -> ReadResult {
        let at = SourceLocation(file: file, line: 1, column: 1)
        if let depth = nestingProblem(in: bytes, file: file) {
            throw DiagnosticError([
                Diagnostic(.error, .nestingTooDeep, "the JSON is nested more than \(maximumDepth) levels deep; Imprint stops here", at: depth)
            ])
        }
        if let (scalar, location) = forbiddenCharacter(in: bytes, file: file) {
            throw DiagnosticError([
                Diagnostic(.error, .characterNotAllowed, "the model holds \(XMLCharacters.name(scalar)), which no edition can carry", at: location)
            ])
        }
        let report: Report
        do {
            report = try JSONDecoder().decode(Report.self, from: Data(bytes))
        } catch {
            throw DiagnosticError([Diagnostic(.error, .modelInvalid, "not a report model in JSON: \(describe(error))", at: at)])
        }
        let log = DiagnosticLog()
        var seen: Set<String> = []
        for id in report.identifierList {
            if !Identifiers.isValid(id) { log.error(.idInvalid, "'\(id)' is not a valid id", at: at) }
            if !seen.insert(id).inserted { log.error(.idDuplicate, "the id '\(id)' is used twice", at: at) }
        }
        let labels = Set(report.footnotes.map(\.label))
        for inline in report.allInlines {
            switch inline {
            case .crossReference(let reference) where !seen.contains(reference.target):
                log.error(.referenceUnresolved, "the cross-reference '#\(reference.target)' points to nothing in the report", at: at)
            case .footnoteReference(let label) where !labels.contains(label):
                log.error(.footnoteMissing, "the footnote reference '[^\(label)]' has no footnote", at: at)
            default: break
            }
        }
        let reachable = report.reachableFootnoteLabels
        for footnote in report.footnotes where !reachable.contains(footnote.label) {
            log.warning(.footnoteUnused, "the footnote [^\(footnote.label)] is never referenced, so it appears in no edition", at: at)
        }
        if let (_, message) = report.noteChainProblem { log.error(.nestingTooDeep, message, at: at) }
        if report.metadata.title.isEmpty { log.error(.titleMissing, "the report has no title", at: at) }
        for (name, value) in [("volume", report.metadata.series?.volume), ("issue", report.metadata.series?.issue)] {
            if let value, !(0...MetadataReader.largestNumber).contains(value) {
                log.error(.valueType, "metadata.series.\(name): must be a whole number from 0 to \(MetadataReader.largestNumber)", at: at)
            }
        }
        let files = FileReferences(reportPath: reportPath, assetFolders: assetFolders)
        checkAddressesAndFiles(of: report, files: files, log: log, at: at)
        guard !log.hasErrors else { throw log.failure() }
        return ReadResult(report: report, warnings: log.diagnostics, images: files.checkedImages)
    }

    /// The trust rules the Markdown reader applies as it reads, checked on the model: every
    /// address active and written as `Address` writes it, every image a file inside the
    /// report's folder, every width a CSS length, every e-mail address plain.
    private static func checkAddressesAndFiles(of report: Report, files: FileReferences, log: DiagnosticLog, at: SourceLocation) {
        func address(_ url: String?, _ what: String) {
            guard let url else { return }
            switch Address.classify(url) {
            case .active(let canonical) where canonical == url: break
            case .active(let canonical): log.error(.addressInactive, "\(what) '\(url.visible)' must be written '\(canonical)'", at: at)
            case .fragment: log.error(.addressInactive, "\(what) '\(url.visible)' must be a full http, https or mailto address", at: at)
            case .inactive(let reason): log.error(.addressInactive, "\(what) '\(url.visible)' cannot be a link: \(reason)", at: at)
            }
        }
        func image(_ path: String, _ what: String) { files.checkImage(path, what: what, at: at, log: log) }
        let metadata = report.metadata
        address(metadata.publisher?.url, "metadata.publisher.url")
        address(metadata.license?.url, "metadata.license.url")
        for author in metadata.authors {
            if let email = author.email, !Address.isEmail(email) {
                log.error(.emailInvalid, "metadata.authors: '\(email.visible)' is not an e-mail address", at: at)
            }
        }
        if let cover = metadata.cover { image(cover, "metadata.cover") }
        report.forEachBlock { block in
            guard case .figure(let figure) = block else { return }
            image(figure.source, "the figure \(figure.number)'s image")
            address(figure.licenseURL, "the figure \(figure.number)'s licenseURL")
            address(figure.sourceURL, "the figure \(figure.number)'s sourceURL")
            if let width = figure.width, !CSSLength.isValid(width) {
                log.error(.widthInvalid, "the figure \(figure.number)'s width '\(width.visible)' must be a CSS length or percentage", at: at)
            }
        }
        report.forEachInline { inline in
            switch inline {
            case .link(let link): address(link.url, "the link")
            case .image(let inlineImage): image(inlineImage.source, "the image")
            default: break
            }
        }
    }

    /// Where the JSON first nests deeper than `maximumDepth` (brackets outside strings),
    /// if it does: JSON that deep is refused before it is decoded.
    static func nestingProblem(in bytes: [UInt8], file: String) -> SourceLocation? {
        var depth = 0
        var inString = false
        var escaped = false
        for (offset, byte) in bytes.enumerated() {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > maximumDepth { return location(of: offset, in: bytes, file: file) }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        return nil
    }

    /// The first character of the JSON that no edition can carry, written as itself or as
    /// an escape (`\u0001`), and where it is (`imprint model` writes none).
    static func forbiddenCharacter(in bytes: [UInt8], file: String) -> (Unicode.Scalar, SourceLocation)? {
        let backslash = UInt8(ascii: "\\")
        guard bytes.withUnsafeBufferPointer(XMLCharacters.hasForbidden(in:)) || bytes.contains(backslash) else { return nil }
        var offset = 0
        while offset < bytes.count {
            if bytes[offset] == backslash, offset + 1 < bytes.count {
                if bytes[offset + 1] == UInt8(ascii: "u"), offset + 6 <= bytes.count,
                    let value = UInt32(String(decoding: bytes[(offset + 2)..<(offset + 6)], as: UTF8.self), radix: 16),
                    let scalar = Unicode.Scalar(value), !XMLCharacters.isAllowed(scalar)
                {
                    return (scalar, location(of: offset, in: bytes, file: file))
                }
                offset += 2
                continue
            }
            if bytes[offset] < 0x80 {
                if !XMLCharacters.isAllowed(Unicode.Scalar(bytes[offset])) {
                    return (Unicode.Scalar(bytes[offset]), location(of: offset, in: bytes, file: file))
                }
                offset += 1
                continue
            }
            var parser = Unicode.UTF8.ForwardParser()
            var iterator = bytes[offset...].makeIterator()
            guard case .valid(let encoded) = parser.parseScalar(from: &iterator) else { return nil }
            let scalar = Unicode.UTF8.decode(encoded)
            if !XMLCharacters.isAllowed(scalar) { return (scalar, location(of: offset, in: bytes, file: file)) }
            offset += encoded.count
        }
        return nil
    }

    /// The line and column (in bytes) of a byte offset.
    private static func location(of offset: Int, in bytes: [UInt8], file: String) -> SourceLocation {
        let before = bytes[..<offset]
        let line = before.count { $0 == UInt8(ascii: "\n") } + 1
        let column = offset - (before.lastIndex(of: UInt8(ascii: "\n")) ?? -1)
        return SourceLocation(file: file, line: line, column: column)
    }

    /// Decoding errors with the path to the value that failed.
    /// What is wrong, at its JSON path (`metadata.authors[0].name: required`), in words
    /// rather than Swift's.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func path(_ keys: [any CodingKey]) -> String {
            var text = ""
            for key in keys {
                if let index = key.intValue, key.stringValue.hasPrefix("Index") {
                    text += "[\(index)]"
                } else {
                    text += (text.isEmpty ? "" : ".") + key.stringValue
                }
            }
            return text.isEmpty ? "the model" : text
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])): required"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)): must be \(kind(of: type)), not null"
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)): must be \(kind(of: type))"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                let detail = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey].map { ": \($0)" } ?? ""
                return "the file is not valid JSON\(detail)"
            }
            // Swift's words for a value no case of an enumeration has.
            if let value = context.debugDescription.firstMatch(of: /Cannot initialize \w+ from invalid \w+ value (.*)/)?.1 {
                return "\(path(context.codingPath)): '\(value)' is not one of the values the model allows (docs/report-model.schema.json)"
            }
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }

    /// A Swift type as JSON says it.
    private static func kind(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Int.Type: "a whole number"
        case is Bool.Type: "true or false"
        case is Double.Type: "a number"
        default:
            String(describing: type).hasPrefix("Array") ? "a list" : String(describing: type).hasPrefix("Dictionary") ? "an object" : "an object"
        }
    }
}
