import Foundation

/// Renders ``Measurements``: a readable table with units and ratios, then one compact JSON object
/// on the last line for scripts.
struct Report {
    let measured: Measurements

    /// The whole output: the table, a blank line, the JSON line.
    var text: String {
        table + "\n\n" + json + "\n"
    }

    // MARK: Derived figures

    var rawRate: Double? { measured.rawInsert.rate(rows: measured.rows) }
    var rawRowsOnlyRate: Double? { measured.rawInsertRows.rate(rows: measured.rows) }
    var rawProjectOnlyRate: Double? { measured.rawProjectOnly.rate(rows: measured.rows) }
    var libraryRate: Double? { measured.libraryInsert.rate(rows: measured.rows) }
    var importRate: Double? { measured.libraryImport.rate(rows: measured.rows) }
    /// Library insert rate over the raw rate: 1 matches the raw C API, higher is better.
    var insertRatio: Double? { ratio(libraryRate, rawRate) }
    /// Import rate over the raw insert rate.
    var importRatio: Double? { ratio(importRate, rawRate) }
    /// `duikou import` process time over the `sqlite3` shell's import time: lower is better.
    var processToShellRatio: Double? { ratio(measured.processImport.medianSeconds, measured.shellImport.medianSeconds) }
    /// Report time over the raw GROUP BY's time: lower is better, the target is at most 0.5.
    var progressRatio: Double? { ratio(measured.progress.medianMilliseconds, measured.rawGroupBy.medianMilliseconds) }
    var progressAsOfRatio: Double? { ratio(measured.progressAsOf.medianMilliseconds, measured.rawGroupBy.medianMilliseconds) }
    var progressAsOfRatioToRawAsOf: Double? {
        ratio(measured.progressAsOf.medianMilliseconds, measured.rawGroupByAsOf.medianMilliseconds)
    }

    /// The async twin's median over the synchronous call's: 1 is no overhead, the target is below 1.05.
    var asyncRatio: Double? {
        ratio(measured.asyncOverhead.progressAsync.medianMilliseconds, measured.asyncOverhead.progressSync.medianMilliseconds)
    }
    /// What the hand-offs of an async twin cost, in microseconds: an empty async read less an empty synchronous one.
    var handOffMicroseconds: Double? {
        guard let async = measured.asyncOverhead.emptyAsync.medianSeconds, let sync = measured.asyncOverhead.emptySync.medianSeconds else { return nil }
        return (async - sync) * 1e6
    }
    /// What the async twin of `progress` costs above the synchronous call, in microseconds.
    var progressOverheadMicroseconds: Double? {
        guard let async = measured.asyncOverhead.progressAsync.medianSeconds, let sync = measured.asyncOverhead.progressSync.medianSeconds else { return nil }
        return (async - sync) * 1e6
    }
    /// The longest read during the bulk insert over the insert's time: far below 1 when reads never
    /// wait for the write.
    var longestReadToInsert: Double? {
        measured.readsDuringWrite.flatMap { ratio($0.longest.seconds, $0.insert.seconds) }
    }

    private func ratio(_ numerator: Double?, _ denominator: Double?) -> Double? {
        guard let numerator, let denominator, denominator > 0 else { return nil }
        return numerator / denominator
    }

    // MARK: Table

    var table: String {
        let sections = [measured.rows > 0 ? mainTable : nil, measured.dispatch.map(dispatchTable),
                        measured.spreadsheet.map(spreadsheetTable)].compactMap { $0 }
        return sections.joined(separator: "\n\n")
    }

