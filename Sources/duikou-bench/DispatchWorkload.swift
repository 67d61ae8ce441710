import DuikouDemo
import DuikouKit

/// The workload of the dispatch (调度) measurements: the reference ``Workload``'s projects, given the
/// dates of a deployment in the middle of its reporting cycle, so that the early warnings and the
/// round status answer what they would in use rather than over a database nobody has updated in years.
///
/// The dates are relative to the day it runs, because a round counts for the early warnings only from
/// the day it was opened, and the benchmark opens it that day. The round is the latest quarter whose
/// due date (10 days after its end) has passed. Each project's one update is dated: 85 % inside that
/// quarter (they reported), 10 % in the two quarters before it (late, some stalled), 5 % from 2019 to
/// half a year before it (stalled). Projects still to start have a planned start 2 to 18 months after
/// signing; started and suspended ones a planned completion 1 to 4 years after their start, so that
/// some are overdue. Run on 2026-12-02, 1,000,000 projects gave 383,753 alerts.
struct DispatchWorkload: Sendable {
    /// The projects, in insertion order.
    let projects: [NewProject]
    /// The reporting round the status is asked of.
    let period: ReportingPeriod
    /// The day the alerts and the round status are asked on.
    let askedOn: LocalDate

    /// Builds `count` projects for questions asked on `today`.
    init(count: Int, today: LocalDate) throws {
        askedOn = today
        period = try Self.latestDueQuarter(before: today)
        var random = SeededGenerator(seed: Workload.seed ^ 0x2026_0720)
        let quarterStart = period.start.dayNumber
        let quarterEnd = period.end.dayNumber
        let oldest = try LocalDate(year: 2019, month: 1, day: 1).dayNumber
        var projects = try Workload(count: count).projects
        for index in projects.indices {
            let share = random.pick(0...99)
            let day = switch share {
            case 0...84: random.pick(quarterStart...quarterEnd)
            case 85...94: random.pick(quarterStart - 182...quarterStart - 1)
            default: random.pick(oldest...quarterStart - 183)
            }
            var project = projects[index]
            project.date = try LocalDate(dayNumber: day)
            switch project.status {
            case .signed, .landed:
                project.plannedStart = try LocalDate(dayNumber: day + random.pick(60...540))
            case .started, .suspended:
                let start = day - random.pick(0...365)
                project.plannedStart = try LocalDate(dayNumber: start)
                project.plannedCompletion = try LocalDate(dayNumber: start + random.pick(365...1460))
            default:
                break
            }
            projects[index] = project
        }
        self.projects = projects
    }

    /// The latest quarter whose default due date is before `day`.
    static func latestDueQuarter(before day: LocalDate) throws -> ReportingPeriod {
        var year = day.year
        var quarter = (day.month - 1) / 3 + 1
        while true {
            quarter -= 1
            if quarter == 0 { (year, quarter) = (year - 1, 4) }
            let period = try ReportingPeriod(parsing: "\(year)-Q\(quarter)")
            if period.defaultDue < day { return period }
        }
    }
}
