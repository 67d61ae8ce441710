import Foundation
import Testing
@testable import DuikouKit

/// Importing `.xlsx` workbooks built here: Chinese headers with units, every date form, shared and
/// inline strings, formula cells, empty rows and trailing formatting; and hostile files, each refused
/// with its error code and nothing written.
@Suite struct SpreadsheetImportTests {
    private let db: TemporaryDatabase
    private let repo: Repository

    init() throws {
        db = try TemporaryDatabase()
        repo = try db.open()
    }

    private func path(_ name: String = "book.xlsx") -> String { db.folder.appendingPathComponent(name).path }

    private func write(_ sheets: [XLSXFixture.Sheet], strings: [String] = [], date1904: Bool = false, name: String = "book.xlsx") throws -> String {
        let file = path(name)
        try XLSXFixture.write(sheets, strings: strings, date1904: date1904, to: file)
        return file
    }

    private func write(bytes: [UInt8], name: String = "book.xlsx") throws -> String {
        let file = path(name)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    private func projectCount() throws -> Int { try repo.projects().count }

    /// Asserts that importing `file` throws an error with `code` and writes nothing.
    private func expectRefused(_ file: String, _ code: DuikouError.Code, limits: SpreadsheetLimits = .standard) throws {
        let error = #expect(throws: DuikouError.self) {
            try repo.write { try $0.importSpreadsheet(.projects, from: file, dryRun: false, limits: limits) }
        }
        #expect(error?.code == code)
        #expect(try projectCount() == 0)
    }

    @Test func chineseHeadersWithUnitsSharedAndInlineStringsFormulaAndDates() throws {
        let x = XLSXFixture.self
        let rows = [
            x.row(1, x.shared("A1", 0), x.shared("B1", 1), x.shared("C1", 2), x.shared("D1", 3), x.shared("E1", 4), x.shared("F1", 5), x.shared("G1", 6)),
            x.row(2, x.text("A2", "harbin-shenzhen"), x.text("B2", "2.1"), x.shared("C2", 7), x.text("D2", "在建"),
                  x.number("E2", "45352", style: 1), x.number("F2", "1114.79"), x.number("G2", "0.25", style: 3)),
            // An empty row, then a row whose amount is a formula's cached value and whose date is text.
            "<row r=\"3\"><c r=\"A3\" s=\"2\"/></row>",
            x.row(4, x.text("A4", "harbin-shenzhen"), x.text("B4", "2.1"), x.text("C4", "公式项目"), x.text("D4", "签约"),
                  x.text("E4", "2024年3月1日"), "<c r=\"F4\"><f>F2*2</f><v>2229.58</v></c>", x.text("G4", "3亿")),
            x.row(5, x.text("A5", "harbin-shenzhen"), x.text("B5", "2.1"), x.text("C5", "斜杠日期"), x.text("E5", "2024/3/1"),
                  x.number("F5", "1.5E+1"), "<c r=\"H5\" s=\"3\"/><c r=\"Z5\" s=\"2\"/>"),
            x.row(6, x.text("A6", "harbin-shenzhen"), x.text("B6", "2.1"), x.text("C6", "点号日期"), x.text("E6", "2024.3.1"),
                  x.number("E6x", "0").replacingOccurrences(of: "E6x", with: "H6").replacingOccurrences(of: "<v>0</v>", with: "")),
            x.row(7, x.text("A7", "harbin-shenzhen"), x.text("B7", "2.1"), x.text("C7", "日期格"), x.number("E7", "45352", style: 2)),
        ]
        let strings = ["对口合作关系", "任务", "项目名称", "状态", "日期", "计划总投资（亿元）", "累计完成投资(万元)", "共享字符串项目"]
        let file = try write([XLSXFixture.Sheet(name: "项目", rows: rows.joined())], strings: strings)
        let result = try repo.importFile(.projects, from: file)
        #expect(result.problems.isEmpty, "\(result.problems)")
        #expect(result.added == 5)
        #expect(result.sheet == "项目")
        let projects = Dictionary(uniqueKeysWithValues: try repo.projects().map { ($0.title, $0) })
        let shared = try #require(projects["共享字符串项目"])
        #expect(shared.planned?.yuan == 111_479_000_000)
        #expect(shared.completed.yuan == 2_500)
        #expect(shared.statusDate.description == "2024-03-01")
        #expect(shared.status == .started)
        let formula = try #require(projects["公式项目"])
        #expect(formula.planned?.yuan == 222_958_000_000)
        #expect(formula.completed.yuan == 300_000_000)
        #expect(formula.statusDate.description == "2024-03-01")
        #expect(projects["斜杠日期"]?.planned?.yuan == 1_500_000_000)
        #expect(projects["斜杠日期"]?.statusDate.description == "2024-03-01")
        #expect(projects["点号日期"]?.statusDate.description == "2024-03-01")
        #expect(projects["日期格"]?.statusDate.description == "2024-03-01")
    }

