#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import DuikouKit

/// The fixed parts of the demo: the named parks, how many projects each pairing gets and what its
/// projects are about, and the cadre exchanges.
enum DemoCatalogue {
    struct ParkSeed {
        let pairing: String
        let name: String
        let kind: ParkKind
        let host: String
        let partner: String
        let established: String
        let areaKm2: String
        let benefitSharing: String
    }

    /// The prefecture cities the provinces pair inside their provincial pairings (plan-2017.md).
    static let cities: [(code: String, zh: String, en: String, side: Side)] = [
        ("230800", "佳木斯市", "Jiamusi", .northeast), ("440600", "佛山市", "Foshan", .east),
        ("230900", "七台河市", "Qitaihe", .northeast), ("440700", "江门市", "Jiangmen", .east),
        ("220300", "四平市", "Siping", .northeast), ("330700", "金华市", "Jinhua", .east),
        ("220200", "吉林市", "Jilin City", .northeast), ("330300", "温州市", "Wenzhou", .east),
    ]

    /// City pairings inside the provincial ones: (id, northeast city, east city, parent).
    static let cityPairings: [(id: String, northeast: String, east: String, parent: String)] = [
        ("jiamusi-foshan", "230800", "440600", "heilongjiang-guangdong"),
        ("qitaihe-jiangmen", "230900", "440700", "heilongjiang-guangdong"),
        ("siping-jinhua", "220300", "330700", "jilin-zhejiang"),
        ("jilin-wenzhou", "220200", "330300", "jilin-zhejiang"),
    ]

    /// The parks named in the plan's reference notes, each in the city that hosts it; dates and
    /// areas other than Shenzhen (Harbin)'s are illustrative.
    static let parks = [
        ParkSeed(pairing: "harbin-shenzhen", name: "深圳（哈尔滨）产业园区", kind: .joint, host: "230100", partner: "深圳市",
                 established: "2019-05-09", areaKm2: "26", benefitSharing: "示例：核心启动区1.53平方公里，税收按约定比例分享"),
        ParkSeed(pairing: "jilin-zhejiang", name: "吉浙（公主岭）产业园", kind: .joint, host: "220100", partner: "浙江省",
                 established: "2018-06-20", areaKm2: "10", benefitSharing: "示例：公主岭市（2020年起由长春市代管），地方留成部分五五分成"),
        ParkSeed(pairing: "changchun-tianjin", name: "津长产业合作园", kind: .joint, host: "220100", partner: "天津市",
                 established: "2019-09-16", areaKm2: "8.5", benefitSharing: "示例：新增税收地方留成部分按比例分享"),
        ParkSeed(pairing: "heilongjiang-guangdong", name: "哈工大智能装备产业园", kind: .branch, host: "230100", partner: "广东省",
                 established: "2018-11-28", areaKm2: "3.2", benefitSharing: "示例：按投资比例分享收益"),
    ]

    /// The planned investment a park's projects may add up to: at most 50亿元 per km² of planned
    /// area, about the intensity of a well-filled national development zone.
    static let parkYuanPerKm2: Int64 = 5_000_000_000

    struct PairingPlan {
        let pairing: String
        let projects: Int
        let northeastCity: String
        let eastCity: String
        /// An exploring pairing, without an Eastern partner yet: only a few small projects in talks.
        var exploring = false
    }

    /// Roughly in proportion to the public figures: Heilongjiang–Guangdong and Harbin–Shenzhen lead;
    /// the exploring pairing has two projects in talks.
    static let pairingPlans = [
        PairingPlan(pairing: "heilongjiang-guangdong", projects: 70, northeastCity: "黑龙江", eastCity: "广东"),
        PairingPlan(pairing: "jiamusi-foshan", projects: 12, northeastCity: "佳木斯", eastCity: "佛山"),
        PairingPlan(pairing: "qitaihe-jiangmen", projects: 8, northeastCity: "七台河", eastCity: "江门"),
        PairingPlan(pairing: "jilin-zhejiang", projects: 45, northeastCity: "吉林", eastCity: "浙江"),
        PairingPlan(pairing: "siping-jinhua", projects: 8, northeastCity: "四平", eastCity: "金华"),
        PairingPlan(pairing: "jilin-wenzhou", projects: 7, northeastCity: "吉林市", eastCity: "温州"),
        PairingPlan(pairing: "liaoning-jiangsu", projects: 55, northeastCity: "辽宁", eastCity: "江苏"),
        PairingPlan(pairing: "harbin-shenzhen", projects: 60, northeastCity: "哈尔滨", eastCity: "深圳"),
        PairingPlan(pairing: "shenyang-beijing", projects: 40, northeastCity: "沈阳", eastCity: "北京"),
        PairingPlan(pairing: "dalian-shanghai", projects: 40, northeastCity: "大连", eastCity: "上海"),
        PairingPlan(pairing: "changchun-tianjin", projects: 35, northeastCity: "长春", eastCity: "天津"),
        PairingPlan(pairing: "inner-mongolia", projects: 2, northeastCity: "内蒙古", eastCity: "东部", exploring: true),
    ]

    struct Subject {
        let task: String
        let words: [String]
        let kind: [String]
        /// The largest planned investment, 万元.
        let maximumWan: Int64
        /// How often it comes up, against the others.
        let weight: Int
    }

