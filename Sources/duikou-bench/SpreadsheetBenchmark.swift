import DuikouKit
import Foundation

/// The spreadsheet measurements of issue 14 over the reference ``Workload``: `duikou export projects
/// --format xlsx` as a whole process against Python's openpyxl (write-only mode) writing the same
/// cells, and `duikou import projects` of that workbook against the import of the machine CSV export
/// of the same rows, each into a fresh database.
struct SpreadsheetBenchmark {
    /// Projects in the workload.
    let rows: Int
    /// Timed runs of each measurement; the median is reported.
    let runs: Int
    /// Where the files go.
    let scratch: ScratchDirectory
    /// The `duikou` binary beside this one, when there is one.
    let duikou: String?

    /// What the spreadsheet measurements found.
    struct Results {
        var rows = 0
        var build = Duration.zero
        var xlsxBytes: Int?
        var csvBytes: Int?
        var exportXLSX = Samples()
        var exportXLSXPeakRSS: Double?
        var exportCSV = Samples()
        var openpyxlWrite = Samples()
        var openpyxlRead = Samples()
        var openpyxlProcess = Samples()
        var openpyxlBackend: String?
        var importXLSX = Samples()
        var importXLSXPeakRSS: Double?
        var importCSV = Samples()
        var importCSVPeakRSS: Double?
        /// Why a measurement was not taken or failed, by name.
        var notRun: [String: String] = [:]
    }

    /// The names under which measurements are reported.
    enum Name {
        static let exportXLSX = "duikou export --format xlsx"
        static let exportCSV = "duikou export --format csv --lang zh"
        static let openpyxl = "openpyxl write-only"
        static let importXLSX = "duikou import projects F.xlsx"
        static let importCSV = "duikou import projects F.csv"
    }

    /// The comparison script, found from this source file's place in the repository, else from the
    /// current folder.
    static func script(_ name: String) -> String? {
        let fromSource = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/\(name)").path
        return [fromSource, "scripts/\(name)"].first { FileManager.default.fileExists(atPath: $0) }
    }

    /// Records the workload into a fresh database, then measures.
    func run() throws -> Results {
        var results = Results()
        results.rows = rows
        guard let duikou else {
            for name in [Name.exportXLSX, Name.exportCSV, Name.openpyxl, Name.importXLSX, Name.importCSV] {
                results.notRun[name] = "not run: no duikou beside the bench"
            }
            return results
        }
        note("spreadsheets: generating and recording \(rows) projects")
        let workload = try Workload(count: rows)
        let database = scratch.file("spreadsheet.sqlite")
        let repository = try Repository(path: database)
        results.build = try ContinuousClock().measure { _ = try repository.addProjects(workload.projects) }

        let log = scratch.file("spreadsheet.stderr")
        let xlsx = scratch.file("projects.xlsx")
        let people = scratch.file("projects-zh.csv")
        let machine = scratch.file("projects-machine.csv")
        func process(_ name: String, _ arguments: [String], into samples: inout Samples, peak: inout Double?) {
            guard results.notRun[name] == nil else { return }
            note("spreadsheets: \(name)")
            do {
                let timing = try ProcessTiming.run(duikou, arguments, errorLog: log, peakRSS: true)
                samples.add(timing.wallTime)
                if let rss = timing.peakRSSMiB { peak = max(peak ?? 0, rss) }
            } catch {
                results.notRun[name] = "FAILED: \(error)"
            }
        }
        var csvPeak: Double?
        for _ in 0..<runs {
            process(Name.exportXLSX, ["export", "projects", "--db", database, "--format", "xlsx", "--out", xlsx],
                    into: &results.exportXLSX, peak: &results.exportXLSXPeakRSS)
            process(Name.exportCSV, ["export", "projects", "--db", database, "--format", "csv", "--lang", "zh", "--out", people],
                    into: &results.exportCSV, peak: &csvPeak)
        }
        do {
            _ = try ProcessTiming.run(duikou, ["export", "projects", "--db", database, "--out", machine], errorLog: log)
        } catch {
            results.notRun[Name.importCSV] = "FAILED: the machine CSV export: \(error)"
        }
        results.xlsxBytes = Self.size(xlsx)
        results.csvBytes = Self.size(machine)

        measureOpenpyxl(people, into: &results)
        if results.exportXLSX.count == 0 { results.notRun[Name.importXLSX] = "not run: the export failed" }

        for run in 1...runs {
            let xlsxDatabase = scratch.file("import-xlsx-\(run).sqlite")
            let csvDatabase = scratch.file("import-csv-\(run).sqlite")
            process(Name.importXLSX, ["import", "projects", xlsx, "--db", xlsxDatabase], into: &results.importXLSX, peak: &results.importXLSXPeakRSS)
            process(Name.importCSV, ["import", "projects", machine, "--db", csvDatabase], into: &results.importCSV, peak: &results.importCSVPeakRSS)
            if run == 1 { try checkImported(xlsxDatabase, as: Name.importXLSX, into: &results) }
            scratch.removeDatabase(xlsxDatabase)
            scratch.removeDatabase(csvDatabase)
        }
        return results
    }

