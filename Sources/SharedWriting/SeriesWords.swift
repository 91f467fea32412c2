import ReportModel

extension Series {
    /// The issue's place in its series in words, as every edition prints it: "Volume 43",
    /// "Issue 7" (either may be missing).
    public var numbering: [String] {
        [volume.map { "Volume \($0)" }, issue.map { "Issue \($0)" }].compactMap { $0 }
    }
}
