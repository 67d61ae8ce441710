import Foundation
import Testing
@testable import DuikouKit

/// The pieces of the `.xlsx` writer: exact 万元 text, Excel serial dates, escaping, names, and the
/// zip file read back by Python's `zipfile` (an independent reader over zlib).
@Suite struct XLSXWriterTests {
    @Test func wanIsExactDecimalText() {
        #expect(SheetXML.wan(0) == "0")
        #expect(SheetXML.wan(1) == "0.0001")
        #expect(SheetXML.wan(10) == "0.001")
        #expect(SheetXML.wan(12_345) == "1.2345")
        #expect(SheetXML.wan(10_000) == "1")
        #expect(SheetXML.wan(1_250_000_000) == "125000")
        #expect(SheetXML.wan(3_967_000_000) == "396700")
        #expect(SheetXML.wan(-35_000) == "-3.5")
        #expect(SheetXML.wan(-1) == "-0.0001")
        #expect(SheetXML.wan(Int64.max) == "922337203685477.5807")
        #expect(SheetXML.wan(Int64.min) == "-922337203685477.5808")
    }

    @Test func serialDatesFollowExcels1900System() throws {
        #expect(SheetXML.serial(try LocalDate(year: 1900, month: 1, day: 1)) == 1)
        #expect(SheetXML.serial(try LocalDate(year: 1900, month: 2, day: 28)) == 59)
        // Excel's serial 60 is a 1900-02-29 that never was.
        #expect(SheetXML.serial(try LocalDate(year: 1900, month: 3, day: 1)) == 61)
        #expect(SheetXML.serial(try LocalDate(year: 1970, month: 1, day: 1)) == 25_569)
        #expect(SheetXML.serial(try LocalDate(year: 2019, month: 5, day: 9)) == 43_594)
        #expect(SheetXML.serial(try LocalDate(year: 2024, month: 2, day: 29)) == 45_351)
        #expect(SheetXML.serial(try LocalDate(year: 2999, month: 12, day: 31)) == 401_768)
        // Excel's last day; LocalDate itself refuses years past 2999.
        #expect(SheetXML.serial(LocalDate(unchecked: 9999, 12, 31)) == 2_958_465)
        #expect(throws: DuikouError.self) { try LocalDate(year: 9999, month: 12, day: 31) }
    }

    private func escaped(_ text: String) -> String {
        var out: [UInt8] = []
        SheetXML.appendEscaped(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test func escapingKeepsEveryTextReadable() {
        #expect(escaped("a<b>&c \"q\" 'q'") == "a&lt;b&gt;&amp;c \"q\" 'q'")
        #expect(escaped("哈尔滨 😀 ✓") == "哈尔滨 😀 ✓")
        #expect(escaped("two\nlines\tand tab") == "two\nlines\tand tab")
        #expect(escaped("crlf\r\n") == "crlf&#13;\n")
        #expect(escaped("nul\u{0}bell\u{7}esc\u{1B}") == "nul_x0000_bell_x0007_esc_x001B_")
        #expect(escaped("\u{FFFE}\u{FFFF}\u{FFFD}") == "_xFFFE__xFFFF_\u{FFFD}")
        #expect(escaped("_x0041_ and _X00aF_ but _x00G1_ and _x004") == "_x005F_x0041_ and _x005F_X00aF_ but _x00G1_ and _x004")
        #expect(SheetXML.needsPreserve(" lead"))
        #expect(SheetXML.needsPreserve("trail\n"))
        #expect(!SheetXML.needsPreserve("in side"))
    }

    @Test func columnLettersAndSheetNames() {
        #expect(SheetXML.column(0) == "A")
        #expect(SheetXML.column(25) == "Z")
        #expect(SheetXML.column(26) == "AA")
        #expect(SheetXML.column(701) == "ZZ")
        #expect(SheetXML.column(702) == "AAA")
        #expect(SheetXML.column(16_383) == "XFD")
        #expect(SheetXML.sheetName("a[b]:c*?/\\d") == "a_b__c____d")
        #expect(SheetXML.sheetName("'引号'") == "引号")
        #expect(SheetXML.sheetName("") == "Sheet")
        #expect(SheetXML.sheetName(String(repeating: "项", count: 40)) == String(repeating: "项", count: 31))
    }

    @Test func workbookReadsBackThroughPythonsZipfile() throws {
        let folder = try TemporaryDatabase()
        let path = folder.folder.appendingPathComponent("book.xlsx").path
        let writer = try XLSXWriter(path: path)
        try writer.beginSheet("项目[1]", columns: [SheetColumn(key: "title", header: "名称", width: 20),
                                                 SheetColumn(key: "amount", header: "金额（万元）", width: 16),
                                                 SheetColumn(key: "date", header: "日期", width: 12)])
        let hostile = "\"引号\", <b>&amp; 😀\n第二行\r\n\u{0}\u{1}_x0041_ "
        // Enough rows to cross many buffer flushes and deflate blocks.
        for index in 0..<30_000 {
            try writer.appendRow([.text("\(hostile)\(index)"), .wan(Int64(index) * 12_345), .date(try LocalDate(year: 2024, month: 2, day: 29))],
                                 record: "row \(index)")
        }
        try writer.beginSheet("项目[1]", columns: [])
        try writer.appendRow([.empty, .number("42")], record: nil)
        try writer.finish()
        #expect(!FileManager.default.fileExists(atPath: path + ".part-\(getpid())"))

        let script = """
            import sys, zipfile, xml.etree.ElementTree as ET
            z = zipfile.ZipFile(sys.argv[1])
            assert z.testzip() is None
            ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
            book = ET.fromstring(z.read('xl/workbook.xml'))
            print('|'.join(s.get('name') for s in book.find('m:sheets', ns)))
            sheet = ET.fromstring(z.read('xl/worksheets/sheet1.xml'))
            rows = sheet.find('m:sheetData', ns)
            print(len(rows))
            last = rows[-1]
            print(repr(''.join(last[0].itertext())))
            print(last[1].find('m:v', ns).text, last[2].find('m:v', ns).text, last[1].get('s'), last[2].get('s'))
            print(sheet.find('m:sheetViews/m:sheetView/m:pane', ns).get('state'))
            ET.fromstring(z.read('[Content_Types].xml')); ET.fromstring(z.read('xl/styles.xml'))
            print(','.join(sorted(z.namelist())))
            """
        let output = try python(script, path)
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.count == 6, "\(output)")
        guard lines.count == 6 else { return }
        #expect(lines[0] == "项目_1_|项目_1_ (2)")
        #expect(lines[1] == "30001")
        // The XML parser sees the escapes as text; Excel and LibreOffice turn _xHHHH_ back into characters.
        #expect(lines[2] == #"'"引号", <b>&amp; 😀\n第二行\r\n_x0000__x0001__x005F_x0041_ 29999'"#)
        #expect(lines[3] == "37033.7655 45351 2 3")
        #expect(lines[4] == "frozen")
        #expect(lines[5] == "[Content_Types].xml,_rels/.rels,xl/_rels/workbook.xml.rels,xl/styles.xml,xl/workbook.xml,xl/worksheets/sheet1.xml,xl/worksheets/sheet2.xml")
    }

    @Test func textLongerThanACellHoldsIsRefusedNamingRecordAndField() throws {
        let folder = try TemporaryDatabase()
        let path = folder.folder.appendingPathComponent("long.xlsx").path
        do {
            let writer = try XLSXWriter(path: path)
            try writer.beginSheet("s", columns: [SheetColumn(key: "id", header: "编号", width: 10), SheetColumn(key: "description", header: "简介", width: 10)])
            try writer.appendRow([.text("short"), .text(String(repeating: "长", count: 32_767))], record: "project a")
            let error = #expect(throws: DuikouError.self) {
                try writer.appendRow([.text("x"), .text(String(repeating: "长", count: 32_768))], record: "project b")
            }
            #expect(error?.code == .invalidInput)
            #expect(error?.field == "description")
            #expect(error?.recordID == "project b")
        }
        // The writer went away unfinished: neither the file nor its temporary remains.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.folder.path).isEmpty)
    }

