import CSQLite
import DuikouKit
import Foundation

/// One benchmark run: builds the workload, runs every path on fresh database files, and collects
/// the ``Measurements``. Progress notes go to standard error; the caller prints the report.
struct Benchmark {
    /// Projects in the workload.
    let rows: Int
    /// Runs of the cheap measurements.
    let runs: Int
    /// Runs of the insert and import paths (fewer for very large workloads).
    let insertRuns: Int
    /// Where the files go.
    let scratch: ScratchDirectory
    /// Keep every run's database rather than only the last.
    let keep: Bool
    /// The `sqlite3` shell, when on PATH.
    let sqliteShell: String?
    /// The `duikou` binary beside this one, when there is one.
    let duikou: String?

    /// Workloads above this many rows time the insert paths once.
    static let singleInsertRunAbove = 500_000

    init(rows: Int, runs: Int, scratch: ScratchDirectory, keep: Bool) {
        self.rows = rows
        self.runs = runs
        insertRuns = rows > Self.singleInsertRunAbove ? 1 : runs
        self.scratch = scratch
        self.keep = keep
        sqliteShell = ProcessTiming.onPath("sqlite3")
        duikou = ProcessTiming.besideSelf("duikou")
    }

    /// Runs everything.
    func run() throws -> Measurements {
        var measured = Measurements()
        measured.rows = rows
        measured.runs = runs
        measured.insertRuns = insertRuns
        measured.sqliteVersion = String(cString: sqlite3_libversion())

        note("generating \(rows) projects")
        let workload = try Workload(count: rows)
        measured.asOf = workload.asOf.description
        let csv = scratch.file("projects.csv")
        try ProjectCSV.write(workload, to: csv)
        measured.csvBytes = (try? FileManager.default.attributesOfItem(atPath: csv)[.size] as? Int) ?? nil

        var last = (raw: "", library: "")
        for run in 1...insertRuns {
            last = try insertRun(run, workload: workload, csv: csv, into: &measured)
        }
        try measureReports(rawPath: last.raw, libraryPath: last.library, asOf: workload.asOf, into: &measured)
        try measureConcurrency(workload, libraryPath: last.library, into: &measured)
        measured.peakRSS = ResourceUsage.peakRSSMiB()
        return measured
    }

    /// The dispatch measurements over `rows` projects, in this benchmark's scratch folder.
    func dispatch(rows: Int) -> DispatchBenchmark {
        DispatchBenchmark(rows: rows, runs: runs, scratch: scratch, sqliteShell: sqliteShell, duikou: duikou)
    }

    /// The spreadsheet measurements over `rows` projects, in this benchmark's scratch folder.
    func spreadsheet(rows: Int) -> SpreadsheetBenchmark {
        SpreadsheetBenchmark(rows: rows, runs: runs, scratch: scratch, duikou: duikou)
    }

    /// One run of every insert path, each on a fresh file; returns the raw and library databases.
    private func insertRun(_ run: Int, workload: Workload, csv: String, into measured: inout Measurements) throws -> (raw: String, library: String) {
        let label = "run \(run)/\(insertRuns)"
        var created: [String] = []
        func fresh(_ name: String) -> String {
            let path = scratch.file("\(name)-\(run).sqlite")
            created.append(path)
            return path
        }

        note("\(label): raw C API, project and update rows")
        let raw = fresh("raw")
        let rawTiming = try RawPath.insert(workload, into: raw, rows: .projectsAndUpdates)
        measured.rawInsert.add(rawTiming.total)
        measured.rawInsertRows.add(rawTiming.rows)
        if let searchIndex = rawTiming.searchIndex { measured.rawSearchIndex.add(searchIndex) }

        note("\(label): raw C API, project rows only")
        measured.rawProjectOnly.add(try RawPath.insert(workload, into: fresh("raw-project-only"), rows: .projectsOnly).total)

        note("\(label): DuikouKit addProjects")
        let library = fresh("library")
        measured.libraryInsert.add(try LibraryPath.insert(workload, into: library))

        note("\(label): DuikouKit importCSV")
        measured.libraryImport.add(try LibraryPath.importCSV(csv, rows: rows, into: fresh("import")))

        if let sqliteShell {
            note("\(label): sqlite3 shell .import")
            let database = fresh("sqlite3-shell-import")
            let script = scratch.file("shell-import.sql")
            let timing = attempt(Failure.shellImport, &measured.failures) {
                try ShellScripts.importScript(csv: csv).write(toFile: script, atomically: true, encoding: .utf8)
                return try ProcessTiming.run(sqliteShell, ["-bail", database], input: script, errorLog: scratch.file("sqlite3.stderr"))
            }
            if let timing { measured.shellImport.add(timing.wallTime) }
        }
        if let duikou {
            note("\(label): duikou import projects (process)")
            let database = fresh("duikou-import")
            let timing = attempt(Failure.processImport, &measured.failures) {
                let timing = try ProcessTiming.run(duikou, ["import", "projects", csv, "--db", database], errorLog: scratch.file("duikou.stderr"), peakRSS: true)
                // A duikou built from other sources than this bench would measure other code.
                do { _ = try Repository(path: database) } catch {
                    throw BenchError(description: "the duikou binary beside the bench is not built from the same sources; rebuild it: \(error)")
                }
                return timing
            }
            if let timing {
                measured.processImport.add(timing.wallTime)
                if let peak = timing.peakRSSMiB { measured.processImportPeakRSS = max(measured.processImportPeakRSS ?? 0, peak) }
            }
        }
        if run < insertRuns && !keep {
            created.forEach(scratch.removeDatabase)
        }
        return (raw, library)
    }

