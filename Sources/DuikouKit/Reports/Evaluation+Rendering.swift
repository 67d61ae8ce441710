extension Evaluation {
    /// The evaluation as the JSON object of the CLI contract: `year`, `rows` (pairing, metric, target,
    /// actual, ratio, met) and `pairings` (pairing, metrics, met, score). Targets and actual figures of
    /// investment metrics are integer yuan; ratio and score are rounded to four decimals, and ratio is
    /// `null` when the target is 0.
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
                ])
            })),
            (CodingKeys.pairings.stringValue, .array(pairings.map { summary in
                .object([
                    (ScoreKey.pairing.stringValue, .string(summary.pairing)), (ScoreKey.metrics.stringValue, .integer(Int64(summary.metrics))),
                    (ScoreKey.met.stringValue, .integer(Int64(summary.met))), (ScoreKey.score.stringValue, Ratio.json(summary.score)),
                ])
            })),
        ])
    }

    /// The targets as CSV: pairing, metric, target, actual, ratio, met.
    public var csv: String {
        CSVWriter.record(["pairing", "metric", "target", "actual", "ratio", "met"]) + rows.map { row in
            CSVWriter.record([row.pairing, row.metric.rawValue, String(row.target), String(row.actual), Ratio.csv(row.ratio), row.met ? "true" : "false"])
        }.joined()
    }

    /// The evaluation as two tables for a terminal, the targets and then a summary per pairing, with
    /// pairing names from `catalogue` in the given language.
    public func table(_ language: Language = .zh, catalogue: Catalogue) -> String {
        let zh = language == .zh
        let name = { (pairing: String) in catalogue.name(ofPairing: pairing, language) }
        let targets = TextTable(
            columns: [.init(zh ? "对口合作关系" : "Pairing"), .init(zh ? "指标" : "Metric"), .init(zh ? "目标" : "Target", .right),
                      .init(zh ? "实际" : "Actual", .right), .init(zh ? "完成率" : "Ratio", .right), .init(zh ? "达成" : "Met")],
            rows: rows.map { row in
                [name(row.pairing), row.metric.label(language), row.metric.valueText(row.target, language),
                 row.metric.valueText(row.actual, language), Ratio.percent(row.ratio), Self.mark(row.met, language)]
            })
        let summary = TextTable(
            columns: [.init(zh ? "对口合作关系" : "Pairing"), .init(zh ? "指标数" : "Targets", .right),
                      .init(zh ? "达成数" : "Met", .right), .init(zh ? "得分" : "Score", .right)],
            rows: pairings.map { [name($0.pairing), String($0.metrics), String($0.met), Ratio.percent($0.score)] })
        let title = zh ? "\(year)年度工作计划成效评估" : "Evaluation of the \(year) work plans"
        return title + "\n\n" + targets.rendered() + "\n" + summary.rendered()
    }

    static func mark(_ met: Bool, _ language: Language) -> String {
        switch (met, language) {
        case (true, .zh): "✓ 达成"
        case (false, .zh): "✗ 未达成"
        case (true, .en): "✓ met"
        case (false, .en): "✗ not met"
        }
    }
}
