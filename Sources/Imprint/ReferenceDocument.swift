import Foundation
import ReportModel
import ZIPSupport

/// A desk's Word template (`--reference-doc FILE.docx`), as Pandoc takes one: its styles
/// (`word/styles.xml`) restyle the Word edition. The file is the user's and is read as
/// untrusted: at most 8 MiB of styles, parsed by the Word writer without network or
/// external entities.
enum ReferenceDocument {
    static let maximumSize = 8 << 20

    static func styles(at path: String) throws(DiagnosticError) -> [UInt8] {
        guard FileManager.default.fileExists(atPath: path) else {
            throw DiagnosticError(error: .referenceDocInvalid, "--reference-doc: the file does not exist", at: .file(path))
        }
        switch ZIPEntryReader.read("word/styles.xml", inArchiveAt: path, limit: maximumSize) {
        case .success(let bytes): return bytes
        case .failure(let failure):
            let problem =
                switch failure {
                case .notAnArchive: "is not a Word document (.docx): it cannot be opened as one"
                case .missing: "has no styles (word/styles.xml)"
                case .tooLarge: "has styles larger than \(maximumSize >> 20) MiB"
                case .unreadable: "cannot be read"
                case .notAFile: "is not a regular file (a device, FIFO or socket)"
                }
            throw DiagnosticError(error: .referenceDocInvalid, "--reference-doc: the file \(problem)", at: .file(path))
        }
    }
}
