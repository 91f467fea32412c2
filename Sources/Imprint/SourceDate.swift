import Foundation
import ReportModel

/// The moment an output claims to be made: never the clock, so that builds are reproducible.
enum SourceDate {
    /// `SOURCE_DATE_EPOCH` when set; else the report's `updated` or `date` at midnight UTC;
    /// else 0.
    static func epoch(for metadata: Metadata, environment: (String) -> String? = Environment.value) -> Int {
        if let text = environment("SOURCE_DATE_EPOCH"), let value = Int(text), value >= 0 { return value }
        guard let date = metadata.updated ?? metadata.date else { return 0 }
        return daysSinceEpoch(date) * 86_400
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
