/// Timings of one measurement over several runs; reports their median.
struct Samples {
    /// Every run's time, in the order taken.
    private(set) var durations: [Duration] = []

    /// Adds one run's time.
    mutating func add(_ duration: Duration) {
        durations.append(duration)
    }

    /// How many runs were taken.
    var count: Int { durations.count }

    /// The median in seconds (the mean of the middle two for an even count); `nil` when empty.
    var medianSeconds: Double? {
        let sorted = durations.map(\.seconds).sorted()
        guard !sorted.isEmpty else { return nil }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The median in milliseconds.
    var medianMilliseconds: Double? { medianSeconds.map { $0 * 1000 } }

    /// `rows` divided by the median time.
    func rate(rows: Int) -> Double? {
        guard let seconds = medianSeconds, seconds > 0 else { return nil }
        return Double(rows) / seconds
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}

/// Everything one benchmark run measured; `nil` where a measurement was not taken.
struct Measurements {
    /// Projects in the workload.
    var rows = 0
    /// Runs of the cheap measurements (progress, GROUP BY, startup).
    var runs = 0
    /// Runs of the insert and import paths.
    var insertRuns = 0
    /// The version of the SQLite library linked.
    var sqliteVersion = ""
    /// The as-of date of the past report.
    var asOf = ""

    /// Raw C API: project and first-update rows, search index included, one transaction.
    var rawInsert = Samples()
    /// The row inserts of ``rawInsert`` alone.
    var rawInsertRows = Samples()
    /// The search-index step of ``rawInsert``.
    var rawSearchIndex = Samples()
    /// Raw C API: project rows only.
    var rawProjectOnly = Samples()
    /// `Repository.addProjects`.
    var libraryInsert = Samples()
    /// `Repository.importCSV(.projects, from:)`.
    var libraryImport = Samples()
    /// The size of the generated CSV file, in bytes.
    var csvBytes: Int?
    /// `sqlite3 FILE` importing the CSV into a plain table, whole process.
    var shellImport = Samples()
    /// `duikou import projects`, whole process.
    var processImport = Samples()
    /// The largest peak RSS of the `duikou import` processes, in MiB.
    var processImportPeakRSS: Double?

    /// `Repository.progress(by: area)`.
    var progress = Samples()
    /// `Repository.progress(by: area, as of)`.
    var progressAsOf = Samples()
    /// The equivalent GROUP BY through the C API.
    var rawGroupBy = Samples()
    /// The as-of equivalent through the C API.
    var rawGroupByAsOf = Samples()
    /// The GROUP BY as a whole `sqlite3` process.
    var shellGroupBy = Samples()
    /// `duikou tasks`, whole process.
    var tasksStartup = Samples()
    /// Whether the library's report totals equal the raw GROUP BY's (now and as of the date).
    var reportsAgree: Bool?
    /// What differed, when they did not.
    var disagreement: String?

    /// Reads of the progress report while a bulk insert ran through the same repository.
    var readsDuringWrite: ConcurrentPath.ReadsDuringWrite?
    /// The async twins against the synchronous calls.
    var asyncOverhead = ConcurrentPath.AsyncOverhead()

    /// Whole-process measurements that failed, by name, with the error; they are reported as not
    /// measured rather than ending the benchmark.
    var failures: [String: String] = [:]

    /// The dispatch measurements, when asked for.
    var dispatch: DispatchBenchmark.Results?

    /// The spreadsheet measurements, when asked for.
    var spreadsheet: SpreadsheetBenchmark.Results?

    /// Peak RSS of the benchmark process, in MiB.
    var peakRSS: Double?
}
