import Foundation
import ReportTestSupport
import Testing

/// The man page (`docs/imprint.1`) against the program: every option is in it, and every
/// synopsis line, read as a reader types it, runs.
@Suite(.serialized) struct ManPageTests {
    static let manual = Repository.path("docs/imprint.1")

    /// Every option of every command is in the man page.
    @Test func theManPageCoversEveryOption() throws {
        let text = try String(contentsOfFile: Self.manual, encoding: .utf8).replacingOccurrences(of: "\\-", with: "-")
        for command in ["build", "check", "model", "config", "watch"] {
            let help = try CommandRunner.run([command, "--help"], in: NSTemporaryDirectory()).stdout
            let options = help.split(whereSeparator: { " ,\n<>[]()".contains($0) }).map(String.init).filter {
                $0.hasPrefix("-") && $0.count > 1 && $0.dropFirst().allSatisfy { $0.isLetter || $0 == "-" }
            }
            for option in Set(options) where option != "--" {
                // The option itself, not a longer one it begins (`--pdf` in `--pdf-engine`).
                let found = text.ranges(of: option).contains { range in
                    range.upperBound == text.endIndex || !(text[range.upperBound].isLetter || text[range.upperBound] == "-")
                }
                #expect(found, "the man page lacks \(option) (of imprint \(command))")
            }
        }
    }

    /// The synopses as `man` shows them: each `.br`-separated entry's macros read (a macro
    /// of alternating fonts joins its arguments; `.B` and `.I` keep their spaces).
    static func synopses() throws -> [String] {
        let text = try String(contentsOfFile: manual, encoding: .utf8)
        let start = try #require(text.range(of: ".SH SYNOPSIS\n")).upperBound
        let end = try #require(text.range(of: "\n.SH ", range: start..<text.endIndex)).lowerBound
        return text[start..<end].components(separatedBy: ".br\n").map { entry in
            entry.split(separator: "\n").map { line -> String in
                let macro = line.prefix { $0 != " " }
                var arguments: [String] = []
                var current = ""
                var quoted = false
                for character in line.dropFirst(macro.count) {
                    if character == "\"" { quoted.toggle() } else if character == " " && !quoted {
                        if !current.isEmpty { arguments.append(current) }
                        current = ""
                    } else { current.append(character) }
                }
                if !current.isEmpty { arguments.append(current) }
                return arguments.joined(separator: macro == ".B" || macro == ".I" ? " " : "")
            }.joined(separator: " ").replacingOccurrences(of: "\\-", with: "-")
        }
    }

    /// Every command line a synopsis allows: each optional part with and without, each of
    /// `a|b` (which binds the words on either side of it) in turn.
    static func expansions(of synopsis: String) -> [[String]] {
        var tokens: [String] = []
        var word = ""
        for character in synopsis {
            if "[]| ".contains(character) {
                if !word.isEmpty { tokens.append(word) }
                word = ""
                if character != " " { tokens.append(String(character)) }
            } else { word.append(character) }
        }
        if !word.isEmpty { tokens.append(word) }
        var index = 0
        func sequence() -> [[String]] {
            var lines: [[String]] = [[]]
            while index < tokens.count, tokens[index] != "]" {
                var choices = item()
                while index < tokens.count, tokens[index] == "|" {
                    index += 1
                    choices += item()
                }
                lines = lines.flatMap { line in choices.map { line + $0 } }
            }
            return lines
        }
        func item() -> [[String]] {
            let token = tokens[index]
            index += 1
            guard token == "[" else { return [[token]] }
            let inner = sequence()
            index += 1  // "]"
            return [[]] + inner
        }
        return sequence()
    }

    /// Each synopsis line of the man page, its placeholders filled in, runs: a build, check,
    /// model or config exits 0; a watch builds (and serves, when asked) until it is stopped.
    @Test func everySynopsisRuns() throws {
        let report = "---\ntitle: Synopsis\ndate: 2026-12-08\nlang: en\n---\n\n## Part\n\nWords of the report.\n"
        let workspace = Workspace(files: ["report.md": Array(report.utf8), "reports/one.md": Array(report.utf8), "desk.yml": Array("paper: letter\n".utf8)])
        let model = try workspace.run(["model", "report.md"])
        try #require(model.status == 0, "\(model.stderr)")
        workspace.write("report.json", Array(model.stdout.utf8))
        let values = [
            "REPORT.md": ["report.md"], "REPORT.json": ["report.json"], "FOLDER": ["reports"], "-": ["-"], "OUTPUT.EXT": ["out.txt"],
            "PORT": ["0"], "KEY=VALUE": ["title=Another"], "FILE": ["desk.yml"], "SHELL": ["bash"], "options": [],
        ]
        let lines = try Self.synopses()
        #expect(lines.count >= 8, "\(lines)")
        for synopsis in lines {
            for line in Self.expansions(of: synopsis) {
                #expect(line.first == "imprint", "\(synopsis)")
                let arguments = line.dropFirst().flatMap { word -> [String] in
                    if let value = values[word] { return value }
                    if word.hasPrefix("-") || word == word.lowercased() { return [word] }
                    Issue.record("the synopsis '\(synopsis)' has a placeholder this test does not fill: \(word)")
                    return [word]
                }
                if arguments.first == "watch" {
                    let watch = try Watch(in: workspace.folder, arguments)
                    defer { watch.stop() }
                    let serves = arguments.contains("--serve")
                    // `--serve` alone takes port 8000, which another program may hold: its
                    // message says so, and the command line was read as the synopsis says.
                    let defaultPort = serves && !arguments.contains("0")
                    let reached = watch.waitForLine {
                        $0.hasPrefix(serves ? "serving http://" : "built ") || (defaultPort && $0.contains("port 8000 is in use"))
                    }
                    #expect(reached != nil, "imprint \(arguments.joined(separator: " ")): \(watch.output)")
                } else {
                    let result = try CommandRunner.run(arguments, in: workspace.folder, input: arguments.contains("-") ? Array(report.utf8) : nil)
                    #expect(result.status == 0, "imprint \(arguments.joined(separator: " ")): \(result.stderr.suffix(1500))")
                }
            }
        }
    }
}
