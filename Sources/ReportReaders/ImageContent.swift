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

    /// The formats an image may be in, by the extensions their files have.
    static let formats: [String: String] = [
        "png": "PNG", "jpg": "JPEG", "jpeg": "JPEG", "gif": "GIF", "webp": "WebP", "svg": "SVG",
    ]

    /// Why the image at `path` (a regular file inside the report's folder) cannot be used,
    /// in words that complete "the image 'x' …", with its code (`image-unsafe` for an SVG
    /// image that fails `SVGCheck`, else `image-invalid`); nil when it is fine.
    static func problem(at path: String) -> (code: Diagnostic.Code, text: String)? {
        let name = path.split(separator: "/").last ?? ""
        let dot = name.lastIndex(of: ".")
        let ext = dot.map { name[name.index(after: $0)...].lowercased() } ?? ""
        guard let format = formats[ext] else {
            return (.imageInvalid, "is not a PNG, JPEG, GIF, WebP or SVG file (by its extension); the e-book and print editions carry only those")
        }
        let bytes: [UInt8]
        do {
            bytes = try InputFile.read(path, limit: maximumSize)
        } catch {
            return (.imageInvalid, "cannot be read: \(error.errors.first?.message ?? "")")
        }
        if format == "SVG" {
            let problems = SVGCheck.problems(in: bytes, file: path)
            guard !problems.isEmpty else { return nil }
            let listed = problems.prefix(10).map { $0.message + ($0.location.map { " (line \($0.line))" } ?? "") }
            let more = problems.count > 10 ? "; and \(problems.count - 10) more" : ""
            return (.imageUnsafe, "is not a safe SVG image: it " + listed.joined(separator: "; it ") + more)
        }
        return hasSignature(bytes, of: format) ? nil : (.imageInvalid, "is not a \(format) file: its content does not start as one does")
    }

    private static func hasSignature(_ bytes: [UInt8], of format: String) -> Bool {
        switch format {
        case "PNG": return bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        case "JPEG": return bytes.starts(with: [0xFF, 0xD8, 0xFF])
        case "GIF": return bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8))
        default: return bytes.count >= 12 && bytes.starts(with: Array("RIFF".utf8)) && Array(bytes[8..<12]) == Array("WEBP".utf8)
        }
    }
}
