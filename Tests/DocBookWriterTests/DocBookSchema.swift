import Foundation
import Testing
import ReportModel
import XMLSupport
import ReportTestSupport

/// Debian's DocBook 5.0 RELAX NG schema (package docbook5-xml), which every DocBook
/// output must satisfy.
enum DocBookSchema {
    static let path = "/usr/share/xml/docbook/schema/rng/5.0/docbook.rng"

    /// The problems the schema finds in `bytes`, after a round trip through the serialised
    /// form (so the bytes on disk are what is checked).
    static func problems(in bytes: [UInt8], schema: RelaxNGSchema) throws -> [Diagnostic] {
        let document = try XMLDocument.parse(bytes, url: "output.xml")
        return schema.validate(document)
    }

    static func load() throws -> RelaxNGSchema {
        try #require(FileManager.default.fileExists(atPath: path), "install docbook5-xml: \(path) is missing")
        return try RelaxNGSchema(path: path)
    }
}
