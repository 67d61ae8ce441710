import Foundation
import Testing

/// Regions and pairings of one's own, parks and cadre exchanges through the binary.
@Suite struct RecordsCLITests {
    let cli: CLISandbox

    init() throws {
        cli = try CLISandbox()
    }

    /// Adds 佳木斯市 and 佛山市 and the city pairing jiamusi-foshan inside heilongjiang-guangdong.
    private func addChildPairing() {
        let jiamusi = cli.duikou(["region", "add", "--code", "230800", "--name-zh", "佳木斯市", "--name-en", "Jiamusi", "--level", "prefecture-city", "--side", "northeast"])
        #expect(jiamusi.status == 0, "\(jiamusi)")
        #expect(jiamusi.stdout == "230800\n")
        let foshan = cli.duikou(["region", "add", "--code", "440600", "--name-zh", "佛山市", "--name-en", "Foshan", "--level", "prefecture-city", "--side", "east"])
        #expect(foshan.status == 0, "\(foshan)")
        let pairing = cli.duikou(["pairing", "add", "--id", "jiamusi-foshan", "--northeast", "230800", "--east", "440600", "--parent", "heilongjiang-guangdong"])
        #expect(pairing.status == 0, "\(pairing)")
        #expect(pairing.stdout == "jiamusi-foshan\n")
    }

    @Test func addedRegionAndPairingAreListed() throws {
        addChildPairing()
        let regions = try cli.duikou(["regions", "--format", "json"]).jsonRows()
        #expect(regions.count == 17)
        #expect(regions.first { $0["code"] as? String == "440600" }?["name_zh"] as? String == "佛山市")
        let pairings = try cli.duikou(["pairings", "--format", "json"]).jsonRows()
        #expect(pairings.count == 9)
        let child = try #require(pairings.first { $0["id"] as? String == "jiamusi-foshan" })
        #expect(child["parent"] as? String == "heilongjiang-guangdong")
        #expect(child["level"] as? String == "city")
        #expect(child["status"] as? String == "active")
        // Each pairing follows its parent.
        let ids = pairings.compactMap { $0["id"] as? String }
        let parentIndex = try #require(ids.firstIndex(of: "heilongjiang-guangdong"))
        let childIndex = try #require(ids.firstIndex(of: "jiamusi-foshan"))
        #expect(childIndex > parentIndex)
    }

    @Test func duplicatesAndDanglingReferencesAreRefused() throws {
        addChildPairing()
        let again = cli.duikou(["region", "add", "--code", "440600", "--name-zh", "佛山市", "--name-en", "Foshan", "--level", "prefecture-city", "--side", "east"])
        #expect(again.status == 65, "\(again)")
        #expect(again.stderrLines.count == 1 && again.stderr.hasPrefix("error: "), "\(again)")
        #expect(again.stdout.isEmpty)
        expectRefusal(cli.duikou(["pairing", "add", "--id", "x-y", "--northeast", "239999", "--east", "440600"]), 66, mentions: ["239999"])
        expectRefusal(cli.duikou(["pairing", "add", "--id", "x-y", "--northeast", "230800", "--parent", "nowhere"]), 66, mentions: ["nowhere"])
        expectRefusal(
            cli.duikou(["region", "add", "--code", "440700", "--name-zh", "江门市", "--name-en", "Jiangmen", "--level", "town", "--side", "east"]),
            64, mentions: ["--level", "town"])
        #expect(try cli.duikou(["pairings", "--format", "json"]).jsonRows().count == 9)
        #expect(try cli.duikou(["regions", "--format", "json"]).jsonRows().count == 17)
    }

