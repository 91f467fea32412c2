/// An image file a report uses, read once, when the reader checked it: these bytes are the
/// ones every edition embeds and the build stamp digests, so that a file changed during a
/// build cannot give one edition other bytes than another, or than the ones checked.
public struct ImageFile: Sendable, Equatable {
    /// Its path from the folder it is in (the report's, or a desk's asset folder): where
    /// the XHTML edition writes it beside itself.
    public var path: String
    /// Where it is on disk, every link resolved.
    public var location: String
    public var bytes: [UInt8]

    public init(path: String, location: String, bytes: [UInt8]) {
        self.path = path
        self.location = location
        self.bytes = bytes
    }
}

extension ImageFile {
    /// Image files for a model made in code (tests, the fuzzer): each image's bytes by the
    /// path the report gives, with no file on disk behind them.
    public static func files(_ bytes: [String: [UInt8]]) -> [String: ImageFile] {
        Dictionary(uniqueKeysWithValues: bytes.map { ($0.key, ImageFile(path: $0.key, location: "", bytes: $0.value)) })
    }
}
