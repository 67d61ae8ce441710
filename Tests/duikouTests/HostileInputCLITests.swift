import Foundation
import Testing

/// Hostile input wherever text enters the binary: options and import files. Text is stored as
/// given and read back unchanged; what cannot be (invalid UTF-8, NUL bytes, numbers past the
/// largest integer, impossible dates) is refused with exit 65 and nothing written. Never a crash.
@Suite struct HostileInputCLITests {
    let cli: CLISandbox

    init() throws {
        cli = try CLISandbox()
    }

    static let injection = "'); DROP TABLE project; --"

    /// Texts that must come back byte for byte (each starts and ends with a letter, since leading
    /// and trailing spaces are trimmed by rule).
    static let hostileTexts: [String] = [
        injection,
        "a' OR '1'='1\"; DELETE FROM park; SELECT \"",
        "控制\u{1}字符\u{7}响铃\u{1B}[31m转义\u{7F}删除",
        "tab\there, CR\rthere, LF\nthere end",
        "bidi \u{202E}txet desrever\u{202C} and \u{2066}isolate\u{2069} end",
        "emoji 🇨🇳 👩🏽‍🔬 end",
        "combining e\u{301} a\u{30A}\u{323} end",
        "zero\u{200B}width\u{FEFF}end",
    ]

    static let tenThousand = "长" + String(repeating: "项目名称很长", count: 1_666) + "尾"

    // MARK: - Helpers

    /// Writes `bytes` into the working directory under `name` and returns the name.
    @discardableResult
    private func write(_ bytes: [UInt8], to name: String) throws -> String {
        try Data(bytes).write(to: cli.work.appendingPathComponent(name))
        return name
    }

    @discardableResult
    private func write(_ text: String, to name: String) throws -> String {
        try write(Array(text.utf8), to: name)
    }

    /// Runs `duikou ARGUMENTS <bytes>` through the shell, so that the last argument can hold bytes
    /// that are not UTF-8 (`printf` octal escapes such as `\377`).
    private func duikou(_ arguments: [String], printf bytes: String) -> CLIResult {
        let script = #"exec "$0" "$@" "$(printf "$BYTES")""#
        return cli.run(["-c", script, CLIBinary.url.path] + arguments, environment: ["BYTES": bytes],
                       executable: URL(fileURLWithPath: "/bin/sh"))
    }

