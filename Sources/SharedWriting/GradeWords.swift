import ReportModel

extension AdmiraltyGrade {
    /// What the grade says, in the words every edition prints after "Grade B2: ": "source
    /// usually reliable; information probably true".
    public func meaning(_ words: Words) -> String {
        words(.gradeMeaning, ["reliability": reliabilityMeaning(words), "credibility": credibilityMeaning(words)])
    }

    /// What the reliability letter means, in the words of the Admiralty scale.
    public func reliabilityMeaning(_ words: Words) -> String {
        let meanings: [Character: Word] = ["A": .reliabilityA, "B": .reliabilityB, "C": .reliabilityC, "D": .reliabilityD, "E": .reliabilityE]
        return words[meanings[reliability] ?? .reliabilityF]
    }

    /// What the credibility digit means, in the words of the Admiralty scale.
    public func credibilityMeaning(_ words: Words) -> String {
        let meanings: [Word] = [.credibility1, .credibility2, .credibility3, .credibility4, .credibility5]
        return words[(1...5).contains(credibility) ? meanings[credibility - 1] : .credibility6]
    }
}
