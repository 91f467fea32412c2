import ReportModel
import XMLSupport

/// Checks that an image file is what its name says, before any edition sees it: a PNG,
/// JPEG, GIF or WebP file must start with its format's signature, and an SVG file must pass
/// `SVGCheck` (no script, no event attribute, no embedded document, no reference outside
/// the image, no document type declaration). An unsafe image is an error, not cleaned: the
/// author fixes the file, and every edition carries exactly the file the author has.
enum ImageContent {
    /// The largest image Imprint reads.
    static let maximumSize = 32 << 20

    /// The image at `path` (a regular file inside the report's folder), read; or why it
    /// cannot be used, in words that complete "the image 'x' …", with its code
    /// (`image-unsafe` for an SVG image that fails `SVGCheck`, else `image-invalid`).
    static func read(at path: String) -> Result<[UInt8], Problem> {
        guard let format = ImageFormat(path: path) else {
            return .failure(Problem(code: .imageInvalid, text: "is not a PNG, JPEG, GIF, WebP or SVG file (by its extension); the e-book and print editions carry only those"))
        }
        let bytes: [UInt8]
        do {
            bytes = try InputFile.read(path, limit: maximumSize)
        } catch {
            return .failure(Problem(code: .imageInvalid, text: "cannot be read: \(error.errors.first?.message ?? "")"))
        }
        if format == .svg {
            let problems = SVGCheck.problems(in: bytes, file: path)
            guard !problems.isEmpty else { return .success(bytes) }
            let listed = problems.prefix(10).map { $0.message + ($0.location.map { " (line \($0.line))" } ?? "") }
            let more = problems.count > 10 ? "; and \(problems.count - 10) more" : ""
            return .failure(Problem(code: .imageUnsafe, text: "is not a safe SVG image: it " + listed.joined(separator: "; it ") + more))
        }
        guard format.hasSignature(bytes) else {
            return .failure(Problem(code: .imageInvalid, text: "is not a \(format.name) file: its content does not start as one does"))
        }
        return .success(bytes)
    }

    struct Problem: Error {
        var code: Diagnostic.Code
        var text: String
    }
}
