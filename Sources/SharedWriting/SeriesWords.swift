import ReportModel

extension Series {
    /// The issue's place in its series in words, as every edition prints it: "Volume 43",
    /// "Issue 7" (either may be missing), in the report's language.
    public func numbering(_ words: Words) -> [String] {
        [volume.map { words(.volume, ["n": String($0)]) }, issue.map { words(.issue, ["n": String($0)]) }].compactMap { $0 }
    }
}