    @Test func date1904SystemAndOnePrecisionTooMany() throws {
        let x = XLSXFixture.self
        let rows = x.header(1, ["pairing", "task", "title", "date", "planned (元)"])
            + x.row(2, x.text("A2", "harbin-shenzhen"), x.text("B2", "2.1"), x.text("C2", "1904"), x.number("D2", "43890", style: 1), x.number("E2", "12.5"))
        let file = try write([XLSXFixture.Sheet(name: "Sheet1", rows: rows)], date1904: true)
        let result = try repo.importFile(.projects, from: file, dryRun: true)
        // 12.5 yuan is finer than a yuan: refused, naming the cell.
        #expect(result.problems.map(\.cell) == ["Sheet1!E2"])
        #expect(result.problems.first?.column == "planned")
        let fixed = rows.replacingOccurrences(of: "<v>12.5</v>", with: "<v>12</v>")
        let good = try write([XLSXFixture.Sheet(name: "Sheet1", rows: fixed)], date1904: true, name: "good.xlsx")
        #expect(try repo.importFile(.projects, from: good).added == 1)
        // 1904 system: serial 43890 is 2024-03-01 (1462 days later than in the 1900 system).
        #expect(try repo.projects().first?.statusDate.description == "2024-03-01")
        #expect(try repo.projects().first?.planned?.yuan == 12)
    }

    @Test func firstMatchingSheetIsUsedAndProblemsNameQuotedSheets() throws {
        let x = XLSXFixture.self
        let notes = XLSXFixture.Sheet(name: "说明", rows: x.header(1, ["填表说明"]))
        let long = String(repeating: "长", count: 31) + "'s"
        let data = XLSXFixture.Sheet(name: long, rows: x.header(1, ["pairing", "task", "title", "date"])
            + x.row(2, x.text("A2", "harbin-shenzhen"), x.text("B2", "2.1"), x.text("C2", "坏日期"), x.text("D2", "2024/2/30")))
        let file = try write([notes, data])
        let result = try repo.importFile(.projects, from: file)
        #expect(result.sheet == long)
        #expect(result.problems.map(\.cell) == ["'\(String(repeating: "长", count: 31))''s'!D2"])
        #expect(try projectCount() == 0)
        let none = try write([notes], name: "none.xlsx")
        let missed = try repo.importFile(.projects, from: none)
        #expect(missed.sheet == nil)
        #expect(missed.problemCount > 0)
        #expect(missed.problems.allSatisfy { $0.cell?.hasPrefix("说明!") == true })
    }

    @Test func controlCharactersAndErrorValuesAreCellProblems() throws {
        let x = XLSXFixture.self
        let rows = x.header(1, ["pairing", "task", "title"])
            + x.row(2, x.text("A2", "harbin-shenzhen"), x.text("B2", "2.1"), "<c r=\"C2\" t=\"inlineStr\"><is><t>a&#0;b</t></is></c>")
            + x.row(3, x.text("A3", "harbin-shenzhen"), x.text("B3", "2.1"), "<c r=\"C3\" t=\"inlineStr\"><is><t>a_x0001_b</t></is></c>")
            + x.row(4, x.text("A4", "harbin-shenzhen"), "<c r=\"B4\" t=\"e\"><v>#N/A</v></c>", x.text("C4", "ok"))
        let result = try repo.importFile(.projects, from: try write([XLSXFixture.Sheet(name: "S", rows: rows)]))
        #expect(result.problems.map(\.cell) == ["S!C2", "S!C3", "S!B4"])
        #expect(try projectCount() == 0)
    }

