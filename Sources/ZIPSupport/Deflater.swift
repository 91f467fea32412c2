import ReportModel
import CLibDeflate

/// Raw DEFLATE (as ZIP stores it) of whole documents, with libdeflate.
///
/// The e-book's documents are deflated whole, which is what libdeflate is made for: at
/// its fastest level it does less work than zlib at its own fastest, for a slightly
/// smaller book (docs/performance.md has the figures).
///
/// A deflater is for one thread at a time; it keeps libdeflate's compressor (its tables)
/// from one document to the next.
public final class Deflater {
    private let compressor: OpaquePointer

    public init() {
        // Level 1, the fastest: a book's documents are a few kilobytes each, and higher
        // levels make them hardly smaller for much more work.
        // Allocation fails only when memory does.
        compressor = libdeflate_alloc_compressor(1)!
    }

    deinit {
        libdeflate_free_compressor(compressor)
    }

    public func deflated(_ bytes: [UInt8]) throws(DiagnosticError) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: libdeflate_deflate_compress_bound(compressor, bytes.count))
        let size = bytes.withUnsafeBytes { input in
            output.withUnsafeMutableBytes { out in
                libdeflate_deflate_compress(compressor, input.baseAddress, input.count, out.baseAddress, out.count)
            }
        }
        guard size > 0 else { throw DiagnosticError(error: .internal, "libdeflate could not deflate a document") }
        output.removeLast(output.count - size)
        return output
    }
}
