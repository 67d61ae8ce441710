extension Listing {
    /// The regions of a catalogue.
    public static func regions(_ catalogue: Catalogue, _ language: Language = .zh) -> Listing {
        let zh = language == .zh
        return Listing(
            fields: [.init(Region.CodingKeys.code, zh ? "代码" : "Code"), .init(Region.CodingKeys.nameZH, zh ? "名称" : "Chinese"),
                     .init(Region.CodingKeys.nameEN, zh ? "英文名" : "English"), .init(Region.CodingKeys.level, zh ? "级别" : "Level"),
                     .init(Region.CodingKeys.side, zh ? "地区" : "Side")],
            rows: catalogue.regions.map { region in
                [.text(region.code), .text(region.nameZH), .text(region.nameEN),
                 Cell(.string(region.level.rawValue), display: region.level.label(language)),
                 Cell(.string(region.side.rawValue), display: region.side.label(language))]
            })
    }

    /// The pairings of a catalogue, each after its parent, with their aliases (`aliases`, an array in
    /// JSON). The table names the parent pairing in `language`; JSON and CSV carry its id.
    public static func pairings(_ catalogue: Catalogue, _ language: Language = .zh) -> Listing {
        let zh = language == .zh
        typealias Key = Pairing.CodingKeys
        return Listing(
            fields: [.init(Key.id, "ID"), .init(Key.nameZH, zh ? "名称" : "Chinese name", inTable: zh),
                     .init(Key.nameEN, "Name", inTable: !zh), .init(Key.northeast, zh ? "东北方" : "Northeast"),
                     .init(Key.east, zh ? "东部方" : "East"), .init(Key.level, zh ? "级别" : "Level"),
                     .init(Key.status, zh ? "状态" : "Status"), .init(Key.parent, zh ? "上级" : "Parent"),
                     .init(Key.aliases, zh ? "简称/别名" : "Short names")],
            rows: catalogue.pairings.map { pairing in
                let aliases = catalogue.aliases(ofPairing: pairing.id)
                return [.text(pairing.id), .text(catalogue.name(ofPairing: pairing.id, .zh)), .text(catalogue.name(ofPairing: pairing.id, .en)),
                        .text(pairing.northeast), .text(pairing.east),
                        Cell(.string(pairing.level.rawValue), display: pairing.level.label(language)),
                        Cell(.string(pairing.status.rawValue), display: pairing.status.label(language)),
                        Cell(.optional(pairing.parent), display: pairing.parent.map { catalogue.name(ofPairing: $0, language) } ?? ""),
                        Cell(.array(aliases.map(JSONValue.string)), display: aliases.joined(separator: zh ? "、" : ", "))]
            })
    }

    /// The task areas and tasks of a catalogue, each area before its tasks.
    public static func tasks(_ catalogue: Catalogue, _ language: Language = .zh) -> Listing {
        let zh = language == .zh
        var rows: [[Cell]] = []
        for area in catalogue.areas {
            rows.append([.text(area.code), .text(TaskArea.kind), .text(nil), .text(area.nameZH), .text(area.nameEN),
                         Cell(.string(area.basis.rawValue), display: area.basis.label(language))])
            for task in catalogue.tasks where task.areaCode == area.code {
                rows.append([.text(task.code), .text(CooperationTask.kind), .text(task.areaCode),
                             Cell(.string(task.nameZH), display: "  " + task.nameZH), Cell(.string(task.nameEN), display: "  " + task.nameEN),
                             Cell(.string(task.basis.rawValue), display: task.basis.label(language))])
            }
        }
        return Listing(
            fields: [.init(TaskCodingKeys.code, zh ? "代码" : "Code"), .init(TaskCodingKeys.kind, "kind", inTable: false),
                     .init(TaskCodingKeys.area, "area", inTable: false), .init(TaskCodingKeys.nameZH, zh ? "名称" : "Chinese", inTable: zh),
                     .init(TaskCodingKeys.nameEN, zh ? "英文名" : "Name"), .init(TaskCodingKeys.basis, zh ? "依据" : "Basis")],
            rows: rows)
    }

    /// Projects, with their state as loaded (now, or as of a date). With a catalogue, the table names
    /// pairings in `language`; JSON and CSV always carry the pairing's id.
    public static func projects(_ projects: [Project], _ language: Language = .zh, catalogue: Catalogue? = nil) -> Listing {
        let zh = language == .zh
        let names = DisplayNames(catalogue, language)
        return Listing(fields: projectFields(zh), rows: projects.map { projectCells($0, language, names) })
    }

    static func projectFields(_ zh: Bool) -> [Field] {
        typealias Key = Project.CodingKeys
        return [
            .init(Key.id, "ID"), .init(Key.pairing, zh ? "对口合作关系" : "Pairing"), .init(Key.task, zh ? "任务" : "Task"),
            .init(Key.title, zh ? "项目名称" : "Title"), .init(Key.description, "description", inTable: false),
            .init(Key.northeastParty, "northeast_party", inTable: false), .init(Key.eastParty, "east_party", inTable: false),
            .init(Key.park, "park", inTable: false), .init(Key.landmark, zh ? "标志性" : "Landmark"),
            .init(Key.planned, zh ? "计划投资(亿元)" : "Planned (100m yuan)", .right),
            .init(Key.status, zh ? "状态" : "Status"), .init(Key.statusDate, zh ? "日期" : "Date"),
            .init(Key.firstDate, "first_date", inTable: false),
            .init(Key.completed, zh ? "完成投资(亿元)" : "Completed (100m yuan)", .right),
            .init(Key.plannedStart, "planned_start", inTable: false), .init(Key.plannedCompletion, "planned_completion", inTable: false),
        ]
    }

    static func projectCells(_ project: Project, _ language: Language, _ names: DisplayNames) -> [Cell] {
        [Cell(.string(project.id.key), display: String(project.id.key.prefix(8))),
         Cell(.string(project.pairing), display: names.pairing(project.pairing)), .text(project.task),
         .text(project.title), .text(project.description), .text(project.northeastParty), .text(project.eastParty),
         .text(project.park?.key), Cell(.bool(project.landmark), display: project.landmark ? "★" : ""),
         Cell(.optional(project.planned?.yuan), display: MoneyText.yi(project.planned)),
         Cell(.string(project.status.rawValue), display: project.status.label(language)),
         .text(project.statusDate.description), .text(project.firstDate.description),
         Cell(.integer(project.completed.yuan), display: MoneyText.yi(project.completed)),
         .text(project.plannedStart?.description), .text(project.plannedCompletion?.description)]
    }

    /// Parks with the roll-up of their projects. With a catalogue, the table names pairings and host
    /// regions in `language`; JSON and CSV always carry the id and the code.
    public static func parks(_ parks: [Park], _ language: Language = .zh, catalogue: Catalogue? = nil) -> Listing {
        let zh = language == .zh
        let names = DisplayNames(catalogue, language)
        typealias Key = Park.CodingKeys
        return Listing(
            fields: [.init(Key.id, "ID"), .init(Key.name, zh ? "园区" : "Park"), .init(Key.pairing, zh ? "对口合作关系" : "Pairing"),
                     .init(Key.kind, zh ? "类型" : "Kind"), .init(Key.projects, zh ? "项目" : "Projects", .right),
                     .init(Key.plannedInvestment, zh ? "计划投资(亿元)" : "Planned (100m yuan)", .right),
                     .init(Key.completedInvestment, zh ? "完成投资(亿元)" : "Completed (100m yuan)", .right),
                     .init(Key.hostRegion, zh ? "所在地" : "Host"), .init(Key.partner, "partner", inTable: false),
                     .init(Key.established, zh ? "设立" : "Established"),
                     .init(Key.plannedArea, zh ? "规划面积(km²)" : "Area (km²)", .right),
                     .init(Key.benefitSharing, "benefit_sharing", inTable: false)],
            rows: parks.map { park in
                [Cell(.string(park.id.key), display: String(park.id.key.prefix(8))), .text(park.name),
                 Cell(.string(park.pairing), display: names.pairing(park.pairing)),
                 Cell(.string(park.kind.rawValue), display: park.kind.label(language)), Cell(.integer(Int64(park.projects))),
                 Cell(.integer(park.plannedInvestment.yuan), display: MoneyText.yi(park.plannedInvestment)),
                 Cell(.integer(park.completedInvestment.yuan), display: MoneyText.yi(park.completedInvestment)),
                 Cell(.optional(park.hostRegion), display: park.hostRegion.map(names.region) ?? ""), .text(park.partner), .text(park.established?.description),
                 Cell(park.plannedArea.map { .number($0.km2Text) } ?? .null, display: park.plannedArea?.km2Text ?? ""),
                 .text(park.benefitSharing)]
            })
    }

    /// Cadre exchanges. With a catalogue, the table names pairings in `language`; JSON and CSV always
    /// carry the pairing's id. `redactingPeople` leaves the seconded persons' names out (the field stays, empty).
    /// The table shows each record's participants with their unit, 人 for a secondment and 人次 for
    /// training, as the two are never added together.
    public static func exchanges(
        _ exchanges: [CadreExchange], _ language: Language = .zh, catalogue: Catalogue? = nil, redactingPeople: Bool = false
    ) -> Listing {
        let zh = language == .zh
        let names = DisplayNames(catalogue, language)
        typealias Key = CadreExchange.CodingKeys
        return Listing(
            fields: [.init(Key.id, "ID"), .init(Key.pairing, zh ? "对口合作关系" : "Pairing"), .init(Key.direction, zh ? "方向" : "Direction"),
                     .init(Key.kind, zh ? "类型" : "Kind"), .init(Key.participants, zh ? "人数/人次" : "Participants", .right),
                     .init(Key.start, zh ? "开始" : "Start"), .init(Key.end, zh ? "结束" : "End"),
                     .init(Key.person, zh ? "姓名" : "Person"), .init(Key.fromOrg, zh ? "派出单位" : "From"),
                     .init(Key.toOrg, zh ? "接收单位" : "To"), .init(Key.post, zh ? "职务" : "Post")],
            rows: exchanges.map { exchange in
                [Cell(.string(exchange.id.key), display: String(exchange.id.key.prefix(8))),
                 Cell(.string(exchange.pairing), display: names.pairing(exchange.pairing)),
                 Cell(.string(exchange.direction.rawValue), display: exchange.direction.label(language)),
                 Cell(.string(exchange.kind.rawValue), display: exchange.kind.label(language)),
                 Cell(.integer(Int64(exchange.participants)), display: "\(exchange.participants) \(exchange.kind.unit(language))"),
                 .text(exchange.start.description), .text(exchange.end?.description),
                 .text(redactingPeople ? nil : exchange.person), .text(exchange.fromOrg), .text(exchange.toOrg), .text(exchange.post)]
            })
    }
}