    @Test func csvGainsUnitsAndWrittenDates() throws {
        let file = path("input.csv")
        try Data("对口合作关系,任务,项目名称,日期,计划总投资（亿元）\nharbin-shenzhen,2.1,CSV项目,2024年3月1日,1.5\n".utf8).write(to: URL(fileURLWithPath: file))
        let result = try repo.importFile(.projects, from: file)
        #expect(result.problems.isEmpty, "\(result.problems)")
        #expect(try repo.projects().first?.planned?.yuan == 150_000_000)
        #expect(try repo.projects().first?.statusDate.description == "2024-03-01")
    }

    // MARK: - Hostile files

    @Test func notAZipAndAZipWithoutWorkbook() throws {
        try expectRefused(try write(bytes: Array("pairing,task,title\n".utf8)), .invalidInput)
        try expectRefused(try write(bytes: XLSXFixture.zip([.init(name: "hello.txt", data: Array("hi".utf8))]), name: "plain.zip"), .invalidInput)
        try expectRefused(path("missing.xlsx"), .notFound)
        var encrypted = XLSXFixture.entries([XLSXFixture.Sheet(name: "S", rows: "")])
        encrypted[0].deflated = false
        try expectRefused(try write(bytes: XLSXFixture.zip(encrypted, flags: 1), name: "encrypted.xlsx"), .invalidInput)
        try expectRefused(try write(bytes: XLSXFixture.zip(encrypted, method: 12), name: "bzip2.xlsx"), .invalidInput)
    }

    @Test func zipBombsAreRefused() throws {
        let zeros = [UInt8](repeating: 0x20, count: 50 << 20)
        var entries = XLSXFixture.entries([XLSXFixture.Sheet(name: "S", rows: "")])
        entries.append(.init(name: "xl/worksheets/sheet1.xml", data: zeros))
        entries.removeAll { $0.name == "xl/worksheets/sheet1.xml" && $0.data.count < 1000 }
        let file = try write(bytes: XLSXFixture.zip(entries), name: "bomb.xlsx")
        // At the real limits: 50 MB of spaces from a file of about 50 KB is over 100 times its size.
        try expectRefused(file, .invalidInput)
        // With the limits lowered: refused from the declared sizes, and from the bytes actually
        // inflated when the headers lie about them.
        var limits = SpreadsheetLimits()
        limits.minimumAllowance = 1 << 20
        limits.maximumRatio = 10
        let rows = String(repeating: "<row/>", count: 400_000)
        try expectRefused(try write([XLSXFixture.Sheet(name: "S", rows: rows)], name: "wide.xlsx"), .invalidInput, limits: limits)
        var lying = XLSXFixture.entries([XLSXFixture.Sheet(name: "S", rows: rows)])
        for index in lying.indices { lying[index].declaredSize = 100 }
        try expectRefused(try write(bytes: XLSXFixture.zip(lying), name: "lying.xlsx"), .invalidInput, limits: limits)
    }

    @Test func doctypeAndEntitiesAreNeverResolved() throws {
        let x = XLSXFixture.self
        let external = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
        var entries = XLSXFixture.entries([XLSXFixture.Sheet(name: "S", rows: x.header(1, ["pairing", "task", "title"]))])
        let index = try #require(entries.firstIndex { $0.name == "xl/worksheets/sheet1.xml" })
        entries[index].data = Array("<?xml version=\"1.0\"?>\(external)<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&e;</t></is></c></row></sheetData></worksheet>".utf8)
        try expectRefused(try write(bytes: XLSXFixture.zip(entries), name: "xxe.xlsx"), .invalidInput)
        entries[index].data = Array("<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>".utf8)
        try expectRefused(try write(bytes: XLSXFixture.zip(entries), name: "laughs.xlsx"), .invalidInput)
    }

