import CLibDeflate
import Testing
@testable import SharedWriting

@Suite struct PNGEncoderTests {
    /// The PNG reads back as its pixels: a valid header, chunks whose CRCs hold, and an IDAT
    /// whose rows, unfiltered, are the rows given.
    @Test func pixelsReadBackFromThePNG() throws {
        let rows: [[UInt8]] = [[255, 0, 0, 255, 0, 255, 0, 128], [0, 0, 255, 255, 10, 20, 30, 0], [9, 9, 9, 9, 200, 100, 50, 255]]
        let png = PNGEncoder.encode(width: 2, height: 3) { row, out in
            for (index, byte) in rows[row].enumerated() { out[index] = byte }
        }
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        var chunks: [(type: String, data: [UInt8])] = []
        var offset = 8
        func big32(_ at: Int) -> Int { png[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        while offset + 12 <= png.count {
            let length = big32(offset)
            let typed = Array(png[offset + 4..<offset + 8 + length])
            let crc = typed.withUnsafeBytes { Int(libdeflate_crc32(0, $0.baseAddress, $0.count)) }
            #expect(crc == big32(offset + 8 + length), "the CRC of \(String(decoding: typed.prefix(4), as: UTF8.self))")
            chunks.append((String(decoding: typed.prefix(4), as: UTF8.self), Array(typed.dropFirst(4))))
            offset += 12 + length
        }
        #expect(chunks.map(\.type) == ["IHDR", "IDAT", "IEND"])
        #expect(chunks[0].data == [0, 0, 0, 2, 0, 0, 0, 3, 8, 6, 0, 0, 0])
        let decompressor = try #require(libdeflate_alloc_decompressor())
        defer { libdeflate_free_decompressor(decompressor) }
        var raw = [UInt8](repeating: 0, count: 3 * 9)
        let result = chunks[1].data.withUnsafeBytes { input in
            raw.withUnsafeMutableBytes { libdeflate_zlib_decompress(decompressor, input.baseAddress, input.count, $0.baseAddress, $0.count, nil) }
        }
        #expect(result == LIBDEFLATE_SUCCESS)
        var above = [UInt8](repeating: 0, count: 8)
        for row in 0..<3 {
            let line = raw[row * 9..<row * 9 + 9]
            #expect(line.first == (row == 0 ? 0 : 2), "row \(row)'s filter")
            let pixels = zip(line.dropFirst(), above).map { $0 &+ $1 }
            #expect(pixels == rows[row], "row \(row)")
            above = pixels
        }
    }
}
