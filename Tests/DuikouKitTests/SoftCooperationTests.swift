import Foundation
import Testing
@testable import DuikouKit

/// The plan's soft cooperation as records: reform measures copied, meetings and visits, funding.
/// Recording and listing them, the rules they are refused by (with nothing written), the audit log,
/// the counts by pairing, their JSON, and what `check` finds.
@Suite struct SoftCooperationTests {
    let db: TemporaryDatabase
    let repo: Repository

    init() throws {
        db = try TemporaryDatabase()
        repo = try db.open(Repository.Options(identity: AuditIdentity(actor: "李华", command: "测试")))
    }

    /// Text that must come back byte for byte: Chinese, quotes, a comma, a line break, emoji.
    static let hostile = "复制“最多跑一次”改革, \"一网通办\"\n第二行 🚀👨‍👩‍👧 e\u{301}"

    private static func day(_ text: String) throws -> LocalDate { try LocalDate(parsing: text) }

    /// 佳木斯市 (Northeast) and 佛山市 (East), and the city pairing jiamusi-foshan inside
    /// heilongjiang-guangdong.
    private func addChildPairing() throws {
        try repo.addRegion(Region(code: "230800", nameZH: "佳木斯市", nameEN: "Jiamusi", level: .prefectureCity, side: .northeast))
        try repo.addRegion(Region(code: "440600", nameZH: "佛山市", nameEN: "Foshan", level: .prefectureCity, side: .east))
        try repo.addPairing(NewPairing(id: "jiamusi-foshan", northeast: "230800", east: "440600", parent: "heilongjiang-guangdong"))
    }

    /// How many records of each new kind and audit entries there are, to show that a refusal wrote nothing.
    private func footprint() throws -> [Int] {
        [try repo.reforms().count, try repo.meetings().count, try repo.funding().count, try repo.history().count]
    }

    /// Expects `body` to be refused with `code`, naming `field` when given, and to write nothing.
    private func expectRefused(
        _ code: DuikouError.Code, field: String? = nil, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
    ) throws {
        let before = try footprint()
        let error = #expect(throws: DuikouError.self, sourceLocation: sourceLocation) { try body() }
        #expect(error?.code == code, "\(String(describing: error))", sourceLocation: sourceLocation)
        if let field {
            #expect(error?.field == field, "\(String(describing: error))", sourceLocation: sourceLocation)
        }
        #expect(try footprint() == before, sourceLocation: sourceLocation)
    }

    // MARK: - Reform measures

    @Test func reformIsRecordedWithItsDefaultsAndTextAsGiven() throws {
        let reform = try repo.addReform(NewReformMeasure(
            pairing: "harbin-shenzhen", title: "  \(Self.hostile)  ", source: Self.hostile, date: Self.day("2019-06-01")))
        #expect(reform.title == Self.hostile.trimmingCharacters(in: .whitespaces))
        #expect(reform.source == Self.hostile)
        #expect(reform.adoptedBy == "230100")          // the pairing's Northeast region
        #expect(reform.task == NewReformMeasure.defaultTask)
        #expect(reform.task == "1.5")
        #expect(reform.policies == 1)
        #expect(try repo.reforms() == [reform])

        let county = try Region(code: "230102", nameZH: "道里区", nameEN: "Daoli", level: .county, side: .northeast)
        try repo.addRegion(county)
        let inside = try repo.addReform(NewReformMeasure(
            pairing: "harbin-shenzhen", title: "前海“证照分离”", adoptedBy: "230102", date: Self.day("2018-01-01"), task: "1.1",
            policies: NewReformMeasure.maximumPolicies))
        #expect(inside.adoptedBy == "230102" && inside.task == "1.1" && inside.policies == 10_000)
        // By date adopted.
        #expect(try repo.reforms().map(\.id) == [inside.id, reform.id])
    }

