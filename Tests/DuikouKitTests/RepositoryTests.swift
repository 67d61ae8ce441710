import Foundation
import Testing
@testable import DuikouKit

/// Recording and reading projects, pairings, parks and exchanges through the repository.
@Suite struct RepositoryTests {
    // MARK: - Projects round trip

    @Test func everyProjectFieldSurvivesHostileText() throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        let park = try repo.addPark(NewPark(pairing: "heilongjiang-guangdong", name: "哈工大智能装备产业园 \"HIT\" 🚀"))

        let title = "广东—黑龙江 \"对口\" 'cooperation', 🚀 项目\n第二行"
        let description = "前半\u{1}后半, with a control character; \"quotes\" and 'apostrophes'"
        let longText = String(repeating: "长文本🚀x", count: 2_000)   // 10,000 characters
        let injection = "'); DROP TABLE project; --"
        let note = "首次录入, \"note\"\n'with' 🚀"
        let new = try NewProject(
            id: UUID(uuidString: "0F1E2D3C-4B5A-4978-8695-A4B3C2D1E0F9")!, pairing: "heilongjiang-guangdong", task: "4.2",
            title: title, description: description, northeastParty: longText, eastParty: injection, park: park.id,
            landmark: true, planned: Money(parsing: "1114.79亿"), status: .landed, date: LocalDate(parsing: "2021-09-12"),
            completed: Money(parsing: "626207万元"), note: note)
        #expect(longText.count == 10_000)

        let added = try repo.addProject(new)

        #expect(added.id == new.id)
        #expect(added.pairing == "heilongjiang-guangdong")
        #expect(added.task == "4.2")
        #expect(added.title == title)
        #expect(added.description == description)
        #expect(added.description?.unicodeScalars.contains("\u{1}") == true)
        #expect(added.northeastParty == longText)
        #expect(added.eastParty == injection)
        #expect(added.park == park.id)
        #expect(added.landmark)
        #expect(added.planned?.yuan == 111_479_000_000)
        #expect(added.status == .landed)
        #expect(added.statusDate == (try LocalDate(parsing: "2021-09-12")))
        #expect(added.firstDate == (try LocalDate(parsing: "2021-09-12")))
        #expect(added.completed.yuan == 6_262_070_000)

        let history = try repo.projectHistory(new.id)
        #expect(history.project == added)
        #expect(history.updates.count == 1)
        #expect(history.updates.first?.sequence == 1)
        #expect(history.updates.first?.note == note)
        #expect(history.updates.first?.status == .landed)
        #expect(history.updates.first?.completed.yuan == 6_262_070_000)
        #expect(history.updates.first.map { !$0.recordedAt.isEmpty } == true)

        // The injection attempt stayed text: the table and the catalogue are intact.
        #expect(try repo.projects() == [added])
        #expect(try repo.catalogue().pairings.count == 8)
        #expect(try repo.parks().first?.name == "哈工大智能装备产业园 \"HIT\" 🚀")

