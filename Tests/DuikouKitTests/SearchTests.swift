import DuikouMigrations
import Foundation
import Testing
@testable import DuikouKit

/// Search: Chinese substrings of any length in project titles, descriptions and parties and in park
/// names, through the trigram index (3+ characters) and the scan (1–2), kept in step with writes.
@Suite struct SearchTests {
    /// A fresh database with a park and three projects on different pairings.
    struct Fixture {
        let db: TemporaryDatabase
        let repo: Repository
        let park: Park
        /// 新能源汽车零部件项目, harbin-shenzhen, in the park.
        let car: Project
        /// 吉浙农业合作示范基地, jilin-zhejiang.
        let farm: Project
        /// A title with ASCII quotes and an emoji, dalian-shanghai.
        let port: Project

        init() throws {
            db = try TemporaryDatabase()
            repo = try db.open()
            park = try repo.addPark(NewPark(pairing: "harbin-shenzhen", name: "深圳（哈尔滨）产业园区"))
            car = try repo.addProject(NewProject(
                pairing: "harbin-shenzhen", task: "2.2", title: "新能源汽车零部件项目",
                description: "在哈尔滨新区建设电池PACK生产线，引入AI质检", northeastParty: "哈电集团", eastParty: "比亚迪股份有限公司",
                park: park.id, date: LocalDate(parsing: "2020-03-01")))
            farm = try repo.addProject(NewProject(
                pairing: "jilin-zhejiang", task: "2.3", title: "吉浙农业合作示范基地",
                description: "绿色食品“黑土地”品牌合作", northeastParty: "吉林省农业农村厅", eastParty: "浙江省供销社",
                date: LocalDate(parsing: "2019-06-15")))
            port = try repo.addProject(NewProject(
                pairing: "dalian-shanghai", task: "2.2", title: "智慧港口 \"数字孪生\" 🚢 项目",
                description: "码头利用率100%，家庭👨‍👩‍👧亲子研学，🇨🇳国旗广场", northeastParty: "大连港集团",
                eastParty: "上港集团", date: LocalDate(parsing: "2021-01-10")))
        }

        /// The records found, as "kind:label", in order.
        func found(_ text: String, limit: Int? = nil) throws -> [String] {
            try repo.search(text, limit: limit).map(label)
        }

        func label(_ hit: SearchHit) -> String {
            let names: [UUID: String] = [park.id: "park", car.id: "car", farm.id: "farm", port.id: "port"]
            return "\(hit.kind.rawValue):\(names[hit.id] ?? hit.id.key)"
        }
    }

    // MARK: - Chinese substrings of every length, in every field

    struct Case: Sendable, CustomTestStringConvertible {
        let text: String
        let found: String
        let field: SearchHit.Field
        var testDescription: String { "\(text) (\(text.count)) in \(found).\(field.rawValue)" }
    }

    static let cases: [Case] = [
        Case(text: "汽", found: "project:car", field: .title),
        Case(text: "示范", found: "project:farm", field: .title),
        Case(text: "零部件", found: "project:car", field: .title),
        Case(text: "零部件项目", found: "project:car", field: .title),
        Case(text: "线", found: "project:car", field: .description),
        Case(text: "品牌", found: "project:farm", field: .description),
        Case(text: "黑土地", found: "project:farm", field: .description),
        Case(text: "新区建设电", found: "project:car", field: .description),
        Case(text: "电集", found: "project:car", field: .northeastParty),
        Case(text: "吉林省农业", found: "project:farm", field: .northeastParty),
        Case(text: "销", found: "project:farm", field: .eastParty),
        Case(text: "供销", found: "project:farm", field: .eastParty),
        Case(text: "比亚迪", found: "project:car", field: .eastParty),
        Case(text: "比亚迪股份", found: "project:car", field: .eastParty),
        Case(text: "（", found: "park:park", field: .name),
        Case(text: "产业", found: "park:park", field: .name),
        Case(text: "产业园", found: "park:park", field: .name),
        Case(text: "哈尔滨）产", found: "park:park", field: .name),
    ]

    @Test(arguments: cases)
    func chineseSubstringIsFoundInItsField(_ test: Case) throws {
        let fixture = try Fixture()
        let hits = try fixture.repo.search(test.text)
        #expect(hits.map(fixture.label) == [test.found])
        #expect(hits.first?.field == test.field)
        #expect(hits.first?.snippet.contains(test.text) == true)
    }

