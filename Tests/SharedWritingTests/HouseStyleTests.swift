import Foundation
import ReportModel
import ReportTestSupport
import SharedWriting
import Testing

/// The style sheets hold the house style's values (`HouseStyle`, `TLP.colour`) where each
/// is set: a value changed in the table and not in a style sheet, or the other way round,
/// fails here.
@Suite struct HouseStyleTests {
    private static let print = try! String(contentsOfFile: Repository.path("Styles/print.css"), encoding: .utf8)
    private static let epub = try! String(contentsOfFile: Repository.path("Styles/epub.css"), encoding: .utf8)

    /// The declarations of the first rule whose selector is `selector`, in `css`.
    private func rule(_ selector: String, in css: String = HouseStyleTests.print) throws -> String {
        let start = try #require(css.range(of: "\n" + selector + " {"), "no rule \(selector)")
        let end = try #require(css[start.upperBound...].firstIndex(of: "}"))
        return String(css[start.upperBound..<end]).lowercased()
    }

    private func millimetres(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value))mm" : "\(value)mm"
    }

    @Test func thePageAndTheBody() throws {
        let page = try rule("@page")
        let (top, side, bottom) = HouseStyle.pageMargins
        #expect(page.contains("margin: \(millimetres(top)) \(millimetres(side)) \(millimetres(bottom)) \(millimetres(side));"), "\(page)")
        #expect(page.contains("size: a4;"))
        let body = try rule("html")
        #expect(body.contains("font-family: \"\(HouseStyle.serif)\", \"\(HouseStyle.cjkSerif)\", serif;".lowercased()), "\(body)")
        #expect(body.contains("font-size: \(String(format: "%g", HouseStyle.bodySize))pt;"), "\(body)")
        #expect(body.contains("color: #\(HouseStyle.ink.lowercased());"))
        #expect(try rule("code, pre").contains("font-family: \"\(HouseStyle.mono)\"".lowercased()))
    }

    @Test func theColours() throws {
        #expect(try rule("a").contains("color: #\(HouseStyle.accent.lowercased());"))
        let series = try rule("header.title-page .series")
        #expect(series.contains("color: #\(HouseStyle.accent.lowercased());") && series.contains("solid #\(HouseStyle.accent.lowercased());"))
        let judgment = try rule("ol.key-judgments > li")
        #expect(judgment.contains("solid #\(HouseStyle.accent.lowercased());") && judgment.contains("background: #\(HouseStyle.judgmentShading.lowercased());"), "\(judgment)")
        #expect(try rule("ol.key-judgments > li", in: Self.epub).contains("solid #\(HouseStyle.accent.lowercased());"))
        #expect(try rule("header.title-page .subtitle").contains("color: #\(HouseStyle.subtitle.lowercased());"))
        #expect(try rule("blockquote").contains("color: #\(HouseStyle.quotation.lowercased());"))
        #expect(Self.print.components(separatedBy: "color: #\(HouseStyle.marginText.lowercased());").count > 2, "the running head and foot")
        for tlp in [TLP.red, .amber, .green, .clear] {
            let selector = tlp == .amber ? ".tlp-amber, .tlp-amber-strict" : ".tlp-\(tlp.rawValue.lowercased())"
            #expect(try rule(selector).contains("color: #\(tlp.colour.lowercased());"), "\(tlp)")
        }
    }
}
