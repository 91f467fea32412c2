import Testing
@testable import ReportModel

@Suite struct ReportDateTests {
    @Test func parsesRealDays() {
        #expect(ReportDate("2024-06-19")?.description == "2024-06-19")
        #expect(ReportDate("2024-02-29") != nil)
        #expect(ReportDate("2000-02-29") != nil)
    }

    @Test(arguments: ["2023-02-29", "1900-02-29", "2024-13-01", "2024-04-31", "2024-6-19", "19-06-2024", "2024-06-19T10:00", ""])
    func rejectsOthers(_ text: String) {
        #expect(ReportDate(text) == nil)
    }
}

@Suite struct LikelihoodTests {
    @Test func readsICD203Terms() {
        #expect(Likelihood("roughly-even-chance", yardstick: .icd203) == .icd203(.roughlyEvenChance))
        #expect(Likelihood("likely", yardstick: .icd203)?.band == ProbabilityBand(55, 80))
        #expect(Likelihood("almost-no-chance", yardstick: .icd203)?.token == "almost-no-chance")
    }

    @Test func readsPHIATerms() {
        #expect(Likelihood("realistic-possibility", yardstick: .phia) == .phia(.realisticPossibility))
        #expect(Likelihood("likely", yardstick: .phia)?.band == ProbabilityBand(55, 75))
        #expect(Likelihood("remote-chance", yardstick: .phia)?.band.description == "0–5%")
    }

    @Test func termsBelongToTheirYardstick() {
        #expect(Likelihood("remote-chance", yardstick: .icd203) == nil)
        #expect(Likelihood("very-likely", yardstick: .phia) == nil)
        #expect(Likelihood("Likely", yardstick: .icd203) == nil)
    }

    @Test func readsPercentages() {
        #expect(Likelihood("70%", yardstick: .phia) == .percent(70))
        #expect(Likelihood("0%", yardstick: .icd203)?.band.description == "0%")
        #expect(Likelihood("101%", yardstick: .icd203) == nil)
        #expect(Likelihood("-5%", yardstick: .icd203) == nil)
        #expect(Likelihood("%", yardstick: .icd203) == nil)
    }

    @Test func everyYardstickHasSevenOrderedTerms() {
        for yardstick in Yardstick.allCases {
            let bands = yardstick.terms.map(\.band)
            #expect(bands.count == 7)
            #expect(zip(bands, bands.dropFirst()).allSatisfy { $0.upper <= $1.lower })
        }
    }
}

@Suite struct AdmiraltyGradeTests {
    @Test func parsesGrades() {
        let grade = AdmiraltyGrade("B2")
        #expect(grade?.description == "B2")
        #expect(AdmiraltyGrade("f6")?.description == "F6")
    }

    @Test(arguments: ["G1", "A0", "A7", "AA", "B22", "", "2B"])
    func rejectsOthers(_ text: String) {
        #expect(AdmiraltyGrade(text) == nil)
    }

    @Test func tlpLabels() {
        #expect(TLP.amberStrict.label == "TLP:AMBER+STRICT")
        #expect(TLP(rawValue: "CLEAR") == .clear)
    }
}
