import ReportModel
import CLibDeflate
import CMinizip
import Foundation

/// A ZIP archive written as it is made (the e-book's OCF container, the Word edition's
/// package): every entry with the same fixed timestamp, in the order added, so the bytes
/// are reproducible.
///
/// Written with zlib's minizip, which lays the archive out as it goes and keeps only the
/// central directory aside: the cost grows with the bytes, not with the square of the
/// entries (an e-book of 10,000 sections has 10,000). Each entry goes on to the caller's
/// sink once the next one starts, so the archive, larger than the report's text, is never
/// whole in memory.
///
/// The documents are deflated by the caller (see `Deflater`) and handed to minizip as they
/// are ("raw"), so that they can be deflated on several threads (see `ContentEntries`).
public final class ZIPArchive {
    /// One file of the container, deflated (or not) and summed, ready to be written. Made
    /// apart from the writing, so that a book's documents can be made on several threads.
    public struct Entry: Sendable {
        public var path: String
        /// What is stored: the bytes, deflated unless `compressed` is false.
        var data: [UInt8]
        var compressed: Bool
        var size: Int
        var crc: UInt

        /// `deflater`, when the caller makes many entries on one thread, saves making one
        /// for each.
        public init(_ path: String, _ bytes: [UInt8], compressed: Bool = true, deflater: Deflater? = nil) throws(DiagnosticError) {
            self.path = path
            self.compressed = compressed
            data = compressed ? try (deflater ?? Deflater()).deflated(bytes) : bytes
            size = bytes.count
            crc = bytes.withUnsafeBytes { UInt(libdeflate_crc32(0, $0.baseAddress, $0.count)) }
        }
    }

    private let output: ZipOutput
    private let archive: zipFile
    private var info = zip_fileinfo()
    private var closed = false

    /// What the archive is, for messages ("the EPUB container").
    private let name: String

    /// Starts an archive whose entries are dated `modified` (seconds since 1970); its bytes
    /// go to `sink` in order.
    public init(named name: String, modified: Int, to sink: @escaping (UnsafeRawBufferPointer) -> Void) throws(DiagnosticError) {
        self.name = name
        output = ZipOutput(sink: sink)
        var functions = output.functions
        guard let archive = zipOpen2_64("zip", APPEND_STATUS_CREATE, nil, &functions) else {
            throw DiagnosticError(error: .writeFailed, "cannot write \(name)")
        }
        self.archive = archive
        let (time, date) = BuildMoment(seconds: max(modified, 315_532_800)).dos  // ZIP dates start in 1980
        info.dosDate = uLong(date) << 16 | uLong(time)
    }

    deinit {
        if !closed { zipClose(archive, nil) }
    }

    /// Writes one entry as it is ("raw": minizip neither deflates nor sums it again).
    public func add(_ entry: Entry) throws(DiagnosticError) {
        // minizip goes back only into the entry it is writing (to fill in its local
        // header): what came before is final.
        output.flush()
        // General purpose flag bit 11: the name is UTF-8.
        let opened = zipOpenNewFileInZip4_64(
            archive, entry.path, &info, nil, 0, nil, 0, nil, entry.compressed ? Z_DEFLATED : 0, entry.compressed ? 1 : 0,
            1, -MAX_WBITS, DEF_MEM_LEVEL, Z_DEFAULT_STRATEGY, nil, 0, 0, 1 << 11, 0)
        guard opened == ZIP_OK,
            entry.data.withUnsafeBufferPointer({ zipWriteInFileInZip(archive, $0.baseAddress, UInt32($0.count)) }) == ZIP_OK,
            zipCloseFileInZipRaw64(archive, ZPOS64_T(entry.size), uLong(entry.crc)) == ZIP_OK
        else { throw DiagnosticError(error: .writeFailed, "cannot add \(entry.path) to \(name)") }
    }

