#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import DuikouKit

/// One invented project and the progress updates that move it along from its signing on.
struct DemoProjectStory {
    let project: NewProject
    let updates: [NewProgressUpdate]

    /// A project of `plan`'s pairing. It sits in one of `parks` only while the park's remaining
    /// budget (what its planned area carries, less the projects placed in it) covers it.
    static func make(
        for plan: DemoCatalogue.PairingPlan, parks: [Park], budgets: inout [UUID: Int64], using random: inout SeededGenerator
    ) throws -> DemoProjectStory {
        if plan.exploring { return try exploring(plan, using: &random) }
        let subject = DemoCatalogue.subject(using: &random)
        let word = subject.words.randomElement(using: &random) ?? ""
        let kind = subject.kind.randomElement(using: &random) ?? "项目"
        let title = "\(plan.northeastCity)·\(plan.eastCity)\(word)\(kind)"
        let plannedWan = Int64.random(in: min(5_000, subject.maximumWan / 10)...subject.maximumWan, using: &random) / 100 * 100
        let planned = try Money(yuan: plannedWan * 10_000)
        var date = try LocalDate(year: Int.random(in: 2017...2024, using: &random), month: Int.random(in: 1...12, using: &random),
                                 day: Int.random(in: 1...28, using: &random))
        // No project before the plan (March 2017), and no update after the sample's horizon.
        let earliest = try LocalDate(year: 2017, month: 4, day: 1)
        let horizon = try LocalDate(year: 2025, month: 6, day: 30)
        if date < earliest { date = earliest }
        let first: ProjectStatus = Int.random(in: 0..<10, using: &random) < 2 ? .negotiating : .signed
        var park = subject.task.hasPrefix("2") || subject.task == "4.2" ? parks.randomElement(using: &random) : nil
        if let chosen = park {
            if let left = budgets[chosen.id], left >= planned.yuan {
                budgets[chosen.id] = left - planned.yuan
            } else {
                park = nil
            }
        }
        let project = try NewProject(
            id: random.uuid(), pairing: plan.pairing, task: subject.task, title: title,
            description: "示例数据（虚构）：\(plan.northeastCity)与\(plan.eastCity)在\(word)领域的合作项目，用于演示 Duikou 的记录与统计。",
            northeastParty: "\(plan.northeastCity)（示例）企业", eastParty: "\(plan.eastCity)（示例）企业", park: park?.id,
            landmark: Int.random(in: 0..<100, using: &random) < 8, planned: planned, status: first, date: date)

        var updates: [NewProgressUpdate] = []
        var status = first
        var completed = Money.zero
        let path: [ProjectStatus] = [.signed, .landed, .started, .completed, .operating]
        while true {
            date = try date.adding(days: Int.random(in: 90...800, using: &random))
            guard date <= horizon else { break }
            let roll = Int.random(in: 0..<100, using: &random)
            if roll < 3 {
                updates.append(try NewProgressUpdate(date: date, status: .terminated, note: "示例：投资方调整计划，项目终止"))
                break
            }
            if roll < 8 && status != .suspended {
                status = .suspended
                updates.append(try NewProgressUpdate(date: date, status: .suspended, note: "示例：资金未到位，暂时停建"))
                continue
            }
            let from = status == .suspended ? (updates.last(where: { $0.status != .suspended })?.status ?? first) : status
            guard let index = path.firstIndex(of: from).map({ $0 + 1 }) ?? (from == .negotiating ? 0 : nil), index < path.count else { break }
            status = path[index]
            let share: Int64 = switch status {
            case .started: Int64.random(in: 10...40, using: &random)
            case .completed: Int64.random(in: 70...95, using: &random)
            case .operating: Int64.random(in: 90...100, using: &random)
            default: 0
            }
            completed = max(completed, try Money(yuan: planned.yuan / 10_000 * share / 100 * 10_000))
            updates.append(try NewProgressUpdate(date: date, status: status, completed: completed))
        }
        return DemoProjectStory(project: project, updates: updates)
    }

    /// A project of a pairing still exploring its partner: small, in talks, going no further.
    private static func exploring(_ plan: DemoCatalogue.PairingPlan, using random: inout SeededGenerator) throws -> DemoProjectStory {
        let subjects = [("2.3", "绿色农畜产品精深加工", "合作意向"), ("2.5", "草原文化旅游", "合作洽谈"), ("3.1", "稀土新材料技术转移", "对接项目")]
        let subject = subjects.randomElement(using: &random) ?? subjects[0]
        let date = try LocalDate(year: Int.random(in: 2022...2024, using: &random), month: Int.random(in: 3...10, using: &random),
                                 day: Int.random(in: 1...28, using: &random))
        let project = try NewProject(
            id: random.uuid(), pairing: plan.pairing, task: subject.0, title: "\(plan.northeastCity)\(subject.1)\(subject.2)",
            description: "示例数据（虚构）：内蒙古在探索对口合作伙伴期间与东部企业洽谈的项目，尚未签约。",
            northeastParty: "内蒙古（示例）企业", eastParty: "东部地区（示例）企业",
            planned: try Money(yuan: Int64.random(in: 20...150, using: &random) * 1_000_000), status: .planned, date: date)
        let talks = try NewProgressUpdate(date: date.adding(days: Int.random(in: 60...240, using: &random)), status: .negotiating,
                                          note: "示例：与东部企业开展洽谈")
        return DemoProjectStory(project: project, updates: [talks])
    }
}