/// The moment a build dates its editions with, in seconds since 1970 (UTC): never the
/// clock, so that builds are reproducible (`SOURCE_DATE_EPOCH`, or the report's date). One
/// type gives it in each form an edition writes: ISO 8601 (the e-book's and the Word
/// edition's metadata) and MS-DOS time (ZIP entries), both from the same calendar.
public struct BuildMoment: Sendable, Equatable {
    public var seconds: Int

    public init(seconds: Int) {
        self.seconds = seconds
    }

    /// Midnight UTC at the start of `date`.
    public init(date: ReportDate) {
        seconds = BuildMoment.days(from: date) * 86_400
    }

    /// The moments every edition can date: 1970 to the end of 9999 (ZIP's DOS dates and
    /// ISO dates of four-digit years are what bound it).
    public static let range = 0...253_402_300_799

    /// `2024-06-19T00:00:00Z`.
    public var iso8601: String {
        let (year, month, day, secondsOfDay) = parts
        func pad(_ value: Int, _ width: Int = 2) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month))-\(pad(day))T\(pad(secondsOfDay / 3600)):\(pad(secondsOfDay / 60 % 60)):\(pad(secondsOfDay % 60))Z"
    }

    /// MS-DOS time and date (ZIP has no time zone; UTC keeps the bytes the same wherever the
    /// book is built). Years before 1980, which DOS dates cannot hold, count as 1980.
    public var dos: (time: UInt16, date: UInt16) {
        let (year, month, day, secondsOfDay) = parts
        let time = UInt16(secondsOfDay / 3600) << 11 | UInt16(secondsOfDay / 60 % 60) << 5 | UInt16(secondsOfDay % 60 / 2)
        let date = UInt16(truncatingIfNeeded: max(year - 1980, 0)) << 9 | UInt16(month) << 5 | UInt16(day)
        return (time, date)
    }

    /// The calendar date and the seconds into that day.
    private var parts: (year: Int, month: Int, day: Int, secondsOfDay: Int) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let (year, month, day) = BuildMoment.civil(fromDays: days)
        return (year, month, day, seconds - days * 86_400)
    }

    /// Days from 1970-01-01 to `date` in the proleptic Gregorian calendar (Howard Hinnant's
    /// days_from_civil).
    static func days(from date: ReportDate) -> Int {
        let year = date.month <= 2 ? date.year - 1 : date.year
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let month = date.month
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + date.day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` after 1970-01-01 (Howard Hinnant's civil_from_days).
    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
