/// The spreadsheet section of the report (issue 14): the .xlsx export against openpyxl writing the same
/// cells, and the .xlsx import against the CSV import of the same rows.
extension Report {
    func spreadsheetTable(_ s: SpreadsheetBenchmark.Results) -> String {
        typealias Name = SpreadsheetBenchmark.Name
        var rows: [[String]] = [["measurement", "median", "ratio", "peak RSS", "note"]]
        func line(_ name: String, _ samples: Samples, _ ratio: String, _ peak: Double?, _ note: String, failure: String? = nil) {
            let key = failure ?? name
            let text = s.notRun[key] ?? (samples.count == 0 ? "not run" : note)
            rows.append(["  " + name, Self.time(samples), samples.count == 0 ? "" : ratio, peak.map { String(format: "%.1f MiB", $0) } ?? "", text])
        }
        let exportRatio = Self.ratioOf(s.exportXLSX, s.openpyxlWrite)
        let importRatio = Self.ratioOf(s.importXLSX, s.importCSV)
        rows.append(["spreadsheets over \(s.rows) projects (median of \(s.exportXLSX.count), whole processes)", "", "", "", ""])
        rows.append(["  recorded with addProjects", Self.seconds(s.build), "", "", "untimed setup"])
        line(Name.exportXLSX, s.exportXLSX, Self.ratio(exportRatio, "x openpyxl"), s.exportXLSXPeakRSS,
             "target <= 0.5x openpyxl's write, < 64 MiB; " + (s.xlsxBytes.map { String(format: "%.1f MiB file", Double($0) / 1_048_576) } ?? ""))
        line(Name.exportCSV, s.exportCSV, "", nil, "the cells openpyxl writes, for the script")
        line("openpyxl write-only: writing and saving", s.openpyxlWrite, "1.00 (base)", nil,
             (s.openpyxlBackend ?? "") + "; timed by the script; the cheapest path (plain values, no styles)", failure: Name.openpyxl)
        line("openpyxl script: reading the CSV", s.openpyxlRead, "", nil, "excluded from the base", failure: Name.openpyxl)
        line("openpyxl script: whole process", s.openpyxlProcess, "", nil, "python3 start, import, read, write", failure: Name.openpyxl)
        line(Name.importXLSX, s.importXLSX, Self.ratio(importRatio, "x CSV import"), s.importXLSXPeakRSS,
             "target <= 1.5x the CSV import, < 64 MiB, fresh database")
        line(Name.importCSV, s.importCSV, "1.00 (base)", s.importCSVPeakRSS,
             "the machine CSV export of the same rows" + (s.csvBytes.map { String(format: ", %.1f MiB", Double($0) / 1_048_576) } ?? ""))
        return Self.aligned(rows)
    }

    func spreadsheetFields(_ s: SpreadsheetBenchmark.Results) -> [(String, JSONField)] {
        [
            ("rows", .integer(s.rows)),
            ("xlsx_mib", .number(s.xlsxBytes.map { Double($0) / 1_048_576 }, 2)),
            ("export_xlsx_s", .number(s.exportXLSX.medianSeconds, 4)),
            ("export_xlsx_peak_rss_mib", .number(s.exportXLSXPeakRSS, 1)),
            ("export_csv_zh_s", .number(s.exportCSV.medianSeconds, 4)),
            ("openpyxl_write_s", .number(s.openpyxlWrite.medianSeconds, 4)),
            ("openpyxl_read_s", .number(s.openpyxlRead.medianSeconds, 4)),
            ("openpyxl_process_s", .number(s.openpyxlProcess.medianSeconds, 4)),
            ("export_ratio_to_openpyxl", .number(Self.ratioOf(s.exportXLSX, s.openpyxlWrite), 4)),
            ("import_xlsx_s", .number(s.importXLSX.medianSeconds, 4)),
            ("import_xlsx_peak_rss_mib", .number(s.importXLSXPeakRSS, 1)),
            ("import_csv_s", .number(s.importCSV.medianSeconds, 4)),
            ("import_csv_peak_rss_mib", .number(s.importCSVPeakRSS, 1)),
            ("import_ratio_to_csv", .number(Self.ratioOf(s.importXLSX, s.importCSV), 4)),
        ]
    }
}
