/// The rules a project's series of progress updates must follow.
///
/// A project moves forward and may skip steps; it may be suspended from any on-track step and
/// resumed at or past the step it left; it may be terminated from anywhere, and termination is
/// final. Updates are dated on or after the latest one, and completed investment never goes down.
public enum ProjectLifecycle {
    /// Where a project stands after its latest update, as far as the rules need to know.
    public struct State: Sendable, Hashable {
        /// The current status.
        public var status: ProjectStatus
        /// The date of the latest update.
        public var date: LocalDate
        /// The cumulative completed investment after the latest update.
        public var completed: Money
        /// While suspended: the on-track step the project left, below which it may not resume.
        public var resumeFloor: ProjectStatus?
        /// The furthest on-track step the project's history has reached, whatever became of it since
        /// (a project landed and then suspended has reached ``ProjectStatus/landed``); `nil` while its
        /// history holds no on-track step.
        public var reached: ProjectStatus?

        /// Creates a state. `reached` is at least `status` when `status` is on track.
        public init(status: ProjectStatus, date: LocalDate, completed: Money, resumeFloor: ProjectStatus? = nil, reached: ProjectStatus? = nil) {
            self.status = status
            self.date = date
            self.completed = completed
            self.resumeFloor = resumeFloor
            self.reached = ProjectStatus.furthest(reached, status)
        }
    }

    /// The state after applying an update, or an error saying which rule it breaks.
    ///
    /// - Parameters:
    ///   - state: the project's state before the update.
    ///   - status: the new status, or `nil` to keep the current one.
    ///   - date: the update's date.
    ///   - completed: the new cumulative completed investment, or `nil` to keep the current one.
    ///   - project: how to name the project in an error message.
    public static func apply(
        to state: State, status: ProjectStatus?, date: LocalDate, completed: Money?, project: String
    ) throws -> State {
        let next = status ?? state.status
        if state.status == .terminated {
            throw DuikouError(.invalidInput, "project \(project): was terminated on \(state.date); termination is final and takes no further updates", field: "status")
        }
        if date < state.date {
            throw DuikouError(.invalidInput, "project \(project): date: '\(date)' is before the latest update (\(state.date)); history is never rewritten", field: "date")
        }
        if let completed, completed < state.completed {
            throw DuikouError(.invalidInput, "project \(project): completed: '\(completed)' is less than the \(state.completed) already recorded; completed investment is cumulative", field: "completed")
        }
        var floor = state.resumeFloor
        switch (state.status, next) {
        case (_, .terminated):
            floor = nil
        case (.suspended, .suspended):
            break
        case (_, .suspended):
            floor = state.status
        case (.suspended, _):
            if let left = state.resumeFloor, !next.hasReached(left) {
                throw DuikouError(.invalidInput, "project \(project): status: '\(next.rawValue)' (\(next.labelZH)) is before '\(left.rawValue)' (\(left.labelZH)), the step it was suspended at; a project resumes at or past that step", field: "status")
            }
            floor = nil
        default:
            if !next.hasReached(state.status) {
                throw DuikouError(.invalidInput, "project \(project): status: '\(next.rawValue)' (\(next.labelZH)) would move back from '\(state.status.rawValue)' (\(state.status.labelZH)); projects only move forward", field: "status")
            }
        }
        return State(status: next, date: date, completed: completed ?? state.completed, resumeFloor: floor, reached: state.reached)
    }
}
