import Foundation
import NameBasedUUID
import ReportModel

/// The identifier a report gets when its front matter gives none: a name-based UUID of
/// its metadata, so the same metadata always gives the same id.
enum DefaultIdentifier {
    /// `urn:uuid:…` derived from every metadata field except the identifier itself.
    static func make(for metadata: Metadata) -> String {
        var canonical = metadata
        canonical.identifier = ""
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let name = (try? encoder.encode(canonical)) ?? Data(metadata.title.utf8)
        return NameBasedUUID.urn(for: [UInt8]("imprint:report:".utf8) + [UInt8](name))
    }
}
