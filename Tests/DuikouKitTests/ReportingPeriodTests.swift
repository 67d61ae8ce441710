import Testing
@testable import DuikouKit

/// Reading `2025-Q3`, `2025-09` and `2025`, their dates and the default due date, and refusing the rest.
@Suite struct ReportingPeriodTests {
    @Test func quartersMonthsAndYears() throws {
        let quarter = try ReportingPeriod(parsing: "2025-Q3")
        #expect(quarter.description == "2025-Q3")
        #expect(quarter.start.description == "2025-07-01" && quarter.end.description == "2025-09-30")
        #expect(quarter.defaultDue.description == "2025-10-10")
        #expect(try ReportingPeriod(parsing: " 2025-q4 ").end.description == "2025-12-31")
        #expect(try ReportingPeriod(parsing: "2025-Q4").defaultDue.description == "2026-01-10")
        let february = try ReportingPeriod(parsing: "2024-02")
        #expect(february.description == "2024-02" && february.end.description == "2024-02-29")
        #expect(february.defaultDue.description == "2024-03-10")
        #expect(try ReportingPeriod(parsing: "2100-02").end.description == "2100-02-28")
        let year = try ReportingPeriod(parsing: "2025")
        #expect(year.start.description == "2025-01-01" && year.end.description == "2025-12-31")
        #expect(year.defaultDue.description == "2026-01-10")
        #expect(try ReportingPeriod(parsing: "2000").start.description == "2000-01-01")
        #expect(try ReportingPeriod(parsing: "2100-Q1").description == "2100-Q1")
    }

    @Test(arguments: [
        "2025-Q5", "2025-Q0", "2025-13", "2025-00", "1999", "2101", "2101-Q1", "1999-12", "", " ", "25", "2025-", "2025-Q",
        "2025-9", "2025-009", "2025Q3", "2025/09", "２０２５", "2025-Ｑ3", "2025-Q3\n2025-Q4", "2025-Q3; DROP TABLE round", "二〇二五",
        "2025-Q3🚀", "abcd", "-2025", "99999", "2025-1a", "2025-W3",
    ])
    func hostilePeriods(text: String) {
        #expect(throws: DuikouError.self) { try ReportingPeriod(parsing: text) }
        do {
            _ = try ReportingPeriod(parsing: text, field: "period")
        } catch let error as DuikouError {
            #expect(error.code == .invalidInput)
            #expect(error.field == "period")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
