#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A cooperation project to be recorded, with the status of its first progress update.
public struct NewProject: Sendable, Hashable {
    /// The project's id; a new random UUID unless given, so databases of several reporters merge.
    public var id: UUID
    /// The id of the pairing the project belongs to.
    public var pairing: String
    /// The code of the task the project serves, `1.1`…`4.4`.
    public var task: String
    /// The project's title (项目名称).
    public var title: String
    /// What the project is (项目简介).
    public var description: String?
    /// The Northeast party (东北方), such as the enterprise or government side.
    public var northeastParty: String?
    /// The Eastern party (东部方).
    public var eastParty: String?
    /// The id of the co-built park the project sits in.
    public var park: UUID?
    /// Whether the project is a landmark (标志性) project.
    public var landmark: Bool
    /// The planned total investment (计划总投资).
    public var planned: Money?
    /// The status of the first progress update; `signed` unless given.
    public var status: ProjectStatus
    /// The date of the first progress update.
    public var date: LocalDate
    /// The completed investment (累计完成投资) at the first update.
    public var completed: Money
    /// A note on the first update.
    public var note: String?
    /// For a project recorded as suspended or terminated: the furthest on-track step it had reached
    /// before (as an export carries it, so that rates built on the steps reached come out the same).
    /// Its history then begins with that step and moves to ``status`` on the same date.
    public var reached: ProjectStatus?
    /// The planned start of construction (计划开工日期).
    public var plannedStart: LocalDate?
    /// The planned completion (计划竣工日期); not before the planned start.
    public var plannedCompletion: LocalDate?

    /// Creates a project record; the title must not be empty. Text is kept as given, trimmed; a NUL
    /// byte or more than 1 MiB in a field is refused.
    ///
    /// - Throws: ``DuikouError/Code/invalidInput`` naming the field, also for a `reached` that is
    ///   not an on-track step, or differs from an on-track `status` (whose step is the furthest reached),
    ///   and for a planned completion before the planned start.
    public init(
        id: UUID = UUID(), pairing: String, task: String, title: String, description: String? = nil,
        northeastParty: String? = nil, eastParty: String? = nil, park: UUID? = nil, landmark: Bool = false,
        planned: Money? = nil, status: ProjectStatus = .signed, date: LocalDate, completed: Money = .zero,
        note: String? = nil, reached: ProjectStatus? = nil, plannedStart: LocalDate? = nil, plannedCompletion: LocalDate? = nil
    ) throws {
        try PlannedMilestones.check(start: plannedStart, completion: plannedCompletion)
        if let reached {
            guard reached.isOnTrack else {
                throw DuikouError.invalid("reached", reached.rawValue, "is not an on-track step (\(ProjectStatus.onTrack.map(\.rawValue).joined(separator: ", ")))")
            }
            guard !status.isOnTrack || reached == status else {
                throw DuikouError.invalid("reached", reached.rawValue, "differs from the status '\(status.rawValue)'; a project on track has reached its status and no further")
            }
        }
        self.reached = status.isOnTrack ? nil : reached
        self.id = id
        self.pairing = pairing.trimmingSpaces()
        self.task = task.trimmingSpaces()
        self.title = try requiredText(title, field: "title")
        self.description = try optionalText(description, field: "description")
        self.northeastParty = try optionalText(northeastParty, field: "northeast_party")
        self.eastParty = try optionalText(eastParty, field: "east_party")
        self.park = park
        self.landmark = landmark
        self.planned = planned
        self.status = status
        self.date = date
        self.completed = completed
        self.note = try optionalText(note, field: "note")
        self.plannedStart = plannedStart
        self.plannedCompletion = plannedCompletion
    }
}

/// A recorded cooperation project and its state after its latest progress update (or as of a date).
public struct Project: Sendable, Hashable {
    /// The project's id.
    public let id: UUID
    /// The id of the pairing the project belongs to.
    public let pairing: String
    /// The code of the task the project serves.
    public let task: String
    /// The project's title.
    public let title: String
    /// What the project is.
    public let description: String?
    /// The Northeast party.
    public let northeastParty: String?
    /// The Eastern party.
    public let eastParty: String?
    /// The id of the park the project sits in.
    public let park: UUID?
    /// Whether the project is a landmark project.
    public let landmark: Bool
    /// The planned total investment.
    public let planned: Money?
    /// The status of the latest update.
    public let status: ProjectStatus
    /// The date of the latest update.
    public let statusDate: LocalDate
    /// The date of the first update: when the project entered the record.
    public let firstDate: LocalDate
    /// The cumulative completed investment of the latest update.
    public let completed: Money
    /// The planned start of construction (计划开工日期).
    public let plannedStart: LocalDate?
    /// The planned completion (计划竣工日期).
    public let plannedCompletion: LocalDate?
}