    private var mainTable: String {
        let m = measured
        let csvMiB = m.csvBytes.map { Double($0) / 1_048_576 }
        var rows: [[String]] = [["measurement", "median", "rows/s", "ratio", "note"]]
        func section(_ title: String) { rows.append([title, "", "", "", ""]) }
        func line(_ name: String, _ value: String, _ rate: Double? = nil, _ ratio: String = "", _ note: String = "") {
            rows.append(["  " + name, value, rate.map(Self.grouped) ?? "", ratio, note])
        }

        section("insert \(m.rows) projects, fresh file each run (median of \(m.insertRuns))")
        line("raw C API: project + first update rows", Self.time(m.rawInsert), rawRate, "1.00 (base)",
             "same rows as DuikouKit, into its schema (triggers fire), search index synced")
        line("  of which the row inserts", Self.time(m.rawInsertRows), rawRowsOnlyRate, "", "project and progress_update statements")
        line("  of which the search index", Self.time(m.rawSearchIndex), nil, "",
             m.rawSearchIndex.count == 0 ? "not done: schema has no search tables" : "trigram index of the new documents")
        line("raw C API: project rows only", Self.time(m.rawProjectOnly), rawProjectOnlyRate, "", "reference; no update rows, no index sync")
        line("DuikouKit addProjects", Self.time(m.libraryInsert), libraryRate, Self.ratio(insertRatio, "x raw rate"), "higher is better")
        line("DuikouKit importCSV", Self.time(m.libraryImport), importRate, Self.ratio(importRatio, "x raw rate"),
             csvMiB.map { String(format: "%.1f MiB CSV", $0) } ?? "")
        line("sqlite3 shell .import (process)", Self.time(m.shellImport), m.shellImport.rate(rows: m.rows), "",
             m.failures[Benchmark.Failure.shellImport].map { "FAILED: " + $0 }
                 ?? (m.shellImport.count == 0 ? "not run: no sqlite3 on PATH" : "plain table, same columns and indexes"))
        line("duikou import projects (process)", Self.time(m.processImport), m.processImport.rate(rows: m.rows),
             Self.ratio(processToShellRatio, "x shell time"),
             m.failures[Benchmark.Failure.processImport].map { "FAILED: " + $0 }
                 ?? (m.processImport.count == 0 ? "not run: no duikou beside the bench"
                     : m.processImportPeakRSS.map { String(format: "child peak RSS %.1f MiB", $0) } ?? ""))

        section("progress report by area over \(m.rows) projects (median of \(m.runs))")
        line("DuikouKit progress(by: area)", Self.time(m.progress), nil, Self.ratio(progressRatio, "x raw time"), "lower is better; target <= 0.5")
        line("DuikouKit progress(by: area, as of \(m.asOf))", Self.time(m.progressAsOf), nil, Self.ratio(progressAsOfRatio, "x raw time"),
             progressAsOfRatioToRawAsOf.map { String(format: "%.2fx the raw as-of query", $0) } ?? "")
        line("raw C API GROUP BY area, status", Self.time(m.rawGroupBy), nil, "1.00 (base)", "prepared, stepped and finalized each run")
        line("raw C API GROUP BY as of \(m.asOf)", Self.time(m.rawGroupByAsOf), nil, "", "latest update on or before the date")
        line("sqlite3 shell GROUP BY (process)", Self.time(m.shellGroupBy), nil, "",
             m.failures[Benchmark.Failure.shellGroupBy].map { "FAILED: " + $0 }
                 ?? (m.shellGroupBy.count == 0 ? "not run: no sqlite3 on PATH" : "whole process"))
        line("report totals equal the raw GROUP BY's", m.reportsAgree.map { $0 ? "yes" : "NO" } ?? "-", nil, "", m.disagreement ?? "")

        if let reads = m.readsDuringWrite {
            section("reads during a bulk insert through the same repository (\(reads.readsDuringInsert) reads)")
            line("bulk insert (addProjects, one transaction)", Self.seconds(reads.insert), nil, "", "the write the reads ran beside")
            line("progress(by: pairing) during the insert", Self.time(reads.latencies), nil, "",
                 "median; target <= 10 ms; saw the last committed state: \(reads.sawCommittedState ? "yes" : "NO")")
            line("  the longest of them", Self.seconds(reads.longest), nil, Self.ratio(longestReadToInsert, "x insert time"),
                 "never waits for the write to finish")
            line("progress(by: pairing), no write running", Self.time(reads.idle), nil, "", "median of \(reads.idle.count)")
        }
        let overhead = m.asyncOverhead
        section("async twins (median of \(overhead.progressSync.count), interleaved)")
        line("progress() through read { } (synchronous)", Self.time(overhead.progressSync), nil, "1.00 (base)", "")
        line("await progress() (async twin)", Self.time(overhead.progressAsync), nil, Self.ratio(asyncRatio, "x sync time"),
             "target < 1.05; " + (progressOverheadMicroseconds.map { String(format: "%.0f us more per call", $0) } ?? ""))
        line("empty read { _ in } (synchronous)", Self.time(overhead.emptySync), nil, "", "a reader and a transaction")
        line("empty await read { _ in } (async)", Self.time(overhead.emptyAsync), nil, "",
             handOffMicroseconds.map { String(format: "the two thread hand-offs: %.0f us", $0) } ?? "")

        section("process and memory")
        line("duikou tasks (startup, process)", Self.time(m.tasksStartup), nil, "",
             m.failures[Benchmark.Failure.tasksStartup].map { "FAILED: " + $0 }
                 ?? (m.tasksStartup.count == 0 ? "not run: no duikou beside the bench" : "median of \(m.runs)"))
        line("peak RSS of duikou-bench", m.peakRSS.map { String(format: "%.1f MiB", $0) } ?? "-", nil, "", "holds the workload in memory")

        let header = "duikou-bench: \(m.rows) projects, SQLite \(m.sqliteVersion)"
        return header + "\n\n" + Self.aligned(rows)
    }

