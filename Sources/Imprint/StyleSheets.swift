import Foundation
import ReportModel
import ReportReaders
import SystemSupport
import XHTMLWriter
import XMLSupport

/// Imprint's style sheets, compiled into the binary from `Styles/` (`ShippedData`, made by
/// the EmbedData plugin), so that the binary runs from any folder. A folder named by
/// `IMPRINT_STYLES` overrides them file by file: a desk's house style, or a development
/// copy tried without rebuilding.
enum StyleSheets {
    static func shipped(_ name: String) throws(DiagnosticError) -> String {
        if let path = overridePath(name) {
            guard let bytes = try? InputFile.read(path, limit: 4 << 20), let text = String(validating: bytes, as: UTF8.self) else {
                throw DiagnosticError(error: .styleSheetUnreadable, "cannot read \(name) in IMPRINT_STYLES as UTF-8 text", at: .file(path))
            }
            return text
        }
        guard let text = ShippedData.files[name] else {
            throw DiagnosticError(error: .internal, "Imprint was built without its file \(name) (Styles/\(name) is compiled in)")
        }
        return text
    }

    /// The file that overrides `name`: in the folder `IMPRINT_STYLES` names, when it holds one.
    static func overridePath(_ name: String) -> String? {
        guard let folder = Environment.value("IMPRINT_STYLES"), !folder.isEmpty else { return nil }
        let path = folder + "/" + name
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// The files of `IMPRINT_STYLES` that override shipped ones, in the order of their names.
    static var overridePaths: [String] {
        ShippedData.files.keys.sorted().compactMap(overridePath)
    }

    /// A digest of every compiled-in file, for the build stamp: a binary built from other
    /// style sheets rebuilds the editions.
    static let compiledDigest: String = BuildStamp.digest(
        Array(ShippedData.files.sorted { $0.key < $1.key }.map { $0.key + "\u{0}" + $0.value }.joined(separator: "\u{0}").utf8))

    /// A style sheet the user named with `--css`.
    static func user(_ path: String) throws(DiagnosticError) -> String {
        let bytes: [UInt8]
        do {
            bytes = try InputFile.read(path, limit: 4 << 20)
        } catch {
            throw DiagnosticError(error: .styleSheetUnreadable, "--css: \(error.errors.first?.message ?? "cannot read the style sheet")", at: .file(path))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw DiagnosticError(error: .styleSheetUnreadable, "--css: the style sheet is not UTF-8 text", at: .file(path))
        }
        if let problem = XHTMLWriter.embeddingProblem(in: text) ?? addressProblem(in: text) {
            throw DiagnosticError(error: .styleSheetUnsafe, "cannot embed this style sheet: \(problem)", at: .file(path))
        }
        return text
    }

    /// The one address rule for style sheets, in every edition they reach (the PDF, the
    /// XHTML's style sheet, the e-book): nothing from the network, no active scheme, no
    /// other style sheet. A `url(…)` is a `data:` address or a relative path (which the PDF
    /// engine's fetcher still holds to the report's folder); escapes are resolved first.
    static func addressProblem(in css: String) -> String? {
        let references = StyleSheetAddresses.references(in: css)
        if references.imports { return "it imports another style sheet (@import); paste its rules in instead" }
        if let fetch = references.otherFetches.first { return "it fetches with \(fetch)(…); use url(…) with a relative path" }
        for url in references.urls {
            // As a browser reads an address (`Address.normalized`): controls and spaces at
            // its ends and tabs and line breaks inside it dropped.
            let address = Address.normalized(url)
            if address.hasPrefix("data:") { continue }
            if Address.scheme(of: address) != nil || address.hasPrefix("/") || address.hasPrefix("\\") {
                return "it refers to '\(address.prefix(120))'; a style sheet may use only data: addresses and paths relative to it"
            }
        }
        return nil
    }

    /// The most bytes the user's style sheets may have together.
    static let combinedLimit = 8 << 20

    /// The user's style sheets (`user`), each file once: a sheet named again is read where
    /// it is named last, which is where it weighs in the cascade. Together they may have at
    /// most `combinedLimit` bytes.
    static func users(_ paths: [String]) throws(DiagnosticError) -> [(path: String, text: String)] {
        let files = paths.map { FolderRule.realPath($0) ?? $0 }
        let lastPlace = Dictionary(files.enumerated().map { ($1, $0) }) { _, later in later }
        var sheets: [(path: String, text: String)] = []
        var total = 0
        for (index, path) in paths.enumerated() where lastPlace[files[index]] == index {
            let text = try user(path)
            total += text.utf8.count
            guard total <= combinedLimit else {
                throw DiagnosticError(
                    error: .styleSheetUnreadable, "--css: the style sheets together are larger than \(combinedLimit >> 20) MiB", at: .file(path))
            }
            sheets.append((path, text))
        }
        return sheets
    }
}
