import Dispatch
import DuikouKit
import Foundation
import Synchronization

/// Reads through a repository while a bulk insert runs through the same repository, and the cost of
/// the `async` twins against the synchronous calls.
enum ConcurrentPath {
    /// What the reads during a write saw.
    struct ReadsDuringWrite {
        /// Each read's time.
        var latencies = Samples()
        /// The longest read.
        var longest: Duration = .zero
        /// The same read with no write running, for comparison.
        var idle = Samples()
        /// The bulk insert's time.
        var insert: Duration = .zero
        /// Reads that finished while the insert was still running.
        var readsDuringInsert = 0
        /// Whether every read saw the last committed state: the base projects, none of the insert's.
        var sawCommittedState = true
    }

    /// Records `base` projects, then runs `addProjects` of the rest of the workload in one write on a
    /// thread of its own while this thread reads the progress report through the same repository, one read
    /// every few milliseconds, until the insert commits.
    static func readsDuringBulkInsert(_ workload: Workload, base: Int, into path: String) throws -> ReadsDuringWrite {
        let repository = try Repository(path: path)
        let baseProjects = Array(workload.projects.prefix(base))
        let bulk = Array(workload.projects.dropFirst(base))
        try repository.addProjects(baseProjects)
        var result = ReadsDuringWrite()
        let clock = ContinuousClock()
        for _ in 0..<50 {
            result.idle.add(try clock.measure { _ = try repository.progress(ProgressQuery(grouping: .pairing)) })
        }

        let finished = Atomic(false)
        // Set at the end of the write's closure, just before its COMMIT: a read that ends before it is
        // set began before the commit and must see the base projects only.
        let committing = Atomic(false)
        let failure = Mutex<String?>(nil)
        let insertTime = Mutex<Duration>(.zero)
        let done = DispatchSemaphore(value: 0)
        let writer = Thread {
            do {
                let elapsed = try clock.measure {
                    try repository.write { tx in
                        try tx.addProjects(bulk)
                        committing.store(true, ordering: .sequentiallyConsistent)
                    }
                }
                insertTime.withLock { $0 = elapsed }
            } catch {
                failure.withLock { $0 = "\(error)" }
            }
            finished.store(true, ordering: .sequentiallyConsistent)
            done.signal()
        }
        writer.start()
        while !finished.load(ordering: .sequentiallyConsistent) {
            var projects = 0
            let elapsed = try clock.measure {
                projects = try repository.progress(ProgressQuery(grouping: .pairing)).total.projects
            }
            if !committing.load(ordering: .sequentiallyConsistent) {
                result.latencies.add(elapsed)
                result.longest = max(result.longest, elapsed)
                result.readsDuringInsert += 1
                if projects != base { result.sawCommittedState = false }
            }
            usleep(5_000)
        }
        done.wait()
        if let failure = failure.withLock({ $0 }) { throw BenchError(description: "the bulk insert failed: \(failure)") }
        result.insert = insertTime.withLock { $0 }
        return result
    }

    /// The async twins against the synchronous calls, `count` of each, interleaved so that both meet
    /// the same machine.
    struct AsyncOverhead {
        /// `progress()` through `read { }` on the calling thread.
        var progressSync = Samples()
        /// `await progress()`.
        var progressAsync = Samples()
        /// An empty `read { _ in }`, synchronous: the cost of taking a reader and a transaction.
        var emptySync = Samples()
        /// An empty `await read { _ in }`: the same plus the two thread hand-offs of an async twin.
        var emptyAsync = Samples()
    }

    /// Measures ``AsyncOverhead``: first the progress report both ways, round after round; then an
    /// empty read both ways, each after a millisecond's pause, so that the hand-offs are measured
    /// with the threads gone idle, as they are between two reports.
    static func asyncOverhead(_ repository: Repository, count: Int) throws -> AsyncOverhead {
        let measured = Mutex<AsyncOverhead?>(nil)
        let failure = Mutex<String?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                var result = AsyncOverhead()
                let clock = ContinuousClock()
                for _ in 0..<count {
                    result.progressSync.add(try clock.measure { _ = try repository.read { try $0.progress() } })
                    let start = clock.now
                    _ = try await repository.progress()
                    result.progressAsync.add(clock.now - start)
                }
                for _ in 0..<count {
                    try await Task.sleep(for: .milliseconds(1))
                    result.emptySync.add(try clock.measure { try repository.read { _ in } })
                    try await Task.sleep(for: .milliseconds(1))
                    let start = clock.now
                    try await repository.read { _ in }
                    result.emptyAsync.add(clock.now - start)
                }
                let finished = result
                measured.withLock { $0 = finished }
            } catch {
                failure.withLock { $0 = "\(error)" }
            }
            done.signal()
        }
        done.wait()
        if let failure = failure.withLock({ $0 }) { throw BenchError(description: "the async comparison failed: \(failure)") }
        guard let result = measured.withLock({ $0 }) else { throw BenchError(description: "the async comparison measured nothing") }
        return result
    }
}
