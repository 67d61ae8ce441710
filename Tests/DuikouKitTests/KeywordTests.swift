import Foundation
import Testing
@testable import DuikouKit

/// The closed vocabularies, and the validation done by the records users create.
@Suite struct KeywordTests {
    // MARK: - ProjectStatus

    @Test(arguments: ProjectStatus.allCases)
    func statusKeysParse(status: ProjectStatus) throws {
        #expect(try ProjectStatus(parsing: status.rawValue, field: "status") == status)
        #expect(try ProjectStatus(parsing: status.rawValue.uppercased(), field: "status") == status)
        #expect(try ProjectStatus(parsing: status.rawValue.capitalized, field: "status") == status)
        #expect(try ProjectStatus(parsing: " \(status.rawValue)\u{3000}", field: "status") == status)
        #expect(status.labelEN == status.rawValue)
    }

    @Test(arguments: [
        ("谋划", ProjectStatus.planned), ("洽谈", .negotiating), ("签约", .signed), ("落地", .landed), ("开工", .started),
        ("竣工", .completed), ("投产", .operating), ("停建", .suspended), ("终止", .terminated),
    ])
    func statusChineseLabelsParse(label: String, status: ProjectStatus) throws {
        #expect(status.labelZH == label)
        #expect(status.label(.zh) == label)
        #expect(status.label(.en) == status.rawValue)
        #expect(try ProjectStatus(parsing: label, field: "status") == status)
        #expect(try ProjectStatus(parsing: "\u{3000}\(label) ", field: "status") == status)
    }

    @Test func statusSynonymsParse() throws {
        #expect(try ProjectStatus(parsing: "缓建", field: "status") == .suspended)
        #expect(try ProjectStatus(parsing: "在建", field: "status") == .started)
    }

    @Test(arguments: ["", "  ", "done", "plan", "planed", "suspend", "Terminate", "谋", "谋划中", "停产", "签 约", "signed!", "1", "null",
                      "planned,signed", "ｐｌａｎｎｅｄ"])
    func unknownStatusesAreRefused(text: String) {
        let error = #expect(throws: DuikouError.self) { try ProjectStatus(parsing: text, field: "status") }
        #expect(error?.code == .invalidInput)
        #expect(error?.message.contains("status") == true)
    }

    @Test func onTrackOrder() {
        #expect(ProjectStatus.onTrack == [.planned, .negotiating, .signed, .landed, .started, .completed, .operating])
        for (index, status) in ProjectStatus.onTrack.enumerated() {
            #expect(status.step == index)
            #expect(status.isOnTrack)
        }
        #expect(ProjectStatus.suspended.step == nil)
        #expect(ProjectStatus.terminated.step == nil)
        #expect(!ProjectStatus.suspended.isOnTrack)
        #expect(!ProjectStatus.terminated.isOnTrack)
    }

    @Test(arguments: ProjectStatus.allCases, ProjectStatus.allCases)
    func hasReached(status: ProjectStatus, other: ProjectStatus) {
        let expected: Bool
        if let mine = ProjectStatus.onTrack.firstIndex(of: status), let theirs = ProjectStatus.onTrack.firstIndex(of: other) {
            expected = mine >= theirs
        } else {
            expected = false
        }
        #expect(status.hasReached(other) == expected)
    }

    @Test func hasReachedExamples() {
        #expect(ProjectStatus.operating.hasReached(.signed))
        #expect(ProjectStatus.signed.hasReached(.signed))
        #expect(!ProjectStatus.landed.hasReached(.started))
        #expect(!ProjectStatus.suspended.hasReached(.planned))
        #expect(!ProjectStatus.terminated.hasReached(.planned))
        #expect(!ProjectStatus.operating.hasReached(.terminated))
    }

    // MARK: - The other vocabularies

    @Test func regionLevel() throws {
        try checkVocabulary(RegionLevel.self, labels: [
            "province": "省", "autonomous-region": "自治区", "municipality": "直辖市", "sub-provincial-city": "副省级城市",
            "prefecture-city": "地级市", "county": "县",
        ])
        #expect(try RegionLevel(parsing: "SUB_PROVINCIAL_CITY", field: "level") == .subProvincialCity)
    }

    @Test func side() throws {
        try checkVocabulary(Side.self, labels: ["northeast": "东北", "east": "东部"])
    }

    @Test func pairingLevel() throws {
        try checkVocabulary(PairingLevel.self, labels: ["province": "省级", "city": "市级"])
    }

    @Test func pairingStatus() throws {
        try checkVocabulary(PairingStatus.self, labels: ["active": "合作中", "exploring": "探索中", "ended": "已结束"])
    }