    @Test func oversizedTagsAreRefusedAndPrefixedNamesRead() throws {
        let x = XLSXFixture.self
        let header = x.header(1, ["pairing", "task", "title"])
        let many = (0...XMLTokenizer.maximumAttributes).map { " a\($0)=\"x\"" }.joined()
        try expectRefused(try write([XLSXFixture.Sheet(name: "S", rows: header + "<row r=\"2\"\(many)/>")], name: "attributes.xlsx"), .invalidInput)
        let half = String(repeating: "长", count: 200_000)
        try expectRefused(try write([XLSXFixture.Sheet(name: "S", rows: header + "<row r=\"2\" a=\"\(half)\" b=\"\(half)\"/>")], name: "tag.xlsx"), .invalidInput)

        // Names with a namespace prefix, split across the tokenizer's 64 KiB reads, are read by their local names.
        let filler = "<x:row r=\"2\"></x:row>" + (3...4000).map { "<x:row r=\"\($0)\"/>" }.joined()
        let cells = "<x:row r=\"4001\"><x:c r=\"A4001\" t=\"inlineStr\"><x:is><x:t>harbin-shenzhen</x:t></x:is></x:c>"
            + "<x:c r=\"B4001\" t=\"inlineStr\"><x:is><x:t>2.1</x:t></x:is></x:c>"
            + "<x:c r=\"C4001\" t=\"inlineStr\"><x:is><x:t>前缀“项目”</x:t></x:is></x:c></x:row>"
        let file = try write([XLSXFixture.Sheet(name: "S", rows: header + filler + cells)], name: "prefixed.xlsx")
        let result = try repo.importFile(.projects, from: file)
        #expect(result.problems.isEmpty && result.added == 1, "\(result.problems)")
        #expect(try repo.projects().map(\.title) == ["前缀“项目”"])
    }

    @Test func sheetLimits() throws {
        let x = XLSXFixture.self
        let header = x.header(1, ["pairing", "task", "title"])
        try expectRefused(try write([XLSXFixture.Sheet(name: "S", rows: header + x.row(1_048_577, x.text("A1048577", "x")))], name: "rows.xlsx"), .invalidInput)
        try expectRefused(try write([XLSXFixture.Sheet(name: "S", rows: header + "<row r=\"2\"><c r=\"XFE2\"><v>1</v></c></row>")], name: "cols.xlsx"), .invalidInput)
        let long = String(repeating: "长", count: 32_768)
        try expectRefused(try write([XLSXFixture.Sheet(name: "It's", rows: header + x.row(2, x.text("A2", "harbin-shenzhen"), x.text("B2", "2.1"), x.text("C2", long)))], name: "long.xlsx"), .invalidInput)
        let error = #expect(throws: DuikouError.self) { try repo.importFile(.projects, from: path("long.xlsx")) }
        #expect(error?.message.contains(":'It''s'!C2: ") == true)
    }

    @Test func referencesAndNumbers() throws {
        #expect(SheetRowReader.parseReference("AA10")! == (27, 10))
        #expect(SheetRowReader.parseReference("XFD1048576")! == (16_384, 1_048_576))
        #expect(SheetRowReader.parseReference("A") == nil)
        #expect(SheetRowReader.columnName(16_384) == "XFD")
        #expect(CellNumber.plainDecimal("1.5E+3") == "1500")
        #expect(CellNumber.plainDecimal("2.5E-2") == "0.025")
        #expect(CellNumber.plainDecimal("0.30000000000000004") == "0.30000000000000004")
        #expect(CellNumber.plainDecimal("12abc") == nil)
        #expect(CellFormats.isDateFormat("yyyy\"年\"m\"月\"d\"日\""))
        #expect(CellFormats.isDateFormat("[$-804]yyyy/m/d"))
        #expect(!CellFormats.isDateFormat("[h]:mm:ss"))
        #expect(!CellFormats.isDateFormat("General"))
        #expect(!CellFormats.isDateFormat("#,##0.00\"万元\""))
        #expect(try CellNumber.date(serial: "1", system1904: false).description == "1900-01-01")
        #expect(try CellNumber.date(serial: "61", system1904: false).description == "1900-03-01")
        #expect(try CellNumber.date(serial: "45352", system1904: false).description == "2024-03-01")
        #expect(throws: DuikouError.self) { try CellNumber.date(serial: "60", system1904: false) }
    }
}
