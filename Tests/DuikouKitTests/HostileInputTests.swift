import Foundation
import Testing
@testable import DuikouKit

/// Hostile input through the library: text that looks like SQL, control and invisible characters,
/// very long fields, NUL bytes and numbers at and past the largest integer. Text is stored as given
/// and read back unchanged, or refused with `invalidInput` and nothing written; never a trap.
@Suite struct HostileInputTests {
    private let db: TemporaryDatabase
    private let repo: Repository

    init() throws {
        db = try TemporaryDatabase()
        repo = try db.open()
    }

    /// Texts that must come back byte for byte. Each starts and ends with a letter, since leading
    /// and trailing spaces and line breaks are trimmed by rule.
    static let hostileTexts: [String] = [
        "'); DROP TABLE project; --",
        "x\"; DELETE FROM progress_update WHERE 1=1; SELECT \"",
        "a' OR '1'='1",
        "100% _done_ \\ backslash \\' quote",
        "控制\u{1}字符\u{7}响铃\u{1B}[31m转义\u{7F}删除",
        "tab\there, CR\rthere, LF\nthere, CRLF\r\nend",
        "bidi \u{202E}txet desrever\u{202C} and \u{2066}isolate\u{2069} end",
        "emoji 🇨🇳 👩🏽‍🔬 ❤️ end",
        "combining e\u{301} a\u{30A}\u{323} 한\u{11A8} end",
        "zero\u{200B}width\u{FEFF}joiner\u{200D}end",
        "surrogate-free max \u{10FFFF} end",
        "NEAR(\"哈尔滨\" 深圳) OR * AND NOT x",
        String(repeating: "长", count: 10_000),
        "L" + String(repeating: "0123456789", count: 1_000) + "R",
    ]

    @Test(arguments: hostileTexts)
    func projectTextIsStoredVerbatim(_ text: String) throws {
        let added = try repo.addProject(NewProject(
            pairing: "harbin-shenzhen", task: "2.1", title: text, description: text, northeastParty: text, eastParty: text,
            date: LocalDate(parsing: "2021-03-01"), note: text))
        try repo.recordUpdate(NewProgressUpdate(date: LocalDate(parsing: "2021-04-01"), note: text), toProject: added.id)

        let history = try repo.projectHistory(added.id)
        #expect(history.project.title.utf8.elementsEqual(text.utf8))
        #expect(history.project.description.map { Array($0.utf8) } == Array(text.utf8))
        #expect(history.project.northeastParty.map { Array($0.utf8) } == Array(text.utf8))
        #expect(history.project.eastParty.map { Array($0.utf8) } == Array(text.utf8))
        #expect(history.updates.map { $0.note.map { Array($0.utf8) } } == [Array(text.utf8), Array(text.utf8)])
        #expect(try repo.projects().map(\.id) == [added.id])
        #expect(try repo.catalogue().pairings.count == CatalogueSeed.pairings)
        #expect(try repo.check().isSound)
    }

    @Test(arguments: hostileTexts)
    func parkAndExchangeTextIsStoredVerbatim(_ text: String) throws {
        let park = try repo.addPark(NewPark(pairing: "harbin-shenzhen", name: text, partner: text, benefitSharing: text))
        let exchange = try repo.addExchange(NewExchange(
            pairing: "jilin-zhejiang", direction: .toEast, kind: .secondment, start: LocalDate(parsing: "2019-07-01"),
            person: text, fromOrg: text, toOrg: text, post: text))

        let parks = try repo.parks()
        #expect(parks.map(\.id) == [park.id])
        #expect(parks.first.map { Array($0.name.utf8) } == Array(text.utf8))
        #expect(parks.first?.partner == text && parks.first?.benefitSharing == text)
        let exchanges = try repo.exchanges()
        #expect(exchanges.map(\.id) == [exchange.id])
        #expect(exchanges.first.map { [$0.person, $0.fromOrg, $0.toOrg, $0.post] } == [text, text, text, text])
        #expect(try repo.check().isSound)
    }

