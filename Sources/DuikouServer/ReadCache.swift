import DuikouKit
import Synchronization

/// Answers computed from the database, kept for as long as its records stay as they were.
///
/// An answer is kept under its ``Key`` with the ``Snapshot/dataVersion`` and the day in China
/// Standard Time it was computed for: a request that finds another version in its snapshot, or
/// comes on another day (answers "as of today" change at midnight), computes the answer afresh, and
/// the first answer kept for a newer version or day drops all the older ones. Every change of
/// records writes the audit log, whichever process makes it (the CLI's imports too), so no answer
/// outlives the records it came from. An answer computed from an older snapshot than the newest
/// seen is returned but not kept.
///
/// Requests that miss the same key at the same time share one computation: after a write, the
/// dashboard's figures are computed once, not once for every request waiting for them. At most
/// ``capacity`` answers are kept; when a new one would pass it, all are dropped and the counting
/// starts again, so that a client asking for ever new dates costs memory only up to the capacity.
final class ReadCache: Sendable {
    /// What an answer is kept under: the route and the values of its parameters as the request gave
    /// them (they name the same records for as long as the version stays).
    struct Key: Hashable, Sendable {
        let route: String
        let parameters: [String?]

        init(_ route: String, _ parameters: [String?] = []) {
            self.route = route
            self.parameters = parameters
        }
    }

    /// The most answers kept at once.
    let capacity: Int
    private let state = Mutex(State())

    private struct State {
        var version: Int64 = -1
        var day = LocalDate.today()
        var answers: [Key: any Sendable] = [:]
        /// The computations under way, by key: the version they were started for, a number that
        /// tells them apart, and their task (a `Task<T, any Error>`).
        var flights: [Key: (version: Int64, number: Int, task: any Sendable)] = [:]
        var flightsStarted = 0
    }

    init(capacity: Int = 256) {
        self.capacity = capacity
    }

    /// The answer kept under `key` for the database's version and today, or else `compute`'s
    /// answer from a snapshot of `repository` (shared with the requests that miss the same key
    /// meanwhile), kept for the next request.
    func answer<T: Sendable>(_ key: Key, from repository: Repository, compute: @escaping @Sendable (Snapshot) throws -> T) async throws -> T {
        let (version, kept) = try await repository.read { [self] snapshot -> (Int64, T?) in
            let version = try snapshot.dataVersion
            return (version, self.kept(key, version: version, day: LocalDate.today()))
        }
        if let kept { return kept }
        let task: Task<T, any Error> = state.withLock { state in
            if let flight = state.flights[key], flight.version >= version, let task = flight.task as? Task<T, any Error> { return task }
            state.flightsStarted += 1
            let number = state.flightsStarted
            let task = Task { [self] in
                defer { landed(key, number: number) }
                return try await repository.read { [self] snapshot in
                    let version = try snapshot.dataVersion
                    let answer = try compute(snapshot)
                    keep(answer, key, version: version, day: LocalDate.today())
                    return answer
                }
            }
            state.flights[key] = (version, number, task)
            return task
        }
        return try await task.value
    }

    /// The answer kept under `key` for `version` and `day`, if there is one.
    func kept<T: Sendable>(_ key: Key, version: Int64, day: LocalDate) -> T? {
        state.withLock { state in
            state.version == version && state.day == day ? state.answers[key] as? T : nil
        }
    }

    /// Keeps `answer` under `key` unless a newer version or day has been seen.
    func keep(_ answer: some Sendable, _ key: Key, version: Int64, day: LocalDate) {
        state.withLock { state in
            if version > state.version && day >= state.day || version >= state.version && day > state.day {
                state.version = version
                state.day = day
                state.answers.removeAll()
            }
            guard state.version == version && state.day == day else { return }
            if state.answers.count >= capacity { state.answers.removeAll(keepingCapacity: true) }
            state.answers[key] = answer
        }
    }

    /// Forgets the computation `number` of `key` once it is done.
    private func landed(_ key: Key, number: Int) {
        state.withLock { state in
            if state.flights[key]?.number == number { state.flights[key] = nil }
        }
    }

    /// How many answers are kept now.
    var count: Int { state.withLock { $0.answers.count } }
}