    @Test func reformListOfAPairingTakesInThePairingsInsideIt() throws {
        try addChildPairing()
        let province = try repo.addReform(NewReformMeasure(
            pairing: "heilongjiang-guangdong", title: "省级复制", adoptedBy: "230800", date: Self.day("2020-01-01")))
        let city = try repo.addReform(NewReformMeasure(pairing: "jiamusi-foshan", title: "市级复制", date: Self.day("2020-02-01")))
        let elsewhere = try repo.addReform(NewReformMeasure(pairing: "jilin-zhejiang", title: "吉浙复制", date: Self.day("2020-03-01")))
        #expect(city.adoptedBy == "230800")
        #expect(try repo.reforms(pairing: "heilongjiang-guangdong").map(\.id) == [province.id, city.id])
        #expect(try repo.reforms(pairing: "jiamusi-foshan").map(\.id) == [city.id])
        #expect(try repo.reforms().map(\.id) == [province.id, city.id, elsewhere.id])
        try expectRefused(.notFound) { _ = try repo.reforms(pairing: "nowhere") }
    }

    @Test func reformRefusals() throws {
        try addChildPairing()
        let date = try Self.day("2020-01-01")
        // Rules of the value itself.
        try expectRefused(.invalidInput, field: "task") { _ = try NewReformMeasure(pairing: "harbin-shenzhen", title: "x", date: date, task: "2.1") }
        try expectRefused(.invalidInput, field: "task") { _ = try NewReformMeasure(pairing: "harbin-shenzhen", title: "x", date: date, task: "1") }
        try expectRefused(.invalidInput, field: "policies") { _ = try NewReformMeasure(pairing: "harbin-shenzhen", title: "x", date: date, policies: 0) }
        try expectRefused(.invalidInput, field: "policies") {
            _ = try NewReformMeasure(pairing: "harbin-shenzhen", title: "x", date: date, policies: NewReformMeasure.maximumPolicies + 1)
        }
        try expectRefused(.invalidInput, field: "title") { _ = try NewReformMeasure(pairing: "harbin-shenzhen", title: " \n ", date: date) }
        try expectRefused(.invalidInput, field: "source") {
            _ = try NewReformMeasure(pairing: "harbin-shenzhen", title: "x", source: "a\u{0}b", date: date)
        }
        try expectRefused(.invalidInput) { _ = try LocalDate(parsing: "2025-02-30") }
        #expect(throws: DuikouError.self) { try NewReformMeasure.policies(parsing: "12.5") }
        #expect(try NewReformMeasure.policies(parsing: " 12 ") == 12)
        // Rules against what is recorded.
        try expectRefused(.notFound) { try repo.addReform(NewReformMeasure(pairing: "nowhere", title: "x", date: date)) }
        try expectRefused(.notFound, field: "task") { try repo.addReform(NewReformMeasure(pairing: "harbin-shenzhen", title: "x", date: date, task: "1.9")) }
        try expectRefused(.notFound, field: "adopted_by") {
            try repo.addReform(NewReformMeasure(pairing: "harbin-shenzhen", title: "x", adoptedBy: "239999", date: date))
        }
        // An Eastern region, a Northeast region outside the pairing's, a province for a city pairing.
        for region in ["440300", "220100", "230000"] {
            try expectRefused(.invalidInput, field: "adopted_by") {
                try repo.addReform(NewReformMeasure(pairing: "harbin-shenzhen", title: "x", adoptedBy: region, date: date))
            }
        }
        try expectRefused(.invalidInput, field: "adopted_by") {
            try repo.addReform(NewReformMeasure(pairing: "jiamusi-foshan", title: "x", adoptedBy: "230100", date: date))
        }
        let reform = try repo.addReform(NewReformMeasure(pairing: "harbin-shenzhen", title: "x", date: date))
        try expectRefused(.constraint, field: "id") {
            try repo.addReform(NewReformMeasure(id: reform.id, pairing: "harbin-shenzhen", title: "y", date: date))
        }
    }

