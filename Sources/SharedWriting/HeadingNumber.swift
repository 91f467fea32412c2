import ReportModel

extension Section {
    /// The number a heading and its contents entry show before the title, in the report's
    /// words: "2", "2.1", and an appendix's letter with the language's word for it
    /// ("Appendix A", "Annexe B", `pattern.numbered`); nil when the section is unnumbered.
    /// Every edition's headings, contents and navigation show this one number.
    public func headingNumber(_ words: Words) -> String? {
        guard let number else { return nil }
        return isLetteredAppendix ? Report.numberedLabel(.appendix, number, words: words) : number
    }

    /// Whether the section is an appendix of its own (lettered "A", not a part "A.1" of one).
    public var isLetteredAppendix: Bool {
        kind == .appendix && number.map { !$0.contains(".") } == true
    }
}
