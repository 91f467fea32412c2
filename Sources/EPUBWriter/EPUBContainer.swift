import CLibZip
import Foundation

/// The OCF container: a ZIP whose first entry is `mimetype`, stored; every entry with the
/// same fixed timestamp, in the order given, so the bytes are reproducible.
///
/// Written with libzip, which lays out the whole archive once when it is closed: the cost
/// grows with the bytes, not with the square of the entries, as a writer that rewrites its
/// central directory after every entry would (an e-book of 10,000 sections has 10,000).
enum EPUBContainer {
    static func zip(_ files: [(path: String, bytes: [UInt8])], modified: Int) throws(EPUBError) -> [UInt8] {
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let buffer = zip_source_buffer_create(nil, 0, 0, &error) else { throw failure(&error) }
        // The archive is written into `buffer`, which must outlive the archive to be read.
        zip_source_keep(buffer)
        defer { zip_source_free(buffer) }
        guard let archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error) else {
            zip_source_free(buffer)  // not taken: both references are still ours
            throw failure(&error)
        }
        let (time, date) = dosTime(max(modified, 315_532_800))  // ZIP dates start in 1980
        do throws(EPUBError) {
            try add("mimetype", Array("application/epub+zip".utf8), to: archive, time: time, date: date, compressed: false)
            for file in files { try add(file.path, file.bytes, to: archive, time: time, date: date, compressed: true) }
        } catch {
            zip_discard(archive)
            throw error
        }
        guard zip_close(archive) == 0 else {
            let problem = String(cString: zip_strerror(archive))
            zip_discard(archive)
            throw EPUBError("cannot write the EPUB container: \(problem)")
        }
        return try contents(of: buffer)
    }

    /// Adds one entry from a copy of `bytes` that libzip owns (and frees once written); an
    /// empty entry has no buffer at all (libzip does not free one of length 0).
    private static func add(
        _ path: String, _ bytes: [UInt8], to archive: OpaquePointer, time: UInt16, date: UInt16, compressed: Bool
    ) throws(EPUBError) {
        let copy: UnsafeMutableRawPointer? = bytes.isEmpty ? nil : malloc(bytes.count)
        if let copy { bytes.withUnsafeBytes { copy.copyMemory(from: $0.baseAddress!, byteCount: $0.count) } }
        guard let source = zip_source_buffer(archive, copy, zip_uint64_t(bytes.count), copy == nil ? 0 : 1) else {
            free(copy)
            throw EPUBError("cannot add \(path) to the EPUB container: \(String(cString: zip_strerror(archive)))")
        }
        let index = zip_file_add(archive, path, source, zip_flags_t(ZIP_FL_ENC_UTF_8))
        guard index >= 0 else {
            zip_source_free(source)
            throw EPUBError("cannot add \(path) to the EPUB container: \(String(cString: zip_strerror(archive)))")
        }
        // Deflate's fastest level: on the benchmark's 10 MB report (10,000 documents) it
        // costs a quarter fewer instructions than the default (6), for a container 7 %
        // larger (each small document is compressed on its own: a deeper search finds
        // little more).
        let method = compressed ? ZIP_CM_DEFLATE : ZIP_CM_STORE
        guard zip_set_file_compression(archive, zip_uint64_t(index), method, 1) == 0,
            zip_file_set_dostime(archive, zip_uint64_t(index), time, date, 0) == 0
        else {
            throw EPUBError("cannot add \(path) to the EPUB container: \(String(cString: zip_strerror(archive)))")
        }
    }

    /// The bytes libzip wrote into the in-memory source.
    private static func contents(of buffer: OpaquePointer) throws(EPUBError) -> [UInt8] {
        guard zip_source_open(buffer) == 0 else { throw EPUBError("cannot read the EPUB container back") }
        defer { zip_source_close(buffer) }
        var stat = zip_stat_t()
        zip_stat_init(&stat)
        guard zip_source_stat(buffer, &stat) == 0, stat.valid & zip_uint64_t(ZIP_STAT_SIZE) != 0 else {
            throw EPUBError("cannot read the EPUB container back")
        }
        var bytes = [UInt8](repeating: 0, count: Int(stat.size))
        let read = bytes.withUnsafeMutableBytes { zip_source_read(buffer, $0.baseAddress, zip_uint64_t($0.count)) }
        guard read == Int64(bytes.count) else { throw EPUBError("cannot read the EPUB container back") }
        return bytes
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

    private static func failure(_ error: inout zip_error_t) -> EPUBError {
        EPUBError("cannot write the EPUB container: \(String(cString: zip_error_strerror(&error)))")
    }
}
