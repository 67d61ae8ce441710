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

    /// The parks named in the plan's reference notes; dates and areas other than Shenzhen (Harbin)'s are illustrative.
    static let parks = [
        ParkSeed(pairing: "harbin-shenzhen", name: "深圳（哈尔滨）产业园区", kind: .joint, host: "230100", partner: "深圳市",
                 established: "2019-05-09", areaKm2: "26", benefitSharing: "示例：核心启动区1.53平方公里，税收按约定比例分享"),
        ParkSeed(pairing: "jilin-zhejiang", name: "吉浙（公主岭）产业园", kind: .joint, host: "220000", partner: "浙江省",
                 established: "2018-06-20", areaKm2: "10", benefitSharing: "示例：地方留成部分五五分成"),
        ParkSeed(pairing: "changchun-tianjin", name: "津长产业合作园", kind: .joint, host: "220100", partner: "天津市",
                 established: "2019-09-16", areaKm2: "8.5", benefitSharing: "示例：新增税收地方留成部分按比例分享"),
        ParkSeed(pairing: "heilongjiang-guangdong", name: "哈工大智能装备产业园", kind: .branch, host: "230000", partner: "广东省",
                 established: "2018-11-28", areaKm2: "3.2", benefitSharing: "示例：按投资比例分享收益"),
    ]

    struct PairingPlan {
        let pairing: String
        let projects: Int
        let northeastCity: String
        let eastCity: String
    }

    /// Roughly in proportion to the public figures: Heilongjiang–Guangdong and Harbin–Shenzhen lead.
    static let pairingPlans = [
        PairingPlan(pairing: "heilongjiang-guangdong", projects: 90, northeastCity: "黑龙江", eastCity: "广东"),
        PairingPlan(pairing: "jilin-zhejiang", projects: 60, northeastCity: "吉林", eastCity: "浙江"),
        PairingPlan(pairing: "liaoning-jiangsu", projects: 55, northeastCity: "辽宁", eastCity: "江苏"),
        PairingPlan(pairing: "harbin-shenzhen", projects: 60, northeastCity: "哈尔滨", eastCity: "深圳"),
        PairingPlan(pairing: "shenyang-beijing", projects: 40, northeastCity: "沈阳", eastCity: "北京"),
        PairingPlan(pairing: "dalian-shanghai", projects: 40, northeastCity: "大连", eastCity: "上海"),
        PairingPlan(pairing: "changchun-tianjin", projects: 35, northeastCity: "长春", eastCity: "天津"),
        PairingPlan(pairing: "inner-mongolia", projects: 8, northeastCity: "内蒙古", eastCity: "东部"),
    ]

    /// Subjects by task: the words a project title is made of.
    static let subjects: [(task: String, words: [String], kind: [String])] = [
        ("1.1", ["营商环境", "政务服务", "“放管服”改革"], ["经验交流", "合作协议"]),
        ("1.2", ["国有企业混改", "国企战略重组", "装备集团股权"], ["合作项目", "战略合作"]),
        ("1.3", ["民营企业", "商会招商", "中小企业服务"], ["合作项目", "对接平台"]),
        ("1.4", ["跨境电商", "对俄贸易", "港口物流"], ["合作项目", "通道建设"]),
        ("1.5", ["自贸试验区制度创新", "“最多跑一次”改革", "开发区体制改革"], ["复制推广", "经验借鉴"]),
        ("2.1", ["智能装备", "数控机床", "轨道交通装备", "船舶配套", "汽车零部件"], ["生产基地", "制造项目", "产业化项目"]),
        ("2.2", ["工业机器人", "生物医药", "新材料", "新能源汽车", "集成电路"], ["产业园", "研发生产基地", "产业化项目"]),
        ("2.3", ["寒地黑土绿色食品", "五常大米", "冷链物流", "乳制品", "人参"], ["加工项目", "产销基地", "供应链项目"]),
        ("2.4", ["供应链金融", "产业基金", "工业设计", "现代物流"], ["服务中心", "合作项目"]),
        ("2.5", ["冰雪旅游", "康养旅居", "文化创意", "避暑度假"], ["综合体", "合作项目", "度假区"]),
        ("3.1", ["科技成果转化", "中试基地", "技术转移"], ["中心", "合作项目"]),
        ("3.2", ["高校联合实验室", "研究院分院", "产学研"], ["合作项目", "共建项目"]),
        ("3.3", ["众创空间", "孵化器", "双创基地"], ["共建项目", "运营项目"]),
        ("3.4", ["高端人才", "院士工作站", "博士后工作站"], ["交流项目", "引进计划"]),
        ("4.1", ["国家级新区", "高新区", "经开区"], ["对接合作", "合作项目"]),
        ("4.2", ["共建产业园", "合作园区基础设施", "标准厂房"], ["建设项目", "招商项目"]),
        ("4.3", ["重点城市", "都市圈", "城市更新"], ["合作项目", "示范项目"]),
        ("4.4", ["飞地经济", "园区利益分享", "异地孵化"], ["合作项目", "试点项目"]),
    ]

    /// Secondments and training batches each year for each pairing with an Eastern side.
    static func exchanges(using random: inout SeededGenerator) throws -> [NewExchange] {
        var exchanges: [NewExchange] = []
        for plan in pairingPlans where plan.pairing != "inner-mongolia" {
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
            }
        }
        return exchanges
    }
}
