import Testing

@testable import ReportModel

/// ISBN-13s, verified by their check digit.
@Suite struct ISBNTests {
    @Test func readsAnISBNAsWrittenOrAsDigits() throws {
        let hyphenated = try #require(ISBN("978-0-306-40615-7"))
        #expect(hyphenated.description == "978-0-306-40615-7" && hyphenated.digits == "9780306406157")
        #expect(ISBN("9780306406157")?.description == "9780306406157")
        #expect(ISBN(" 978 0 306 40615 7 ")?.description == "978-0-306-40615-7")
        #expect(ISBN("979-10-90636-07-1") != nil)
    }

    @Test func refusesWhatIsNoISBN13() {
        #expect(ISBN("978-0-306-40615-8") == nil, "a wrong check digit")
        #expect(ISBN("0-306-40615-2") == nil, "an ISBN-10")
        #expect(ISBN("4006381333931") == nil, "an EAN-13 that is no book's")
        #expect(ISBN("978--0-306-40615-7") == nil && ISBN("-9780306406157") == nil && ISBN("978030640615X") == nil)
        #expect(ISBN("978 -0-306-40615-7") == nil && ISBN("978-0-306-40615-7-") == nil)
    }

    @Test func anISBN10BecomesItsISBN13() throws {
        let digits = try #require(ISBN.digits(of: "0-306-40615-2"))
        #expect(ISBN.thirteen(fromTen: digits) == "9780306406157")
        #expect(ISBN.digits(of: "0-8044-2957-X")?.count == 10)
        #expect(ISBN.isValidTen(Array("080442957X")) && !ISBN.isValidTen(Array("0306406512")))
    }
}