    @Test func hitCarriesTheRecordsPairingTitleAndSnippet() throws {
        let fixture = try Fixture()
        let park = try #require(try fixture.repo.search("产业园").first)
        #expect(park.kind == .park)
        #expect(park.id == fixture.park.id)
        #expect(park.pairing == "harbin-shenzhen")
        #expect(park.title == "深圳（哈尔滨）产业园区")
        #expect(park.field == .name)
        #expect(park.snippet == "深圳（哈尔滨）产业园区")

        let farm = try #require(try fixture.repo.search("黑土").first)
        #expect(farm.kind == .project)
        #expect(farm.id == fixture.farm.id)
        #expect(farm.pairing == "jilin-zhejiang")
        #expect(farm.title == "吉浙农业合作示范基地")
        #expect(farm.field == .description)
        #expect(farm.snippet == "绿色食品“黑土地”品牌合作")
    }

    @Test func resultsSpanProjectsAndParks() throws {
        let fixture = try Fixture()
        // The park's name and the car project's description both hold 哈尔滨; the trigram index finds both.
        let hits = try fixture.repo.search("哈尔滨")
        #expect(Set(hits.map(fixture.label)) == ["project:car", "park:park"])
        #expect(hits.first { $0.kind == .park }?.field == .name)
        #expect(hits.first { $0.kind == .project }?.field == .description)
        // And through the scan: 区 is in the park's name and in 新区 of the description.
        let scanned = try fixture.repo.search("区")
        #expect(scanned.map(fixture.label) == ["park:park", "project:car"])
        // 集团 is in two projects' parties.
        #expect(Set(try fixture.found("集团")) == ["project:car", "project:port"])
        #expect(Set(try fixture.found("集团", limit: 1)).count == 1)
    }

    @Test func eachRecordIsOneHitShowingItsFirstMatchingField() throws {
        let fixture = try Fixture()
        let both = try fixture.repo.addProject(NewProject(
            pairing: "harbin-shenzhen", task: "3.1", title: "机器人研发中心", description: "建设机器人研发中心一期",
            northeastParty: "机器人研究所", date: LocalDate(parsing: "2020-05-01")))
        for text in ["机器人", "机器"] {
            let hits = try fixture.repo.search(text)
            #expect(hits.map(\.id) == [both.id], "\(text)")
            #expect(hits.first?.field == .title, "\(text)")
        }
        let described = try fixture.repo.search("一期")
        #expect(described.map(\.id) == [both.id])
        #expect(described.first?.field == .description)
    }

    // MARK: - Case, emoji, quotes and SQL

    @Test func asciiLettersMatchInAnyCase() throws {
        let fixture = try Fixture()
        // Through the trigram index (3+ characters) …
        for text in ["pack", "PACK", "Pack", "电池pack", "电池PaCk", "ai质检", "Ai质"] {
            #expect(try fixture.found(text) == ["project:car"], "\(text)")
        }
        // … and through the scan (1–2 characters).
        for text in ["ai", "AI", "aI", "p", "K"] {
            #expect(try fixture.found(text) == ["project:car"], "\(text)")
        }
        let hit = try #require(try fixture.repo.search("pack").first)
        #expect(hit.snippet.contains("PACK"))
    }

    @Test func textWithANULCharacterIsScannedForNotAnSQLiteError() throws {
        let fixture = try Fixture()
        for text in ["l\u{0}x", "\u{0}\u{0}\u{0}", "电池\u{0}pack"] {
            #expect(try fixture.found(text).isEmpty, "\(text.debugDescription)")
        }
    }

    @Test func emojiAreFoundAlone_inSequences_andWithText() throws {
        let fixture = try Fixture()
        // 🚢 is one scalar: the scan; "🚢 项" three: the index.
        #expect(try fixture.found("🚢") == ["project:port"])
        #expect(try fixture.found("🚢 项") == ["project:port"])
        // A family emoji is one Character but five scalars: the index, and found whole.
        #expect(try fixture.found("👨‍👩‍👧") == ["project:port"])
        #expect(try fixture.found("家庭👨‍👩‍👧亲子") == ["project:port"])
        // A flag is one Character of two scalars: the scan.
        #expect(try fixture.found("🇨🇳") == ["project:port"])
        #expect(try fixture.found("🇨🇳国旗") == ["project:port"])
        // Emoji that are nowhere.
        #expect(try fixture.found("🚀").isEmpty)
        #expect(try fixture.found("🚀🚀🚀").isEmpty)
        let family = try #require(try fixture.repo.search("👨‍👩‍👧").first)
        #expect(family.field == .description)
        #expect(family.snippet.contains("👨‍👩‍👧"))
    }