    @Test func searchTreatsHostileTextAsText() throws {
        for text in Self.hostileTexts {
            _ = try repo.addProject(NewProject(pairing: "harbin-shenzhen", task: "2.1", title: text, date: LocalDate(parsing: "2021-03-01")))
        }
        for text in Self.hostileTexts {
            let hits = try repo.search(text)
            #expect(hits.contains { $0.title == text }, "\(text.prefix(40))")
        }
        // SQL wildcards and FTS5 operators match only themselves.
        #expect(try repo.search("%").map(\.title) == ["100% _done_ \\ backslash \\' quote"])
        #expect(Set(try repo.search("_").map(\.title)) == ["100% _done_ \\ backslash \\' quote", Self.hostileTexts[1]])
        #expect(try repo.search("OR *").map(\.title) == ["NEAR(\"哈尔滨\" 深圳) OR * AND NOT x"])
        #expect(try repo.search("'); DROP").count == 1)
        #expect(try repo.projects().count == Self.hostileTexts.count)
    }

    @Test func tablesShowControlCharactersAsSymbolsNotAsCommandsToTheTerminal() {
        let table = TextTable(columns: [.init("标题"), .init("n", .right)],
                              rows: [["红\u{1B}[31m字\u{7}\u{7F}\u{9B}2J尾", "1"], ["a\r\nb\tc", "2"]])
        let text = table.rendered()
        #expect(!text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F..<0xA0).contains($0.value) })
        #expect(text.contains("红␛[31m字␇␡\u{FFFD}2J尾"))
        #expect(text.contains("a⏎b c"))
        // The symbols take one column each, so the table stays aligned.
        let lines = text.split(separator: "\n").map(String.init)
        #expect(Set([lines[0], lines[2], lines[3]].map(\.displayWidth)).count == 1, "\(text)")
    }

