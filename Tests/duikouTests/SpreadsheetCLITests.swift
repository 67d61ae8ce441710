import Foundation
import Testing

/// `duikou export --format xlsx` and `--lang` end to end, with LibreOffice (headless) as the real
/// client: the workbooks Duikou writes are converted to CSV by LibreOffice and compared value by
/// value with what was exported.
@Suite struct SpreadsheetCLITests {
    let cli: CLISandbox

    init() throws {
        cli = try CLISandbox()
        let projects = """
            title,pairing,task,status,date,planned,completed,landmark,description
            "哈工大""智能""装备 <产业园> & 😀",heilongjiang-guangdong,4.2,落地,2021-09-12,1114.79亿,626207万元,是,"两行
            简介, 带逗号"
            营商环境交流,inner-mongolia,1.1,谋划,2024-02-29,123456789元,,否,
            汽车零部件,harbin-shenzhen,2.1,开工,1999-03-01,12.5,0元,0,  前后空格  

            """
        try Data(projects.utf8).write(to: cli.work.appendingPathComponent("projects.csv"))
        let imported = cli.duikou(["import", "projects", "projects.csv"])
        #expect(imported.status == 0, "\(imported)")
    }

    /// A decimal as a whole number of ten-thousandths, from text such as `1,114,790.0000` or `12.5`;
    /// exact, no floating point.
    private static func tenThousandths(_ text: String) -> Int64? {
        let plain = text.replacingOccurrences(of: ",", with: "")
        let parts = plain.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int64(parts[0]) else { return nil }
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= 4, let digits = Int64((fraction + "0000").prefix(4)) else { return nil }
        return whole * 10_000 + (whole < 0 || plain.hasPrefix("-") ? -digits : digits)
    }

    @Test func libreOfficeReadsWhatIsExportedValueByValue() throws {
        let soffice = "/usr/bin/soffice"
        guard FileManager.default.isExecutableFile(atPath: soffice) else {
            Issue.record("LibreOffice (soffice) is missing: run .ci/run, which installs libreoffice-calc-nogui")
            return
        }
        for (kind, file) in [("projects", "projects.xlsx"), ("progress", "progress.xlsx")] {
            let export = cli.duikou(["export", kind, "--format", "xlsx", "--out", file])
            #expect(export.status == 0, "\(export)")
        }
        let peopleCSV = cli.duikou(["export", "projects", "--format", "csv", "--lang", "zh"])
        #expect(peopleCSV.status == 0, "\(peopleCSV)")
        let progressCSV = cli.duikou(["progress", "--by", "area", "--format", "csv"])

        // One LibreOffice run converts every sheet of both workbooks, with a profile of its own.
        let profile = cli.path("lo-profile")
        let out = cli.path("lo-out")
        let filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"
        let convert = cli.run(["-env:UserInstallation=file://\(profile)", "--headless", "--convert-to", filter, "--outdir", out,
                               "projects.xlsx", "progress.xlsx"], executable: URL(fileURLWithPath: soffice))
        #expect(convert.status == 0, "\(convert)")

        let office = try parseCSV(String(contentsOfFile: out + "/projects-项目.csv", encoding: .utf8))
        let ours = try peopleCSV.csvRecords()
        #expect(office.count == 4 && ours.count == 4, "\(office)")
        #expect(office.first == ours.first)
        let header = ours.first ?? []
        #expect(header.contains("计划总投资（万元）") && header.contains("累计完成投资（万元）"))
        for (officeRow, ourRow) in zip(office.dropFirst(), ours.dropFirst()) {
            #expect(officeRow.count == ourRow.count)
            for (column, (seen, written)) in zip(header, zip(officeRow, ourRow)) {
                if column.hasSuffix("（万元）") && !written.isEmpty {
                    // 1,114,790.0000 in the sheet is 1114790 in the CSV: equal as exact numbers.
                    #expect(Self.tenThousandths(seen) == Self.tenThousandths(written), "\(column): \(seen) vs \(written)")
                } else {
                    #expect(seen == written, "\(column)")
                }
            }
        }
        let byTitle = Dictionary(ours.dropFirst().map { ($0[3], $0) }, uniquingKeysWith: { first, _ in first })
        let hostile = try #require(byTitle["哈工大\"智能\"装备 <产业园> & 😀"])
        #expect(hostile[1] == "黑龙江省—广东省")
        #expect(hostile[2].hasPrefix("4.2 "))
        #expect(hostile[4] == "落地")
        #expect(hostile[5] == "2021-09-12")
        #expect(hostile[6] == "11147900")
        #expect(hostile[7] == "626207")
        #expect(hostile[11] == "是")
        #expect(hostile[12] == "两行\n简介, 带逗号")
        #expect(byTitle["营商环境交流"]?[6] == "12345.6789")
        #expect(byTitle["营商环境交流"]?[5] == "2024-02-29")
        #expect(byTitle["汽车零部件"]?[6] == "12.5")

        // Progress by area: LibreOffice's sheet against the machine report.
        let area = try parseCSV(String(contentsOfFile: out + "/progress-按任务方面.csv", encoding: .utf8))
        let machine = try progressCSV.csvRecords()
        #expect(area.count == machine.count, "\(area)")
        let plannedColumn = try #require(area.first?.firstIndex(of: "计划总投资（万元）"))
        let machinePlanned = try #require(machine.first?.firstIndex(of: "planned_investment_yuan"))
        for (officeRow, machineRow) in zip(area.dropFirst(), machine.dropFirst()) {
            #expect(Self.tenThousandths(officeRow[plannedColumn]) == Int64(machineRow[machinePlanned]), "\(officeRow)")
            #expect(officeRow[2] == machineRow[3], "projects of \(officeRow[0])")
        }
        // Progress as CSV for people, by area, against the same LibreOffice sheet: the same headers,
        // amounts equal as exact numbers, rates equal to the sheet's rounding.
        let people = cli.duikou(["export", "progress", "--format", "csv", "--lang", "zh", "--by", "area"])
        #expect(people.status == 0, "\(people)")
        let peopleRows = try people.csvRecords()
        #expect(peopleRows.first == area.first && peopleRows.count == area.count, "\(peopleRows)")
        let progressHeader = peopleRows.first ?? []
        func percent(_ text: String) -> Double? { text.hasSuffix("%") ? Double(text.dropLast()) : nil }
        for (officeRow, ourRow) in zip(area.dropFirst(), peopleRows.dropFirst()) {
            #expect(officeRow.count == ourRow.count)
            for (column, (seen, written)) in zip(progressHeader, zip(officeRow, ourRow)) {
                if column.hasSuffix("（万元）") {
                    #expect(Self.tenThousandths(seen) == Self.tenThousandths(written), "\(column): \(seen) vs \(written)")
                } else if let ours = percent(written) {
                    let theirs = try #require(percent(seen), "\(column): \(seen)")
                    #expect(abs(ours - theirs) <= 0.05, "\(column): \(seen) vs \(written)")
                } else {
                    #expect(seen == written, "\(column)")
                }
            }
        }
        for sheet in ["按任务", "按对口合作关系", "按省区"] {
            #expect(FileManager.default.fileExists(atPath: out + "/progress-\(sheet).csv"), "\(sheet)")
        }
    }

