import Foundation
import ReportModel
import Testing
@testable import ReportReaders

/// Shapes that crashed the reader or an edition, or took time growing with the square of
/// their length, each rebuilt from its description: every one is an error at its place, and
/// the nearest shape an author writes still reads.
@Suite struct CostlyShapeTests {
    private func codes(_ markdown: String) -> [(Diagnostic.Code?, Int?)] {
        errors(markdown).map { ($0.code, $0.location?.line) }
    }

    /// Each note refers to the next: DocBook and the print XHTML nest a note in a note for
    /// each, by recursion, and 5,800 of them overflowed the stack.
    private func chain(_ count: Int, circle: Bool = false) -> String {
        let notes = (0..<count).map { "[^n\($0)]: see[^n\(circle ? ($0 + 1) % count : $0 + 1)]\n\n" }.joined()
        return report("Text.[^n0]\n\n" + notes + (circle ? "" : "[^n\(count)]: The end.\n"))
    }

    @Test func aChainOfNotesLongerThanTheLimitIsAnErrorAtItsLastNote() {
        #expect((try? read(chain(Report.noteChainLimit - 1))) != nil)
        let found = errors(chain(Report.noteChainLimit + 2))
        #expect(found.count == 1 && found[0].code == .nestingTooDeep, "\(found)")
        // The definition of the last note, [^n130], two lines apart from 7 on.
        #expect(found.first?.location?.line == 7 + 2 * (Report.noteChainLimit + 2), "\(found)")
        #expect(found.first?.message.contains("[^n\(Report.noteChainLimit + 2)]") == true)
    }

    @Test func notesReferringInACircleCountAll() {
        #expect((try? read(chain(40, circle: true))) != nil)
        #expect(codes(chain(Report.noteChainLimit + 1, circle: true)).map(\.0) == [.nestingTooDeep])
    }

    @Test func manyNotesEachReferringToTheOneBeforeIsNoChain() throws {
        // "See note 3" in every other note: hundreds of references, chains of two.
        let notes = (0..<600).map { $0 % 2 == 1 ? "[^n\($0)]: See[^n\($0 - 1)].\n\n" : "[^n\($0)]: A source.\n\n" }.joined()
        let result = try read(report((0..<600).map { "Claim.[^n\($0)]\n\n" }.joined() + notes))
        #expect(result.report.footnotes.count == 600)
    }

    @Test func aJSONModelWithALongChainOfNotesIsRefused() throws {
        let notes = (0...Report.noteChainLimit + 1).map { index in
            Footnote(label: "n\(index)", id: "fn-\(index)", number: index + 1, blocks: [.paragraph([.text("see"), .footnoteReference("n\(index + 1)")])])
        }
        var report = Report(metadata: Metadata(title: "Chain"), lead: [.paragraph([.footnoteReference("n0")])], footnotes: notes)
        report.footnotes.append(Footnote(label: "n\(Report.noteChainLimit + 2)", id: "fn-end", number: notes.count + 1, blocks: [.paragraph([.text("end")])]))
        let bytes = Array(try JSONEncoder().encode(report))
        do {
            _ = try ReportJSONReader.read(bytes, file: "model.json", reportPath: nil)
            Issue.record("read a chain of \(notes.count) notes")
        } catch {
            #expect(error.errors.map(\.code) == [.nestingTooDeep], "\(error.errors)")
        }
    }

    /// Aliases nest a short text as deep as it has aliases; 48,000 of them overflowed the
    /// stack when Yams freed the tree, on any thread, for a report or a desk file.
    @Test func aliasesNestedPastTheLimitAreRefused() {
        let aliases = (0..<(BoundedYAML.maximumDepth + 4)).map { "a\($0 + 1): &a\($0 + 1) [*a\($0)]\n" }.joined()
        #expect(codes(report("Text.\n", frontMatter: "a0: &a0 x\n" + aliases)).map(\.0) == [.yamlTooLarge])
        let deep = (0..<40_000).map { "a\($0 + 1): &a\($0 + 1) [*a\($0)]\n" }.joined()
        #expect(codes(report("Text.\n", frontMatter: "a0: &a0 x\n" + deep)).map(\.0) == [.yamlTooLarge])
        let large = "notes: \"" + String(repeating: "x", count: BoundedYAML.maximumSize) + "\"\n"
        #expect(codes(report("Text.\n", frontMatter: large)).map(\.0) == [.yamlTooLarge])
    }

    /// Yams hashes every key whole to find duplicates: an alias key hashed its tree again for
    /// each use (98 KB took 17 s). Aliases as values still read.
    @Test func anAliasAsAKeyIsAnErrorAtIt() throws {
        let found = errors(report("Text.\n", frontMatter: "a: &a [1, 2]\nb: {? *a : 1}\n"))
        #expect(found.map(\.code) == [.yamlInvalid] && found.first?.location?.line == 4 && found.first?.location?.column == 7, "\(found)")
        #expect(codes(report("Text.\n", frontMatter: "a: &a [1, 2]\nc:\n  ? *a\n  : 2\n")).map(\.0) == [.yamlInvalid])
        #expect((try? read(report("Text.\n", frontMatter: "a: &a [1, 2]\nd: *a\ne: [*a, {x: *a}]\n"))) != nil)
    }

    @Test func aDeskFileOfNestedAliasesIsRefusedWhereItIsRead() throws {
        let folder = NSTemporaryDirectory() + "imprint-aliases-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let deep = (0..<40_000).map { "a\($0 + 1): &a\($0 + 1) [*a\($0)]\n" }.joined()
        FileManager.default.createFile(atPath: folder + "/imprint.yml", contents: Data(("paper: a4\na0: &a0 x\n" + deep).utf8))
        // The desk's own keys are skipped for a file its reader then refuses with its place.
        let configuration = try DeskConfiguration.read([folder + "/imprint.yml"])
        #expect(configuration.buildOptions.isEmpty)
    }