    /// The first line of stderr of a refused import starts with `FILE:LINE:`.
    private func expectRefusedImport(_ result: CLIResult, at place: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == 65, "\(result)", sourceLocation: sourceLocation)
        #expect(result.stderrLines.first?.hasPrefix(place + ":") == true, "\(result)", sourceLocation: sourceLocation)
        #expect(result.stderrLines.last?.hasPrefix("error: ") == true, "\(result)", sourceLocation: sourceLocation)
    }

    private func expectNothingWritten(sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try cli.projects().isEmpty, sourceLocation: sourceLocation)
        #expect(try cli.duikou(["park", "list", "--format", "json"]).jsonRows().isEmpty, sourceLocation: sourceLocation)
        #expect(try cli.duikou(["exchange", "list", "--format", "json"]).jsonRows().isEmpty, sourceLocation: sourceLocation)
    }

    // MARK: - Text stored verbatim

    @Test func textThatLooksLikeSQLIsStoredVerbatimEverywhere() throws {
        let text = Self.injection
        let id = cli.addProject(title: text, ["--description", text, "--northeast-party", text, "--east-party", text])
        #expect(cli.duikou(["project", "update", id, "--date", "2099-01-01", "--note", text]).status == 0)
        #expect(cli.duikou(["park", "add", "--pairing", "harbin-shenzhen", "--name", text, "--partner", text]).status == 0)
        #expect(cli.duikou(["exchange", "add", "--pairing", "jilin-zhejiang", "--direction", "to-east", "--kind", "secondment",
                            "--start", "2019-07-01", "--person", text, "--post", text]).status == 0)

        let shown = try cli.show(id)
        for key in ["title", "description", "northeast_party", "east_party"] { #expect(shown[key] as? String == text, "\(key)") }
        #expect((shown["history"] as? [[String: Any]])?.last?["note"] as? String == text)
        let parks = try cli.duikou(["park", "list", "--format", "json"]).jsonRows()
        #expect(parks.map { $0["name"] as? String } == [text])
        let exchanges = try cli.duikou(["exchange", "list", "--format", "json"]).jsonRows()
        #expect(exchanges.map { $0["person"] as? String } == [text])

        let hits = try cli.duikou(["search", text, "--format", "json"]).jsonRows()
        #expect(Set(hits.compactMap { $0["kind"] as? String }) == ["project", "park"])
        #expect(try cli.duikou(["pairings", "--format", "json"]).jsonRows().count == 8)
        #expect(cli.duikou(["check"]).status == 0)
    }

    @Test(arguments: hostileTexts)
    func hostileTextComesBackUnchanged(_ text: String) throws {
        let id = cli.addProject(title: text, ["--description", text])
        let shown = try cli.show(id)
        #expect((shown["title"] as? String).map { Array($0.utf8) } == Array(text.utf8))
        #expect((shown["description"] as? String).map { Array($0.utf8) } == Array(text.utf8))
        #expect(cli.duikou(["park", "add", "--pairing", "harbin-shenzhen", "--name", text]).status == 0)
        #expect(try cli.duikou(["park", "list", "--format", "json"]).jsonRows().first?["name"] as? String == text)
        #expect(cli.duikou(["exchange", "add", "--pairing", "jilin-zhejiang", "--direction", "to-east", "--kind", "secondment",
                            "--start", "2019-07-01", "--person", text]).status == 0)
        #expect(try cli.duikou(["exchange", "list", "--format", "json"]).jsonRows().first?["person"] as? String == text)
        #expect(try cli.duikou(["search", text, "--format", "json"]).jsonRows().count == 2)

        // Every rendering copes with it; tables show control characters as symbols, never raw.
        for format in ["table", "csv"] {
            #expect(cli.duikou(["project", "list", "--format", format]).status == 0, "\(format)")
            #expect(cli.duikou(["search", text, "--format", format]).status == 0, "\(format)")
        }
        for table in [cli.duikou(["project", "list"]), cli.duikou(["project", "show", id]), cli.duikou(["park", "list"])] {
            #expect(table.status == 0, "\(table)")
            #expect(!table.stdout.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F }, "\(table)")
        }
        #expect(cli.duikou(["check"]).status == 0)
    }

    @Test func tenThousandCharacterFieldsAreKeptWholeAndSurviveExportAndImport() throws {
        let long = Self.tenThousand
        #expect(long.count == 9_998)
        let id = cli.addProject(title: long, ["--description", long + long, "--east-party", long])
        #expect(cli.duikou(["park", "add", "--pairing", "harbin-shenzhen", "--name", long]).status == 0)
        #expect(cli.duikou(["exchange", "add", "--pairing", "jilin-zhejiang", "--direction", "to-east", "--kind", "secondment",
                            "--start", "2019-07-01", "--person", long]).status == 0)

        let shown = try cli.show(id)
        #expect(shown["title"] as? String == long)
        #expect(shown["description"] as? String == long + long)
        #expect(try cli.duikou(["park", "list", "--format", "json"]).jsonRows().first?["name"] as? String == long)
        #expect(try cli.duikou(["exchange", "list", "--format", "json"]).jsonRows().first?["person"] as? String == long)
        #expect(try cli.duikou(["search", long, "--format", "json"]).jsonRows().count == 2)

        #expect(cli.duikou(["export", "projects", "--out", "projects.csv"]).status == 0)
        let copy = cli.path("copy.sqlite")
        #expect(cli.run(["import", "projects", "projects.csv", "--db", copy]).status == 0)
        let copied = try cli.run(["project", "list", "--format", "json", "--db", copy]).jsonRows()
        #expect(copied.map { $0["title"] as? String } == [long])
        #expect(cli.duikou(["check"]).status == 0)
    }

    // MARK: - Invalid UTF-8 and NUL bytes

    @Test func anArgumentThatIsNotUTF8IsRefused() throws {
        let add = duikou(["project", "add", "--db", cli.db, "--pairing", "harbin-shenzhen", "--task", "2.1", "--title"], printf: #"bad\377\376title"#)
        expectRefusal(add, 65, mentions: ["UTF-8"])
        let truncated = duikou(["park", "add", "--db", cli.db, "--pairing", "harbin-shenzhen", "--name"], printf: #"园\344\270"#)
        expectRefusal(truncated, 65, mentions: ["UTF-8"])
        expectRefusal(duikou(["search", "--db", cli.db], printf: #"\377"#), 65, mentions: ["UTF-8"])
        try expectNothingWritten()
        // The same text in valid UTF-8 goes through the shell unchanged.
        let valid = duikou(["project", "add", "--db", cli.db, "--pairing", "harbin-shenzhen", "--task", "2.1", "--title"], printf: #"\345\245\275"#)
        #expect(valid.status == 0, "\(valid)")
        #expect(try cli.projects().map { $0["title"] as? String } == ["好"])
    }

    @Test func invalidUTF8InAnImportFileIsRefusedAtItsLine() throws {
        let header = Array("pairing,task,title\n".utf8)
        let good = Array("harbin-shenzhen,2.1,好项目\n".utf8)
        try write(header + good + Array("harbin-shenzhen,2.1,坏".utf8) + [0xFF, 0xFE] + Array("项目\n".utf8), to: "bad.csv")
        expectRefusedImport(cli.duikou(["import", "projects", "bad.csv"]), at: "bad.csv:3")
        // A character cut short at the end of the file.
        try write(header + good + Array("harbin-shenzhen,2.1,".utf8) + [0xE4, 0xB8], to: "cut.csv")
        expectRefusedImport(cli.duikou(["import", "projects", "cut.csv"]), at: "cut.csv:3")
        // In the header.
        try write(Array("pair".utf8) + [0xC0, 0xAF] + Array("ing,task,title\n".utf8) + good, to: "header.csv")
        expectRefusedImport(cli.duikou(["import", "projects", "header.csv"]), at: "header.csv:1")
        // Latin-1 bytes in a park file, as a spreadsheet saved in the wrong encoding writes them.
        try write(Array("pairing,name,partner\nharbin-shenzhen,Caf".utf8) + [0xE9] + Array(",x\n".utf8), to: "latin1.csv")
        expectRefusedImport(cli.duikou(["import", "parks", "latin1.csv"]), at: "latin1.csv:2")
        // The dry run finds the same.
        expectRefusedImport(cli.duikou(["import", "projects", "bad.csv", "--dry-run"]), at: "bad.csv:3")
        try expectNothingWritten()
    }

    @Test func aNulByteInAnImportFileIsRefusedAtItsLine() throws {
        try write(Array("pairing,task,title\nharbin-shenzhen,2.1,好\nharbin-shenzhen,2.1,空".utf8) + [0] + Array("字节\n".utf8), to: "nul.csv")
        expectRefusedImport(cli.duikou(["import", "projects", "nul.csv"]), at: "nul.csv:3")
        try write(Array("pairing,direction,kind,start,person\njilin-zhejiang,to-east,secondment,2019-07-01,\"张".utf8) + [0] + Array("三\"\n".utf8),
                  to: "quoted.csv")
        expectRefusedImport(cli.duikou(["import", "exchanges", "quoted.csv"]), at: "quoted.csv:2")
        try write(Array("pairing,task,title\n".utf8) + [0, 0, 0] + Array("\n".utf8), to: "only-nul.csv")
        expectRefusedImport(cli.duikou(["import", "projects", "only-nul.csv"]), at: "only-nul.csv:2")
        try expectNothingWritten()
    }

    // MARK: - Gigantic numbers

    @Test func amountsPastTheLargestIntegerAreRefused() throws {
        let add = ["project", "add", "--pairing", "harbin-shenzhen", "--task", "2.1", "--title", "巨额"]
        for amount in ["99999999999999999999亿", "9223372036854775808元", "92233720368547758.08万", "1e30"] {
            expectRefusal(cli.duikou(add + ["--planned", amount]), 65, mentions: ["--planned"])
            expectRefusal(cli.duikou(add + ["--completed", amount]), 65, mentions: ["--completed"])
        }
        try write("pairing,task,title,planned\nharbin-shenzhen,2.1,巨额,99999999999999999999亿\n", to: "big.csv")
        expectRefusedImport(cli.duikou(["import", "projects", "big.csv"]), at: "big.csv:2")
        try expectNothingWritten()

        let id = cli.addProject(title: "最大", ["--planned", "9223372036854775807元"])
        expectRefusal(cli.duikou(["project", "update", id, "--date", "2099-01-01", "--completed", "99999999999999999999亿"]), 65,
                      mentions: ["--completed"])
        // A second amount that would push a total past the largest integer: refused, nothing written.
        #expect(cli.duikou(add + ["--planned", "1元"]).status == 65)
        #expect(cli.duikou(["project", "add", "--pairing", "jilin-zhejiang", "--task", "3.1", "--title", "别组", "--planned", "1元"]).status == 65)
        try write("pairing,task,title,planned\njilin-zhejiang,2.2,甲,1元\n", to: "more.csv")
        #expect(cli.duikou(["import", "projects", "more.csv"]).status == 65)
        #expect(try cli.projects().map { $0["id"] as? String } == [id])

        let progress = cli.duikou(["progress", "--format", "json"])
        #expect(progress.status == 0, "\(progress)")
        #expect(progress.stdout.contains("\"planned_investment_yuan\": 9223372036854775807"), "\(progress)")
        #expect(cli.duikou(["progress", "--by", "pairing", "--as-of", "2099-12-31", "--format", "csv"]).status == 0)
        #expect(cli.duikou(["park", "list"]).status == 0)
        #expect(cli.duikou(["check"]).status == 0)
    }

    @Test func participantsAreaAndTimeoutPastAnyLimitAreRefused() throws {
        let training = ["exchange", "add", "--pairing", "jilin-zhejiang", "--direction", "to-east", "--kind", "training", "--start", "2019-01-01"]
        for count in ["99999999999999999999", "9223372036854775807", "1000001", "0", "1e3", "abc"] {
            expectRefusal(cli.duikou(training + ["--participants", count]), 65, mentions: ["--participants"])
        }
        try write("pairing,direction,kind,start,participants\njilin-zhejiang,to-east,training,2019-01-01,99999999999999999999\n", to: "ex.csv")
        expectRefusedImport(cli.duikou(["import", "exchanges", "ex.csv"]), at: "ex.csv:2")

        let park = ["park", "add", "--pairing", "harbin-shenzhen", "--name", "巨大园区"]
        for area in ["99999999999999999999", "9223372036854.775808", "1e30", "-1"] {
            #expect(cli.duikou(park + ["--planned-area-km2=\(area)"]).status == 65, "\(area)")
        }
        try expectNothingWritten()

        // The most one record may count, and the largest area, are kept and add up.
        #expect(cli.duikou(training + ["--participants", "1000000"]).status == 0)
        #expect(cli.duikou(training + ["--participants", "1000000"]).status == 0)
        #expect(cli.duikou(park + ["--planned-area-km2", "9223372036854.775807"]).status == 0)
        let progress = try cli.duikou(["progress", "--by", "pairing", "--format", "json"]).jsonObject()
        #expect(int((progress["total"] as? [String: Any])?["trainees"]) == 2_000_000)

        // --busy-timeout is an option of the tool, not data: a value that is not a number of
        // milliseconds is bad usage, as a negative one is; a huge one waits as long as SQLite can.
        #expect(cli.duikou(["tasks", "--busy-timeout", "99999999999999999999"]).status == 64)
        #expect(cli.duikou(["tasks", "--busy-timeout", "9223372036854775807"]).status == 0)
    }

    // MARK: - Impossible dates

    @Test func impossibleDatesAreRefusedWherePeopleTypeThem() throws {
        let id = cli.addProject(title: "日期", ["--date", "2019-01-01"])
        for date in ["2019-02-30", "0000-01-01", "2019-1-1", "2019-02-29", "20190101", "2019/01/01", "2019年2月29日", "2019.13.1"] {
            expectRefusal(cli.duikou(["project", "add", "--pairing", "harbin-shenzhen", "--task", "2.1", "--title", "x", "--date", date]), 65,
                          mentions: ["--date"])
            expectRefusal(cli.duikou(["project", "update", id, "--date", date, "--status", "started"]), 65, mentions: ["--date"])
            expectRefusal(cli.duikou(["park", "add", "--pairing", "harbin-shenzhen", "--name", "园", "--established", date]), 65,
                          mentions: ["--established"])
            expectRefusal(cli.duikou(["exchange", "add", "--pairing", "jilin-zhejiang", "--direction", "to-east", "--kind", "secondment",
                                      "--start", date]), 65, mentions: ["--start"])
            try write("pairing,task,title,date\nharbin-shenzhen,2.1,x,\(date)\n", to: "dates.csv")
            if ["2019-1-1", "2019/01/01"].contains(date) {
                // Options take YYYY-MM-DD only; a file takes the forms people type in spreadsheets.
                #expect(cli.duikou(["import", "projects", "dates.csv", "--dry-run"]).status == 0)
            } else {
                expectRefusedImport(cli.duikou(["import", "projects", "dates.csv"]), at: "dates.csv:2")
            }
        }
        #expect(try cli.projects().map { $0["id"] as? String } == [id])
        #expect(try cli.show(id)["status"] as? String == "signed")
        #expect(try cli.duikou(["park", "list", "--format", "json"]).jsonRows().isEmpty)
        #expect(try cli.duikou(["exchange", "list", "--format", "json"]).jsonRows().isEmpty)
    }
}
