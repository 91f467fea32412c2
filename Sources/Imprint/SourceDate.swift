import Foundation
import ReportModel

/// The moment an output claims to be made: never the clock, so that builds are reproducible.
enum SourceDate {
    /// `SOURCE_DATE_EPOCH` when set; else the report's `updated` or `date` at midnight UTC;
    /// else 0.
    static func epoch(for metadata: Metadata, environment: (String) -> String? = Environment.value) -> Int {
        if let text = environment("SOURCE_DATE_EPOCH"), let value = Int(text), range.contains(value) { return value }
        guard let date = metadata.updated ?? metadata.date else { return 0 }
        return daysSinceEpoch(date) * 86_400
    }

    /// The moments every edition can date: 1970 to the end of 9999 (ZIP's DOS dates and
    /// ISO dates of four-digit years are what bound it).
    static let range = 0...253_402_300_799

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

    /// Days from 1970-01-01 to `date` in the proleptic Gregorian calendar.
    static func daysSinceEpoch(_ date: ReportDate) -> Int {
        // Howard Hinnant's days_from_civil.
        let year = date.month <= 2 ? date.year - 1 : date.year
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let month = date.month
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + date.day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
