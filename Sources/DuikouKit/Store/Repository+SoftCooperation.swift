extension Snapshot {
    /// The plan's soft cooperation by pairing: for each pairing, the reform measures it copied and
    /// their policies, its meetings and visits by kind, and its funding by source in yuan, counting
    /// the records dated from `since` to `asOf`, both included.
    ///
    /// Each pairing counts its own records only, as `progress --by pairing` does: a funding of a
    /// project counts for the project's pairing. Every pairing in scope has an entry, with zeros when
    /// it recorded nothing; add up the entries of a pairing and the pairings below it
    /// (``SoftCooperationCounts/add(_:)``) for the figures that include them.
    ///
    /// ```swift
    /// // As of the end of 2024, by pairing.
    /// let now = try snapshot.softCooperationActivity(asOf: LocalDate(parsing: "2024-12-31"))
    /// // Within 2024: policies adopted and meetings held in the year.
    /// let year = try snapshot.softCooperationActivity(since: LocalDate(parsing: "2024-01-01"), asOf: LocalDate(parsing: "2024-12-31"))
    /// print(year["harbin-shenzhen"]?.policies ?? 0)
    /// ```
    ///
    /// - Parameters:
    ///   - pairing: only this pairing and the pairings below it, each with its own entry; every
    ///     pairing when `nil`.
    ///   - since: count records dated on or after this day; from the first when `nil`.
    ///   - asOf: count records dated on or before this day; to the last when `nil`.
    /// - Returns: the counts by pairing id.
    /// - Throws: ``DuikouError/Code/notFound`` for an unknown pairing; ``DuikouError/Code/invalidInput``
    ///   when `since` is after `asOf`.
    public func softCooperationActivity(
        pairing: String? = nil, since: LocalDate? = nil, asOf: LocalDate? = nil
    ) throws -> [String: SoftCooperationCounts] {
        if let since, let asOf, since > asOf {
            throw DuikouError.invalid("since", since.description, "is after the as-of date (\(asOf))")
        }
        return try Repository.softCooperationActivity(pairing: pairing, since: since, asOf: asOf, in: try connection)
    }
}

extension Repository {
    /// The soft cooperation by pairing, read on a connection already inside a transaction.
    static func softCooperationActivity(
        pairing: String?, since: LocalDate?, asOf: LocalDate?, recordedBefore: String? = nil, in connection: SQLiteConnection
    ) throws -> [String: SoftCooperationCounts] {
        try Repository.checkFilter(pairing: pairing, area: nil, task: nil, in: connection)
        let values: [SQLiteValue] = [.optional(pairing), .optional(since?.description), .optional(asOf?.description), .optional(recordedBefore)]
        var counts: [String: SoftCooperationCounts] = [:]
        try connection.each(SoftCooperationSQL.pairings, [.optional(pairing)]) { row in
            counts[try row.text("id")] = SoftCooperationCounts()
        }
        try connection.each(SoftCooperationSQL.reforms, values) { row in
            let id = try row.text("pairing_id")
            counts[id, default: SoftCooperationCounts()].reforms = try row.int("reforms")
            counts[id, default: SoftCooperationCounts()].policies = try row.int("policies")
        }
        try connection.each(SoftCooperationSQL.meetings, values) { row in
            counts[try row.text("pairing_id"), default: SoftCooperationCounts()].meetings[try row.keyword("kind", as: MeetingKind.self)] = try row.int("meetings")
        }
        try connection.each(SoftCooperationSQL.funding, values) { row in
            counts[try row.text("pairing_id"), default: SoftCooperationCounts()].funding[try row.keyword("source", as: FundingSource.self)] =
                try row.money("amount_yuan")
        }
        return counts
    }
}

extension Repository {
    /// The plan's soft cooperation by pairing, from `since` to `asOf`; see
    /// ``Snapshot/softCooperationActivity(pairing:since:asOf:)``.
    public func softCooperationActivity(
        pairing: String? = nil, since: LocalDate? = nil, asOf: LocalDate? = nil
    ) throws -> [String: SoftCooperationCounts] {
        try read { try $0.softCooperationActivity(pairing: pairing, since: since, asOf: asOf) }
    }
}

/// The queries of ``Snapshot/softCooperationActivity(pairing:since:asOf:)``: ?1 the pairing (with
/// the pairings below it) or NULL for all, ?2 the first day or NULL, ?3 the last day or NULL
/// (``pairings`` takes ?1 only).
enum SoftCooperationSQL {
    private static let dated = "(?2 IS NULL OR date >= ?2) AND (?3 IS NULL OR date <= ?3) AND (?4 IS NULL OR recorded_at < ?4)"

    static let pairings = """
        \(ProjectSQL.scope)
        SELECT id FROM pairing WHERE ?1 IS NULL OR id IN scope
        """

    static let reforms = """
        \(ProjectSQL.scope)
        SELECT pairing_id, count(*) AS reforms, sum(policies) AS policies FROM reform
        WHERE (?1 IS NULL OR pairing_id IN scope) AND \(dated)
        GROUP BY pairing_id
        """

    static let meetings = """
        \(ProjectSQL.scope)
        SELECT pairing_id, kind, count(*) AS meetings FROM meeting
        WHERE (?1 IS NULL OR pairing_id IN scope) AND \(dated)
        GROUP BY pairing_id, kind
        """

    /// A project's funding counts for the project's pairing.
    static let funding = """
        \(ProjectSQL.scope)
        SELECT coalesce(f.pairing_id, p.pairing_id) AS pairing_id, f.source, sum(f.amount_yuan) AS amount_yuan
        FROM funding f LEFT JOIN project p ON p.id = f.project_id
        WHERE (?1 IS NULL OR coalesce(f.pairing_id, p.pairing_id) IN scope) AND (?2 IS NULL OR f.date >= ?2) AND (?3 IS NULL OR f.date <= ?3)
          AND (?4 IS NULL OR f.recorded_at < ?4)
        GROUP BY 1, f.source
        """
}
