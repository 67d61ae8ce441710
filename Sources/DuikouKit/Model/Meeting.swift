#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A meeting or visit of a pairing to be recorded: a joint meeting (联席会议), a leaders' visit
/// (高层互访) or a matchmaking event (对接活动).
public struct NewMeeting: Sendable, Hashable {
    /// The meeting's id; a new random UUID unless given.
    public var id: UUID
    /// The id of the pairing that met.
    public var pairing: String
    /// Joint meeting, leaders' visit or matchmaking.
    public var kind: MeetingKind
    /// The day it took place (the first day, for several).
    public var date: LocalDate
    /// Where, such as `哈尔滨市`.
    public var place: String?
    /// At what level, in words, such as `省级` or `市级`.
    public var level: String?
    /// How many took part, from 1 to ``NewExchange/maximumParticipants``, when known.
    public var participants: Int?
    /// What came of it (成果), such as agreements signed.
    public var outcomes: String?

    /// Creates a meeting record. Text is kept as given, trimmed; a NUL byte or more than 1 MiB in a
    /// field is refused.
    ///
    /// - Throws: ``DuikouError/Code/invalidInput`` for participants outside 1 to
    ///   ``NewExchange/maximumParticipants`` and refused text, naming the field.
    public init(
        id: UUID = UUID(), pairing: String, kind: MeetingKind, date: LocalDate, place: String? = nil, level: String? = nil,
        participants: Int? = nil, outcomes: String? = nil
    ) throws {
        if let participants {
            try checkWholeNumber(participants, field: "participants", maximum: NewExchange.maximumParticipants)
        }
        self.id = id
        self.pairing = pairing.trimmingSpaces()
        self.kind = kind
        self.date = date
        self.place = try optionalText(place, field: "place")
        self.level = try optionalText(level, field: "level")
        self.participants = participants
        self.outcomes = try optionalText(outcomes, field: "outcomes")
    }
}

/// A recorded meeting or visit.
public struct Meeting: Sendable, Hashable {
    /// The meeting's id.
    public let id: UUID
    /// The id of the pairing that met.
    public let pairing: String
    /// Joint meeting, leaders' visit or matchmaking.
    public let kind: MeetingKind
    /// The day it took place.
    public let date: LocalDate
    /// Where.
    public let place: String?
    /// At what level.
    public let level: String?
    /// How many took part, when known.
    public let participants: Int?
    /// What came of it.
    public let outcomes: String?
}

/// The kind of a meeting or visit.
public enum MeetingKind: String, Keyword {
    /// 联席会议: a joint meeting of the pairing's two sides, the plan's regular consultation.
    case jointMeeting = "joint-meeting"
    /// 高层互访: a visit of leaders from one side to the other.
    case leadersVisit = "leaders-visit"
    /// 对接活动: a matchmaking event (trade fair, investment promotion, 洽谈会).
    case matchmaking

    /// The Chinese label.
    public var labelZH: String {
        switch self {
        case .jointMeeting: "联席会议"
        case .leadersVisit: "高层互访"
        case .matchmaking: "对接活动"
        }
    }

    /// The English label.
    public var labelEN: String { rawValue }

    /// `联席会`, `互访`, `对接会` and `对接` are accepted too.
    public static var synonyms: [String: MeetingKind] {
        ["联席会": .jointMeeting, "互访": .leadersVisit, "对接会": .matchmaking, "对接": .matchmaking]
    }
}
