extension Listing {
    /// Plan targets, with the pairing's name from `catalogue` in the given language. Targets of
    /// investment metrics are integer yuan in JSON and CSV and 亿元 in the table.
    public static func planTargets(_ targets: [PlanTarget], _ catalogue: Catalogue, _ language: Language = .zh) -> Listing {
        let zh = language == .zh
        return Listing(
            fields: [.init("pairing", "ID"), .init("pairing_name", zh ? "对口合作关系" : "Pairing"),
                     .init("year", zh ? "年度" : "Year"), .init("metric", zh ? "指标" : "Metric"),
                     .init("target", zh ? "目标" : "Target", .right), .init("revision", zh ? "修订" : "Revision", .right),
                     .init("previous", zh ? "原目标" : "Replaced", .right), .init("set_at", zh ? "设定时间" : "Set at")],
            rows: targets.map { target in
                [.text(target.pairing), .text(catalogue.name(ofPairing: target.pairing, language)),
                 Cell(.integer(Int64(target.year))),
                 Cell(.string(target.metric.rawValue), display: target.metric.label(language)),
                 Cell(.integer(target.target), display: target.metric.valueText(target.target, language)),
                 Cell(.integer(Int64(target.revision))),
                 Cell(.optional(target.previous), display: target.previous.map { target.metric.valueText($0, language) } ?? ""),
                 .text(target.setAt)]
            })
    }

    /// Entries of the audit log, oldest first.
    public static func auditEvents(_ events: [AuditEvent], _ language: Language = .zh) -> Listing {
        let zh = language == .zh
        return Listing(
            fields: [.init("seq", zh ? "序号" : "No.", .right), .init("at", zh ? "时间(UTC)" : "At (UTC)"),
                     .init("actor", zh ? "操作人" : "Actor"), .init("command", zh ? "命令" : "Command"),
                     .init("action", zh ? "操作" : "Action"), .init("record_kind", zh ? "记录类型" : "Record"),
                     .init("record_id", zh ? "记录" : "ID"), .init("summary", zh ? "变更内容" : "What changed")],
            rows: events.map { event in
                [Cell(.integer(event.seq)), .text(event.at), .text(event.actor), .text(event.command),
                 Cell(.string(event.action.rawValue), display: event.action.label(language)),
                 .text(event.recordKind), .text(event.recordID), .text(event.summary)]
            })
    }
}
