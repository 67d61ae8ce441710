import Synchronization

/// Set when the task that asked for a piece of work is cancelled; long operations look at it between
/// statements and stop with ``DuikouError/Code/cancelled``, so that a write is rolled back whole.
final class CancellationFlag: Sendable {
    private let cancelled = Atomic(false)

    func cancel() { cancelled.store(true, ordering: .relaxed) }

    var isCancelled: Bool { cancelled.load(ordering: .relaxed) }

    /// Throws ``DuikouError/Code/cancelled`` once the work has been cancelled.
    func check() throws {
        if isCancelled { throw DuikouError(.cancelled, "cancelled; nothing of this operation was written") }
    }
}
