extension ProgressReport {
    /// The report as the JSON object of the CLI contract: `as_of`, `by`, `rows` and `total`, each row
    /// and the total with `reached`, the investment, the rates (`landed_rate`, `started_rate`,
    /// `operating_rate`, `investment_completion_rate`), parks, exchanges by direction and the red and
    /// yellow early warnings (`alerts_red`, `alerts_yellow`) where rows stand for pairings or provinces, and a row's `subtree` in a report by pairing.
    public var json: JSONValue {
        typealias Key = CodingKeys
        typealias RowKey = ProgressRow.CodingKeys
        return .object([
            (Key.asOf.stringValue, .optional(asOf?.description)),
            (Key.grouping.stringValue, .string(grouping.rawValue)),
            (Key.rows.stringValue, .array(rows.map { row in
                var members: [(String, JSONValue)] = [
                    (RowKey.key.stringValue, .string(row.key)), (RowKey.nameZH.stringValue, .string(row.nameZH)),
                    (RowKey.nameEN.stringValue, .string(row.nameEN)),
                ]
                members += figuresJSON(row.figures)
                if let subtree = row.subtree { members.append((RowKey.subtree.stringValue, .object(figuresJSON(subtree)))) }
                return .object(members)
            })),
            (Key.total.stringValue, .object(figuresJSON(total))),
        ])
    }

    private func figuresJSON(_ figures: ProgressFigures) -> [(String, JSONValue)] {
        typealias Key = ProgressFigures.CodingKeys
        var members: [(String, JSONValue)] = [
            (Key.projects.stringValue, .integer(Int64(figures.projects))),
            (Key.landmarkProjects.stringValue, .integer(Int64(figures.landmarkProjects))),
            (Key.byStatus.stringValue, .object(ProjectStatus.allCases.map { ($0.rawValue, .integer(Int64(figures.byStatus[$0] ?? 0))) })),
            (Key.reached.stringValue, .object(ProgressFigures.reachedSteps.map { ($0.rawValue, .integer(Int64(figures.reached[$0] ?? 0))) })),
            (Key.plannedInvestment.stringValue, .integer(figures.plannedInvestment.yuan)),
            (Key.completedInvestment.stringValue, .integer(figures.completedInvestment.yuan)),
            (Key.terminatedCompletedInvestment.stringValue, .integer(figures.terminatedCompletedInvestment.yuan)),
        ]
        if grouping.countsPairingActivity {
            members += ProgressFigures.activityKeys.map { ($0.stringValue, .integer(Int64(figures.count($0)))) }
            members.append((Key.softCooperation.stringValue, softCooperationJSON(figures.softCooperation)))
        }
        members += [
            (Key.landedRate.stringValue, Ratio.json(figures.landedRate)),
            (Key.startedRate.stringValue, Ratio.json(figures.startedRate)),
            (Key.operatingRate.stringValue, Ratio.json(figures.operatingRate)),
            (Key.investmentCompletionRate.stringValue, Ratio.json(figures.investmentCompletionRate)),
        ]
        return members
    }

    /// `soft_cooperation` as its `Codable` encoding writes it, keys in the same order.
    private func softCooperationJSON(_ counts: SoftCooperationCounts) -> JSONValue {
        typealias Key = SoftCooperationCounts.CodingKeys
        return .object([
            (Key.reforms.stringValue, .integer(Int64(counts.reforms))),
            (Key.policies.stringValue, .integer(Int64(counts.policies))),
            (Key.meetings.stringValue, .integer(Int64(counts.meetingCount))),
            (Key.meetingsByKind.stringValue, .object(MeetingKind.allCases.map { ($0.rawValue, .integer(Int64(counts.meetings[$0] ?? 0))) })),
            (Key.funding.stringValue, .integer(counts.fundingTotal.yuan)),
            (Key.fundingBySource.stringValue, .object(FundingSource.allCases.map { ($0.rawValue, .integer((counts.funding[$0] ?? .zero).yuan)) })),
        ])
    }

    /// The report as CSV: a header, a record per row and a last record keyed `total`. The steps
    /// reached are columns `reached_signed` … `reached_operating`; rows by pairing or province add
    /// the soft cooperation's totals as `reforms`, `policies`, `meetings` and `funding_yuan`; in a
    /// report by pairing, the figures of the pairing with those below it follow under the same
    /// names prefixed `subtree_` (empty in the total).
    public var csv: String {
        var figures = ["projects", "landmark_projects"] + ProjectStatus.allCases.map(\.rawValue)
        figures += ProgressFigures.reachedSteps.map { "reached_\($0.rawValue)" }
        figures += ["planned_investment_yuan", "completed_investment_yuan", "terminated_completed_investment_yuan"]
        if grouping.countsPairingActivity {
            figures += ProgressFigures.activityKeys.map(\.stringValue) + ["reforms", "policies", "meetings", "funding_yuan"]
        }
        figures += ["landed_rate", "started_rate", "operating_rate", "investment_completion_rate"]
        let subtree = grouping == .pairing
        var out = CSVWriter.record(["key", "name_zh", "name_en"] + figures + (subtree ? figures.map { "subtree_\($0)" } : []))
        for row in rows {
            out += CSVWriter.record([row.key, row.nameZH, row.nameEN] + figuresCSV(row.figures) + (subtree ? row.subtree.map(figuresCSV) ?? [] : []))
        }
        out += CSVWriter.record(["total", "合计", "Total"] + figuresCSV(total) + (subtree ? Array(repeating: "", count: figures.count) : []))
        return out
    }

