import ReportModel
import Testing
import ReportTestSupport
@testable import ReportReaders

@Suite struct SourceTextTests {
    /// The first invalid byte, decoding every scalar: what the fast scan must agree with.
    static func firstInvalidByDecoding(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// Random runs of ASCII, valid multi-byte characters, and stray, truncated or overlong
    /// sequences, at every alignment against the eight-byte steps.
    /// A lone CR ends a line, as in CommonMark and YAML: lines are counted as cmark-gfm
    /// counts them (a table's caption after lone CRs was looked for on the wrong line, and
    /// the reader crashed), and a warning names the line an editor shows.
    @Test func aLoneCarriageReturnEndsALine() throws {
        let crashed = "---\ntitle: T\n---\n1\r2\r3\r4\r5\n\n| h |\n|---|\n| a |\n\nTable: cap\n\nText\n\n{#i .c}"
        let table = try read(crashed).report.lead.compactMap { block -> Table? in if case .table(let table) = block { table } else { nil } }
        #expect(table.first?.caption == [.text("cap")])
        let result = try read("---\rtitle: T\r---\r\rOne.\rTwo.\r\r#### Skipped\r\nText.\r\n")
        #expect(result.warnings.first { $0.code == .headingLevelSkipped }?.location?.line == 8)
        #expect(SourceText.endingLinesAtLoneCarriageReturns(Array("a\rb\r\nc\r".utf8)) == Array("a\nb\r\nc\n".utf8))
    }

    @Test func findsTheFirstInvalidByteAsDecodingDoes() {
        let pieces: [[UInt8]] = [
            Array("plain ascii text ".utf8), Array("é".utf8), Array("평양".utf8), Array("😀".utf8), [0x80], [0xC3],
            [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xFF], Array("x".utf8),
        ]
        var random = SeededGenerator(seed: 11)
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &random) { bytes += pieces.randomElement(using: &random)! }
            #expect(SourceText.firstInvalidUTF8Offset(in: bytes) == Self.firstInvalidByDecoding(bytes), "\(bytes)")
        }
    }
}
