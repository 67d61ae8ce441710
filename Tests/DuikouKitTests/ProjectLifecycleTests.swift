import Testing
@testable import DuikouKit

/// Every move the lifecycle allows or refuses.
@Suite struct ProjectLifecycleTests {
    typealias State = ProjectLifecycle.State

    let day = try! LocalDate(parsing: "2020-06-15")
    let dayBefore = try! LocalDate(parsing: "2020-06-14")
    let dayAfter = try! LocalDate(parsing: "2020-06-16")

    func state(_ status: ProjectStatus, floor: ProjectStatus? = nil, completed: Int64 = 5_000_000) -> State {
        State(status: status, date: day, completed: try! Money(yuan: completed), resumeFloor: floor)
    }

    func apply(_ state: State, _ status: ProjectStatus?, on date: LocalDate? = nil, completed: Int64? = nil) throws -> State {
        try ProjectLifecycle.apply(to: state, status: status, date: date ?? dayAfter,
                                   completed: try completed.map { try Money(yuan: $0) }, project: "P-1")
    }

    // MARK: - On track

    @Test(arguments: ProjectStatus.onTrack, ProjectStatus.onTrack)
    func onTrackMovesGoForwardOnly(from: ProjectStatus, to: ProjectStatus) throws {
        let before = state(from)
        if to.step! >= from.step! {
            let after = try apply(before, to)
            #expect(after.status == to)
            #expect(after.date == dayAfter)
            #expect(after.completed == before.completed)
            #expect(after.resumeFloor == nil)
        } else {
            expectInvalidInput { try apply(before, to) }
        }
    }

    @Test(arguments: ProjectStatus.onTrack)
    func keepingTheStatusIsAllowed(status: ProjectStatus) throws {
        let after = try apply(state(status), nil, completed: 6_000_000)
        #expect(after.status == status)
        #expect(after.completed.yuan == 6_000_000)
        #expect(after.resumeFloor == nil)
    }

    // MARK: - Suspension

    @Test(arguments: ProjectStatus.onTrack)
    func suspendingRemembersTheStepLeft(from: ProjectStatus) throws {
        let after = try apply(state(from), .suspended)
        #expect(after.status == .suspended)
        #expect(after.resumeFloor == from)
    }

    @Test(arguments: ProjectStatus.onTrack, ProjectStatus.onTrack)
    func resumingAtOrPastTheStepLeft(left: ProjectStatus, to: ProjectStatus) throws {
        let suspended = try apply(state(left), .suspended, on: day)
        if to.step! >= left.step! {
            let resumed = try apply(suspended, to)
            #expect(resumed.status == to)
            #expect(resumed.resumeFloor == nil)
        } else {
            expectInvalidInput { try apply(suspended, to) }
        }
    }

    @Test(arguments: ProjectStatus.onTrack)
    func suspendedStaysSuspendedAndKeepsItsFloor(left: ProjectStatus) throws {
        let suspended = state(.suspended, floor: left)
        let again = try apply(suspended, .suspended)
        #expect(again.status == .suspended)
        #expect(again.resumeFloor == left)
        let noteOnly = try apply(suspended, nil, completed: 7_000_000)
        #expect(noteOnly.status == .suspended)
        #expect(noteOnly.resumeFloor == left)
        #expect(noteOnly.completed.yuan == 7_000_000)
    }

    @Test func suspendedThenResumedThenSuspendedAgainTakesTheNewFloor() throws {
        var current = state(.signed)
        current = try apply(current, .suspended)
        #expect(current.resumeFloor == .signed)
        current = try apply(current, .started)
        #expect(current.resumeFloor == nil)
        current = try apply(current, .suspended)
        #expect(current.resumeFloor == .started)
        expectInvalidInput { try apply(current, .landed) }
        current = try apply(current, .completed)
        #expect(current.status == .completed)
        #expect(current.resumeFloor == nil)
    }

    @Test(arguments: ProjectStatus.onTrack)
    func aProjectRecordedAsSuspendedMayResumeAnywhere(to: ProjectStatus) throws {
        // The first update was already `suspended`, so no step was left and there is no floor.
        let resumed = try apply(state(.suspended, floor: nil), to)
        #expect(resumed.status == to)
        #expect(resumed.resumeFloor == nil)
    }