    private func figuresCSV(_ figures: ProgressFigures) -> [String] {
        var fields = [String(figures.projects), String(figures.landmarkProjects)]
        fields += ProjectStatus.allCases.map { String(figures.byStatus[$0] ?? 0) }
        fields += ProgressFigures.reachedSteps.map { String(figures.reached[$0] ?? 0) }
        fields += [figures.plannedInvestment, figures.completedInvestment, figures.terminatedCompletedInvestment].map { String($0.yuan) }
        if grouping.countsPairingActivity {
            let soft = figures.softCooperation
            fields += ProgressFigures.activityKeys.map { String(figures.count($0)) }
            fields += [String(soft.reforms), String(soft.policies), String(soft.meetingCount), String(soft.fundingTotal.yuan)]
        }
        fields += [figures.landedRate, figures.startedRate, figures.operatingRate, figures.investmentCompletionRate].map(Ratio.csv)
        return fields
    }

    /// The report as a table for a terminal, investment in 亿元, with a title line. A report by
    /// pairing adds a second table: each pairing whose figures grow when the pairings below it are
    /// included, with theirs included.
    public func table(_ language: Language = .zh) -> String {
        let zh = language == .zh
        var columns: [TextTable.Column] = [
            .init(zh ? "代码" : "Key"), .init(zh ? "名称" : "Name"),
            .init(zh ? "项目" : "Projects", .right), .init(zh ? "标志性" : "Landmark", .right),
        ]
        columns += ProjectStatus.allCases.map { .init($0.label(language), .right) }
        columns += [
            .init(zh ? "计划投资(亿元)" : "Planned (100m yuan)", .right),
            .init(zh ? "完成投资(亿元)" : "Completed (100m yuan)", .right),
        ]
        if grouping.countsPairingActivity {
            columns += [
                .init(zh ? "园区" : "Parks", .right),
                .init(zh ? "挂职赴东部(人)" : "Seconded to east", .right), .init(zh ? "挂职来东北(人)" : "Seconded to NE", .right),
                .init(zh ? "培训赴东部(人次)" : "Trained in east", .right), .init(zh ? "培训来东北(人次)" : "Trained in NE", .right),
                .init(zh ? "复制政策(项)" : "Policies copied", .right), .init(zh ? "会议互访(次)" : "Meetings", .right),
                .init(zh ? "资金支持(亿元)" : "Funding (100m yuan)", .right),
                .init(zh ? "红灯" : "Red", .right), .init(zh ? "黄灯" : "Yellow", .right),
            ]
        }
        columns += [
            .init(zh ? "落地率" : "Landed", .right), .init(zh ? "开工率" : "Started", .right),
            .init(zh ? "投产率" : "Operating", .right), .init(zh ? "投资完成率" : "Invested", .right),
        ]
        let cells = { (figures: ProgressFigures) -> [String] in
            var cells = [String(figures.projects), String(figures.landmarkProjects)]
            cells += ProjectStatus.allCases.map { String(figures.byStatus[$0] ?? 0) }
            cells += [MoneyText.yi(figures.plannedInvestment), MoneyText.yi(figures.completedInvestment)]
            if grouping.countsPairingActivity {
                cells += [figures.parks, figures.secondmentsToEast, figures.secondmentsToNortheast, figures.traineesToEast, figures.traineesToNortheast,
                          figures.softCooperation.policies, figures.softCooperation.meetingCount].map { String($0) }
                cells.append(MoneyText.yi(figures.softCooperation.fundingTotal))
                cells += [String(figures.alertsRed), String(figures.alertsYellow)]
            }
            cells += [figures.landedRate, figures.startedRate, figures.operatingRate, figures.investmentCompletionRate].map(Ratio.percent)
            return cells
        }
        let table = TextTable(
            columns: columns,
            rows: rows.map { [$0.key, $0.name(language)] + cells($0.figures) },
            footer: [["", zh ? "合计" : "Total"] + cells(total)]
        )
        var out = title(language) + "\n" + table.rendered()
        let parents = rows.filter { $0.subtree != nil && $0.subtree != $0.figures }
        if !parents.isEmpty {
            let subtreeTable = TextTable(columns: columns, rows: parents.map { [$0.key, $0.name(language)] + cells($0.subtree ?? $0.figures) })
            out += "\n" + (zh ? "含下级对口合作关系" : "Including the pairings below") + "\n" + subtreeTable.rendered()
        }
        return out
    }

    private func title(_ language: Language) -> String {
        let when = asOf.map { language == .zh ? "截至 \($0)" : "as of \($0)" } ?? (language == .zh ? "截至最新" : "as of the latest update")
        let by = grouping.label(language)
        return language == .zh ? "对口合作进展（按\(by)，\(when)）" : "Paired-cooperation progress (by \(by), \(when))"
    }
}