    // MARK: - Meetings and visits

    @Test func meetingIsRecordedAndListedByDate() throws {
        let visit = try repo.addMeeting(NewMeeting(
            pairing: "harbin-shenzhen", kind: MeetingKind(parsing: "高层互访", field: "kind"), date: Self.day("2024-05-20"),
            place: "深圳市", level: "市级", participants: 30, outcomes: Self.hostile))
        let meeting = try repo.addMeeting(NewMeeting(pairing: "harbin-shenzhen", kind: .jointMeeting, date: Self.day("2019-03-01")))
        #expect(visit.kind == .leadersVisit && visit.outcomes == Self.hostile && visit.participants == 30 && visit.level == "市级")
        #expect(meeting.place == nil && meeting.participants == nil && meeting.outcomes == nil)
        #expect(try repo.meetings().map(\.id) == [meeting.id, visit.id])
        #expect(try repo.meetings(pairing: "jilin-zhejiang").isEmpty)
    }

    @Test func meetingRefusals() throws {
        let date = try Self.day("2024-05-20")
        try expectRefused(.invalidInput, field: "kind") { _ = try MeetingKind(parsing: "banquet", field: "kind") }
        for participants in [0, -1, NewExchange.maximumParticipants + 1] {
            try expectRefused(.invalidInput, field: "participants") {
                _ = try NewMeeting(pairing: "harbin-shenzhen", kind: .matchmaking, date: date, participants: participants)
            }
        }
        try expectRefused(.notFound) { try repo.addMeeting(NewMeeting(pairing: "nowhere", kind: .matchmaking, date: date)) }
        let meeting = try repo.addMeeting(NewMeeting(pairing: "harbin-shenzhen", kind: .matchmaking, date: date))
        try expectRefused(.constraint, field: "id") { try repo.addMeeting(NewMeeting(id: meeting.id, pairing: "harbin-shenzhen", kind: .matchmaking, date: date)) }
    }

    @Test func vocabulariesReadKeysLabelsAndSynonyms() throws {
        #expect(MeetingKind.allCases.map(\.rawValue) == ["joint-meeting", "leaders-visit", "matchmaking"])
        #expect(MeetingKind.allCases.map(\.labelZH) == ["联席会议", "高层互访", "对接活动"])
        #expect(FundingSource.allCases.map(\.rawValue) == ["central-budget", "special-fund", "bank-loan", "private", "other"])
        #expect(FundingSource.allCases.map(\.labelZH) == ["中央预算内投资", "专项资金", "银行贷款", "社会资本", "其他"])
        for kind in MeetingKind.allCases {
            for text in [kind.rawValue, kind.rawValue.uppercased().replacingOccurrences(of: "-", with: "_"), " \(kind.labelZH) "] {
                #expect(try MeetingKind(parsing: text, field: "kind") == kind)
            }
        }
        for source in FundingSource.allCases {
            for text in [source.rawValue, source.rawValue.uppercased(), "\u{3000}\(source.labelZH)"] {
                #expect(try FundingSource(parsing: text, field: "source") == source)
            }
        }
        #expect(try MeetingKind(parsing: "互访", field: "kind") == .leadersVisit)
        #expect(try FundingSource(parsing: "贷款", field: "source") == .bankLoan)
        let error = #expect(throws: DuikouError.self) { try FundingSource(parsing: "gift", field: "source") }
        #expect(error?.message.contains("中央预算内投资") == true)
    }

    // MARK: - Funding

