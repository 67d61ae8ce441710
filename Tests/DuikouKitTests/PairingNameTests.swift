import Foundation
import Testing
@testable import DuikouKit

/// The names people use: pairings read by id, Chinese and English name, short name and alias; tasks
/// by code and Chinese name; ambiguous and unknown names refused; aliases added under their rules.
@Suite struct PairingNameTests {
    private let db: TemporaryDatabase
    private let repo: Repository

    init() throws {
        db = try TemporaryDatabase()
        repo = try db.open(Repository.Options(identity: AuditIdentity(actor: "王芳", command: "测试")))
    }

    /// The short names of the plan's pairings, as the catalogue migration seeds them.
    static let shortNames: [(String, String)] = [
        ("辽苏", "liaoning-jiangsu"), ("吉浙", "jilin-zhejiang"), ("黑粤", "heilongjiang-guangdong"), ("龙粤", "heilongjiang-guangdong"),
        ("京沈", "shenyang-beijing"), ("沈京", "shenyang-beijing"), ("沪连", "dalian-shanghai"), ("连沪", "dalian-shanghai"),
        ("津长", "changchun-tianjin"), ("长津", "changchun-tianjin"), ("深哈", "harbin-shenzhen"), ("哈深", "harbin-shenzhen"),
        ("内蒙古", "inner-mongolia"),
    ]

    private func expectCode(_ code: DuikouError.Code, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) -> DuikouError? {
        do {
            try body()
            Issue.record("expected a refusal with code \(code)", sourceLocation: sourceLocation)
        } catch let error as DuikouError {
            #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
            return error
        } catch {
            Issue.record("expected a DuikouError, got \(error)", sourceLocation: sourceLocation)
        }
        return nil
    }

    /// Adds two prefecture cities and a city pairing between them inside jilin-zhejiang.
    private func addCityPairing(_ id: String = "jilin-wenzhou") throws {
        if try repo.catalogue().region("220200") == nil {
            try repo.addRegion(Region(code: "220200", nameZH: "吉林市", nameEN: "Jilin City", level: .prefectureCity, side: .northeast))
            try repo.addRegion(Region(code: "330300", nameZH: "温州市", nameEN: "Wenzhou", level: .prefectureCity, side: .east))
        }
        try repo.addPairing(NewPairing(id: id, northeast: "220200", east: "330300", parent: "jilin-zhejiang"))
    }

    // MARK: - Pairings

    @Test func everySeededShortNameNamesItsPairing() throws {
        let catalogue = try repo.catalogue()
        for (alias, id) in Self.shortNames {
            #expect(try catalogue.pairing(named: alias).id == id, "\(alias)")
            #expect(try repo.resolvePairing(alias) == id, "\(alias)")
        }
        #expect(catalogue.aliases.map(\.alias).sorted() == Self.shortNames.map(\.0).sorted())
        #expect(catalogue.aliases(ofPairing: "heilongjiang-guangdong") == ["黑粤", "龙粤"])
        #expect(catalogue.aliases(ofPairing: "shenyang-beijing") == ["京沈", "沈京"])
    }

    @Test func idsAndNamesWithAnyDashSpacesCaseAndFullWidthForms() throws {
        let catalogue = try repo.catalogue()
        for pairing in catalogue.pairings {
            #expect(try catalogue.pairing(named: pairing.id) == pairing)
            #expect(try catalogue.pairing(named: catalogue.name(ofPairing: pairing.id, .zh)) == pairing)
            #expect(try catalogue.pairing(named: catalogue.name(ofPairing: pairing.id, .en)) == pairing)
            #expect(catalogue.names(ofPairing: pairing.id).contains(pairing.id))
        }
        for text in ["辽宁省—江苏省", "辽宁省–江苏省", "辽宁省-江苏省", "辽宁省－江苏省", "辽宁省——江苏省", "辽宁省―江苏省",
                     " 辽宁省 — 江苏省 ", "\u{3000}辽宁省－江苏省\u{3000}", "\t辽苏\n", "Liaoning–Jiangsu", "liaoning - jiangsu",
                     "LIAONING-JIANGSU", "Ｌｉａｏｎｉｎｇ－Ｊｉａｎｇｓｕ", " liaoning-jiangsu "] {
            #expect(try catalogue.pairing(named: text).id == "liaoning-jiangsu", "\(text)")
        }
        // The exploring pairing, without an Eastern side, is also named by its region alone.
        for text in ["内蒙古自治区—（待定）", "Inner Mongolia–(to be paired)", "内蒙古自治区", "Inner Mongolia", "inner mongolia", "内蒙古"] {
            #expect(try catalogue.pairing(named: text).id == "inner-mongolia", "\(text)")
        }
        // A region alone does not name a pairing that has an Eastern side.
        _ = expectCode(.notFound) { _ = try catalogue.pairing(named: "辽宁省") }
    }

