import Foundation
import Testing

/// `duikou` killed with SIGKILL (as by a crash or `kill -9`) at many moments of an import, a merge
/// and a batch of progress updates: each time the database stays sound (`duikou check` exits 0)
/// and holds all of the command's work or none of it, and the projects, the progress report and
/// the search index agree.
///
/// The kills land a few milliseconds in (while the process starts and creates the database), at
/// fractions of how long the same command took when left alone, and while the commit writes the
/// `-wal` file. The delays only place the kills: nothing asserts on time, and a command that
/// finished before its kill must simply have done all its work.
@Suite struct CrashSafetyCLITests {
    let cli: CLISandbox

    init() throws {
        cli = try CLISandbox()
    }

    /// Enough projects that an import takes about a second in a debug build.
    static let rows = 2000
    /// In every title, description and party of the generated projects, so that search finds them all.
    static let marker = "崩溃安全"

    /// A project of the generated file: a fixed id (so that importing the file again changes
    /// nothing), its title, and a CSV row that puts it at `started` with some investment.
    struct GeneratedProject {
        let id: String
        let title: String
        let row: String
    }

    static let projects: [GeneratedProject] = (0..<rows).map { index in
        let id = String(format: "00000000-0000-4000-8000-%012x", index + 1)
        let title = "\(marker)测试项目\(index)"
        let row = [
            id, ["harbin-shenzhen", "jilin-zhejiang", "liaoning-jiangsu"][index % 3], "2.\(index % 4 + 1)", title, "开工",
            "2022-05-02", "\(index + 1)亿", "\(index)万", "东北\(marker)企业\(index)", "东部\(marker)企业\(index)",
            index % 7 == 0 ? "是" : "否", "\"\(marker)的项目简介, 第\(index)号\"",
        ].joined(separator: ",")
        return GeneratedProject(id: id, title: title, row: row)
    }

    // MARK: - Helpers

    /// Writes the generated projects as an import file in the working directory and returns its name.
    private func writeProjectsFile() throws -> String {
        let header = "id,pairing,task,title,status,date,planned,completed,northeast_party,east_party,landmark,description\n"
        let text = header + Self.projects.map { $0.row + "\n" }.joined()
        try Data(text.utf8).write(to: cli.work.appendingPathComponent("projects.csv"))
        return "projects.csv"
    }

    /// Writes a progress update for every generated project (started → operating) and returns its name.
    private func writeUpdatesFile() throws -> String {
        let text = "project,date,status,completed,note\n" + Self.projects.map { "\($0.id),2023-06-30,投产,50亿,批量更新\n" }.joined()
        try Data(text.utf8).write(to: cli.work.appendingPathComponent("updates.csv"))
        return "updates.csv"
    }

