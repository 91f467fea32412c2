import Crypto
import Foundation
import ReportModel

/// The identifier a report gets when its front matter gives none: a name-based UUID
/// (RFC 9562 version 5) of its metadata, so the same metadata always gives the same id.
public enum DefaultIdentifier {
    /// RFC 9562's namespace for URLs, under which Imprint names reports.
    private static let namespace: [UInt8] = [
        0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8,
    ]

    /// `urn:uuid:…` derived from every metadata field except the identifier itself.
    static func make(for metadata: Metadata) -> String {
        var canonical = metadata
        canonical.identifier = ""
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let name = (try? encoder.encode(canonical)) ?? Data(metadata.title.utf8)
        return "urn:uuid:" + uuid5(name: [UInt8]("imprint:report:".utf8) + [UInt8](name))
    }

    /// The identifier as a `urn:uuid:` URN: itself when it is one, else the version 5 UUID
    /// of its text (an EPUB's unique identifier must be a UUID).
    public static func uuidURN(for identifier: String) -> String {
        let lowered = identifier.lowercased()
        if lowered.hasPrefix("urn:uuid:"), lowered.dropFirst(9).count == 36 { return lowered }
        return "urn:uuid:" + uuid5(name: [UInt8]("imprint:identifier:".utf8) + [UInt8](identifier.utf8))
    }

    static func uuid5(name: [UInt8]) -> String {
        var bytes = Array(Insecure.SHA1.hash(data: namespace + name).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }
        return [0..<4, 4..<6, 6..<8, 8..<10, 10..<16].map { hex[$0].joined() }.joined(separator: "-")
    }
}
