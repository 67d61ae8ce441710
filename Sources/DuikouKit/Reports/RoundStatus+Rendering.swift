extension RoundStatus {
    /// The status as `duikou round status --format json` prints it: `period`, `start`, `end`, `due`,
    /// `state`, `pairings` (each `pairing`, `in_scope`, `reported`, `not_reported` ids, `late`) and
    /// `total` (`in_scope`, `reported`).
    public var json: JSONValue {
        typealias Key = CodingKeys
        typealias EntryKey = RoundPairingStatus.CodingKeys
        typealias TotalKey = TotalKeys
        return .object([
            (Key.period.stringValue, .string(period.description)),
            (Key.start.stringValue, .string(period.start.description)),
            (Key.end.stringValue, .string(period.end.description)),
            (Key.due.stringValue, .string(due.description)),
            (Key.state.stringValue, .string(state.rawValue)),
            (Key.pairings.stringValue, .array(pairings.map { entry in
                .object([
                    (EntryKey.pairing.stringValue, .string(entry.pairing)),
                    (EntryKey.inScope.stringValue, .integer(Int64(entry.inScope))),
                    (EntryKey.reported.stringValue, .integer(Int64(entry.reported))),
                    (EntryKey.notReported.stringValue, .array(entry.notReported.map { .string($0.key) })),
                    (EntryKey.late.stringValue, .bool(entry.late)),
                ])
            })),
            (Key.total.stringValue, .object([
                (TotalKey.inScope.stringValue, .integer(Int64(inScope))),
                (TotalKey.reported.stringValue, .integer(Int64(reported))),
            ])),
        ])
    }

    /// One CSV row per pairing: `period`, `pairing`, `in_scope`, `reported`, `not_reported` (the ids
    /// separated by spaces) and `late`.
    public var csv: String {
        CSVWriter.record(["period", "pairing", "in_scope", "reported", "not_reported", "late"])
            + pairings.map { entry in
                CSVWriter.record([period.description, entry.pairing, String(entry.inScope), String(entry.reported),
                                  entry.notReported.map(\.key).joined(separator: " "), entry.late ? "true" : "false"])
            }.joined()
    }

    /// A heading with the period, its dates and state, then one row per pairing naming it and the
    /// projects not reported by their titles, and a total row.
    public func table(_ language: Language = .zh, catalogue: Catalogue? = nil) -> String {
        let zh = language == .zh
        let names = DisplayNames(catalogue, language)
        let heading = zh
            ? "调度 \(period)（\(period.start) 至 \(period.end)），截止 \(due)，\(state.labelZH)：已报送 \(reported) / \(inScope)\n"
            : "Round \(period) (\(period.start) to \(period.end)), due \(due), \(state.labelEN): \(reported) of \(inScope) reported\n"
        let rows = pairings.map { entry in
            [names.pairing(entry.pairing), String(entry.inScope), String(entry.reported),
             entry.late ? (zh ? "逾期" : "late") : "",
             entry.notReported.map { titles[$0] ?? String($0.key.prefix(8)) }.joined(separator: zh ? "、" : "; ")]
        } + [[zh ? "合计" : "Total", String(inScope), String(reported), "", ""]]
        return heading + TextTable(
            columns: [TextTable.Column(zh ? "对口合作关系" : "Pairing", .left), TextTable.Column(zh ? "应报" : "In scope", .right),
                      TextTable.Column(zh ? "已报" : "Reported", .right), TextTable.Column(zh ? "逾期" : "Late", .left),
                      TextTable.Column(zh ? "未报项目" : "Not reported", .left)],
            rows: rows
        ).rendered()
    }
}

extension ReportingRound {
    /// The rounds as `duikou round list --format json` prints them.
    public static func json(_ rounds: [ReportingRound]) -> JSONValue {
        typealias Key = CodingKeys
        return .array(rounds.map { round in
            .object([
                (Key.period.stringValue, .string(round.period.description)),
                (Key.start.stringValue, .string(round.period.start.description)),
                (Key.end.stringValue, .string(round.period.end.description)),
                (Key.due.stringValue, .string(round.due.description)),
                (Key.state.stringValue, .string(round.state.rawValue)),
                (Key.openedAt.stringValue, .string(round.openedAt)),
                (Key.closedAt.stringValue, .optional(round.closedAt)),
                (Key.pairings.stringValue, .array(round.pairings.map(JSONValue.string))),
            ])
        })
    }

    /// The rounds as a table: period, dates, due date, state and how many pairings.
    public static func table(_ rounds: [ReportingRound], _ language: Language = .zh) -> String {
        let zh = language == .zh
        return TextTable(
            columns: [TextTable.Column(zh ? "期次" : "Period", .left), TextTable.Column(zh ? "开始" : "Start", .left),
                      TextTable.Column(zh ? "结束" : "End", .left), TextTable.Column(zh ? "截止" : "Due", .left),
                      TextTable.Column(zh ? "状态" : "State", .left), TextTable.Column(zh ? "对口合作关系" : "Pairings", .right)],
            rows: rounds.map { round in
                [round.period.description, round.period.start.description, round.period.end.description, round.due.description,
                 round.state.label(language), String(round.pairings.count)]
            }
        ).rendered()
    }
}