    @Test func unknownAndEmptyNamesAreRefusedNamingTheValue() throws {
        let unknown = expectCode(.notFound) { _ = try repo.resolvePairing("辽X 🚀") }
        #expect(unknown?.field == "pairing")
        #expect(unknown?.recordID == "辽X 🚀")
        #expect(unknown?.message.contains("'辽X 🚀'") == true)
        for blank in ["", "  ", "\u{3000}"] {
            #expect(expectCode(.invalidInput) { _ = try repo.resolvePairing(blank) }?.field == "pairing")
        }
        // A dash alone is no name either.
        _ = expectCode(.notFound) { _ = try repo.resolvePairing("—") }
    }

    @Test func aNameOfSeveralPairingsIsRefusedWithTheCandidates() throws {
        // The plan says pairings are not exclusive: two pairings may join the same regions, and then
        // share their names.
        try addCityPairing("jilin-wenzhou")
        try addCityPairing("jilin-wenzhou-2")
        let error = expectCode(.invalidInput) { _ = try repo.resolvePairing("吉林市—温州市") }
        #expect(error?.field == "pairing")
        for candidate in ["jilin-wenzhou (吉林市—温州市)", "jilin-wenzhou-2 (吉林市—温州市)"] {
            #expect(error?.message.contains(candidate) == true, "\(String(describing: error))")
        }
        // Their ids still name each one.
        #expect(try repo.resolvePairing("jilin-wenzhou-2") == "jilin-wenzhou-2")
        // An alias tells them apart.
        try repo.addPairingAlias(PairingAlias(alias: "吉温", pairing: "jilin-wenzhou"))
        #expect(try repo.resolvePairing("吉温") == "jilin-wenzhou")
    }

    @Test func anAddedAliasNamesItsPairingAndIsAudited() throws {
        try addCityPairing()
        let added = try repo.addPairingAlias(PairingAlias(alias: "  吉温 ", pairing: "jilin-wenzhou"))
        #expect(added == (try PairingAlias(alias: "吉温", pairing: "jilin-wenzhou")))
        #expect(try repo.pairing(named: "吉温").id == "jilin-wenzhou")
        #expect(try repo.catalogue().aliases(ofPairing: "jilin-wenzhou") == ["吉温"])
        let entry = try #require(try repo.history().last)
        #expect(entry.action == .add)
        #expect(entry.recordKind == "pairing")
        #expect(entry.recordID == "jilin-wenzhou")
        #expect(entry.actor == "王芳")
        #expect(entry.summary == "alias 吉温")

        // Used where ids are: a project recorded under the alias's pairing, found through it.
        let project = try repo.addProject(NewProject(pairing: try repo.resolvePairing("吉温"), task: try repo.resolveTask("推进农业和绿色食品产业合作"),
                                                     title: "温州鞋业", date: LocalDate(parsing: "2024-03-01")))
        #expect(project.pairing == "jilin-wenzhou")
        #expect(project.task == "2.3")
        #expect(try repo.projects(ProjectFilter(pairing: repo.resolvePairing("吉温"))).map(\.id) == [project.id])
        // The parent's short name takes in the child's projects.
        #expect(try repo.projects(ProjectFilter(pairing: repo.resolvePairing("吉浙"))).map(\.id) == [project.id])
        #expect(try repo.progress(ProgressQuery(pairing: repo.resolvePairing("吉温"))).total.projects == 1)
    }