    @Test func tablesNameBidirectionalFormattingCharactersRatherThanObeyThem() {
        let spoof = "合同\u{202E}txt.exe\u{202C}"
        let table = TextTable(columns: [.init("标题"), .init("n", .right)],
                              rows: [[spoof, "1"], ["\u{2067}עברית\u{2069} \u{200F}x\u{061C}", "2"], ["plain", "3"]])
        let text = table.rendered()
        #expect(!text.unicodeScalars.contains { [0x061C, 0x200E, 0x200F].contains($0.value) || (0x202A...0x202E).contains($0.value)
                                                 || (0x2066...0x2069).contains($0.value) })
        #expect(text.contains("合同⟨U+202E⟩txt.exe⟨U+202C⟩"))
        #expect(text.contains("⟨U+2067⟩עברית⟨U+2069⟩ ⟨U+200F⟩x⟨U+61C⟩"))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(Set([lines[0], lines[2], lines[3], lines[4]].map(\.displayWidth)).count == 1, "\(text)")
        // Stored, JSON and CSV text keep the characters.
        #expect(JSONValue.string(spoof).text().contains("\u{202E}"))
    }

    // MARK: - Refused text

    @Test func aNulByteIsRefusedInEveryTextField() throws {
        let nul = "before\u{0}after"
        let date = try LocalDate(parsing: "2021-03-01")
        let attempts: [(field: String, make: () throws -> Void)] = [
            ("title", { _ = try NewProject(pairing: "harbin-shenzhen", task: "2.1", title: nul, date: date) }),
            ("description", { _ = try NewProject(pairing: "harbin-shenzhen", task: "2.1", title: "t", description: nul, date: date) }),
            ("northeast_party", { _ = try NewProject(pairing: "harbin-shenzhen", task: "2.1", title: "t", northeastParty: nul, date: date) }),
            ("east_party", { _ = try NewProject(pairing: "harbin-shenzhen", task: "2.1", title: "t", eastParty: nul, date: date) }),
            ("note", { _ = try NewProgressUpdate(date: date, note: nul) }),
            ("name", { _ = try NewPark(pairing: "harbin-shenzhen", name: nul) }),
            ("partner", { _ = try NewPark(pairing: "harbin-shenzhen", name: "p", partner: nul) }),
            ("person", { _ = try NewExchange(pairing: "jilin-zhejiang", direction: .toEast, kind: .secondment, start: date, person: nul) }),
            ("post", { _ = try NewExchange(pairing: "jilin-zhejiang", direction: .toEast, kind: .secondment, start: date, post: nul) }),
            ("name-zh", { _ = try Region(code: "440600", nameZH: nul, nameEN: "Foshan", level: .prefectureCity, side: .east) }),
        ]
        for attempt in attempts {
            let error = #expect(throws: DuikouError.self, "\(attempt.field)") { try attempt.make() }
            #expect(error?.code == .invalidInput && error?.field == attempt.field, "\(String(describing: error))")
        }
    }

    @Test func textUpToOneMebibyteIsKeptAndLongerIsRefused() throws {
        let limit = String(repeating: "a", count: maximumTextBytes)
        let added = try repo.addProject(NewProject(pairing: "harbin-shenzhen", task: "2.1", title: "长备注",
                                                   date: LocalDate(parsing: "2021-03-01"), note: limit))
        #expect(try repo.projectHistory(added.id).updates.first?.note?.utf8.count == maximumTextBytes)

        let error = #expect(throws: DuikouError.self) {
            try NewProject(pairing: "harbin-shenzhen", task: "2.1", title: limit + "b", date: LocalDate(parsing: "2021-03-01"))
        }
        #expect(error?.code == .invalidInput && error?.field == "title")
        #expect((error?.message.utf8.count ?? .max) < 1_000, "the message quotes the start of the value only")
    }

    // MARK: - Numbers

    @Test func amountsPastTheLargestIntegerAreRefused() throws {
        for text in ["99999999999999999999亿", "9223372036854775808元", "922337203685.47758亿", "92233720368547758.08万"] {
            let error = #expect(throws: DuikouError.self, "\(text)") { try Money(parsing: text) }
            #expect(error?.code == .invalidInput)
        }
        #expect(try Money(parsing: "9223372036854775807元").yuan == Int64.max)
        #expect(try Money(parsing: "92233720368.54775807亿").yuan == Int64.max)
    }

    @Test func aWriteThatWouldOverflowATotalIsRefusedWhole() throws {
        let date = try LocalDate(parsing: "2021-03-01")
        let largest = try Money(yuan: .max)
        let big = try repo.addProject(NewProject(pairing: "harbin-shenzhen", task: "2.1", title: "最大", planned: largest, date: date))

        // In the same group of the progress summary, and in another one.
        for (task, title) in [("2.1", "同组"), ("3.1", "别组")] {
            let error = #expect(throws: DuikouError.self, "\(title)") {
                try repo.addProject(NewProject(pairing: "harbin-shenzhen", task: task, title: title, planned: Money(yuan: 1), date: date))
            }
            #expect(error?.code == .invalidInput, "\(String(describing: error))")
        }
        // In a bulk insert: nothing of it is written.
        let bulk = try (0..<3).map { try NewProject(pairing: "jilin-zhejiang", task: "2.2", title: "批量\($0)", planned: Money(yuan: 1), date: date) }
        #expect(throws: DuikouError.self) { try repo.addProjects(bulk) }
        // Completed investment, through a progress update.
        let other = try repo.addProject(NewProject(pairing: "jilin-zhejiang", task: "2.2", title: "完成", date: date))
        try repo.recordUpdate(NewProgressUpdate(date: date, completed: Money(yuan: .max)), toProject: other.id)
        let error = #expect(throws: DuikouError.self) {
            try repo.recordUpdate(NewProgressUpdate(date: date, completed: Money(yuan: 1)), toProject: big.id)
        }
        #expect(error?.code == .invalidInput)

        #expect(try repo.projects().map(\.title).sorted() == ["完成", "最大"])
        let report = try repo.progress()
        #expect(report.total.plannedInvestment == largest && report.total.completedInvestment == largest)
        #expect(try repo.check().isSound)
    }

    @Test func anImportThatWouldOverflowATotalWritesNothing() throws {
        let path = db.folder.appendingPathComponent("big.csv").path
        try Data("pairing,task,title,planned\nharbin-shenzhen,2.1,甲,9223372036854775807元\nharbin-shenzhen,3.1,乙,1元\n".utf8)
            .write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: DuikouError.self) { try repo.importCSV(.projects, from: path) }
        #expect(error?.code == .invalidInput)
        // The same group: refused on its row.
        try Data("pairing,task,title,planned\nharbin-shenzhen,2.1,甲,9223372036854775807元\nharbin-shenzhen,2.1,乙,1元\n".utf8)
            .write(to: URL(fileURLWithPath: path))
        let result = try repo.importCSV(.projects, from: path)
        #expect(result.problems.map(\.line) == [3])
        #expect(try repo.projects().isEmpty)
    }

    @Test func aDryRunFindsATotalThatWouldOverflow() throws {
        _ = try repo.addProject(NewProject(pairing: "harbin-shenzhen", task: "2.1", title: "最大", planned: Money(yuan: .max),
                                           date: LocalDate(parsing: "2021-03-01")))
        let path = db.folder.appendingPathComponent("more.csv").path
        try Data("pairing,task,title,planned\njilin-zhejiang,3.1,乙,1元\n".utf8).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: DuikouError.self) { try repo.importCSV(.projects, from: path, dryRun: true) }
        #expect(error?.code == .invalidInput)
    }

    /// A merge copies the other database's records as they are, so a database doctored to hold
    /// numbers no Duikou command accepts must not make totals overflow here.
    @Test func aMergeThatWouldOverflowATotalIsRefusedWhole() throws {
        let other = try TemporaryDatabase()
        let theirs = try other.open()
        let start = try LocalDate(parsing: "2019-01-01")
        _ = try theirs.addExchange(NewExchange(pairing: "jilin-zhejiang", direction: .toEast, kind: .training, start: start, participants: 5))
        _ = try theirs.addProject(NewProject(pairing: "harbin-shenzhen", task: "2.1", title: "他们的", date: start))
        try tamper(other.path, "UPDATE exchange SET participants = 9223372036854775807")
        _ = try repo.addExchange(NewExchange(pairing: "jilin-zhejiang", direction: .toEast, kind: .training, start: start, participants: 1))

        for dryRun in [true, false] {
            let error = #expect(throws: DuikouError.self) { try repo.merge(from: other.path, options: MergeOptions(dryRun: dryRun)) }
            #expect(error?.code == .invalidInput, "\(String(describing: error))")
        }
        #expect(try repo.exchanges().map(\.participants) == [1])
        #expect(try repo.projects().isEmpty)

        try tamper(other.path, "UPDATE exchange SET participants = 5; UPDATE project SET planned_yuan = 9223372036854775807")
        _ = try repo.addProject(NewProject(pairing: "jilin-zhejiang", task: "3.1", title: "我们的", planned: Money(yuan: 1), date: start))
        for dryRun in [true, false] {
            let error = #expect(throws: DuikouError.self) { try repo.merge(from: other.path, options: MergeOptions(dryRun: dryRun)) }
            #expect(error?.code == .invalidInput, "\(String(describing: error))")
        }
        #expect(try repo.projects().map(\.title) == ["我们的"])
        #expect(try repo.check().isSound)
    }

    @Test func participantsAreAWholeNumberUpToAMillion() throws {
        #expect(try NewExchange.participants(parsing: " 52 ") == 52)
        #expect(try NewExchange.participants(parsing: "1000000") == NewExchange.maximumParticipants)
        for text in ["0", "1000001", "99999999999999999999", "9223372036854775808", "-1", "+5", "5.0", "1e3", "５", ""] {
            let error = #expect(throws: DuikouError.self, "\(text)") { try NewExchange.participants(parsing: text) }
            #expect(error?.code == .invalidInput && error?.field == "participants")
        }
        let error = #expect(throws: DuikouError.self) {
            try NewExchange(pairing: "jilin-zhejiang", direction: .toEast, kind: .training, start: LocalDate(parsing: "2019-01-01"),
                            participants: .max)
        }
        #expect(error?.code == .invalidInput)
    }

    @Test func impossibleDatesAreRefused() throws {
        for text in ["2019-02-30", "0000-01-01", "2019-1-1", "2019-13-01", "2019-00-10", "9999-12-31", "2019-02-29", "２０１９-01-01", "2019-01-01T00:00"] {
            let error = #expect(throws: DuikouError.self, "\(text)") { try LocalDate(parsing: text) }
            #expect(error?.code == .invalidInput)
        }
    }
}
