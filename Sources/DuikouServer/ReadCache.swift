import DuikouKit
import Synchronization

/// Answers computed from the database, kept for as long as its records stay as they were.
///
/// An answer is kept under its ``Key`` with the ``Snapshot/dataVersion`` and the day in China
/// Standard Time it was computed for: a snapshot of another version, or a request on another day
/// (answers "as of today" change at midnight), finds nothing and computes the answer afresh, and the
/// first answer kept for a newer version or day drops all the older ones. Every change of records
/// writes the audit log, whichever process makes it (the CLI's imports too), so no answer outlives
/// the records it came from. An answer computed from an older snapshot than the newest seen is
/// returned but not kept.
///
/// At most ``capacity`` answers are kept; when a new one would pass it, all are dropped and the
/// counting starts again, so that a client asking for ever new dates costs memory only up to the
/// capacity. Two requests that miss at the same moment both compute; the second answer replaces
/// the first, which is the same.
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
    }

    init(capacity: Int = 256) {
        self.capacity = capacity
    }

    /// The answer kept under `key` for the snapshot's version and today, or else `compute`'s answer
    /// from the snapshot, kept for the next request.
    func answer<T: Sendable>(_ key: Key, in snapshot: Snapshot, compute: (Snapshot) throws -> T) throws -> T {
        let version = try snapshot.dataVersion
        let day = LocalDate.today()
        let kept = state.withLock { state in
            state.version == version && state.day == day ? state.answers[key] as? T : nil
        }
        if let kept { return kept }
        let answer = try compute(snapshot)
        state.withLock { state in
            if version > state.version && day >= state.day || version >= state.version && day > state.day {
                state = State(version: version, day: day, answers: [:])
            }
            guard state.version == version && state.day == day else { return }
            if state.answers.count >= capacity { state.answers.removeAll(keepingCapacity: true) }
            state.answers[key] = answer
        }
        return answer
    }

    /// How many answers are kept now.
    var count: Int { state.withLock { $0.answers.count } }
}
