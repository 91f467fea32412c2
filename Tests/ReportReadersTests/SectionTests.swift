import Testing
import ReportModel
@testable import ReportReaders

@Suite struct SectionTests {
    @Test func leadIsWhatStandsBeforeTheFirstHeading() throws {
        let result = try read(report("Lead one.\n\nLead two.\n\n## First\n\nBody."))
        #expect(result.report.lead == [.paragraph([.text("Lead one.")]), .paragraph([.text("Lead two.")])])
        #expect(result.report.sections.first?.blocks == [.paragraph([.text("Body.")])])
    }

    @Test func sectionsNestByLevelAndAreNumbered() throws {
        let sections = try read(report("## A\n\n### A1\n\n### A2\n\n#### A2a\n\n## B\n")).report.sections
        #expect(sections.map(\.number) == ["1", "2"])
        #expect(sections[0].subsections.map(\.number) == ["1.1", "1.2"])
        #expect(sections[0].subsections[1].subsections.first?.number == "1.2.1")
        #expect(sections[0].subsections[1].subsections.first?.level == 4)
    }

    @Test func idsAreDerivedFromTitlesAndMadeUnique() throws {
        let sections = try read(report("## Risk Assessment\n\n## Risk Assessment\n\n## Воздействие и риски\n\n## 2024: Année\n\n## ***\n")).report.sections
        #expect(sections.map(\.id) == ["risk-assessment", "risk-assessment-2", "воздействие-и-риски", "année", "section"])
    }

    @Test func derivedIdsGiveWayToExplicitOnes() throws {
        let sections = try read(report("## Summary\n\n## Other {#summary}\n")).report.sections
        #expect(sections.map(\.id) == ["summary-2", "summary"])
    }

    @Test func headingAttributesGiveIdClassesAndKind() throws {
        let section = try read(report("## Risk Assessment {#risks .risks .wide}\n")).report.sections[0]
        #expect(section.id == "risks")
        #expect(section.classes == ["risks", "wide"])
        #expect(section.kind == .risks)
        #expect(section.title == [.text("Risk Assessment")])
    }

    @Test func appendicesAreLetteredAndUnnumberedSectionsHaveNoNumber() throws {
        let sections = try read(report("## Intro {.unnumbered}\n\n### Sub\n\n## Main\n\n## Method {.appendix}\n\n### Detail\n\n## Data {.appendix}\n")).report.sections
        #expect(sections.map(\.number) == [nil, "1", "A", "B"])
        #expect(sections[0].subsections[0].number == nil)
        #expect(sections[2].subsections[0].number == "A.1")
        #expect(sections[2].kind == .appendix)
    }

    @Test func summaryIsFound() throws {
        let result = try read(report("## Summary {.summary}\n\nIn short."))
        #expect(result.report.summary?.blocks == [.paragraph([.text("In short.")])])
    }

    @Test func skippedLevelsAreWarnings() throws {
        let result = try read(report("## A\n\n#### Deep\n"))
        #expect(result.warnings.count == 1)
        #expect(result.warnings[0].message.contains("skipped"))
        #expect(result.warnings[0].location?.line == 7)
        #expect(result.report.sections[0].subsections[0].level == 4)
    }

    @Test func setextHeadingsTakeAttributesToo() throws {
        let section = try read(report("Setext Title {#setext}\n---------------------\n")).report.sections[0]
        #expect(section.id == "setext")
        #expect(section.title == [.text("Setext Title")])
    }

    @Test func oneSectionMeaningPerHeading() {
        let found = errors(report("## Mixed {.risks .sources}\n"))
        #expect(found.count == 1)
        #expect(found[0].message.contains(".risks and .sources"))
    }
}