    @Test func fundingOfAProjectCountsForItsPairing() throws {
        try addChildPairing()
        let project = try repo.addProject(NewProject(pairing: "jiamusi-foshan", task: "2.1", title: "装备项目", date: Self.day("2024-01-01")))
        let onProject = try repo.addFunding(NewFunding(
            recipient: .project(project.id), source: .centralBudget, amount: Money(parsing: "5000万"), date: Self.day("2024-06-30"),
            note: Self.hostile))
        let onPairing = try repo.addFunding(NewFunding(
            project: nil, pairing: " heilongjiang-guangdong ", source: .bankLoan, amount: Money(parsing: "1.2亿"), date: Self.day("2024-03-01")))
        let elsewhere = try repo.addFunding(NewFunding(
            recipient: .pairing("jilin-zhejiang"), source: .privateCapital, amount: Money(yuan: 1), date: Self.day("2024-01-01")))
        #expect(onProject.project == project.id && onProject.pairing == "jiamusi-foshan" && onProject.note == Self.hostile)
        #expect(onProject.recipient == .project(project.id))
        #expect(onPairing.project == nil && onPairing.pairing == "heilongjiang-guangdong" && onPairing.amount.yuan == 120_000_000)
        #expect(onPairing.recipient == .pairing("heilongjiang-guangdong"))
        #expect(try repo.funding().map(\.id) == [elsewhere.id, onPairing.id, onProject.id])
        #expect(try repo.funding(pairing: "heilongjiang-guangdong").map(\.id) == [onPairing.id, onProject.id])
        #expect(try repo.funding(pairing: "jiamusi-foshan").map(\.id) == [onProject.id])
    }

    @Test func fundingRefusals() throws {
        let date = try Self.day("2024-06-30")
        let project = try repo.addProject(NewProject(pairing: "harbin-shenzhen", task: "2.1", title: "项目", date: date))
        let amount = try Money(parsing: "1万")
        try expectRefused(.invalidInput, field: "project") {
            _ = try NewFunding(project: project.id, pairing: "harbin-shenzhen", source: .other, amount: amount, date: date)
        }
        try expectRefused(.invalidInput, field: "project") { _ = try NewFunding(project: nil, pairing: nil, source: .other, amount: amount, date: date) }
        try expectRefused(.invalidInput, field: "project") { _ = try NewFunding(project: nil, pairing: "  ", source: .other, amount: amount, date: date) }
        try expectRefused(.invalidInput, field: "amount") { _ = try NewFunding(recipient: .pairing("harbin-shenzhen"), source: .other, amount: .zero, date: date) }
        for text in ["-5", "-0.5万", "abc", "92233720368547758080元", "99999999999999999999亿", "0.5元"] {
            try expectRefused(.invalidInput, field: "amount") { _ = try Money(parsing: text) }
        }
        try expectRefused(.notFound, field: "project") {
            try repo.addFunding(NewFunding(recipient: .project(UUID()), source: .other, amount: amount, date: date))
        }
        try expectRefused(.notFound) { try repo.addFunding(NewFunding(recipient: .pairing("nowhere"), source: .other, amount: amount, date: date)) }
        // Each amount fits in 64 bits; all of them together must too.
        let half = Money(uncheckedYuan: Int64.max / 2 + 1)
        try repo.addFunding(NewFunding(recipient: .pairing("harbin-shenzhen"), source: .specialFund, amount: half, date: date))
        try expectRefused(.invalidInput) {
            try repo.addFunding(NewFunding(recipient: .project(project.id), source: .specialFund, amount: half, date: date))
        }
        #expect(try repo.check().isSound)
    }

    // MARK: - The audit log

