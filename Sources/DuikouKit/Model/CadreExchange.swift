#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A cadre exchange to be recorded: a secondment (挂职) of persons, or a training batch (培训).
public struct NewExchange: Sendable, Hashable {
    /// The exchange's id; a new random UUID unless given.
    public var id: UUID
    /// The id of the pairing the exchange belongs to.
    public var pairing: String
    /// Which way the cadres go.
    public var direction: ExchangeDirection
    /// Secondment or training.
    public var kind: ExchangeKind
    /// The first day.
    public var start: LocalDate
    /// The last day, on or after the first.
    public var end: LocalDate?
    /// Persons (人) for a secondment, participants (人次) for training.
    public var participants: Int
    /// The seconded person's name.
    public var person: String?
    /// The sending organisation.
    public var fromOrg: String?
    /// The receiving organisation.
    public var toOrg: String?
    /// The post held during a secondment.
    public var post: String?

    /// Creates an exchange record.
    ///
    /// A secondment counts one person unless `participants` says otherwise; a training batch must
    /// say how many took part, at most ``maximumParticipants``. The end, when given, is on or after
    /// the start. Text is kept as given, trimmed; a NUL byte or more than 1 MiB in a field is refused.
    public init(
        id: UUID = UUID(), pairing: String, direction: ExchangeDirection, kind: ExchangeKind, start: LocalDate,
        end: LocalDate? = nil, participants: Int? = nil, person: String? = nil, fromOrg: String? = nil,
        toOrg: String? = nil, post: String? = nil
    ) throws {
        if let end, end < start {
            throw DuikouError.invalid("end", end.description, "is before the start (\(start))")
        }
        if let participants {
            try checkWholeNumber(participants, field: "participants", maximum: Self.maximumParticipants)
        }
        if kind == .training && participants == nil {
            throw DuikouError(.invalidInput, "participants: a training batch needs the number of participants (人次)")
        }
        self.id = id
        self.pairing = pairing.trimmingSpaces()
        self.direction = direction
        self.kind = kind
        self.start = start
        self.end = end
        self.participants = participants ?? 1
        self.person = try optionalText(person, field: "person")
        self.fromOrg = try optionalText(fromOrg, field: "from_org")
        self.toOrg = try optionalText(toOrg, field: "to_org")
        self.post = try optionalText(post, field: "post")
    }
}

extension NewExchange {
    /// The most persons or participants one exchange record counts. Far above any real batch, and
    /// low enough that a report's totals could only overflow past nine million million records.
    public static let maximumParticipants = 1_000_000

    /// Reads a number of persons or participants such as `52`: a whole number from 1 to
    /// ``maximumParticipants``.
    ///
    /// - Throws: ``DuikouError/Code/invalidInput`` naming `field` and the text.
    public static func participants(parsing text: String, field: String = "participants") throws -> Int {
        try wholeNumber(parsing: text, field: field, maximum: maximumParticipants)
    }
}

/// A recorded cadre exchange.
public struct CadreExchange: Sendable, Hashable {
    /// The exchange's id.
    public let id: UUID
    /// The id of the pairing the exchange belongs to.
    public let pairing: String
    /// Which way the cadres go.
    public let direction: ExchangeDirection
    /// Secondment or training.
    public let kind: ExchangeKind
    /// The first day.
    public let start: LocalDate
    /// The last day.
    public let end: LocalDate?
    /// Persons (人) for a secondment, participants (人次) for training.
    public let participants: Int
    /// The seconded person's name.
    public let person: String?
    /// The sending organisation.
    public let fromOrg: String?
    /// The receiving organisation.
    public let toOrg: String?
    /// The post held.
    public let post: String?
}

/// Which way cadres go in an exchange.
public enum ExchangeDirection: String, Keyword {
    /// From the Northeast to the East (赴东部).
    case toEast = "to-east"
    /// From the East to the Northeast (赴东北).
    case toNortheast = "to-northeast"

    /// The Chinese label.
    public var labelZH: String { self == .toEast ? "赴东部" : "赴东北" }

    /// The English label.
    public var labelEN: String { rawValue }
}

/// The kind of a cadre exchange.
public enum ExchangeKind: String, Keyword {
    /// 挂职: a secondment, counted in persons (人).
    case secondment
    /// 培训: a training batch, counted in participants (人次).
    case training

    /// The Chinese label.
    public var labelZH: String { self == .secondment ? "挂职" : "培训" }

    /// The English label.
    public var labelEN: String { rawValue }

    /// The unit its participants are counted in: 人 (persons) or 人次 (person-times), which are never added together.
    public func unit(_ language: Language) -> String {
        switch (self, language) {
        case (.secondment, .zh): "人"
        case (.training, .zh): "人次"
        case (.secondment, .en): "persons"
        case (.training, .en): "person-times"
        }
    }
}