extension ProjectHistory {
    /// The project as one JSON object: its fields (its park's name as `park_name` after `park`), its
    /// current `status`, its `history`, oldest first, and its `plan_revisions`, oldest first.
    public var json: JSONValue {
        guard case .object(let fields) = Listing.projects([project]).json.firstElement else { return .null }
        var members: [(String, JSONValue)] = []
        for member in fields {
            members.append(member)
            if member.0 == Project.CodingKeys.park.stringValue { members.append((CodingKeys.parkName.stringValue, .optional(parkName))) }
        }
        typealias Key = ProgressUpdate.CodingKeys
        let entry = { (update: ProgressUpdate) -> JSONValue in
            .object([(Key.sequence.stringValue, .integer(Int64(update.sequence))), (Key.date.stringValue, .string(update.date.description)),
                     (Key.status.stringValue, .string(update.status.rawValue)), (Key.completed.stringValue, .integer(update.completed.yuan)),
                     (Key.note.stringValue, .optional(update.note)), (Key.recordedAt.stringValue, .string(update.recordedAt)),
                     (Key.reason.stringValue, .optional(update.reason)), (Key.supersededAt.stringValue, .optional(update.supersededAt)),
                     (Key.unchanged.stringValue, .bool(update.unchanged))])
        }
        return .object(members + [
            (CodingKeys.history.stringValue, .array(updates.map(entry))),
            (CodingKeys.superseded.stringValue, .array(superseded.map(entry))),
            (CodingKeys.voidedAt.stringValue, .optional(voided?.at)),
            (CodingKeys.voidReason.stringValue, .optional(voided?.reason)),
            (CodingKeys.planRevisions.stringValue, .array(planRevisions.map(\.json))),
        ])
    }