    @Test func parkKind() throws {
        try checkVocabulary(ParkKind.self, labels: ["joint": "共建园区", "branch": "分园区", "enclave": "飞地"])
        #expect(try ParkKind(parsing: "共建", field: "kind") == .joint)
        #expect(try ParkKind(parsing: "分园", field: "kind") == .branch)
        #expect(try ParkKind(parsing: "飞地园区", field: "kind") == .enclave)
    }

    @Test func exchangeDirection() throws {
        try checkVocabulary(ExchangeDirection.self, labels: ["to-east": "赴东部", "to-northeast": "赴东北"])
        #expect(try ExchangeDirection(parsing: "TO_EAST", field: "direction") == .toEast)
        #expect(try ExchangeDirection(parsing: "to_northeast", field: "direction") == .toNortheast)
    }

    @Test func exchangeKind() throws {
        try checkVocabulary(ExchangeKind.self, labels: ["secondment": "挂职", "training": "培训"])
    }

    /// Every key and label of a vocabulary reads back as its own value, and nothing else does.
    private func checkVocabulary<K: Keyword>(_ type: K.Type, labels: [String: String],
                                             sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(Set(K.allCases.map(\.rawValue)) == Set(labels.keys), sourceLocation: sourceLocation)
        for value in K.allCases {
            #expect(value.labelZH == labels[value.rawValue], sourceLocation: sourceLocation)
            #expect(value.labelEN == value.rawValue, sourceLocation: sourceLocation)
            #expect(try K(parsing: value.rawValue, field: "f") == value, sourceLocation: sourceLocation)
            #expect(try K(parsing: value.rawValue.uppercased(), field: "f") == value, sourceLocation: sourceLocation)
            #expect(try K(parsing: " \(value.rawValue) ", field: "f") == value, sourceLocation: sourceLocation)
            #expect(try K(parsing: value.labelZH, field: "f") == value, sourceLocation: sourceLocation)
            #expect(try K(parsing: "\u{3000}\(value.labelZH)\u{3000}", field: "f") == value, sourceLocation: sourceLocation)
        }
        for (synonym, value) in K.synonyms {
            #expect(!K.allCases.contains { $0.labelZH == synonym && $0 != value }, "synonym \(synonym) shadows a label", sourceLocation: sourceLocation)
        }
        for junk in ["", "x", "unknown", "其他"] {
            let error = #expect(throws: DuikouError.self, sourceLocation: sourceLocation) { try K(parsing: junk, field: "some-field") }
            #expect(error?.code == .invalidInput, sourceLocation: sourceLocation)
            #expect(error?.message.contains("some-field") == true, sourceLocation: sourceLocation)
        }
    }

    // MARK: - NewProject

    let date = try! LocalDate(parsing: "2019-05-09")

    @Test(arguments: ["", " ", "\u{3000}", "\t\n", "\u{3000} \u{3000}"])
    func projectWithoutATitleIsRefused(title: String) {
        let error = #expect(throws: DuikouError.self) { try NewProject(pairing: "liaoning-jiangsu", task: "1.1", title: title, date: date) }
        #expect(error?.code == .invalidInput)
        #expect(error?.message.contains("title") == true)
    }

    @Test func projectTextIsTrimmedAndBlankOptionalTextIsNil() throws {
        let project = try NewProject(pairing: " liaoning-jiangsu ", task: " 1.1\u{3000}", title: "\u{3000}沈阳—南京 合作项目 ",
                                     description: "   ", northeastParty: "", eastParty: "\u{3000}", date: date, note: " \t ")
        #expect(project.pairing == "liaoning-jiangsu")
        #expect(project.task == "1.1")
        #expect(project.title == "沈阳—南京 合作项目")
        #expect(project.description == nil)
        #expect(project.northeastParty == nil)
        #expect(project.eastParty == nil)
        #expect(project.note == nil)
    }

    @Test func projectDefaults() throws {
        let project = try NewProject(pairing: "p", task: "1.1", title: "T", description: " 简介 ", eastParty: " 苏州工业园区 ", date: date)
        #expect(project.status == .signed)
        #expect(project.completed == .zero)
        #expect(project.planned == nil)
        #expect(!project.landmark)
        #expect(project.park == nil)
        #expect(project.description == "简介")
        #expect(project.eastParty == "苏州工业园区")
        let other = try NewProject(pairing: "p", task: "1.1", title: "T", date: date)
        #expect(project.id != other.id)
    }

    // MARK: - NewPairing

    @Test(arguments: ["liaoning-jiangsu", "a", "shenyang-beijing-2", "123", String(repeating: "a", count: 64), " foshan-jiamusi "])
    func goodPairingIds(id: String) throws {
        let pairing = try NewPairing(id: id, northeast: "210000", east: "320000")
        #expect(pairing.id == id.trimmingCharacters(in: .whitespaces))
        #expect(pairing.status == .active)
    }