    @Test func childPairingRollsIntoParentFilterAndProgress() throws {
        addChildPairing()
        let parentProject = cli.addProject(pairing: "heilongjiang-guangdong", task: "2.1", title: "省级项目", ["--planned", "10亿", "--date", "2019-01-01"])
        let childProject = cli.addProject(pairing: "jiamusi-foshan", task: "2.3", title: "佳木斯项目", ["--planned", "2亿", "--date", "2019-02-01", "--landmark"])
        let other = cli.addProject(pairing: "harbin-shenzhen", task: "2.1", title: "别处项目", ["--planned", "1亿", "--date", "2019-02-01"])

        let listed = Set(try cli.projects(["--pairing", "heilongjiang-guangdong"]).compactMap { $0["id"] as? String })
        #expect(listed == [parentProject, childProject])
        let childOnly = try cli.projects(["--pairing", "jiamusi-foshan"]).compactMap { $0["id"] as? String }
        #expect(childOnly == [childProject])
        #expect(try cli.projects().count == 3)
        _ = other

        let result = cli.duikou(["progress", "--pairing", "heilongjiang-guangdong", "--by", "pairing", "--format", "json"])
        #expect(result.status == 0, "\(result)")
        let report = try result.jsonObject()
        #expect(report["by"] as? String == "pairing")
        let rows = try #require(report["rows"] as? [[String: Any]])
        #expect(Set(rows.compactMap { $0["key"] as? String }) == ["heilongjiang-guangdong", "jiamusi-foshan"])
        let childRow = try #require(rows.first { $0["key"] as? String == "jiamusi-foshan" })
        #expect(int(childRow["projects"]) == 1)
        #expect(int(childRow["landmark_projects"]) == 1)
        #expect(int(childRow["planned_investment_yuan"]) == 200_000_000)
        let parentRow = try #require(rows.first { $0["key"] as? String == "heilongjiang-guangdong" })
        #expect(int(parentRow["projects"]) == 1, "a pairing row counts its own records only")
        #expect(int(parentRow["planned_investment_yuan"]) == 1_000_000_000)
        for row in rows {
            #expect(Set(row.keys).isSuperset(of: ["parks", "secondments", "trainees"]), "\(row)")
        }
        let total = try #require(report["total"] as? [String: Any])
        #expect(int(total["projects"]) == 2)
        #expect(int(total["planned_investment_yuan"]) == 1_200_000_000)
        #expect(Set(total.keys).isSuperset(of: ["parks", "secondments", "trainees"]))
    }

    @Test func exploringPairingWithoutEastSide() throws {
        let result = cli.duikou(["region", "add", "--code", "150100", "--name-zh", "呼和浩特市", "--name-en", "Hohhot", "--level", "prefecture-city", "--side", "northeast"])
        #expect(result.status == 0, "\(result)")
        let pairing = cli.duikou(["pairing", "add", "--id", "hohhot-tbd", "--northeast", "150100", "--parent", "inner-mongolia"])
        #expect(pairing.status == 0, "\(pairing)")
        let row = try #require(try cli.duikou(["pairings", "--format", "json"]).jsonRows().first { $0["id"] as? String == "hohhot-tbd" })
        #expect(row["status"] as? String == "exploring")
        #expect(row["east"] is NSNull)
        _ = cli.addProject(pairing: "hohhot-tbd", task: "1.4", title: "探索项目")
        #expect(try cli.projects(["--pairing", "inner-mongolia"]).count == 1)
    }

    // MARK: - Parks

    @Test func parkAddAndListWithRollUp() throws {
        let add = cli.duikou([
            "park", "add", "--pairing", "harbin-shenzhen", "--name", "深圳（哈尔滨）产业园区", "--kind", "joint",
            "--host-region", "230100", "--partner", "深圳市", "--established", "2019-05-09", "--planned-area-km2", "26",
            "--benefit-sharing", "税收五五分成",
        ])
        #expect(add.status == 0, "\(add)")
        #expect(add.stdoutLines.count == 1)
        let park = try #require(add.stdoutLines.first)
        #expect(isLowercaseUUID(park), "\(park)")

        _ = cli.addProject(title: "园区项目一", ["--park", String(park.prefix(8)), "--planned", "10亿", "--completed", "3亿", "--status", "started", "--date", "2020-01-01"])
        let second = cli.addProject(title: "园区项目二", ["--park", park, "--planned", "5亿", "--completed", "1亿", "--date", "2020-01-01"])
        #expect(cli.duikou(["project", "update", second, "--date", "2020-06-01", "--status", "terminated"]).status == 0)
        _ = cli.addProject(title: "园区外项目", ["--planned", "100亿"])

        let list = cli.duikou(["park", "list", "--format", "json"])
        #expect(list.status == 0, "\(list)")
        let rows = try list.jsonRows()
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row["id"] as? String == park)
        #expect(row["name"] as? String == "深圳（哈尔滨）产业园区")
        #expect(row["pairing"] as? String == "harbin-shenzhen")
        #expect(row["kind"] as? String == "joint")
        #expect(int(row["projects"]) == 2)
        #expect(int(row["planned_investment_yuan"]) == 1_000_000_000, "the terminated project's plan is left out")
        #expect(int(row["completed_investment_yuan"]) == 400_000_000, "completed investment sums all")

        let shown = try cli.show(second)
        #expect(shown["park"] as? String == park)

