import CLibDeflate
import CMinizip
import Foundation

/// The OCF container: a ZIP whose first entry is `mimetype`, stored; every entry with the
/// same fixed timestamp, in the order given, so the bytes are reproducible.
///
/// Written with zlib's minizip, which lays the archive out as it goes and keeps only the
/// central directory aside: the cost grows with the bytes, not with the square of the
/// entries (an e-book of 10,000 sections has 10,000).
///
/// The documents are deflated here (see `Deflater`) and handed to minizip as they are
/// ("raw"), so that they can be deflated on several threads (see `ContentEntries`).
enum EPUBContainer {
    /// One file of the container, deflated (or not) and summed, ready to be written. Made
    /// apart from the writing, so that a book's documents can be made on several threads.
    struct Entry: Sendable {
        var path: String
        /// What is stored: the bytes, deflated unless `compressed` is false.
        var data: [UInt8]
        var compressed: Bool
        var size: Int
        var crc: UInt

        /// `deflater`, when the caller makes many entries on one thread, saves making one
        /// for each.
        init(_ path: String, _ bytes: [UInt8], compressed: Bool = true, deflater: Deflater? = nil) throws(EPUBError) {
            self.path = path
            self.compressed = compressed
            data = compressed ? try (deflater ?? Deflater()).deflated(bytes) : bytes
            size = bytes.count
            crc = bytes.withUnsafeBytes { UInt(libdeflate_crc32(0, $0.baseAddress, $0.count)) }
        }
    }

    /// The container: `mimetype` first, stored, then `entries` in the order given.
    static func zip(_ entries: [Entry], modified: Int) throws(EPUBError) -> [UInt8] {
        let output = ZipOutput()
        var functions = output.functions
        guard let archive = zipOpen2_64("epub", APPEND_STATUS_CREATE, nil, &functions) else {
            throw EPUBError("cannot write the EPUB container")
        }
        var info = zip_fileinfo()
        let (time, date) = dosTime(max(modified, 315_532_800))  // ZIP dates start in 1980
        info.dosDate = uLong(date) << 16 | uLong(time)
        do throws(EPUBError) {
            try add(Entry("mimetype", Array("application/epub+zip".utf8), compressed: false), to: archive, info: info)
            for entry in entries { try add(entry, to: archive, info: info) }
        } catch {
            zipClose(archive, nil)
            throw error
        }
        guard zipClose(archive, nil) == ZIP_OK else { throw EPUBError("cannot write the EPUB container") }
        return output.bytes
    }

    /// Writes one entry as it is ("raw": minizip neither deflates nor sums it again).
    private static func add(_ entry: Entry, to archive: zipFile, info: zip_fileinfo) throws(EPUBError) {
        var info = info
        // General purpose flag bit 11: the name is UTF-8.
        let opened = zipOpenNewFileInZip4_64(
            archive, entry.path, &info, nil, 0, nil, 0, nil, entry.compressed ? Z_DEFLATED : 0, entry.compressed ? 1 : 0,
            1, -MAX_WBITS, DEF_MEM_LEVEL, Z_DEFAULT_STRATEGY, nil, 0, 0, 1 << 11, 0)
        guard opened == ZIP_OK,
            entry.data.withUnsafeBufferPointer({ zipWriteInFileInZip(archive, $0.baseAddress, UInt32($0.count)) }) == ZIP_OK,
            zipCloseFileInZipRaw64(archive, ZPOS64_T(entry.size), uLong(entry.crc)) == ZIP_OK
        else { throw EPUBError("cannot add \(entry.path) to the EPUB container") }
    }

    /// MS-DOS time and date of a moment, in UTC (ZIP has no time zone; UTC keeps the
    /// bytes the same wherever the book is built).
    static func dosTime(_ seconds: Int) -> (time: UInt16, date: UInt16) {
        var moment = time_t(seconds)
        var parts = tm()
        gmtime_r(&moment, &parts)
        let time = UInt16(parts.tm_hour) << 11 | UInt16(parts.tm_min) << 5 | UInt16(parts.tm_sec / 2)
        let date = UInt16(max(parts.tm_year - 80, 0)) << 9 | UInt16(parts.tm_mon + 1) << 5 | UInt16(parts.tm_mday)
        return (time, date)
    }
}

/// The bytes minizip writes, kept in memory: it writes in order, then goes back to fill
/// in each entry's local header.
private final class ZipOutput {
    var bytes: [UInt8] = []
    var position = 0

    /// minizip's file functions, all writing into this object (passed as their `opaque`).
    var functions: zlib_filefunc64_def {
        var functions = zlib_filefunc64_def()
        functions.opaque = Unmanaged.passUnretained(self).toOpaque()
        functions.zopen64_file = { opaque, _, _ in opaque }
        functions.zread_file = { _, _, _, _ in 0 }
        functions.zwrite_file = { _, stream, buffer, size in
            guard let stream, let buffer else { return 0 }
            let output = Unmanaged<ZipOutput>.fromOpaque(stream).takeUnretainedValue()
            output.write(UnsafeRawBufferPointer(start: buffer, count: Int(size)))
            return size
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
            case ZLIB_FILEFUNC_SEEK_END: base = output.bytes.count
            default: return -1
            }
            guard base + Int(offset) <= output.bytes.count else { return -1 }
            output.position = base + Int(offset)
            return 0
        }
        functions.zclose_file = { _, _ in 0 }
        functions.zerror_file = { _, _ in 0 }
        return functions
    }

    /// Writes at the current position, over what is there and on past the end.
    func write(_ data: UnsafeRawBufferPointer) {
        let overlap = min(data.count, bytes.count - position)
        if overlap > 0 {
            bytes.withUnsafeMutableBytes { target in
                target.baseAddress!.advanced(by: position).copyMemory(from: data.baseAddress!, byteCount: overlap)
            }
        }
        if overlap < data.count { bytes.append(contentsOf: data[overlap...]) }
        position += data.count
    }
}