    @Test(arguments: ["", "  ", "Liaoning-Jiangsu", "liaoning_jiangsu", "liaoning jiangsu", "-liaoning", "liaoning-", "-",
                      "辽宁-江苏", "liaoning.jiangsu", "liaoning/jiangsu", String(repeating: "a", count: 65), "ｌｉａｏｎｉｎｇ"])
    func badPairingIdsAreRefused(id: String) {
        let error = #expect(throws: DuikouError.self) { try NewPairing(id: id, northeast: "210000", east: "320000") }
        #expect(error?.code == .invalidInput)
        #expect(error?.message.contains("id") == true)
    }

    @Test func pairingWithoutEastMustBeExploring() throws {
        expectInvalidInput { try NewPairing(id: "heilongjiang-x", northeast: "230000", status: .active) }
        expectInvalidInput { try NewPairing(id: "heilongjiang-x", northeast: "230000", east: "  ", status: .active) }
        expectInvalidInput { try NewPairing(id: "heilongjiang-x", northeast: "230000", status: .ended) }
        let exploring = try NewPairing(id: "heilongjiang-x", northeast: "230000", status: .exploring)
        #expect(exploring.east == nil)
        #expect(exploring.status == .exploring)
        let defaulted = try NewPairing(id: "heilongjiang-x", northeast: "230000", east: "\u{3000}")
        #expect(defaulted.east == nil)
        #expect(defaulted.status == .exploring)
    }

    @Test func pairingWithEastDefaultsToActive() throws {
        let pairing = try NewPairing(id: "liaoning-jiangsu", northeast: " 210000 ", east: " 320000 ", parent: " ")
        #expect(pairing.status == .active)
        #expect(pairing.east == "320000")
        #expect(pairing.northeast == "210000")
        #expect(pairing.parent == nil)
        #expect(pairing.level == nil)
        let ended = try NewPairing(id: "liaoning-jiangsu", northeast: "210000", east: "320000", status: .ended)
        #expect(ended.status == .ended)
        let exploring = try NewPairing(id: "liaoning-jiangsu", northeast: "210000", east: "320000", status: .exploring)
        #expect(exploring.east == "320000")
    }

    @Test func pairingCannotBeItsOwnParent() throws {
        expectInvalidInput { try NewPairing(id: "shenyang-nanjing", northeast: "210100", east: "320100", parent: "shenyang-nanjing") }
        expectInvalidInput { try NewPairing(id: " shenyang-nanjing", northeast: "210100", east: "320100", parent: "shenyang-nanjing ") }
        let child = try NewPairing(id: "shenyang-nanjing", northeast: "210100", east: "320100", level: .city, parent: "liaoning-jiangsu")
        #expect(child.parent == "liaoning-jiangsu")
        #expect(child.level == .city)
    }

    // MARK: - NewExchange

    let start = try! LocalDate(parsing: "2019-03-01")
    let end = try! LocalDate(parsing: "2020-02-29")

    @Test func trainingNeedsParticipants() throws {
        expectInvalidInput { try NewExchange(pairing: "p", direction: .toEast, kind: .training, start: start) }
        let training = try NewExchange(pairing: "p", direction: .toEast, kind: .training, start: start, participants: 45)
        #expect(training.participants == 45)
    }

    @Test func secondmentCountsOnePersonUnlessTold() throws {
        let one = try NewExchange(pairing: " p ", direction: .toNortheast, kind: .secondment, start: start, end: end)
        #expect(one.participants == 1)
        #expect(one.pairing == "p")
        let three = try NewExchange(pairing: "p", direction: .toNortheast, kind: .secondment, start: start, participants: 3)
        #expect(three.participants == 3)
    }

    @Test(arguments: [0, -1, Int.min])
    func participantsMustBePositive(count: Int) {
        expectInvalidInput { try NewExchange(pairing: "p", direction: .toEast, kind: .training, start: start, participants: count) }
        expectInvalidInput { try NewExchange(pairing: "p", direction: .toEast, kind: .secondment, start: start, participants: count) }
    }

