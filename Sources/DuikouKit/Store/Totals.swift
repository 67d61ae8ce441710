/// Keeps every amount and count a report adds up within what an integer holds.
///
/// Each amount fits in 64 bits (``Money``), but a report sums many. The progress summary
/// (V004_progress_summary.sql) holds the sums of planned and completed investment over all
/// projects, group by group; every total a report, a park listing or an as-of report adds up is at
/// most their sum over all groups. Each write transaction checks that sum just before it commits,
/// so a write that would make it overflow is refused whole.
///
/// Funding is added up by pairing and source, at most the sum of all funding, which the same check
/// keeps within 64 bits (one pass over the funding, a small table).
///
/// Participants need that check only in a merge, which copies the other database's exchanges as
/// they are: every other write refuses more than ``NewExchange/maximumParticipants`` per record.
enum Totals {
    static let overflowMessage =
        "the total planned or completed investment of all projects would exceed \(Int64.max) 元, the most that can be added up; nothing was written"

    static let fundingOverflowMessage =
        "the funding of all projects and pairings would exceed \(Int64.max) 元, the most that can be added up; nothing was written"

    static func check(_ connection: SQLiteConnection) throws {
        try refuseOverflow(of: "SELECT sum(planned_yuan), sum(completed_yuan) FROM progress_summary", in: connection, overflowMessage)
        try refuseOverflow(of: "SELECT sum(amount_yuan) FROM funding", in: connection, fundingOverflowMessage)
    }

    static func checkParticipants(_ connection: SQLiteConnection) throws {
        try refuseOverflow(of: "SELECT sum(participants) FROM exchange", in: connection,
                           "the participants of all cadre exchanges would exceed \(Int64.max), the most that can be added up; nothing was written")
    }

    /// Runs a query of sums, which fails with SQLite's "integer overflow" rather than lose precision;
    /// any other failure is passed on as it is.
    private static func refuseOverflow(of sums: String, in connection: SQLiteConnection, _ message: String) throws {
        do {
            try connection.run(sums, context: "adding up the totals")
        } catch let error as DuikouError where error.isIntegerOverflow {
            throw DuikouError(.invalidInput, "\(message) (\(error.message))", sqliteCode: error.sqliteCode, sql: error.sql)
        }
    }
}
