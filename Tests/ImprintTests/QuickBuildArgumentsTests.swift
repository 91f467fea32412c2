import ArgumentParser
import Testing
import ReportTestSupport
@testable import ImprintCLI

/// The quick reader of `imprint build`'s command line must give what ArgumentParser gives,
/// or give up and leave the line to it.
@Suite struct QuickBuildArgumentsTests {
    /// What ArgumentParser makes of `build` and the words after it, or nil if it refuses them.
    static func parsed(_ words: [String]) -> BuildArguments? {
        guard words.first == "build" else { return nil }
        return (try? BuildCommand.parse(Array(words.dropFirst())))?.arguments
    }

    @Test(arguments: [
        "build report.md",
        "build report.md --to epub,text -o out/x --force",
        "build --strict --to docbook report.md --ascii --width 100",
        "build report.md --output o --paper letter --css a.css --css b.css --pdf-engine /bin/true",
        "build report.md --epub-split-depth 3 --width 7",
        "build reports --to epub -o built",
        "build - --to text -o - --resource-path assets", "build report.md --verbose --pdf-timeout 5",
        "build report.md -M series.issue=8 --metadata lang=fr -M marking.tlp=GREEN",
        "build report.md --diagnostics json", "build report.md --diagnostics human --to text",
    ])
    func readsTheEverydaySpellingsAsArgumentParserDoes(line: String) throws {
        let words = line.split(separator: " ").map(String.init)
        let quick = try #require(BuildArguments(quick: words))
        #expect(quick == Self.parsed(words))
    }

    @Test(arguments: [
        "build", "build --help", "build -h", "help build", "--version", "check report.md",
        "build report.md other.md", "build report.md --output=o", "build report.md -oo",
        "build report.md --to epub --to text", "build report.md -o a --output b", "build report.md --to",
        "build report.md --to -x", "build report.md --width wide", "build report.md --strict --strict",
        "build report.md --unknown", "build report.md -- -odd.md", "build --to odt report.md",
        "build report.md --diagnostics xml",
    ])
    func leavesEverythingElseToArgumentParser(line: String) {
        #expect(BuildArguments(quick: line.split(separator: " ").map(String.init)) == nil)
    }

    /// Random command lines from every option, good values and bad: whatever the quick
    /// reader accepts, ArgumentParser accepts alike.
    @Test func agreesOnRandomLines() {
        let words = [
            "report.md", "other.md", "--to", "epub,text", "-o", "--output", "out", "--strict", "--paper", "a4",
            "--css", "x.css", "--pdf-engine", "prince", "--epub-split-depth", "2", "--width", "80", "--ascii",
            "--force", "-x", "--", "=", "--help", "-M", "--metadata", "lang=fr", "--diagnostics", "json",
        ]
        var random = SeededGenerator(seed: 7)
        var accepted = 0
        for _ in 0..<3000 {
            let line = ["build"] + (0..<Int.random(in: 1...7, using: &random)).map { _ in words.randomElement(using: &random)! }
            guard let quick = BuildArguments(quick: line) else { continue }
            accepted += 1
            #expect(quick == Self.parsed(line), "\(line)")
        }
        #expect(accepted > 100)
    }

    /// An option added to `build` must be added to the quick reader too (or every build
    /// using it silently goes the slow way).
    @Test func knowsEveryOptionOfBuild() {
        let help = BuildCommand.helpMessage(columns: 1000)
        let names = help.split(whereSeparator: { " ,\n<>[]".contains($0) }).map(String.init).filter {
            $0.hasPrefix("-") && $0.count > 1 && $0.dropFirst().allSatisfy { $0.isLetter || $0 == "-" }
        }
        // (`--` stands in the examples: what follows it is a report.)
        #expect(Set(names).subtracting(["-h", "--help", "--version", "--"]) == BuildArguments.quickOptionNames)
    }
}
