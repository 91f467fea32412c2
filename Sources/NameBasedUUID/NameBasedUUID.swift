import Crypto

/// Name-based UUIDs (RFC 9562 version 5, SHA-1): the same name always gives the same
/// UUID, so identifiers Imprint derives are stable from build to build. Names live in
/// RFC 9562's URL namespace, each prefixed by the caller with what it names.
public enum NameBasedUUID {
    /// RFC 9562's namespace for URLs.
    private static let namespace: [UInt8] = [
        0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8,
    ]

    /// `urn:uuid:…` of the version 5 UUID of `name`, in lower-case hexadecimal.
    public static func urn(for name: [UInt8]) -> String {
        var bytes = Array(Insecure.SHA1.hash(data: namespace + name).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }
        return "urn:uuid:" + [0..<4, 4..<6, 6..<8, 8..<10, 10..<16].map { hex[$0].joined() }.joined(separator: "-")
    }
}
