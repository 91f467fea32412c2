import CLibDeflate

/// A PNG of 8-bit RGBA pixels, compressed by libdeflate: one IHDR, one IDAT, each row
/// filtered by the one above it ("Up", which suits the flat colours and smooth shading of a
/// drawing; the first row by a row of zeros, the same as none). No time or text chunk, so
/// the same pixels give the same bytes.
enum PNGEncoder {
    /// The PNG of `width` × `height` pixels, each row's RGBA bytes (four a pixel) written
    /// by `row` (its index, top to bottom, and where to put them): a row at a time, so the
    /// pixels are never held twice.
    static func encode(width: Int, height: Int, row fill: (Int, UnsafeMutableBufferPointer<UInt8>) -> Void) -> [UInt8] {
        let rowBytes = width * 4
        var filtered = [UInt8](repeating: 0, count: height * (rowBytes + 1))
        var previous = [UInt8](repeating: 0, count: rowBytes)
        var current = [UInt8](repeating: 0, count: rowBytes)
        filtered.withUnsafeMutableBufferPointer { out in
            for row in 0..<height {
                current.withUnsafeMutableBufferPointer { fill(row, $0) }
                let target = row * (rowBytes + 1)
                out[target] = row == 0 ? 0 : 2
                current.withUnsafeBufferPointer { now in
                    previous.withUnsafeBufferPointer { above in
                        for column in 0..<rowBytes { out[target + 1 + column] = now[column] &- above[column] }
                    }
                }
                swap(&previous, &current)
            }
        }
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        append32(UInt32(width), to: &header)
        append32(UInt32(height), to: &header)
        // 8 bits a sample, colour type 6 (RGBA), deflate, adaptive filtering, no interlace.
        header += [8, 6, 0, 0, 0]
        appendChunk("IHDR", header, to: &png)
        appendChunk("IDAT", compressed(filtered), to: &png)
        appendChunk("IEND", [], to: &png)
        return png
    }

    /// `bytes` as a zlib stream, at libdeflate's level 6.
    private static func compressed(_ bytes: [UInt8]) -> [UInt8] {
        guard let compressor = libdeflate_alloc_compressor(6) else { return [] }
        defer { libdeflate_free_compressor(compressor) }
        var output = [UInt8](repeating: 0, count: libdeflate_zlib_compress_bound(compressor, bytes.count))
        let size = bytes.withUnsafeBytes { input in
            output.withUnsafeMutableBytes { out in
                libdeflate_zlib_compress(compressor, input.baseAddress, input.count, out.baseAddress, out.count)
            }
        }
        return Array(output.prefix(size))
    }

    private static func appendChunk(_ type: String, _ data: [UInt8], to png: inout [UInt8]) {
        append32(UInt32(data.count), to: &png)
        let typed = Array(type.utf8) + data
        png += typed
        append32(typed.withUnsafeBytes { UInt32(libdeflate_crc32(0, $0.baseAddress, $0.count)) }, to: &png)
    }

    private static func append32(_ value: UInt32, to bytes: inout [UInt8]) {
        bytes += [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }
}
