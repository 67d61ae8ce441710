extension ProgressReport {
    /// The report as the JSON object of the CLI contract: `as_of`, `by`, `rows` and `total`, with the
    /// rates (`landed_rate`, `started_rate`, `operating_rate`, `investment_completion_rate`) added.
    public var json: JSONValue {
        typealias Key = CodingKeys
        typealias RowKey = ProgressRow.CodingKeys
        return .object([
            (Key.asOf.stringValue, .optional(asOf?.description)),
            (Key.grouping.stringValue, .string(grouping.rawValue)),
            (Key.rows.stringValue, .array(rows.map { row in
                .object([(RowKey.key.stringValue, .string(row.key)), (RowKey.nameZH.stringValue, .string(row.nameZH)),
                         (RowKey.nameEN.stringValue, .string(row.nameEN))]
                        + figuresJSON(row.figures))
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
            (Key.plannedInvestment.stringValue, .integer(figures.plannedInvestment.yuan)),
            (Key.completedInvestment.stringValue, .integer(figures.completedInvestment.yuan)),
        ]
        if grouping == .pairing {
            members += [
                (Key.parks.stringValue, .integer(Int64(figures.parks))),
                (Key.secondments.stringValue, .integer(Int64(figures.secondments))),
                (Key.trainees.stringValue, .integer(Int64(figures.trainees))),
            ]
        }
        members += [
            (Key.landedRate.stringValue, Ratio.json(figures.landedRate)),
            (Key.startedRate.stringValue, Ratio.json(figures.startedRate)),
            (Key.operatingRate.stringValue, Ratio.json(figures.operatingRate)),
            (Key.investmentCompletionRate.stringValue, Ratio.json(figures.investmentCompletionRate)),
        ]
        return members
    }

    /// The report as CSV: a header, a record per row and a last record keyed `total`.
    public var csv: String {
        var header = ["key", "name_zh", "name_en", "projects", "landmark_projects"] + ProjectStatus.allCases.map(\.rawValue)
        header += ["planned_investment_yuan", "completed_investment_yuan"]
        if grouping == .pairing { header += ["parks", "secondments", "trainees"] }
        header += ["landed_rate", "started_rate", "operating_rate", "investment_completion_rate"]
        var out = CSVWriter.record(header)
        for row in rows { out += CSVWriter.record([row.key, row.nameZH, row.nameEN] + figuresCSV(row.figures)) }
        out += CSVWriter.record(["total", "合计", "Total"] + figuresCSV(total))
        return out
    }

    private func figuresCSV(_ figures: ProgressFigures) -> [String] {
        var fields = [String(figures.projects), String(figures.landmarkProjects)]
        fields += ProjectStatus.allCases.map { String(figures.byStatus[$0] ?? 0) }
        fields += [String(figures.plannedInvestment.yuan), String(figures.completedInvestment.yuan)]
        if grouping == .pairing { fields += [String(figures.parks), String(figures.secondments), String(figures.trainees)] }
        fields += [figures.landedRate, figures.startedRate, figures.operatingRate, figures.investmentCompletionRate].map(Ratio.csv)
        return fields
    }

    /// The report as a table for a terminal, investment in 亿元, with a title line.
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
        if grouping == .pairing {
            columns += [.init(zh ? "园区" : "Parks", .right), .init(zh ? "挂职(人)" : "Seconded", .right),
                        .init(zh ? "培训(人次)" : "Trained", .right)]
        }
        columns += [
            .init(zh ? "落地率" : "Landed", .right), .init(zh ? "开工率" : "Started", .right),
            .init(zh ? "投产率" : "Operating", .right), .init(zh ? "投资完成率" : "Invested", .right),
        ]
        let cells = { (figures: ProgressFigures) -> [String] in
            var cells = [String(figures.projects), String(figures.landmarkProjects)]
            cells += ProjectStatus.allCases.map { String(figures.byStatus[$0] ?? 0) }
            cells += [MoneyText.yi(figures.plannedInvestment), MoneyText.yi(figures.completedInvestment)]
            if grouping == .pairing { cells += [String(figures.parks), String(figures.secondments), String(figures.trainees)] }
            cells += [figures.landedRate, figures.startedRate, figures.operatingRate, figures.investmentCompletionRate].map(Ratio.percent)
            return cells
        }
        let table = TextTable(
            columns: columns,
            rows: rows.map { [$0.key, $0.name(language)] + cells($0.figures) },
            footer: [["", zh ? "合计" : "Total"] + cells(total)]
        )
        return title(language) + "\n" + table.rendered()
    }

    private func title(_ language: Language) -> String {
        let when = asOf.map { language == .zh ? "截至 \($0)" : "as of \($0)" } ?? (language == .zh ? "截至最新" : "as of the latest update")
        let by = grouping.label(language)
        return language == .zh ? "对口合作进展（按\(by)，\(when)）" : "Paired-cooperation progress (by \(by), \(when))"
    }
}
