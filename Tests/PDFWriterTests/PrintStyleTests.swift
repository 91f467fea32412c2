import Foundation
import PDFWriter
import ReportModel
import ReportTestSupport
import SharedWriting
import Testing

/// The print style sheet takes the house style's values from the one table: `print.css`
/// sets them through the custom properties `PrintStyle.houseProperties` declares, and
/// writes none of them itself. (That WeasyPrint honours them is `PDFTests`'.)
@Suite struct PrintStyleTests {
    private static let print = try! String(contentsOfFile: Repository.path("Styles/print.css"), encoding: .utf8)

    /// `css` without its comments.
    private static func rules(_ css: String) -> String {
        css.replacing(/\/\*[\s\S]*?\*\//, with: "")
    }

    /// The properties `houseProperties` declares: name → value.
    private static var declared: [String: String] {
        Dictionary(uniqueKeysWithValues: PrintStyle.houseProperties.matches(of: /--house-([a-z-]+): ([^;]+);/).map {
            (String($0.output.1), String($0.output.2))
        })
    }

    @Test func thePropertiesHoldTheTable() {
        let declared = Self.declared
        #expect(declared["serif"] == "\"\(HouseStyle.serif)\", \"\(HouseStyle.cjkSerif)\", serif")
        #expect(declared["sans"] == "\"\(HouseStyle.sans)\", \"\(HouseStyle.cjkSans)\", sans-serif")
        #expect(declared["mono"] == "\"\(HouseStyle.mono)\", monospace")
        #expect(declared["body-size"] == "\(HouseStyle.bodySize)pt")
        let colours = [
            "ink": HouseStyle.ink, "accent": HouseStyle.accent, "margin-text": HouseStyle.marginText, "subtitle": HouseStyle.subtitle,
            "quotation": HouseStyle.quotation, "judgment-shading": HouseStyle.judgmentShading, "tlp-red": TLP.red.colour,
            "tlp-amber": TLP.amber.colour, "tlp-green": TLP.green.colour, "tlp-clear": TLP.clear.colour,
        ]
        for (name, hex) in colours { #expect(declared[name] == "#" + hex.lowercased(), "\(name)") }
        let margins = [HouseStyle.pageMargins.top, HouseStyle.pageMargins.side, HouseStyle.pageMargins.bottom]
        #expect(["top", "side", "bottom"].map { declared["page-margin-" + $0].flatMap { Double($0.dropLast(2)) } } == margins)
        #expect(PrintStyle.houseProperties.hasPrefix("/*") && PrintStyle.houseProperties.contains(":root {"))
    }

    @Test func printCSSUsesEveryPropertyAndDeclaresNone() {
        let rules = Self.rules(Self.print)
        let used = Set(rules.matches(of: /var\(--house-([a-z-]+)\)/).map { String($0.output.1) })
        #expect(used == Set(Self.declared.keys), "used but not declared: \(used.subtracting(Self.declared.keys)); declared, unused: \(Set(Self.declared.keys).subtracting(used))")
        #expect(rules.matches(of: /--house-[a-z-]+\s*:/).isEmpty, "print.css declares a house property itself")
    }

    @Test func printCSSWritesNoHouseValueItself() {
        let rules = Self.rules(Self.print).lowercased()
        let colours = [HouseStyle.ink, HouseStyle.accent, HouseStyle.marginText, HouseStyle.subtitle, HouseStyle.quotation,
                       HouseStyle.judgmentShading] + [TLP.red, .amber, .green].map(\.colour)
        for hex in colours { #expect(!rules.contains("#" + hex.lowercased()), "print.css writes #\(hex)") }
        for font in [HouseStyle.serif, HouseStyle.sans, HouseStyle.mono, HouseStyle.cjkSerif, HouseStyle.cjkSans] {
            #expect(!rules.contains("\"\(font.lowercased())\""), "print.css names \(font)")
        }
        #expect(!rules.contains("\(HouseStyle.bodySize)pt"), "print.css writes the body's size")
    }
}
