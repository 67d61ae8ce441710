#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// When a record was written: ISO 8601 in UTC with milliseconds, e.g. `2026-11-29T08:15:02.123Z`.
enum Timestamp {
    static func now() -> String {
        Date().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
