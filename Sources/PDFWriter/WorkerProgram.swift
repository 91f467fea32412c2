import Foundation
import SystemSupport

/// The PDF worker's Python program (`Worker/pdf-worker.py`), compiled in. For development
/// only, `IMPRINT_PDF_WORKER` names a file to run instead, tried without rebuilding: the
/// worker is the sandbox the PDF engine runs in, so a desk's house style
/// (`IMPRINT_STYLES`) cannot replace it.
public enum WorkerProgram {
    /// The program's text, for the build stamp (a changed worker rebuilds the PDFs); nil
    /// when it cannot be read.
    public static var source: String? { try? text() }

    /// The program's text: the file `IMPRINT_PDF_WORKER` names, or the compiled-in one.
    static func text() throws(PDFWorker.Failure) -> String {
        guard let path = Environment.value("IMPRINT_PDF_WORKER"), !path.isEmpty else {
            guard let text = ShippedData.files[fileName] else {
                throw PDFWorker.Failure(description: "Imprint was built without its PDF worker (\(fileName) is compiled in)")
            }
            return text
        }
        guard let data = FileManager.default.contents(atPath: path), data.count <= 4 << 20, let text = String(data: data, encoding: .utf8) else {
            throw PDFWorker.Failure(description: "cannot read the PDF worker IMPRINT_PDF_WORKER names (\(path)) as UTF-8 text")
        }
        return text
    }

    static let fileName = "pdf-worker.py"
}
