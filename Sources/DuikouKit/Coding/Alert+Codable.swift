#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Alert: Codable {
    /// The JSON keys of an alert, in the order `duikou alerts --format json` prints them.
    enum CodingKeys: String, CodingKey {
        case project, pairing, rule, level, since, days
        case messageZH = "message_zh"
        case messageEN = "message_en"
    }

    /// Writes the alert as one row of `duikou alerts --format json` (the title is left out).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id: project, forKey: .project)
        try container.encode(pairing, forKey: .pairing)
        try container.encode(rule, forKey: .rule)
        try container.encode(level, forKey: .level)
        try container.encode(since, forKey: .since)
        try container.encode(days, forKey: .days)
        try container.encode(messageZH, forKey: .messageZH)
        try container.encode(messageEN, forKey: .messageEN)
    }

    /// Reads an alert as ``encode(to:)`` writes it; its ``title`` is `nil`.
    ///
    /// - Throws: `DecodingError` for a missing or malformed field and a negative day count.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        project = try container.decodeID(forKey: .project)
        pairing = try container.decodeText(forKey: .pairing)
        rule = try container.decode(AlertRule.self, forKey: .rule)
        level = try container.decode(AlertLevel.self, forKey: .level)
        since = try container.decode(LocalDate.self, forKey: .since)
        days = try container.decode(Int.self, forKey: .days)
        guard days >= 0 else { throw container.refusal(.days, "\(days) is not a number of days") }
        messageZH = try container.decodeText(forKey: .messageZH)
        messageEN = try container.decodeText(forKey: .messageEN)
        title = nil
    }
}