    @Test func hostileAliasesAreKeptAsTyped() throws {
        for (alias, pairing) in [("辽苏 🚗 \"引号\" 'q'", "liaoning-jiangsu"), ("'); DROP TABLE pairing; --", "jilin-zhejiang"),
                                 ("e\u{301}👨‍👩‍👧", "dalian-shanghai"), (String(repeating: "长", count: PairingAlias.maximumLength), "harbin-shenzhen")] {
            try repo.addPairingAlias(PairingAlias(alias: alias, pairing: pairing))
            #expect(try repo.resolvePairing(alias) == pairing, "\(alias)")
        }
        #expect(try repo.catalogue().pairings.count == 8)
        #expect(try repo.resolvePairing(" 辽苏🚗\"引号\"'q' ") == "liaoning-jiangsu")
        // Too long, blank, or with control characters: refused before anything is written.
        for bad in [String(repeating: "长", count: PairingAlias.maximumLength + 1), " ", "\u{3000}\u{2028}", "a\nb", "a\tb", "a\u{7}b", "a\u{0}b", "a\u{2028}b"] {
            #expect(expectCode(.invalidInput) { _ = try PairingAlias(alias: bad, pairing: "liaoning-jiangsu") }?.field == "alias", "\(bad)")
        }
        #expect(try repo.check().isSound)
    }

    @Test func anAliasThatNamesAPairingAlreadyIsRefusedNamingIt() throws {
        try addCityPairing()
        let cases: [(alias: String, pairing: String, taken: String)] = [
            ("harbin-shenzhen", "jilin-zhejiang", "harbin-shenzhen"),            // another pairing's id
            ("Harbin–Shenzhen", "jilin-zhejiang", "harbin-shenzhen"),            // its English name
            ("哈尔滨市 - 深圳市", "jilin-zhejiang", "harbin-shenzhen"),          // its Chinese name, another dash
            ("深哈", "jilin-zhejiang", "harbin-shenzhen"),                       // its short name
            ("内蒙古自治区", "jilin-zhejiang", "inner-mongolia"),                // the exploring pairing's region
            ("吉浙", "jilin-zhejiang", "jilin-zhejiang"),                        // already this pairing's
            ("jilin-zhejiang", "jilin-wenzhou", "jilin-zhejiang"),               // the parent's id
        ]
        for (alias, pairing, taken) in cases {
            let error = expectCode(.constraint) { try repo.addPairingAlias(PairingAlias(alias: alias, pairing: pairing)) }
            #expect(error?.recordID == taken, "\(alias)")
            #expect(error?.message.contains(taken) == true, "\(String(describing: error))")
        }
        // Latin letters in any case, and full-width forms, are the same alias.
        try repo.addPairingAlias(PairingAlias(alias: "LS", pairing: "liaoning-jiangsu"))
        for same in ["ls", "Ls", "ＬＳ", " l s "] {
            #expect(expectCode(.constraint) { try repo.addPairingAlias(PairingAlias(alias: same, pairing: "jilin-wenzhou")) }?.recordID == "liaoning-jiangsu")
        }
        // An unknown pairing.
        _ = expectCode(.notFound) { try repo.addPairingAlias(PairingAlias(alias: "无", pairing: "nowhere")) }
        // Nothing was written by the refusals.
        #expect(try repo.catalogue().aliases.count == Self.shortNames.count + 1)
        #expect(try repo.history().filter { $0.summary.hasPrefix("alias") }.count == 1)
    }

