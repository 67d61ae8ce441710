import DuikouKit
import Foundation

/// The dispatch (调度) measurements over a ``DispatchWorkload``: `duikou alerts` and `duikou round
/// status` as whole processes against the `sqlite3` shell answering the same question over a plain
/// table (one row per project, the columns the rules read, no index), the library calls behind them,
/// and progress known on a day against progress as of a date.
struct DispatchBenchmark {
    /// Projects in the workload.
    let rows: Int
    /// Timed runs of each measurement (after one untimed run that warms the page cache).
    let runs: Int
    /// Where the files go.
    let scratch: ScratchDirectory
    /// The `sqlite3` shell, when on PATH.
    let sqliteShell: String?
    /// The `duikou` binary beside this one, when there is one.
    let duikou: String?

    /// What the dispatch measurements found.
    struct Results {
        var rows = 0
        var period = ""
        var askedOn = ""
        var alerts = 0
        var alertsRed = 0
        var notReported = 0
        var inScope = 0
        var build = Duration.zero
        var libraryAlerts = Samples()
        var libraryRoundStatus = Samples()
        var libraryProgressAsOf = Samples()
        var libraryProgressKnownOn = Samples()
        var processAlertsCSV = Samples()
        var processAlertsJSON = Samples()
        var processRoundStatus = Samples()
        var processProgressByPairing = Samples()
        var shellAlerts = Samples()
        var shellAlertCounts = Samples()
        var shellRoundStatus = Samples()
        var failures: [String: String] = [:]
    }

    /// Builds the database and the plain table, then measures.
    func run() throws -> Results {
        var results = Results()
        results.rows = rows
        note("dispatch: generating \(rows) projects")
        let workload = try DispatchWorkload(count: rows, today: .today())
        results.period = workload.period.description
        results.askedOn = workload.askedOn.description
        let path = scratch.file("dispatch.sqlite")
        let repository = try Repository(path: path)
        note("dispatch: recording them, opening round \(workload.period), 200 corrections and 200 voids")
        let clock = ContinuousClock()
        results.build = try clock.measure {
            _ = try repository.addProjects(workload.projects)
            _ = try repository.openRound(workload.period)
            try Self.correctAndVoid(workload, in: repository)
        }
        let plain = scratch.file("dispatch-plain.sqlite")
        try Self.makePlainTable(from: path, at: plain)

        let asked = workload.askedOn
        let alertQuery = AlertQuery(asOf: asked)
        let found = try repository.alerts(alertQuery)
        results.alerts = found.count
        results.alertsRed = found.filter { $0.level == .red }.count
        let status = try repository.roundStatus(period: workload.period)
        results.inScope = status.pairings.reduce(0) { $0 + $1.inScope }
        results.notReported = status.pairings.reduce(0) { $0 + $1.notReported.count }
        let asOf = ProgressQuery(grouping: .pairing, asOf: asked)
        let knownOn = ProgressQuery(grouping: .pairing, asOf: asked, knownOn: .today())
        _ = try repository.progress(knownOn)
        for _ in 0..<runs {
            results.libraryAlerts.add(try clock.measure { _ = try repository.alerts(alertQuery) })
            results.libraryRoundStatus.add(try clock.measure { _ = try repository.roundStatus(period: workload.period) })
            results.libraryProgressAsOf.add(try clock.measure { _ = try repository.progress(asOf) })
            results.libraryProgressKnownOn.add(try clock.measure { _ = try repository.progress(knownOn) })
        }

        let log = scratch.file("dispatch.stderr")
        func timed(_ name: String, _ executable: String?, _ arguments: [String], into samples: inout Samples) {
            guard let executable else { return }
            note("dispatch: \(name)")
            let times = attempt(name, &results.failures) {
                try (0...runs).map { _ in try ProcessTiming.run(executable, arguments, errorLog: log).wallTime }.dropFirst()
            }
            times?.forEach { samples.add($0) }
        }
        let day = asked.description
        timed("duikou alerts --format csv", duikou, ["alerts", "--db", path, "--as-of", day, "--format", "csv"], into: &results.processAlertsCSV)
        timed("duikou alerts --format json", duikou, ["alerts", "--db", path, "--as-of", day, "--format", "json"], into: &results.processAlertsJSON)
        timed("duikou round status", duikou, ["round", "status", workload.period.description, "--db", path, "--format", "json"],
              into: &results.processRoundStatus)
        timed("duikou progress --by pairing", duikou, ["progress", "--db", path, "--by", "pairing", "--as-of", day, "--format", "json"],
              into: &results.processProgressByPairing)
        let period = workload.period
        timed("sqlite3 shell alerts", sqliteShell, ["-csv", plain, try DispatchSQL.alerts(asOf: asked, period: period)], into: &results.shellAlerts)
        timed("sqlite3 shell alert counts", sqliteShell, ["-csv", plain, try DispatchSQL.alertCounts(asOf: asked, period: period)],
              into: &results.shellAlertCounts)
        timed("sqlite3 shell round status", sqliteShell, ["-json", plain, DispatchSQL.roundStatus(period)], into: &results.shellRoundStatus)
        return results
    }

    /// Corrects the completed investment of 200 projects and voids 200 others, recorded now, so that
    /// progress known today has histories to undo and the alerts have voided projects to leave out.
    static func correctAndVoid(_ workload: DispatchWorkload, in repository: Repository) throws {
        let step = max(1, workload.projects.count / 1_000)
        let spread = stride(from: 0, to: workload.projects.count, by: step).map { workload.projects[$0] }
        let corrected = spread.filter { $0.completed.yuan >= 2 }.prefix(200)
        let voided = spread.filter { $0.completed.yuan < 2 }.prefix(200)
        try repository.write { transaction in
            for project in corrected {
                let correction = try UpdateCorrection(sequence: 1, completed: try Money(yuan: project.completed.yuan / 2), reason: "万元误作元，更正")
                _ = try transaction.correctUpdate(correction, ofProject: project.id)
            }
            for project in voided {
                try transaction.voidProject(project.id, reason: "重复录入")
            }
        }
    }

    /// Copies the rules' columns of every project not voided into a plain table without indexes: the
    /// table a hand-written query would run over.
    static func makePlainTable(from library: String, at path: String) throws {
        let plain = try RawDatabase(path: path)
        try plain.applyLibraryPragmas()
        try plain.execute("""
            ATTACH DATABASE '\(library.replacingOccurrences(of: "'", with: "''"))' AS library;
            CREATE TABLE plain AS
                SELECT id, pairing_id, title, status, reached, first_date, status_date AS last_date, status_date AS status_since,
                       planned_start, planned_completion
                FROM library.project WHERE voided_at IS NULL;
            DETACH DATABASE library;
            """)
    }

    private func attempt<T>(_ name: String, _ failures: inout [String: String], _ body: () throws -> T) -> T? {
        do { return try body() } catch {
            failures[name] = "\(error)"
            return nil
        }
    }

    private func note(_ text: String) {
        FileHandle.standardError.write(Data("duikou-bench: \(text)\n".utf8))
    }
}
