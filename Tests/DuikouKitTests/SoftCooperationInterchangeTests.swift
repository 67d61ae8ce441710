import DuikouMigrations
import Foundation
import Testing
@testable import DuikouKit

/// Reform measures, meetings and funding in and out: CSV imports (English and Chinese headers, a
/// byte-order mark and CRLF, all or nothing, dry runs, corrections by id), exports that import back
/// as the same records, merges by id with conflicts, search over their text, and a database of an
/// earlier version brought up to date.
@Suite struct SoftCooperationInterchangeTests {
    let db: TemporaryDatabase
    let repo: Repository

    init() throws {
        db = try TemporaryDatabase()
        repo = try db.open()
    }

    private static func day(_ text: String) throws -> LocalDate { try LocalDate(parsing: text) }

    private static func id(_ number: Int) -> UUID {
        let digits = String(number)
        return UUID(uuidString: "00000000-0000-4000-8000-" + String(repeating: "0", count: 12 - digits.count) + digits) ?? UUID()
    }

    private static let project = id(1)
    private static let reform = id(2)
    private static let meeting = id(3)
    private static let funding = id(4)
    private static let pairingFunding = id(5)

    /// Writes `text` (UTF-8) to a file in the test's folder and returns its path.
    private func file(_ text: String, name: String = "input.csv") throws -> String {
        let path = db.folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    private final class TextSink: @unchecked Sendable {
        var text = ""
    }

    private static func exported(_ repo: Repository, _ kind: InterchangeKind, format: ExportFormat = .csv) throws -> String {
        let sink = TextSink()
        try repo.export(kind, format: format) { sink.text += $0 }
        return sink.text
    }

    /// A project and one record of each kind, with hostile text; with `variant`, the same ids with
    /// some fields changed, as another reporter might have them.
    private static func populate(_ repository: Repository, variant: Bool = false) throws {
        try repository.write { tx in
            try tx.addProject(NewProject(id: project, pairing: "harbin-shenzhen", task: "2.2", title: "新能源汽车零部件项目",
                                         date: day("2024-01-01")))
            try tx.addReform(NewReformMeasure(
                id: reform, pairing: "harbin-shenzhen", title: "商事登记“秒批”, \"一网通办\"\n改革🚀", source: variant ? "深圳市南山区" : "深圳市前海",
                date: day("2019-06-01"), task: "1.1", policies: 12))
            try tx.addMeeting(NewMeeting(
                id: meeting, pairing: "harbin-shenzhen", kind: .jointMeeting, date: day("2024-05-20"), place: "哈尔滨市", level: "市级",
                participants: variant ? 80 : 60, outcomes: "签署合作协议3项，\"落地\"项目2个\n📈"))
            try tx.addFunding(NewFunding(
                id: funding, recipient: .project(project), source: .centralBudget, amount: Money(parsing: variant ? "6000万" : "5000万"),
                date: day("2024-06-30"), note: "中央预算内投资, 第一批"))
            try tx.addFunding(NewFunding(
                id: pairingFunding, recipient: .pairing("harbin-shenzhen"), source: .bankLoan, amount: Money(parsing: "1.2亿"),
                date: day("2024-07-30")))
        }
    }

    private static func records(_ repository: Repository) throws -> String {
        "\(try repository.reforms())\n\(try repository.meetings())\n\(try repository.funding())"
    }

    // MARK: - Import

    @Test func chineseHeadersWithAByteOrderMarkAndCRLFImportEveryValue() throws {
        let reforms = try file("\u{FEFF}编号,对口合作关系,举措名称,经验来源,复制推广地区,日期,任务,政策数\r\n"
                               + ",harbin-shenzhen,\"“秒批”, \"\"改革\"\"\r\n第二行🚀\",深圳市前海,230100,2019-06-01,1.1,12\r\n"
                               + ",jilin-zhejiang,最多跑一次,,,2020-01-01,,\r\n\r\n", name: "reforms.csv")
        let result = try repo.importCSV(.reforms, from: reforms)
        #expect(result.problems.isEmpty, "\(result.problems)")
        #expect(result.added == 2 && result.rows == 2 && result.committed)
        let recorded = try repo.reforms()
        #expect(recorded.map(\.title) == ["“秒批”, \"改革\"\r\n第二行🚀", "最多跑一次"])
        #expect(recorded.map(\.adoptedBy) == ["230100", "220000"])
        #expect(recorded.map(\.task) == ["1.1", "1.5"] && recorded.map(\.policies) == [12, 1])

        let meetings = try file("\u{FEFF}对口合作关系,类型,日期,地点,级别,人数,成果\r\n"
                                + "harbin-shenzhen,联席会议,2024-05-20,哈尔滨市,市级,60,\"签约3项, \"\"落地\"\"\r\n📈\"\r\n"
                                + "harbin-shenzhen,互访,2024-06-01,,,,\r\n", name: "meetings.csv")
        #expect(try repo.importCSV(.meetings, from: meetings).added == 2)
        #expect(try repo.meetings().map(\.kind) == [.jointMeeting, .leadersVisit])
        #expect(try repo.meetings().first?.outcomes == "签约3项, \"落地\"\r\n📈")

        let project = try repo.addProject(NewProject(pairing: "harbin-shenzhen", task: "2.2", title: "项目", date: Self.day("2024-01-01")))
        let funding = try file("项目编号,对口合作关系,资金来源,金额,日期,备注\r\n"
                               + "\(project.id.key.prefix(8).uppercased()),,中央预算内投资,5000万,2024-06-30,\"第一批, \"\"中央\"\"\"\r\n"
                               + ",jilin-zhejiang,bank-loan,120000000元,2024-07-30,\r\n", name: "funding.csv")
        #expect(try repo.importCSV(.funding, from: funding).added == 2)
        let recordedFunding = try repo.funding()
        #expect(recordedFunding.map(\.project) == [project.id, nil])
        #expect(recordedFunding.map(\.pairing) == ["harbin-shenzhen", "jilin-zhejiang"])
        #expect(recordedFunding.map(\.amount.yuan) == [50_000_000, 120_000_000])
        #expect(recordedFunding.first?.note == "第一批, \"中央\"")
        #expect(try repo.history().map(\.recordKind).filter { $0 == "database" }.count == 3)
    }

    @Test func aBadRowWritesNothingAndEveryProblemIsReportedWithItsLineAndColumn() throws {
        let reforms = try file("""
            pairing,title,date,task,policies,adopted_by
            harbin-shenzhen,好的一行,2019-06-01,,,
            harbin-shenzhen,坏任务,2025-02-30,2.1,0,
            nowhere,,2019-06-01,,abc,
            harbin-shenzhen,东部地区,2019-06-01,,,440300

            """)
        let result = try repo.importCSV(.reforms, from: reforms)
        #expect(!result.committed && result.refused == 3 && result.added == 1)
        #expect(result.problems.map { "\($0.line):\($0.column ?? "-")" } == [
            "3:date", "3:task", "3:policies", "4:pairing", "4:title", "4:policies", "5:adopted_by",
        ])
        #expect(try repo.reforms().isEmpty)
        #expect(try repo.history().isEmpty)

