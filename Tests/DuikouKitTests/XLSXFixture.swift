import CZlib
import Foundation

/// Builds `.xlsx` files (zip archives of SpreadsheetML) in the tests, so that every fixture is
/// regenerated from its source here rather than kept as a binary.
enum XLSXFixture {
    /// One entry of a zip archive.
    struct Entry {
        var name: String
        var data: [UInt8]
        var deflated = true
        /// The uncompressed size the headers declare, when it is to lie.
        var declaredSize: Int? = nil
    }

    /// `data` compressed as raw deflate.
    static func deflate(_ data: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        deflateInit2_(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(data.count))) + 64)
        var input = data
        let written = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                stream.next_in = inputBuffer.baseAddress
                stream.avail_in = UInt32(inputBuffer.count)
                stream.next_out = outputBuffer.baseAddress
                stream.avail_out = UInt32(outputBuffer.count)
                _ = CZlib.deflate(&stream, Z_FINISH)
                return outputBuffer.count - Int(stream.avail_out)
            }
        }
        return Array(output[..<written])
    }

    /// A zip archive of `entries`, with their true sizes and CRCs unless `declaredSize` overrides the size.
    static func zip(_ entries: [Entry], flags: UInt16 = 0, method: UInt16? = nil) -> [UInt8] {
        var out: [UInt8] = []
        var directory: [UInt8] = []
        func le16(_ value: UInt16, _ buffer: inout [UInt8]) { buffer += [UInt8(value & 0xFF), UInt8(value >> 8)] }
        func le32(_ value: UInt32, _ buffer: inout [UInt8]) { for shift in stride(from: 0, to: 32, by: 8) { buffer.append(UInt8((value >> UInt32(shift)) & 0xFF)) } }
        for entry in entries {
            let name = Array(entry.name.utf8)
            let stored = entry.deflated ? deflate(entry.data) : entry.data
            let crc = entry.data.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, UInt32($0.count))) }
            let entryMethod = method ?? (entry.deflated ? 8 : 0)
            let offset = UInt32(out.count)
            le32(0x0403_4B50, &out); le16(20, &out); le16(flags, &out); le16(entryMethod, &out); le16(0, &out); le16(0, &out)
            le32(crc, &out); le32(UInt32(stored.count), &out); le32(UInt32(entry.declaredSize ?? entry.data.count), &out)
            le16(UInt16(name.count), &out); le16(0, &out)
            out += name
            out += stored
            le32(0x0201_4B50, &directory); le16(20, &directory); le16(20, &directory); le16(flags, &directory); le16(entryMethod, &directory)
            le16(0, &directory); le16(0, &directory); le32(crc, &directory); le32(UInt32(stored.count), &directory)
            le32(UInt32(entry.declaredSize ?? entry.data.count), &directory); le16(UInt16(name.count), &directory); le16(0, &directory); le16(0, &directory)
            le16(0, &directory); le16(0, &directory); le32(0, &directory); le32(offset, &directory)
            directory += name
        }
        let directoryOffset = UInt32(out.count)
        out += directory
        le32(0x0605_4B50, &out); le16(0, &out); le16(0, &out); le16(UInt16(entries.count), &out); le16(UInt16(entries.count), &out)
        le32(UInt32(directory.count), &out); le32(directoryOffset, &out); le16(0, &out)
        return out
    }

    /// A sheet: its name and the XML inside `<sheetData>`.
    struct Sheet {
        var name: String
        var rows: String
    }

    /// The entries of a workbook of `sheets`, with `strings` as its shared strings and `styles` as
    /// `xl/styles.xml` (by default one plain style and one date style, `s="1"`).
    static func entries(_ sheets: [Sheet], strings: [String] = [], styles: String? = nil, date1904: Bool = false) -> [Entry] {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var entries: [Entry] = []
        let sheetList = sheets.enumerated().map { "<sheet name=\"\(escape($1.name))\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>" }.joined()
        entries.append(Entry(name: "xl/workbook.xml", data: Array("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="\(main)" xmlns:r="\(rel)"><workbookPr\(date1904 ? " date1904=\"1\"" : "")/><sheets>\(sheetList)</sheets></workbook>
            """.utf8)))
        var relations = sheets.indices.map {
            "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
        }.joined()
        relations += "<Relationship Id=\"rIdS\" Type=\"\(rel)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        relations += "<Relationship Id=\"rIdT\" Type=\"\(rel)/styles\" Target=\"styles.xml\"/>"
        entries.append(Entry(name: "xl/_rels/workbook.xml.rels", data: Array(
            "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(relations)</Relationships>".utf8)))
        for (index, sheet) in sheets.enumerated() {
            entries.append(Entry(name: "xl/worksheets/sheet\(index + 1).xml", data: Array(
                "<?xml version=\"1.0\"?><worksheet xmlns=\"\(main)\"><sheetData>\(sheet.rows)</sheetData></worksheet>".utf8)))
        }
        let items = strings.map { "<si><t xml:space=\"preserve\">\(escape($0))</t></si>" }.joined()
        entries.append(Entry(name: "xl/sharedStrings.xml", data: Array(
            "<?xml version=\"1.0\"?><sst xmlns=\"\(main)\" count=\"\(strings.count)\">\(items)</sst>".utf8)))
        entries.append(Entry(name: "xl/styles.xml", data: Array((styles ?? """
            <?xml version="1.0"?><styleSheet xmlns="\(main)"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>\
            <cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="4"/></cellXfs></styleSheet>
            """).utf8)))
        return entries
    }

    /// Writes a workbook to `path`.
    static func write(_ sheets: [Sheet], strings: [String] = [], styles: String? = nil, date1904: Bool = false, to path: String) throws {
        try Data(zip(entries(sheets, strings: strings, styles: styles, date1904: date1904))).write(to: URL(fileURLWithPath: path))
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// A row of cells, each given as its inner `<c>` XML by reference.
    static func row(_ number: Int, _ cells: String...) -> String { "<row r=\"\(number)\">\(cells.joined())</row>" }

    /// An inline-string cell.
    static func text(_ reference: String, _ value: String) -> String {
        "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(escape(value))</t></is></c>"
    }

    /// A shared-string cell.
    static func shared(_ reference: String, _ index: Int) -> String { "<c r=\"\(reference)\" t=\"s\"><v>\(index)</v></c>" }

    /// A number cell, in style `style` (1 is a date).
    static func number(_ reference: String, _ value: String, style: Int = 0) -> String {
        "<c r=\"\(reference)\" s=\"\(style)\"><v>\(value)</v></c>"
    }

    /// A header row of inline strings starting at column A.
    static func header(_ row: Int, _ names: [String]) -> String {
        "<row r=\"\(row)\">" + names.enumerated().map { text(column($0.offset) + String(row), $0.element) }.joined() + "</row>"
    }

    /// The letter of the 0-based column `index` (A to Z).
    static func column(_ index: Int) -> String { String(UnicodeScalar(UInt8(65 + index))) }
}
