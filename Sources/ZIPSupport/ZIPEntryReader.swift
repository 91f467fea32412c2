import CMinizip
#if canImport(Glibc)
    import Glibc
#endif
import ReportModel

/// Reads one entry of a ZIP file (a Word template's `word/styles.xml`), with zlib's
/// minizip, never more than a limit: a small archive may inflate to gigabytes.
public enum ZIPEntryReader {
    public enum Failure: Error, Sendable {
        case notAnArchive, missing, tooLarge, unreadable, notAFile
    }

    /// The bytes of the entry `name` of the ZIP file at `path`, at most `limit` of them.
    /// Only a regular file is opened: minizip's `fopen` would wait forever on a FIFO.
    public static func read(_ name: String, inArchiveAt path: String, limit: Int) -> Result<[UInt8], Failure> {
        var status = stat()
        guard stat(path, &status) == 0 else { return .failure(.unreadable) }
        guard status.st_mode & S_IFMT == S_IFREG else { return .failure(.notAFile) }
        guard let archive = unzOpen64(path) else { return .failure(.notAnArchive) }
        defer { unzClose(archive) }
        guard unzLocateFile(archive, name, 1) == UNZ_OK else { return .failure(.missing) }
        var info = unz_file_info64()
        guard unzGetCurrentFileInfo64(archive, &info, nil, 0, nil, 0, nil, 0) == UNZ_OK else { return .failure(.unreadable) }
        guard info.uncompressed_size <= UInt64(limit) else { return .failure(.tooLarge) }
        guard unzOpenCurrentFile(archive) == UNZ_OK else { return .failure(.unreadable) }
        defer { unzCloseCurrentFile(archive) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { unzReadCurrentFile(archive, $0.baseAddress, UInt32($0.count)) }
            if count < 0 { return .failure(.unreadable) }
            if count == 0 { break }
            bytes += buffer[..<Int(count)]
            // The size the archive states may lie.
            if bytes.count > limit { return .failure(.tooLarge) }
        }
        return .success(bytes)
    }
}
