/// The dispatch section of the report: alerts and round status against the shell's hand-written
/// queries over a plain table, and progress known on a day against progress as of a date.
extension Report {
    func dispatchTable(_ d: DispatchBenchmark.Results) -> String {
        var rows: [[String]] = [["measurement", "median", "ratio", "note"]]
        func section(_ title: String) { rows.append([title, "", "", ""]) }
        func line(_ name: String, _ samples: Samples, _ base: Samples? = nil, _ note: String = "") {
            let failure = d.failures[name.trimmingPrefix(" ").description].map { "FAILED: " + $0 }
            let ratio = base.flatMap { Self.ratioOf(samples, $0) }.map { Self.ratio($0, "x shell") } ?? ""
            rows.append(["  " + name, Self.time(samples), ratio, failure ?? (samples.count == 0 ? "not run" : note)])
        }
        section("dispatch over \(d.rows) projects, round \(d.period), asked on \(d.askedOn) (median of \(d.libraryAlerts.count))")
        rows.append(["  built with addProjects, openRound, 200 corrections, 200 voids", Self.seconds(d.build), "", "untimed setup"])
        rows.append(["  alerts found", "\(d.alerts)", "", "\(d.alertsRed) red"])
        rows.append(["  projects in the round's scope", "\(d.inScope)", "", "\(d.notReported) not reported"])
        line("duikou alerts --format csv", d.processAlertsCSV, d.shellAlerts, "whole process; target < 1 s and <= 2x shell")
        line("duikou alerts --format json", d.processAlertsJSON, d.shellAlerts, "whole process")
        line("sqlite3 shell alerts", d.shellAlerts, nil, "same rows and messages over the plain table, -csv")
        line("sqlite3 shell alert counts", d.shellAlertCounts, nil, "GROUP BY pairing over the plain table")
        line("duikou progress --by pairing", d.processProgressByPairing, d.shellAlertCounts, "as of the day, with red and yellow counts")
        line("duikou round status", d.processRoundStatus, d.shellRoundStatus, "whole process, json; target < 1 s and <= 2x shell")
        line("sqlite3 shell round status", d.shellRoundStatus, nil, "GROUP BY pairing, then the projects not reported")
        line("DuikouKit alerts()", d.libraryAlerts, nil, "in process")
        line("DuikouKit roundStatus()", d.libraryRoundStatus, nil, "in process")
        line("DuikouKit progress(by: pairing, as of)", d.libraryProgressAsOf, nil, "base of the next line")
        rows.append(["  DuikouKit progress(… known on today)", Self.time(d.libraryProgressKnownOn),
                     Self.ratioOf(d.libraryProgressKnownOn, d.libraryProgressAsOf).map { Self.ratio($0, "x as of") } ?? "", "target <= 2x as of"])
        return Self.aligned(rows)
    }

    func dispatchFields(_ d: DispatchBenchmark.Results) -> [(String, JSONField)] {
        [
            ("rows", .integer(d.rows)),
            ("alerts", .integer(d.alerts)),
            ("alerts_red", .integer(d.alertsRed)),
            ("in_scope", .integer(d.inScope)),
            ("not_reported", .integer(d.notReported)),
            ("duikou_alerts_csv_s", .number(d.processAlertsCSV.medianSeconds, 4)),
            ("duikou_alerts_json_s", .number(d.processAlertsJSON.medianSeconds, 4)),
            ("sqlite3_shell_alerts_s", .number(d.shellAlerts.medianSeconds, 4)),
            ("alerts_csv_ratio_to_shell", .number(Self.ratioOf(d.processAlertsCSV, d.shellAlerts), 4)),
            ("sqlite3_shell_alert_counts_s", .number(d.shellAlertCounts.medianSeconds, 4)),
            ("duikou_progress_by_pairing_s", .number(d.processProgressByPairing.medianSeconds, 4)),
            ("duikou_round_status_s", .number(d.processRoundStatus.medianSeconds, 4)),
            ("sqlite3_shell_round_status_s", .number(d.shellRoundStatus.medianSeconds, 4)),
            ("round_status_ratio_to_shell", .number(Self.ratioOf(d.processRoundStatus, d.shellRoundStatus), 4)),
            ("library_alerts_s", .number(d.libraryAlerts.medianSeconds, 4)),
            ("library_round_status_s", .number(d.libraryRoundStatus.medianSeconds, 4)),
            ("library_progress_as_of_ms", .number(d.libraryProgressAsOf.medianMilliseconds, 3)),
            ("library_progress_known_on_ms", .number(d.libraryProgressKnownOn.medianMilliseconds, 3)),
            ("known_on_ratio_to_as_of", .number(Self.ratioOf(d.libraryProgressKnownOn, d.libraryProgressAsOf), 4)),
        ]
    }

    /// The median of `samples` over the median of `base`.
    static func ratioOf(_ samples: Samples, _ base: Samples) -> Double? {
        guard let value = samples.medianSeconds, let divisor = base.medianSeconds, divisor > 0 else { return nil }
        return value / divisor
    }
}
