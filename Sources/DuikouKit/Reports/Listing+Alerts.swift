extension Listing {
    /// Early warnings: `project, pairing, rule, level, since, days, message_zh, message_en`. The table
    /// names each project by its title (with the first eight characters of its id) and its pairing in
    /// `language`, and shows the message in that language; JSON and CSV carry the ids and both messages.
    public static func alerts(_ alerts: [Alert], _ language: Language = .zh, catalogue: Catalogue? = nil) -> Listing {
        let zh = language == .zh
        let names = DisplayNames(catalogue, language)
        typealias Key = Alert.CodingKeys
        return Listing(
            fields: [.init(Key.project, zh ? "项目" : "Project"), .init(Key.pairing, zh ? "对口合作关系" : "Pairing"),
                     .init(Key.rule, zh ? "规则" : "Rule"), .init(Key.level, zh ? "预警" : "Level"),
                     .init(Key.since, zh ? "起算日期" : "Since"), .init(Key.days, zh ? "天数" : "Days", .right),
                     .init(Key.messageZH, "说明", inTable: zh), .init(Key.messageEN, "Message", inTable: !zh)],
            count: alerts.count,
            row: { index in
                let alert = alerts[index]
                let id = alert.project.key
                return [Cell(.string(id), display: alert.title.map { "\($0) (\(id.prefix(8)))" } ?? String(id.prefix(8))),
                        Cell(.string(alert.pairing), display: names.pairing(alert.pairing)),
                        Cell(.string(alert.rule.rawValue), display: alert.rule.label(language)),
                        Cell(.string(alert.level.rawValue), display: alert.level.label(language)),
                        .text(alert.since.description), Cell(.integer(Int64(alert.days))),
                        .text(alert.messageZH), .text(alert.messageEN)]
            })
    }
}
