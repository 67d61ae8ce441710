import ArgumentParser
import Foundation

/// `duikou-bench`: the reference performance workload of DuikouKit against the raw SQLite C API.
///
/// Run on demand, never by the test suite: `swift run -c release duikou-bench --rows 100000`.
@main
struct DuikouBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duikou-bench",
        abstract: "Time DuikouKit's bulk insert, CSV import and progress report against the raw SQLite C API.",
        discussion: """
            Every path runs on a fresh database file over the same deterministic workload of N projects. \
            The table shows medians; the last line is one JSON object for scripts. When the sqlite3 shell \
            is on PATH and a duikou binary sits beside this one (swift build -c release --product duikou), \
            whole-process comparisons are measured too. Build with -c release: debug timings mean nothing.
            """)

    @Option(help: "Projects in the workload.")
    var rows = 100_000

    @Option(help: "Runs per measurement; the median is reported. Inserts run once above 500000 rows.")
    var runs = 3

    @Option(help: "Folder for the scratch files (a fresh subfolder is made in it; default: the temporary folder).")
    var dir: String?

    @Flag(help: "Keep the scratch files (every run's databases and the CSV) and print where they are.")
    var keep = false

    @Option(help: "Projects in the dispatch workload (alerts, round status, known-on progress); 0 leaves it out.")
    var dispatchRows = 0

    @Flag(help: "Measure only the dispatch workload.")
    var dispatchOnly = false

    @Option(help: "Projects in the spreadsheet workload (.xlsx export against openpyxl, .xlsx import against CSV); 0 leaves it out.")
    var spreadsheetRows = 0

    @Flag(help: "Measure only the spreadsheet workload.")
    var spreadsheetOnly = false

    func validate() throws {
        guard rows >= 1 else { throw ValidationError("--rows must be at least 1") }
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
        guard dispatchRows >= 0 else { throw ValidationError("--dispatch-rows must not be negative") }
        guard !dispatchOnly || dispatchRows > 0 else { throw ValidationError("--dispatch-only needs --dispatch-rows") }
        guard spreadsheetRows >= 0 else { throw ValidationError("--spreadsheet-rows must not be negative") }
        guard !spreadsheetOnly || spreadsheetRows > 0 else { throw ValidationError("--spreadsheet-only needs --spreadsheet-rows") }
    }

    func run() throws {
        let scratch = try ScratchDirectory(parent: dir)
        defer {
            if keep {
                FileHandle.standardError.write(Data("duikou-bench: scratch files kept in \(scratch.path)\n".utf8))
            } else {
                scratch.remove()
            }
        }
        let benchmark = Benchmark(rows: rows, runs: runs, scratch: scratch, keep: keep)
        var measured = dispatchOnly || spreadsheetOnly ? Measurements() : try benchmark.run()
        if dispatchRows > 0 && (dispatchOnly || !spreadsheetOnly) {
            measured.dispatch = try benchmark.dispatch(rows: dispatchRows).run()
        }
        if spreadsheetRows > 0 && (spreadsheetOnly || !dispatchOnly) {
            measured.spreadsheet = try benchmark.spreadsheet(rows: spreadsheetRows).run()
        }
        print(Report(measured: measured).text, terminator: "")
    }
}
