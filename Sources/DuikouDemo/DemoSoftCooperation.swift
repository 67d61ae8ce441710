import DuikouKit

/// The plan's soft cooperation in the demo: reform measures copied from the East, joint meetings,
/// leaders' visits and matchmaking, and funding. Institutional reform (area 1) lives here rather
/// than in large projects.
enum DemoSoftCooperation {
    /// Reforms the Northeast copied from its partners: (title, task, most policies).
    static let reforms: [(title: String, task: String, policies: Int)] = [
        ("“放管服”改革经验", "1.1", 12), ("商事登记“秒批”改革", "1.1", 6), ("“最多跑一次”改革", "1.5", 15),
        ("营商环境评价指标体系", "1.1", 8), ("工程建设项目审批制度改革", "1.5", 10), ("“一网通办”政务服务", "1.1", 9),
        ("“标准地”出让制度", "1.5", 5), ("自贸试验区制度创新成果", "1.5", 20), ("国有企业混合所有制改革做法", "1.2", 4),
        ("民营企业服务“店小二”机制", "1.3", 6), ("开发区“管委会+公司”体制", "1.5", 3), ("跨境电商综合试验区监管模式", "1.4", 7),
    ]

    struct Records {
        var reforms: [NewReformMeasure] = []
        var meetings: [NewMeeting] = []
        var funding: [NewFunding] = []
    }

    /// Records for every pairing of `plans`, the partner named from `catalogue`; funding goes to
    /// some of `projects` and to the pairings themselves.
    static func records(
        for plans: [DemoCatalogue.PairingPlan], catalogue: Catalogue, projects: [NewProject], using random: inout SeededGenerator
    ) throws -> Records {
        var records = Records()
        for plan in plans {
            guard let pairing = catalogue.pairing(plan.pairing) else { continue }
            let partner = pairing.east.flatMap { catalogue.region($0)?.nameZH } ?? "东部地区"
            let place = catalogue.region(pairing.northeast)?.nameZH ?? plan.northeastCity
            if plan.exploring {
                try exploring(plan, place: place, into: &records, using: &random)
                continue
            }
            let provincial = pairing.level == .province
            for year in 2017...2024 {
                for _ in 0..<Int.random(in: provincial ? 1...3 : 0...1, using: &random) {
                    let reform = reforms.randomElement(using: &random) ?? reforms[0]
                    records.reforms.append(try NewReformMeasure(
                        id: random.uuid(), pairing: plan.pairing, title: "复制推广\(partner)\(reform.title)", source: partner,
                        date: try date(in: year, using: &random), task: reform.task, policies: Int.random(in: 1...reform.policies, using: &random)))
                }
                if provincial {
                    records.meetings.append(try NewMeeting(
                        id: random.uuid(), pairing: plan.pairing, kind: .jointMeeting, date: try date(in: year, using: &random),
                        place: year.isMultiple(of: 2) ? place : partner, level: "省级", participants: Int.random(in: 40...120, using: &random),
                        outcomes: "示例：审议年度工作计划，签署合作协议\(Int.random(in: 2...12, using: &random))项"))
                }
                if year.isMultiple(of: 2) || !provincial {
                    records.meetings.append(try NewMeeting(
                        id: random.uuid(), pairing: plan.pairing, kind: .leadersVisit, date: try date(in: year, using: &random),
                        place: Bool.random(using: &random) ? place : partner, level: provincial ? "省级" : "市级",
                        participants: Int.random(in: 10...40, using: &random), outcomes: "示例：高层互访，推动重点项目对接"))
                }
                for _ in 0..<Int.random(in: 1...3, using: &random) {
                    records.meetings.append(try NewMeeting(
                        id: random.uuid(), pairing: plan.pairing, kind: .matchmaking, date: try date(in: year, using: &random),
                        place: Bool.random(using: &random) ? place : partner, level: "部门",
                        participants: Int.random(in: 30...300, using: &random),
                        outcomes: "示例：产业对接会，达成合作意向\(Int.random(in: 3...25, using: &random))项"))
                }
                if Int.random(in: 0..<3, using: &random) == 0 {
                    records.funding.append(try NewFunding(
                        id: random.uuid(), recipient: .pairing(plan.pairing), source: .specialFund,
                        amount: try Money(yuan: Int64.random(in: 5...50, using: &random) * 1_000_000),
                        date: try date(in: year, using: &random), note: "示例：对口合作专项资金"))
                }
            }
            try projectFunding(plan, projects: projects, into: &records, using: &random)
        }
        return records
    }

    /// Central-budget investment and bank loans for some of a pairing's larger projects.
    private static func projectFunding(
        _ plan: DemoCatalogue.PairingPlan, projects: [NewProject], into records: inout Records, using random: inout SeededGenerator
    ) throws {
        let large = projects.filter { $0.pairing == plan.pairing && ($0.planned?.yuan ?? 0) >= 1_000_000_000 }
        for project in large where Int.random(in: 0..<4, using: &random) == 0 {
            let planned = project.planned?.yuan ?? 0
            let central = Bool.random(using: &random)
            let share = central ? Int64.random(in: 2...8, using: &random) : Int64.random(in: 15...40, using: &random)
            records.funding.append(try NewFunding(
                id: random.uuid(), recipient: .project(project.id), source: central ? .centralBudget : .bankLoan,
                amount: try Money(yuan: planned / 100 * share / 1_000_000 * 1_000_000), date: project.date,
                note: central ? "示例：中央预算内投资补助" : "示例：政策性银行贷款"))
        }
    }

    /// An exploring pairing: matchmaking with Eastern provinces and one reform measure learned.
    private static func exploring(
        _ plan: DemoCatalogue.PairingPlan, place: String, into records: inout Records, using random: inout SeededGenerator
    ) throws {
        for (year, partner) in [(2022, "浙江省"), (2023, "广东省"), (2024, "江苏省")] {
            records.meetings.append(try NewMeeting(
                id: random.uuid(), pairing: plan.pairing, kind: .matchmaking, date: try date(in: year, using: &random),
                place: Bool.random(using: &random) ? place : partner, level: "省级", participants: Int.random(in: 30...80, using: &random),
                outcomes: "示例：与\(partner)开展对接，探索建立对口合作关系"))
        }
        records.reforms.append(try NewReformMeasure(
            id: random.uuid(), pairing: plan.pairing, title: "借鉴浙江“最多跑一次”改革", source: "浙江省",
            date: try date(in: 2023, using: &random), task: "1.5", policies: 3))
    }

    private static func date(in year: Int, using random: inout SeededGenerator) throws -> LocalDate {
        try LocalDate(year: year, month: Int.random(in: year == 2017 ? 4...12 : 1...12, using: &random), day: Int.random(in: 1...28, using: &random))
    }
}
