extension Evaluation {
    /// The evaluation as the JSON object of the CLI contract: `year`, `rows` (pairing, metric, target,
    /// actual, ratio, met, weight, score) and `pairings` (pairing, metrics, met, score, grade).
    /// Targets and actual figures of investment metrics are integer yuan; ratios and scores are
    /// rounded to four decimals, and ratio is `null` when the target is 0.
    public var json: JSONValue {
        typealias RowKey = Row.CodingKeys
        typealias ScoreKey = PairingScore.CodingKeys
        return .object([
            (CodingKeys.year.stringValue, .integer(Int64(year))),
            (CodingKeys.rows.stringValue, .array(rows.map { row in
                .object([
                    (RowKey.pairing.stringValue, .string(row.pairing)), (RowKey.metric.stringValue, .string(row.metric.rawValue)),
                    (RowKey.target.stringValue, .integer(row.target)), (RowKey.actual.stringValue, .integer(row.actual)),
                    (RowKey.ratio.stringValue, Ratio.json(row.ratio)), (RowKey.met.stringValue, .bool(row.met)),
                    (RowKey.weight.stringValue, .number(row.weight.description)), (RowKey.score.stringValue, Ratio.json(row.score)),
                ])
            })),
            (CodingKeys.pairings.stringValue, .array(pairings.map { summary in
                .object([
                    (ScoreKey.pairing.stringValue, .string(summary.pairing)), (ScoreKey.metrics.stringValue, .integer(Int64(summary.metrics))),
                    (ScoreKey.met.stringValue, .integer(Int64(summary.met))), (ScoreKey.score.stringValue, Ratio.json(summary.score)),
                    (ScoreKey.grade.stringValue, .string(summary.grade.rawValue)),
                ])
            })),
        ])
    }

    /// The targets as CSV: pairing, metric, target, actual, ratio, met, weight, score.
    public var csv: String {
        CSVWriter.record(["pairing", "metric", "target", "actual", "ratio", "met", "weight", "score"]) + rows.map { row in
            CSVWriter.record([row.pairing, row.metric.rawValue, String(row.target), String(row.actual), Ratio.csv(row.ratio),
                              row.met ? "true" : "false", row.weight.description, Ratio.csv(row.score)])
        }.joined()
    }

    /// The evaluation as two tables for a terminal, the targets and then a summary per pairing with
    /// its score and grade, with pairing names from `catalogue` in the given language.
    public func table(_ language: Language = .zh, catalogue: Catalogue) -> String {
        let zh = language == .zh
        let name = { (pairing: String) in catalogue.name(ofPairing: pairing, language) }
        let targets = TextTable(
            columns: [.init(zh ? "对口合作关系" : "Pairing"), .init(zh ? "指标" : "Metric"), .init(zh ? "目标" : "Target", .right),
                      .init(zh ? "实际" : "Actual", .right), .init(zh ? "完成率" : "Ratio", .right), .init(zh ? "达标" : "Met"),
                      .init(zh ? "权重" : "Weight", .right), .init(zh ? "得分" : "Score", .right)],
            rows: rows.map { row in
                [name(row.pairing), row.metric.label(language), row.metric.valueText(row.target, language),
                 row.metric.valueText(row.actual, language), Ratio.percent(row.ratio), Self.mark(row.met, language),
                 row.weight.description, Self.percent(row.score)]
            })
        let summary = TextTable(
            columns: [.init(zh ? "对口合作关系" : "Pairing"), .init(zh ? "指标数" : "Targets", .right),
                      .init(zh ? "达标数" : "Met", .right), .init(zh ? "加权得分" : "Weighted score", .right),
                      .init(zh ? "等级" : "Grade")],
            rows: pairings.map {
                [name($0.pairing), String($0.metrics), String($0.met), Self.percent($0.score), $0.grade.label(language)]
            })
        let title = zh ? "\(year)年度工作计划成效评估" : "Evaluation of the \(year) work plans"
        let legend = zh
            ? "得分 = min(实际 ÷ 目标, 1)，目标为 0 时为 100%；加权得分为各指标得分的加权平均。等级：优秀 ≥ 90%，良好 ≥ 75%，合格 ≥ 60%，不合格 < 60%。\n"
            : "Score = min(actual ÷ target, 1), 100% when the target is 0; the weighted score is the weighted mean of the scores. Grades: excellent ≥ 90%, good ≥ 75%, pass ≥ 60%, fail < 60%.\n"
        return title + "\n\n" + targets.rendered() + "\n" + summary.rendered() + "\n" + legend
    }

    /// A score as a percentage with two decimals, the precision it is graded at: `89.99%`, `100.00%`.
    static func percent(_ score: Double) -> String {
        printfFormatted("%.2f%%", score * 100)
    }

    /// 达标 or 未达标 (met or not met), with a mark.
    static func mark(_ met: Bool, _ language: Language) -> String {
        switch (met, language) {
        case (true, .zh): "✓ 达标"
        case (false, .zh): "✗ 未达标"
        case (true, .en): "✓ met"
        case (false, .en): "✗ not met"
        }
    }
}
