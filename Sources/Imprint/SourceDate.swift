import Foundation
import ReportModel
import SystemSupport

/// The moment an output claims to be made: never the clock, so that builds are reproducible.
enum SourceDate {
    /// `SOURCE_DATE_EPOCH` when set; else the report's `updated` or `date` at midnight UTC;
    /// else 0.
    static func epoch(for metadata: Metadata, environment: (String) -> String? = Environment.value) -> Int {
        if let text = environment("SOURCE_DATE_EPOCH"), let value = Int(text), range.contains(value) { return value }
        guard let date = metadata.updated ?? metadata.date else { return 0 }
        return BuildMoment(date: date).seconds
    }

    /// The moments every edition can date (`BuildMoment.range`).
    static let range = BuildMoment.range

    /// An error when `SOURCE_DATE_EPOCH` is set to anything but a whole number in `range`:
    /// the build says so rather than dating its editions otherwise.
    static func environmentProblem(environment: (String) -> String? = Environment.value) -> Diagnostic? {
        guard let text = environment("SOURCE_DATE_EPOCH"), !text.isEmpty else { return nil }
        if let value = Int(text), range.contains(value) { return nil }
        return Diagnostic(
            .error, .optionInvalid,
            "SOURCE_DATE_EPOCH is '\(text.prefix(40))'; it must be a whole number of seconds from 0 to \(range.upperBound) (the end of 9999)",
            at: nil)
    }
}
