import ReportModel
import XMLSupport

/// The ids of one report: explicit ones are checked (valid XML names, unique), derived
/// ones are made unique against all the others.
final class Identifiers {
    /// Each id and where it was first given: the line and column only, for the file is
    /// the report's (a large report has hundreds of thousands of ids, and a whole
    /// `SourceLocation` per id made this table twice the size).
    private var taken: [String: Place] = [:]
    /// For each base a derived id was made from, the suffix to try next: every one below
    /// it is taken, so a report of thousands of equal headings is read in linear time.
    private var nextSuffix: [String: Int] = [:]

    private struct Place {
        var line: Int32
        var column: Int32

        init(_ location: SourceLocation) {
            line = Int32(clamping: location.line)
            column = Int32(clamping: location.column)
        }
    }

    /// Registers an id written as `{#id}`; logs an error when it is not a valid name or is
    /// already used.
    func claim(_ id: String, at location: SourceLocation, log: DiagnosticLog) {
        guard Identifiers.isValid(id) else {
            log.error(.idInvalid,
                "'\(id)' is not a valid id: an id starts with a letter or '_' and holds letters, digits, '-', '_' and '.'",
                at: location)
            return
        }
        if let first = taken[id] {
            let firstLocation = SourceLocation(file: location.file, line: Int(first.line), column: Int(first.column))
            log.error(.idDuplicate, "the id '\(id)' is used twice; it was first given at \(firstLocation)", at: location)
            return
        }
        taken[id] = Place(location)
    }

    func contains(_ id: String) -> Bool { taken[id] != nil }

    /// A new id derived from `text`, unique in the report: `risk-assessment`, then
    /// `risk-assessment-2`.
    func derive(from text: String, fallback: String, at location: SourceLocation) -> String {
        // A slug of letters XML does not know as name characters falls back to ASCII.
        let slug = Identifiers.slug(text).flatMap { slug in
            Identifiers.isValid(slug) ? slug : Identifiers.slug(String(slug.unicodeScalars.filter(\.isASCII).map(Character.init)))
        }
        let base = slug ?? fallback
        var candidate = base
        var suffix = nextSuffix[base] ?? 2
        while taken[candidate] != nil {
            candidate = "\(base)-\(suffix)"
            suffix += 1
        }
        nextSuffix[base] = suffix
        taken[candidate] = Place(location)
        return candidate
    }

    /// Lower case; letters and digits kept (in any script); runs of anything else become
    /// one hyphen; leading characters that cannot start a name dropped.
    static func slug(_ text: String) -> String? {
        var result = ""
        var pendingHyphen = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "_" {
                if pendingHyphen, !result.isEmpty { result.append("-") }
                pendingHyphen = false
                if result.isEmpty, !(character.isLetter || character == "_") { continue }
                result.append(character)
            } else {
                pendingHyphen = true
            }
        }
        return result.isEmpty ? nil : result
    }

    /// Whether `id` is an XML NCName (usable as `xml:id` and as a URL fragment), by
    /// libxml2's own rules, which are those of XML 1.0's fourth edition: letters of scripts
    /// encoded since (N'Ko, say) are not name characters there.
    static func isValid(_ id: String) -> Bool {
        XMLNames.isNCName(id)
    }
}
