import ReportModel
import Testing

@testable import ReportReaders

/// What Report Markdown cannot carry is said, at its place, rather than lost in silence.
@Suite struct SilentLossTests {
    @Test func aRowWithMoreCellsThanTheHeaderIsWarnedOf() throws {
        let result = try read(report("| a | b |\n|---|---|\n| 1 | 2 | 3 |\n| x \\| y | z |\n| 4 | 5 |\n"))
        #expect(result.warnings.map { "\($0.location!.line):\($0.location!.column): \($0.message)" } == [
            "7:1: this table row has 3 cells but the table has 2 columns: the last cell is left out "
                + "of every edition; add columns to the header row, or escape a pipe that is text as \\|",
        ])
    }

    @Test func pandocSyntaxIsWarnedOfOnceEachAtItsPlace() throws {
        let body = """
            The integral $$x\\,dx$$ and $a\\_b$.

            Again $y$, as [@smith2020, p. 3] and [@jones] say.

            ::: note
            Text
            :::

            Term
            : Definition
            """
        let result = try read(report(body))
        let warnings = result.warnings.map { "\($0.location!.line):\($0.location!.column): \($0.message)" }
        #expect(warnings.count == 4, "\(warnings)")
        for (place, words) in [("5:1", "TeX math"), ("7:1", "citations"), ("9:1", "fenced divs"), ("14:1", "definition lists")] {
            #expect(warnings.contains { $0.hasPrefix(place + ": ") && $0.contains(words) }, "\(place) \(words): \(warnings)")
        }
    }

    /// Backslashes inside math survive (cmark would read `\,` as `,`); outside they are
    /// escapes as CommonMark says; amounts of money are not math.
    @Test func mathKeepsItsBackslashes() throws {
        let result = try read(report("The integral $$x\\,dx$$ and $a\\_b$ but \\_this\\_, at $5 or $6.\n"))
        #expect(firstBlocks(result) == [.paragraph([.text("The integral $$x\\,dx$$ and $a\\_b$ but _this_, at $5 or $6.")])])
        let money = try read(report("It costs $5 or $6.\n"))
        #expect(money.warnings.isEmpty)
    }

    /// An author's slip is said with what was probably meant, and what it carried is
    /// printed in no edition: a heading class that would have given the section its meaning,
    /// an item's or a figure's attribute, a front-matter key, an undefined note; a mistyped
    /// marking key is an error, for the report would otherwise publish unmarked.
    @Test func slipsAreToldWithWhatWasMeant() throws {
        let body = """
            ## Key Judgements {.key-judgements}

            1. **Lead.** Text. {likelihod=likely}

            ## Risks {.risk .wide}

            Text with a note.[^missing]

            ![Map](map.svg){widht=50%}
            """
        let result = try read(report(body, frontMatter: "author: Ingrid\n"), files: ["map.svg": DiagnosticCodeTests.svg])
        let messages = result.warnings.map(\.message)
        for expected in [
            "unknown front matter key 'author' is not understood and appears in no edition (did you mean 'authors'?)",
            "the heading class '.key-judgements' has no meaning to Imprint (did you mean '.key-judgments'?)",
            "the heading class '.risk' has no meaning to Imprint (did you mean '.risks'?)",
            "the footnote reference [^missing] has no definition, so it is printed as written",
        ] {
            #expect(messages.contains(expected), "\(expected): \(messages)")
        }
        #expect(messages.contains { $0.hasPrefix("the figure attribute 'widht' has no meaning and is printed in no edition (did you mean 'width'?)") }, "\(messages)")
        #expect(!messages.contains { $0.contains("'.wide'") }, "a style hook is not a slip")
        // A bracket the author escaped begins no footnote reference.
        let escaped = try read(report("Written \\[^x] on purpose, [^y] by mistake.\n"))
        #expect(escaped.warnings.map(\.message) == ["the footnote reference [^y] has no definition, so it is printed as written"])
        #expect(result.report.metadata.extra.map(\.key) == ["author"], "kept in the model")
        let marking = errors(report("Text.\n", frontMatter: "marking:\n  tpl: AMBER\n"))
        #expect(marking.map(\.message).contains {
            $0.hasPrefix("unknown key 'tpl' in 'marking' is not understood (did you mean 'tlp'?)")
        }, "\(marking)")
    }

    /// `{#summary}` without `.summary` makes a plain section, and the brief would open with
    /// no bottom line: said at the heading; with the class, nothing is said.
    @Test func anIdThatNamesTheSummaryIsNotItsClass() throws {
        let slip = try read(report("## Summary {#summary}\n\nThe bottom line.\n"))
        #expect(slip.warnings.map { "\($0.location!.line): \($0.message)" } == [
            "5: the id '#summary' does not make this section the report's summary (its bottom line, in the brief); write {#summary .summary}",
        ])
        #expect(try read(report("## Summary {#summary .summary}\n\nThe bottom line.\n")).warnings.isEmpty)
    }
}