    /// Runs `arguments` to the end and returns how long it took, in seconds: where the kills go.
    private func timed(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) -> Double {
        let clock = ContinuousClock()
        var result: CLIResult?
        let elapsed = clock.measure { result = cli.run(arguments) }
        #expect(result?.status == 0, "\(String(describing: result))", sourceLocation: sourceLocation)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// The delays, in seconds, at which to kill a command that takes `duration` when left alone:
    /// early ones while the process starts and opens the database, then a spread over its run.
    private static func delays(over duration: Double, fractions: [Double]) -> [Double] {
        [0.005, 0.03] + fractions.map { duration * $0 }
    }

    /// Starts `arguments`, kills it after `delay` seconds, and says whether the kill ended it.
    private func kill(_ arguments: [String], after delay: Double) throws -> Bool {
        let process = try cli.start(arguments)
        Thread.sleep(forTimeInterval: delay)
        return cli.sigkill(process)
    }

    /// Starts `arguments` on `db` (which must exist, its `-wal` file checkpointed away) and kills it
    /// as soon as its `-wal` file holds `bytes` or more: the commit is writing it. The kill is
    /// sent anyway if the process ends first.
    private func killDuringCommit(_ arguments: [String], db: String, bytes: Int) throws -> Bool {
        let process = try cli.start(arguments + ["--db", db])
        let wal = db + "-wal"
        while process.isRunning {
            let size = (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0
            if size >= bytes { break }
            usleep(200)
        }
        return cli.sigkill(process)
    }

    /// Opens (and, when missing, creates) the database `db`, leaving it in WAL mode with no `-wal`
    /// file once the command ends.
    private func open(_ db: String) {
        #expect(cli.run(["tasks", "--db", db]).status == 0)
    }

    /// Expects `db` to be sound and to hold either none of the generated projects or all of them,
    /// with the progress report and the search index agreeing; returns how many it holds.
    @discardableResult
    private func expectAllOrNothing(_ db: String, _ moment: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        let check = cli.run(["check", "--db", db])
        #expect(check.status == 0, "after a kill \(moment): \(check)", sourceLocation: sourceLocation)

        let list = cli.run(["project", "list", "--format", "json", "--db", db])
        try #require(list.status == 0, "\(list)", sourceLocation: sourceLocation)
        let titles = try list.jsonRows().compactMap { $0["title"] as? String }
        let expected = Self.projects.map(\.title)
        #expect(titles.isEmpty || titles.sorted() == expected.sorted(),
                "after a kill \(moment): \(titles.count) of \(expected.count) projects", sourceLocation: sourceLocation)

        let progress = cli.run(["progress", "--format", "json", "--db", db])
        let total = try progress.jsonObject()["total"] as? [String: Any]
        #expect(int(total?["projects"]) == titles.count, "after a kill \(moment): \(progress)", sourceLocation: sourceLocation)

        let search = cli.run(["search", Self.marker, "--format", "json", "--db", db])
        #expect(try search.jsonRows().count == titles.count, "after a kill \(moment): \(search.stderr)", sourceLocation: sourceLocation)
        return titles.count
    }

    // MARK: - Tests

    @Test func anImportKilledAtAnyMomentLeavesAllOrNothing() throws {
        let file = try writeProjectsFile()
        let duration = timed(["import", "projects", file, "--db", cli.path("whole.sqlite")])
        #expect(try expectAllOrNothing(cli.path("whole.sqlite"), "(none: the import ran to the end)") == Self.rows)

        var killed = 0
        var emptyAfterKill: String?
        for (index, delay) in Self.delays(over: duration, fractions: [0.1, 0.3, 0.5, 0.7, 0.9]).enumerated() {
            let db = cli.path("killed-\(index).sqlite")
            if try kill(["import", "projects", file, "--db", db], after: delay) { killed += 1 }
            if try expectAllOrNothing(db, "\(index) (\(delay) s in)") == 0 { emptyAfterKill = db }
        }
        for threshold in [1, 1 << 20] {
            let db = cli.path("commit-\(threshold).sqlite")
            open(db)
            if try killDuringCommit(["import", "projects", file], db: db, bytes: threshold) { killed += 1 }
            try expectAllOrNothing(db, "during the commit (-wal at \(threshold) bytes)")
        }
        // The kill a few milliseconds in always lands before the import can finish.
        #expect(killed >= 1)

        // After a crash there is nothing to repair: the same import, run again, does the work.
        let db = try #require(emptyAfterKill)
        let again = cli.run(["import", "projects", file, "--db", db])
        #expect(again.status == 0, "\(again)")
        #expect(try expectAllOrNothing(db, "(none: the import was run again)") == Self.rows)
    }

    @Test func aMergeKilledAtAnyMomentLeavesAllOrNothing() throws {
        let file = try writeProjectsFile()
        let theirs = cli.path("theirs.sqlite")
        #expect(cli.run(["import", "projects", file, "--db", theirs]).status == 0)
        let duration = timed(["merge", theirs, "--dry-run", "--db", cli.path("dry-run.sqlite")])

        var killed = 0
        for (index, delay) in Self.delays(over: duration, fractions: [0.2, 0.5, 0.8]).enumerated() {
            let db = cli.path("killed-\(index).sqlite")
            if try kill(["merge", theirs, "--db", db], after: delay) { killed += 1 }
            try expectAllOrNothing(db, "\(index) (\(delay) s in)")
        }
        let db = cli.path("commit.sqlite")
        open(db)
        if try killDuringCommit(["merge", theirs], db: db, bytes: 1) { killed += 1 }
        try expectAllOrNothing(db, "during the commit")
        #expect(killed >= 1)
    }

    @Test func aBatchOfUpdatesKilledAtAnyMomentLeavesAllOrNothing() throws {
        let base = cli.path("base.sqlite")
        #expect(cli.run(["import", "projects", try writeProjectsFile(), "--db", base]).status == 0)
        let updates = try writeUpdatesFile()
        let duration = timed(["import", "updates", updates, "--dry-run", "--db", base])

        /// A copy of the base database, with all the projects at `started`, in WAL mode (as every
        /// database is once opened) with no `-wal` file.
        func copy(_ name: String) -> String {
            let db = cli.path(name)
            #expect(cli.run(["backup", db, "--db", base]).status == 0)
            open(db)
            return db
        }
        func count(_ status: String, in db: String) throws -> Int {
            try cli.run(["project", "list", "--status", status, "--format", "json", "--db", db]).jsonRows().count
        }
        /// Expects `db` sound, with every project's update applied or none.
        func expectAllOrNoUpdates(_ db: String, _ moment: String) throws {
            #expect(try expectAllOrNothing(db, moment) == Self.rows)
            let operating = try count("operating", in: db)
            let started = try count("started", in: db)
            #expect((operating, started) == (0, Self.rows) || (operating, started) == (Self.rows, 0),
                    "after a kill \(moment): \(operating) operating, \(started) started")
        }

        var killed = 0
        for (index, delay) in Self.delays(over: duration, fractions: [0.2, 0.5, 0.8]).enumerated() {
            let db = copy("killed-\(index).sqlite")
            if try kill(["import", "updates", updates, "--db", db], after: delay) { killed += 1 }
            try expectAllOrNoUpdates(db, "\(index) (\(delay) s in)")
        }
        let db = copy("commit.sqlite")
        if try killDuringCommit(["import", "updates", updates], db: db, bytes: 1) { killed += 1 }
        try expectAllOrNoUpdates(db, "during the commit")
        #expect(killed >= 1)
    }

