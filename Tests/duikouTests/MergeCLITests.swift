import CSQLite
import Foundation
import Testing

/// `duikou merge OTHER.sqlite` through the binary: summaries, JSON, exit codes and refused sources.
@Suite struct MergeCLITests {
    let cli: CLISandbox
    /// The other reporter's database.
    let other: String

    init() throws {
        cli = try CLISandbox()
        other = cli.path("reporter.sqlite")
    }

    /// Runs `duikou` on the other reporter's database.
    @discardableResult
    private func onOther(_ arguments: [String]) -> CLIResult {
        let result = cli.run(arguments + ["--db", other])
        #expect(result.status == 0, "\(result)")
        return result
    }

    private static let shared = "5d0c8a57-3a8b-4c1e-9a4f-0b8f2e6d7c11"

    /// The same project in both databases; ours and theirs then record different later progress,
    /// and they have a park, a project in it and an exchange of their own.
    private func twoReporters() {
        let first = ["project", "add", "--id", Self.shared, "--pairing", "harbin-shenzhen", "--task", "2.2",
                     "--title", "新能源汽车零部件项目", "--planned", "12.5亿", "--date", "2024-03-01"]
        #expect(cli.duikou(first).status == 0)
        onOther(first)
        #expect(cli.duikou(["project", "update", Self.shared, "--date", "2024-05-01", "--status", "落地"]).status == 0)
        onOther(["project", "update", Self.shared, "--date", "2024-06-01", "--status", "开工", "--completed", "2.1亿"])
        let park = onOther(["park", "add", "--pairing", "harbin-shenzhen", "--name", "深圳（哈尔滨）产业园区", "--planned-area-km2", "26"])
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        onOther(["project", "add", "--pairing", "harbin-shenzhen", "--task", "2.1", "--title", "园区项目", "--park", park, "--date", "2024-02-01"])
        onOther(["exchange", "add", "--pairing", "jilin-zhejiang", "--direction", "to-east", "--kind", "training",
                 "--start", "2018-04-10", "--participants", "52"])
    }

    private func counts(_ result: CLIResult, _ kind: String) throws -> [String: Int] {
        let object = try result.jsonObject()
        let counts = try #require((object["counts"] as? [String: Any])?[kind] as? [String: Any], "\(result)")
        return counts.compactMapValues { int($0) }
    }

    @Test func mergeAddsTheirRecordsUnitesHistoriesAndPrintsASummary() throws {
        twoReporters()

        let merged = cli.duikou(["merge", other, "--lang", "en"])

        #expect(merged.status == 0, "\(merged)")
        #expect(merged.stderr.isEmpty, "\(merged)")
        #expect(merged.stdout.hasPrefix("Merged \(other):"), "\(merged)")
        let rows = Dictionary(uniqueKeysWithValues: merged.stdoutLines.compactMap { line -> (String, [String])? in
            let cells = line.split(separator: " ").map(String.init)
            guard cells.count >= 5 else { return nil }
            return (cells.dropLast(4).joined(separator: " "), Array(cells.suffix(4)))
        })
        #expect(rows["park"] == ["1", "0", "0", "0"], "\(merged)")
        #expect(rows["project"] == ["1", "1", "0", "0"], "\(merged)")
        #expect(rows["exchange"] == ["1", "0", "0", "0"], "\(merged)")
        #expect(rows["progress update"] == ["2", "1", "-", "0"], "\(merged)")
        #expect(merged.stdout.contains("No conflicts."), "\(merged)")

        let history = try cli.show(Self.shared)["history"] as? [[String: Any]]
        #expect(history?.compactMap { $0["date"] as? String } == ["2024-03-01", "2024-05-01", "2024-06-01"])
        #expect(try cli.show(Self.shared)["status"] as? String == "started")
        #expect(try cli.projects().count == 2)
        let parks = try cli.duikou(["park", "list", "--format", "json"]).jsonRows()
        #expect(parks.first?["projects"].flatMap(int) == 1)

        // The second time, nothing changes.
        let again = cli.duikou(["merge", other, "--format", "json"])
        #expect(again.status == 0, "\(again)")
        let object = try again.jsonObject()
        #expect(object["changed"] as? Bool == false)
        #expect(object["dry_run"] as? Bool == false)
        #expect(object["prefer"] as? String == "ours")
        #expect((object["conflicts"] as? [Any])?.isEmpty == true)
        for kind in ["regions", "pairings", "parks", "projects", "exchanges", "progress_updates"] {
            let tally = try counts(again, kind)
            #expect(tally["added"] == 0 && tally["updated"] == 0 && tally["conflicts"] == 0, "\(kind): \(again)")
        }
        #expect(try counts(again, "progress_updates")["identical"] == 3)
        let text = cli.duikou(["merge", other, "--lang", "en"])
        #expect(text.stdout.contains("Nothing to merge"), "\(text)")
    }