    @Test func quotesInTheTextAreText() throws {
        let fixture = try Fixture()
        #expect(try fixture.found("\"") == ["project:port"])
        #expect(try fixture.found("\"数") == ["project:port"])
        #expect(try fixture.found("\"数字孪生\"") == ["project:port"])
        #expect(try fixture.found("孪生\" 🚢") == ["project:port"])
        #expect(try fixture.found("“黑土地”") == ["project:farm"])
        // Nothing holds two quotes in a row, or a quote after 汽车.
        #expect(try fixture.found("\"\"").isEmpty)
        #expect(try fixture.found("\"\"\"").isEmpty)
        #expect(try fixture.found("汽车\"").isEmpty)
        // A quote followed by a combining mark is one Character but still escaped.
        #expect(try fixture.found("\"\u{301}ab").isEmpty)
    }

    @Test(arguments: [
        "'; DROP TABLE project; --", "\"); DROP TABLE park; --", "' OR '1'='1", "1=1", "%汽%", "_", "%%", "汽%", "a_b", "*",
        "汽车 OR 农业", "汽车 AND 农业", "NOT 汽车", "title:汽车", "text:汽车", "NEAR(汽车 农业)", "汽*", "^汽车", "(汽车)",
        "search_index", "{title description}: 汽车", "\\", "\u{0}",
    ])
    func textThatLooksLikeSQLOrQuerySyntaxIsOnlyText(_ text: String) throws {
        let fixture = try Fixture()
        #expect(try fixture.found(text).isEmpty)
        // Nothing was harmed.
        #expect(try fixture.repo.projects().count == 3)
        #expect(try fixture.repo.parks().count == 1)
        #expect(try fixture.found("汽车") == ["project:car"])
    }

    @Test func percentAndUnderscoreAreFoundLiterally() throws {
        let fixture = try Fixture()
        let odd = try fixture.repo.addProject(NewProject(
            pairing: "harbin-shenzhen", task: "2.4", title: "snake_case 命名规范", date: LocalDate(parsing: "2022-01-01")))
        #expect(try fixture.found("%") == ["project:port"])
        #expect(try fixture.found("100%") == ["project:port"])
        #expect(try fixture.repo.search("_").map(\.id) == [odd.id])
        #expect(try fixture.repo.search("e_c").map(\.id) == [odd.id])
    }

    // MARK: - No false hits

    @Test(arguments: [
        "汽车农业",        // two titles' words, in no one text
        "汽农",            // the same, through the scan
        "项目在哈",        // the end of a title and the start of its description: fields are separate
        "项目在哈尔滨",
        "园区新能",        // across two records
        "鸡", "哈哈", "零部件工程", "新能源汽车零部件项目二期", "深圳（哈尔滨）产业园区二", "packs", "aix",
    ])
    func textInNoSingleFieldFindsNothing(_ text: String) throws {
        let fixture = try Fixture()
        #expect(try fixture.found(text).isEmpty)
    }

    @Test func blankTextIsRefused() throws {
        let fixture = try Fixture()
        for text in ["", " ", "   ", "\n\t", "\u{3000}"] {
            let error = #expect(throws: DuikouError.self, "\(DuikouError.quoted(text))") { try fixture.repo.search(text) }
            #expect(error?.code == .invalidInput)
            #expect(error?.message.contains("search text") == true)
        }
        for limit in [0, -1] {
            let error = #expect(throws: DuikouError.self) { try fixture.repo.search("汽车", limit: limit) }
            #expect(error?.code == .invalidInput)
            #expect(error?.message.contains("limit") == true)
        }
    }

    @Test func surroundingSpacesAreIgnored() throws {
        let fixture = try Fixture()
        #expect(try fixture.found("  零部件 ") == ["project:car"])
        #expect(try fixture.found("\u{3000}汽\n") == ["project:car"])
    }

    // MARK: - Order and limit