    /// The project and its history as text for a terminal: the park by its name (and the first eight
    /// characters of its id); with a catalogue, the pairing and the task named in `language`.
    public func table(_ language: Language = .zh, catalogue: Catalogue? = nil) -> String {
        let zh = language == .zh
        let names = DisplayNames(catalogue, language)
        let p = project
        let fields: [(String, String)] = [
            ("ID", p.id.key), (zh ? "项目名称" : "Title", p.title), (zh ? "对口合作关系" : "Pairing", names.pairing(p.pairing)),
            (zh ? "任务" : "Task", names.task(p.task)), (zh ? "状态" : "Status", "\(p.status.label(language)) (\(p.statusDate))"),
            (zh ? "计划总投资" : "Planned", p.planned?.description ?? "-"),
            (zh ? "计划开工日期" : "Planned start", p.plannedStart?.description ?? "-"),
            (zh ? "计划竣工日期" : "Planned completion", p.plannedCompletion?.description ?? "-"),
            (zh ? "累计完成投资" : "Completed", p.completed.description),
            (zh ? "标志性" : "Landmark", p.landmark ? (zh ? "是" : "yes") : (zh ? "否" : "no")),
            (zh ? "东北方" : "Northeast party", p.northeastParty ?? "-"), (zh ? "东部方" : "East party", p.eastParty ?? "-"),
            (zh ? "园区" : "Park", p.park.map { park in parkName.map { "\($0) (\(park.key.prefix(8)))" } ?? park.key } ?? "-"), (zh ? "项目简介" : "Description", p.description ?? "-"),
        ]
        let head = TextTable(columns: [.init(zh ? "字段" : "Field"), .init(zh ? "值" : "Value")], rows: fields.map { [$0.0, $0.1] })
        let columns: [TextTable.Column] = [
            .init("#", .right), .init(zh ? "日期" : "Date"), .init(zh ? "状态" : "Status"),
            .init(zh ? "累计完成投资" : "Completed", .right), .init(zh ? "备注" : "Note"),
        ]
        let cells = { (update: ProgressUpdate) in
            [String(update.sequence), update.date.description, update.status.label(language), update.completed.description,
             update.unchanged ? [zh ? "无变化" : "unchanged", update.note].compactMap { $0 }.joined(separator: "；") : update.note ?? ""]
        }
        let history = TextTable(
            columns: columns + [.init(zh ? "更正原因" : "Corrected because")],
            rows: updates.map { cells($0) + [$0.reason ?? ""] })
        var out = head.rendered() + "\n" + history.rendered()
        if !superseded.isEmpty {
            let replaced = TextTable(columns: columns + [.init(zh ? "被更正于" : "Superseded at")], rows: superseded.map { cells($0) + [$0.supersededAt ?? ""] })
            out += "\n" + (zh ? "已被更正的原记录" : "Updates superseded by corrections") + "\n" + replaced.rendered()
        }
        if !planRevisions.isEmpty {
            let revisions = TextTable(
                columns: [.init("#", .right), .init(zh ? "计划总投资" : "Planned", .right), .init(zh ? "计划开工" : "Start"),
                          .init(zh ? "计划竣工" : "Completion"), .init(zh ? "原因" : "Reason"), .init(zh ? "记录时间" : "Recorded")],
                rows: planRevisions.map { revision in
                    [String(revision.sequence), revision.planned?.description ?? "-", revision.plannedStart?.description ?? "-",
                     revision.plannedCompletion?.description ?? "-", revision.reason, revision.recordedAt]
                })
            out += "\n" + revisions.rendered()
        }
        if let voided {
            out = (zh ? "已作废（\(voided.at)）：\(voided.reason)" : "Voided (\(voided.at)): \(voided.reason)") + "\n" + out
        }
        return out
    }
}

extension PlanRevision {
    /// The revision as one entry of `plan_revisions`, with the keys of its `Codable` form.
    var json: JSONValue {
        .object([
            (CodingKeys.sequence.stringValue, .integer(Int64(sequence))), (CodingKeys.planned.stringValue, .optional(planned?.yuan)),
            (CodingKeys.plannedStart.stringValue, .optional(plannedStart?.description)),
            (CodingKeys.plannedCompletion.stringValue, .optional(plannedCompletion?.description)),
            (CodingKeys.previousPlanned.stringValue, .optional(previousPlanned?.yuan)),
            (CodingKeys.previousPlannedStart.stringValue, .optional(previousPlannedStart?.description)),
            (CodingKeys.previousPlannedCompletion.stringValue, .optional(previousPlannedCompletion?.description)),
            (CodingKeys.reason.stringValue, .string(reason)), (CodingKeys.recordedAt.stringValue, .string(recordedAt)),
        ])
    }
}

extension JSONValue {
    var firstElement: JSONValue? {
        if case .array(let items) = self { return items.first }
        return nil
    }
}
