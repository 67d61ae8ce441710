extension Listing {
    /// Reform measures copied from the East: `id, pairing, title, source, adopted_by, date, task,
    /// policies`. With a catalogue, the table names pairings and adopting regions in `language`;
    /// JSON and CSV always carry the pairing's id and the region's code.
    public static func reforms(_ reforms: [ReformMeasure], _ language: Language = .zh, catalogue: Catalogue? = nil) -> Listing {
        let zh = language == .zh
        let names = DisplayNames(catalogue, language)
        typealias Key = ReformMeasure.CodingKeys
        return Listing(
            fields: [.init(Key.id, "ID"), .init(Key.pairing, zh ? "对口合作关系" : "Pairing"), .init(Key.title, zh ? "举措名称" : "Measure"),
                     .init(Key.source, zh ? "经验来源" : "Source"), .init(Key.adoptedBy, zh ? "复制推广地区" : "Adopted by"),
                     .init(Key.date, zh ? "日期" : "Date"), .init(Key.task, zh ? "任务" : "Task"),
                     .init(Key.policies, zh ? "政策数" : "Policies", .right)],
            rows: reforms.map { reform in
                [Cell(.string(reform.id.key), display: String(reform.id.key.prefix(8))),
                 Cell(.string(reform.pairing), display: names.pairing(reform.pairing)), .text(reform.title), .text(reform.source),
                 Cell(.string(reform.adoptedBy), display: names.region(reform.adoptedBy)), .text(reform.date.description),
                 .text(reform.task), Cell(.integer(Int64(reform.policies)))]
            })
    }

    /// Meetings and visits: `id, pairing, kind, date, place, level, participants, outcomes` (the
    /// table leaves the outcomes to JSON and CSV). With a catalogue, the table names pairings in
    /// `language`; JSON and CSV always carry the pairing's id and the kind's key.
    public static func meetings(_ meetings: [Meeting], _ language: Language = .zh, catalogue: Catalogue? = nil) -> Listing {
        let zh = language == .zh
        let names = DisplayNames(catalogue, language)
        typealias Key = Meeting.CodingKeys
        return Listing(
            fields: [.init(Key.id, "ID"), .init(Key.pairing, zh ? "对口合作关系" : "Pairing"), .init(Key.kind, zh ? "类型" : "Kind"),
                     .init(Key.date, zh ? "日期" : "Date"), .init(Key.place, zh ? "地点" : "Place"), .init(Key.level, zh ? "级别" : "Level"),
                     .init(Key.participants, zh ? "人数" : "Participants", .right), .init(Key.outcomes, "outcomes", inTable: false)],
            rows: meetings.map { meeting in
                [Cell(.string(meeting.id.key), display: String(meeting.id.key.prefix(8))),
                 Cell(.string(meeting.pairing), display: names.pairing(meeting.pairing)),
                 Cell(.string(meeting.kind.rawValue), display: meeting.kind.label(language)), .text(meeting.date.description),
                 .text(meeting.place), .text(meeting.level), Cell(.optional(meeting.participants.map(Int64.init))),
                 .text(meeting.outcomes)]
            })
    }

    /// Funding: `id, project, project_title, pairing, source, amount_yuan, date, note`; `project`
    /// and `project_title` are empty for a pairing's funding, and `pairing` is the pairing it counts
    /// for. The table shows amounts in 万元, the project by its title and, with a catalogue,
    /// pairings in `language`; JSON and CSV carry integer yuan, ids and the source's key.
    public static func funding(_ funding: [Funding], _ language: Language = .zh, catalogue: Catalogue? = nil) -> Listing {
        let zh = language == .zh
        let names = DisplayNames(catalogue, language)
        typealias Key = Funding.CodingKeys
        return Listing(
            fields: [.init(Key.id, "ID"), .init(Key.project, zh ? "项目编号" : "Project id"), .init(Key.projectTitle, zh ? "项目" : "Project"),
                     .init(Key.pairing, zh ? "对口合作关系" : "Pairing"),
                     .init(Key.source, zh ? "资金来源" : "Source"), .init(Key.amount, zh ? "金额(万元)" : "Amount (10k yuan)", .right),
                     .init(Key.date, zh ? "日期" : "Date"), .init(Key.note, zh ? "备注" : "Note")],
            rows: funding.map { funding in
                [Cell(.string(funding.id.key), display: String(funding.id.key.prefix(8))),
                 Cell(.optional(funding.project?.key), display: funding.project.map { String($0.key.prefix(8)) } ?? ""),
                 .text(funding.projectTitle),
                 Cell(.string(funding.pairing), display: names.pairing(funding.pairing)),
                 Cell(.string(funding.source.rawValue), display: funding.source.label(language)),
                 Cell(.integer(funding.amount.yuan), display: MoneyText.wan(funding.amount)), .text(funding.date.description),
                 .text(funding.note)]
            })
    }
}
