import Testing
import ReportModel
@testable import ReportReaders

/// Front-matter values from outside the report: configuration files under the front
/// matter, `-M` overrides over it, a mapping merged key by key, every problem at its place.
@Suite struct MetadataSettingsTests {
    private let report = """
        ---
        title: The Report
        series:
          title: Desk Notes
          volume: 3
        marking:
          tlp: AMBER
        ---

        Text.
        """

    private func read(_ settings: MetadataSettings) throws -> ReadResult {
        try ReportMarkdownReader.read(Array(report.utf8), file: "report.md", reportPath: nil, settings: settings)
    }

    /// As Pandoc reads `-M`, a value that is no YAML is the text it is; one that opens as a
    /// YAML list or quote must be YAML.
    @Test func anOverrideThatIsNoYAMLIsItsText() throws {
        let metadata = try read(MetadataSettings(overrides: ["title=Le Sahel : enjeux", "subtitle=a: b: c"])).report.metadata
        #expect(metadata.title == "Le Sahel : enjeux" && metadata.subtitle == "a: b: c")
        #expect(throws: DiagnosticError.self) { try read(MetadataSettings(overrides: ["keywords=[ice, ships"])) }
    }

    @Test func overridesWinAndMergeMappings() throws {
        let metadata = try read(MetadataSettings(overrides: ["series.issue=8", "marking.tlp=green", "keywords=[ice, ships]", "lang=fr"])).report.metadata
        #expect(metadata.series == Series(title: "Desk Notes", volume: 3, issue: 8))
        #expect(metadata.marking?.tlp == .green)
        #expect(metadata.keywords == ["ice", "ships"])
        #expect(metadata.lang == "fr")
    }

    @Test func theFrontMatterWinsOverTheConfigurationAndOverridesOverBoth() throws {
        let desk = MetadataSettings.File(path: "/desk/imprint.yml", text: "publisher: Desk Press\nseries:\n  title: House Series\n  issn: 2785-2598\nmarking:\n  classification: SECRET\ntitle: Unnamed\n")
        let team = MetadataSettings.File(path: "/desk/team/imprint.yml", text: "publisher:\n  name: Team Press\n  url: https://example.org/team\npaper: letter\n")
        let metadata = try read(MetadataSettings(configurations: [desk, team], overrides: ["marking.classification=UNCLASSIFIED"])).report.metadata
        #expect(metadata.title == "The Report")
        #expect(metadata.publisher == Publisher(name: "Team Press", url: "https://example.org/team"))
        #expect(metadata.series == Series(title: "Desk Notes", issn: ISSN("2785-2598"), volume: 3))
        #expect(metadata.marking == Marking(tlp: .amber, classification: "UNCLASSIFIED"))
    }

    @Test func problemsAreShownWhereTheyAre() throws {
        let desk = MetadataSettings.File(path: "imprint.yml", text: "series:\n  volume: three\nstyle: house\n")
        let settings = MetadataSettings(configurations: [desk], overrides: ["series.issue=eight", "=x", "title=[open", "marking..tlp=RED"])
        let messages: [String]
        do {
            _ = try read(settings)
            Issue.record("the build should fail")
            return
        } catch let error as DiagnosticError {
            messages = error.diagnostics.map(\.description)
        }
        #expect(messages.contains("imprint.yml:2:11: error: 'series.volume' must be a whole number from 0 to 1000000000, not 'three' [value-type]"), "\(messages)")
        #expect(messages.contains { $0.hasPrefix("imprint.yml:3:1: warning: unknown key 'style' is not understood") }, "\(messages)")
        #expect(messages.contains("command line (-M series.issue=eight):1:14: error: 'series.issue' must be a whole number from 0 to 1000000000, not 'eight' [value-type]"), "\(messages)")
        #expect(messages.contains("command line (-M =x):1:1: error: -M takes key=value (for example -M series.issue=8), not '=x' [override-invalid]"), "\(messages)")
        #expect(messages.contains { $0.hasPrefix("command line (-M title=[open):1:11: error: the value is not valid YAML") }, "\(messages)")
        #expect(messages.contains("command line (-M marking..tlp=RED):1:1: error: the key 'marking..tlp' has an empty part [override-invalid]"), "\(messages)")
    }

    /// A configuration's build options are the build's, not unknown keys.
    @Test func buildKeysAreNotTheReadersConcern() throws {
        let desk = MetadataSettings.File(path: "imprint.yml", text: "to: pdf\npaper: letter\ncss: house.css\nwidth: 66\npdf-standard: pdf/a-3u\noutput: built\nassets: [../logos]\n")
        #expect(try read(MetadataSettings(configurations: [desk])).warnings.isEmpty)
    }
}
