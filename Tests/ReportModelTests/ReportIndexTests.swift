import Testing
import ReportModel

/// The index finds exactly the ids that cross-references without words point to,
/// wherever those references stand (`ManuscriptTests` has the words they are given).
@Suite struct ReportIndexTests {
    @Test func labelsTheTargetsOfWordlessReferencesWhereverTheyStand() {
        func to(_ target: String) -> Inline { .crossReference(CrossReference(target: target)) }
        let sections = (1...12).map { index in
            Section(id: "s\(index)", number: String(index), level: 2, title: [.text("Part \(index)")])
        }
        var report = Report(metadata: Metadata(title: "Index"), sections: sections)
        let table = Table(
            id: "t1", number: 1, caption: [to("s2")], alignments: [.none],
            header: TableRow(cells: [[to("s3")]]), rows: [TableRow(cells: [[.emphasis([to("s4")])]])])
        let figure = Figure(id: "f1", number: 1, source: "a.png", caption: [to("s5")], alt: "A")
        let list = ListBlock(ordered: false, items: [ListItem(blocks: [.quote([.paragraph([to("s6")])])])])
        report.sections[0].title += [to("s1")]
        report.sections[0].blocks = [
            .table(table), .figure(figure), .list(list),
            .keyJudgments([KeyJudgment(title: [to("s7")], blocks: [])]),
            .risks([Risk(title: [to("s8")], blocks: [.paragraph([to("t1")])])]),
            .paragraph([.link(Link(url: "https://example.org", content: [to("f1")])), to("missing")]),
            // Words of its own: no label needed.
            .paragraph([.crossReference(CrossReference(target: "s11", content: [.text("there")]))]),
        ]
        report.footnotes = [Footnote(label: "n", id: "fn-n", number: 1, blocks: [.paragraph([to("s9"), to("fn-n")])])]
        let wanted: Set = ["s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "t1", "f1", "fn-n"]
        #expect(ReportIndex(report).wordlessTargets == wanted.union(["missing"]))
    }
}
