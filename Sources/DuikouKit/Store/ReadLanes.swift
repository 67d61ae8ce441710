import Dispatch
import Synchronization

/// The threads the `async` reads of a repository run on: one serial queue per reader connection.
///
/// A read goes to the first lane with nothing running, else to the least busy one, so that reads
/// one after another keep to one thread. That matters: a thread that just ran a read has the
/// allocator's memory and the caches warm, and the same read on a thread picked afresh from a
/// concurrent queue measured 10–18 % slower (BENCHMARKS.md). Reads at the same moment spread over
/// the lanes, as many as there are reader connections.
final class ReadLanes: Sendable {
    private let lanes: [DispatchQueue]
    private let running: Mutex<[Int]>

    init(count: Int) {
        lanes = (0..<max(1, count)).map { DispatchQueue(label: "duikou.repository.read.\($0)") }
        running = Mutex(Array(repeating: 0, count: max(1, count)))
    }

    /// Runs `work` on a lane, then `done` with its result on the same lane.
    func run<T>(_ work: @escaping @Sendable () -> T, then done: @escaping @Sendable (T) -> Void) {
        let lane = running.withLock { running in
            let lane = running.indices.min { running[$0] < running[$1] } ?? 0
            running[lane] += 1
            return lane
        }
        lanes[lane].async {
            let result = work()
            self.running.withLock { $0[lane] -= 1 }
            done(result)
        }
    }
}