    /// Columns padded to their widest cell (all text here is ASCII); numbers right-aligned.
    static func aligned(_ rows: [[String]]) -> String {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in rows.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        var lines: [String] = []
        for (index, row) in rows.enumerated() {
            var cells: [String] = []
            for (column, cell) in row.enumerated() {
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                cells.append(column == 1 || column == 2 ? padding + cell : cell + padding)
            }
            lines.append(cells.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression))
            if index == 0 { lines.append(String(repeating: "-", count: widths.reduce(0, +) + 2 * (columns - 1))) }
        }
        return lines.joined(separator: "\n")
    }

    /// A median as `12.3 ms` or `4.567 s`; `-` when not measured.
    static func time(_ samples: Samples) -> String {
        guard let seconds = samples.medianSeconds else { return "-" }
        return seconds < 1 ? String(format: "%.2f ms", seconds * 1000) : String(format: "%.3f s", seconds)
    }

    /// One duration as `12.3 ms` or `4.567 s`.
    static func seconds(_ duration: Duration) -> String {
        var samples = Samples()
        samples.add(duration)
        return time(samples)
    }

    /// A ratio with two decimals (three below 0.1) and what it is relative to.
    static func ratio(_ value: Double?, _ unit: String) -> String {
        value.map { String(format: $0 < 0.1 ? "%.3f" : "%.2f", $0) + unit } ?? ""
    }

    /// An integer with thousands separators: 81,234.
    static func grouped(_ value: Double) -> String {
        let digits = String(Int(value.rounded()))
        var result = ""
        for (offset, digit) in digits.reversed().enumerated() {
            if offset > 0 && offset % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return String(result.reversed())
    }

    // MARK: JSON

    var json: String {
        let m = measured
        let fields: [(String, JSONField)] = [
            ("rows", .integer(m.rows)),
            ("runs", .integer(m.runs)),
            ("insert_runs", .integer(m.insertRuns)),
            ("sqlite_version", .text(m.sqliteVersion)),
            ("raw_insert_rows_per_s", .number(rawRate, 0)),
            ("raw_insert_s", .number(m.rawInsert.medianSeconds, 4)),
            ("raw_row_inserts_rows_per_s", .number(rawRowsOnlyRate, 0)),
            ("raw_search_index_ms", .number(m.rawSearchIndex.medianMilliseconds, 2)),
            ("raw_project_only_rows_per_s", .number(rawProjectOnlyRate, 0)),
            ("library_insert_rows_per_s", .number(libraryRate, 0)),
            ("library_insert_s", .number(m.libraryInsert.medianSeconds, 4)),
            ("insert_ratio_to_raw", .number(insertRatio, 4)),
            ("import_rows_per_s", .number(importRate, 0)),
            ("import_s", .number(m.libraryImport.medianSeconds, 4)),
            ("import_ratio_to_raw", .number(importRatio, 4)),
            ("csv_mib", .number(m.csvBytes.map { Double($0) / 1_048_576 }, 2)),
            ("sqlite3_shell_import_s", .number(m.shellImport.medianSeconds, 4)),
            ("duikou_import_process_s", .number(m.processImport.medianSeconds, 4)),
            ("duikou_import_process_ratio_to_sqlite3_shell", .number(processToShellRatio, 4)),
            ("progress_ms", .number(m.progress.medianMilliseconds, 3)),
            ("progress_as_of_ms", .number(m.progressAsOf.medianMilliseconds, 3)),
            ("raw_group_by_ms", .number(m.rawGroupBy.medianMilliseconds, 3)),
            ("raw_group_by_as_of_ms", .number(m.rawGroupByAsOf.medianMilliseconds, 3)),
            ("progress_ratio_to_raw", .number(progressRatio, 4)),
            ("progress_as_of_ratio_to_raw", .number(progressAsOfRatio, 4)),
            ("progress_as_of_ratio_to_raw_as_of", .number(progressAsOfRatioToRawAsOf, 4)),
            ("sqlite3_shell_group_by_ms", .number(m.shellGroupBy.medianMilliseconds, 3)),
            ("reports_agree", .flag(m.reportsAgree)),
            ("tasks_startup_ms", .number(m.tasksStartup.medianMilliseconds, 3)),
            ("reads_during_insert", .integer(m.readsDuringWrite?.readsDuringInsert ?? 0)),
            ("read_during_insert_median_ms", .number(m.readsDuringWrite?.latencies.medianMilliseconds, 3)),
            ("read_during_insert_max_ms", .number(m.readsDuringWrite.map { $0.longest.seconds * 1000 }, 3)),
            ("read_idle_median_ms", .number(m.readsDuringWrite?.idle.medianMilliseconds, 3)),
            ("reads_saw_committed_state", .flag(m.readsDuringWrite?.sawCommittedState)),
            ("concurrent_insert_s", .number(m.readsDuringWrite?.insert.seconds, 4)),
            ("progress_sync_ms", .number(m.asyncOverhead.progressSync.medianMilliseconds, 4)),
            ("progress_async_ms", .number(m.asyncOverhead.progressAsync.medianMilliseconds, 4)),
            ("async_ratio_to_sync", .number(asyncRatio, 4)),
            ("empty_read_sync_us", .number(m.asyncOverhead.emptySync.medianSeconds.map { $0 * 1e6 }, 1)),
            ("empty_read_async_us", .number(m.asyncOverhead.emptyAsync.medianSeconds.map { $0 * 1e6 }, 1)),
            // The figure of the memory target: the whole `duikou import` process, not this one.
            ("peak_rss_mib", .number(m.processImportPeakRSS, 1)),
            ("bench_peak_rss_mib", .number(m.peakRSS, 1)),
        ]
        let main = m.rows > 0 ? fields : []
        let all = main + (m.dispatch.map { [("dispatch", JSONField.object(dispatchFields($0)))] } ?? [])
            + (m.spreadsheet.map { [("spreadsheet", JSONField.object(spreadsheetFields($0)))] } ?? [])
        return "{" + all.map { "\"\($0.0)\":\($0.1.text)" }.joined(separator: ",") + "}"
    }
}
