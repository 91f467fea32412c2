import Foundation
import ReportModel
import Testing

@testable import ReportReaders

/// The reader reads each image once, when it checks it, and hands on those bytes: the
/// editions embed and the stamp digests what was checked.
@Suite struct ImageFileTests {
    private static let svg = #"<svg xmlns="http://www.w3.org/2000/svg" width="4" height="2"><rect width="4" height="2"/></svg>"#

    @Test func everyImageIsKeptWithTheBytesChecked() throws {
        let fixture = Fixture(
            report("![Map](maps/map.svg)\n\nSee ![again](./maps/../maps/map.svg) inline.\n", frontMatter: "cover: cover.svg\n"),
            files: ["maps/map.svg": Self.svg, "cover.svg": Self.svg.replacingOccurrences(of: "4", with: "8")])
        let result = try fixture.read()
        #expect(result.report.imagePaths.sorted() == ["cover.svg", "maps/map.svg"])
        #expect(Set(result.report.imagePaths).isSubset(of: result.images.keys))
        #expect(Set(result.images.values.map(\.location)).count == 2, "one file under two spellings is one image")
        let map = try #require(result.images["maps/map.svg"])
        #expect(map.bytes == Array(Self.svg.utf8) && map.path == "maps/map.svg")
        #expect(map.location == FolderRule.realPath(fixture.folder + "/maps/map.svg"))
        #expect(result.images["cover.svg"]?.bytes == Array(Self.svg.replacingOccurrences(of: "4", with: "8").utf8))
    }

    @Test func aModelsImagesAreKeptToo() throws {
        let markdown = try Fixture(report("![Map](map.svg)\n"), files: ["map.svg": Self.svg]).read()
        let model = try JSONEncoder().encode(markdown.report)
        let folder = NSTemporaryDirectory() + "imprint-model-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: folder + "/map.svg", contents: Data(Self.svg.utf8))
        let read = try ReportJSONReader.read(Array(model), file: folder + "/r.json", reportPath: folder + "/r.json")
        #expect(read.images["map.svg"]?.bytes == Array(Self.svg.utf8))
        // A model keeps its paths as written: each is found under its own spelling.
        let written = String(decoding: model, as: UTF8.self).replacingOccurrences(of: "\"map.svg\"", with: "\"./map.svg\"")
        let unclean = try ReportJSONReader.read(Array(written.utf8), file: folder + "/r.json", reportPath: folder + "/r.json")
        #expect(unclean.report.imagePaths == ["./map.svg"])
        #expect(Set(unclean.report.imagePaths).isSubset(of: unclean.images.keys), "\(unclean.images.keys)")
    }
}
