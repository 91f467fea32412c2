import Foundation
import Testing
import ReportModel
@testable import ReportReaders

/// Each problem a reader finds carries its documented code (`docs/diagnostics.md`), and
/// says where it ends when the Markdown parser knows.
@Suite struct DiagnosticCodeTests {
    static let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>"

    /// A report (front matter, then body), the files beside it, and the code it must draw.
    static let cases: [(String, [String: String], Diagnostic.Code)] = [
        (report("a\u{1}b\n"), [:], .characterDropped),
        (report(String(repeating: "> ", count: 2000) + "deep\n"), [:], .nestingTooDeep),
        ("---\ntitle: T\n\nText.\n", [:], .frontMatterUnclosed),
        (report("x", frontMatter: "subtitle: [open\n"), [:], .yamlInvalid),
        (report("x", frontMatter: "subtitle: A\nsubtitle: B\n"), [:], .yamlDuplicateKey),
        ("---\n- a list\n---\n\nText.\n", [:], .yamlNotMapping),
        (report("x", frontMatter: "colr: red\n"), [:], .unknownKey),
        (report("x", frontMatter: "subtitle: [a, b]\n"), [:], .valueType),
        (report("x", frontMatter: "authors:\n  - email: a@example.org\n"), [:], .valueMissing),
        ("---\nsubtitle: S\n---\n\nText.\n", [:], .titleMissing),
        (report("x", frontMatter: "date: yesterday\n"), [:], .dateInvalid),
        (report("x", frontMatter: "lang: not a tag!\n"), [:], .languageInvalid),
        (report("x", frontMatter: "marking:\n  tlp: ORANGE\n"), [:], .tlpInvalid),
        (report("x", frontMatter: "yardstick: NATO\n"), [:], .yardstickInvalid),
        (report("x", frontMatter: "series:\n  title: S\n  issn: 2785-2597\n"), [:], .issnInvalid),
        (report("x", frontMatter: "authors:\n  - name: A\n    email: nowhere\n"), [:], .emailInvalid),
        (report("- ## Inside a list\n"), [:], .headingInBlock),
        (report("#### Too deep\n"), [:], .headingLevelSkipped),
        (report("# Test Report\n\n# Again\n"), [:], .titleHeadingRepeated),
        (report("# Another Title\n"), [:], .titleMismatch),
        (report("## Both {.risks .sources}\n"), [:], .sectionKindsConflict),
        (report("<div>x</div>\n"), [:], .rawHTML),
        (report("Text <!-- a comment --> here.\n"), [:], .htmlComment),
        (report("::: note\nText\n:::\n"), [:], .pandocSyntax),
        (report("## H {colour=red}\n"), [:], .unknownAttribute),
        (report("## Risks {.risk}\n"), [:], .unknownClass),
        (report("Text.[^missing]\n"), [:], .footnoteMissing),
        (report("## H {#a #b}\n"), [:], .attributeBlockInvalid),
        (report("## Risks {.risks}\n\n1. **R:** x {impact=major impact=minor}\n"), [:], .attributeBlockInvalid),
        (report("| a | b |\n|---|---|\n| 1 | 2 | 3 |\n"), [:], .tableCellsLost),
        (report("![Caption](a.svg){width=huge}\n"), ["a.svg": svg], .widthInvalid),
        (report("![](a.svg)\n"), ["a.svg": svg], .figureWithoutText),
        (report("See [](#nowhere).\n"), [:], .referenceUnresolved),
        (report("A[^1].\n\n[^1]: One.\n\n[^1]: Two.\n"), [:], .footnoteDuplicate),
        (report("A.\n\n[^1]: Never used.\n"), [:], .footnoteUnused),
        (report("[click](javascript:alert(1))\n"), [:], .addressInactive),
        (report("## H {#1bad}\n"), [:], .idInvalid),
        (report("## A {#x}\n\n## B {#x}\n"), [:], .idDuplicate),
        (report("## Risks {.risks}\n\n1. No bold title here.\n"), [:], .leadInMissing),
        (report("## Sources {.sources}\n\n1. A report. {grade=Z9}\n"), [:], .gradeInvalid),
        (report("## Risks {.risks}\n\n1. **R:** x {likelihood=maybe}\n"), [:], .likelihoodInvalid),
        (report("## Risks {.risks}\n\n1. **R:** x {impact=vast}\n"), [:], .assessmentInvalid),
        (report("![Caption](missing.svg)\n"), [:], .fileNotFound),
        // (The image is there, beside the report's folder: it is refused for where it is.)
        (report("![Caption](../outside.svg)\n"), ["../outside.svg": svg], .fileOutsideFolder),
        (report("![Caption](notes.txt)\n"), ["notes.txt": "text"], .imageInvalid),
        (report("![Caption](a.svg)\n"), ["a.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>x()</script></svg>"], .imageUnsafe),
    ]

    @Test(arguments: cases.indices)
    func eachProblemHasItsCode(index: Int) {
        let (markdown, files, code) = Self.cases[index]
        let found = diagnostics(markdown, files: files)
        #expect(found.contains { $0.code == code }, "\(code.rawValue) for \(markdown.debugDescription): \(found)")
    }

    @Test func invalidUTF8HasItsCode() {
        let bytes = Array(report("Bad: ").utf8) + [0xFF, 0x0A]
        do {
            _ = try ReportMarkdownReader.read(bytes, file: "bad.md", reportPath: nil)
            Issue.record("a file that is not UTF-8 was read")
        } catch {
            #expect(error.diagnostics.map(\.code) == [.notUTF8])
        }
    }

    @Test func aModelThatIsNotOneHasItsCode() {
        do {
            _ = try ReportJSONReader.read(Array("{\"version\": 1}".utf8), file: "m.json", reportPath: nil)
            Issue.record("an empty model was read")
        } catch {
            #expect(error.diagnostics.map(\.code) == [.modelInvalid])
        }
    }

    /// Where cmark knows a node's end, the diagnostic has it, in characters: a heading of
    /// accented letters ends at its last character, not at its last byte.
    @Test func aDiagnosticSaysWhereItEnds() {
        let found = diagnostics(report("#### Élan vital é\n"))
        let skipped = found.first { $0.code == .headingLevelSkipped }
        #expect(skipped?.location == SourceLocation(file: "report.md", line: 5, column: 1, end: .init(line: 5, column: 17)))
        let table = diagnostics(report("| a | b |\n|---|---|\n| 1 | 2 | 3 |\n")).first { $0.code == .tableCellsLost }
        #expect(table?.location?.line == 7)
        #expect(table?.location?.end?.line == 7)
        #expect(table?.location?.end?.column == 13)
    }

    /// Every diagnostic of a read, warnings and notes as well as errors, with the report's
    /// file named by its name alone.
    private func diagnostics(_ markdown: String, files: [String: String] = [:]) -> [Diagnostic] {
        let fixture = Fixture(markdown, files: files)
        let found: [Diagnostic]
        do {
            found = try fixture.read().warnings
        } catch {
            found = error.diagnostics
        }
        return found.map { diagnostic in
            var diagnostic = diagnostic
            if diagnostic.location?.file == fixture.path { diagnostic.location?.file = "report.md" }
            return diagnostic
        }
    }
}
