import ReportModel

extension AdmiraltyGrade {
    /// The sentence every edition prints under a graded source, in the language's pattern
    /// (`grade.sentence`), with the grade itself strong: "Grade **B2**: source usually
    /// reliable; information probably true."
    public func sentence(_ words: Words) -> [Inline] {
        var inlines: [Inline] = []
        var text = ""
        for piece in words.pieces(.gradeSentence) {
            switch piece {
            case .text(let piece): text += piece
            case .placeholder("grade"):
                if !text.isEmpty { inlines.append(.text(text)) }
                inlines.append(.strong([.text(description)]))
                text = ""
            case .placeholder("meaning"): text += meaning(words)
            case .placeholder(let name): text += "{\(name)}"
            }
        }
        return text.isEmpty ? inlines : inlines + [.text(text)]
    }

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
