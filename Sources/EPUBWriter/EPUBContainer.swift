import Foundation
import ZIPFoundation

/// The OCF container: a ZIP whose first entry is `mimetype`, stored; every entry with the
/// same fixed timestamp and permissions, in the order given, so the bytes are reproducible.
enum EPUBContainer {
    static func zip(_ files: [(path: String, bytes: [UInt8])], modified: Int) throws(EPUBError) -> [UInt8] {
        // ZIP dates start in 1980.
        let date = Date(timeIntervalSince1970: TimeInterval(max(modified, 315_532_800)))
        do {
            let archive = try Archive(accessMode: .create)
            try add("mimetype", Array("application/epub+zip".utf8), to: archive, date: date, compressed: false)
            for file in files { try add(file.path, file.bytes, to: archive, date: date, compressed: true) }
            guard let data = archive.data else { throw EPUBError("the ZIP archive could not be completed") }
            return [UInt8](data)
        } catch let error as EPUBError {
            throw error
        } catch {
            throw EPUBError("cannot write the EPUB container: \(error)")
        }
    }

    private static func add(_ path: String, _ bytes: [UInt8], to archive: Archive, date: Date, compressed: Bool) throws {
        let data = Data(bytes)
        try archive.addEntry(
            with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date, permissions: 0o644,
            compressionMethod: compressed ? .deflate : .none
        ) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }
}
