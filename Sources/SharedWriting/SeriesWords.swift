import ReportModel

extension Series {
    /// The issue's place in its series in words, as every edition prints it: "Volume 43",
    /// "Issue 7" (either may be missing), in the report's language.
    public func numbering(_ words: Words) -> [String] {
        [volume.map { words(.volume, ["n": String($0)]) }, issue.map { words(.issue, ["n": String($0)]) }].compactMap { $0 }
    }

    /// The series line's parts, as every edition prints it (joined by the language's
    /// `.partSeparator`, " · "): the
    /// series' title, its ISSN, and the issue's numbering ("Volume 43, Issue 7"), each with
    /// its kind (`series-title`, `issn`, `volume-issue`) for editions that mark them.
    public func parts(_ words: Words) -> [(kind: String, text: String)] {
        var parts: [(String, String)] = []
        if let title { parts.append(("series-title", title)) }
        if let issn { parts.append(("issn", "ISSN \(issn)")) }
        let numbering = numbering(words)
        if !numbering.isEmpty { parts.append(("volume-issue", numbering.joined(separator: words[.listSeparator]))) }
        return parts
    }
}
