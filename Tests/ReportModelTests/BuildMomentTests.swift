import Foundation
import ReportModel
import Testing

@Suite struct BuildMomentTests {
    /// Moments across the range, its ends, leap days and the turns of centuries.
    static let moments: [Int] = {
        var moments = [0, 59, 86_399, 86_400, 951_782_400, 951_868_799, 4_107_542_399, 4_107_542_400, BuildMoment.range.upperBound]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 { moments.append(Int.random(in: BuildMoment.range, using: &generator)) }
        return moments
    }()

    @Test func iso8601IsWhatFoundationWrites() {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        for seconds in Self.moments {
            #expect(BuildMoment(seconds: seconds).iso8601 == formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds))), "\(seconds)")
        }
    }

    @Test func dosTimeIsWhatTheCLibraryCalendarGives() {
        for seconds in Self.moments where seconds >= 315_532_800 && seconds < 4_354_819_200 {
            var moment = time_t(seconds)
            var parts = tm()
            gmtime_r(&moment, &parts)
            let time = UInt16(parts.tm_hour) << 11 | UInt16(parts.tm_min) << 5 | UInt16(parts.tm_sec / 2)
            let date = UInt16(parts.tm_year - 80) << 9 | UInt16(parts.tm_mon + 1) << 5 | UInt16(parts.tm_mday)
            let dos = BuildMoment(seconds: seconds).dos
            #expect(dos.time == time && dos.date == date, "\(seconds)")
        }
    }

    @Test func aReportDateIsItsMidnight() throws {
        for text in ["1970-01-01", "2000-02-29", "2024-06-19", "2100-03-01", "9999-12-31"] {
            let date = try #require(ReportDate(text))
            #expect(BuildMoment(date: date).iso8601 == text + "T00:00:00Z")
        }
    }
}