    @Test func conflictsArePrintedOursKeptAndTheExitCodeIsZero() throws {
        twoReporters()
        // Their later update of the shared project is dated before ours; and they renamed it.
        #expect(cli.duikou(["project", "update", Self.shared, "--date", "2024-08-01", "--note", "设备进场"]).status == 0)
        let renamed = cli.path("renamed.sqlite")
        let first = ["project", "add", "--id", Self.shared, "--pairing", "harbin-shenzhen", "--task", "2.2",
                     "--title", "新能源汽车零部件项目（一期）", "--planned", "13亿", "--date", "2024-03-01"]
        #expect(cli.run(first + ["--db", renamed]).status == 0)
        #expect(cli.run(["project", "update", Self.shared, "--date", "2024-07-01", "--status", "started", "--db", renamed]).status == 0)

        let merged = cli.duikou(["merge", renamed])

        #expect(merged.status == 0, "\(merged)")
        #expect(merged.stdout.contains("冲突 2 项"), "\(merged)")
        #expect(merged.stdout.contains("项目 \(Self.shared)（保留本库）"), "\(merged)")
        #expect(merged.stdout.contains("新能源汽车零部件项目（一期）"), "\(merged)")
        #expect(merged.stdout.contains("planned_investment_yuan"), "\(merged)")
        #expect(merged.stdout.contains("before our latest update (2024-08-01)"), "\(merged)")
        #expect(try cli.show(Self.shared)["title"] as? String == "新能源汽车零部件项目")

        let json = cli.duikou(["merge", renamed, "--format", "json"])
        let conflicts = try #require(try json.jsonObject()["conflicts"] as? [[String: Any]])
        #expect(conflicts.compactMap { $0["kind"] as? String } == ["project", "progress_update"])
        let fields = (conflicts.first?["fields"] as? [[String: Any]])?.compactMap { $0["field"] as? String }
        #expect(fields == ["title", "planned_investment_yuan"])
        #expect(conflicts.first?["resolution"] as? String == "kept_ours")

        // --prefer theirs takes their fields; the earlier update still stays out.
        let preferred = cli.duikou(["merge", renamed, "--prefer", "theirs", "--lang", "en"])
        #expect(preferred.status == 0, "\(preferred)")
        #expect(preferred.stdout.contains("theirs taken"), "\(preferred)")
        let shown = try cli.show(Self.shared)
        #expect(shown["title"] as? String == "新能源汽车零部件项目（一期）")
        #expect(int(shown["planned_investment_yuan"]) == 1_300_000_000)
        #expect((shown["history"] as? [Any])?.count == 3)
    }

    @Test func dryRunPrintsWhatWouldHappenAndWritesNothing() throws {
        twoReporters()
        let before = try #require(cli.bytes(cli.db))
        let theirs = try #require(cli.bytes(other))

        let dryRun = cli.duikou(["merge", other, "--dry-run"])

        #expect(dryRun.status == 0, "\(dryRun)")
        #expect(dryRun.stdout.hasPrefix("试运行（未写入任何内容）"), "\(dryRun)")
        #expect(cli.bytes(cli.db) == before)
        #expect(cli.bytes(other) == theirs)
        #expect(try cli.projects().count == 1)

        let json = cli.duikou(["merge", other, "--dry-run", "--format", "json"])
        #expect(try json.jsonObject()["dry_run"] as? Bool == true)
        #expect(try json.jsonObject()["changed"] as? Bool == true)
        #expect(try counts(json, "projects")["added"] == 1)
        #expect(cli.bytes(cli.db) == before)
    }

