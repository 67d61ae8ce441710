import Foundation
import Testing
@testable import DuikouKit

/// Reporting templates (调度表): what `writeRoundTemplate` writes for a round, and a filled template
/// imported back as the round's updates, all or nothing.
@Suite struct RoundTemplateTests {
    let db: TemporaryDatabase
    let repo: Repository
    static let hostile = "哈工大\"智能\"装备 <产业园> & 😀\n第二行"

    init() throws {
        db = try TemporaryDatabase()
        repo = try db.open()
    }

    static func day(_ text: String) throws -> LocalDate { try LocalDate(parsing: text) }
    static func period(_ text: String) throws -> ReportingPeriod { try ReportingPeriod(parsing: text) }

    @discardableResult
    func project(_ title: String, pairing: String = "harbin-shenzhen", _ date: String, _ status: ProjectStatus = .signed,
                 completed: String = "0", updates: [(String, ProjectStatus)] = []) throws -> UUID {
        let id = try repo.addProject(NewProject(pairing: pairing, task: "2.1", title: title, planned: Money(parsing: "1亿"),
                                                status: status, date: Self.day(date), completed: Money(parsing: completed))).id
        for (date, next) in updates {
            try repo.recordUpdate(NewProgressUpdate(date: Self.day(date), status: next), toProject: id)
        }
        return id
    }

    struct Scenario {
        var hostile, landed, started, dalian, provincial: UUID
        var outOfScope: [UUID]
    }

    /// Projects of 2020-Q3 (2020-07-01 to 2020-09-30) in harbin-shenzhen, dalian-shanghai and
    /// heilongjiang-guangdong, two out of scope; the round is open.
    func scenario() throws -> Scenario {
        let hostile = try project(Self.hostile, "2020-03-01", completed: "100")
        let landed = try project("已落地", "2020-01-01", updates: [("2020-06-01", .landed)])
        let started = try project("已开工", "2020-01-01", completed: "500", updates: [("2020-08-10", .started)])
        let operating = try project("早已运营", "2019-01-01", updates: [("2019-06-01", .operating)])
        let later = try project("期后新增", "2020-10-01")
        let dalian = try project("大连项目", pairing: "dalian-shanghai", "2020-01-01")
        let provincial = try project("省级项目", pairing: "heilongjiang-guangdong", "2020-02-01")
        usleep(5000)  // the round opens after the projects were recorded: they have not reported yet
        try repo.openRound(Self.period("2020-Q3"))
        return Scenario(hostile: hostile, landed: landed, started: started, dalian: dalian, provincial: provincial, outOfScope: [operating, later])
    }

    /// Every sheet of a workbook: its name and its rows' fields, as the import reads them.
    func sheets(_ path: String) throws -> [(name: String, rows: [[String]])] {
        let workbook = try XLSXReader(path: path)
        return try workbook.sheets.map { sheet in
            let reader = try workbook.rows(of: sheet)
            var rows: [[String]] = []
            while let record = try reader.next() { rows.append(record.fields) }
            return (sheet.name, rows)
        }
    }