        // A second connection reads the same values back.
        let again = try db.open()
        #expect(try again.projectHistory(new.id) == history)
    }

    @Test func optionalFieldsLeftOutReadBackAsNil() throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        let added = try repo.addProject(NewProject(pairing: "inner-mongolia", task: "1.1", title: "营商环境交流", date: LocalDate(parsing: "2019-04-01")))

        #expect(added.description == nil)
        #expect(added.northeastParty == nil)
        #expect(added.eastParty == nil)
        #expect(added.park == nil)
        #expect(added.planned == nil)
        #expect(!added.landmark)
        #expect(added.status == .signed)
        #expect(added.completed == .zero)
        #expect(try repo.projectHistory(added.id).updates.first?.note == nil)
    }

    @Test func addShowAndList() throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        let first = try repo.addProject(NewProject(pairing: "liaoning-jiangsu", task: "2.1", title: "装备制造合作", date: LocalDate(parsing: "2019-03-01")))
        let second = try repo.addProject(NewProject(pairing: "dalian-shanghai", task: "1.4", title: "自贸区经验复制", date: LocalDate(parsing: "2018-11-11")))
        let third = try repo.addProject(NewProject(pairing: "liaoning-jiangsu", task: "2.2", title: "机器人", date: LocalDate(parsing: "2019-03-01")))

        #expect(try repo.projectHistory(first.id).project == first)
        // Oldest first, then in the order recorded.
        #expect(try repo.projects().map(\.id) == [second.id, first.id, third.id])
    }

    // MARK: - Progress updates

    @Test func updatesAreKeptInOrderAndMoveTheCurrentState() throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        let project = try repo.addProject(NewProject(pairing: "jilin-zhejiang", task: "2.3", title: "吉浙（公主岭）产业园 项目",
                                                    planned: Money(parsing: "8亿"), status: .negotiating, date: LocalDate(parsing: "2018-04-01")))
        try repo.recordUpdate(NewProgressUpdate(date: LocalDate(parsing: "2018-09-01"), status: .signed), toProject: project.id)
        try repo.recordUpdate(NewProgressUpdate(date: LocalDate(parsing: "2018-09-01"), note: "同日补记"), toProject: project.id)
        try repo.recordUpdate(NewProgressUpdate(date: LocalDate(parsing: "2019-05-20"), status: .started, completed: Money(parsing: "1.5亿")), toProject: project.id)
        try repo.recordUpdate(NewProgressUpdate(date: LocalDate(parsing: "2019-08-01"), completed: Money(parsing: "2亿")), toProject: project.id)
        try repo.recordUpdate(NewProgressUpdate(date: LocalDate(parsing: "2019-10-01"), status: .suspended), toProject: project.id)
        // Resuming at the step it left is allowed, and so is skipping ahead.
        let last = try repo.recordUpdate(NewProgressUpdate(date: LocalDate(parsing: "2020-06-30"), status: .operating, completed: Money(parsing: "7.5亿")), toProject: project.id)

        #expect(last.status == .operating)
        #expect(last.statusDate == (try LocalDate(parsing: "2020-06-30")))
        #expect(last.firstDate == (try LocalDate(parsing: "2018-04-01")))
        #expect(last.completed.yuan == 750_000_000)

        let updates = try repo.projectHistory(project.id).updates
        #expect(updates.map(\.sequence) == [1, 2, 3, 4, 5, 6, 7])
        #expect(updates.map(\.date.description) == ["2018-04-01", "2018-09-01", "2018-09-01", "2019-05-20", "2019-08-01", "2019-10-01", "2020-06-30"])
        #expect(updates.map(\.status) == [.negotiating, .signed, .signed, .started, .started, .suspended, .operating])
        #expect(updates.map(\.completed.yuan) == [0, 0, 0, 150_000_000, 200_000_000, 200_000_000, 750_000_000])
        #expect(updates.map(\.note) == [nil, nil, "同日补记", nil, nil, nil, nil])
    }

    enum Refusal: String, CaseIterable, Sendable {
        case backwardMove
        case dateBeforeLatest
        case completedGoingDown
        case updateAfterTermination
        case resumeBelowSuspendedStep
    }

    @Test(arguments: Refusal.allCases)
    func lifecycleRefusalLeavesTheDatabaseUnchanged(_ refusal: Refusal) throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        let project = try repo.addProject(NewProject(pairing: "changchun-tianjin", task: "2.1", title: "津长产业合作园 装备项目",
                                                    planned: Money(parsing: "5亿"), date: LocalDate(parsing: "2019-01-01")))
        try repo.recordUpdate(NewProgressUpdate(date: LocalDate(parsing: "2020-01-01"), status: .started, completed: Money(parsing: "3亿")), toProject: project.id)

        let refused: NewProgressUpdate
        switch refusal {
        case .backwardMove:
            refused = try NewProgressUpdate(date: LocalDate(parsing: "2020-06-01"), status: .signed)
        case .dateBeforeLatest:
            refused = try NewProgressUpdate(date: LocalDate(parsing: "2019-12-31"), completed: Money(parsing: "4亿"))
        case .completedGoingDown:
            refused = try NewProgressUpdate(date: LocalDate(parsing: "2020-06-01"), completed: Money(parsing: "2亿"))
        case .updateAfterTermination:
            try repo.recordUpdate(NewProgressUpdate(date: LocalDate(parsing: "2020-03-01"), status: .terminated), toProject: project.id)
            refused = try NewProgressUpdate(date: LocalDate(parsing: "2020-06-01"), status: .operating)
        case .resumeBelowSuspendedStep:
            try repo.recordUpdate(NewProgressUpdate(date: LocalDate(parsing: "2020-03-01"), status: .suspended), toProject: project.id)
            refused = try NewProgressUpdate(date: LocalDate(parsing: "2020-06-01"), status: .landed)
        }
        let before = try repo.projectHistory(project.id)
        let projectsBefore = try repo.projects()

        let error = #expect(throws: DuikouError.self) { try repo.recordUpdate(refused, toProject: project.id) }
        #expect(error?.code == .invalidInput)
        #expect(error?.message.contains(project.id.key) == true)

        #expect(try repo.projectHistory(project.id) == before)
        #expect(try repo.projects() == projectsBefore)
        // A fresh connection sees the same: nothing was half-written.
        #expect(try db.open().projectHistory(project.id).updates.count == before.updates.count)
    }

    @Test func updateToAnUnknownProjectIsNotFound() throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        let id = UUID()
        let error = #expect(throws: DuikouError.self) {
            try repo.recordUpdate(NewProgressUpdate(date: LocalDate(parsing: "2020-01-01"), status: .landed), toProject: id)
        }
        #expect(error?.code == .notFound)
        #expect(error?.message.contains(id.key) == true)
        let show = #expect(throws: DuikouError.self) { try repo.projectHistory(id) }
        #expect(show?.code == .notFound)
    }

    // MARK: - References and ids

    @Test func unknownPairingTaskOrParkIsNotFoundAndNothingIsWritten() throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        let date = try LocalDate(parsing: "2020-01-01")
        let cases: [(NewProject, String)] = [
            (try NewProject(pairing: "atlantis-jiangsu", task: "2.1", title: "不存在的关系", date: date), "atlantis-jiangsu"),
            (try NewProject(pairing: "liaoning-jiangsu", task: "5.1", title: "不存在的任务", date: date), "5.1"),
            (try NewProject(pairing: "liaoning-jiangsu", task: "2", title: "只有方面", date: date), "2"),
            (try NewProject(pairing: "liaoning-jiangsu", task: "2.1", title: "不存在的园区", park: UUID(), date: date), "park"),
        ]
        for (project, named) in cases {
            let error = #expect(throws: DuikouError.self) { try repo.addProject(project) }
            #expect(error?.code == .notFound)
            #expect(error?.message.contains(named) == true, "\(error?.message ?? "") should name \(named)")
        }
        #expect(try repo.projects().isEmpty)
    }

    @Test func duplicateProjectIDIsAConstraintAndKeepsTheOriginal() throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        let id = UUID()
        let original = try repo.addProject(NewProject(id: id, pairing: "shenyang-beijing", task: "3.1", title: "原项目", date: LocalDate(parsing: "2019-01-01")))

        let error = #expect(throws: DuikouError.self) {
            try repo.addProject(NewProject(id: id, pairing: "harbin-shenzhen", task: "2.2", title: "重复", date: LocalDate(parsing: "2020-01-01")))
        }
        #expect(error?.code == .constraint)
        #expect(error?.message.contains(id.key) == true)
        #expect(try repo.projects() == [original])
        #expect(try repo.projectHistory(id).updates.count == 1)
    }

    @Test func idsMayBeGivenByAUniquePrefixOfEightOrMoreCharacters() throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        let date = try LocalDate(parsing: "2020-01-01")
        let twinA = UUID(uuidString: "abcdef01-2345-4678-9abc-def012345671")!
        let twinB = UUID(uuidString: "abcdef01-2345-4678-9abc-def012345672")!
        let single = UUID(uuidString: "12345678-aaaa-4bbb-8ccc-dddddddddddd")!
        for id in [twinA, twinB, single] {
            try repo.addProject(NewProject(id: id, pairing: "harbin-shenzhen", task: "2.2", title: "项目 \(id.key.suffix(1))", date: date))
        }

        #expect(try repo.resolveID("12345678-aaaa-4bbb-8ccc-dddddddddddd", of: .project) == single)
        #expect(try repo.resolveID("12345678", of: .project) == single)
        #expect(try repo.resolveID("12345678-AAAA", of: .project) == single)
        #expect(try repo.resolveID("ABCDEF01-2345-4678-9ABC-DEF012345672", of: .project) == twinB)
        #expect(try repo.resolveID("abcdef01-2345-4678-9abc-def012345671", of: .project) == twinA)

        let tooShort = #expect(throws: DuikouError.self) { try repo.resolveID("1234567", of: .project) }
        #expect(tooShort?.code == .invalidInput)

        for ambiguous in ["abcdef01", "ABCDEF01-2345", "abcdef01-2345-4678-9abc-def01234567"] {
            let error = #expect(throws: DuikouError.self) { try repo.resolveID(ambiguous, of: .project) }
            #expect(error?.code == .invalidInput, "\(ambiguous) matches two projects")
        }

        let notHex = #expect(throws: DuikouError.self) { try repo.resolveID("zzzzzzzz", of: .project) }
        #expect(notHex?.code == .invalidInput)

        let unknown = #expect(throws: DuikouError.self) { try repo.resolveID("fedcba98", of: .project) }
        #expect(unknown?.code == .notFound)

        // Ids are looked up among records of the kind asked for only.
        let wrongKind = #expect(throws: DuikouError.self) { try repo.resolveID("12345678", of: .park) }
        #expect(wrongKind?.code == .notFound)
    }

    // MARK: - Bulk

    @Test func bulkAddIsAllOrNothing() throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        let date = try LocalDate(parsing: "2021-09-12")
        var batch = try (1...5).map { index in
            try NewProject(pairing: "heilongjiang-guangdong", task: "2.\(index)", title: "签约项目 \(index)", date: date)
        }
        batch[2] = try NewProject(pairing: "heilongjiang-guangdong", task: "9.9", title: "坏任务", date: date)

        let badTask = #expect(throws: DuikouError.self) { try repo.addProjects(batch) }
        #expect(badTask?.code == .notFound)
        #expect(try repo.projects().isEmpty)

        batch[2] = try NewProject(id: batch[0].id, pairing: "heilongjiang-guangdong", task: "2.3", title: "重复编号", date: date)
        let duplicate = #expect(throws: DuikouError.self) { try repo.addProjects(batch) }
        #expect(duplicate?.code == .constraint)
        #expect(try repo.projects().isEmpty)

        batch[2] = try NewProject(pairing: "heilongjiang-guangdong", task: "2.3", title: "签约项目 3", date: date)
        #expect(try repo.addProjects(batch) == 5)
        #expect(try repo.projects().map(\.title) == (1...5).map { "签约项目 \($0)" })
        for project in batch {
            #expect(try repo.projectHistory(project.id).updates.count == 1)
        }
    }

    // MARK: - Regions and pairings

    @Test func usersAddTheirOwnRegionsAndAChildPairing() throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        let foshan = try Region(code: "440600", nameZH: "佛山市", nameEN: "Foshan", level: .prefectureCity, side: .east)
        let jiamusi = try Region(code: "230800", nameZH: "佳木斯市", nameEN: "Jiamusi", level: .prefectureCity, side: .northeast)
        try repo.addRegion(foshan)
        try repo.addRegion(jiamusi)

        let pairing = try repo.addPairing(NewPairing(id: "foshan-jiamusi", northeast: "230800", east: "440600", parent: "heilongjiang-guangdong"))
        #expect(pairing.id == "foshan-jiamusi")
        #expect(pairing.northeast == "230800")
        #expect(pairing.east == "440600")
        #expect(pairing.level == .city)
        #expect(pairing.status == .active)
        #expect(pairing.parent == "heilongjiang-guangdong")

        let catalogue = try repo.catalogue()
        #expect(catalogue.regions.count == 17)
        #expect(catalogue.region("440600") == foshan)
        #expect(catalogue.region("230800") == jiamusi)
        #expect(catalogue.pairing("foshan-jiamusi") == pairing)
        #expect(catalogue.subtree(ofPairing: "heilongjiang-guangdong") == ["heilongjiang-guangdong", "foshan-jiamusi"])
        let ids = catalogue.pairings.map(\.id)
        let parentIndex = try #require(ids.firstIndex(of: "heilongjiang-guangdong"))
        #expect(ids.firstIndex(of: "foshan-jiamusi") == parentIndex + 1)

        // A second connection sees them.
        #expect(try db.open().catalogue().pairing("foshan-jiamusi") == pairing)
    }

    @Test func pairingWithRegionsOnTheWrongSideIsRefused() throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        try repo.addRegion(Region(code: "440600", nameZH: "佛山市", nameEN: "Foshan", level: .prefectureCity, side: .east))
        try repo.addRegion(Region(code: "230800", nameZH: "佳木斯市", nameEN: "Jiamusi", level: .prefectureCity, side: .northeast))

        let swapped = #expect(throws: DuikouError.self) {
            try repo.addPairing(NewPairing(id: "jiamusi-foshan", northeast: "440600", east: "230800"))
        }
        #expect(swapped?.code == .invalidInput)
        #expect(swapped?.message.contains("northeast") == true)

        let bothNortheast = #expect(throws: DuikouError.self) {
            try repo.addPairing(NewPairing(id: "jiamusi-harbin", northeast: "230800", east: "230100"))
        }
        #expect(bothNortheast?.code == .invalidInput)
        #expect(bothNortheast?.message.contains("east") == true)

        #expect(try repo.catalogue().pairings.count == 8)
    }

    @Test func pairingWithUnknownParentOrRegionIsNotFound() throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        try repo.addRegion(Region(code: "440600", nameZH: "佛山市", nameEN: "Foshan", level: .prefectureCity, side: .east))
        try repo.addRegion(Region(code: "230800", nameZH: "佳木斯市", nameEN: "Jiamusi", level: .prefectureCity, side: .northeast))

        let parent = #expect(throws: DuikouError.self) {
            try repo.addPairing(NewPairing(id: "foshan-jiamusi", northeast: "230800", east: "440600", parent: "heilongjiang-guangzhou"))
        }
        #expect(parent?.code == .notFound)
        #expect(parent?.message.contains("heilongjiang-guangzhou") == true)

        let northeast = #expect(throws: DuikouError.self) {
            try repo.addPairing(NewPairing(id: "qitaihe-jiangmen", northeast: "230900", east: "440600"))
        }
        #expect(northeast?.code == .notFound)
        #expect(northeast?.message.contains("230900") == true)

        let east = #expect(throws: DuikouError.self) {
            try repo.addPairing(NewPairing(id: "jiamusi-jiangmen", northeast: "230800", east: "440700"))
        }
        #expect(east?.code == .notFound)
        #expect(east?.message.contains("440700") == true)

        #expect(try repo.catalogue().pairings.count == 8)
    }

    @Test func duplicateRegionOrPairingIsAConstraint() throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        let region = #expect(throws: DuikouError.self) {
            try repo.addRegion(Region(code: "210000", nameZH: "辽宁", nameEN: "Liaoning again", level: .province, side: .northeast))
        }
        #expect(region?.code == .constraint)
        #expect(try repo.catalogue().region("210000")?.nameZH == "辽宁省")

        let pairing = #expect(throws: DuikouError.self) {
            try repo.addPairing(NewPairing(id: "liaoning-jiangsu", northeast: "210000", east: "330000"))
        }
        #expect(pairing?.code == .constraint)
        #expect(try repo.catalogue().pairing("liaoning-jiangsu")?.east == "320000")
    }

    struct LevelCase: Sendable, CustomTestStringConvertible {
        let northeast: String
        let east: String
        let level: PairingLevel
        var testDescription: String { "\(northeast)–\(east) → \(level.rawValue)" }
    }

    @Test(arguments: [
        LevelCase(northeast: "210000", east: "320000", level: .province),   // province
        LevelCase(northeast: "150000", east: "320000", level: .province),   // autonomous region
        LevelCase(northeast: "210100", east: "310000", level: .city),       // sub-provincial city
        LevelCase(northeast: "230100", east: "110000", level: .city),
    ])
    func pairingLevelIsInferredFromTheNortheastRegion(_ example: LevelCase) throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        let id = "extra-\(example.northeast)"
        let added = try repo.addPairing(NewPairing(id: id, northeast: example.northeast, east: example.east))
        #expect(added.level == example.level)
        #expect(try repo.catalogue().pairing(id)?.level == example.level)
    }

    @Test func levelGivenExplicitlyIsKeptAndAPrefectureCityPairsAsACity() throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        try repo.addRegion(Region(code: "230800", nameZH: "佳木斯市", nameEN: "Jiamusi", level: .prefectureCity, side: .northeast))
        #expect(try repo.addPairing(NewPairing(id: "jiamusi-guangdong", northeast: "230800", east: "440000")).level == .city)
        #expect(try repo.addPairing(NewPairing(id: "harbin-guangdong", northeast: "230100", east: "440000", level: .province)).level == .province)
    }

    @Test func exploringPairingWithoutAnEastSideRecordsProjects() throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        let pairing = try repo.addPairing(NewPairing(id: "jilin-exploring", northeast: "220000"))
        #expect(pairing.status == .exploring)
        #expect(pairing.east == nil)
        let project = try repo.addProject(NewProject(pairing: "jilin-exploring", task: "1.4", title: "对外开放合作", date: LocalDate(parsing: "2022-01-01")))
        #expect(try repo.projects(ProjectFilter(pairing: "jilin-exploring")) == [project])
    }

    // MARK: - Parks

    @Test func parkFieldsRoundTripAndProjectsRollUp() throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        let new = try NewPark(pairing: "harbin-shenzhen", name: "深圳（哈尔滨）产业园区", kind: .joint, hostRegion: "230100",
                              partner: "深圳市 \"深哈\"", established: LocalDate(parsing: "2019-05-09"),
                              plannedArea: LandArea(parsingKm2: "26"), benefitSharing: "税收五五分成,\n地方留成")
        let park = try repo.addPark(new)
        #expect(park.id == new.id)
        #expect(park.pairing == "harbin-shenzhen")
        #expect(park.name == "深圳（哈尔滨）产业园区")
        #expect(park.kind == .joint)
        #expect(park.hostRegion == "230100")
        #expect(park.partner == "深圳市 \"深哈\"")
        #expect(park.established == (try LocalDate(parsing: "2019-05-09")))
        #expect(park.plannedArea?.squareMetres == 26_000_000)
        #expect(park.benefitSharing == "税收五五分成,\n地方留成")
        #expect(park.projects == 0)
        #expect(park.plannedInvestment == .zero)
        #expect(park.completedInvestment == .zero)

        let date = try LocalDate(parsing: "2020-01-01")
        try repo.addProject(NewProject(pairing: "harbin-shenzhen", task: "4.2", title: "A", park: park.id, planned: Money(parsing: "10亿"), date: date))
        let terminated = try repo.addProject(NewProject(pairing: "harbin-shenzhen", task: "4.2", title: "B", park: park.id, planned: Money(parsing: "5亿"), date: date))
        try repo.recordUpdate(NewProgressUpdate(date: LocalDate(parsing: "2020-06-01"), status: .terminated, completed: Money(parsing: "1亿")), toProject: terminated.id)
        try repo.addProject(NewProject(pairing: "harbin-shenzhen", task: "4.2", title: "C", park: park.id, status: .started, date: date, completed: Money(parsing: "2亿")))
        try repo.addProject(NewProject(pairing: "harbin-shenzhen", task: "4.2", title: "not in the park", planned: Money(parsing: "100亿"), date: date,
                                       completed: Money(parsing: "50亿")))

        let listed = try #require(try repo.parks().first)
        #expect(listed.projects == 3)
        #expect(listed.plannedInvestment.yuan == 1_000_000_000)     // B is terminated, C has no plan
        #expect(listed.completedInvestment.yuan == 300_000_000)     // all three
    }

    @Test func parksAreListedByPairingIncludingChildPairings() throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        try addFoshanJiamusi(repo)
        let parent = try repo.addPark(NewPark(pairing: "heilongjiang-guangdong", name: "哈工大智能装备产业园"))
        let child = try repo.addPark(NewPark(pairing: "foshan-jiamusi", name: "佛山（佳木斯）产业园", kind: .enclave))
        let other = try repo.addPark(NewPark(pairing: "changchun-tianjin", name: "津长产业合作园", kind: .branch))

        #expect(try repo.parks().map(\.id) == [parent.id, child.id, other.id])
        #expect(try repo.parks(pairing: "heilongjiang-guangdong").map(\.id) == [parent.id, child.id])
        #expect(try repo.parks(pairing: "foshan-jiamusi").map(\.id) == [child.id])
        #expect(try repo.parks(pairing: "liaoning-jiangsu").isEmpty)
        let unknown = #expect(throws: DuikouError.self) { try repo.parks(pairing: "nowhere") }
        #expect(unknown?.code == .notFound)
    }

    @Test func parkRefusals() throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        let pairing = #expect(throws: DuikouError.self) { try repo.addPark(NewPark(pairing: "nowhere", name: "园区")) }
        #expect(pairing?.code == .notFound)
        let host = #expect(throws: DuikouError.self) { try repo.addPark(NewPark(pairing: "harbin-shenzhen", name: "园区", hostRegion: "999999")) }
        #expect(host?.code == .notFound)
        #expect(host?.message.contains("999999") == true)

        let park = try repo.addPark(NewPark(pairing: "harbin-shenzhen", name: "园区"))
        let duplicate = #expect(throws: DuikouError.self) { try repo.addPark(NewPark(id: park.id, pairing: "dalian-shanghai", name: "另一个")) }
        #expect(duplicate?.code == .constraint)
        #expect(try repo.parks().map(\.name) == ["园区"])
    }

    // MARK: - Cadre exchanges

    @Test func exchangesRoundTripWithDefaultsAndAreListedByPairingSubtree() throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        try addFoshanJiamusi(repo)
        let secondment = try repo.addExchange(NewExchange(
            pairing: "heilongjiang-guangdong", direction: .toEast, kind: .secondment, start: LocalDate(parsing: "2018-06-01"),
            end: LocalDate(parsing: "2019-06-01"), person: "张三", fromOrg: "黑龙江省发展和改革委员会", toOrg: "广东省发展和改革委员会", post: "副处长"))
        #expect(secondment.participants == 1)
        #expect(secondment.pairing == "heilongjiang-guangdong")
        #expect(secondment.direction == .toEast)
        #expect(secondment.kind == .secondment)
        #expect(secondment.start == (try LocalDate(parsing: "2018-06-01")))
        #expect(secondment.end == (try LocalDate(parsing: "2019-06-01")))
        #expect(secondment.person == "张三")
        #expect(secondment.fromOrg == "黑龙江省发展和改革委员会")
        #expect(secondment.toOrg == "广东省发展和改革委员会")
        #expect(secondment.post == "副处长")

        let training = try repo.addExchange(NewExchange(pairing: "foshan-jiamusi", direction: .toNortheast, kind: .training,
                                                        start: LocalDate(parsing: "2017-10-01"), participants: 120))
        #expect(training.participants == 120)
        #expect(training.end == nil)
        #expect(training.person == nil)
        let elsewhere = try repo.addExchange(NewExchange(pairing: "jilin-zhejiang", direction: .toEast, kind: .training,
                                                         start: LocalDate(parsing: "2018-04-01"), participants: 2618))

        // By start date.
        #expect(try repo.exchanges() == [training, elsewhere, secondment])
        #expect(try repo.exchanges(pairing: "heilongjiang-guangdong") == [training, secondment])
        #expect(try repo.exchanges(pairing: "foshan-jiamusi") == [training])
        #expect(try repo.exchanges(pairing: "harbin-shenzhen").isEmpty)
        let unknown = #expect(throws: DuikouError.self) { try repo.exchanges(pairing: "nowhere") }
        #expect(unknown?.code == .notFound)
    }

    @Test func exchangeRefusals() throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        let start = try LocalDate(parsing: "2020-01-01")
        let pairing = #expect(throws: DuikouError.self) {
            try repo.addExchange(NewExchange(pairing: "nowhere", direction: .toEast, kind: .secondment, start: start))
        }
        #expect(pairing?.code == .notFound)
        let added = try repo.addExchange(NewExchange(pairing: "dalian-shanghai", direction: .toEast, kind: .secondment, start: start))
        let duplicate = #expect(throws: DuikouError.self) {
            try repo.addExchange(NewExchange(id: added.id, pairing: "dalian-shanghai", direction: .toNortheast, kind: .secondment, start: start))
        }
        #expect(duplicate?.code == .constraint)
        #expect(try repo.exchanges() == [added])
    }

    // MARK: - Project listing filters

    @Test func projectListFilters() throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        try addFoshanJiamusi(repo)
        let a = try repo.addProject(NewProject(pairing: "heilongjiang-guangdong", task: "2.1", title: "A", planned: Money(parsing: "10亿"),
                                               date: LocalDate(parsing: "2019-01-01")))
        try repo.recordUpdate(NewProgressUpdate(date: LocalDate(parsing: "2020-01-01"), status: .started, completed: Money(parsing: "2亿")), toProject: a.id)
        let b = try repo.addProject(NewProject(pairing: "foshan-jiamusi", task: "2.3", title: "B", date: LocalDate(parsing: "2019-06-01")))
        let c = try repo.addProject(NewProject(pairing: "harbin-shenzhen", task: "4.2", title: "C", status: .negotiating, date: LocalDate(parsing: "2018-03-01")))
        try repo.recordUpdate(NewProgressUpdate(date: LocalDate(parsing: "2019-03-01"), status: .signed), toProject: c.id)
        let d = try repo.addProject(NewProject(pairing: "jilin-zhejiang", task: "2.1", title: "D", status: .planned, date: LocalDate(parsing: "2020-06-01")))

        func titles(_ filter: ProjectFilter) throws -> [String] { try repo.projects(filter).map(\.title) }

        #expect(try titles(ProjectFilter()) == ["C", "A", "B", "D"])
        #expect(try titles(ProjectFilter(pairing: "heilongjiang-guangdong")) == ["A", "B"])
        #expect(try repo.projects(ProjectFilter(pairing: "foshan-jiamusi")).map(\.id) == [b.id])
        #expect(try titles(ProjectFilter(pairing: "liaoning-jiangsu")) == [])
        #expect(try titles(ProjectFilter(area: "2")) == ["A", "B", "D"])
        #expect(try titles(ProjectFilter(area: "4")) == ["C"])
        #expect(try titles(ProjectFilter(task: "2.1")) == ["A", "D"])
        #expect(try titles(ProjectFilter(status: .signed)) == ["C", "B"])
        #expect(try titles(ProjectFilter(status: .started)) == ["A"])
        #expect(try titles(ProjectFilter(pairing: "heilongjiang-guangdong", area: "2", status: .signed)) == ["B"])

        // As of a date: projects first recorded later are absent; the others show their state then.
        #expect(try titles(ProjectFilter(asOf: LocalDate(parsing: "2018-12-31"))) == ["C"])
        #expect(try titles(ProjectFilter(asOf: LocalDate(parsing: "2019-01-01"))) == ["C", "A"])
        #expect(try titles(ProjectFilter(asOf: LocalDate(parsing: "2019-12-31"))) == ["C", "A", "B"])
        #expect(try titles(ProjectFilter(status: .negotiating, asOf: LocalDate(parsing: "2018-12-31"))) == ["C"])
        #expect(try titles(ProjectFilter(status: .negotiating)) == [])
        #expect(try titles(ProjectFilter(status: .started, asOf: LocalDate(parsing: "2019-12-31"))) == [])

        let aBefore = try #require(try repo.projects(ProjectFilter(task: "2.1", asOf: LocalDate(parsing: "2019-12-31"))).first)
        #expect(aBefore.id == a.id)
        #expect(aBefore.status == .signed)
        #expect(aBefore.statusDate == (try LocalDate(parsing: "2019-01-01")))
        #expect(aBefore.completed == .zero)
        let aOnTheDay = try #require(try repo.projects(ProjectFilter(task: "2.1", asOf: LocalDate(parsing: "2020-01-01"))).first)
        #expect(aOnTheDay.status == .started)
        #expect(aOnTheDay.statusDate == (try LocalDate(parsing: "2020-01-01")))
        #expect(aOnTheDay.completed.yuan == 200_000_000)
        #expect(aOnTheDay.planned?.yuan == 1_000_000_000)

        #expect(try repo.projects(ProjectFilter(status: .planned)).map(\.id) == [d.id])
        #expect(try repo.projects(ProjectFilter(asOf: LocalDate(parsing: "2030-01-01"))) == repo.projects())
    }

    @Test func unknownFilterValuesAreNotFound() throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        let filters = [ProjectFilter(pairing: "nowhere"), ProjectFilter(area: "9"), ProjectFilter(task: "9.9")]
        for filter in filters {
            let error = #expect(throws: DuikouError.self) { try repo.projects(filter) }
            #expect(error?.code == .notFound)
        }
    }

    // MARK: - Helpers

    private func addFoshanJiamusi(_ repo: Repository) throws {
        try repo.addRegion(Region(code: "440600", nameZH: "佛山市", nameEN: "Foshan", level: .prefectureCity, side: .east))
        try repo.addRegion(Region(code: "230800", nameZH: "佳木斯市", nameEN: "Jiamusi", level: .prefectureCity, side: .northeast))
        try repo.addPairing(NewPairing(id: "foshan-jiamusi", northeast: "230800", east: "440600", parent: "heilongjiang-guangdong"))
    }
}
