import Testing
import ReportModel
@testable import ReportReaders

@Suite struct AnalyticTests {
    @Test func keyJudgmentsTakeTheirLeadInAndAssessment() throws {
        let markdown = report("""
            ## Key Judgments {.key-judgments}

            1. **Escalation is likely:** Tensions rise.
               {#kj-1 likelihood=very-likely confidence=high}

               A second paragraph.
            2. **Second** — without a colon. {confidence=low}

            Closing paragraph.
            """)
        let section = try read(markdown).report.sections[0]
        guard case .keyJudgments(let judgments) = section.blocks[0] else {
            Issue.record("no key judgments: \(section.blocks)")
            return
        }
        var expected = KeyJudgment(
            id: "kj-1", title: [.text("Escalation is likely")],
            blocks: [.paragraph([.text("Tensions rise.")]), .paragraph([.text("A second paragraph.")])],
            likelihood: .icd203(.veryLikely), confidence: .high)
        expected.titleEndsSentence = false
        #expect(judgments[0] == expected)
        #expect(judgments[1].title == [.text("Second")])
        #expect(judgments[1].blocks == [.paragraph([.text("— without a colon.")])])
        #expect(judgments[1].confidence == .low)
        #expect(section.blocks[1] == .paragraph([.text("Closing paragraph.")]))
    }

    /// A title the analyst closed with a full stop is marked so, that every edition keeps
    /// it; a colon, or nothing, is not.
    @Test func aLeadInsFullStopIsKept() throws {
        let markdown = report("""
            ## Risks {.risks}

            1. **Attacks continue.** The Houthis strike.
            2. **Ports:** closed.
            3. **U.S. forces**: deployed.
            4. **Cables** cut.
            """)
        guard case .risks(let risks) = try read(markdown).report.sections[0].blocks[0] else {
            Issue.record("no risks")
            return
        }
        #expect(risks.map(\.titleEndsSentence) == [true, false, false, nil])
        #expect(risks.map { $0.title.plainText } == ["Attacks continue", "Ports", "U.S. forces", "Cables"])
    }

    @Test func risksCarryLikelihoodImpactAndConfidence() throws {
        let markdown = report("""
            ## Risks {.risks}

            - **Spill:** A spill. {likelihood=70% impact=severe confidence=moderate}
            - **Strike:** A strike.
              - nested items stay an ordinary list
            """)
        let section = try read(markdown).report.sections[0]
        guard case .risks(let risks) = section.blocks[0] else {
            Issue.record("no risks: \(section.blocks)")
            return
        }
        #expect(risks[0].likelihood == .percent(70))
        #expect(risks[0].impact == .severe)
        #expect(risks[0].confidence == .moderate)
        #expect(risks[1].likelihood == nil)
        guard case .list = risks[1].blocks.last else {
            Issue.record("nested list lost")
            return
        }
    }

    @Test func phiaTermsUnderThePHIAYardstick() throws {
        let markdown = report("## Risks {.risks}\n\n1. **R:** x {likelihood=realistic-possibility}\n", frontMatter: "yardstick: PHIA\n")
        guard case .risks(let risks) = try read(markdown).report.sections[0].blocks[0] else {
            Issue.record("no risks")
            return
        }
        #expect(risks[0].likelihood == .phia(.realisticPossibility))
    }

    @Test func unknownLikelihoodNamesFileLineAndAllowedValues() {
        let found = errors(report("## Risks {.risks}\n\n1. **R:** text\n   {likelihood=probable}\n"))
        #expect(found.count == 1)
        // At the attribute, on its own line, not the item's first column.
        #expect(found[0].location?.line == 8)
        #expect(found[0].location?.column == 5 && found[0].location?.end?.column == 23, "\(found[0])")
        #expect(found[0].location?.file.hasSuffix("report.md") == true)
        #expect(found[0].message.contains("'probable'"))
        #expect(found[0].message.contains("almost-no-chance, very-unlikely, unlikely, roughly-even-chance, likely, very-likely, almost-certain"))
    }

    @Test func termsOfTheOtherYardstickAreErrors() {
        let found = errors(report("## Risks {.risks}\n\n1. **R:** x {likelihood=remote-chance}\n"))
        #expect(found.first?.message.contains("ICD203") == true)
    }

    @Test(arguments: [
        ("impact=huge", "negligible, minor, moderate, major, severe"),
        ("confidence=total", "low, moderate, high"),
    ])
    func badImpactAndConfidence(attribute: String, allowed: String) {
        let found = errors(report("## Risks {.risks}\n\n1. **R:** x {\(attribute)}\n"))
        #expect(found.count == 1)
        #expect(found[0].message.contains(allowed))
    }

    @Test func sourcesCarryGrades() throws {
        let markdown = report("## Sources {.sources}\n\n1. A report. {#s1 grade=B2}\n2. A rumour. {grade=E5}\n3. Ungraded.\n")
        guard case .sources(let sources) = try read(markdown).report.sections[0].blocks[0] else {
            Issue.record("no sources")
            return
        }
        #expect(sources.map(\.grade?.description) == ["B2", "E5", nil])
        #expect(sources[0].id == "s1")
        #expect(sources[0].blocks == [.paragraph([.text("A report.")])])
    }

    @Test func badGradesAreErrors() {
        let found = errors(report("## Sources {.sources}\n\n1. A report. {grade=Z9}\n"))
        #expect(found.count == 1)
        #expect(found[0].message.contains("A–F") && found[0].message.contains("1–6"))
    }

    @Test func missingLeadInIsAWarning() throws {
        let result = try read(report("## Risks {.risks}\n\n1. No bold title here.\n"))
        #expect(result.warnings.count == 1)
        #expect(result.warnings[0].message.contains("bold lead-in"))
    }

    @Test func crossReferencesReachItems() throws {
        _ = try read(report("## Risks {.risks}\n\n1. **R:** x {#risk-x}\n\nSee [](#risk-x).\n"))
    }
}
