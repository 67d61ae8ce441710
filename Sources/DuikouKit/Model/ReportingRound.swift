#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Whether a round still takes reports.
public enum RoundState: String, Keyword {
    /// Reports recorded now count for the round.
    case open
    /// The round is closed and its status and progress are frozen.
    case closed

    public var labelZH: String { self == .open ? "进行中" : "已关闭" }
    public var labelEN: String { self == .open ? "open" : "closed" }
}

/// A reporting round (调度): a period, its due date, the pairings it covers and whether it is open.
public struct ReportingRound: Sendable, Hashable {
    /// The period the round covers.
    public let period: ReportingPeriod
    /// The day reports are due.
    public let due: LocalDate
    /// Open or closed.
    public let state: RoundState
    /// When the round was opened: ISO 8601 in China Standard Time with its offset.
    public let openedAt: String
    /// When the round was closed, if it was.
    public let closedAt: String?
    /// The ids of the pairings it covers, with the pairings below those asked for, expanded when it was opened.
    public let pairings: [String]
}

/// How one pairing stands in a round.
public struct RoundPairingStatus: Sendable, Hashable {
    /// The pairing's id.
    public let pairing: String
    /// How many of its projects are in the round's scope.
    public let inScope: Int
    /// How many of them have reported.
    public let reported: Int
    /// The ids of the projects in scope that have not reported, oldest first.
    public let notReported: [UUID]
    /// Whether the round is past its due date (for a closed round: was, when it closed) with projects not reported.
    public let late: Bool
}

/// Where a round stands: who is in its scope and who has reported, pairing by pairing.
public struct RoundStatus: Sendable, Hashable {
    /// The period.
    public let period: ReportingPeriod
    /// The day reports are due.
    public let due: LocalDate
    /// Open or closed; a closed round's figures are those frozen when it closed.
    public let state: RoundState
    /// One entry per pairing of the round (or of the pairing asked for and those below it), in catalogue order.
    public let pairings: [RoundPairingStatus]
    /// The titles of the projects not reported (as they were at closing, for a closed round), for
    /// tables; JSON carries the ids alone, so a decoded status has none.
    public let titles: [UUID: String]

    /// How many projects are in scope, over all the pairings shown.
    public var inScope: Int { pairings.reduce(0) { $0 + $1.inScope } }
    /// How many of them have reported.
    public var reported: Int { pairings.reduce(0) { $0 + $1.reported } }
}
