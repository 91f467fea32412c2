import ReportModel

extension AdmiraltyGrade {
    /// What the grade says, in the words every edition prints after "Grade B2: ": "source
    /// usually reliable; information probably true".
    public var meaning: String {
        "source \(reliabilityMeaning); information \(credibilityMeaning)"
    }
}
