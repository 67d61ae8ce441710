#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import DuikouKit

extension LocalDate {
    /// The date `days` later, through Foundation's Gregorian calendar.
    func adding(days: Int) throws -> LocalDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        guard let start = calendar.date(from: DateComponents(year: year, month: month, day: day)),
              let later = calendar.date(byAdding: .day, value: days, to: start)
        else { throw DuikouError(.internal, "cannot add \(days) days to \(self)") }
        let parts = calendar.dateComponents([.year, .month, .day], from: later)
        return try LocalDate(year: parts.year ?? year, month: parts.month ?? month, day: parts.day ?? day)
    }
}
