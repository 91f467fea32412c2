import Foundation
import ReportModel
import SharedWriting
import XHTMLWriter

/// What Typst compiles for the print edition, each file by its name inside the compile
/// root: the house template (`Typst/print.typ`, compiled in), the report's print XHTML, the
/// print values the template reads beside it (`TypstValues`) and the report's images. The
/// PDF engine's worker compiles it in a private folder; `--to typst` writes it out.
public struct TypstProject: Sendable {
    /// The names of the template, the XHTML and the values.
    public struct Names: Sendable {
        public var template: String
        public var document: String
        public var values: String

        /// The names inside the worker's private root.
        public static let compiled = Names(template: "main.typ", document: "document.xhtml", values: "print.json")

        /// The names of `--to typst` beside each other: BASE.typ, BASE.xhtml's twin and the values.
        public static func edition(base: String) -> Names {
            Names(template: base + ".typ", document: base + ".typ.xhtml", values: base + ".typ.json")
        }
    }

    public private(set) var files: [(name: String, bytes: [UInt8])]
    /// What the XHTML writer warned of.
    public let warnings: [Diagnostic]

    /// `xhtml` writes the print XHTML with no style sheet and each image at its name here
    /// (`imageNames`).
    public init(manuscript: Manuscript, xhtml: XHTMLWriter, paper: (width: Double, height: Double), names: Names) throws(DiagnosticError) {
        let (document, warnings) = xhtml.write(manuscript)
        self.warnings = warnings
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let values = try? encoder.encode(TypstValues(manuscript: manuscript, paper: paper)) else {
            throw DiagnosticError(error: .internal, "typst: cannot write the print values")
        }
        files = [
            (names.template, Array(Self.template(names).utf8)), (names.document, document), (names.values, Array(values)),
        ]
        let images = Self.imageNames(manuscript)
        var written: Set<String> = []
        for reference in manuscript.imagePaths.sorted() {
            guard let name = images[reference], let image = manuscript.images[reference], written.insert(name).inserted else { continue }
            files.append((name, image.bytes))
        }
    }

    /// Each image's name in the project, by the path the report gives: its own path from
    /// its folder, unless that is taken by another file.
    public static func imageNames(_ manuscript: Manuscript) -> [String: String] {
        var names: [String: String] = [:]
        var taken: [String: String] = [:]  // name → the file on disk it holds
        for (index, reference) in manuscript.imagePaths.sorted().enumerated() {
            guard let image = manuscript.images[reference] else { continue }
            let own = isPlainRelative(image.path) ? image.path : nil
            // Two images may share a path from different folders (the report's, an asset
            // folder): the second gets a name of its own.
            let key = image.location.isEmpty ? reference : image.location
            var name: String
            if let own, taken[own] == nil || taken[own] == key {
                name = own
            } else {
                // A name of its own, which no other file holds either (a report may have an
                // image at that path too).
                let last = (image.path.split(separator: "/").last.map(String.init) ?? "image").replacingOccurrences(of: "\\", with: "-")
                var attempt = index + 1
                repeat {
                    name = "images/\(attempt)-" + last
                    attempt += manuscript.imagePaths.count
                } while taken[name] != nil && taken[name] != key
            }
            taken[name] = key
            names[reference] = name
        }
        return names
    }

    /// A path of plain names going down: the only kind of name the worker writes (and Typst
    /// reads: it refuses a backslash).
    static func isPlainRelative(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/")
            && path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy {
                !["", ".", ".."].contains($0) && !$0.contains("\0") && !$0.contains("\\")
            }
    }

    /// How deep a report's lists, quotes and inlines may nest for Typst, whose evaluation
    /// stops at a depth of its own (lists 25 deep, quotes 32): a deeper report is refused with
    /// words that say so, rather than with Typst's.
    public static let maximumNesting = 20

    /// How deep the report's blocks and inlines nest, anywhere: its lead, every section and
    /// every note (`ReportContent.nestingDepth` of each).
    static func nestingDepth(of report: Report) -> Int {
        var depth = ReportContent(blocks: report.lead).nestingDepth
        report.forEachSection { depth = max(depth, ReportContent(blocks: $0.blocks).nestingDepth) }
        for note in report.footnotes { depth = max(depth, ReportContent(blocks: note.blocks).nestingDepth) }
        return depth
    }

    /// The house template, reading the XHTML and the values by `names`.
    static func template(_ names: Names) -> String {
        let text = ShippedData.files["print.typ"] ?? ""
        let compiled = Names.compiled
        return text
            .replacingOccurrences(of: "default: \(typstString(compiled.document))", with: "default: \(typstString(names.document))")
            .replacingOccurrences(of: "default: \(typstString(compiled.values))", with: "default: \(typstString(names.values))")
    }

    /// `text` as a Typst string literal.
    static func typstString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
