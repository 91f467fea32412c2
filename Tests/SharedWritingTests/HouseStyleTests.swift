import Foundation
import ReportModel
import ReportTestSupport
import SharedWriting
import Testing

/// The e-book's style sheet holds the house style's values (`HouseStyle`) where it sets
/// them, written out (e-readers do not all read custom properties): a value changed in the
/// table and not in `Styles/epub.css` fails here. The print style sheet takes them from the
/// table itself (`PrintStyleTests`).
@Suite struct HouseStyleTests {
    private static let epub = try! String(contentsOfFile: Repository.path("Styles/epub.css"), encoding: .utf8)

    /// The declarations of the first rule whose selector is `selector`.
    private func rule(_ selector: String) throws -> String {
        let start = try #require(Self.epub.range(of: "\n" + selector + " {"), "no rule \(selector)")
        let end = try #require(Self.epub[start.upperBound...].firstIndex(of: "}"))
        return String(Self.epub[start.upperBound..<end]).lowercased()
    }

    @Test func theEbookTakesTheTablesColours() throws {
        #expect(try rule("ol.key-judgments > li").contains("solid #\(HouseStyle.accent.lowercased());"))
        #expect(try rule("[dir=\"rtl\"] ol.key-judgments > li").contains("solid #\(HouseStyle.accent.lowercased());"))
        for tlp in [TLP.red, .amber, .green, .clear] {
            let selector = tlp == .amber ? ".tlp-amber, .tlp-amber-strict" : ".tlp-\(tlp.rawValue.lowercased())"
            #expect(try rule(selector).contains("color: #\(tlp.colour.lowercased());"), "\(tlp)")
        }
    }
}
