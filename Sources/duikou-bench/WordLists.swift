/// The words the workload builds project titles, descriptions and parties from, so that the text
/// looks like real records: Chinese, of realistic length, and varied enough for the search index.
enum WordLists {
    /// One seeded pairing: its id and the places its projects are named after.
    struct PairingPlaces {
        /// The pairing id, as seeded by the catalogue migration.
        let id: String
        /// Northeast cities and districts of the pairing.
        let northeast: [String]
        /// Eastern cities of the pairing (any Eastern city for a pairing still exploring).
        let east: [String]
    }

    /// The eight pairings the catalogue migration seeds, in the order projects cycle over them.
    static let pairings: [PairingPlaces] = [
        PairingPlaces(id: "liaoning-jiangsu", northeast: ["鞍山", "营口", "盘锦", "锦州", "铁岭", "丹东"], east: ["南京", "苏州", "无锡", "常州", "徐州"]),
        PairingPlaces(id: "jilin-zhejiang", northeast: ["吉林", "四平", "延边", "通化", "白山", "辽源"], east: ["杭州", "宁波", "温州", "嘉兴", "湖州"]),
        PairingPlaces(id: "heilongjiang-guangdong", northeast: ["齐齐哈尔", "大庆", "牡丹江", "佳木斯", "绥化", "黑河"], east: ["广州", "佛山", "东莞", "珠海", "中山"]),
        PairingPlaces(id: "shenyang-beijing", northeast: ["沈阳", "沈北", "浑南", "铁西", "于洪"], east: ["北京", "中关村", "亦庄", "顺义"]),
        PairingPlaces(id: "dalian-shanghai", northeast: ["大连", "金普", "长兴岛", "旅顺", "庄河"], east: ["上海", "浦东", "临港", "嘉定"]),
        PairingPlaces(id: "changchun-tianjin", northeast: ["长春", "净月", "长春新区", "九台", "农安"], east: ["天津", "滨海", "武清", "西青"]),
        PairingPlaces(id: "harbin-shenzhen", northeast: ["哈尔滨", "哈深", "松北", "平房", "呼兰"], east: ["深圳", "南山", "前海", "龙岗"]),
        PairingPlaces(id: "inner-mongolia", northeast: ["呼伦贝尔", "通辽", "赤峰", "兴安盟", "满洲里"], east: ["宁波", "苏州", "厦门", "青岛"]),
    ]

    /// The eighteen task codes of the catalogue, in the order projects cycle over them.
    static let tasks = [
        "1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3", "2.4", "2.5",
        "3.1", "3.2", "3.3", "3.4", "4.1", "4.2", "4.3", "4.4",
    ]

    /// Two-character qualifiers: 智能, 绿色…
    static let qualifiers = ["智能", "绿色", "高端", "数字", "新型", "精密", "现代", "低碳", "特色", "循环", "智慧", "先进"]

    /// Industries and products, three to six characters.
    static let industries = [
        "机器人", "新能源汽车", "生物医药", "碳纤维", "冰雪旅游", "大豆精深加工", "石墨新材料", "航空零部件",
        "数控机床", "云计算", "冷链物流", "跨境电商", "医疗器械", "光电子", "人参产业", "寒地测试",
        "轨道交通装备", "集成电路", "工业互联网", "绿色食品", "乳制品", "氢能装备", "海洋装备", "康养旅居",
    ]

    /// What is built, four to seven characters, ending in 项目.
    static let kinds = [
        "产业园建设项目", "生产基地项目", "研发中心项目", "示范工程项目", "产业化项目", "合作平台项目",
        "总部基地项目", "扩建项目", "技术改造项目", "孵化基地项目",
    ]

    /// Phases appended to short titles.
    static let phases = ["（一期）", "（二期）", "（三期）"]

    /// Kinds of Northeast party, after the place name.
    static let northeastParties = [
        "市人民政府", "高新技术产业开发区管委会", "经济技术开发区管委会", "国有资产投资集团有限公司", "工业投资有限公司",
    ]

    /// Names of Eastern enterprises, after the city name.
    static let eastNames = ["汇川", "华强", "恒瑞", "天合", "海天", "中集", "金发", "宏达", "新松", "远景", "正泰", "德赛"]

    /// Kinds of Eastern enterprise.
    static let eastSuffixes = ["科技股份有限公司", "集团有限公司", "投资控股有限公司", "实业有限公司", "智能装备有限公司"]

    /// Units of what a production line makes per year.
    static let outputUnits = ["万台（套）", "万吨", "万件", "万辆", "亿支", "万平方米"]
}
