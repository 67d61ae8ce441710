#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A calendar date without a time or time zone, written ISO 8601 `YYYY-MM-DD`.
///
/// Only real dates are accepted: `2019-02-30`, `2019-2-3` and `2019/02/03` are refused.
/// Years run from 1900 to 2999, which catches typing slips such as `0219` or `20199`.
public struct LocalDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year, 1900…2999.
    public let year: Int
    /// The month, 1…12.
    public let month: Int
    /// The day of the month, 1…31 as the month allows.
    public let day: Int

    /// Creates a date from its parts, refusing impossible ones.
    public init(year: Int, month: Int, day: Int) throws {
        if let problem = Self.problem(year: year, month: month, day: day) {
            throw DuikouError.invalid("date", Self.format(year, month, day), problem)
        }
        self.init(unchecked: year, month, day)
    }

    /// Reads an ISO date `YYYY-MM-DD`, ignoring surrounding spaces.
    ///
    /// - Parameters:
    ///   - text: the date, such as `2019-05-09`.
    ///   - field: the name of the field being read, used in the error message.
    public init(parsing text: String, field: String = "date") throws {
        let bytes = Array(text.trimmingSpaces().utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = Self.number(bytes[0..<4]), let month = Self.number(bytes[5..<7]),
              let day = Self.number(bytes[8..<10])
        else {
            throw DuikouError.invalid(field, text, "is not a date; write YYYY-MM-DD, e.g. 2019-05-09")
        }
        if let problem = Self.problem(year: year, month: month, day: day) {
            throw DuikouError.invalid(field, text, problem)
        }
        self.init(unchecked: year, month, day)
    }

    /// Today's date in China Standard Time (UTC+8), whatever the machine's time zone: a change
    /// made in Beijing at 07:30 is dated that day, not the day before as in UTC.
    public static func today() -> LocalDate { today(at: Date()) }

    /// The date in China Standard Time at an instant.
    ///
    /// China Standard Time is UTC+8 all year (China has no daylight saving time), so the date is
    /// computed from the instant plus eight hours, without the machine's time-zone database.
    static func today(at instant: Date) -> LocalDate {
        let seconds = Int64((instant.timeIntervalSince1970).rounded(.down)) + chinaStandardTimeOffset
        return LocalDate(daysSinceEpoch: seconds >= 0 ? seconds / 86_400 : (seconds + 1) / 86_400 - 1)
    }

    /// China Standard Time's offset from UTC, in seconds.
    static let chinaStandardTimeOffset: Int64 = 8 * 3600

    init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The last day of the given year, `Y-12-31`.
    public static func endOfYear(_ year: Int) throws -> LocalDate { try LocalDate(year: year, month: 12, day: 31) }

    /// `YYYY-MM-DD`.
    public var description: String {
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else {
            return Self.format(year, month, day)
        }
        // Digit by digit: interpolation and padding showed in bulk imports, which write dates per row.
        return String(unsafeUninitializedCapacity: 10) { buffer in
            /// Writes `value` as `width` digits ending just before `end`.
            func digits(_ value: Int, width: Int, before end: Int) {
                var rest = value
                for index in (end - width..<end).reversed() {
                    buffer[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
            }
            digits(year, width: 4, before: 4)
            buffer[4] = UInt8(ascii: "-")
            digits(month, width: 2, before: 7)
            buffer[7] = UInt8(ascii: "-")
            digits(day, width: 2, before: 10)
            return 10
        }
    }

    /// Orders dates chronologically.
    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func problem(year: Int, month: Int, day: Int) -> String? {
        if !(1900...2999).contains(year) { return "has a year outside 1900–2999" }
        if !(1...12).contains(month) { return "has no month \(month)" }
        let days = daysIn(month: month, year: year)
        if !(1...days).contains(day) { return "does not exist: \(format(year, month, nil)) has \(days) days" }
        return nil
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in digits {
            guard byte >= 48, byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }

    private static func format(_ year: Int, _ month: Int, _ day: Int?) -> String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        let yearMonth = "\(pad(year, 4))-\(pad(month, 2))"
        return day.map { "\(yearMonth)-\(pad($0, 2))" } ?? yearMonth
    }
}