    private func python(_ script: String, _ argument: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, argument]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }
}

/// The library's spreadsheet export API, synchronous and async.
@Suite struct SpreadsheetExportAPITests {
    @Test func asyncTwinsWriteTheSameWorkbookAndCSV() async throws {
        let database = try TemporaryDatabase()
        let repository = try database.open()
        try await repository.addProject(NewProject(pairing: "liaoning-jiangsu", task: "2.2", title: "“引号” <b> & 😀 第二行",
                                             planned: try Money(yuan: 123_456_789), status: .landed, date: try LocalDate(parsing: "2024-02-29")))
        let first = database.folder.appendingPathComponent("sync.xlsx").path
        let second = database.folder.appendingPathComponent("async.xlsx").path
        let synchronous = { () throws -> Int in try repository.exportXLSX(.projects, to: first) }
        #expect(try synchronous() == 1)
        #expect(try await repository.exportXLSX(.projects, to: second) == 1)
        #expect(FileManager.default.contents(atPath: first) == FileManager.default.contents(atPath: second))
        try await repository.exportProgressXLSX(to: database.folder.appendingPathComponent("progress.xlsx").path)

        let collected = Collected()
        try await repository.exportCSV(.projects, options: SpreadsheetOptions(pairing: "liaoning-jiangsu")) { collected.append($0) }
        let lines = collected.text
        #expect(lines.contains("计划总投资（万元）"))
        #expect(lines.contains(",12345.6789,"))
        #expect(lines.contains(",2024-02-29,"))
        #expect(lines.contains("辽宁省—江苏省"))
        let progress = Collected()
        let rows = try await repository.exportProgressCSV(by: .pairing, options: SpreadsheetOptions(pairing: "liaoning-jiangsu"),
                                                          byteOrderMark: true) { progress.append($0) }
        let progressLines = progress.text.split(separator: "\r\n").map(String.init)
        #expect(rows == 2 && progressLines.count == 3)
        #expect(progressLines.first?.hasPrefix("\u{FEFF}代码,名称,项目数,") == true)
        #expect(progressLines.dropFirst().first?.hasPrefix("liaoning-jiangsu,辽宁省—江苏省,1,") == true)
        #expect(progressLines.dropFirst().first?.contains(",12345.6789,") == true)
        #expect(progressLines.last?.hasPrefix("合计,,1,") == true)
        let missing = await #expect(throws: DuikouError.self) {
            try await repository.exportXLSX(.projects, to: first, options: SpreadsheetOptions(pairing: "nowhere"))
        }
        #expect(missing?.code == .notFound)
    }
}

/// Text handed to an export's sink from another thread.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [String] = []

    func append(_ part: String) { lock.withLock { parts.append(part) } }
    var text: String { lock.withLock { parts.joined() } }
}
