import CSQLite
import Foundation
import Testing

/// Several `duikou` processes writing one database at once, and a writer that cannot get the lock.
@Suite struct ConcurrentWritersCLITests {
    let cli: CLISandbox

    init() throws {
        cli = try CLISandbox()
    }

    @Test func severalProcessesWritingAtOnceAllSucceed() async throws {
        #expect(cli.duikou(["tasks"]).status == 0)
        let writers = 6
        let perWriter = 12
        let cli = self.cli
        let statuses = await withTaskGroup(of: [Int32].self) { group in
            for writer in 0..<writers {
                group.addTask {
                    (0..<perWriter).map { index in
                        cli.duikou(["project", "add", "--pairing", "jilin-zhejiang", "--task", "2.1",
                                    "--title", "并发写入 \(writer)-\(index)", "--date", "2022-05-01"]).status
                    }
                }
            }
            var all: [Int32] = []
            for await statuses in group { all += statuses }
            return all
        }
        #expect(statuses.count == writers * perWriter)
        #expect(statuses.allSatisfy { $0 == 0 }, "\(statuses)")
        #expect(try cli.projects().count == writers * perWriter)
        #expect(cli.duikou(["check"]).status == 0)
    }

    @Test func aWriterThatCannotGetTheLockExits75AndWritesNothing() throws {
        #expect(cli.duikou(["tasks"]).status == 0)
        var handle: OpaquePointer?
        try #require(sqlite3_open(cli.db, &handle) == SQLITE_OK)
        defer { sqlite3_close(handle) }
        try #require(sqlite3_exec(handle, "BEGIN IMMEDIATE", nil, nil, nil) == SQLITE_OK)
        let result = cli.duikou(["project", "add", "--pairing", "jilin-zhejiang", "--task", "2.1", "--title", "等不到锁",
                                 "--busy-timeout", "200"])
        #expect(result.status == 75, "\(result)")
        #expect(result.stderrLines.count == 1 && result.stderr.hasPrefix("error: ") && result.stderr.contains("locked"), "\(result)")
        #expect(result.stdout.isEmpty)
        sqlite3_exec(handle, "ROLLBACK", nil, nil, nil)
        #expect(try cli.projects().isEmpty)
    }

    @Test func aNegativeBusyTimeoutIsBadUsage() {
        let result = cli.duikou(["tasks", "--busy-timeout", "-1"])
        #expect(result.status == 64, "\(result)")
    }
}