/// One dated entry in a project's history.
public struct ProgressUpdate: Sendable, Hashable {
    /// The update's position in the project's history, from 1.
    public let sequence: Int
    /// The date the update describes.
    public let date: LocalDate
    /// The status from this date on.
    public let status: ProjectStatus
    /// The cumulative completed investment on this date.
    public let completed: Money
    /// A note.
    public let note: String?
    /// When the update was recorded: ISO 8601 in China Standard Time with its offset, such as
    /// `2026-12-01T00:15:02.123+08:00`.
    public let recordedAt: String
    /// Why this entry corrects the update it replaced at its position (``Transaction/correctUpdate(_:ofProject:)``);
    /// `nil` for an update as first recorded.
    public let reason: String?
    /// When a correction replaced this entry, printed like ``recordedAt``; `nil` while it is in force.
    public let supersededAt: String?
    /// Whether the entry is an unchanged report (无变化) of a reporting round.
    public let unchanged: Bool

    init(sequence: Int, date: LocalDate, status: ProjectStatus, completed: Money, note: String?, recordedAt: String,
         reason: String? = nil, supersededAt: String? = nil, unchanged: Bool = false) {
        self.sequence = sequence
        self.date = date
        self.status = status
        self.completed = completed
        self.note = note
        self.recordedAt = recordedAt
        self.reason = reason
        self.supersededAt = supersededAt
        self.unchanged = unchanged
    }
}

/// A progress update to be recorded. Fields left `nil` keep the project's current values.
public struct NewProgressUpdate: Sendable, Hashable {
    /// The date the update describes; on or after the project's latest update.
    public var date: LocalDate
    /// The new status, or `nil` to keep the current one.
    public var status: ProjectStatus?
    /// The new cumulative completed investment, or `nil` to keep the current one.
    public var completed: Money?
    /// A note.
    public var note: String?
    /// Whether this is an unchanged report (无变化): it keeps the status and completed investment and
    /// says that nothing changed, which counts as reporting in a round.
    public private(set) var unchanged = false

    /// Creates an update; it must change the status, the completed investment or carry a note.
    public init(date: LocalDate, status: ProjectStatus? = nil, completed: Money? = nil, note: String? = nil) throws {
        self.date = date
        self.status = status
        self.completed = completed
        self.note = try optionalText(note, field: "note")
        guard status != nil || completed != nil || self.note != nil else {
            throw DuikouError(.invalidInput, "update: give a status, a completed investment or a note")
        }
    }

    /// Creates an unchanged report as of `date`: the status and completed investment stay as they
    /// are; the lifecycle rules still apply to the date.
    public init(unchangedOn date: LocalDate, note: String? = nil) throws {
        self.date = date
        self.note = try optionalText(note, field: "note")
        unchanged = true
    }
}

/// A project with its whole history, oldest update first.
public struct ProjectHistory: Sendable, Hashable {
    /// The project and its current state.
    public let project: Project
    /// The name of the park the project sits in, if it sits in one.
    public let parkName: String?
    /// The history in force, oldest first: one update per position, a corrected one in the place
    /// of the update it replaced.
    public let updates: [ProgressUpdate]
    /// The updates corrections replaced, by position and then as recorded: they stay, marked.
    public let superseded: [ProgressUpdate]
    /// When and why the project was voided; `nil` for a project in force.
    public let voided: ProjectVoid?
    /// Every revision of the planned figures, oldest first.
    public let planRevisions: [PlanRevision]

    init(project: Project, parkName: String?, updates: [ProgressUpdate], superseded: [ProgressUpdate] = [], voided: ProjectVoid? = nil,
         planRevisions: [PlanRevision] = []) {
        self.project = project
        self.parkName = parkName
        self.updates = updates
        self.superseded = superseded
        self.voided = voided
        self.planRevisions = planRevisions
    }
}

/// When and why a project recorded by mistake was withdrawn.
public struct ProjectVoid: Sendable, Hashable {
    /// When it was voided, in China Standard Time with its offset.
    public let at: String
    /// Why.
    public let reason: String
}

/// Which projects a listing returns.
public struct ProjectFilter: Sendable, Hashable {
    /// Only projects of this pairing and the pairings below it.
    public var pairing: String?
    /// Only projects of this task area, `1`…`4`.
    public var area: String?
    /// Only projects of this task.
    public var task: String?
    /// Only projects in this status (as of ``asOf`` when given).
    public var status: ProjectStatus?
    /// Show each project as of this date: projects recorded later are left out.
    public var asOf: LocalDate?
    /// List the projects as the database stood at the end of this day in China Standard Time:
    /// projects recorded or updates made later are left out, corrections and voids made later undone.
    public var knownOn: LocalDate?

    /// Creates a filter; every criterion left `nil` lets all projects through.
    public init(pairing: String? = nil, area: String? = nil, task: String? = nil, status: ProjectStatus? = nil, asOf: LocalDate? = nil,
                knownOn: LocalDate? = nil) {
        self.pairing = pairing
        self.area = area
        self.task = task
        self.status = status
        self.asOf = asOf
        self.knownOn = knownOn
    }
}
