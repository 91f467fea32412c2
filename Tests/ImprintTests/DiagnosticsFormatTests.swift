import Foundation
import ReportModel
import ReportTestSupport
import Testing

/// `--diagnostics json`: one JSON object a line with the documented keys, from the quick
/// build reader and ArgumentParser's alike; and `docs/diagnostics.md` documents exactly the
/// codes there are.
@Suite struct DiagnosticsFormatTests {
    static let report = "---\ntitle: T\n---\n\n## A {#x}\n\n## B {#x}\n\n#### Déjà vu\n"
    static let keys: Set<String> = ["file", "line", "column", "end", "severity", "code", "message"]

    /// Each line of standard error as a JSON object.
    private func objects(_ stderr: String) throws -> [[String: Any]] {
        try stderr.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
            return try #require(object as? [String: Any], "not an object: \(line)")
        }
    }

    @Test func checkPrintsJSONLines() throws {
        let workspace = Workspace(report: Self.report)
        let result = try workspace.run("check", "report.md", "--diagnostics", "json")
        #expect(result.status == 1)
        let found = try objects(result.stderr)
        #expect(found.count == 2, "\(result.stderr)")
        for object in found { #expect(Set(object.keys) == Self.keys) }
        let duplicate = try #require(found.first { $0["code"] as? String == "id-duplicate" })
        #expect(duplicate["file"] as? String == "report.md")
        #expect(duplicate["line"] as? Int == 7 && duplicate["column"] as? Int == 1)
        #expect(duplicate["severity"] as? String == "error")
        #expect((duplicate["message"] as? String)?.hasPrefix("the id 'x' is used twice") == true)
        let skipped = try #require(found.first { $0["code"] as? String == "heading-level-skipped" })
        #expect(skipped["severity"] as? String == "warning")
        let end = try #require(skipped["end"] as? [String: Int])
        #expect(end == ["line": 9, "column": 12])
    }

    @Test func buildPrintsJSONLinesAndKeepsStandardOutput() throws {
        let workspace = Workspace(report: "---\ntitle: T\n---\n\n#### Deep\n\n<!-- private -->\n")
        for words in [["build", "report.md", "--to", "text", "--diagnostics", "json"], ["build", "--diagnostics=json", "report.md", "--to", "text", "--force"]] {
            let result = try workspace.run(words)
            #expect(result.status == 0, "\(result.stderr)")
            let found = try objects(result.stderr)
            #expect(found.map { $0["code"] as? String } == ["heading-level-skipped"], "\(words): \(result.stderr)")
            #expect(result.stdout.contains("wrote out/report.txt"))
        }
        let human = try workspace.run("build", "report.md", "--to", "text", "--force")
        #expect(human.stderr == "report.md:5:1: warning: heading level 4 follows level 1: a level is skipped [heading-level-skipped]\n")
    }

    @Test func aDiagnosticWithoutAPlaceHasNulls() throws {
        let encoded = try JSONEncoder().encode(Diagnostic(.error, .writeFailed, "cannot write", at: nil))
        let object = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
        #expect(Set(object.keys) == Self.keys)
        for key in ["file", "line", "column", "end"] { #expect(object[key] is NSNull, "\(key)") }
        let decoded = try JSONDecoder().decode(Diagnostic.self, from: encoded)
        #expect(decoded == Diagnostic(.error, .writeFailed, "cannot write", at: nil))
    }

    /// Every code has its row in `docs/diagnostics.md`, and every row is a code.
    @Test func everyCodeIsDocumented() throws {
        let text = try String(contentsOfFile: Repository.path("docs/diagnostics.md"), encoding: .utf8)
        let documented = text.split(separator: "\n").compactMap { line -> String? in
            guard let match = line.firstMatch(of: /^\| `([a-z0-9-]+)` \| (error|warning|note)/) else { return nil }
            return String(match.output.1)
        }
        #expect(documented.count == Set(documented).count, "a code documented twice")
        #expect(Set(documented) == Set(Diagnostic.Code.allCases.map(\.rawValue)))
    }
}