        let table = cli.duikou(["park", "list"])
        #expect(table.status == 0, "\(table)")
        #expect(table.stdout.contains("深圳（哈尔滨）产业园区"))
        #expect(table.stdout.contains(String(park.prefix(8))))
    }

    @Test func parkListFiltersByPairingAndItsChildren() throws {
        addChildPairing()
        for (pairing, name) in [("jiamusi-foshan", "佛山（佳木斯）园"), ("harbin-shenzhen", "深哈园"), ("heilongjiang-guangdong", "粤黑园")] {
            let result = cli.duikou(["park", "add", "--pairing", pairing, "--name", name, "--kind", "branch"])
            #expect(result.status == 0, "\(result)")
        }
        let rows = try cli.duikou(["park", "list", "--pairing", "heilongjiang-guangdong", "--format", "json"]).jsonRows()
        #expect(Set(rows.compactMap { $0["name"] as? String }) == ["佛山（佳木斯）园", "粤黑园"])
        #expect(rows.allSatisfy { $0["kind"] as? String == "branch" })
        #expect(rows.allSatisfy { int($0["projects"]) == 0 && int($0["planned_investment_yuan"]) == 0 })
        let csv = cli.duikou(["park", "list", "--format", "csv"])
        #expect(csv.status == 0, "\(csv)")
        let records = try csv.csvRecords()
        #expect(records.count == 4, "\(csv.stdout)")
        #expect(Array(records.first?.prefix(7) ?? []) == ["id", "name", "pairing", "kind", "projects", "planned_investment_yuan", "completed_investment_yuan"])
    }

    // MARK: - Exchanges

    @Test func exchangeAddAndList() throws {
        let training = cli.duikou([
            "exchange", "add", "--pairing", "jilin-zhejiang", "--direction", "to-east", "--kind", "training", "--start", "2018-04-10",
            "--end", "2018-04-20", "--participants", "52", "--from-org", "吉林省发改委", "--to-org", "浙江大学",
        ])
        #expect(training.status == 0, "\(training)")
        #expect(training.stdoutLines.count == 1)
        let trainingID = try #require(training.stdoutLines.first)
        #expect(isLowercaseUUID(trainingID))

        let secondment = cli.duikou([
            "exchange", "add", "--pairing", "jilin-zhejiang", "--direction", "to-northeast", "--kind", "secondment",
            "--start", "2017-09-01", "--person", "张三", "--post", "副市长",
        ])
        #expect(secondment.status == 0, "\(secondment)")
        let secondmentID = secondment.stdout.trimmingCharacters(in: .newlines)
        #expect(isLowercaseUUID(secondmentID))
        #expect(cli.duikou(["exchange", "add", "--pairing", "harbin-shenzhen", "--direction", "to-east", "--kind", "secondment", "--start", "2019-01-01"]).status == 0)

        let rows = try cli.duikou(["exchange", "list", "--pairing", "jilin-zhejiang", "--format", "json"]).jsonRows()
        #expect(rows.count == 2)
        for row in rows {
            #expect(Set(row.keys).isSuperset(of: ["id", "pairing", "direction", "kind", "participants", "start"]), "\(row)")
        }
        // By start date.
        #expect(rows.map { $0["id"] as? String } == [secondmentID, trainingID])
        #expect(rows.map { $0["start"] as? String } == ["2017-09-01", "2018-04-10"])
        #expect(rows.map { $0["direction"] as? String } == ["to-northeast", "to-east"])
        #expect(rows.map { $0["kind"] as? String } == ["secondment", "training"])
        #expect(rows.map { int($0["participants"]) } == [1, 52])
        #expect(rows.allSatisfy { $0["pairing"] as? String == "jilin-zhejiang" })
        #expect(try cli.duikou(["exchange", "list", "--format", "json"]).jsonRows().count == 3)

        let progress = try cli.duikou(["progress", "--by", "pairing", "--pairing", "jilin-zhejiang", "--format", "json"]).jsonObject()
        let row = try #require((progress["rows"] as? [[String: Any]])?.first { $0["key"] as? String == "jilin-zhejiang" })
        #expect(int(row["secondments"]) == 1)
        #expect(int(row["trainees"]) == 52)
        #expect(int(row["secondments_to_northeast"]) == 1 && int(row["secondments_to_east"]) == 0)
        #expect(int(row["trainees_to_east"]) == 52 && int(row["trainees_to_northeast"]) == 0)

        // Persons and person-times keep their units in the table; they are never added up.
        let table = cli.duikou(["exchange", "list", "--pairing", "jilin-zhejiang"])
        #expect(table.stdout.contains("52 人次") && table.stdout.contains("1 人 "), "\(table)")
        #expect(cli.duikou(["exchange", "list", "--pairing", "jilin-zhejiang", "--lang", "en"]).stdout.contains("52 person-times"))
    }
}
