extension Listing {
    /// Plan targets, with the pairing's name from `catalogue` in the given language. Targets of
    /// investment metrics are integer yuan in JSON and CSV and 亿元 in the table; weights are exact
    /// numbers; `set_at` is China Standard Time with its offset.
    public static func planTargets(_ targets: [PlanTarget], _ catalogue: Catalogue, _ language: Language = .zh) -> Listing {
        let zh = language == .zh
        typealias Key = PlanTarget.CodingKeys
        return Listing(
            fields: [.init(Key.pairing, "ID"), .init(Key.pairingName, zh ? "对口合作关系" : "Pairing"),
                     .init(Key.year, zh ? "年度" : "Year"), .init(Key.metric, zh ? "指标" : "Metric"),
                     .init(Key.target, zh ? "目标" : "Target", .right), .init(Key.weight, zh ? "权重" : "Weight", .right),
                     .init(Key.revision, zh ? "修订" : "Revision", .right),
                     .init(Key.previous, zh ? "原目标" : "Replaced", .right), .init(Key.setAt, zh ? "设定时间" : "Set at")],
            rows: targets.map { target in
                [.text(target.pairing), .text(catalogue.name(ofPairing: target.pairing, language)),
                 Cell(.integer(Int64(target.year))),
                 Cell(.string(target.metric.rawValue), display: target.metric.label(language)),
                 Cell(.integer(target.target), display: target.metric.valueText(target.target, language)),
                 Cell(.number(target.weight.description)), Cell(.integer(Int64(target.revision))),
                 Cell(.optional(target.previous), display: target.previous.map { target.metric.valueText($0, language) } ?? ""),
                 .text(target.setAt)]
            })
    }

    /// Entries of the audit log, oldest first, each with its time in China Standard Time and its offset.
    public static func auditEvents(_ events: [AuditEvent], _ language: Language = .zh) -> Listing {
        let zh = language == .zh
        typealias Key = AuditEvent.CodingKeys
        return Listing(
            fields: [.init(Key.seq, zh ? "序号" : "No.", .right), .init(Key.at, zh ? "时间(北京时间)" : "At (UTC+8)"),
                     .init(Key.actor, zh ? "操作人" : "Actor"), .init(Key.command, zh ? "命令" : "Command"),
                     .init(Key.action, zh ? "操作" : "Action"), .init(Key.recordKind, zh ? "记录类型" : "Record"),
                     .init(Key.recordID, zh ? "记录" : "ID"), .init(Key.summary, zh ? "变更内容" : "What changed")],
            rows: events.map { event in
                [Cell(.integer(event.seq)), .text(event.at), .text(event.actor), .text(event.command),
                 Cell(.string(event.action.rawValue), display: event.action.label(language)),
                 .text(event.recordKind), .text(event.recordID), .text(event.summary)]
            })
    }
}