    // MARK: - Termination

    @Test(arguments: ProjectStatus.allCases.filter { $0 != .terminated })
    func terminationIsAllowedFromAnything(from: ProjectStatus) throws {
        let before = from == .suspended ? state(from, floor: .started) : state(from)
        let after = try apply(before, .terminated)
        #expect(after.status == .terminated)
        #expect(after.date == dayAfter)
    }

    @Test(arguments: ProjectStatus.allCases.map(Optional.some) + [nil])
    func nothingFollowsTermination(to: ProjectStatus?) {
        let terminated = state(.terminated)
        expectInvalidInput { try apply(terminated, to) }
        expectInvalidInput { try apply(terminated, to, on: day) }
        expectInvalidInput { try apply(terminated, to, completed: 9_000_000) }
    }

    @Test func terminatingASuspendedProjectLeavesNoResumeFloor() throws {
        // The floor only means something while suspended; a terminated project can never resume.
        let after = try apply(state(.suspended, floor: .started), .terminated)
        #expect(after.resumeFloor == nil)
    }

    // MARK: - Dates

    @Test(arguments: ProjectStatus.allCases.filter { $0 != .terminated })
    func updatesAreNotDatedBeforeTheLatest(status: ProjectStatus) throws {
        let before = state(status, floor: status == .suspended ? .signed : nil)
        expectInvalidInput { try apply(before, status, on: dayBefore) }
        expectInvalidInput { try apply(before, nil, on: dayBefore, completed: 9_000_000) }
        expectInvalidInput { try apply(before, .terminated, on: dayBefore) }
        #expect(try apply(before, status, on: day).date == day)
        #expect(try apply(before, .terminated, on: day).status == .terminated)
        #expect(try apply(before, nil, on: dayAfter).date == dayAfter)
    }

    @Test func aLaterYearIsLaterEvenWithAnEarlierMonth() throws {
        let before = State(status: .signed, date: try LocalDate(parsing: "2019-12-31"), completed: .zero)
        #expect(try apply(before, .landed, on: LocalDate(parsing: "2020-01-01")).status == .landed)
        expectInvalidInput { try apply(before, .landed, on: LocalDate(parsing: "2019-12-30")) }
    }

    // MARK: - Completed investment

    @Test(arguments: ProjectStatus.allCases.filter { $0 != .terminated })
    func completedInvestmentNeverGoesDown(status: ProjectStatus) throws {
        let before = state(status, floor: status == .suspended ? .signed : nil, completed: 5_000_000)
        expectInvalidInput { try apply(before, nil, completed: 4_999_999) }
        expectInvalidInput { try apply(before, nil, completed: 0) }
        expectInvalidInput { try apply(before, .terminated, completed: 4_999_999) }
        #expect(try apply(before, nil, completed: 5_000_000).completed.yuan == 5_000_000)
        #expect(try apply(before, nil, completed: 5_000_001).completed.yuan == 5_000_001)
        #expect(try apply(before, .terminated, completed: Int64.max).completed.yuan == Int64.max)
        #expect(try apply(before, nil).completed.yuan == 5_000_000)
    }

    // MARK: - Errors

    @Test func refusalsNameTheProject() throws {
        let backward = #expect(throws: DuikouError.self) {
            try ProjectLifecycle.apply(to: state(.started), status: .signed, date: dayAfter, completed: nil, project: "proj-42")
        }
        #expect(backward?.code == .invalidInput)
        #expect(backward?.message.contains("proj-42") == true)

        let early = #expect(throws: DuikouError.self) {
            try ProjectLifecycle.apply(to: state(.started), status: nil, date: dayBefore, completed: nil, project: "proj-42")
        }
        #expect(early?.code == .invalidInput)
        #expect(early?.message.contains("proj-42") == true)
    }

    private func expectInvalidInput<T>(_ sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> T) {
        let error = #expect(throws: DuikouError.self, sourceLocation: sourceLocation) { _ = try body() }
        #expect(error?.code == .invalidInput, sourceLocation: sourceLocation)
    }
}
