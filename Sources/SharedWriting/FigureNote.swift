import ReportModel

/// One of the notes under a figure's caption — its credit, its licence, its source — with
/// the words every edition gives it: "Credit: …", "License: …", "Source: …".
public struct FigureNote: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case credit, license, source
    }

    public var kind: Kind
    /// "Credit", "License" or "Source".
    public var label: String
    /// The credit, the licence's name, or the source's address (the licence's address
    /// when it has no name).
    public var text: String
    /// Where the text links to, if anywhere.
    public var url: String?
}

extension Figure {
    /// The notes under the caption, in the order every edition prints them.
    public func notes(_ words: Words) -> [FigureNote] {
        var notes: [FigureNote] = []
        if let credit { notes.append(FigureNote(kind: .credit, label: words[.credit], text: credit, url: nil)) }
        if let license = license ?? licenseURL {
            notes.append(FigureNote(kind: .license, label: words[.license], text: license, url: licenseURL))
        }
        if let sourceURL { notes.append(FigureNote(kind: .source, label: words[.figureSource], text: sourceURL, url: sourceURL)) }
        return notes
    }
}