    @Test func everyAddIsOneEntryOfItsKind() throws {
        let reform = try repo.addReform(NewReformMeasure(pairing: "harbin-shenzhen", title: "“秒批”改革", date: Self.day("2019-06-01"), policies: 3))
        let meeting = try repo.addMeeting(NewMeeting(pairing: "harbin-shenzhen", kind: .jointMeeting, date: Self.day("2024-05-20"), place: "哈尔滨市"))
        let funding = try repo.addFunding(NewFunding(
            recipient: .pairing("harbin-shenzhen"), source: .centralBudget, amount: Money(parsing: "5000万"), date: Self.day("2024-06-30")))
        let events = try repo.history()
        #expect(events.map(\.recordKind) == ["reform", "meeting", "funding"])
        #expect(events.map(\.recordID) == [reform.id.key, meeting.id.key, funding.id.key])
        #expect(events.allSatisfy { $0.action == .add && $0.actor == "李华" && $0.command == "测试" })
        #expect(events[0].summary.contains("“秒批”改革") && events[0].summary.contains("3 policies") && events[0].summary.contains("230100"))
        #expect(events[1].summary.contains("joint-meeting on 2024-05-20 in 哈尔滨市"))
        #expect(events[2].summary.contains("central-budget 50000000 元 for pairing harbin-shenzhen"))
        // A refused write leaves none.
        _ = try? repo.addFunding(NewFunding(recipient: .pairing("nowhere"), source: .other, amount: Money(yuan: 1), date: Self.day("2024-06-30")))
        #expect(try repo.history().count == 3)
    }

    // MARK: - Counts by pairing

    @Test func activityCountsEachPairingsOwnRecordsByDate() throws {
        try addChildPairing()
        let project = try repo.addProject(NewProject(pairing: "jiamusi-foshan", task: "2.1", title: "项目", date: Self.day("2023-01-01")))
        try repo.write { tx in
            try tx.addReform(NewReformMeasure(pairing: "heilongjiang-guangdong", title: "甲", date: Self.day("2023-05-01"), policies: 12))
            try tx.addReform(NewReformMeasure(pairing: "heilongjiang-guangdong", title: "乙", date: Self.day("2024-05-01"), policies: 3))
            try tx.addReform(NewReformMeasure(pairing: "jiamusi-foshan", title: "丙", date: Self.day("2024-06-01")))
            try tx.addMeeting(NewMeeting(pairing: "heilongjiang-guangdong", kind: .jointMeeting, date: Self.day("2024-01-10")))
            try tx.addMeeting(NewMeeting(pairing: "heilongjiang-guangdong", kind: .leadersVisit, date: Self.day("2024-02-10")))
            try tx.addMeeting(NewMeeting(pairing: "heilongjiang-guangdong", kind: .leadersVisit, date: Self.day("2025-02-10")))
            try tx.addFunding(NewFunding(recipient: .project(project.id), source: .centralBudget, amount: Money(parsing: "5000万"),
                                         date: Self.day("2024-06-30")))
            try tx.addFunding(NewFunding(recipient: .pairing("jiamusi-foshan"), source: .centralBudget, amount: Money(parsing: "1000万"),
                                         date: Self.day("2023-06-30")))
            try tx.addFunding(NewFunding(recipient: .pairing("heilongjiang-guangdong"), source: .bankLoan, amount: Money(parsing: "2亿"),
                                         date: Self.day("2024-12-31")))
        }

        let all = try repo.softCooperationActivity()
        #expect(Set(all.keys) == Set(try repo.catalogue().pairings.map(\.id)))
        #expect(all["dalian-shanghai"] == SoftCooperationCounts())
        let province = try #require(all["heilongjiang-guangdong"])
        #expect(province.reforms == 2 && province.policies == 15)
        #expect(province.meetings == [.jointMeeting: 1, .leadersVisit: 2, .matchmaking: 0])
        #expect(province.meetingCount == 3)
        #expect(province.funding[.bankLoan]?.yuan == 200_000_000 && province.funding[.centralBudget] == .zero)
        let city = try #require(all["jiamusi-foshan"])
        #expect(city.reforms == 1 && city.policies == 1)
        #expect(city.funding[.centralBudget]?.yuan == 60_000_000)   // the project's and the pairing's own
        #expect(city.fundingTotal.yuan == 60_000_000)

        // As of a date, and within a year; the scope of a pairing takes in the pairings inside it.
        let asOf = try repo.softCooperationActivity(pairing: "heilongjiang-guangdong", asOf: Self.day("2023-12-31"))
        #expect(Set(asOf.keys) == ["heilongjiang-guangdong", "jiamusi-foshan"])
        #expect(asOf["heilongjiang-guangdong"]?.policies == 12 && asOf["heilongjiang-guangdong"]?.meetingCount == 0)
        #expect(asOf["jiamusi-foshan"]?.funding[.centralBudget]?.yuan == 10_000_000)
        let year = try repo.softCooperationActivity(since: Self.day("2024-01-01"), asOf: Self.day("2024-12-31"))
        var subtree = try #require(year["heilongjiang-guangdong"])
        #expect(subtree.policies == 3 && subtree.meetingCount == 2)
        try subtree.add(try #require(year["jiamusi-foshan"]))
        #expect(subtree.reforms == 2 && subtree.policies == 4)
        #expect(subtree.fundingTotal.yuan == 250_000_000)

        try expectRefused(.invalidInput, field: "since") {
            _ = try repo.softCooperationActivity(since: Self.day("2025-01-01"), asOf: Self.day("2024-12-31"))
        }
        try expectRefused(.notFound) { _ = try repo.softCooperationActivity(pairing: "nowhere") }
        let huge = try SoftCooperationCounts(reforms: 1, policies: 1, funding: [.other: Money(uncheckedYuan: .max)])
        var sum = huge
        #expect(throws: DuikouError.self) { try sum.add(huge) }
        #expect(sum == huge)
        #expect(throws: DuikouError.self) {
            try SoftCooperationCounts(reforms: 0, policies: 0, funding: [.other: Money(uncheckedYuan: .max), .bankLoan: Money(yuan: 1)])
        }
        #expect(throws: DuikouError.self) { try SoftCooperationCounts(reforms: -1, policies: 0) }
    }

