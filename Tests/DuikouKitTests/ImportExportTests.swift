import Foundation
import Testing
import DuikouDemo
@testable import DuikouKit

/// Importing and exporting CSV and JSON Lines through the repository: headers in English and Chinese,
/// values in their user spellings, corrections of known records, dry runs, all-or-nothing refusals
/// with lines and columns, and export → import round trips that give the same progress report.
@Suite struct ImportExportTests {
    private let db: TemporaryDatabase
    private let repo: Repository

    init() throws {
        db = try TemporaryDatabase()
        repo = try db.open()
    }

    // MARK: - Helpers

    /// Writes `text` (UTF-8) to a file in the test's folder and returns its path.
    private func csv(_ text: String, name: String = "input.csv") throws -> String {
        let path = db.folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Collects an export's text (the sink is called synchronously, one piece at a time).
    private final class TextSink: @unchecked Sendable {
        var text = ""
    }

    private static func exported(_ repo: Repository, _ kind: InterchangeKind, format: ExportFormat = .csv, bom: Bool = false) throws -> String {
        let sink = TextSink()
        try repo.export(kind, format: format, byteOrderMark: bom) { sink.text += $0 }
        return sink.text
    }

    private struct Counts: Equatable, CustomStringConvertible {
        var projects: Int64
        var updates: Int64
        var parks: Int64
        var exchanges: Int64
        var description: String { "\(projects) projects, \(updates) updates, \(parks) parks, \(exchanges) exchanges" }
    }

    private static func counts(_ repo: Repository) throws -> Counts {
        try repo.rawRead { connection in
            func count(_ table: String) throws -> Int64 {
                try connection.queryFirst("SELECT count(*) FROM \(table)") { $0.int64(0) } ?? -1
            }
            return Counts(projects: try count("project"), updates: try count("progress_update"), parks: try count("park"),
                          exchanges: try count("exchange"))
        }
    }

    private static func date(_ text: String) throws -> LocalDate { try LocalDate(parsing: text) }

    private static func yuan(_ text: String) throws -> Money { try Money(parsing: text) }

    /// The problems as `(line, column)` pairs, in file order.
    private static func places(_ result: ImportResult) -> [Place] {
        result.problems.map { Place($0.line, $0.column) }
    }

    private struct Place: Hashable, CustomStringConvertible {
        let line: Int
        let column: String?
        init(_ line: Int, _ column: String?) {
            self.line = line
            self.column = column
        }
        var description: String { "\(line):\(column ?? "-")" }
    }

    private func project(titled title: String) throws -> Project {
        try #require(try repo.projects().first { $0.title == title }, "no project titled \(title)")
    }

    // MARK: - Importing projects

    @Test func projectsWithEnglishHeadersInShuffledOrderAndUserSpellings() throws {
        let path = try csv("""
            description,landmark,title,completed,status,pairing,date,planned,task,east_party,northeast_party
            "简介, with a comma",1,项目一,626207万元,开工,harbin-shenzhen,2021-09-12,1114.79亿,2.1,深圳企业,哈尔滨企业
            ,0,项目二,,签约,jilin-zhejiang,2020-01-01,12.5,1.1,,
            ,true,项目三,0元,投产,heilongjiang-guangdong,2019-05-05,3500元,4.2,,
            ,FALSE,项目四,,缓建,dalian-shanghai,2018-01-01,,2.5,,
            ,是,项目五,,终止,inner-mongolia,2022-02-02,1,3.1,,
            ,否,项目六,"1,234.5万",在建,changchun-tianjin,2023-03-03,,2.2,,

            """)
        let result = try repo.importCSV(.projects, from: path)

        #expect(result.problems == [])
        #expect(result.committed)
        #expect(result.rows == 6)
        #expect(result.added == 6)
        #expect(result.updated == 0 && result.unchanged == 0 && result.refused == 0)

        let one = try project(titled: "项目一")
        #expect(one.pairing == "harbin-shenzhen")
        #expect(one.task == "2.1")
        #expect(one.status == .started)
        #expect(one.statusDate == (try Self.date("2021-09-12")))
        #expect(one.firstDate == (try Self.date("2021-09-12")))
        #expect(one.planned?.yuan == 111_479_000_000)
        #expect(one.completed.yuan == 6_262_070_000)
        #expect(one.landmark)
        #expect(one.description == "简介, with a comma")
        #expect(one.northeastParty == "哈尔滨企业")
        #expect(one.eastParty == "深圳企业")
        #expect(one.park == nil)

        let two = try project(titled: "项目二")
        #expect(two.status == .signed)
        #expect(two.planned?.yuan == 125_000)   // a bare amount is 万元
        #expect(two.completed == .zero)
        #expect(!two.landmark)
        #expect(two.description == nil && two.northeastParty == nil && two.eastParty == nil)

        let three = try project(titled: "项目三")
        #expect(three.status == .operating)
        #expect(three.planned?.yuan == 3_500)
        #expect(three.landmark)

        let four = try project(titled: "项目四")
        #expect(four.status == .suspended)
        #expect(four.planned == nil)
        #expect(!four.landmark)

        let five = try project(titled: "项目五")
        #expect(five.status == .terminated)
        #expect(five.planned?.yuan == 10_000)
        #expect(five.landmark)

        let six = try project(titled: "项目六")
        #expect(six.status == .started)
        #expect(six.completed.yuan == 12_345_000)
        #expect(!six.landmark)

        // Each project's history is its one first update.
        #expect(try Self.counts(repo).updates == 6)
        #expect(try repo.projectHistory(one.id).updates.map(\.status) == [.started])
    }

    @Test func projectsWithChineseHeadersBomAndCrlf() throws {
        let id = "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9"
        let text = "\u{FEFF}项目名称,任务,对口合作关系,状态,日期,计划总投资,累计完成投资,标志性,东北方,东部方,园区,项目简介,项目编号\r\n"
            + "哈工大智能装备产业园,4.2,heilongjiang-guangdong,落地,2021-09-12,1114.79亿,626207万元,是,哈工大,广东省,,\"两行\r\n简介\",\(id)\r\n"
            + "营商环境交流,1.1,inner-mongolia,谋划,2019-04-01,,,否,,,,,\r\n"
        let result = try repo.importCSV(.projects, from: try csv(text))

        #expect(result.problems == [])
        #expect(result.added == 2)
        let park = try project(titled: "哈工大智能装备产业园")
        #expect(park.id == UUID(uuidString: id))
        #expect(park.status == .landed)
        #expect(park.planned?.yuan == 111_479_000_000)
        #expect(park.completed.yuan == 6_262_070_000)
        #expect(park.landmark)
        #expect(park.northeastParty == "哈工大")
        #expect(park.description == "两行\r\n简介")
        let other = try project(titled: "营商环境交流")
        #expect(other.status == .planned)
        #expect(!other.landmark)
    }

    @Test func projectWithoutDateIsDatedToday() throws {
        let before = LocalDate.today()
        let result = try repo.importCSV(.projects, from: try csv("pairing,task,title\nharbin-shenzhen,2.1,无日期项目\n"))
        let after = LocalDate.today()
        #expect(result.added == 1)
        let added = try project(titled: "无日期项目")
        #expect(added.statusDate == before || added.statusDate == after)   // the day may turn during the import
        #expect(added.status == .signed)
    }

    @Test func projectInAParkByItsId() throws {
        let park = try repo.addPark(NewPark(pairing: "harbin-shenzhen", name: "深圳（哈尔滨）产业园区"))
        let result = try repo.importCSV(.projects, from: try csv("pairing,task,title,park\nharbin-shenzhen,2.1,园区项目,\(park.id.uuidString)\n"))
        #expect(result.problems == [])
        #expect(try project(titled: "园区项目").park == park.id)
    }

    // MARK: - Importing parks, exchanges and updates

    @Test func parksWithEnglishShuffledAndChineseHeaders() throws {
        let id = "11111111-2222-4333-8444-555555555555"
        let english = try repo.importCSV(.parks, from: try csv("""
            name,pairing,established,kind,host_region,planned_area_km2,partner,benefit_sharing,id
            深圳（哈尔滨）产业园区,harbin-shenzhen,2019-05-09,共建园区,230100,26,深圳市,"税收分享, 五五",\(id)

            """, name: "parks-en.csv"))
        #expect(english.problems == [])
        #expect(english.added == 1)
        let chinese = try repo.importCSV(.parks, from: try csv("""
            园区名称,对口合作关系,类型,所在地区,合作方,设立日期,规划面积,利益分享
            哈工大智能装备产业园,heilongjiang-guangdong,分园区,230000,广东省,2018-11-28,3.2,按投资比例分享

            """, name: "parks-zh.csv"))
        #expect(chinese.problems == [])
        #expect(chinese.added == 1)

        let parks = try repo.parks()
        let shenzhen = try #require(parks.first { $0.id == UUID(uuidString: id) })
        #expect(shenzhen.name == "深圳（哈尔滨）产业园区")
        #expect(shenzhen.kind == .joint)
        #expect(shenzhen.hostRegion == "230100")
        #expect(shenzhen.partner == "深圳市")
        #expect(shenzhen.established == (try Self.date("2019-05-09")))
        #expect(shenzhen.plannedArea?.squareMetres == 26_000_000)
        #expect(shenzhen.benefitSharing == "税收分享, 五五")
        let hit = try #require(parks.first { $0.name == "哈工大智能装备产业园" })
        #expect(hit.kind == .branch)
        #expect(hit.plannedArea?.squareMetres == 3_200_000)
        #expect(hit.established == (try Self.date("2018-11-28")))
    }

    @Test func exchangesWithEnglishShuffledAndChineseHeaders() throws {
        let english = try repo.importCSV(.exchanges, from: try csv("""
            kind,start,pairing,direction,participants,end,person,post,from_org,to_org
            secondment,2020-01-10,heilongjiang-guangdong,to-east,3,2021-01-09,"张三, 李四",副局长,黑龙江省发改委,广东省发改委
            training,2019-10-01,harbin-shenzhen,赴东北,40,2019-10-08,,,深圳市委党校,哈尔滨市

            """, name: "exchanges-en.csv"))
        #expect(english.problems == [])
        #expect(english.added == 2)
        let chinese = try repo.importCSV(.exchanges, from: try csv("""
            对口合作关系,方向,类型,开始日期,结束日期,人数,姓名,派出单位,接收单位,职务
            jilin-zhejiang,赴东部,挂职,2018-06-01,,,王五,吉林省,浙江省,挂职副主任

            """, name: "exchanges-zh.csv"))
        #expect(chinese.problems == [])
        #expect(chinese.added == 1)

        let exchanges = try repo.exchanges()
        #expect(exchanges.count == 3)
        let secondment = try #require(exchanges.first { $0.pairing == "heilongjiang-guangdong" })
        #expect(secondment.kind == .secondment)
        #expect(secondment.direction == .toEast)
        #expect(secondment.participants == 3)
        #expect(secondment.person == "张三, 李四")
        #expect(secondment.end == (try Self.date("2021-01-09")))
        let training = try #require(exchanges.first { $0.pairing == "harbin-shenzhen" })
        #expect(training.kind == .training)
        #expect(training.direction == .toNortheast)
        #expect(training.participants == 40)
        let wang = try #require(exchanges.first { $0.pairing == "jilin-zhejiang" })
        #expect(wang.participants == 1)
        #expect(wang.direction == .toEast)
        #expect(wang.post == "挂职副主任")
        #expect(wang.end == nil)
    }

    @Test func updatesWithEnglishShuffledAndChineseHeadersAppendInFileOrder() throws {
        let added = try repo.addProject(NewProject(pairing: "harbin-shenzhen", task: "2.1", title: "进展项目", date: Self.date("2020-01-01")))
        let id = added.id.uuidString.lowercased()
        let english = try repo.importCSV(.updates, from: try csv("""
            note,completed,date,project,status
            ,,2020-06-01,\(id),landed
            开工仪式,2亿,2021-01-01,\(id),开工

            """, name: "updates-en.csv"))
        #expect(english.problems == [])
        #expect(english.added == 2)
        // Chinese headers, and the project named by a prefix of its id.
        let chinese = try repo.importCSV(.updates, from: try csv("""
            项目编号,日期,状态,累计完成投资,备注
            \(id.prefix(8)),2022-03-01,竣工,5亿,
            \(id.prefix(13)),2022-09-01,,,"只有备注, 无变化"

            """, name: "updates-zh.csv"))
        #expect(chinese.problems == [])
        #expect(chinese.added == 2)

        let history = try repo.projectHistory(added.id)
        #expect(history.updates.map(\.sequence) == [1, 2, 3, 4, 5])
        #expect(history.updates.map(\.status) == [.signed, .landed, .started, .completed, .completed])
        #expect(history.updates.map(\.date.description) == ["2020-01-01", "2020-06-01", "2021-01-01", "2022-03-01", "2022-09-01"])
        #expect(history.updates.map(\.completed.yuan) == [0, 0, 200_000_000, 500_000_000, 500_000_000])
        #expect(history.updates.map(\.note) == [nil, nil, "开工仪式", nil, "只有备注, 无变化"])
        #expect(history.project.status == .completed)
        #expect(history.project.completed.yuan == 500_000_000)
    }

    @Test func identicalUpdatesAreUnchangedAndEarlierOnesRefused() throws {
        let added = try repo.addProject(NewProject(pairing: "harbin-shenzhen", task: "2.1", title: "进展项目", date: Self.date("2020-01-01")))
        let id = added.id.uuidString.lowercased()
        let file = try csv("""
            project,date,status,completed,note
            \(id),2020-06-01,landed,0元,
            \(id),2021-01-01,started,2亿,开工

            """, name: "updates.csv")
        let first = try repo.importCSV(.updates, from: file)
        #expect(first.added == 2)

        // The same file again: every row is in the history already.
        let again = try repo.importCSV(.updates, from: file)
        #expect(again.problems == [])
        #expect(again.committed)
        #expect(again.rows == 2 && again.unchanged == 2 && again.added == 0 && again.updated == 0)
        #expect(try repo.projectHistory(added.id).updates.count == 3)

        // An update dated before the latest one is refused, and so is the whole file.
        let before = try Self.counts(repo)
        let earlier = try repo.importCSV(.updates, from: try csv("""
            project,date,status
            \(id),2022-01-01,completed
            \(id),2020-03-01,landed

            """, name: "earlier.csv"))
        #expect(!earlier.committed)
        #expect(Self.places(earlier) == [Place(3, "date")])
        #expect(earlier.problems.first?.message.contains("before the latest update") == true)
        #expect(earlier.added == 1 && earlier.refused == 1)
        #expect(try Self.counts(repo) == before)
        #expect(try repo.projectHistory(added.id).project.status == .started)

        // Out of order within the file: the second row is before the first row's date.
        let outOfOrder = try repo.importCSV(.updates, from: try csv("""
            project,date,status
            \(id),2023-01-01,completed
            \(id),2022-06-01,operating

            """, name: "order.csv"))
        #expect(Self.places(outOfOrder) == [Place(3, "date")])
        #expect(try Self.counts(repo) == before)
    }

    /// The same updates file imported twice: the second time every row is one the first import recorded,
    /// so all are unchanged, even rows that left the status or the completed investment blank (which took
    /// the project's values at the time) while a later row changed them.
    @Test func reimportingAnUpdatesFileWithBlankFieldsLeavesItUnchanged() throws {
        let added = try repo.addProject(NewProject(pairing: "harbin-shenzhen", task: "2.1", title: "进展项目", date: Self.date("2020-01-01")))
        let id = added.id.uuidString.lowercased()
        let file = try csv("""
            project,date,status,completed,note
            \(id),2020-06-01,landed,,
            \(id),2020-09-01,,5000万,
            \(id),2021-01-01,started,2亿,开工

            """)
        let first = try repo.importCSV(.updates, from: file)
        #expect(first.problems == [])
        #expect(first.added == 3)
        let history = try repo.projectHistory(added.id)

        let again = try repo.importCSV(.updates, from: file)
        #expect(again.problems == [])
        #expect(again.committed)
        #expect(again.unchanged == 3)
        #expect(try repo.projectHistory(added.id) == history)
    }

    @Test func badUpdateRowsNameTheirColumns() throws {
        let added = try repo.addProject(NewProject(pairing: "harbin-shenzhen", task: "2.1", title: "进展项目", date: Self.date("2020-01-01")))
        let id = added.id.uuidString.lowercased()
        let result = try repo.importCSV(.updates, from: try csv("""
            project,date,status,completed,note
            00000000-0000-4000-8000-000000000000,2021-01-01,landed,,
            \(id),,landed,,
            \(id),2021-01-01,,,
            \(id),2021-01-01,倒退,,
            \(id),2021-01-01,planned,,
            \(id),2021-01-01,,1亿x,

            """))
        #expect(Self.places(result) == [
            Place(2, "project"), Place(3, "date"), Place(4, "status"), Place(5, "status"), Place(6, "status"), Place(7, "completed"),
        ])
        #expect(result.problems[1].message == "is required")
        #expect(result.problems[4].message.contains("move back"))
        #expect(!result.committed)
        #expect(try repo.projectHistory(added.id).updates.count == 1)
    }

    /// A malformed id is reported under the file's own column name, `project`, as any other value of it is.
    @Test func malformedProjectIdInUpdatesIsReportedUnderProjectColumn() throws {
        let result = try repo.importCSV(.updates, from: try csv("project,date,status\nnot-an-id,2021-01-01,landed\n"))
        #expect(Self.places(result) == [Place(2, "project")])
    }

    /// A malformed park id is reported under the file's own column name, `park`, as an unknown one is.
    @Test func malformedParkIdInProjectsIsReportedUnderParkColumn() throws {
        let result = try repo.importCSV(.projects, from: try csv("""
            pairing,task,title,park
            harbin-shenzhen,2.1,甲,zzz
            harbin-shenzhen,2.1,乙,0123456789

            """))
        #expect(Self.places(result) == [Place(2, "park"), Place(3, "park")])
    }

    // MARK: - Corrections of known records

    @Test func knownIdCorrectsFieldsAndStateChangeBecomesAnUpdate() throws {
        let first = try repo.addProject(NewProject(
            id: UUID(uuidString: "10000000-0000-4000-8000-000000000001")!, pairing: "harbin-shenzhen", task: "2.1", title: "原名",
            planned: Self.yuan("1亿"), date: Self.date("2020-01-01")))
        let second = try repo.addProject(NewProject(
            id: UUID(uuidString: "10000000-0000-4000-8000-000000000002")!, pairing: "jilin-zhejiang", task: "1.1", title: "不变项目",
            northeastParty: "吉林", landmark: true, planned: Self.yuan("3000万"), status: .landed, date: Self.date("2020-02-02")))
        let third = try repo.addProject(NewProject(
            id: UUID(uuidString: "10000000-0000-4000-8000-000000000003")!, pairing: "dalian-shanghai", task: "2.5", title: "改简介",
            status: .started, date: Self.date("2020-03-03"), completed: Self.yuan("500万")))

        let secondBefore = try repo.projectHistory(second.id)

        let result = try repo.importCSV(.projects, from: try csv("""
            id,pairing,task,title,status,date,planned,completed,northeast_party,landmark,description
            \(first.id),harbin-shenzhen,2.1,新名,开工,2021-05-01,1亿,3亿,,0,
            \(second.id.uuidString.lowercased()),jilin-zhejiang,1.1,不变项目,落地,2020-02-02,30000000元,0元,吉林,1,
            \(third.id),dalian-shanghai,2.5,改简介,started,2020-03-03,,500万,,,新的简介

            """))

        #expect(result.problems == [])
        #expect(result.committed)
        #expect(result.rows == 3)
        #expect(result.added == 0)
        #expect(result.updated == 2)
        #expect(result.unchanged == 1)
        #expect(try Self.counts(repo).projects == 3)

        // A change of status, date and completed is a progress update; the title is corrected in place.
        let firstHistory = try repo.projectHistory(first.id)
        #expect(firstHistory.project.title == "新名")
        #expect(firstHistory.project.status == .started)
        #expect(firstHistory.project.statusDate == (try Self.date("2021-05-01")))
        #expect(firstHistory.project.firstDate == (try Self.date("2020-01-01")))
        #expect(firstHistory.project.completed.yuan == 300_000_000)
        #expect(firstHistory.updates.map(\.status) == [.signed, .started])
        #expect(firstHistory.updates.map(\.date.description) == ["2020-01-01", "2021-05-01"])

        // Unchanged: nothing at all moved.
        #expect(try repo.projectHistory(second.id) == secondBefore)
        #expect(try repo.projectHistory(second.id).project == second)

        // A descriptive correction only: updated, but the history is as it was.
        let thirdHistory = try repo.projectHistory(third.id)
        #expect(thirdHistory.project.description == "新的简介")
        #expect(thirdHistory.updates.count == 1)
    }

    @Test func correctionThatWouldMoveBackIsRefused() throws {
        let added = try repo.addProject(NewProject(
            pairing: "harbin-shenzhen", task: "2.1", title: "已开工", status: .started, date: Self.date("2021-01-01")))
        let result = try repo.importCSV(.projects, from: try csv("""
            id,pairing,task,title,status,date
            \(added.id),harbin-shenzhen,2.1,改了名字,signed,2021-06-01

            """))
        #expect(Self.places(result) == [Place(2, "status")])
        #expect(try repo.projectHistory(added.id).project == added)
    }

    // MARK: - Dry run

    @Test func dryRunWritesNothingAndReportsWhatARealRunThenDoes() throws {
        let known = try repo.addProject(NewProject(pairing: "harbin-shenzhen", task: "2.1", title: "已有", date: Self.date("2020-01-01")))
        let same = try repo.addProject(NewProject(pairing: "jilin-zhejiang", task: "1.1", title: "相同", date: Self.date("2020-01-01")))
        let file = try csv("""
            id,pairing,task,title,status,date
            ,harbin-shenzhen,2.1,新项目一,signed,2021-01-01
            ,liaoning-jiangsu,2.2,新项目二,landed,2021-02-01
            \(known.id),harbin-shenzhen,2.1,已有,started,2021-03-01
            \(same.id),jilin-zhejiang,1.1,相同,signed,2020-01-01

            """)
        let before = try Self.counts(repo)
        let knownBefore = try repo.projectHistory(known.id)

        let dry = try repo.importCSV(.projects, from: file, dryRun: true)
        #expect(dry.dryRun)
        #expect(!dry.committed)
        #expect(dry.problems == [])
        #expect(dry.rows == 4 && dry.added == 2 && dry.updated == 1 && dry.unchanged == 1)
        #expect(try Self.counts(repo) == before)
        #expect(try repo.projectHistory(known.id) == knownBefore)

        let real = try repo.importCSV(.projects, from: file)
        #expect(real.committed)
        #expect(!real.dryRun)
        #expect(real.rows == dry.rows && real.added == dry.added && real.updated == dry.updated && real.unchanged == dry.unchanged)
        #expect(try Self.counts(repo).projects == before.projects + 2)
        #expect(try repo.projectHistory(known.id).updates.count == 2)
    }

    @Test func dryRunOfABadFileReportsTheSameProblems() throws {
        let file = try csv("pairing,task,title\nharbin-shenzhen,9.9,甲\nnowhere,2.1,乙\n")
        let dry = try repo.importCSV(.projects, from: file, dryRun: true)
        let real = try repo.importCSV(.projects, from: file)
        #expect(dry.problems == real.problems)
        #expect(Self.places(dry) == [Place(2, "task"), Place(3, "pairing")])
        #expect(try Self.counts(repo).projects == 0)
    }

    // MARK: - All or nothing

    @Test func oneBadRowAmongManyWritesNothingAndEveryBadRowIsReported() throws {
        let existing = try Self.counts(repo)
        var lines = ["id,pairing,task,title,status,date,planned,completed,landmark,description"]
        lines.append(",harbin-shenzhen,2.1,好1,signed,2020-01-01,1亿,,1,")                       // 2
        lines.append(",nowhere,2.1,坏:关系,signed,2020-01-01,,,,")                               // 3
        lines.append(",harbin-shenzhen,2.2,好2,signed,2020-01-01,,,0,\"三行\n简介,\n\"\"完\"\"\"")   // 4-6
        lines.append(",harbin-shenzhen,9.9,坏:任务和计划,signed,2020-01-01,abc,,,")                 // 7
        lines.append(",harbin-shenzhen,2.3,好3,landed,2020-01-01,,,,")                              // 8
        lines.append(",harbin-shenzhen,2.3,坏:状态和日期,未知,2021-13-01,,,,")                      // 9
        lines.append(",harbin-shenzhen,2.3,坏:标志性,signed,2020-01-01,,,maybe,")                   // 10
        lines.append(",harbin-shenzhen,2.3,坏:完成,signed,2020-01-01,,-5,,")                        // 11
        lines.append("")                                                                             // 12, blank
        lines.append(",harbin-shenzhen,2.3,  ,signed,2020-01-01,,,,")                               // 13
        lines.append(",harbin-shenzhen,2.3,坏:字段数,signed")                                       // 14
        lines.append(",,,,,,,,,")                                                                    // 15, blank
        lines.append("not-a-uuid,harbin-shenzhen,2.3,坏:编号,signed,2020-01-01,,,,")                // 16
        lines.append(",harbin-shenzhen,2.4,好4,operating,2020-01-01,2亿,1亿,是,最后")              // 17
        let result = try repo.importCSV(.projects, from: try csv(lines.joined(separator: "\n") + "\n"))

        #expect(!result.committed)
        #expect(try Self.counts(repo) == existing)
        #expect(Self.places(result) == [
            Place(3, "pairing"),
            Place(7, "task"), Place(7, "planned"),
            Place(9, "status"), Place(9, "date"),
            Place(10, "landmark"),
            Place(11, "completed"),
            Place(13, "title"),
            Place(14, nil),
            Place(16, "id"),
        ])
        #expect(result.problemCount == 10)
        #expect(result.rows == 12)      // the two blank rows are skipped
        #expect(result.refused == 8)
        #expect(result.added == 4)      // what would have been added
        #expect(result.problems.first?.description == "3: pairing: 'nowhere' does not exist; no pairing has this id, name or short name (see `duikou pairings`)")
        #expect(result.problems.first { $0.line == 14 }?.description == "14: has 5 fields; the header has 10")
        #expect(result.problems.first { $0.line == 11 }?.message.contains("negative") == true)
    }

    @Test func headerProblemsRefuseTheWholeFile() throws {
        let missing = try repo.importCSV(.projects, from: try csv("pairing,task\nharbin-shenzhen,2.1\n", name: "missing.csv"))
        #expect(Self.places(missing) == [Place(1, "title")])
        #expect(missing.problems.first?.message == "required column is missing")

        let unknown = try repo.importCSV(.projects, from: try csv("pairing,task,title,colour\nharbin-shenzhen,2.1,甲,red\n", name: "unknown.csv"))
        #expect(Self.places(unknown) == [Place(1, "colour")])
        #expect(unknown.problems.first?.message.hasPrefix("unknown column") == true)

        let twice = try repo.importCSV(.projects, from: try csv("pairing,task,title,任务\nharbin-shenzhen,2.1,甲,2.2\n", name: "twice.csv"))
        #expect(Self.places(twice) == [Place(1, "任务")])
        #expect(twice.problems.first?.message == "column given twice")

        // Spaces, case and hyphens in English headers are forgiven.
        let loose = try repo.importCSV(.projects, from: try csv(" Pairing ,TASK,Title,Northeast-Party,east party\nharbin-shenzhen,2.1,甲,哈,深\n", name: "loose.csv"))
        #expect(loose.problems == [])
        #expect(try project(titled: "甲").eastParty == "深")

        for result in [missing, unknown, twice] {
            #expect(!result.committed)
            #expect(result.rows == 0)
        }
        #expect(try Self.counts(repo).projects == 1)
    }

    @Test func emptyAndHeaderOnlyFilesAreRefused() throws {
        let empty = try repo.importCSV(.projects, from: try csv("", name: "empty.csv"))
        #expect(Self.places(empty) == [Place(1, nil)])
        #expect(empty.problems.first?.message.contains("empty") == true)
        #expect(!empty.committed)

        let bomOnly = try repo.importCSV(.projects, from: try csv("\u{FEFF}", name: "bom.csv"))
        #expect(Self.places(bomOnly) == [Place(1, nil)])

        let headerOnly = try repo.importCSV(.projects, from: try csv("pairing,task,title\r\n", name: "header.csv"))
        #expect(Self.places(headerOnly) == [Place(1, nil)])
        #expect(headerOnly.problems.first?.message.contains("no data rows") == true)
        #expect(!headerOnly.committed)

        let headerAndBlanks = try repo.importCSV(.updates, from: try csv("project,date,status\n\n,,\n\n", name: "blanks.csv"))
        #expect(headerAndBlanks.rows == 0)
        #expect(headerAndBlanks.problems.first?.message.contains("no data rows") == true)
        #expect(try Self.counts(repo) == Counts(projects: 0, updates: 0, parks: 0, exchanges: 0))
    }

    @Test func duplicateIdWithinTheFile() throws {
        let id = "20000000-0000-4000-8000-000000000001"
        let projects = try repo.importCSV(.projects, from: try csv("""
            id,pairing,task,title
            \(id),harbin-shenzhen,2.1,第一次
            ,harbin-shenzhen,2.1,无编号
            \(id.uppercased()),harbin-shenzhen,2.1,第二次

            """, name: "projects.csv"))
        #expect(Self.places(projects) == [Place(4, "id")])
        #expect(projects.problems.first?.message.contains("earlier row") == true)
        #expect(try Self.counts(repo).projects == 0)

        let parks = try repo.importCSV(.parks, from: try csv("""
            id,pairing,name
            \(id),harbin-shenzhen,园一
            \(id),harbin-shenzhen,园二

            """, name: "parks.csv"))
        #expect(Self.places(parks) == [Place(3, "id")])

        let exchanges = try repo.importCSV(.exchanges, from: try csv("""
            id,pairing,direction,kind,start
            \(id),harbin-shenzhen,to-east,secondment,2020-01-01
            \(id),harbin-shenzhen,to-east,secondment,2020-01-01

            """, name: "exchanges.csv"))
        #expect(Self.places(exchanges) == [Place(3, "id")])
        #expect(try Self.counts(repo) == Counts(projects: 0, updates: 0, parks: 0, exchanges: 0))
    }

    /// A recorded record may be corrected once per file: a second row for it is refused like a repeat.
    @Test func recordedIdCorrectedTwiceInTheFileIsRefused() throws {
        let id = "20000000-0000-4000-8000-000000000002"
        _ = try repo.importCSV(.projects, from: try csv("id,pairing,task,title\n\(id),harbin-shenzhen,2.1,原名\n", name: "first.csv"))
        let parkID = "30000000-0000-4000-8000-000000000002"
        _ = try repo.importCSV(.parks, from: try csv("id,pairing,name\n\(parkID),harbin-shenzhen,园一\n", name: "first-parks.csv"))

        let projects = try repo.importCSV(.projects, from: try csv("""
            id,pairing,task,title
            \(id),harbin-shenzhen,2.1,改名一
            ,harbin-shenzhen,2.1,新项目
            \(id),harbin-shenzhen,2.1,改名二

            """, name: "again.csv"))
        #expect(Self.places(projects) == [Place(4, "id")])
        #expect(!projects.committed)
        #expect(try repo.projects().map(\.title) == ["原名"])

        let parks = try repo.importCSV(.parks, from: try csv("""
            id,pairing,name
            \(parkID),harbin-shenzhen,园二
            \(parkID),harbin-shenzhen,园三

            """, name: "again-parks.csv"))
        #expect(Self.places(parks) == [Place(3, "id")])
    }

    /// With a record at the largest rowid SQLite picks new rowids at random, so "added by this file"
    /// cannot be told from rowids; the importer then tracks every id, and a repeat is still refused.
    @Test func repeatedIdIsRefusedWhenRowidsRunOut() throws {
        let recorded = "20000000-0000-4000-8000-000000000003"
        _ = try repo.importCSV(.projects, from: try csv("id,pairing,task,title\n\(recorded),harbin-shenzhen,2.1,最后一行\n", name: "first.csv"))
        try tamper(db.path, "UPDATE project SET rowid = 9223372036854775807 WHERE id = '\(recorded)'")
        let id = "20000000-0000-4000-8000-000000000004"
        let result = try repo.importCSV(.projects, from: try csv("""
            id,pairing,task,title
            \(id),harbin-shenzhen,2.1,第一次
            \(id),harbin-shenzhen,2.1,第二次

            """, name: "repeat.csv"))
        #expect(Self.places(result) == [Place(3, "id")])
        #expect(result.problems.first?.message.contains("earlier row") == true)
        #expect(try Self.counts(repo).projects == 1)
    }

    @Test func problemsAreCappedAtOneHundredAndCounted() throws {
        var text = "pairing,task,title\n"
        for index in 0..<150 { text += "harbin-shenzhen,9.\(index),项目\(index)\n" }
        let result = try repo.importCSV(.projects, from: try csv(text))
        #expect(result.problems.count == ImportResult.maximumProblems)
        #expect(ImportResult.maximumProblems == 100)
        #expect(result.problemCount == 150)
        #expect(result.refused == 150)
        #expect(result.problems.first?.line == 2)
        #expect(result.problems.last?.line == 101)
        #expect(result.problems.allSatisfy { $0.column == "task" })
        #expect(try Self.counts(repo).projects == 0)
    }

    @Test func lineNumbersAfterMultiLineFieldsAndCrlf() throws {
        let text = "pairing,task,title,description\r\n"
            + "harbin-shenzhen,2.1,甲,\"第一行\r\n第二行\r\n第三行\"\r\n"   // lines 2-4
            + "\r\n"                                                         // line 5, blank
            + "nowhere,2.1,乙,\"a\nb\"\r\n"                                   // lines 6-7
            + "harbin-shenzhen,0.0,丙,\r\n"                                   // line 8
        let result = try repo.importCSV(.projects, from: try csv(text))
        #expect(Self.places(result) == [Place(6, "pairing"), Place(8, "task")])
    }

    @Test func malformedCsvIsReportedPerRecordWithItsLine() throws {
        let text = "pairing,task,title\n"
            + "harbin-shenzhen,2.1,好\n"
            + "harbin-shenzhen,2.1,坏\"引号\n"
            + "harbin-shenzhen,2.1,\"闭合\"之后\n"
            + "harbin-shenzhen,2.1,\"多\n行\"\n"
            + "harbin-shenzhen,2.1,\"未闭合\n"
        let result = try repo.importCSV(.projects, from: try csv(text))
        #expect(result.problems.map(\.line) == [3, 4, 7])
        #expect(result.problems.allSatisfy { $0.column == nil })
        #expect(result.problems.last?.message.contains("never closes") == true)
        #expect(result.refused == 3)
        #expect(try Self.counts(repo).projects == 0)
    }

    // MARK: - Export

    private static let projectIDs = [
        "30000000-0000-4000-8000-000000000003", "30000000-0000-4000-8000-000000000001", "30000000-0000-4000-8000-000000000002",
    ]

    /// Three projects added out of id order, one in a park and with a history; a park; an exchange.
    private func smallDatabase() throws -> Park {
        let park = try repo.addPark(NewPark(
            id: UUID(uuidString: "40000000-0000-4000-8000-000000000001")!, pairing: "harbin-shenzhen", name: "深圳（哈尔滨）产业园区",
            kind: .joint, hostRegion: "230100", partner: "深圳市", established: Self.date("2019-05-09"),
            plannedArea: LandArea(parsingKm2: "1.53"), benefitSharing: "五五分成"))
        _ = try repo.addProject(NewProject(
            id: UUID(uuidString: Self.projectIDs[0])!, pairing: "harbin-shenzhen", task: "2.1", title: "丙", park: park.id,
            landmark: true, planned: Self.yuan("1114.79亿"), status: .started, date: Self.date("2021-01-01"), completed: Self.yuan("626207万元")))
        _ = try repo.addProject(NewProject(
            id: UUID(uuidString: Self.projectIDs[1])!, pairing: "jilin-zhejiang", task: "1.1", title: "甲", date: Self.date("2020-01-01")))
        _ = try repo.addProject(NewProject(
            id: UUID(uuidString: Self.projectIDs[2])!, pairing: "dalian-shanghai", task: "2.5", title: "乙", planned: Self.yuan("12.5"),
            date: Self.date("2020-02-02")))
        _ = try repo.recordUpdate(NewProgressUpdate(date: Self.date("2020-06-01"), status: .landed, note: "落地"),
                                  toProject: UUID(uuidString: Self.projectIDs[1])!)
        _ = try repo.addExchange(NewExchange(
            id: UUID(uuidString: "50000000-0000-4000-8000-000000000001")!, pairing: "harbin-shenzhen", direction: .toNortheast,
            kind: .training, start: Self.date("2019-10-01"), end: Self.date("2019-10-08"), participants: 40, fromOrg: "深圳市委党校"))
        return park
    }

    @Test func csvExportHasExactHeaderStableOrderAndAmountsInYuan() throws {
        _ = try smallDatabase()
        let projects = try Self.exported(repo, .projects)
        #expect(projects == """
            id,pairing,task,title,status,date,planned,completed,northeast_party,east_party,park,landmark,description,reached,planned_start,planned_completion\r
            30000000-0000-4000-8000-000000000001,jilin-zhejiang,1.1,甲,landed,2020-06-01,,0元,,,,0,,,,\r
            30000000-0000-4000-8000-000000000002,dalian-shanghai,2.5,乙,signed,2020-02-02,125000元,0元,,,,0,,,,\r
            30000000-0000-4000-8000-000000000003,harbin-shenzhen,2.1,丙,started,2021-01-01,111479000000元,6262070000元,,,40000000-0000-4000-8000-000000000001,1,,,,\r

            """)
        let updates = try Self.exported(repo, .updates)
        #expect(updates == """
            project,date,status,completed,note\r
            30000000-0000-4000-8000-000000000001,2020-01-01,signed,0元,\r
            30000000-0000-4000-8000-000000000001,2020-06-01,landed,0元,落地\r
            30000000-0000-4000-8000-000000000002,2020-02-02,signed,0元,\r
            30000000-0000-4000-8000-000000000003,2021-01-01,started,6262070000元,\r

            """)
        let parks = try Self.exported(repo, .parks)
        #expect(parks == """
            id,pairing,name,kind,host_region,partner,established,planned_area_km2,benefit_sharing\r
            40000000-0000-4000-8000-000000000001,harbin-shenzhen,深圳（哈尔滨）产业园区,joint,230100,深圳市,2019-05-09,1.53,五五分成\r

            """)
        let exchanges = try Self.exported(repo, .exchanges)
        #expect(exchanges == """
            id,pairing,direction,kind,start,end,participants,person,from_org,to_org,post\r
            50000000-0000-4000-8000-000000000001,harbin-shenzhen,to-northeast,training,2019-10-01,2019-10-08,40,,深圳市委党校,,\r

            """)
        // The export is the same every time.
        #expect(try Self.exported(repo, .projects) == projects)
    }

    @Test func byteOrderMarkOnlyWhenAskedAndOnlyForCsv() throws {
        _ = try smallDatabase()
        let plain = try Self.exported(repo, .projects)
        let marked = try Self.exported(repo, .projects, bom: true)
        #expect(!plain.hasPrefix("\u{FEFF}"))
        #expect(Array(marked.utf8.prefix(5)) == [0xEF, 0xBB, 0xBF, UInt8(ascii: "i"), UInt8(ascii: "d")])
        #expect(marked == "\u{FEFF}" + plain)
        let jsonl = try Self.exported(repo, .projects, format: .jsonl, bom: true)
        #expect(jsonl.hasPrefix("{\"id\":"))

        // A marked export imports back (into a fresh database).
        let other = try TemporaryDatabase()
        let otherRepo = try other.open()
        _ = try otherRepo.importCSV(.parks, from: try csv(try Self.exported(repo, .parks, bom: true), name: "parks.csv"))
        let result = try otherRepo.importCSV(.projects, from: try csv(marked, name: "marked.csv"))
        #expect(result.problems == [])
        #expect(result.added == 3)
    }

    @Test func jsonLinesExportHasIntegerAmountsAndTheSameKeys() throws {
        _ = try smallDatabase()
        let text = try Self.exported(repo, .projects, format: .jsonl)
        #expect(text.hasSuffix("\n"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 3)
        #expect(lines.first == #"{"id":"30000000-0000-4000-8000-000000000001","pairing":"jilin-zhejiang","task":"1.1","title":"甲","status":"landed","date":"2020-06-01","planned":null,"completed":0,"northeast_party":null,"east_party":null,"park":null,"landmark":false,"description":null,"reached":null,"planned_start":null,"planned_completion":null}"#)
        let objects = try lines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        #expect(objects.map { $0["id"] as? String } == Self.projectIDs.sorted())
        let last = try #require(objects.last)
        #expect((last["planned"] as? NSNumber)?.int64Value == 111_479_000_000)
        #expect((last["completed"] as? NSNumber)?.int64Value == 6_262_070_000)
        #expect(last["landmark"] as? Bool == true)
        #expect(Set(last.keys) == Set(InterchangeKind.projects.columns.map(\.key)))

        let updates = try Self.exported(repo, .updates, format: .jsonl)
        #expect(updates.split(separator: "\n").last == #"{"project":"30000000-0000-4000-8000-000000000003","date":"2021-01-01","status":"started","completed":6262070000,"note":null}"#)
        let parks = try Self.exported(repo, .parks, format: .jsonl)
        #expect(parks == #"{"id":"40000000-0000-4000-8000-000000000001","pairing":"harbin-shenzhen","name":"深圳（哈尔滨）产业园区","kind":"joint","host_region":"230100","partner":"深圳市","established":"2019-05-09","planned_area_km2":1.53,"benefit_sharing":"五五分成"}"# + "\n")
        let exchanges = try Self.exported(repo, .exchanges, format: .jsonl)
        #expect(exchanges.contains(#""participants":40,"#))
    }

    @Test func emptyDatabaseExportsHeaderOnly() throws {
        #expect(try Self.exported(repo, .updates) == "project,date,status,completed,note\r\n")
        #expect(try Self.exported(repo, .updates, format: .jsonl) == "")
    }

    @Test func hostileTextRoundTripsThroughCsvAndJsonLines() throws {
        let title = "他说\"你好\", 然后\n换行 🚀🇨🇳"
        let description = "第一行\r\n第二行, \"引号\"\r孤立的回车 👩‍👩‍👧 ,,\"\" \t制表符 \\反斜杠 \u{1}控制 \u{2028}行分隔"
        let northeast = "\"开头就是引号\", 逗号"
        let east = "=SUM(A1),'单引号' \u{3000}全角空格内"
        let park = try repo.addPark(NewPark(pairing: "harbin-shenzhen", name: "园区 \"HIT\", 🚀\n二号", partner: "a,b", benefitSharing: "税收\n\"五五\""))
        let added = try repo.addProject(NewProject(
            pairing: "harbin-shenzhen", task: "2.1", title: title, description: description, northeastParty: northeast, eastParty: east,
            park: park.id, landmark: true, planned: Self.yuan("1114.79亿"), status: .landed, date: Self.date("2021-09-12"),
            completed: Self.yuan("3500元")))
        let exchange = try repo.addExchange(NewExchange(
            pairing: "harbin-shenzhen", direction: .toEast, kind: .secondment, start: Self.date("2020-01-01"),
            person: "张三, \"小张\"", fromOrg: "哈尔滨\r\n市委", toOrg: "深圳 🚀", post: "副区长,挂职"))

        let other = try TemporaryDatabase()
        let target = try other.open()
        for kind in [InterchangeKind.parks, .projects, .exchanges] {
            let result = try target.importCSV(kind, from: try csv(try Self.exported(repo, kind), name: "\(kind).csv"))
            #expect(result.problems == [], "\(kind)")
            #expect(result.added == 1, "\(kind)")
        }
        let copy = try #require(try target.projects().first)
        #expect(copy.id == added.id)
        #expect(copy.title == title)
        #expect(copy.description == description)
        #expect(copy.northeastParty == northeast)
        #expect(copy.eastParty == east)
        #expect(copy.park == park.id)
        #expect(copy == added)
        let parkCopy = try #require(try target.parks().first)
        #expect(parkCopy.name == park.name && parkCopy.partner == "a,b" && parkCopy.benefitSharing == "税收\n\"五五\"")
        #expect(try target.exchanges() == [exchange])

        // JSON Lines keeps the same text.
        let jsonl = try Self.exported(repo, .projects, format: .jsonl)
        #expect(jsonl.split(separator: "\n").count == 1)   // line breaks inside values are escaped
        let object = try #require(try JSONSerialization.jsonObject(with: Data(jsonl.utf8)) as? [String: Any])
        #expect(object["title"] as? String == title)
        #expect(object["description"] as? String == description)
        #expect(object["northeast_party"] as? String == northeast)
    }

    // MARK: - Round trips

    /// Parks, projects with histories in every status (suspended and terminated included, completed
    /// investment growing, a resumed project), child-free pairings all over, and exchanges of both kinds.
    private static func buildVariedDatabase(_ repo: Repository) throws {
        let harbinPark = try repo.addPark(NewPark(pairing: "harbin-shenzhen", name: "深圳（哈尔滨）产业园区", kind: .joint, hostRegion: "230100",
                                                  partner: "深圳市", established: date("2019-05-09"), plannedArea: LandArea(parsingKm2: "26")))
        let hitPark = try repo.addPark(NewPark(pairing: "heilongjiang-guangdong", name: "哈工大智能装备产业园", kind: .branch,
                                               established: date("2018-11-28"), plannedArea: LandArea(parsingKm2: "3.2")))
        _ = try repo.addPark(NewPark(pairing: "jilin-zhejiang", name: "无日期园区", kind: .enclave))

        struct Step { let date: String; let status: ProjectStatus?; let completed: String? }
        let stories: [(String, String, String, Bool, String?, UUID?, ProjectStatus, String, [Step])] = [
            ("heilongjiang-guangdong", "2.1", "装备制造", true, "10亿", hitPark.id, .signed, "2018-03-01",
             [Step(date: "2019-06-01", status: .started, completed: "2亿"), Step(date: "2020-09-01", status: .operating, completed: "8亿")]),
            ("heilongjiang-guangdong", "4.2", "平台项目", false, "5亿", nil, .signed, "2018-05-10",
             [Step(date: "2019-12-31", status: .landed, completed: "0.5亿")]),
            ("harbin-shenzhen", "2.3", "绿色食品", true, "3亿", harbinPark.id, .negotiating, "2019-01-15",
             [Step(date: "2019-07-01", status: .signed, completed: nil), Step(date: "2020-03-01", status: .started, completed: "1亿")]),
            ("harbin-shenzhen", "2.3", "停建项目", false, "2亿", harbinPark.id, .signed, "2019-04-01",
             [Step(date: "2020-01-01", status: .started, completed: "0.3亿"), Step(date: "2020-06-01", status: .suspended, completed: nil)]),
            ("harbin-shenzhen", "3.1", "终止项目", false, "8亿", nil, .signed, "2018-11-20",
             [Step(date: "2019-05-01", status: .landed, completed: nil), Step(date: "2020-04-01", status: .terminated, completed: "0.2亿")]),
            ("jilin-zhejiang", "2.2", "复工项目", true, "20亿", nil, .signed, "2020-02-02",
             [Step(date: "2020-05-05", status: .started, completed: "1亿"), Step(date: "2020-08-08", status: .suspended, completed: nil),
              Step(date: "2021-05-05", status: .completed, completed: "15亿")]),
            ("jilin-zhejiang", "1.5", "谋划项目", false, nil, nil, .planned, "2018-07-07", []),
            ("liaoning-jiangsu", "2.5", "洽谈项目", false, "1.5亿", nil, .negotiating, "2021-03-03", []),
            ("inner-mongolia", "4.4", "内蒙古项目", false, "4亿", nil, .signed, "2019-09-09",
             [Step(date: "2021-08-08", status: .landed, completed: "0.4亿"), Step(date: "2021-09-09", status: nil, completed: "0.5亿")]),
            ("dalian-shanghai", "1.2", "只有备注", false, "626207万元", nil, .landed, "2022-01-01",
             [Step(date: "2022-02-02", status: nil, completed: nil)]),
            ("shenyang-beijing", "3.3", "直接终止", false, "12.5", nil, .terminated, "2020-10-10", []),
            ("changchun-tianjin", "2.4", "直接停建", true, "3500元", nil, .suspended, "2021-11-11", []),
        ]
        for (pairing, task, title, landmark, planned, park, status, first, steps) in stories {
            let project = try repo.addProject(NewProject(
                pairing: pairing, task: task, title: title, description: "\(title)的简介, \"示例\"", northeastParty: "东北方", eastParty: "东部方",
                park: park, landmark: landmark, planned: planned.map(yuan), status: status, date: date(first)))
            for step in steps {
                _ = try repo.recordUpdate(NewProgressUpdate(date: date(step.date), status: step.status, completed: step.completed.map(yuan),
                                                            note: step.status == nil && step.completed == nil ? "备注" : nil),
                                          toProject: project.id)
            }
        }
        let exchanges: [(String, ExchangeDirection, ExchangeKind, String, Int?)] = [
            ("heilongjiang-guangdong", .toEast, .secondment, "2018-06-01", nil),
            ("heilongjiang-guangdong", .toNortheast, .secondment, "2020-01-10", 3),
            ("harbin-shenzhen", .toEast, .secondment, "2019-02-01", 2),
            ("harbin-shenzhen", .toNortheast, .training, "2021-01-01", 25),
            ("inner-mongolia", .toEast, .training, "2019-10-01", 40),
        ]
        for (pairing, direction, kind, start, participants) in exchanges {
            _ = try repo.addExchange(NewExchange(pairing: pairing, direction: direction, kind: kind, start: date(start),
                                                 participants: participants, person: kind == .secondment ? "干部" : nil))
        }
    }

    private static func progressTexts(_ repo: Repository) throws -> [String] {
        try ProgressGrouping.allCases.map { try repo.progress(ProgressQuery(grouping: $0)).json.text() }
    }

    @Test func exportThenImportIntoAnEmptyDatabaseGivesTheSameProgressReport() throws {
        try Self.buildVariedDatabase(repo)
        #expect(ProgressGrouping.allCases == [.area, .task, .pairing, .province])
        let source = try Self.progressTexts(repo)
        let sourceCounts = try Self.counts(repo)
        #expect(sourceCounts == Counts(projects: 12, updates: 27, parks: 3, exchanges: 5))

        let other = try TemporaryDatabase()
        let target = try other.open()
        var files: [InterchangeKind: String] = [:]
        for kind in [InterchangeKind.parks, .projects, .exchanges] {
            files[kind] = try csv(try Self.exported(repo, kind), name: "\(kind).csv")
            let result = try target.importCSV(kind, from: files[kind]!)
            #expect(result.problems == [], "\(kind)")
            #expect(result.committed)
        }
        #expect(try Self.progressTexts(target) == source)
        let targetCounts = try Self.counts(target)
        #expect(targetCounts.projects == 12 && targetCounts.parks == 3 && targetCounts.exchanges == 5)
        // One first update per project (histories move with `merge`), and one more for each of the two
        // projects suspended or terminated after reaching a step: that step, then their status.
        #expect(targetCounts.updates == 14)
        // Exporting the copy gives the same files.
        for kind in [InterchangeKind.parks, .projects, .exchanges] {
            #expect(try Self.exported(target, kind) == (try Self.exported(repo, kind)), "\(kind)")
        }

        // Re-importing the same export into the source leaves everything unchanged.
        files[.updates] = try csv(try Self.exported(repo, .updates), name: "updates.csv")
        for kind in [InterchangeKind.parks, .projects, .exchanges, .updates] {
            let result = try repo.importCSV(kind, from: files[kind]!)
            #expect(result.problems == [], "\(kind)")
            #expect(result.added == 0 && result.updated == 0, "\(kind)")
            #expect(result.unchanged == result.rows && result.rows > 0, "\(kind)")
        }
        #expect(try Self.counts(repo) == sourceCounts)
        #expect(try Self.progressTexts(repo) == source)

        // The history export does not go into the copy: its first updates are before the latest ones.
        let history = try target.importCSV(.updates, from: files[.updates]!)
        #expect(!history.committed)
        #expect(history.problemCount > 0)
        #expect(history.problems.allSatisfy { $0.column == "date" || $0.column == "status" })
        #expect(try Self.counts(target) == targetCounts)
    }

    @Test func demoDatabaseRoundTripsToTheSameProgressReport() throws {
        let demoPath = db.folder.appendingPathComponent("demo.sqlite").path
        let (demo, summary) = try DemoData.create(at: demoPath)
        #expect(summary.projects > 100)
        // The demo's own regions and city pairings are not an export kind: add them as a user would.
        let known = try repo.catalogue()
        let demoCatalogue = try demo.catalogue()
        for region in demoCatalogue.regions where known.region(region.code) == nil { try repo.addRegion(region) }
        for pairing in demoCatalogue.pairings where known.pairing(pairing.id) == nil {
            _ = try repo.addPairing(NewPairing(id: pairing.id, northeast: pairing.northeast, east: pairing.east, level: pairing.level,
                                               status: pairing.status, parent: pairing.parent))
        }
        for kind in [InterchangeKind.parks, .projects, .exchanges, .reforms, .meetings, .funding] {
            let result = try repo.importCSV(kind, from: try csv(try Self.exported(demo, kind), name: "demo-\(kind).csv"))
            #expect(result.problems == [], "\(kind)")
        }
        #expect(try Self.progressTexts(repo) == (try Self.progressTexts(demo)))
    }
}