    /// The progress report against the raw GROUP BY, the shell's GROUP BY and the CLI's startup.
    private func measureReports(rawPath: String, libraryPath: String, asOf: LocalDate, into measured: inout Measurements) throws {
        note("progress report against the raw GROUP BY")
        let repository = try Repository(path: libraryPath)
        let raw = try RawDatabase(path: rawPath)
        try raw.applyLibraryPragmas()
        // One untimed round first, so that every timed one reads from a warm page cache.
        let (report, _) = try LibraryPath.progress(repository, asOf: nil)
        let (reportAsOf, _) = try LibraryPath.progress(repository, asOf: asOf)
        let totals = try RawPath.groupBy(raw)
        let totalsAsOf = try RawPath.groupBy(raw, asOf: asOf.description)
        let differences = [
            LibraryPath.difference(report, totals, label: "now"),
            LibraryPath.difference(reportAsOf, totalsAsOf, label: "as of \(asOf)"),
        ].compactMap { $0 }
        measured.reportsAgree = differences.isEmpty && totals.projects == Int64(rows)
        measured.disagreement = differences.isEmpty ? nil : differences.joined(separator: "; ")

        let clock = ContinuousClock()
        for _ in 0..<runs {
            measured.progress.add(try LibraryPath.progress(repository, asOf: nil).1)
            measured.progressAsOf.add(try LibraryPath.progress(repository, asOf: asOf).1)
            measured.rawGroupBy.add(try clock.measure { _ = try RawPath.groupBy(raw) })
            measured.rawGroupByAsOf.add(try clock.measure { _ = try RawPath.groupBy(raw, asOf: asOf.description) })
        }

        if let sqliteShell {
            note("sqlite3 shell GROUP BY (process)")
            let log = scratch.file("sqlite3.stderr")
            // The first, untimed, warms the page cache like the in-process measurements'.
            let times = attempt(Failure.shellGroupBy, &measured.failures) {
                try (0...runs).map { _ in try ProcessTiming.run(sqliteShell, [rawPath, RawPath.groupBySQL], errorLog: log).wallTime }.dropFirst()
            }
            times?.forEach { measured.shellGroupBy.add($0) }
        }
        if let duikou {
            note("duikou tasks (process startup)")
            let log = scratch.file("duikou.stderr")
            let times = attempt(Failure.tasksStartup, &measured.failures) {
                try (0...runs).map { _ in try ProcessTiming.run(duikou, ["tasks", "--db", libraryPath], errorLog: log).wallTime }.dropFirst()
            }
            times?.forEach { measured.tasksStartup.add($0) }
        }
    }

    /// Reads while a bulk insert runs through the same repository, and the `async` twins' overhead.
    private func measureConcurrency(_ workload: Workload, libraryPath: String, into measured: inout Measurements) throws {
        let base = min(1_000, rows / 10)
        note("reads during a bulk insert of \(rows - base) projects through the same repository")
        let reads = try ConcurrentPath.readsDuringBulkInsert(workload, base: base, into: scratch.file("concurrent.sqlite"))
        measured.readsDuringWrite = reads
        note("progress: synchronous call against its async twin")
        measured.asyncOverhead = try ConcurrentPath.asyncOverhead(try Repository(path: libraryPath), count: max(200, runs * 50))
    }

    /// The names under which failed whole-process measurements are reported.
    enum Failure {
        static let shellImport = "sqlite3 shell import"
        static let processImport = "duikou import process"
        static let shellGroupBy = "sqlite3 shell GROUP BY"
        static let tasksStartup = "duikou tasks"
    }

    /// Runs an optional whole-process measurement; on failure notes it in `failures` (and skips it in
    /// later runs) instead of ending the benchmark, so that a stale binary costs one line, not the run.
    private func attempt<T>(_ name: String, _ failures: inout [String: String], _ body: () throws -> T) -> T? {
        guard failures[name] == nil else { return nil }
        do {
            return try body()
        } catch {
            failures[name] = String("\(error)".split(whereSeparator: \.isNewline).joined(separator: " ").prefix(240))
            note("\(name) failed, reported as not measured: \(error)")
            return nil
        }
    }

    /// A progress note on standard error.
    private func note(_ text: String) {
        FileHandle.standardError.write(Data("duikou-bench: \(text)\n".utf8))
    }
}