    // MARK: - JSON

    @Test func recordsAndCountsEncodeAsTheirListingsAndComeBack() throws {
        let reform = try repo.addReform(NewReformMeasure(pairing: "harbin-shenzhen", title: Self.hostile, source: Self.hostile, date: Self.day("2019-06-01")))
        let meeting = try repo.addMeeting(NewMeeting(pairing: "harbin-shenzhen", kind: .matchmaking, date: Self.day("2024-05-20"), outcomes: Self.hostile))
        let funding = try repo.addFunding(NewFunding(
            recipient: .pairing("harbin-shenzhen"), source: .specialFund, amount: Money(uncheckedYuan: .max), date: Self.day("2024-06-30")))
        #expect(try JSONTree(encoding: reform) == JSONTree(Listing.reforms([reform]).json).elements.first)
        #expect(try JSONTree(encoding: meeting) == JSONTree(Listing.meetings([meeting]).json).elements.first)
        #expect(try JSONTree(encoding: funding) == JSONTree(Listing.funding([funding]).json).elements.first)
        #expect(try JSONTree(encoding: funding)["amount_yuan"] == .integer(.max))
        #expect(try JSONTree(encoding: funding)["project"] == .null)
        try expectRoundTrip(reform)
        try expectRoundTrip(meeting)
        try expectRoundTrip(funding)
        let counts = try #require(try repo.softCooperationActivity()["harbin-shenzhen"])
        try expectRoundTrip(counts)
        let tree = try JSONTree(encoding: counts)
        #expect(tree["funding_yuan"] == .integer(.max) && tree["meetings"] == .integer(1) && tree["policies"] == .integer(1))
        #expect(tree["meetings_by_kind"]?["matchmaking"] == .integer(1))
        #expect(tree["funding_by_source_yuan"]?["special-fund"] == .integer(.max))

        try expectDecodingRefused(reform, "task", "2.1")
        try expectDecodingRefused(reform, "policies", 0)
        try expectDecodingRefused(reform, "adopted_by", "")
        try expectDecodingRefused(meeting, "kind", "party")
        try expectDecodingRefused(meeting, "participants", 0)
        try expectDecodingRefused(meeting, "date", "2025-02-30")
        try expectDecodingRefused(funding, "amount_yuan", 0)
        try expectDecodingRefused(funding, "amount_yuan", -1)
        try expectDecodingRefused(funding, "source", "gift")
        try expectDecodingRefused(counts, "reforms", -1)
        try expectDecodingRefused(counts, "meetings_by_kind", ["party": 1])
        try expectDecodingRefused(counts, "funding_by_source_yuan", ["other": Int64.max, "bank-loan": 1])
    }