    @Test func indexedHitsAreRankedAndTiesKeepTheOrderRecorded() throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        let date = try LocalDate(parsing: "2020-01-01")
        let inDescription = try repo.addProject(NewProject(
            pairing: "harbin-shenzhen", task: "2.1", title: "装备制造合作",
            description: "一段很长的介绍：" + String(repeating: "合作共建，", count: 30) + "其中包括智能制造示范线。", date: date))
        let inTitle = try repo.addProject(NewProject(pairing: "harbin-shenzhen", task: "2.1", title: "智能制造示范线", date: date))
        let twinA = try repo.addProject(NewProject(pairing: "liaoning-jiangsu", task: "2.1", title: "沈阳智能制造基地", date: date))
        let twinB = try repo.addProject(NewProject(pairing: "liaoning-jiangsu", task: "2.1", title: "大连智能制造基地", date: date))

        let hits = try repo.search("智能制造")
        #expect(Set(hits.map(\.id)) == [inDescription.id, inTitle.id, twinA.id, twinB.id])
        #expect(hits.first?.id == inTitle.id)
        #expect(hits.last?.id == inDescription.id)
        // Equal scores keep the order recorded, on every run.
        let twins = hits.map(\.id).filter { $0 == twinA.id || $0 == twinB.id }
        #expect(twins == [twinA.id, twinB.id])
        #expect(try repo.search("智能制造").map(\.id) == hits.map(\.id))

