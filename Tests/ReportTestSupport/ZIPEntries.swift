import Foundation

/// An entry of a ZIP archive as an independent reader (Python's `zipfile`) finds it.
public struct ZIPEntry: Sendable {
    public var path: String
    public var bytes: [UInt8]
    public var compressedSize: Int
    /// The DOS date and time fields as written: year, month, day, hour, minute, second.
    public var modified: [Int]

    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// The entries of the ZIP archive `bytes`, in the archive's order, read by Python's
/// `zipfile` (a reader that shares nothing with Imprint's writer).
public func zipEntries(_ bytes: [UInt8]) throws -> [ZIPEntry] {
    let path = NSTemporaryDirectory() + "imprint-zip-" + UUID().uuidString + ".zip"
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let program = """
        import base64, json, sys, zipfile
        with zipfile.ZipFile(sys.argv[1]) as archive:
            print(json.dumps([[i.filename, base64.b64encode(archive.read(i)).decode(), i.compress_size, list(i.date_time)]
                              for i in archive.infolist()]))
        """
    let (status, output) = try runProgram("/usr/bin/env", ["python3", "-c", program, path])
    struct Unreadable: Error, CustomStringConvertible { var description: String }
    guard status == 0, let rows = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[Any]] else {
        throw Unreadable(description: "Python's zipfile cannot read the archive: \(output.suffix(1000))")
    }
    return rows.map { row in
        ZIPEntry(
            path: row[0] as? String ?? "", bytes: Array(Data(base64Encoded: row[1] as? String ?? "") ?? Data()),
            compressedSize: row[2] as? Int ?? -1, modified: row[3] as? [Int] ?? [])
    }
}