    /// The tags (with their attributes) and texts of one part of a workbook.
    func part(_ path: String, _ name: String) throws -> [String] {
        let archive = try ZipReader(path: path)
        let tokenizer = XMLTokenizer(source: try #require(try archive.openEntry(name)), context: name)
        var out: [String] = []
        while let token = try tokenizer.next() {
            switch token {
            case .start(let tag): out.append(([tag.name] + tag.attributes.map { "\($0.name)=\($0.value)" }).joined(separator: " "))
            case .text(let text): out.append("text " + text)
            case .end: break
            }
        }
        return out
    }

    /// What one row of a filled template holds in its five fill-in columns, empty strings left blank.
    struct Fill {
        var status = "", completed = "", date = "", note = "", unchanged = ""
    }

    /// Writes a filled copy of `template`: the rows as written, with the fill-in columns of the
    /// projects in `fills` filled; amounts as number cells, dates as text. `period` overrides the 调度期.
    func fill(_ template: String, _ fills: [UUID: Fill], period: String? = nil, to path: String) throws {
        var sheets: [XLSXFixture.Sheet] = []
        for (name, rows) in try self.sheets(template) {
            var xml = ""
            for (index, fields) in rows.enumerated() {
                let line = index + 1
                var cells = fields.enumerated().map { column, value -> String in
                    let text = line > 1 && column == 1 && name == "说明" && fields[0] == "调度期" ? (period ?? value) : value
                    return text.isEmpty ? "" : XLSXFixture.text(XLSXFixture.column(column) + String(line), text)
                }
                if line > 1, let id = UUID(key: fields[0]), let fill = fills[id] {
                    let values = [fill.status, fill.completed, fill.date, fill.note, fill.unchanged]
                    cells = Array(cells.prefix(5))
                    for (offset, value) in values.enumerated() where !value.isEmpty {
                        let reference = XLSXFixture.column(5 + offset) + String(line)
                        // An amount is a number cell; a date written `serial:N` a date cell (style 1), as Excel stores one typed in.
                        if offset == 1 {
                            cells.append(XLSXFixture.number(reference, value))
                        } else if offset == 2, value.hasPrefix("serial:") {
                            cells.append(XLSXFixture.number(reference, String(value.dropFirst(7)), style: 1))
                        } else {
                            cells.append(XLSXFixture.text(reference, value))
                        }
                    }
                }
                xml += "<row r=\"\(line)\">\(cells.joined())</row>"
            }
            sheets.append(XLSXFixture.Sheet(name: name, rows: xml))
        }
        // With the package parts the fixture leaves out, so that LibreOffice opens it as a workbook.
        var types = "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        types += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        types += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        for index in sheets.indices {
            types += "<Override PartName=\"/xl/worksheets/sheet\(index + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        types += "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
        types += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/></Types>"
        let relations = "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
        let entries = [XLSXFixture.Entry(name: "[Content_Types].xml", data: Array(types.utf8)), XLSXFixture.Entry(name: "_rels/.rels", data: Array(relations.utf8))]
            + XLSXFixture.entries(sheets)
        try Data(XLSXFixture.zip(entries)).write(to: URL(fileURLWithPath: path))
    }

    func file(_ name: String) -> String { db.folder.appendingPathComponent(name).path }

    func code(_ body: () throws -> Void) -> DuikouError.Code? {
        do { try body() } catch let error as DuikouError { return error.code } catch { return nil }
        return nil
    }

    @Test func templateHoldsTheRoundsScopeWithTheLastStateAndHostileTitlesIntact() throws {
        let s = try scenario()
        let scope = try repo.roundProjects(period: Self.period("2020-Q3"))
        #expect(Set(scope.map(\.id)) == [s.hostile, s.landed, s.started, s.dalian, s.provincial])
        let started = try #require(scope.first { $0.id == s.started })
        #expect(started.status == .started && started.completed.yuan == 5_000_000 && started.lastUpdate.description == "2020-08-10")
        #expect(try repo.roundProjects(period: Self.period("2020-Q3"), pairing: "dalian-shanghai").map(\.id) == [s.dalian])
        let json = try JSONEncoder().encode(started)
        #expect(try JSONDecoder().decode(RoundProject.self, from: json) == started)
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect(object["completed_investment_yuan"] as? Int == 5_000_000 && object["last_update"] as? String == "2020-08-10")
        #expect(object["id"] as? String == s.started.key && object["status"] as? String == "started")

        let path = file("调度表.xlsx")
        #expect(try repo.writeRoundTemplate(period: Self.period("2020-Q3"), to: path) == 5)
        let sheets = try self.sheets(path)
        #expect(sheets.first?.name == "说明")
        #expect(sheets.first?.rows.dropFirst().first == ["调度期", "2020-Q3"])
        let round = try repo.rounds()[0]
        #expect(sheets.count == 1 + round.pairings.count)
        let harbin = try #require(sheets.first { $0.name == "哈尔滨市—深圳市" })
        #expect(harbin.rows[0] == ["项目编号", "项目名称", "任务", "上期状态", "上期累计完成投资（万元）", "本期状态", "本期累计完成投资（万元）", "日期", "备注", "无变化"])
        #expect(harbin.rows.count == 4)
        let hostileRow = try #require(harbin.rows.first { $0[0] == s.hostile.key })
        #expect(hostileRow[1] == Self.hostile)
        #expect(hostileRow[2].hasPrefix("2.1 "))
        #expect(hostileRow[3] == "签约")
        #expect(hostileRow[4] == "100")
        #expect(hostileRow.dropFirst(5).allSatisfy { $0.isEmpty })
        #expect(!harbin.rows.contains { s.outOfScope.map(\.key).contains($0[0]) })

        // Protection, unlocked fill-in cells and the two drop-down lists.
        let xml = try part(path, "xl/worksheets/sheet\(1 + (sheets.firstIndex { $0.name == "哈尔滨市—深圳市" } ?? 0)).xml")
        #expect(xml.contains { $0.hasPrefix("sheetProtection sheet=1") })
        #expect(xml.contains("dataValidation type=list allowBlank=1 showErrorMessage=1 sqref=F2:F4"))
        #expect(xml.contains("text \"谋划,洽谈,签约,落地,开工,竣工,投产,停建,终止\""))
        #expect(xml.contains("text \"是,否\""))
        #expect(xml.contains("c r=F2 s=\(XLSXStyle.input.rawValue)") && xml.contains("c r=G2 s=\(XLSXStyle.inputWan.rawValue)"))
        let styles = try part(path, "xl/styles.xml")
        #expect(styles.filter { $0 == "protection locked=0" }.count == 3)
    }

    @Test func templateForOnePairingHoldsItsSubtreeOnly() throws {
        try repo.addPairing(NewPairing(id: "harbin-guangzhou", northeast: "230100", east: "440300", parent: "heilongjiang-guangdong"))
        let s = try scenario()
        let child = try project("子级项目", pairing: "harbin-guangzhou", "2020-05-01")
        let path = file("黑粤.xlsx")
        #expect(try repo.writeRoundTemplate(period: Self.period("2020-Q3"), to: path, pairing: "heilongjiang-guangdong") == 2)
        let sheets = try self.sheets(path)
        #expect(sheets.count == 3 && sheets.first?.name == "说明" && sheets[1].name == "黑龙江省—广东省")
        let ids = Set(sheets.dropFirst().flatMap(\.rows).map { $0[0] })
        #expect(ids == ["项目编号", s.provincial.key, child.key])

        let english = file("en.xlsx")
        try repo.writeRoundTemplate(period: Self.period("2020-Q3"), to: english, pairing: "dalian-shanghai", language: .en)
        let en = try self.sheets(english)
        #expect(en.map(\.name) == ["Instructions", "Dalian–Shanghai"])
        #expect(en[1].rows[0][5] == "Status" && en[1].rows[1][3] == "signed")
        #expect(code { try repo.writeRoundTemplate(period: Self.period("2021-Q1"), to: file("x.xlsx")) } == .notFound)
        #expect(code { try repo.writeRoundTemplate(period: Self.period("2020-Q3"), to: file("x.xlsx"), pairing: "no-such") } == .notFound)
        #expect(!FileManager.default.fileExists(atPath: file("x.xlsx")))
    }

    @Test func filledTemplateImportsAsTheRoundsUpdates() throws {
        let s = try scenario()
        let period = try Self.period("2020-Q3")
        #expect(try repo.roundStatus(period: period).reported == 1)
        let template = file("调度表.xlsx")
        try repo.writeRoundTemplate(period: period, to: template)
        let filled = file("已填.xlsx")
        try fill(template, [
            s.hostile: Fill(status: "开工", completed: "1234.5678", date: "2020/8/20", note: "引号\"与 <符号> & 😀"),
            s.landed: Fill(unchanged: "是"),
            s.dalian: Fill(completed: "0.0001", date: "serial:44075"),
            s.provincial: Fill(unchanged: "否"),
        ], to: filled)

        let dry = try repo.importFile(.updates, from: filled, dryRun: true)
        #expect(dry.problems.isEmpty, "\(dry.problems)")
        #expect(dry.added == 3 && !dry.committed)
        #expect(try repo.roundStatus(period: period).reported == 1)

        let result = try repo.importFile(.updates, from: filled)
        #expect(result.problems.isEmpty, "\(result.problems)")
        #expect(result.round == period && result.added == 3 && result.rows == 3 && result.skipped == 2)
        let status = try repo.roundStatus(period: period)
        #expect(status.reported == 4)
        #expect(!status.pairings.flatMap(\.notReported).contains(s.hostile))
        #expect(status.pairings.flatMap(\.notReported).contains(s.provincial))

        let hostile = try repo.projectHistory(s.hostile)
        #expect(hostile.project.status == .started && hostile.project.completed.yuan == 12_345_678)
        #expect(hostile.updates.last?.date.description == "2020-08-20" && hostile.updates.last?.note == "引号\"与 <符号> & 😀")
        let landed = try repo.projectHistory(s.landed)
        #expect(landed.updates.last?.unchanged == true && landed.project.status == .landed)
        // An empty date is the period's end (today is later).
        #expect(landed.updates.last?.date.description == "2020-09-30")
        let dalian = try repo.projectHistory(s.dalian)
        #expect(dalian.project.completed.yuan == 1 && dalian.updates.last?.date.description == "2020-09-01")

        // The same file again changes nothing.
        let again = try repo.importFile(.updates, from: filled, round: period)
        #expect(again.problems.isEmpty, "\(again.problems)")
        #expect(again.added == 0 && again.unchanged == 3)
    }

    @Test func englishTemplateImportsWithEnglishStatusesAndHeadersInProblems() throws {
        let s = try scenario()
        let period = try Self.period("2020-Q3")
        let template = file("round.xlsx")
        try repo.writeRoundTemplate(period: period, to: template, language: .en)
        #expect(try sheets(template).first?.rows.dropFirst().first == ["Round", "2020-Q3"])
        let filled = file("filled.xlsx")
        try fill(template, [s.hostile: Fill(status: "started", date: "2020-08-01"), s.landed: Fill(unchanged: "yes"),
                            s.dalian: Fill(status: "backwards")], to: filled)
        let refused = try repo.importFile(.updates, from: filled)
        #expect(refused.problems.map(\.column) == ["Status"], "\(refused.problems)")
        try fill(template, [s.hostile: Fill(status: "started", date: "2020-08-01"), s.landed: Fill(unchanged: "yes")], to: filled)
        let result = try repo.importFile(.updates, from: filled)
        #expect(result.problems.isEmpty && result.added == 2, "\(result.problems)")
        #expect(try repo.projectHistory(s.landed).updates.last?.unchanged == true)
    }

    @Test func badRowsAreRefusedNamingTheirCellsAndNothingIsWritten() throws {
        let s = try scenario()
        let period = try Self.period("2020-Q3")
        let template = file("调度表.xlsx")
        try repo.writeRoundTemplate(period: period, to: template)
        let harbin = try #require(try sheets(template).first { $0.name == "哈尔滨市—深圳市" })
        func line(_ id: UUID) -> Int { (harbin.rows.firstIndex { $0[0] == id.key } ?? -1) + 1 }
        let filled = file("错.xlsx")
        try fill(template, [
            s.hostile: Fill(status: "完工了"),
            s.started: Fill(completed: "499", date: "2020-09-01"),
            s.landed: Fill(status: "开工", date: "2020-05-01"),
            s.dalian: Fill(status: "开工", unchanged: "是"),
            s.provincial: Fill(date: "2020-09-01"),
        ], to: filled)
        let before = try repo.projects()
        let result = try repo.importFile(.updates, from: filled)
        #expect(!result.committed && result.added == 0 && result.refused == 5)
        let places = result.problems.map(\.description)
        let sheet = "'哈尔滨市—深圳市'"
        #expect(places.contains { $0.hasPrefix("\(sheet)!F\(line(s.hostile)): 本期状态: ") }, "\(places)")
        #expect(places.contains { $0.hasPrefix("\(sheet)!G\(line(s.started)): 本期累计完成投资（万元）: ") }, "\(places)")
        #expect(places.contains { $0.hasPrefix("\(sheet)!H\(line(s.landed)): 日期: ") }, "\(places)")
        #expect(places.contains { $0.hasPrefix("'大连市—上海市'!J2: 无变化: ") }, "\(places)")
        #expect(places.contains { $0.hasPrefix("'黑龙江省—广东省'!H2: 日期: ") }, "\(places)")
        #expect(try repo.projects() == before)
        #expect(try repo.roundStatus(period: period).reported == 1)
    }

    /// One sheet of the template as Excel or WPS saves it "as CSV": the header row and a row per
    /// project, every field quoted where it needs it, no round named.
    func csv(of template: String, sheet name: String, _ fills: [UUID: Fill]) throws -> String {
        let rows = try #require(try sheets(template).first { $0.name == name }).rows
        return rows.map { fields -> String in
            var fields = fields + Array(repeating: "", count: max(0, 10 - fields.count))
            if let id = UUID(key: fields[0]), let fill = fills[id] {
                fields[5...9] = [fill.status, fill.completed, fill.date, fill.note, fill.unchanged]
            }
            return fields.map { $0.contains { ",\"\n".contains($0) } ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0 }
                .joined(separator: ",")
        }.joined(separator: "\r\n") + "\r\n"
    }

    @Test func aTemplateSheetSavedAsCSVImportsWithTheRoundGiven() throws {
        let s = try scenario()
        let period = try Self.period("2020-Q3")
        let template = file("调度表.xlsx")
        try repo.writeRoundTemplate(period: period, to: template)
        let path = file("哈尔滨.csv")
        let text = try csv(of: template, sheet: "哈尔滨市—深圳市", [
            s.hostile: Fill(status: "开工", completed: "1234.5678", date: "2020年8月20日", note: "引号\"与, 逗号\n换行 😀"),
            s.landed: Fill(unchanged: "是"),
        ])
        try Data(("\u{FEFF}" + text).utf8).write(to: URL(fileURLWithPath: path))

        // No round named: refused with a problem, nothing written.
        let unnamed = try repo.importFile(.updates, from: path)
        #expect(!unnamed.committed && unnamed.problems.count == 1 && unnamed.added == 0)
        #expect(try repo.roundStatus(period: period).reported == 1)

        let dry = try repo.importFile(.updates, from: path, round: period, dryRun: true)
        #expect(dry.problems.isEmpty && dry.added == 2 && !dry.committed, "\(dry.problems)")
        let result = try repo.importFile(.updates, from: path, round: period)
        #expect(result.problems.isEmpty, "\(result.problems)")
        #expect(result.round == period && result.added == 2 && result.skipped == 1)
        #expect(try repo.roundStatus(period: period).reported == 3)
        let hostile = try repo.projectHistory(s.hostile)
        #expect(hostile.project.status == .started && hostile.project.completed.yuan == 12_345_678)
        #expect(hostile.updates.last?.date.description == "2020-08-20" && hostile.updates.last?.note == "引号\"与, 逗号\n换行 😀")
        #expect(try repo.projectHistory(s.landed).updates.last?.unchanged == true)

        // Its problems name lines and columns, not cells; a CSV template is updates only.
        let wrong = file("错.csv")
        try Data(try csv(of: template, sheet: "大连市—上海市", [s.dalian: Fill(status: "完工了")]).utf8).write(to: URL(fileURLWithPath: wrong))
        let refused = try repo.importFile(.updates, from: wrong, round: period)
        #expect(refused.problems.map(\.description).map { $0.hasPrefix("2: 本期状态: ") } == [true], "\(refused.problems)")
        #expect(code { _ = try repo.importFile(.projects, from: wrong) } == .invalidInput)
    }

    @Test func theRoundIsCheckedAndOnlyTemplatesTakeOne() throws {
        let s = try scenario()
        let period = try Self.period("2020-Q3")
        let template = file("调度表.xlsx")
        try repo.writeRoundTemplate(period: period, to: template)
        let filled = file("已填.xlsx")
        try fill(template, [s.hostile: Fill(unchanged: "是")], to: filled)
        let mismatch = try repo.importFile(.updates, from: filled, round: Self.period("2020-Q4"))
        #expect(mismatch.problems.map(\.description) == ["说明!B2: the template is for round 2020-Q3, not 2020-Q4"])
        #expect(!mismatch.committed)

        // A template naming a round that was never opened.
        let unknown = file("未开.xlsx")
        try fill(template, [s.hostile: Fill(unchanged: "是")], period: "2021-Q1", to: unknown)
        #expect(code { _ = try repo.importFile(.updates, from: unknown) } == .notFound)

        // A project out of the round's scope.
        try repo.openRound(Self.period("2021-Q1"))
        let outOfScope = try repo.importFile(.updates, from: filled, round: period)
        #expect(outOfScope.problems.isEmpty, "\(outOfScope.problems)")
        let later = file("后.xlsx")
        try fill(template, [s.hostile: Fill(unchanged: "是")], period: "2021-Q1", to: later)
        try repo.voidProject(s.hostile, reason: "重复")
        let voided = try repo.importFile(.updates, from: later)
        #expect(voided.problems.first?.column == "项目编号", "\(voided.problems)")

        // A round for a file that is not a template.
        let csv = file("updates.csv")
        try Data("project,date,status\n\(s.landed.key),2020-09-01,开工\n".utf8).write(to: URL(fileURLWithPath: csv))
        #expect(code { _ = try repo.importFile(.updates, from: csv, round: period) } == .invalidInput)
        #expect(try repo.importFile(.updates, from: csv).added == 1)
        #expect(code { _ = try repo.importFile(.projects, from: filled) } == .invalidInput)
    }

    /// Runs LibreOffice headless on `files` with `arguments` before them, writing into `folder`.
    func libreOffice(_ arguments: [String], _ files: [String], into folder: String) throws {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        let soffice = try #require(paths.map { "\($0)/soffice" }.first { FileManager.default.isExecutableFile(atPath: $0) },
                                   "LibreOffice (soffice) is not installed; .ci/run installs libreoffice-calc-nogui")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments = ["-env:UserInstallation=file://\(db.folder.path)/lo-profile", "--headless"] + arguments + ["--outdir", folder] + files
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "soffice failed on \(files)")
    }

    /// LibreOffice as the real client: it reads the template's sheets value by value, keeps the
    /// drop-down lists and the protection when it saves the workbook again, and a filled template it
    /// saved imports.
    @Test func libreOfficeReadsTheTemplateKeepsItsListsAndWritesOneThatImports() throws {
        let s = try scenario()
        let period = try Self.period("2020-Q3")
        let template = file("template.xlsx")
        try repo.writeRoundTemplate(period: period, to: template)
        let ours = try sheets(template)

        let csv = file("csv")
        try libreOffice(["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"], [template], into: csv)
        let harbin = try String(contentsOfFile: csv + "/template-哈尔滨市—深圳市.csv", encoding: .utf8)
        #expect(harbin.hasPrefix("项目编号,项目名称,任务,上期状态,上期累计完成投资（万元）,本期状态,本期累计完成投资（万元）,日期,备注,无变化\n"))
        let expectedHarbin = try #require(ours.first { $0.name == "哈尔滨市—深圳市" })
        for row in expectedHarbin.rows.dropFirst() {
            #expect(harbin.contains("\(row[0]),"), "\(row[0])")
        }
        #expect(harbin.contains("\"哈工大\"\"智能\"\"装备 <产业园> & 😀\n第二行\""))
        #expect(harbin.contains(s.started.key + ",已开工,2.1 "))
        #expect(harbin.contains("开工,500.0000,,,,,") || harbin.contains("开工,\"500.0000\",,,,,"), "\(harbin)")
        let instructions = try String(contentsOfFile: csv + "/template-说明.csv", encoding: .utf8)
        #expect(instructions.contains("调度期,2020-Q3\n"))

        let saved = file("saved")
        try libreOffice(["--convert-to", "xlsx"], [template], into: saved)
        let index = try #require(ours.firstIndex { $0.name == "哈尔滨市—深圳市" })
        let xml = try part(saved + "/template.xlsx", "xl/worksheets/sheet\(index + 1).xml")
        #expect(xml.contains { $0.hasPrefix("sheetProtection sheet=true") }, "\(xml.filter { $0.hasPrefix("sheetProtection") })")
        #expect(xml.contains { $0.hasPrefix("dataValidation ") && $0.contains("sqref=F2:F4") && $0.contains("type=list") })
        #expect(xml.contains("text \"谋划,洽谈,签约,落地,开工,竣工,投产,停建,终止\""))
        #expect(xml.contains("text \"是,否\""))

        // Saved by LibreOffice (shared strings, its own styles), unfilled: recognized, nothing to import.
        let unfilled = try repo.importFile(.updates, from: saved + "/template.xlsx")
        #expect(unfilled.round == period && unfilled.added == 0 && unfilled.skipped == 5 && !unfilled.committed)

        // Filled, then saved by LibreOffice: imports.
        let filled = file("filled.xlsx")
        try fill(template, [s.hostile: Fill(status: "落地", completed: "250"), s.landed: Fill(unchanged: "是")], to: filled)
        let resaved = file("resaved")
        try libreOffice(["--convert-to", "xlsx"], [filled], into: resaved)
        let result = try repo.importFile(.updates, from: resaved + "/filled.xlsx")
        #expect(result.problems.isEmpty, "\(result.problems)")
        #expect(result.added == 2 && result.committed)
        #expect(try repo.projectHistory(s.hostile).project.completed.yuan == 2_500_000)
    }
}
