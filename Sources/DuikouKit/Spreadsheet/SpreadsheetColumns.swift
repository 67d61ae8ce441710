/// How a value of the machine export reads in a spreadsheet for people.
enum CellRole: Hashable {
    /// Text as it is.
    case text
    /// A pairing id, shown by name (`辽宁省—江苏省`).
    case pairing
    /// A task code, shown with its name (`2.2 培育新兴产业`).
    case task
    /// A region code, shown by name where it is one.
    case region
    /// An amount in yuan, shown as a number in 万元.
    case wan
    /// A date, shown as a date cell.
    case date
    /// A whole or decimal number.
    case number
    /// A yes/no flag: 是/否.
    case flag
    /// A keyword of a vocabulary, shown by its label.
    case project, park, direction, exchange, meeting, funding
}

/// A column of a spreadsheet for people: its headers in both languages (naming the unit) and how
/// its values read.
struct PeopleColumn {
    let key: String
    let headerZH: String
    let headerEN: String
    let role: CellRole
    let width: Int

    init(_ key: String, _ headerZH: String, _ headerEN: String, _ role: CellRole = .text, width: Int? = nil) {
        self.key = key
        self.headerZH = headerZH
        self.headerEN = headerEN
        self.role = role
        self.width = width ?? Self.defaultWidth(role, headerZH.displayWidth)
    }

    private static func defaultWidth(_ role: CellRole, _ header: Int) -> Int {
        let content = switch role {
        case .text: 30
        case .pairing: 24
        case .task: 22
        case .wan: 16
        case .date: 12
        case .number, .flag: 8
        case .region: 14
        case .project, .park, .direction, .exchange, .meeting, .funding: 10
        }
        return max(content, header + 2)
    }

    func header(_ language: Language) -> String { language == .zh ? headerZH : headerEN }

    func sheetColumn(_ language: Language) -> SheetColumn { SheetColumn(key: key, header: header(language), width: width) }

    /// The cell of an exported value.
    func cell(_ value: ExportValue, _ names: DisplayNames, _ language: Language) throws -> SheetCell {
        switch value {
        case .yuan(let yuan): return yuan.map { .wan($0) } ?? .empty
        case .integer(let number): return number.map { .number(String($0)) } ?? .empty
        case .decimal(let text): return text.map { .number($0) } ?? .empty
        case .flag(let flag): return .text(language == .zh ? (flag ? "是" : "否") : (flag ? "yes" : "no"))
        case .text(nil): return .empty
        case .text(let text?):
            switch role {
            case .text, .wan, .number, .flag: return .text(text)
            case .pairing: return .text(names.pairing(text))
            case .task: return .text(names.task(text))
            case .region: return .text(names.region(text))
            case .date: return .date(try LocalDate(parsing: text, field: key))
            case .project: return .text(try ProjectStatus(parsing: text, field: key).label(language))
            case .park: return .text(try ParkKind(parsing: text, field: key).label(language))
            case .direction: return .text(try ExchangeDirection(parsing: text, field: key).label(language))
            case .exchange: return .text(try ExchangeKind(parsing: text, field: key).label(language))
            case .meeting: return .text(try MeetingKind(parsing: text, field: key).label(language))
            case .funding: return .text(try FundingSource(parsing: text, field: key).label(language))
            }
        }
    }
}

extension SheetCell {
    /// The cell as a field of CSV for people: amounts as decimal numbers in 万元, dates `YYYY-MM-DD`.
    var csv: String {
        switch self {
        case .empty, .blank: ""
        case .text(let text), .number(let text): text
        case .wan(let yuan): SheetXML.wan(yuan)
        case .date(let date): date.description
        case .percent(let rate): Ratio.spreadsheetPercent(rate)
        }
    }
}

extension InterchangeKind {
    /// The columns of the kind's sheet for people, in the order of ``columns``.
    var peopleColumns: [PeopleColumn] {
        switch self {
        case .projects:
            [.init("id", "项目编号", "ID", width: 38), .init("pairing", "对口合作关系", "Pairing", .pairing), .init("task", "任务", "Task", .task),
             .init("title", "项目名称", "Title"), .init("status", "状态", "Status", .project), .init("date", "状态日期", "Status date", .date),
             .init("planned", "计划总投资（万元）", "Planned investment (10,000 yuan)", .wan),
             .init("completed", "累计完成投资（万元）", "Completed investment (10,000 yuan)", .wan),
             .init("northeast_party", "东北方", "Northeast party"), .init("east_party", "东部方", "East party"),
             .init("park", "园区编号", "Park ID", width: 38), .init("landmark", "标志性", "Landmark", .flag),
             .init("description", "项目简介", "Description"), .init("reached", "已达阶段", "Reached", .project),
             .init("planned_start", "计划开工日期", "Planned start", .date), .init("planned_completion", "计划竣工日期", "Planned completion", .date)]
        case .updates:
            [.init("project", "项目编号", "Project ID", width: 38), .init("date", "日期", "Date", .date), .init("status", "状态", "Status", .project),
             .init("completed", "累计完成投资（万元）", "Completed investment (10,000 yuan)", .wan), .init("note", "备注", "Note")]
        case .parks:
            [.init("id", "园区编号", "ID", width: 38), .init("pairing", "对口合作关系", "Pairing", .pairing), .init("name", "园区名称", "Name"),
             .init("kind", "类型", "Kind", .park), .init("host_region", "所在地区", "Host region", .region), .init("partner", "合作方", "Partner"),
             .init("established", "设立日期", "Established", .date),
             .init("planned_area_km2", "规划面积（平方公里）", "Planned area (km²)", .number),
             .init("benefit_sharing", "利益分享", "Benefit sharing")]
        case .exchanges:
            [.init("id", "编号", "ID", width: 38), .init("pairing", "对口合作关系", "Pairing", .pairing),
             .init("direction", "方向", "Direction", .direction), .init("kind", "类型", "Kind", .exchange),
             .init("start", "开始日期", "Start", .date), .init("end", "结束日期", "End", .date), .init("participants", "人数", "Participants", .number),
             .init("person", "姓名", "Person"), .init("from_org", "派出单位", "From"), .init("to_org", "接收单位", "To"), .init("post", "职务", "Post")]
        case .reforms:
            [.init("id", "编号", "ID", width: 38), .init("pairing", "对口合作关系", "Pairing", .pairing), .init("title", "举措名称", "Title"),
             .init("source", "经验来源", "Source"), .init("adopted_by", "复制推广地区", "Adopted by", .region), .init("date", "日期", "Date", .date),
             .init("task", "任务", "Task", .task), .init("policies", "政策数", "Policies", .number)]
        case .meetings:
            [.init("id", "编号", "ID", width: 38), .init("pairing", "对口合作关系", "Pairing", .pairing), .init("kind", "类型", "Kind", .meeting),
             .init("date", "日期", "Date", .date), .init("place", "地点", "Place"), .init("level", "级别", "Level"),
             .init("participants", "人数", "Participants", .number), .init("outcomes", "成果", "Outcomes")]
        case .funding:
            [.init("id", "编号", "ID", width: 38), .init("project", "项目编号", "Project ID", width: 38), .init("pairing", "对口合作关系", "Pairing", .pairing),
             .init("source", "资金来源", "Source", .funding), .init("amount", "金额（万元）", "Amount (10,000 yuan)", .wan),
             .init("date", "日期", "Date", .date), .init("note", "备注", "Note")]
        }
    }

    /// The name of the kind's sheet.
    func sheetName(_ language: Language) -> String { language == .zh ? labelZH : labelEN }
}
