/// The image formats a report may use, each with the extensions its files take, the bytes
/// its files start with and its media type: one table for the reader's check, the e-book's
/// manifest, the Word package and the preview.
public enum ImageFormat: String, CaseIterable, Sendable {
    case png
    case jpeg
    case gif
    case webp
    case svg

    /// The format's name in messages.
    public var name: String {
        switch self {
        case .png: "PNG"
        case .jpeg: "JPEG"
        case .gif: "GIF"
        case .webp: "WebP"
        case .svg: "SVG"
        }
    }

    /// The extensions of its files, lower case, the usual one first.
    public var extensions: [String] {
        switch self {
        case .jpeg: ["jpg", "jpeg"]
        default: [rawValue]
        }
    }

    public var mediaType: String {
        switch self {
        case .svg: "image/svg+xml"
        default: "image/" + rawValue
        }
    }

    /// The format a file's name says it is in, by its extension (in any case).
    public init?(path: String) {
        let name = path.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: ".") else { return nil }
        let ext = name[name.index(after: dot)...].lowercased()
        guard let format = ImageFormat.allCases.first(where: { $0.extensions.contains(ext) }) else { return nil }
        self = format
    }

    /// The raster format whose signature `bytes` start with; nil for anything else (an SVG
    /// file has no signature).
    public init?(signature bytes: [UInt8]) {
        guard let format = ImageFormat.allCases.first(where: { $0.hasSignature(bytes) }) else { return nil }
        self = format
    }

    /// Whether `bytes` start as a file of this format does; false for SVG, which is text.
    public func hasSignature(_ bytes: [UInt8]) -> Bool {
        switch self {
        case .png: bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        case .jpeg: bytes.starts(with: [0xFF, 0xD8, 0xFF])
        case .gif: bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8))
        case .webp: bytes.count >= 12 && bytes.starts(with: Array("RIFF".utf8)) && Array(bytes[8..<12]) == Array("WEBP".utf8)
        case .svg: false
        }
    }
}
