import Foundation
import ReportTestSupport
import Testing

/// The JSON model is a documented format: `imprint model` of every sample, and of
/// generated reports with every construct, follows `docs/report-model.schema.json`, and a
/// model that breaks it is refused by the schema as by Imprint.
@Suite(.needsOutsideTools) struct ModelSchemaTests {
    private static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    private static let schema = Repository.path("docs/report-model.schema.json")
    private static let script = here.appendingPathComponent("Scripts/model_schema.py").path

    @Test func everySamplesModelFollowsTheSchema() throws {
        let workspace = Workspace()
        var models: [String] = []
        for sample in ["putin-visit-north-korea.md", "arctic-shipping-outlook.md"] {
            let result = try workspace.run(["model", samplesFolder + "/" + sample])
            try #require(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains(#""version" : 1"#))
            let path = workspace.folder + "/" + sample + ".json"
            workspace.write(sample + ".json", Array(result.stdout.utf8))
            models.append(path)
        }
        let check = try runProgram("/usr/bin/env", ["python3", Self.script, Self.schema] + models)
        #expect(check.status == 0 && check.output == "ok\n", "\(check.output)")
    }

    /// Generated reports hold every kind of block and inline the model has.
    @Test func generatedModelsFollowTheSchema() throws {
        let workspace = Workspace()
        var models: [String] = []
        for seed in 1...12 {
            var generator = ReportGenerator(seed: UInt64(seed))
            let data = try JSONEncoder().encode(generator.report())
            workspace.write("generated-\(seed).json", Array(data))
            models.append(workspace.folder + "/generated-\(seed).json")
        }
        let check = try runProgram("/usr/bin/env", ["python3", Self.script, Self.schema] + models)
        #expect(check.status == 0 && check.output == "ok\n", "\(check.output)")
    }

    /// The check can fail: a model without a version, with a number for a title.
    @Test func theSchemaRefusesWhatImprintRefuses() throws {
        let workspace = Workspace(files: ["bad.json": Array(#"{"metadata":{"title":5},"lead":[],"sections":[],"footnotes":[]}"#.utf8)])
        let check = try runProgram("/usr/bin/env", ["python3", Self.script, Self.schema, workspace.folder + "/bad.json"])
        #expect(check.status == 1 && check.output.contains("$: 'version' is a required property") && check.output.contains("$.metadata.title"), "\(check.output)")
        let imprint = try workspace.run("check", "bad.json")
        #expect(imprint.status == 1 && imprint.stderr.contains("version: required"), "\(imprint.stderr)")
    }
}
