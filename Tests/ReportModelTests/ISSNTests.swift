import Testing
@testable import ReportModel

@Suite struct ISSNTests {
    @Test(arguments: ["2785-2598", "0317-8471", "0378-5955", "1050-124X", "1050-124x"])
    func acceptsValidNumbers(_ text: String) {
        #expect(ISSN(text)?.description == text.uppercased())
    }

    @Test(arguments: ["2785-2597", "0317-8470", "1050-1240"])
    func rejectsWrongCheckDigits(_ text: String) {
        #expect(ISSN(text) == nil)
        #expect(ISSN.hasValidForm(text))
    }

    @Test(arguments: ["27852598", "2785-259", "2785-25988", "ABCD-2598", "2785 2598", ""])
    func rejectsMalformedNumbers(_ text: String) {
        #expect(ISSN(text) == nil)
        #expect(!ISSN.hasValidForm(text))
    }

    @Test func computesTheCheckCharacter() {
        #expect(ISSN.checkCharacter(for: Array("2785259")) == "8")
        #expect(ISSN.checkCharacter(for: Array("1050124")) == "X")
    }
}