        #expect(try repo.search("智能制造", limit: 2).map(\.id) == Array(hits.prefix(2)).map(\.id))
        #expect(try repo.search("智能制造", limit: 100).count == 4)
    }

    @Test func scannedHitsShowTitlesFirstThenTheOrderRecorded() throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        let date = try LocalDate(parsing: "2020-01-01")
        let described = try repo.addProject(NewProject(pairing: "harbin-shenzhen", task: "2.1", title: "装备合作", description: "智能工厂", date: date))
        let first = try repo.addProject(NewProject(pairing: "harbin-shenzhen", task: "2.1", title: "智能一号", date: date))
        let park = try repo.addPark(NewPark(pairing: "harbin-shenzhen", name: "智能园"))
        let second = try repo.addProject(NewProject(pairing: "harbin-shenzhen", task: "2.1", title: "智能二号", date: date))

        #expect(try repo.search("智能").map(\.id) == [first.id, second.id, park.id, described.id])
        #expect(try repo.search("智", limit: 2).map(\.id) == [first.id, second.id])
    }

    // MARK: - Kept in step with writes

    @Test func projectUpdatedByRecordUpdateStaysSearchableOnce() throws {
        let fixture = try Fixture()
        try fixture.repo.recordUpdate(NewProgressUpdate(date: LocalDate(parsing: "2020-09-30"), status: .started,
                                                         completed: Money(parsing: "2亿"), note: "开工仪式 🚧"), toProject: fixture.car.id)
        try fixture.repo.recordUpdate(NewProgressUpdate(date: LocalDate(parsing: "2021-09-30"), status: .completed), toProject: fixture.car.id)
        #expect(try fixture.found("零部件") == ["project:car"])
        #expect(try fixture.found("汽") == ["project:car"])
        #expect(try fixture.found("比亚迪") == ["project:car"])
        // Notes of progress updates are not searched.
        #expect(try fixture.found("开工仪式").isEmpty)
        #expect(try documents(fixture.repo, fixture.car.id) == [
            "title:新能源汽车零部件项目", "description:在哈尔滨新区建设电池PACK生产线，引入AI质检", "northeast_party:哈电集团", "east_party:比亚迪股份有限公司",
        ])
        try expectIndexIsSound(fixture.repo)
    }

    @Test func changedTextIsFoundAndTheOldTextIsNot() throws {
        // Writers such as an import or a merge may change a project's text in place.
        let fixture = try Fixture()
        let (car, park) = (fixture.car.id, fixture.park.id)
        try fixture.repo.rawWrite { connection, _ in
            try connection.run("UPDATE project SET title = ?2, description = NULL, east_party = ?3 WHERE id = ?1",
                               [.text(car.key), .text("氢能重卡示范项目"), .text("宁德时代")])
            try connection.run("UPDATE park SET name = ?2 WHERE id = ?1", [.text(park.key), .text("哈深合作示范区")])
            return ((), nil)
        }
        #expect(try fixture.found("零部件").isEmpty)
        #expect(try fixture.found("汽").isEmpty)
        #expect(try fixture.found("电池").isEmpty)
        #expect(try fixture.found("比亚迪").isEmpty)
        #expect(try fixture.found("产业园").isEmpty)
        #expect(try fixture.found("氢能重卡") == ["project:car"])
        #expect(try fixture.found("氢") == ["project:car"])
        #expect(try fixture.found("宁德时代") == ["project:car"])
        #expect(try fixture.found("哈电集团") == ["project:car"])
        #expect(try fixture.found("哈深合作") == ["park:park"])
        // Titles and names first, projects before parks, in the order recorded.
        #expect(try fixture.found("示范") == ["project:car", "project:farm", "park:park"])
        #expect(try documents(fixture.repo, fixture.car.id) == [
            "title:氢能重卡示范项目", "northeast_party:哈电集团", "east_party:宁德时代",
        ])
        try expectIndexIsSound(fixture.repo)
    }

    @Test func parkAndProjectAddedLaterAreSearchable() throws {
        let fixture = try Fixture()
        #expect(try fixture.found("吉浙（公主岭）").isEmpty)
        let park = try fixture.repo.addPark(NewPark(pairing: "jilin-zhejiang", name: "吉浙（公主岭）产业园"))
        let project = try fixture.repo.addProject(NewProject(
            pairing: "jilin-zhejiang", task: "4.1", title: "公主岭物流园", eastParty: "杭州物流集团", park: park.id,
            date: LocalDate(parsing: "2022-02-02")))
        #expect(try fixture.repo.search("吉浙（公主岭）").map(\.id) == [park.id])
        #expect(try fixture.repo.search("岭").map(\.id) == [project.id, park.id])
        #expect(Set(try fixture.repo.search("公主岭").map(\.id)) == [project.id, park.id])
        #expect(try fixture.repo.search("杭州").map(\.id) == [project.id])
        // Bulk additions are indexed too.
        let bulk = try (1...50).map { n in
            try NewProject(pairing: "changchun-tianjin", task: "2.1", title: "长春批量项目第\(n)号", date: LocalDate(parsing: "2022-03-03"))
        }
        try fixture.repo.addProjects(bulk)
        #expect(try fixture.repo.search("批量项目").count == 50)
        #expect(try fixture.repo.search("第7号").map(\.id) == [bulk[6].id])
        #expect(try fixture.repo.search("批量", limit: 5).count == 5)
        try expectIndexIsSound(fixture.repo)
    }

    @Test func deletedParkIsNoLongerFound() throws {
        let fixture = try Fixture()
        let empty = try fixture.repo.addPark(NewPark(pairing: "dalian-shanghai", name: "大连空港产业园"))
        #expect(try fixture.repo.search("空港").map(\.id) == [empty.id])
        try fixture.repo.rawWrite { connection, _ in
            try connection.run("DELETE FROM park WHERE id = ?", [.text(empty.id.key)])
            return ((), nil)
        }
        #expect(try fixture.found("空港").isEmpty)
        #expect(try fixture.found("大连空港产业园").isEmpty)
        #expect(try fixture.found("产业园") == ["park:park"])
        try expectIndexIsSound(fixture.repo)
    }

    @Test func refusedWriteLeavesTheIndexAsItWas() throws {
        let fixture = try Fixture()
        // The second project's pairing does not exist: the whole batch is refused.
        let batch = try [
            NewProject(pairing: "harbin-shenzhen", task: "2.1", title: "批次甲项目", date: LocalDate(parsing: "2022-01-01")),
            NewProject(pairing: "no-such-pairing", task: "2.1", title: "批次乙项目", date: LocalDate(parsing: "2022-01-01")),
        ]
        #expect(throws: DuikouError.self) { try fixture.repo.addProjects(batch) }
        #expect(try fixture.found("批次").isEmpty)
        #expect(try fixture.found("批次甲项目").isEmpty)
        try expectIndexIsSound(fixture.repo)
    }

    @Test func databaseMigratedFromVersion2IsSearchable() throws {
        let db = try TemporaryDatabase()
        let version2 = Array(DuikouMigrations.all.prefix(2))
        #expect(version2.last?.version == 2)
        let projectID = UUID()
        let parkID = UUID()
        do {
            let connection = try SQLiteConnection(path: db.path, readOnly: false)
            try connection.execute("PRAGMA foreign_keys = ON")
            try Migrator(migrations: version2).migrate(connection, from: 0, readOnly: false)
            try connection.transaction(immediate: true) {
                try connection.run("""
                    INSERT INTO park (id, pairing_id, name, kind, recorded_at)
                    VALUES (?, 'harbin-shenzhen', '深圳（哈尔滨）产业园区', 'joint', '2020-01-01T00:00:00Z')
                    """, [.text(parkID.key)])
                try insertAsVersion1(connection, id: projectID, pairing: "harbin-shenzhen", task: "2.2", title: "新能源汽车零部件项目",
                                     description: "电池PACK", northeastParty: "哈电集团", park: parkID, date: "2020-01-01")
            }
            #expect(try connection.queryFirst("PRAGMA user_version") { $0.int(0) } == 2)
            #expect(try connection.queryFirst("SELECT count(*) FROM sqlite_schema WHERE name = 'record_search'") { $0.int(0) } == 0)
        }

        let repo = try db.open()
        #expect(try repo.rawRead { try $0.queryFirst("PRAGMA user_version") { $0.int(0) } } == DuikouMigrations.all.last?.version)
        #expect(try repo.search("零部件").map(\.id) == [projectID])
        #expect(try repo.search("汽").map(\.id) == [projectID])
        #expect(try repo.search("pack").map(\.id) == [projectID])
        #expect(try repo.search("哈电").map(\.id) == [projectID])
        #expect(try repo.search("产业园").map(\.id) == [parkID])
        #expect(Set(try repo.search("哈尔滨").map(\.id)) == [parkID])
        #expect(Set(try repo.search("哈").map(\.id)) == [projectID, parkID])
        try expectIndexIsSound(repo)
    }

    // MARK: - Snippets

    @Test func snippetKeepsFortyCharactersEitherSideOnOneLine() throws {
        let before = String(repeating: "前", count: 60)
        let after = String(repeating: "后", count: 60)
        let text = before + "目标词" + after
        let snippet = SearchHit.snippet(of: text, around: "目标词")
        #expect(snippet == "…" + String(repeating: "前", count: 40) + "目标词" + String(repeating: "后", count: 40) + "…")

        #expect(SearchHit.snippet(of: "短文本目标词", around: "目标") == "短文本目标词")
        #expect(SearchHit.snippet(of: "第一行\n第二行\r\n第三行\t完", around: "二") == "第一行 第二行 第三行 完")
        #expect(SearchHit.snippet(of: "Electric PACK line", around: "pack") == "Electric PACK line")
        // The match is widened to whole characters: half a flag, a scalar of an emoji sequence.
        #expect(SearchHit.snippet(of: String(repeating: "x", count: 50) + "🇨🇳", around: "🇨") == "…" + String(repeating: "x", count: 40) + "🇨🇳")
        #expect(SearchHit.snippet(of: "e\u{301}tude", around: "\u{301}") == "e\u{301}tude")
        // Not found (cannot happen from a search): the start of the text.
        #expect(SearchHit.snippet(of: String(repeating: "字", count: 100), around: "无") == String(repeating: "字", count: 80) + "…")
        #expect(SearchHit.snippet(of: "", around: "无") == "")
    }

    @Test func hitOfALongDescriptionShowsTheTextAroundTheMatch() throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        let description = String(repeating: "合作共建，", count: 20) + "\n建设🚄高铁物流枢纽，" + String(repeating: "持续推进。", count: 20)
        _ = try repo.addProject(NewProject(pairing: "shenyang-beijing", task: "4.1", title: "京沈合作", description: description,
                                           date: LocalDate(parsing: "2020-01-01")))
        for text in ["高铁物流", "枢"] {
            let hit = try #require(try repo.search(text).first, "\(text)")
            #expect(hit.field == .description)
            #expect(hit.snippet.hasPrefix("…"))
            #expect(hit.snippet.hasSuffix("…"))
            #expect(hit.snippet.contains(" 建设🚄高铁物流枢纽"))
            #expect(!hit.snippet.contains("\n"))
            #expect(hit.snippet.count <= 2 * SearchHit.snippetContext + text.count + 2)
        }
    }

    @Test func listingHasTheSnakeCaseKeysAndLabels() throws {
        let fixture = try Fixture()
        let hits = try fixture.repo.search("哈尔滨")
        let listing = Listing.searchHits(hits)
        guard case .array(let rows) = listing.json, case .object(let first)? = rows.first else {
            Issue.record("expected an array of objects: \(listing.json.text())")
            return
        }
        #expect(first.map(\.0) == ["kind", "id", "pairing", "title", "field", "snippet"])
        #expect(listing.csv.hasPrefix("kind,id,pairing,title,field,snippet\r\n"))
        #expect(listing.table.contains("园区名称"))
        #expect(listing.table.contains(String(fixture.park.id.key.prefix(8))))
        #expect(!listing.table.contains(fixture.park.id.key))
        #expect(Listing.searchHits(hits, .en).table.contains("park name"))
        #expect(Listing.searchHits([]).json.text() == "[]")
    }

    // MARK: - Databases of earlier versions, rowids taken again

    @Test func databaseMigratedFromVersion6IsSearchable() throws {
        let db = try TemporaryDatabase()
        let version6 = Array(DuikouMigrations.all.prefix(6))
        #expect(version6.last?.version == 6)
        let projectID = UUID()
        let renamedID = UUID()
        let parkID = UUID()
        do {
            let connection = try SQLiteConnection(path: db.path, readOnly: false)
            try connection.execute("PRAGMA foreign_keys = ON")
            try Migrator(migrations: version6).migrate(connection, from: 0, readOnly: false)
            try connection.transaction(immediate: true) {
                try connection.run("""
                    INSERT INTO park (id, pairing_id, name, kind, recorded_at)
                    VALUES (?, 'harbin-shenzhen', '深圳（哈尔滨）产业园区', 'joint', '2020-01-01T00:00:00Z')
                    """, [.text(parkID.key)])
                try insertAsVersion1(connection, id: projectID, pairing: "harbin-shenzhen", task: "2.2", title: "新能源汽车零部件项目",
                                     description: "电池PACK", northeastParty: "哈电集团", eastParty: "比亚迪", park: parkID, date: "2020-01-01")
                try insertAsVersion1(connection, id: renamedID, pairing: "jilin-zhejiang", task: "2.3", title: "旧名称农业基地", date: "2020-02-01")
                // Changed at version 6, so that the old search tables hold a change not yet synced.
                try connection.run("UPDATE project SET title = '吉浙农业合作示范基地' WHERE id = ?", [.text(renamedID.key)])
            }
            #expect(try connection.queryFirst("PRAGMA user_version") { $0.int(0) } == 6)
            #expect(try connection.queryFirst("SELECT count(*) FROM search_document") { $0.int(0) } == 6)
        }

        let repo = try db.open()
        #expect(try repo.rawRead { try $0.queryFirst("PRAGMA user_version") { $0.int(0) } } == DuikouMigrations.all.last?.version)
        #expect(try repo.rawRead { try $0.queryFirst("""
            SELECT count(*) FROM sqlite_schema WHERE name IN ('search_document', 'search_index', 'search_sync')
               OR (type = 'trigger' AND name LIKE '%searchable%')
            """) { $0.int(0) } } == 0)
        #expect(try repo.search("零部件").map(\.id) == [projectID])
        #expect(try repo.search("汽").map(\.id) == [projectID])
        #expect(try repo.search("pack").first?.field == .description)
        #expect(try repo.search("哈电集团").first?.field == .northeastParty)
        #expect(try repo.search("比亚迪").first?.field == .eastParty)
        #expect(try repo.search("产业园").map(\.id) == [parkID])
        #expect(try repo.search("示范基地").map(\.id) == [renamedID])
        #expect(try repo.search("旧名称").isEmpty)
        #expect(Set(try repo.search("哈").map(\.id)) == [projectID, parkID])
        try expectIndexIsSound(repo)
        // And it keeps up with writes after the migration.
        let later = try repo.addProject(NewProject(pairing: "harbin-shenzhen", task: "2.2", title: "迁移后新增项目",
                                                   date: LocalDate(parsing: "2021-01-01")))
        #expect(try repo.search("迁移后").map(\.id) == [later.id])
        try expectIndexIsSound(repo)
    }

    /// Projects with a history cannot be deleted (it is append-only), so the projects here are bare rows.
    @Test(arguments: [RecordKind.project, .park])
    func rowidTakenAgainAfterADeleteIsIndexedWithTheNewTextOnly(_ kind: RecordKind) throws {
        let fixture = try Fixture()
        let table = kind == .park ? "park" : "project"
        let textColumn = kind == .park ? "name" : "title"
        @Sendable func add(_ connection: SQLiteConnection, _ id: UUID, _ text: String) throws {
            if kind == .park {
                try connection.run("""
                    INSERT INTO park (id, pairing_id, name, kind, recorded_at)
                    VALUES (?1, 'harbin-shenzhen', ?2, 'joint', '2022-01-01T00:00:00Z')
                    """, [.text(id.key), .text(text)])
            } else {
                try connection.run("""
                    INSERT INTO project (id, pairing_id, task_code, title, landmark, status, first_date, status_date, completed_yuan, recorded_at)
                    VALUES (?1, 'harbin-shenzhen', '2.1', ?2, 0, 'signed', '2022-01-01', '2022-01-01', 0, '2022-01-01T00:00:00Z')
                    """, [.text(id.key), .text(text)])
            }
        }
        @Sendable func delete(_ connection: SQLiteConnection, _ id: UUID) throws {
            try connection.run("DELETE FROM \(table) WHERE id = ?", [.text(id.key)])
        }
        func rowid(_ id: UUID) throws -> Int64? {
            try fixture.repo.rawRead { try $0.queryFirst("SELECT rowid FROM \(table) WHERE id = ?", [.text(id.key)]) { $0.int64(0) } }
        }
        let (gone, last) = (UUID(), UUID())
        try fixture.repo.rawWrite { connection, _ in
            try add(connection, gone, "即将删除的旧记录")
            try add(connection, last, "最后一个旧记录")
            return ((), nil)
        }
        let goneRowid = try rowid(gone)
        let lastRowid = try rowid(last)
        #expect(try fixture.repo.search("旧记录").count == 2)

        // In one transaction: the last record is deleted, a new one takes its rowid and is changed.
        let sameTransaction = UUID()
        try fixture.repo.rawWrite { connection, _ in
            try delete(connection, last)
            try add(connection, sameTransaction, "同一事务新记录")
            try connection.run("UPDATE \(table) SET \(textColumn) = '同一事务改过的记录' WHERE id = ?", [.text(sameTransaction.key)])
            return ((), nil)
        }
        #expect(try rowid(sameTransaction) == lastRowid)
        #expect(try fixture.found("最后一个").isEmpty)
        #expect(try fixture.found("同一事务新").isEmpty)
        #expect(try fixture.repo.search("同一事务改过").map(\.id) == [sameTransaction])
        try expectIndexIsSound(fixture.repo)

        // Across transactions: a rowid freed earlier, below the highest indexed, is given again once
        // every row above it is gone, with no change logged for it in the transaction that takes it.
        try fixture.repo.rawWrite { connection, _ in
            try delete(connection, gone)
            return ((), nil)
        }
        let reused = UUID()
        try fixture.repo.rawWrite { connection, _ in
            try delete(connection, sameTransaction)
            try add(connection, reused, "重用行号的新记录")
            return ((), nil)
        }
        #expect(try rowid(reused) == goneRowid)
        #expect(try fixture.found("即将删除").isEmpty)
        #expect(try fixture.found("同一事务").isEmpty)
        #expect(try fixture.repo.search("重用行号").map(\.id) == [reused])
        #expect(try fixture.repo.search("新记录").map(\.id) == [reused])
        #expect(try fixture.repo.search("旧记录").isEmpty)
        try expectIndexIsSound(fixture.repo)
    }

    // MARK: - Helpers

    /// The searchable fields of a project as the index reads them (one index row per record), as
    /// "field:text", in the order a hit looks at them; empty fields left out.
    private func documents(_ repo: Repository, _ id: UUID) throws -> [String] {
        try repo.rawRead { connection in
            let rows = try connection.query("""
                SELECT s.title, s.description, s.northeast_party, s.east_party
                FROM record_search s WHERE s.rowid = (SELECT rowid FROM project WHERE id = ?)
                """, [.text(id.key)]) { row in
                try ["title", "description", "northeast_party", "east_party"]
                    .filter { try !row.isNull($0) && !row.text($0).isEmpty }
                    .map { "\($0):\(try row.text($0))" }
            }
            return rows.count == 1 ? rows[0] : ["\(rows.count) index rows"]
        }
    }

    /// FTS5's own check that the index agrees with the projects and parks it reads, and that it
    /// holds exactly one row per project and park.
    private func expectIndexIsSound(_ repo: Repository, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try repo.rawWrite { connection, _ in
            try connection.run("INSERT INTO record_search (record_search, rank) VALUES ('integrity-check', 1)")
            return ((), nil)
        }
        let mismatches = try repo.rawRead { connection in
            try connection.queryFirst("""
                WITH expected (doc) AS (SELECT rowid FROM project UNION ALL SELECT -rowid FROM park)
                SELECT (SELECT count(*) FROM (SELECT doc FROM expected EXCEPT SELECT id FROM record_search_docsize))
                     + (SELECT count(*) FROM (SELECT id FROM record_search_docsize EXCEPT SELECT doc FROM expected))
                     + (SELECT count(*) FROM search_change)
                """) { $0.int(0) }
        }
        #expect(mismatches == 0, sourceLocation: sourceLocation)
    }
}