    @Test func aCorrectionKilledAtAnyMomentLeavesTheHistoryWholeOrCorrected() throws {
        let base = cli.path("correct-base.sqlite")
        let id = cli.run(["project", "add", "--pairing", "harbin-shenzhen", "--task", "2.1", "--title", "更正中被杀的项目",
                          "--date", "2024-01-10", "--db", base]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(cli.run(["project", "update", id, "--date", "2024-03-01", "--status", "started", "--completed", "2.1亿", "--db", base]).status == 0)
        let arguments = ["project", "correct", id, "--seq", "2", "--completed", "2100万", "--reason", "万/亿 录错"]
        func copy(_ name: String) -> String {
            let db = cli.path(name)
            #expect(cli.run(["backup", db, "--db", base]).status == 0)
            open(db)
            return db
        }
        /// Expects `db` sound, with the correction applied whole or not at all.
        func expectWholeOrCorrected(_ db: String, _ moment: String) throws {
            let check = cli.run(["check", "--db", db])
            #expect(check.status == 0, "after a kill \(moment): \(check)")
            let shown = try cli.run(["project", "show", id, "--format", "json", "--db", db]).jsonObject()
            let superseded = (shown["superseded"] as? [Any])?.count
            let completed = int(shown["completed_investment_yuan"])
            #expect((superseded, completed) == (0, 210_000_000) || (superseded, completed) == (1, 21_000_000),
                    "after a kill \(moment): \(String(describing: superseded)) superseded, completed \(String(describing: completed))")
        }
        let duration = timed(arguments + ["--db", copy("whole.sqlite")])
        for (index, delay) in Self.delays(over: duration, fractions: [0.3, 0.6, 0.9]).enumerated() {
            let db = copy("correct-killed-\(index).sqlite")
            _ = try kill(arguments + ["--db", db], after: delay)
            try expectWholeOrCorrected(db, "\(index) (\(delay) s in)")
        }
        let db = copy("correct-commit.sqlite")
        _ = try killDuringCommit(arguments, db: db, bytes: 1)
        try expectWholeOrCorrected(db, "during the commit")
    }
}