        let meetings = try file("pairing,kind,date,participants\nharbin-shenzhen,宴会,2024-01-01,0\nharbin-shenzhen,matchmaking,,1000001\n")
        let refused = try repo.importCSV(.meetings, from: meetings)
        #expect(refused.problems.map { "\($0.line):\($0.column ?? "-")" } == ["2:kind", "2:participants", "3:participants", "3:date"])
        #expect(try repo.meetings().isEmpty)

        let project = try repo.addProject(NewProject(pairing: "harbin-shenzhen", task: "2.2", title: "项目", date: Self.day("2024-01-01")))
        let funding = try file("""
            project,pairing,source,amount,date
            \(project.id.key),harbin-shenzhen,other,1万,2024-01-01
            ,,other,1万,2024-01-01
            ,harbin-shenzhen,gift,0,2024-01-01
            ,harbin-shenzhen,other,-5万,2024-01-01
            ,harbin-shenzhen,other,99999999999999999999亿,2024-01-01
            deadbeef,,other,1万,2024-01-01
            ,harbin-shenzhen,other,0,2024-01-01
            ,harbin-shenzhen,other,1万,

            """)
        let refusedFunding = try repo.importCSV(.funding, from: funding)
        #expect(refusedFunding.problems.map { "\($0.line):\($0.column ?? "-")" } == [
            "2:pairing", "3:project", "4:source", "5:amount", "6:amount", "7:project", "8:amount", "9:date",
        ])
        #expect(try repo.funding().isEmpty)
    }

    @Test func aDryRunCountsAndWritesNothing() throws {
        let path = try file("pairing,kind,date\nharbin-shenzhen,matchmaking,2024-01-01\ndalian-shanghai,对接会,2024-02-01\n")
        let result = try repo.importCSV(.meetings, from: path, dryRun: true)
        #expect(result.added == 2 && result.dryRun && !result.committed && result.problems.isEmpty)
        #expect(try repo.meetings().isEmpty)
        #expect(try repo.history().isEmpty)
    }

    @Test func aRowWithARecordedIdCorrectsItAndTheSameFileAgainChangesNothing() throws {
        try Self.populate(repo)
        for kind in [InterchangeKind.reforms, .meetings, .funding] {
            let text = try Self.exported(repo, kind)
            let path = try file(text, name: "\(kind).csv")
            #expect(try repo.importCSV(kind, from: path).unchanged == (kind == .funding ? 2 : 1))
        }
        let changed = try file("""
            id,pairing,kind,date,place,outcomes
            \(Self.meeting.key),harbin-shenzhen,leaders-visit,2024-05-21,深圳市,新的成果
            """)
        let result = try repo.importCSV(.meetings, from: changed)
        #expect(result.updated == 1 && result.added == 0)
        let meeting = try #require(try repo.meetings().first)
        #expect(meeting.kind == .leadersVisit && meeting.place == "深圳市" && meeting.level == nil && meeting.participants == nil)
        #expect(try repo.importCSV(.meetings, from: changed).unchanged == 1)
        // The search index follows the correction.
        #expect(try repo.search("新的成果").map(\.id) == [Self.meeting])
        #expect(try repo.search("签署合作协议").isEmpty)
        // An id twice in one file is refused.
        let twice = try file("id,pairing,title,date\n\(Self.reform.key),harbin-shenzhen,甲,2019-01-01\n\(Self.reform.key),harbin-shenzhen,乙,2019-01-01\n")
        #expect(try repo.importCSV(.reforms, from: twice).problems.map(\.column) == ["id"])
    }

    // MARK: - Export → import

    @Test func exportThenImportIntoAnEmptyDatabaseGivesTheSameRecords() throws {
        try Self.populate(repo)
        let other = try TemporaryDatabase()
        let copy = try other.open()
        for kind in [InterchangeKind.projects, .reforms, .meetings, .funding] {
            let text = try Self.exported(repo, kind)
            let result = try copy.importCSV(kind, from: try file(text, name: "\(kind).csv"))
            #expect(result.problems.isEmpty && result.committed, "\(kind): \(result.problems)")
            #expect(try Self.exported(copy, kind) == text, "\(kind)")
        }
        #expect(try Self.records(copy) == (try Self.records(repo)))
        #expect(try copy.softCooperationActivity() == (try repo.softCooperationActivity()))

        let jsonl = try Self.exported(repo, .funding, format: .jsonl).split(separator: "\n").map { try JSONTree(Data($0.utf8)) }
        #expect(jsonl.map { $0["amount"] } == [.integer(50_000_000), .integer(120_000_000)])
        #expect(jsonl.map { $0["pairing"] } == [.null, .string("harbin-shenzhen")])
        #expect(try Self.exported(repo, .reforms).hasPrefix("id,pairing,title,source,adopted_by,date,task,policies\r\n"))
        #expect(try Self.exported(repo, .meetings).hasPrefix("id,pairing,kind,date,place,level,participants,outcomes\r\n"))
        #expect(try Self.exported(repo, .funding).hasPrefix("id,project,pairing,source,amount,date,note\r\n"))
    }

    // MARK: - Merge

    @Test func mergeAddsTheNewKindsByIdAndSkipsIdenticalOnes() throws {
        let theirs = try TemporaryDatabase()
        try Self.populate(theirs.open())
        let report = try repo.merge(from: theirs.path)
        #expect(report[.reform] == MergeReport.Counts(added: 1))
        #expect(report[.meeting] == MergeReport.Counts(added: 1))
        #expect(report[.funding] == MergeReport.Counts(added: 2))
        #expect(try Self.records(repo) == (try Self.records(theirs.open())))
        #expect(try repo.search("秒批").map(\.id) == [Self.reform])

        let again = try repo.merge(from: theirs.path)
        #expect(again[.reform] == MergeReport.Counts(identical: 1) && again[.funding] == MergeReport.Counts(identical: 2))
        #expect(!again.changesAnything)
        let json = try JSONTree(again.json)
        #expect(json["counts"]?["reforms"]?["identical"] == .integer(1))
        #expect(json["counts"]?["meetings"]?["identical"] == .integer(1))
        #expect(json["counts"]?["funding"]?["identical"] == .integer(2))
        #expect(try JSONDecoder().decode(MergeReport.self, from: JSONEncoder().encode(again)) == again)
    }

    @Test func differingRecordsOfEachKindAreConflictsAndTheirsIsTakenWhenPreferred() throws {
        try Self.populate(repo)
        let theirs = try TemporaryDatabase()
        try Self.populate(theirs.open(), variant: true)
        let before = try Self.records(repo)

        let report = try repo.merge(from: theirs.path)
        #expect(report[.reform] == MergeReport.Counts(conflicts: 1))
        #expect(report[.meeting] == MergeReport.Counts(conflicts: 1))
        #expect(report[.funding] == MergeReport.Counts(identical: 1, conflicts: 1))
        let fields = Dictionary(uniqueKeysWithValues: report.conflicts.map { ($0.kind, $0.differences) })
        #expect(fields[.reform] == [MergeReport.Difference(field: "source", ours: "深圳市前海", theirs: "深圳市南山区")])
        #expect(fields[.meeting] == [MergeReport.Difference(field: "participants", ours: "60", theirs: "80")])
        #expect(fields[.funding] == [MergeReport.Difference(field: "amount_yuan", ours: "50000000", theirs: "60000000")])
        #expect(report.conflicts.allSatisfy { $0.resolution == .keptOurs })
        #expect(try Self.records(repo) == before)
        #expect(report.table(.en).contains("funding 00000000-0000-4000-8000-000000000004 (ours kept)"))
        #expect(report.table().contains("改革举措"))

        let taken = try repo.merge(from: theirs.path, options: MergeOptions(preference: .theirs))
        #expect(taken[.reform].updated == 1 && taken[.meeting].updated == 1 && taken[.funding].updated == 1)
        #expect(try Self.records(repo) == (try Self.records(theirs.open())))
        #expect(try repo.search("南山区").map(\.id) == [Self.reform])
        #expect(try repo.search("前海").isEmpty)
        #expect(try repo.check().isSound)
    }

    @Test func aMergeThatLeavesAReformOutsideItsPairingsRegionIsRefusedWhole() throws {
        // Both have a pairing siping-jinhua; theirs sits (by mistake) in 佳木斯市 and its reform was adopted there.
        try repo.addRegion(Region(code: "220300", nameZH: "四平市", nameEN: "Siping", level: .prefectureCity, side: .northeast))
        try repo.addRegion(Region(code: "330700", nameZH: "金华市", nameEN: "Jinhua", level: .prefectureCity, side: .east))
        try repo.addPairing(NewPairing(id: "siping-jinhua", northeast: "220300", east: "330700", parent: "jilin-zhejiang"))
        let theirs = try TemporaryDatabase()
        let other = try theirs.open()
        try other.addRegion(Region(code: "230800", nameZH: "佳木斯市", nameEN: "Jiamusi", level: .prefectureCity, side: .northeast))
        try other.addRegion(Region(code: "330700", nameZH: "金华市", nameEN: "Jinhua", level: .prefectureCity, side: .east))
        try other.addPairing(NewPairing(id: "siping-jinhua", northeast: "230800", east: "330700"))
        try other.addReform(NewReformMeasure(pairing: "siping-jinhua", title: "复制金华经验", date: Self.day("2020-01-01")))
        let before = try repo.catalogue()

        let error = #expect(throws: DuikouError.self) { try repo.merge(from: theirs.path) }
        #expect(error?.code == .invalidInput)
        #expect(error?.message.contains("230800") == true && error?.message.contains("220300") == true)
        #expect(try repo.catalogue() == before)
        #expect(try repo.reforms().isEmpty)
        #expect(try repo.history().count == 3)
    }

    // MARK: - Search

    @Test func searchFindsTheNewKindsInEveryFieldThroughTheIndexAndTheScan() throws {
        try Self.populate(repo)
        let cases: [(String, RecordKind, SearchHit.Field)] = [
            ("一网通办", .reform, .title), ("秒", .reform, .title), ("前海", .reform, .source), ("深圳市前", .reform, .source),
            ("哈尔滨市", .meeting, .place), ("签署合作协议", .meeting, .outcomes), ("📈", .meeting, .outcomes),
            ("第一批", .funding, .note), ("预算", .funding, .note),
        ]
        for (text, kind, field) in cases {
            let hits = try repo.search(text)
            #expect(hits.count == 1, "\(text): \(hits)")
            #expect(hits.first?.kind == kind && hits.first?.field == field, "\(text): \(hits)")
            #expect(hits.first?.pairing == "harbin-shenzhen")
            #expect(hits.first?.snippet.contains(text) == true)
        }
        let meeting = try #require(try repo.search("签署").first)
        #expect(meeting.title == "2024-05-20 哈尔滨市" && meeting.id == Self.meeting)
        let funding = try #require(try repo.search("中央预算").first)
        #expect(funding.title == "新能源汽车零部件项目" && funding.id == Self.funding)
        // Projects and the new kinds together: ties by kind, projects first.
        #expect(try repo.search("新能源").map(\.kind) == [.project])
        let listing = Listing.searchHits(try repo.search("秒批"))
        #expect(listing.table.contains("改革举措") && listing.table.contains("举措名称"))
        #expect(Listing.searchHits(try repo.search("签署")).table.contains("会议互访"))
        #expect(Listing.searchHits(try repo.search("第一批"), .en).table.contains("funding"))
        for hit in try repo.search("哈尔滨") {
            #expect(try JSONDecoder().decode(SearchHit.self, from: JSONEncoder().encode(hit)) == hit)
        }
        #expect(try repo.check().isSound)
    }

    @Test func deletedAndChangedRecordsOfTheNewKindsLeaveTheIndex() throws {
        try Self.populate(repo)
        try repo.rawWrite { connection, _ in
            try connection.run("DELETE FROM funding")
            try connection.run("UPDATE reform SET source = '浙江省' WHERE id = ?", [.text(Self.reform.key)])
            return ((), nil)
        }
        #expect(try repo.search("第一批").isEmpty)
        #expect(try repo.search("前海").isEmpty)
        #expect(try repo.search("浙江省").map(\.id) == [Self.reform])
        // A new record takes the rowid of the deleted funding with the note: only its own text is found.
        try repo.addFunding(NewFunding(recipient: .pairing("jilin-zhejiang"), source: .other, amount: Money(yuan: 1),
                                       date: Self.day("2024-01-01"), note: "新的备注文字"))
        #expect(try repo.search("新的备注").map(\.pairing) == ["jilin-zhejiang"])
        #expect(try repo.search("第一批").isEmpty)
        #expect(try repo.check().isSound)
    }

    // MARK: - A database of an earlier version

    @Test func aDatabaseOfVersion8IsBroughtUpToDateKeepingItsAuditLogAndSearch() throws {
        let old = try TemporaryDatabase()
        let version8 = Array(DuikouMigrations.all.prefix { $0.version <= 8 })
        #expect(version8.last?.version == 8)
        do {
            let connection = try SQLiteConnection(path: old.path, readOnly: false)
            try connection.execute("PRAGMA foreign_keys = ON")
            try Migrator(migrations: version8).migrate(connection, from: 0, readOnly: false)
        }
        do {
            // Records as version 8 wrote them: a project, two audit entries, the project indexed.
            let connection = try SQLiteConnection(path: old.path, readOnly: false)
            try connection.execute("PRAGMA foreign_keys = ON")
            try connection.transaction(immediate: true) {
                try insertAsVersion1(connection, id: Self.project, pairing: "harbin-shenzhen", task: "2.2", title: "旧版本的项目", date: "2024-01-01")
                try insertAuditEntry(connection, seq: 1)
                try insertAuditEntry(connection, seq: 2)
                try connection.execute("INSERT INTO record_search (rowid, title) SELECT rowid, title FROM project")
            }
        }
        let upgraded = try old.open()
        #expect(try upgraded.rawRead { try $0.queryFirst("PRAGMA user_version") { $0.int(0) } } == DuikouMigrations.all.last?.version)
        #expect(try upgraded.history().map(\.seq) == [1, 2])
        #expect(try upgraded.history().map(\.summary) == ["第1条", "第2条"])
        let reform = try upgraded.addReform(NewReformMeasure(pairing: "harbin-shenzhen", title: "升级后的举措", date: Self.day("2024-02-01")))
        #expect(try upgraded.history().map(\.recordKind) == ["project", "project", "reform"])
        #expect(try upgraded.history().last?.seq == 3)
        #expect(try upgraded.search("旧版本").map(\.id) == [Self.project])
        #expect(try upgraded.search("升级后").map(\.id) == [reform.id])
        // Still append-only.
        #expect(throws: DuikouError.self) { try tamper(old.path, "DELETE FROM audit_event WHERE seq = 1") }
        #expect(try upgraded.check().isSound)
    }

    /// An audit entry as version 8 wrote it.
    private func insertAuditEntry(_ connection: SQLiteConnection, seq: Int) throws {
        try connection.run("""
            INSERT INTO audit_event (seq, at, actor, command, action, record_kind, record_id, summary)
            VALUES (?, '2024-01-01T00:00:00.000Z', '张三', 'project add', 'add', 'project', ?, ?)
            """, [.integer(Int64(seq)), .text(Self.project.key), .text("第\(seq)条")])
    }
}