    @Test func endMayNotPrecedeStart() throws {
        let error = #expect(throws: DuikouError.self) {
            try NewExchange(pairing: "p", direction: .toEast, kind: .secondment, start: end, end: start)
        }
        #expect(error?.code == .invalidInput)
        #expect(error?.message.contains("end") == true)
        let sameDay = try NewExchange(pairing: "p", direction: .toEast, kind: .training, start: start, end: start, participants: 20)
        #expect(sameDay.end == start)
    }

    @Test func exchangeBlankTextIsNil() throws {
        let exchange = try NewExchange(pairing: "p", direction: .toEast, kind: .secondment, start: start, person: " ",
                                       fromOrg: "\u{3000}", toOrg: " 苏州市发改委 ", post: "")
        #expect(exchange.person == nil)
        #expect(exchange.fromOrg == nil)
        #expect(exchange.toOrg == "苏州市发改委")
        #expect(exchange.post == nil)
    }

    // MARK: - NewProgressUpdate

    @Test func updateMustSaySomething() throws {
        expectInvalidInput { try NewProgressUpdate(date: date) }
        expectInvalidInput { try NewProgressUpdate(date: date, note: "") }
        expectInvalidInput { try NewProgressUpdate(date: date, note: " \u{3000}\n") }
        #expect(try NewProgressUpdate(date: date, status: .started).status == .started)
        #expect(try NewProgressUpdate(date: date, completed: .zero).completed == .zero)
        let noted = try NewProgressUpdate(date: date, note: " 已完成环评 ")
        #expect(noted.note == "已完成环评")
        #expect(noted.status == nil)
        #expect(noted.completed == nil)
    }

    // MARK: - Region

    @Test(arguments: ["21000", "2100000", "21000a", "２１００００", "", "      ", " 210000", "-21000", "21 000"])
    func regionCodeMustBeSixDigits(code: String) {
        let error = #expect(throws: DuikouError.self) {
            try Region(code: code, nameZH: "辽宁省", nameEN: "Liaoning", level: .province, side: .northeast)
        }
        #expect(error?.code == .invalidInput)
        #expect(error?.message.contains("code") == true)
    }

    @Test func regionNamesAreRequiredAndTrimmed() throws {
        let region = try Region(code: "210000", nameZH: " 辽宁省\u{3000}", nameEN: " Liaoning ", level: .province, side: .northeast)
        #expect(region.code == "210000")
        #expect(region.nameZH == "辽宁省")
        #expect(region.name(.en) == "Liaoning")
        #expect(region.name(.zh) == "辽宁省")
        expectInvalidInput { try Region(code: "210000", nameZH: " ", nameEN: "Liaoning", level: .province, side: .northeast) }
        expectInvalidInput { try Region(code: "210000", nameZH: "辽宁省", nameEN: "", level: .province, side: .northeast) }
    }

    // MARK: - LandArea

    @Test(arguments: [
        ("1.53", Int64(1_530_000)),
        ("26", 26_000_000),
        ("0", 0),
        ("0.000001", 1),
        ("26km2", 26_000_000),
        ("26 km²", 26_000_000),
        ("1.53平方公里", 1_530_000),
        (" 1.5\u{3000}", 1_500_000),
        ("1,000", 1_000_000_000),
        (".5", 500_000),
    ])
    func landAreaParses(text: String, squareMetres: Int64) throws {
        #expect(try LandArea(parsingKm2: text).squareMetres == squareMetres)
    }

    @Test(arguments: ["", "abc", "-1", "-0.5", "0.0000001", "1.5000001", "1.2.3", "km2", "1,5", "9223372036855", "1.5 m2", "１.５"])
    func badLandAreasAreRefused(text: String) {
        let error = #expect(throws: DuikouError.self) { try LandArea(parsingKm2: text, field: "area") }
        #expect(error?.code == .invalidInput)
        #expect(error?.message.contains("area") == true)
    }

    @Test(arguments: [
        (Int64(1_530_000), "1.53"), (26_000_000, "26"), (0, "0"), (1, "0.000001"), (1_000_001, "1.000001"), (500_000, "0.5"),
    ])
    func landAreaKm2Text(squareMetres: Int64, text: String) throws {
        let area = LandArea(squareMetres: squareMetres)
        #expect(area.km2Text == text)
        #expect(area.description == text + " km²")
        #expect(try LandArea(parsingKm2: area.km2Text) == area)
        #expect(try LandArea(parsingKm2: area.description) == area)
    }

    @Test func landAreaKm2TextRoundTripsForManyValues() throws {
        var value: Int64 = 1
        while value < Int64.max / 7 {
            let area = LandArea(squareMetres: value)
            #expect(try LandArea(parsingKm2: area.km2Text) == area)
            value = value * 7 + 3
        }
        #expect(try LandArea(parsingKm2: "1.53") < LandArea(parsingKm2: "26"))
    }

    // MARK: - NewPark

    @Test func parkNeedsAName() throws {
        expectInvalidInput { try NewPark(pairing: "p", name: " ") }
        let park = try NewPark(pairing: "p", name: " 深圳（哈尔滨）产业园区 ", partner: "", benefitSharing: "\u{3000}")
        #expect(park.name == "深圳（哈尔滨）产业园区")
        #expect(park.kind == .joint)
        #expect(park.partner == nil)
        #expect(park.benefitSharing == nil)
    }

    private func expectInvalidInput<T>(_ sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> T) {
        let error = #expect(throws: DuikouError.self, sourceLocation: sourceLocation) { _ = try body() }
        #expect(error?.code == .invalidInput, sourceLocation: sourceLocation)
    }
}
