#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// When a record was written.
///
/// Stored in UTC, ISO 8601 with milliseconds (`2026-11-30T16:15:02.123Z`), so that stored
/// timestamps sort as text; printed in China Standard Time with its offset
/// (`2026-12-01T00:15:02.123+08:00`), the time people in the commissions read; and a day, as in
/// `history --since`, is a day in China Standard Time.
enum Timestamp {
    /// The current time, as stored.
    static func now() -> String {
        Date().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// The stored timestamp at which `day` begins in China Standard Time, 16:00 UTC the day before:
    /// `2026-11-30T16:00:00.000Z` for 2026-12-01. A stored timestamp is on or after the day when it
    /// is on or after this one as text.
    static func start(of day: LocalDate) -> String {
        "\(LocalDate(daysSinceEpoch: day.daysSinceEpoch - 1))T16:00:00.000Z"
    }

    /// The stored timestamp at which `day` ends in China Standard Time, 16:00 UTC that day:
    /// `2026-12-01T16:00:00.000Z` for 2026-12-01. What was recorded by the end of the day is stored
    /// before it as text.
    static func end(of day: LocalDate) -> String {
        "\(day)T16:00:00.000Z"
    }

    /// A stored timestamp as printed, in China Standard Time with its offset:
    /// `2026-11-30T16:15:02.123Z` is `2026-12-01T00:15:02.123+08:00`. Text that is not a stored UTC
    /// timestamp is returned as it is.
    static func printed(_ stored: String) -> String {
        let bytes = Array(stored.utf8)
        let digits = { (range: Range<Int>) in range.allSatisfy { bytes[$0] >= UInt8(ascii: "0") && bytes[$0] <= UInt8(ascii: "9") } }
        guard bytes.count >= 20, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              bytes[bytes.count - 1] == UInt8(ascii: "Z"), digits(11..<13), digits(14..<16), digits(17..<19),
              bytes.count == 20 || (bytes[19] == UInt8(ascii: ".") && bytes.count > 21 && digits(20..<bytes.count - 1)),
              let date = try? LocalDate(parsing: String(decoding: bytes[0..<10], as: UTF8.self))
        else { return stored }
        let hour = Int(bytes[11] - UInt8(ascii: "0")) * 10 + Int(bytes[12] - UInt8(ascii: "0"))
        guard hour < 24 else { return stored }
        let shifted = hour + Int(LocalDate.chinaStandardTimeOffset / 3600)
        let (day, hourThere) = shifted < 24 ? (date, shifted) : (LocalDate(daysSinceEpoch: date.daysSinceEpoch + 1), shifted - 24)
        let rest = String(decoding: bytes[13..<bytes.count - 1], as: UTF8.self)
        return "\(day)T\(hourThere < 10 ? "0" : "")\(hourThere)\(rest)+08:00"
    }
}

extension Timestamp {
    /// `date` as stored: UTC, ISO 8601 with milliseconds.
    static func stored(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// A stored timestamp as a date.
    ///
    /// - Throws: ``DuikouError/Code/corrupt`` for text that is not a stored timestamp.
    static func date(_ stored: String, column: String) throws -> Date {
        guard let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(stored) else {
            throw DuikouError(.corrupt, "\(column): \(DuikouError.quoted(stored)) is not a stored timestamp", field: column)
        }
        return date
    }
}
