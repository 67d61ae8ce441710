import Foundation
import Testing

/// `project update` through the binary: the lifecycle rules, and nothing changed by a refusal.
@Suite struct ProjectLifecycleCLITests {
    let cli: CLISandbox

    init() throws {
        cli = try CLISandbox()
    }

    private func history(_ id: String) throws -> [[String: Any]] {
        try #require(try cli.show(id)["history"] as? [[String: Any]])
    }

    /// Expects `project update` to be refused with 65 and the project to be as it was.
    private func expectUpdateRefused(
        _ id: String, _ arguments: [String], status: Int32 = 65, mentions: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let before = try cli.show(id)
        let result = cli.duikou(["project", "update", id] + arguments)
        expectRefusal(result, status, mentions: mentions, sourceLocation: sourceLocation)
        let after = try cli.show(id)
        #expect((after["history"] as? [Any])?.count == (before["history"] as? [Any])?.count, sourceLocation: sourceLocation)
        #expect(after["status"] as? String == before["status"] as? String, sourceLocation: sourceLocation)
        #expect(int(after["completed_investment_yuan"]) == int(before["completed_investment_yuan"]), sourceLocation: sourceLocation)
        #expect(after["status_date"] as? String == before["status_date"] as? String, sourceLocation: sourceLocation)
    }

    @Test func forwardMovesAreRecorded() throws {
        let id = cli.addProject(["--status", "谋划", "--date", "2018-01-10"])
        let steps: [(String, String, String)] = [
            ("2018-03-01", "negotiating", "1亿"), ("2018-06-01", "落地", "2亿"), ("2018-06-01", "started", "2亿"),
            ("2019-12-31", "operating", "5亿"),
        ]
        for (date, status, completed) in steps {
            let result = cli.duikou(["project", "update", String(id.prefix(12)), "--date", date, "--status", status, "--completed", completed])
            #expect(result.status == 0, "\(result)")
            #expect(result.stderr.isEmpty, "\(result)")
            #expect(result.stdout.hasPrefix(id), "\(result)")
        }
        let shown = try cli.show(id)
        #expect(shown["status"] as? String == "operating")
        #expect(int(shown["completed_investment_yuan"]) == 500_000_000)
        let history = try history(id)
        #expect(history.map { $0["status"] as? String } == ["planned", "negotiating", "landed", "started", "operating"])
        #expect(history.map { $0["date"] as? String } == ["2018-01-10", "2018-03-01", "2018-06-01", "2018-06-01", "2019-12-31"])
    }

    @Test func noteOnlyUpdateKeepsTheStatus() throws {
        let id = cli.addProject(["--status", "started", "--date", "2020-01-01"])
        let result = cli.duikou(["project", "update", id, "--date", "2020-02-01", "--note", "进展顺利"])
        #expect(result.status == 0, "\(result)")
        let shown = try cli.show(id)
        #expect(shown["status"] as? String == "started")
        #expect((try history(id)).last?["note"] as? String == "进展顺利")
    }

    @Test func suspendAndResumeAtOrPastTheStepLeft() throws {
        let id = cli.addProject(["--status", "started", "--date", "2020-01-01"])
        #expect(cli.duikou(["project", "update", id, "--date", "2020-02-01", "--status", "停建"]).status == 0)
        try expectUpdateRefused(id, ["--date", "2020-03-01", "--status", "signed"], mentions: ["signed"])
        let result = cli.duikou(["project", "update", id, "--date", "2020-03-01", "--status", "started"])
        #expect(result.status == 0, "\(result)")
        #expect(try cli.show(id)["status"] as? String == "started")
    }

    @Test func backwardMoveIsRefused() throws {
        let id = cli.addProject(["--status", "开工", "--date", "2020-01-01"])
        try expectUpdateRefused(id, ["--date", "2020-05-01", "--status", "签约"], mentions: [])
    }

    @Test func dateBeforeTheLatestIsRefused() throws {
        let id = cli.addProject(["--status", "signed", "--date", "2020-01-01"])
        #expect(cli.duikou(["project", "update", id, "--date", "2020-06-01", "--status", "landed"]).status == 0)
        try expectUpdateRefused(id, ["--date", "2020-05-31", "--status", "started"], mentions: ["2020-05-31"])
    }

    @Test func completedInvestmentGoingDownIsRefused() throws {
        let id = cli.addProject(["--status", "started", "--date", "2020-01-01", "--completed", "2亿"])
        try expectUpdateRefused(id, ["--date", "2020-06-01", "--completed", "1亿"], mentions: ["completed", "2亿元"])
    }

    @Test func updateAfterTerminationIsRefused() throws {
        let id = cli.addProject(["--status", "started", "--date", "2020-01-01"])
        #expect(cli.duikou(["project", "update", id, "--date", "2020-06-01", "--status", "终止"]).status == 0)
        try expectUpdateRefused(id, ["--date", "2020-07-01", "--status", "started"], mentions: [])
        try expectUpdateRefused(id, ["--date", "2020-07-01", "--status", "operating"], mentions: [])
        #expect(try history(id).count == 2)
        #expect(try cli.show(id)["status"] as? String == "terminated")
    }

    @Test func badValuesInUpdateAreRefusedBeforeAnythingIsWritten() throws {
        let id = cli.addProject(["--status", "started", "--date", "2020-01-01"])
        try expectUpdateRefused(id, ["--date", "2020-13-01"], mentions: ["--date", "2020-13-01"])
        // An unknown status is bad usage, refused while the command line is parsed.
        try expectUpdateRefused(id, ["--date", "2020-06-01", "--status", "done"], status: 64, mentions: ["--status", "done"])
        try expectUpdateRefused(id, ["--date", "2020-06-01", "--completed", "lots"], mentions: ["--completed", "lots"])
    }

    @Test func updateOfUnknownProjectIsNotFound() throws {
        _ = cli.addProject()
        let result = cli.duikou(["project", "update", "ffffffff-ffff-4fff-bfff-ffffffffffff", "--date", "2030-01-01", "--status", "started"])
        expectRefusal(result, 66, mentions: ["ffffffff-ffff-4fff-bfff-ffffffffffff"])
    }
}