    private func expectRoundTrip<T: Codable & Equatable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let data = try JSONEncoder().encode(value)
        #expect(try JSONDecoder().decode(T.self, from: data) == value, "\(String(decoding: data, as: UTF8.self))", sourceLocation: sourceLocation)
    }

    /// Decoding `value`'s JSON with `key` set to `replacement` is refused.
    private func expectDecodingRefused<T: Codable>(_ value: T, _ key: String, _ replacement: Any, sourceLocation: SourceLocation = #_sourceLocation) throws {
        var object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(value)) as? [String: Any], sourceLocation: sourceLocation)
        object[key] = replacement
        let data = try JSONSerialization.data(withJSONObject: object)
        #expect(throws: DecodingError.self, "\(key) = \(replacement)", sourceLocation: sourceLocation) { try JSONDecoder().decode(T.self, from: data) }
    }

    // MARK: - check

    @Test func checkFindsAReformAdoptedOutsideItsPairingAndAnEasternRegion() throws {
        try repo.addReform(NewReformMeasure(pairing: "harbin-shenzhen", title: "甲", date: Self.day("2019-06-01")))
        try repo.addReform(NewReformMeasure(pairing: "jilin-zhejiang", title: "乙", date: Self.day("2019-06-01")))
        #expect(try repo.check().isSound)
        // Written by another program: one adopted outside its pairing, one by a region made Eastern.
        try tamper(db.path, """
            UPDATE reform SET adopted_by = '210100' WHERE title = '甲';
            UPDATE region SET side = 'east' WHERE code = '220000';
            """)
        let report = try db.open().check()
        #expect(report.problemCount == 2, "\(report.problems)")
        #expect(report.problems.contains { $0.contains("adopted_by: region 210100 (沈阳市) is not inside 230100") })
        #expect(report.problems.contains { $0.contains("adopted_by: region 220000 (吉林省) is an Eastern region") })
    }

    @Test func checkFindsARecordBeyondItsBandOfTheSearchIndex() throws {
        try repo.addReform(NewReformMeasure(pairing: "harbin-shenzhen", title: "正常记录", date: Self.day("2019-06-01")))
        #expect(try repo.check().isSound)
        try tamper(db.path, """
            INSERT INTO meeting (rowid, id, pairing_id, kind, date, recorded_at)
            VALUES (72057594037927936, '00000000-0000-4000-8000-000000000001', 'harbin-shenzhen', 'matchmaking', '2024-01-01', 'x');
            """)
        let report = try db.open().check()
        #expect(report.problems.contains { $0.hasPrefix("search: meeting row 72057594037927936") }, "\(report.problems)")
    }

    @Test func checkFindsFundingBeyond64Bits() throws {
        let half = Money(uncheckedYuan: Int64.max / 2 + 1)
        try repo.addFunding(NewFunding(recipient: .pairing("harbin-shenzhen"), source: .other, amount: half, date: Self.day("2024-01-01")))
        try repo.addFunding(NewFunding(recipient: .pairing("harbin-shenzhen"), source: .other, amount: Money(yuan: 1), date: Self.day("2024-01-01")))
        try tamper(db.path, "UPDATE funding SET amount_yuan = \(half.yuan)")
        let report = try db.open().check()
        #expect(report.problemCount == 1)
        #expect(report.problems.first?.hasPrefix("totals: the funding") == true, "\(report.problems)")
    }
}
