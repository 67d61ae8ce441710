/// The rule that binds a project's planned milestones.
enum PlannedMilestones {
    /// Refuses a planned completion before the planned start.
    static func check(start: LocalDate?, completion: LocalDate?) throws {
        if let start, let completion, completion < start {
            throw DuikouError.invalid("planned_completion", completion.description, "is before the planned start (\(start))")
        }
    }
}

/// A revision of a project's planned figures to be recorded (`project plan`). Figures left `nil`
/// keep their current values; at least one must be given, with a reason.
public struct NewPlanRevision: Sendable, Hashable {
    /// The new planned total investment (计划总投资), or `nil` to keep it.
    public var planned: Money?
    /// The new planned start (计划开工日期), or `nil` to keep it.
    public var plannedStart: LocalDate?
    /// The new planned completion (计划竣工日期), or `nil` to keep it.
    public var plannedCompletion: LocalDate?
    /// Why the plan changed; required.
    public var reason: String

    /// Creates a revision.
    ///
    /// - Throws: ``DuikouError/Code/invalidInput`` when no figure is given, when the reason is
    ///   empty, and for a planned completion before a planned start given with it.
    public init(planned: Money? = nil, plannedStart: LocalDate? = nil, plannedCompletion: LocalDate? = nil, reason: String) throws {
        guard planned != nil || plannedStart != nil || plannedCompletion != nil else {
            throw DuikouError(.invalidInput, "plan revision: give a planned investment, a planned start or a planned completion")
        }
        self.reason = try requiredText(reason, field: "reason")
        try PlannedMilestones.check(start: plannedStart, completion: plannedCompletion)
        self.planned = planned
        self.plannedStart = plannedStart
        self.plannedCompletion = plannedCompletion
    }
}

/// A recorded revision of a project's planned figures: what they became, what they were, why and when.
public struct PlanRevision: Sendable, Hashable {
    /// The revision's position among the project's revisions, from 1.
    public let sequence: Int
    /// The planned total investment after the revision.
    public let planned: Money?
    /// The planned start after the revision.
    public let plannedStart: LocalDate?
    /// The planned completion after the revision.
    public let plannedCompletion: LocalDate?
    /// The planned total investment before the revision.
    public let previousPlanned: Money?
    /// The planned start before the revision.
    public let previousPlannedStart: LocalDate?
    /// The planned completion before the revision.
    public let previousPlannedCompletion: LocalDate?
    /// Why the plan changed.
    public let reason: String
    /// When the revision was recorded: ISO 8601 in China Standard Time with its offset.
    public let recordedAt: String
}