    @Test func theSourceIsNeverWritten() throws {
        twoReporters()
        let theirs = try #require(cli.bytes(other))
        #expect(cli.duikou(["merge", other, "--prefer", "theirs"]).status == 0)
        #expect(cli.bytes(other) == theirs)
    }

    // MARK: - Corrections, voids, unchanged reports and plan revisions

    /// Text as people type it into a reason: Chinese, emoji, quotes, commas and a line break.
    private static let hostile = "万/亿 录错，\"2.1亿\" 应为 2100万, 见附件 📎\n第二行：王科长"

    /// On their database: a 万/亿 slip corrected, a stage keyed wrongly corrected, an unchanged
    /// report, a plan revision and a void. Returns the project ids.
    private func correctedHistories() -> [String] {
        let add = { (title: String, date: String, more: [String]) -> String in
            self.onOther(["project", "add", "--pairing", "harbin-shenzhen", "--task", "2.2", "--title", title, "--date", date] + more)
                .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let slip = add("新能源汽车零部件项目", "2024-01-10", ["--planned", "5亿", "--planned-start", "2024-03-01"])
        onOther(["project", "update", slip, "--date", "2024-03-01", "--status", "开工", "--completed", "2.1亿"])
        onOther(["project", "correct", slip, "--seq", "2", "--completed", "2100万", "--reason", Self.hostile])
        onOther(["project", "update", slip, "--date", "2024-06-30", "--unchanged"])
        onOther(["project", "plan", slip, "--planned-start", "2024-04-01", "--reason", "审批推迟, \"一期\" 🚧"])
        let stage = add("五常大米“产地仓”", "2023-05-01", [])
        onOther(["project", "update", stage, "--date", "2023-09-01", "--status", "投产"])
        onOther(["project", "correct", stage, "--seq", "2", "--status", "开工", "--reason", "投产录成开工 🏗"])
        let duplicate = add("重复录入", "2024-02-01", [])
        onOther(["project", "void", duplicate, "--reason", "重复, 见\"保留\"的项目\n另注"])
        return [slip, stage, duplicate]
    }

    @Test func correctionsVoidsUnchangedReportsAndPlanRevisionsAreCarried() throws {
        let ids = correctedHistories()

        let merged = cli.duikou(["merge", other, "--format", "json"])

        #expect(merged.status == 0, "\(merged)")
        #expect(try counts(merged, "corrections") == ["added": 2, "identical": 0, "updated": 0, "conflicts": 0])
        #expect(try counts(merged, "plan_revisions") == ["added": 1, "identical": 0, "updated": 0, "conflicts": 0])
        #expect(try counts(merged, "progress_updates")["added"] == 6)
        for id in ids {
            let ours = cli.duikou(["project", "show", id, "--format", "json"])
            let theirs = onOther(["project", "show", id, "--format", "json"])
            #expect(ours.status == 0 && ours.stdout == theirs.stdout, "\(ours)\n\(theirs)")
        }
        let slip = try cli.show(ids[0])
        let history = try #require(slip["history"] as? [[String: Any]])
        #expect(history[1]["reason"] as? String == Self.hostile)
        #expect(history[2]["unchanged"] as? Bool == true)
        #expect((slip["superseded"] as? [Any])?.count == 1)
        #expect(((slip["plan_revisions"] as? [[String: Any]])?.first?["reason"] as? String)?.contains("🚧") == true)
        #expect(cli.duikou(["check"]).status == 0)
        let progress = ["progress", "--by", "pairing", "--format", "json", "--known-on", "2099-01-01"]
        #expect(cli.duikou(progress).stdout == onOther(progress).stdout)

        // Again: nothing changes, and the table says what was found identical.
        let again = cli.duikou(["merge", other, "--lang", "en"])
        #expect(again.status == 0, "\(again)")
        #expect(again.stdout.contains("Nothing to merge"), "\(again)")
        let rows = again.stdoutLines.filter { $0.hasPrefix("correction ") || $0.hasPrefix("plan revision ") }
            .map { $0.split(separator: " ").suffix(4).joined(separator: " ") }
        #expect(rows == ["0 2 - 0", "0 1 - 0"], "\(again)")
        #expect(cli.duikou(["check"]).status == 0)
    }

    @Test func aCorrectionOfOursAndADifferentOneOfTheirsIsAConflictWithNothingWritten() throws {
        let ids = correctedHistories()
        #expect(cli.duikou(["merge", other]).status == 0)
        // Both correct the same update, differently.
        #expect(cli.duikou(["project", "correct", ids[1], "--seq", "2", "--status", "落地", "--reason", "我方: 落地"]).status == 0)
        onOther(["project", "correct", ids[1], "--seq", "2", "--status", "竣工", "--reason", "对方, \"竣工\""])
        let before = cli.duikou(["project", "show", ids[1], "--format", "json"]).stdout

        let merged = cli.duikou(["merge", other, "--format", "json"])

        #expect(merged.status == 0, "\(merged)")
        let conflicts = try #require(try merged.jsonObject()["conflicts"] as? [[String: Any]])
        #expect(conflicts.count == 1)
        #expect(conflicts.first?["kind"] as? String == "correction")
        #expect(conflicts.first?["id"] as? String == ids[1])
        #expect((conflicts.first?["fields"] as? [[String: Any]])?.compactMap { $0["field"] as? String } == ["status"])
        #expect(try merged.jsonObject()["changed"] as? Bool == false)
        #expect(cli.duikou(["project", "show", ids[1], "--format", "json"]).stdout == before)
        #expect(cli.duikou(["check"]).status == 0)
        let table = cli.duikou(["merge", other, "--lang", "en"])
        #expect(table.stdout.contains("correction of project \(ids[1]) (not added)"), "\(table)")
    }

    // MARK: - Refusals

    @Test func aMissingSourceIs66AndNothingIsCreated() throws {
        let missing = cli.path("no-such.sqlite")
        let result = cli.duikou(["merge", missing])
        expectRefusal(result, 66, mentions: ["no-such.sqlite"])
        #expect(!FileManager.default.fileExists(atPath: missing))
        #expect(!FileManager.default.fileExists(atPath: cli.db), "our database was created for a merge that could not start")
    }

    @Test func aForeignSQLiteFileIs65AndLeftUntouched() throws {
        let file = cli.path("invoices.sqlite")
        try SQLiteFile.execute(file, "CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL); INSERT INTO invoices (amount) VALUES (12.5);")
        try expectRefusedUntouched(file, 65)
    }

    @Test func aJunkFileIs65AndLeftUntouched() throws {
        let file = cli.path("notes.txt")
        try Data(String(repeating: "这不是数据库 — just notes\n", count: 200).utf8).write(to: URL(fileURLWithPath: file))
        try expectRefusedUntouched(file, 65)
    }

    @Test func aNewerDuikouDatabaseIs78AndLeftUntouched() throws {
        let file = cli.path("future.sqlite")
        try SQLiteFile.execute(file, "PRAGMA application_id = 1145786197; PRAGMA user_version = 999; CREATE TABLE future_thing(x);")
        try expectRefusedUntouched(file, 78)
    }

    @Test func mergingADatabaseIntoItselfIs65() throws {
        cli.addProject()
        let before = try #require(cli.bytes(cli.db))
        expectRefusal(cli.duikou(["merge", cli.db]), 65, mentions: ["itself"])
        #expect(cli.bytes(cli.db) == before)
    }

    @Test func badUsageIs64() throws {
        twoReporters()
        for arguments in [["merge"], ["merge", other, "--prefer", "mine"], ["merge", other, "--format", "csv"]] {
            let result = cli.duikou(arguments)
            #expect(result.status == 64, "\(result)")
            #expect(result.stderrLines.first?.hasPrefix("error: ") == true, "\(result)")
        }
    }

    /// Expects a merge from `file` to be refused with `status`, the file and its folder left
    /// exactly as they were, and our database not created.
    private func expectRefusedUntouched(_ file: String, _ status: Int32, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try #require(cli.bytes(file), sourceLocation: sourceLocation)
        let names = cli.names(in: cli.root)
        let result = cli.duikou(["merge", file])
        expectRefusal(result, status, mentions: [URL(fileURLWithPath: file).lastPathComponent], sourceLocation: sourceLocation)
        #expect(cli.bytes(file) == before, "the source's bytes changed", sourceLocation: sourceLocation)
        #expect(cli.names(in: cli.root) == names, "files appeared or went away beside it", sourceLocation: sourceLocation)
    }
}
