import DOCXWriter
import Foundation
@_spi(Fuzzing) import Imprint
import DocBookWriter
import EPUBWriter
@_spi(Fuzzing) import PDFWriter
import ReportModel
import SharedWriting
@_spi(Fuzzing) import ReportReaders
import TextWriter
import XHTMLWriter
import XMLSupport

/// What the fuzz target checks for each input, in a library of its own (not Imprint's) so
/// that the tests can run the same checks on every finding.
public enum FuzzChecks {
    /// Reads `bytes` as Report Markdown, whole and in pieces of 64 bytes, and traps unless
    /// both reads agree (the model and every diagnostic); when the read succeeds, writes
    /// every edition but the PDF and traps if any output breaks a promise (XML not
    /// well-formed, a text line wider than its width, an EPUB or a Word edition not made).
    public static func run(_ bytes: [UInt8]) {
        checkAddress(String(decoding: bytes, as: UTF8.self))
        checkDeskFile(bytes)
        checkPreviewRequest(bytes)
        checkEscapes(String(decoding: bytes, as: UTF8.self))
        // The SVG checker meets every input too: it must answer, never crash or hang.
        _ = SVGCheck.problems(in: bytes)
        let whole = Outcome(bytes, pieceSize: .max)
        // Fuzzed inputs are small: pieces this small get them cut at all.
        precondition(Outcome(bytes, pieceSize: 64) == whole, "the report reads differently in pieces")
        guard case .read(let report, _) = whole else { return }
        expectWellFormed(DocBookWriter().write(report).bytes, "DocBook")
        expectWellFormed(XHTMLWriter().write(report).bytes, "XHTML")
        let width = 20 + bytes.count % 101
        let text = TextWriter(options: .init(width: width)).text(report)
        for line in text.split(separator: "\n") {
            precondition(TextWriter.displayWidth(of: line) <= width, "a text line is wider than \(width)")
        }
        let epub = try? EPUBWriter(options: .init(stylesheet: "", modified: 0))
            .write(report)
        precondition(epub != nil || !report.imagePaths.isEmpty, "no EPUB for a report without images")
        let docx = try? DOCXWriter().write(report).bytes
        precondition(docx?.starts(with: [0x50, 0x4B]) == true, "no Word edition")
    }

    /// A read, comparable: the report and its warnings, or the errors.
    private enum Outcome: Equatable {
        case read(Report, [Diagnostic])
        case failed([Diagnostic])

        init(_ bytes: [UInt8], pieceSize: Int) {
            do {
                let result = try ReportMarkdownReader.read(bytes, file: "fuzz.md", reportPath: nil, pieceSize: pieceSize)
                self = .read(result.report, result.warnings)
            } catch {
                self = .failed(error.diagnostics)
            }
        }
    }

    /// An address the rule makes active has an allowed scheme, holds nothing a URI may not,
    /// and is its own canonical form.
    private static func checkAddress(_ text: String) {
        guard case .active(let url) = Address.classify(text) else { return }
        precondition(Address.scheme(of: url).map(Address.activeSchemes.contains) == true, "an active address with another scheme")
        precondition(
            !url.unicodeScalars.contains { $0.value <= 0x20 || (0x7F...0x9F).contains($0.value) || "\"<>\\^`{|}".unicodeScalars.contains($0) },
            "an active address holds what a URI may not")
        precondition(Address.classify(url) == .active(url), "an active address is not its own canonical form")
    }

    /// A folder of the fuzzer's own, with a desk file it rewrites for each input.
    private static let deskFolder: String = {
        let folder = NSTemporaryDirectory() + "imprint-fuzz-desk-\(getpid())"
        try? FileManager.default.createDirectory(atPath: folder + "/inside", withIntermediateDirectories: true)
        return FolderRule.realPath(folder) ?? folder
    }()

    /// The input as an `imprint.yml`: read or refused, never a crash, and when read, every
    /// path it gives is inside its folder and every word of the desk's is one bounded line.
    private static func checkDeskFile(_ bytes: [UInt8]) {
        let path = deskFolder + "/imprint.yml"
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)),
            let desk = try? DeskConfiguration.read([path])
        else { return }
        for (key, setting) in desk.buildOptions where DeskConfiguration.pathKeys.contains(key) {
            for value in setting.values {
                precondition(FolderRule.isInside(value, deskFolder, orSame: true), "a desk file's \(key) leads out of its folder: \(value)")
            }
        }
        for word in desk.words.values.flatMap(\.values) {
            precondition(word.text.count <= DeskConfiguration.wordLimits.characters, "a desk word past its length")
            precondition(!word.text.unicodeScalars.contains { $0.value < 0x20 }, "a desk word with a control character")
        }
    }

    /// The input as a request head: the preview answers only its own name.
    private static func checkPreviewRequest(_ bytes: [UInt8]) {
        guard case .read = PreviewServer.request(from: bytes, port: 8000) else { return }
        let text = String(decoding: bytes, as: UTF8.self).lowercased()
        precondition(text.contains("127.0.0.1:8000") || text.contains("localhost:8000"), "the preview answered another host")
    }

    /// Text made safe for a terminal holds no control character but tab; a word made a CSS
    /// string cannot end the string or a `<style>` element.
    private static func checkEscapes(_ text: String) {
        precondition(!text.terminalSafe.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\t") || (0x7F...0x9F).contains($0.value) },
            "a control character reaches the terminal")
        let css = PrintStyle.quoted(Substring(text))
        precondition(!css.dropFirst().dropLast().contains { "\"<>&".contains($0) }, "a CSS string that can end itself or its element")
        _ = StyleSheetAddresses.references(in: text)
    }

    private static func expectWellFormed(_ bytes: [UInt8], _ what: String) {
        do {
            _ = try XMLDocument.parse(bytes)
        } catch {
            preconditionFailure("\(what) output is not well-formed: \(error)")
        }
    }
}
