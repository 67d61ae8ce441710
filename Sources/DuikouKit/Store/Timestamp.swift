import Foundation

/// When a record was written: ISO 8601 in UTC with milliseconds, e.g. `2026-11-29T08:15:02.123Z`.
enum Timestamp {
    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date())
    }
}
