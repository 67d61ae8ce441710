/// The kinds of record that are imported from and exported to files.
public enum InterchangeKind: String, Keyword {
    /// Cooperation projects, one row each with its current state.
    case projects
    /// Progress updates, one row each, oldest first per project.
    case updates
    /// Co-built parks.
    case parks
    /// Cadre exchanges.
    case exchanges
    /// Reform measures copied from the East.
    case reforms
    /// Meetings and visits.
    case meetings
    /// Funding of projects and pairings.
    case funding

    /// The Chinese label.
    public var labelZH: String {
        switch self {
        case .projects: "项目"
        case .updates: "进展"
        case .parks: "园区"
        case .exchanges: "干部交流"
        case .reforms: "改革举措"
        case .meetings: "会议互访"
        case .funding: "资金支持"
        }
    }

    /// The English label.
    public var labelEN: String { rawValue }

    /// The kind of record the file's rows add or correct: an updates file adds to projects' histories.
    var recordKind: RecordKind {
        switch self {
        case .projects, .updates: .project
        case .parks: .park
        case .exchanges: .exchange
        case .reforms: .reform
        case .meetings: .meeting
        case .funding: .funding
        }
    }

    /// The file's columns in their export order.
    public var columns: [InterchangeColumn] {
        switch self {
        case .projects:
            [.init("id", "项目编号"), .init("pairing", "对口合作关系", required: true), .init("task", "任务", required: true),
             .init("title", "项目名称", required: true), .init("status", "状态"), .init("date", "日期"),
             .init("planned", "计划总投资"), .init("completed", "累计完成投资"), .init("northeast_party", "东北方"),
             .init("east_party", "东部方"), .init("park", "园区"), .init("landmark", "标志性"), .init("description", "项目简介"),
             .init("reached", "已达阶段"), .init("planned_start", "计划开工日期"), .init("planned_completion", "计划竣工日期")]
        case .updates:
            [.init("project", "项目编号", required: true), .init("date", "日期", required: true), .init("status", "状态"),
             .init("completed", "累计完成投资"), .init("note", "备注")]
        case .parks:
            [.init("id", "园区编号"), .init("pairing", "对口合作关系", required: true), .init("name", "园区名称", required: true),
             .init("kind", "类型"), .init("host_region", "所在地区"), .init("partner", "合作方"), .init("established", "设立日期"),
             .init("planned_area_km2", "规划面积"), .init("benefit_sharing", "利益分享")]
        case .exchanges:
            [.init("id", "编号"), .init("pairing", "对口合作关系", required: true), .init("direction", "方向", required: true),
             .init("kind", "类型", required: true), .init("start", "开始日期", required: true), .init("end", "结束日期"),
             .init("participants", "人数"), .init("person", "姓名"), .init("from_org", "派出单位"), .init("to_org", "接收单位"),
             .init("post", "职务")]
        case .reforms:
            [.init("id", "编号"), .init("pairing", "对口合作关系", required: true), .init("title", "举措名称", required: true),
             .init("source", "经验来源"), .init("adopted_by", "复制推广地区"), .init("date", "日期", required: true),
             .init("task", "任务"), .init("policies", "政策数")]
        case .meetings:
            [.init("id", "编号"), .init("pairing", "对口合作关系", required: true), .init("kind", "类型", required: true),
             .init("date", "日期", required: true), .init("place", "地点"), .init("level", "级别"), .init("participants", "人数"),
             .init("outcomes", "成果")]
        case .funding:
            [.init("id", "编号"), .init("project", "项目编号"), .init("pairing", "对口合作关系"),
             .init("source", "资金来源", required: true), .init("amount", "金额", required: true), .init("date", "日期", required: true),
             .init("note", "备注")]
        }
    }
}

/// A column of an interchange file: its English header, its Chinese header and whether it is required.
public struct InterchangeColumn: Sendable, Hashable {
    /// The English header, also the JSON Lines key.
    public let key: String
    /// The Chinese header accepted on import.
    public let headerZH: String
    /// Whether every row must give a value.
    public let required: Bool

    init(_ key: String, _ headerZH: String, required: Bool = false) {
        self.key = key
        self.headerZH = headerZH
        self.required = required
    }
}
