import ReportModel

/// An image's size in pixels, read from its header (PNG, JPEG, GIF), so that the Word
/// edition can give a drawing its extent.
struct ImageSize: Equatable {
    var width: Int
    var height: Int

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    init?(_ bytes: [UInt8]) {
        func big16(_ at: Int) -> Int { Int(bytes[at]) << 8 | Int(bytes[at + 1]) }
        func big32(_ at: Int) -> Int { big16(at) << 16 | big16(at + 2) }
        func little16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        switch ImageFormat(signature: bytes) {
        case .png where bytes.count >= 24:
            (width, height) = (big32(16), big32(20))
        case .gif where bytes.count >= 10:
            (width, height) = (little16(6), little16(8))
        case .jpeg:
            // The first start-of-frame marker holds the size.
            var offset = 2
            var found: (Int, Int)?
            while offset + 9 < bytes.count, bytes[offset] == 0xFF {
                let marker = bytes[offset + 1]
                let length = big16(offset + 2)
                if (0xC0...0xCF).contains(marker), marker != 0xC4, marker != 0xC8, marker != 0xCC {
                    found = (big16(offset + 7), big16(offset + 5))
                    break
                }
                offset += 2 + length
            }
            guard let found else { return nil }
            (width, height) = found
        default:
            return nil
        }
        guard width > 0, height > 0 else { return nil }
    }
}