    @Test func aTableRowOfMoreThanTheLimitOfCellsIsAnError() throws {
        let wide = "| a | b |\n|---|---|\n| " + String(repeating: "x | ", count: TableShape.maximumRowCells + 1) + "\n"
        #expect(codes(report("## S\n\n" + wide)).map(\.0) == [.tableTooLarge])
        #expect(codes(report("## S\n\n" + wide)).map(\.1) == [9])
        let escaped = "| a | b |\n|---|---|\n| " + String(repeating: "x \\| ", count: 1_000) + "|\n"
        #expect((try? read(report("## S\n\n" + escaped))) != nil)
        let fine = "| " + String(repeating: "h | ", count: 40) + "\n|" + String(repeating: "---|", count: 40) + "\n| " + String(repeating: "1 | ", count: 40) + "\n"
        #expect((try? read(report("## S\n\n" + fine))) != nil)
    }

    @Test func tablesInQuotesAndListsAreMeasuredToo() throws {
        let wide = "|" + String(repeating: "c|", count: 400) + "\n|" + String(repeating: "-|", count: 400) + "\n|x|\n"
        for prefix in ["> ", "> - ", "- > ", ">> 1. "] {
            let quoted = wide.split(separator: "\n").map { prefix + $0 + "\n" }.joined()
            #expect(codes(report("## S\n\n" + quoted)).map(\.0) == [.tableTooLarge], "\(prefix)")
        }
        let overfilled = ["|" + String(repeating: "c|", count: 200), "|" + String(repeating: "-|", count: 200)] + Array(repeating: "|x|", count: 2_000)
        #expect(codes(report("## S\n\n" + overfilled.map { "> " + $0 + "\n" }.joined())).map(\.0) == [.tableTooLarge])
        #expect((try? read(report("## S\n\n> | a | b |\n> |---|---|\n> | 1 | 2 |\n"))) != nil)
    }

    /// The recursion of notes set where they are referred to goes through what each holds:
    /// 128 notes each a quote 100 deep crashed DocBook, within both limits apart.
    @Test func aChainOfNotesNestingDeepInsideIsAnError() throws {
        func chain(_ count: Int, depth: Int) -> String {
            report("Text.[^n0]\n\n" + (0..<count).map { "[^n\($0)]: " + String(repeating: ">", count: depth) + " see[^n\($0 + 1)]\n\n" }.joined() + "[^n\(count)]: End.\n")
        }
        #expect(codes(chain(40, depth: 20)).map(\.0) == [.nestingTooDeep])
        #expect((try? read(chain(20, depth: 5))) != nil)
    }

    @Test func aDottedOverrideKeyIsHeldToTheYAMLDepth() {
        let key = Array(repeating: "a", count: 2_500).joined(separator: ".")
        do {
            _ = try ReportMarkdownReader.read(Array(report("Text.\n").utf8), file: "r.md", reportPath: nil, settings: MetadataSettings(overrides: [key + "=1"]))
            Issue.record("read a key of 2,500 parts")
        } catch {
            #expect(error.errors.map(\.code) == [.overrideInvalid])
        }
    }

    @Test func thousandsOfUnclosedMarkupOpenersInAParagraphAreAnError() throws {
        for opener in ["<?", "<!A", "<![CDATA["] {
            let found = codes(report("## S\n\nText " + String(repeating: "x \(opener) ", count: 20_000) + "\n"))
            #expect(found.map(\.0) == [.markupTooCostly] && found.map(\.1) == [7], "\(opener): \(found)")
        }
        // Closed, or a few, or spread over paragraphs: read.
        let closed = String(repeating: "x <?php echo 1 ?> <![CDATA[a]]> <!DOCTYPE html> ", count: 5_000)
        #expect((try? read(report("## S\n\n" + closed + "\n"))) != nil)
        #expect((try? read(report("## S\n\n" + String(repeating: "x <? y\n\n", count: 20_000)))) != nil)
    }

    @Test func aLongWordHoldingAnAddressIsAnError() throws {
        let found = codes(report("## S\n\nSee www.a.com" + String(repeating: ")", count: 20_000) + " now.\n"))
        #expect(found.map(\.0) == [.markupTooCostly] && found.map(\.1) == [7], "\(found)")
        #expect(codes(report("## S\n\nSee https://a.org/" + String(repeating: "a", count: 10_000) + "\n")).map(\.0) == [.markupTooCostly])
        // A long word without an address, and a long address under the limit, read.
        #expect((try? read(report("## S\n\n" + String(repeating: ")", count: 50_000) + "\n"))) != nil)
        #expect((try? read(report("## S\n\nhttps://a.org/" + String(repeating: "a", count: 4_000) + "\n"))) != nil)
    }

    /// Each warning about a heading's attributes placed its heading by counting the line's
    /// characters again: 16,000 keys took 6 s.
    @Test func attributeWarningsArePlacedOnTheirHeading() throws {
        let keys = (0..<50).map { "k\($0)=v" }.joined(separator: " ")
        let result = try read(report("## Tête {\(keys)}\n\nText.\n"))
        let warnings = result.warnings.filter { $0.code == .unknownAttribute }
        #expect(warnings.count == 50)
        #expect(warnings.allSatisfy { $0.location?.line == 5 && $0.location?.column == 1 && $0.location?.end?.column == 9 + keys.count + 1 })
    }
}
