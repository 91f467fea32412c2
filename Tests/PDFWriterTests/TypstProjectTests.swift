import Foundation
import ReportModel
import SharedWriting
import Testing
import XHTMLWriter

@testable import PDFWriter

/// What Typst is handed: the print XHTML, the values the house template reads beside it, and
/// the images, each at a name that stays inside the compile root.
@Suite struct TypstProjectTests {
    private func project(_ report: Report, images: [String: ImageFile] = [:], names: TypstProject.Names = .compiled) throws -> TypstProject {
        let manuscript = Manuscript(report, images: images)
        let xhtml = XHTMLWriter(options: .init(keepsNamesWhole: true, resourceURLs: TypstProject.imageNames(manuscript)))
        return try TypstProject(manuscript: manuscript, xhtml: xhtml, paper: HouseStyle.a4, names: names)
    }

    private func file(_ name: String, of project: TypstProject) throws -> [UInt8] {
        try #require(project.files.first { $0.name == name }?.bytes, "no \(name) in \(project.files.map(\.name))")
    }

    /// Each risk matrix's cells are given under the description its drawing carries in the
    /// XHTML, so the template finds them; a risk sits in its row (from the top) and column.
    @Test func aMatrixIsFoundByItsDrawingsDescription() throws {
        let risks = [
            Risk(title: [.text("Flood")], blocks: [], likelihood: .icd203(.likely), impact: .major),
            Risk(title: [.text("Fire")], blocks: [], likelihood: .icd203(.almostNoChance), impact: .minor),
        ]
        let report = Report(
            metadata: Metadata(title: "Matrix"),
            sections: [Section(id: "risks", level: 2, title: [.text("Risks")], blocks: [.risks(risks)])])
        let made = try project(report)
        let xhtml = String(decoding: try file("document.xhtml", of: made), as: UTF8.self)
        let description = try #require(xhtml.firstMatch(of: /<desc>([^<]*)<\/desc>/)?.output.1)
        let values = try #require(try JSONSerialization.jsonObject(with: Data(try file("print.json", of: made))) as? [String: Any])
        let matrices = try #require(values["matrices"] as? [String: [String: Any]])
        let matrix = try #require(matrices[String(description)], "no cells under \(description): \(matrices.keys)")
        let rows = try #require(matrix["rows"] as? [String])
        let cells = try #require(matrix["cells"] as? [[[String: Any]]])
        #expect(rows.first == "almost certain" && rows.last == "almost no chance" && cells.count == rows.count)
        func numbers(row: String, impact: Int) -> [String] {
            (cells[rows.firstIndex(of: row)!][impact - 1]["risks"] as? [String]) ?? []
        }
        #expect(numbers(row: "likely", impact: 4) == ["1"] && numbers(row: "almost no chance", impact: 2) == ["2"])
        #expect(cells.joined().map { ($0["risks"] as? [String])?.count ?? 0 }.reduce(0, +) == 2)
        #expect((values["words"] as? [String: [String]])?["pageOfPages"] == ["Page ", "{page}", " of ", "{pages}"])
    }

    /// An image is named by its own path from its folder; one whose path another image has
    /// (from an asset folder) or that is not a plain path down gets a name of its own.
    @Test func imagesAreNamedInsideTheRoot() throws {
        let figure = { (source: String, number: Int) in
            Block.figure(Figure(number: number, source: source, caption: [.text("F")], alt: "F"))
        }
        let report = Report(
            metadata: Metadata(title: "Images"),
            sections: [Section(id: "s", level: 2, title: [.text("S")], blocks: [figure("map.svg", 1), figure("../desk/map.svg", 2)])])
        let images = [
            "map.svg": ImageFile(path: "map.svg", location: "/report/map.svg", bytes: Array("<svg/>".utf8)),
            "../desk/map.svg": ImageFile(path: "map.svg", location: "/desk/map.svg", bytes: Array("<svg></svg>".utf8)),
        ]
        let names = TypstProject.imageNames(Manuscript(report, images: images))
        #expect(names["../desk/map.svg"] == "map.svg")
        #expect(names["map.svg"] == "images/2-map.svg")
        let made = try project(report, images: images)
        #expect(made.files.map(\.name) == ["main.typ", "document.xhtml", "print.json", "map.svg", "images/2-map.svg"])
        #expect(made.files.allSatisfy { TypstProject.isPlainRelative($0.name) })
        // A fallback name that the report's own image already holds is not taken twice; a
        // name with a backslash (which Typst refuses) gets one of its own.
        let crowded = Report(
            metadata: Metadata(title: "Images"),
            sections: [Section(id: "s", level: 2, title: [.text("S")], blocks: [figure("images/2-map.svg", 1), figure("map.svg", 2), figure("../desk/map.svg", 3), figure("a\\b.svg", 4)])])
        let more = images.merging([
            "images/2-map.svg": ImageFile(path: "images/2-map.svg", location: "/report/images/2-map.svg", bytes: Array("<svg> </svg>".utf8)),
            "a\\b.svg": ImageFile(path: "a\\b.svg", location: "/report/a\\b.svg", bytes: Array("<svg/>".utf8)),
        ]) { first, _ in first }
        let crowdedNames = TypstProject.imageNames(Manuscript(crowded, images: more))
        #expect(Set(crowdedNames.values).count == 4, "\(crowdedNames)")
        #expect(crowdedNames.values.allSatisfy(TypstProject.isPlainRelative), "\(crowdedNames)")
        #expect(!TypstProject.isPlainRelative("../x") && !TypstProject.isPlainRelative("/x") && !TypstProject.isPlainRelative("a//b"))
    }

    /// The edition's template reads the files written beside it, whatever their names hold.
    @Test func theEditionsTemplateNamesItsFiles() throws {
        let names = TypstProject.Names.edition(base: #"a "quoted" \ name"#)
        let template = TypstProject.template(names)
        #expect(template.contains(#"default: "a \"quoted\" \\ name.typ.xhtml")"#))
        #expect(template.contains(#"default: "a \"quoted\" \\ name.typ.json")"#))
        #expect(!template.contains(#"default: "document.xhtml""#))
        #expect(TypstProject.typstString("line\nbreak") == #""line\u{a}break""#)
    }
}