    /// Writes an entry whose bytes `write` hands over piece by piece as they are made,
    /// deflated on the way by minizip (with zlib, at its fastest level). For the lists
    /// with an entry per section (navigation, NCX, package): on a large book each is
    /// megabytes, and is never held whole with its deflated copy.
    public func add(_ path: String, writing write: ((UnsafeRawBufferPointer) -> Void) -> Void) throws(DiagnosticError) {
        output.flush()
        let opened = zipOpenNewFileInZip4_64(
            archive, path, &info, nil, 0, nil, 0, nil, Z_DEFLATED, 1, 0, -MAX_WBITS, DEF_MEM_LEVEL, Z_DEFAULT_STRATEGY,
            nil, 0, 0, 1 << 11, 0)
        guard opened == ZIP_OK else { throw DiagnosticError(error: .writeFailed, "cannot add \(path) to \(name)") }
        var written = true
        write { piece in
            guard written, let start = piece.baseAddress, !piece.isEmpty else { return }
            written = zipWriteInFileInZip(archive, start, UInt32(piece.count)) == ZIP_OK
        }
        guard written, zipCloseFileInZip(archive) == ZIP_OK else { throw DiagnosticError(error: .writeFailed, "cannot add \(path) to \(name)") }
    }

    /// Writes the central directory: the archive is complete.
    public func close() throws(DiagnosticError) {
        closed = true
        guard zipClose(archive, nil) == ZIP_OK, !output.failed else { throw DiagnosticError(error: .writeFailed, "cannot write \(name)") }
        output.flush()
    }
}

/// The bytes minizip writes, kept in memory from the start of the entry being written (it
/// writes in order, then goes back to fill in that entry's local header) until `flush`
/// hands them on.
private final class ZipOutput {
    private let sink: (UnsafeRawBufferPointer) -> Void
    /// The bytes from offset `flushed` on.
    private var bytes: [UInt8] = []
    private var flushed = 0
    private var position = 0
    /// minizip went back before the bytes kept: it never does, but it must not go unseen.
    private(set) var failed = false

    init(sink: @escaping (UnsafeRawBufferPointer) -> Void) {
        self.sink = sink
    }

    /// minizip's file functions, all writing into this object (passed as their `opaque`).
    var functions: zlib_filefunc64_def {
        var functions = zlib_filefunc64_def()
        functions.opaque = Unmanaged.passUnretained(self).toOpaque()
        functions.zopen64_file = { opaque, _, _ in opaque }
        functions.zread_file = { _, _, _, _ in 0 }
        functions.zwrite_file = { _, stream, buffer, size in
            guard let stream, let buffer else { return 0 }
            let output = Unmanaged<ZipOutput>.fromOpaque(stream).takeUnretainedValue()
            return output.write(UnsafeRawBufferPointer(start: buffer, count: Int(size))) ? size : 0
        }
        functions.ztell64_file = { _, stream in
            stream.map { ZPOS64_T(Unmanaged<ZipOutput>.fromOpaque($0).takeUnretainedValue().position) } ?? 0
        }
        functions.zseek64_file = { _, stream, offset, origin in
            guard let stream else { return -1 }
            let output = Unmanaged<ZipOutput>.fromOpaque(stream).takeUnretainedValue()
            let base: Int
            switch origin {
            case ZLIB_FILEFUNC_SEEK_SET: base = 0
            case ZLIB_FILEFUNC_SEEK_CUR: base = output.position
            case ZLIB_FILEFUNC_SEEK_END: base = output.flushed + output.bytes.count
            default: return -1
            }
            return output.seek(to: base + Int(offset)) ? 0 : -1
        }
        functions.zclose_file = { _, _ in 0 }
        functions.zerror_file = { stream, _ in
            stream.map { Unmanaged<ZipOutput>.fromOpaque($0).takeUnretainedValue().failed ? 1 : 0 } ?? 0
        }
        return functions
    }

    /// Hands on the bytes kept; the position must be at their end.
    func flush() {
        guard !bytes.isEmpty else { return }
        bytes.withUnsafeBytes(sink)
        flushed += bytes.count
        bytes.removeAll(keepingCapacity: true)
    }

    private func seek(to offset: Int) -> Bool {
        guard offset >= flushed, offset <= flushed + bytes.count else {
            failed = true
            return false
        }
        position = offset
        return true
    }

    /// Writes at the current position, over what is there and on past the end.
    private func write(_ data: UnsafeRawBufferPointer) -> Bool {
        guard position >= flushed else {
            failed = true
            return false
        }
        let start = position - flushed
        let overlap = min(data.count, bytes.count - start)
        if overlap > 0 {
            bytes.withUnsafeMutableBytes { target in
                target.baseAddress!.advanced(by: start).copyMemory(from: data.baseAddress!, byteCount: overlap)
            }
        }
        if overlap < data.count { bytes.append(contentsOf: data[overlap...]) }
        position += data.count
        return true
    }
}