    /// The openpyxl script over the Chinese CSV export, `runs` times: its own read and write times
    /// and the whole process; "not run" without python3, openpyxl or the script.
    private func measureOpenpyxl(_ people: String, into results: inout Results) {
        let log = scratch.file("openpyxl.stderr")
        guard results.exportCSV.count > 0 else {
            results.notRun[Name.openpyxl] = "not run: the Chinese CSV export it reads failed"
            return
        }
        guard let python = ProcessTiming.onPath("python3") else {
            results.notRun[Name.openpyxl] = "not run: no python3 on PATH"
            return
        }
        guard let script = Self.script("openpyxl-write.py") else {
            results.notRun[Name.openpyxl] = "not run: scripts/openpyxl-write.py not found (run from the repository)"
            return
        }
        do {
            _ = try ProcessTiming.run(python, ["-c", "import openpyxl"], errorLog: log)
        } catch {
            results.notRun[Name.openpyxl] = "not run: python3 has no openpyxl (pip install openpyxl==3.1.5)"
            return
        }
        let times = scratch.file("openpyxl-times.json")
        let out = scratch.file("openpyxl.xlsx")
        for _ in 0..<runs {
            note("spreadsheets: \(Name.openpyxl)")
            do {
                let timing = try ProcessTiming.run(python, [script, people, out, times], errorLog: log)
                let data = try Data(contentsOf: URL(fileURLWithPath: times))
                let reported = try JSONDecoder().decode(OpenpyxlTimes.self, from: data)
                guard reported.rows == rows else { throw BenchError(description: "openpyxl wrote \(reported.rows) rows of \(rows)") }
                results.openpyxlProcess.add(timing.wallTime)
                results.openpyxlRead.add(.seconds(reported.read_s))
                results.openpyxlWrite.add(.seconds(reported.write_s))
                results.openpyxlBackend = reported.lxml ? "lxml" : "et_xmlfile (no lxml)"
            } catch {
                results.notRun[Name.openpyxl] = "FAILED: \(error)"
                return
            }
        }
    }

    /// What the openpyxl script reports about itself.
    private struct OpenpyxlTimes: Decodable {
        let read_s: Double
        let write_s: Double
        let rows: Int
        let lxml: Bool
    }

    /// Checks that the workbook's import recorded every project.
    private func checkImported(_ path: String, as name: String, into results: inout Results) throws {
        guard results.notRun[name] == nil else { return }
        let database = try RawDatabase(path: path)
        let statement = try database.prepare("SELECT count(*) FROM project")
        let count = try statement.step() ? Int(statement.int64(0)) : 0
        if count != rows { results.notRun[name] = "FAILED: imported \(count) projects of \(rows)" }
    }

    private static func size(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
    }

    private func note(_ text: String) {
        FileHandle.standardError.write(Data("duikou-bench: \(text)\n".utf8))
    }
}