    @Test func englishHeadersPairingScopeAndUsage() throws {
        let english = cli.duikou(["export", "projects", "--format", "csv", "--lang", "en"])
        #expect(english.status == 0, "\(english)")
        let rows = try english.csvRecords()
        #expect(rows.first?.contains("Planned investment (10,000 yuan)") == true)
        #expect(rows.dropFirst().contains { $0[4] == "landed" })

        let scoped = cli.duikou(["export", "projects", "--format", "csv", "--lang", "zh", "--pairing", "heilongjiang-guangdong"])
        #expect(scoped.status == 0, "\(scoped)")
        let scopedRows = try scoped.csvRecords()
        #expect(scopedRows.count == 2, "\(scoped)")
        #expect(scopedRows.last?[3] == "哈工大\"智能\"装备 <产业园> & 😀")

        let workbook = cli.duikou(["export", "projects", "--format", "xlsx", "--out", "p.xlsx", "--pairing", "inner-mongolia"])
        #expect(workbook.status == 0, "\(workbook)")
        #expect(FileManager.default.fileExists(atPath: cli.work.appendingPathComponent("p.xlsx").path))

        #expect(cli.duikou(["export", "projects", "--format", "xlsx"]).status == 64)
        #expect(cli.duikou(["export", "progress", "--format", "csv"]).status == 64)
        #expect(cli.duikou(["export", "progress", "--format", "jsonl", "--lang", "zh"]).status == 64)
        #expect(cli.duikou(["export", "projects", "--format", "csv", "--lang", "zh", "--by", "area"]).status == 64)
        #expect(cli.duikou(["export", "progress", "--format", "xlsx", "--out", "x.xlsx", "--by", "area"]).status == 64)
        let byPairing = cli.duikou(["export", "progress", "--format", "csv", "--lang", "en", "--by", "pairing", "--pairing", "heilongjiang-guangdong"])
        #expect(byPairing.status == 0, "\(byPairing)")
        let pairingRows = try byPairing.csvRecords()
        #expect(pairingRows.first?.prefix(3) == ["Key", "Name", "Projects"] && pairingRows.first?.contains("Red") == true)
        #expect(pairingRows.dropFirst().map { $0[0] } == ["heilongjiang-guangdong", "Total"], "\(pairingRows)")
        #expect(pairingRows.last?[2] == "1")
        #expect(cli.duikou(["export", "projects", "--pairing", "inner-mongolia"]).status == 64)
        #expect(cli.duikou(["export", "projects", "--format", "xlsx", "--out", "q.xlsx", "--pairing", "nowhere"]).status == 66)
        #expect(!FileManager.default.fileExists(atPath: cli.work.appendingPathComponent("q.xlsx").path))

        // The machine CSV is as it was: English keys, amounts in yuan with their unit.
        let machine = try cli.duikou(["export", "projects"]).csvRecords()
        #expect(machine.first?.prefix(8) == ["id", "pairing", "task", "title", "status", "date", "planned", "completed"])
        #expect(machine.dropFirst().contains { $0[6] == "111479000000元" })
    }
}