    /// Subjects by task: the words a project title is made of. Institutional reform (area 1) is
    /// mostly reform measures, meetings and exchanges rather than projects: its few projects are
    /// small, and tasks 1.1 and 1.5 (reforms copied from the East) have none.
    static let subjects: [Subject] = [
        Subject(task: "1.2", words: ["国有企业混改", "国企战略重组", "装备集团股权"], kind: ["合作项目", "战略合作"], maximumWan: 50_000, weight: 1),
        Subject(task: "1.3", words: ["民营企业", "商会招商", "中小企业服务"], kind: ["合作项目", "对接平台"], maximumWan: 20_000, weight: 1),
        Subject(task: "1.4", words: ["跨境电商", "对俄贸易", "港口物流"], kind: ["合作项目", "通道建设"], maximumWan: 80_000, weight: 1),
        Subject(task: "2.1", words: ["智能装备", "数控机床", "轨道交通装备", "船舶配套", "汽车零部件"], kind: ["生产基地", "制造项目", "产业化项目"], maximumWan: 600_000, weight: 5),
        Subject(task: "2.2", words: ["工业机器人", "生物医药", "新材料", "新能源汽车", "集成电路"], kind: ["产业园", "研发生产基地", "产业化项目"], maximumWan: 600_000, weight: 5),
        Subject(task: "2.3", words: ["寒地黑土绿色食品", "五常大米", "冷链物流", "乳制品", "人参"], kind: ["加工项目", "产销基地", "供应链项目"], maximumWan: 200_000, weight: 4),
        Subject(task: "2.4", words: ["供应链金融", "产业基金", "工业设计", "现代物流"], kind: ["服务中心", "合作项目"], maximumWan: 150_000, weight: 3),
        Subject(task: "2.5", words: ["冰雪旅游", "康养旅居", "文化创意", "避暑度假"], kind: ["综合体", "合作项目", "度假区"], maximumWan: 300_000, weight: 3),
        Subject(task: "3.1", words: ["科技成果转化", "中试基地", "技术转移"], kind: ["中心", "合作项目"], maximumWan: 80_000, weight: 2),
        Subject(task: "3.2", words: ["高校联合实验室", "研究院分院", "产学研"], kind: ["合作项目", "共建项目"], maximumWan: 60_000, weight: 2),
        Subject(task: "3.3", words: ["众创空间", "孵化器", "双创基地"], kind: ["共建项目", "运营项目"], maximumWan: 30_000, weight: 2),
        Subject(task: "3.4", words: ["高端人才", "院士工作站", "博士后工作站"], kind: ["交流项目", "引进计划"], maximumWan: 10_000, weight: 1),
        Subject(task: "4.1", words: ["国家级新区", "高新区", "经开区"], kind: ["对接合作", "合作项目"], maximumWan: 200_000, weight: 2),
        Subject(task: "4.2", words: ["共建产业园", "合作园区基础设施", "标准厂房"], kind: ["建设项目", "招商项目"], maximumWan: 150_000, weight: 3),
        Subject(task: "4.3", words: ["重点城市", "都市圈", "城市更新"], kind: ["合作项目", "示范项目"], maximumWan: 200_000, weight: 1),
        Subject(task: "4.4", words: ["飞地经济", "园区利益分享", "异地孵化"], kind: ["合作项目", "试点项目"], maximumWan: 100_000, weight: 1),
    ]

    /// A subject drawn by weight.
    static func subject(using random: inout SeededGenerator) -> Subject {
        var pick = Int.random(in: 0..<subjects.reduce(0) { $0 + $1.weight }, using: &random)
        for subject in subjects {
            if pick < subject.weight { return subject }
            pick -= subject.weight
        }
        return subjects[0]
    }

    /// Secondments and training batches each year for each pairing with an Eastern side.
    static func exchanges(using random: inout SeededGenerator) throws -> [NewExchange] {
        var exchanges: [NewExchange] = []
        for plan in pairingPlans where !plan.exploring {
            for year in 2017...2024 {
                let start = try LocalDate(year: year, month: Int.random(in: 3...10, using: &random), day: Int.random(in: 1...28, using: &random))
                let end = try LocalDate(year: year + 1, month: start.month, day: start.day)
                exchanges.append(try NewExchange(
                    id: random.uuid(), pairing: plan.pairing, direction: .toEast, kind: .secondment, start: start, end: end,
                    participants: Int.random(in: 3...25, using: &random), fromOrg: "\(plan.northeastCity)（示例）派出单位",
                    toOrg: "\(plan.eastCity)（示例）接收单位", post: "挂职副职（示例）"))
                if Bool.random(using: &random) {
                    exchanges.append(try NewExchange(
                        id: random.uuid(), pairing: plan.pairing, direction: .toNortheast, kind: .secondment, start: start,
                        end: end, participants: Int.random(in: 1...6, using: &random), fromOrg: "\(plan.eastCity)（示例）派出单位",
                        toOrg: "\(plan.northeastCity)（示例）接收单位"))
                }
                let trainingStart = try LocalDate(year: year, month: Int.random(in: 4...11, using: &random), day: Int.random(in: 1...20, using: &random))
                exchanges.append(try NewExchange(
                    id: random.uuid(), pairing: plan.pairing, direction: .toEast, kind: .training, start: trainingStart,
                    end: try LocalDate(year: year, month: trainingStart.month, day: trainingStart.day + 7),
                    participants: Int.random(in: 30...160, using: &random), fromOrg: "\(plan.northeastCity)（示例）",
                    toOrg: "\(plan.eastCity)（示例）干部学院"))
                if Int.random(in: 0..<4, using: &random) == 0 {
                    let start = try LocalDate(year: year, month: Int.random(in: 4...11, using: &random), day: Int.random(in: 1...20, using: &random))
                    exchanges.append(try NewExchange(
                        id: random.uuid(), pairing: plan.pairing, direction: .toNortheast, kind: .training, start: start,
                        end: try LocalDate(year: year, month: start.month, day: start.day + 5),
                        participants: Int.random(in: 15...60, using: &random), fromOrg: "\(plan.eastCity)（示例）",
                        toOrg: "\(plan.northeastCity)（示例）干部学院"))
                }
            }
        }
        return exchanges
    }
}