    @Test func theTableRefusesAnAliasTwiceInAnyCaseEvenBehindTheLibrary() throws {
        try repo.addPairingAlias(PairingAlias(alias: "LS", pairing: "liaoning-jiangsu"))
        #expect(throws: DuikouError.self) { try tamper(db.path, "INSERT INTO pairing_alias (alias, pairing_id) VALUES ('ls', 'jilin-zhejiang')") }
        #expect(throws: DuikouError.self) {
            try tamper(db.path, "PRAGMA foreign_keys = ON; INSERT INTO pairing_alias (alias, pairing_id) VALUES ('x', 'nowhere')")
        }
        #expect(throws: DuikouError.self) { try tamper(db.path, "INSERT INTO pairing_alias (alias, pairing_id) VALUES (' x', 'jilin-zhejiang')") }
    }

    @Test func aPairingWhoseIdIsAnotherPairingsAliasIsRefused() throws {
        try repo.addRegion(Region(code: "220200", nameZH: "吉林市", nameEN: "Jilin City", level: .prefectureCity, side: .northeast))
        try repo.addRegion(Region(code: "330300", nameZH: "温州市", nameEN: "Wenzhou", level: .prefectureCity, side: .east))
        try repo.addPairingAlias(PairingAlias(alias: "jilin-wenzhou", pairing: "jilin-zhejiang"))
        let error = expectCode(.constraint) { try repo.addPairing(NewPairing(id: "jilin-wenzhou", northeast: "220200", east: "330300")) }
        #expect(error?.message.contains("jilin-zhejiang") == true)
        // A name made from the regions counts too.
        try repo.addPairingAlias(PairingAlias(alias: "吉林市—温州市", pairing: "jilin-zhejiang"))
        _ = expectCode(.constraint) { try repo.addPairing(NewPairing(id: "jw", northeast: "220200", east: "330300")) }
        #expect(try repo.catalogue().pairings.count == 8)
    }

    @Test func checkFindsAnAliasThatNamesTwoPairings() throws {
        // Written behind the library's back: the library would refuse it.
        try tamper(db.path, "INSERT INTO pairing_alias (alias, pairing_id) VALUES ('辽宁省-江苏省', 'jilin-zhejiang')")
        let report = try repo.check()
        #expect(!report.isSound)
        #expect(report.problems.contains { $0.contains("辽宁省-江苏省") && $0.contains("liaoning-jiangsu") }, "\(report.problems)")
        // Reading the name is then ambiguous, never a guess.
        let error = expectCode(.invalidInput) { _ = try repo.resolvePairing("辽宁省—江苏省") }
        #expect(error?.message.contains("jilin-zhejiang") == true)
        #expect(error?.message.contains("liaoning-jiangsu") == true)
        // The id still names it.
        #expect(try repo.resolvePairing("liaoning-jiangsu") == "liaoning-jiangsu")
    }

    @Test func asyncTwinsAnswerAlike() async throws {
        #expect(try await repo.resolvePairing("龙粤") == "heilongjiang-guangdong")
        #expect(try await repo.pairing(named: "京沈").id == "shenyang-beijing")
        #expect(try await repo.resolveTask("推进新兴产业合作") == "2.2")
        #expect(try await repo.task(named: "4.4").nameZH == "发展飞地经济和利益分享机制")
        let added = try await repo.addPairingAlias(PairingAlias(alias: "大上", pairing: "dalian-shanghai"))
        #expect(try await repo.resolvePairing(added.alias) == "dalian-shanghai")
        await #expect(throws: DuikouError.self) { try await repo.resolvePairing("nowhere") }
    }

    @Test func theCatalogueCarriesAliasesThroughJSON() throws {
        try repo.addPairingAlias(PairingAlias(alias: "苏辽 \"🚀\"", pairing: "liaoning-jiangsu"))
        let catalogue = try repo.catalogue()
        let decoded = try JSONDecoder().decode(Catalogue.self, from: JSONEncoder().encode(catalogue))
        #expect(decoded == catalogue)
        #expect(try decoded.pairing(named: "苏辽 \"🚀\"").id == "liaoning-jiangsu")
        let alias = try PairingAlias(alias: "辽苏", pairing: "liaoning-jiangsu")
        #expect(try JSONDecoder().decode(PairingAlias.self, from: JSONEncoder().encode(alias)) == alias)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(PairingAlias.self, from: Data(#"{"alias": "a\nb", "pairing": "liaoning-jiangsu"}"#.utf8))
        }
    }

    // MARK: - Tasks

    @Test func tasksByCodeOrName() throws {
        let catalogue = try repo.catalogue()
        for task in catalogue.tasks {
            #expect(try catalogue.task(named: task.code) == task)
            #expect(try catalogue.task(named: task.nameZH) == task)
            #expect(try catalogue.task(named: "\(task.code) \(task.nameZH)") == task)
            // As the exports for people in English write them.
            #expect(try catalogue.task(named: task.nameEN) == task)
            #expect(try catalogue.task(named: "\(task.code) \(task.nameEN)") == task)
        }
        for text in [" 推进新兴产业合作 ", "推进 新兴产业 合作", "\u{3000}推进新兴产业合作", "２．２", "2.2　推进新兴产业合作"] {
            #expect(try catalogue.task(named: text).code == "2.2", "\(text)")
        }
        let unknown = expectCode(.notFound) { _ = try catalogue.task(named: "新能源汽车") }
        #expect(unknown?.field == "task")
        #expect(unknown?.recordID == "新能源汽车")
        // An area is not a task, in either language.
        _ = expectCode(.notFound) { _ = try catalogue.task(named: "2") }
        _ = expectCode(.notFound) { _ = try catalogue.task(named: "Industrial cooperation and restructuring") }
        #expect(expectCode(.invalidInput) { _ = try catalogue.task(named: " ") }?.field == "task")
    }

    @Test func aTaskNameTwoTasksShareIsRefusedWithBoth() throws {
        // Task wording is data a later migration may change; two equal headings must not be guessed between.
        try tamper(db.path, "UPDATE task SET name_zh = '推进新兴产业合作' WHERE code = '2.3'")
        let error = expectCode(.invalidInput) { _ = try repo.resolveTask("推进新兴产业合作") }
        #expect(error?.message.contains("2.2") == true)
        #expect(error?.message.contains("2.3") == true)
        #expect(try repo.resolveTask("2.3") == "2.3")
    }

    // MARK: - Import

    @Test func importReadsPairingAndTaskNamesPerRow() throws {
        try addCityPairing()
        try addCityPairing("jilin-wenzhou-2")
        let file = db.folder.appendingPathComponent("projects.csv")
        try Data("""
            对口合作关系,任务,项目名称,日期,计划总投资
            辽苏,推进新兴产业合作,新能源汽车电池,2024-03-01,5亿
            辽宁省—江苏省,2.1,装备制造,2024-03-02,1亿
             liaoning - jiangsu ,2.2 推进新兴产业合作,机器人,2024-03-03,2亿

            """.utf8).write(to: file)
        let result = try repo.importCSV(.projects, from: file.path)
        #expect(result.problems.isEmpty, "\(result.problems)")
        #expect(result.added == 3)
        let projects = try repo.projects()
        #expect(projects.map(\.pairing) == ["liaoning-jiangsu", "liaoning-jiangsu", "liaoning-jiangsu"])
        #expect(projects.map(\.task) == ["2.2", "2.1", "2.2"])

        let bad = db.folder.appendingPathComponent("bad.csv")
        try Data("""
            pairing,task,title
            吉林市—温州市,2.3,温州鞋业
            nowhere,新能源汽车,坏
            深哈,,无任务

            """.utf8).write(to: bad)
        let refused = try repo.importCSV(.projects, from: bad.path)
        #expect(!refused.committed)
        let lines = refused.problems.map(\.description)
        #expect(lines.contains { $0.hasPrefix("2: pairing: '吉林市—温州市' names 2 pairings: jilin-wenzhou (吉林市—温州市), jilin-wenzhou-2 (吉林市—温州市)") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("3: pairing: 'nowhere' does not exist") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("3: task: '新能源汽车' does not exist") }, "\(lines)")
        #expect(lines.contains("4: task: is required"), "\(lines)")
        #expect(try repo.projects().count == 3)

        // Parks and exchanges read their pairing column the same way.
        let parks = db.folder.appendingPathComponent("parks.csv")
        try Data("pairing,name\n龙粤,哈工大智能装备产业园\n".utf8).write(to: parks)
        #expect(try repo.importCSV(.parks, from: parks.path).added == 1)
        #expect(try repo.parks().map(\.pairing) == ["heilongjiang-guangdong"])
        let exchanges = db.folder.appendingPathComponent("exchanges.csv")
        try Data("pairing,direction,kind,start,participants\n吉林省－浙江省,to-east,training,2018-04-10,52\n".utf8).write(to: exchanges)
        #expect(try repo.importCSV(.exchanges, from: exchanges.path).added == 1)
        #expect(try repo.exchanges().map(\.pairing) == ["jilin-zhejiang"])
    }

    // MARK: - Output

    @Test func projectShowNamesThePark() throws {
        let park = try repo.addPark(NewPark(pairing: "harbin-shenzhen", name: "深圳（哈尔滨）产业园区"))
        let project = try repo.addProject(NewProject(pairing: "harbin-shenzhen", task: "2.2", title: "新能源汽车零部件项目", park: park.id,
                                                     date: LocalDate(parsing: "2024-03-01")))
        let history = try repo.projectHistory(project.id)
        #expect(history.parkName == "深圳（哈尔滨）产业园区")
        let table = history.table(.zh, catalogue: try repo.catalogue())
        #expect(table.contains("深圳（哈尔滨）产业园区 (\(park.id.key.prefix(8)))"))
        #expect(!table.contains(park.id.key))
        let json = try JSONTree(history.json)
        #expect(json["park"] == .string(park.id.key))
        #expect(json["park_name"] == .string("深圳（哈尔滨）产业园区"))
        #expect(try JSONTree(encoding: history) == json)

        let bare = try repo.projectHistory(repo.addProject(NewProject(pairing: "harbin-shenzhen", task: "2.2", title: "无园区",
                                                                      date: LocalDate(parsing: "2024-03-01"))).id)
        #expect(bare.parkName == nil)
        #expect(try JSONTree(bare.json)["park_name"] == .null)
    }
}
