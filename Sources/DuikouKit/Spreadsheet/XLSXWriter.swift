/// One cell of a sheet.
enum SheetCell: Hashable {
    /// Nothing: the cell is left out.
    case empty
    /// Text, written as an inline string.
    case text(String)
    /// A number given as decimal text (`42`, `12.5`), in the general format.
    case number(String)
    /// An amount of yuan, written in 万元 as exact decimal text with the 万元 format.
    case wan(Int64)
    /// A date, written as Excel's serial day number with the date format.
    case date(LocalDate)
    /// A rate, written as a number with the percentage format.
    case percent(Double)
    /// No value, but a style: a fill-in cell of a template, unlocked on a protected sheet.
    case blank(XLSXStyle)
}

/// A column of a sheet: its header, the key that errors name it by, and its width in characters.
struct SheetColumn: Hashable {
    let key: String
    let header: String
    let width: Int
    /// The style of the column's cells that have none of their own (an unlocked one for fill-in columns).
    var style: XLSXStyle? = nil
}

/// What a sheet has besides its cells: protection, and drop-down lists of values to choose from.
struct SheetLayout: Hashable {
    /// A drop-down list (a data validation of type `list`) over a column's data rows.
    struct Choice: Hashable {
        /// The 0-based column.
        let column: Int
        /// The values offered, in order.
        let values: [String]
    }

    /// Whether the sheet is protected: only cells in an unlocked style (``XLSXStyle/input``…) can be
    /// edited; no password, so protection guards against slips, not against intent.
    var protected = false
    /// The drop-down lists.
    var choices: [Choice] = []

    /// The most characters Excel takes in a list written out in its formula (`"谋划,洽谈"`).
    static let maxListLength = 255
}

/// Writes an `.xlsx` workbook (Office Open XML SpreadsheetML) sheet by sheet and row by row,
/// straight through deflate to the file: memory stays at one row and a 64 KiB buffer however many
/// rows there are.
///
/// Text is written as inline strings (`t="inlineStr"`) rather than in a shared-strings table: a
/// shared table must be complete before the workbook is, so every distinct string would be held in
/// memory until the end. Each sheet has a bold, frozen header row and set column widths.
final class XLSXWriter {
    private static let flushSize = 1 << 16
    /// The most rows a sheet holds.
    static let maxRows = 1_048_576

    private let zip: ZipWriter
    private var sheetNames: [String] = []
    private var buffer: [UInt8] = []
    private var columns: [SheetColumn] = []
    private var rows = 0
    private var sheetOpen = false
    private var layout = SheetLayout()

    /// Starts a workbook at `path`, written under a temporary name and moved into place by ``finish()``.
    init(path: String) throws {
        zip = try ZipWriter(path: path)
        buffer.reserveCapacity(Self.flushSize * 2)
    }

    /// Starts a sheet named `name` (made valid and unique) with a header row of `columns`, and
    /// `layout`'s protection and drop-down lists (written when the sheet ends).
    ///
    /// - Throws: ``DuikouError/Code/invalidInput`` for a drop-down list longer than Excel takes.
    func beginSheet(_ name: String, columns: [SheetColumn], layout: SheetLayout = SheetLayout()) throws {
        if sheetOpen { try endSheet() }
        var unique = SheetXML.sheetName(name)
        var suffix = 2
        while sheetNames.contains(where: { $0.lowercased() == unique.lowercased() }) {
            let tail = " (\(suffix))"
            unique = SheetXML.sheetName(String(SheetXML.sheetName(name).prefix(SheetXML.maxSheetNameLength - tail.count)) + tail)
            suffix += 1
        }
        for choice in layout.choices where Self.listFormula(choice.values).count - 2 > SheetLayout.maxListLength {
            throw DuikouError(.invalidInput, "sheet \(DuikouError.quoted(unique)): the list of values of column \(SheetXML.column(choice.column)) is longer than the \(SheetLayout.maxListLength) characters a spreadsheet takes")
        }
        sheetNames.append(unique)
        self.columns = columns
        self.layout = layout
        rows = 0
        sheetOpen = true
        try zip.beginEntry("xl/worksheets/sheet\(sheetNames.count).xml")
        buffer += """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>\
            <selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>\
            <sheetFormatPr defaultRowHeight="15"/>
            """.utf8
        if !columns.isEmpty {
            buffer += "<cols>".utf8
            for (index, column) in columns.enumerated() {
                buffer += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(column.width)\" customWidth=\"1\"".utf8
                if let style = column.style { buffer += " style=\"\(style.rawValue)\"".utf8 }
                buffer += "/>".utf8
            }
            buffer += "</cols>".utf8
        }
        buffer += "<sheetData>".utf8
        try appendRow(columns.map { .text($0.header) }, style: .header, record: nil)
    }

    /// Adds a row of cells, in the order of the sheet's columns.
    ///
    /// - Parameter record: what errors call the row's record, such as `project 4c1d…`.
    /// - Throws: ``DuikouError/Code/invalidInput`` for text longer than a cell holds, naming the
    ///   record and the column, or for a row past the last a sheet holds.
    func appendRow(_ cells: [SheetCell], record: String?) throws {
        try appendRow(cells, style: nil, record: record)
    }

    private func appendRow(_ cells: [SheetCell], style: XLSXStyle?, record: String?) throws {
        guard rows < Self.maxRows else {
            throw DuikouError(.invalidInput, "sheet \(DuikouError.quoted(sheetNames.last ?? "")): more than \(Self.maxRows - 1) records, the most a sheet holds below its header")
        }
        rows += 1
        let rowText = String(rows)
        buffer += "<row r=\"".utf8
        buffer += rowText.utf8
        buffer += "\">".utf8
        for (index, cell) in cells.enumerated() {
            if case .empty = cell { continue }
            buffer += "<c r=\"".utf8
            buffer += SheetXML.column(index).utf8
            buffer += rowText.utf8
            buffer += "\"".utf8
            switch cell {
            case .empty: break
            case .blank(let style): buffer += " s=\"\(style.rawValue)\"/>".utf8
            case .text(let text):
                if text.utf16.count > SheetXML.maxTextLength {
                    let field = index < columns.count ? columns[index].key : SheetXML.column(index)
                    throw DuikouError(.invalidInput, "\(record ?? "header"): \(field) is \(text.utf16.count) characters long; a spreadsheet cell holds at most \(SheetXML.maxTextLength); nothing was written",
                                      field: field, recordID: record)
                }
                if let style { buffer += " s=\"\(style.rawValue)\"".utf8 }
                buffer += (SheetXML.needsPreserve(text) ? " t=\"inlineStr\"><is><t xml:space=\"preserve\">" : " t=\"inlineStr\"><is><t>").utf8
                SheetXML.appendEscaped(text, to: &buffer)
                buffer += "</t></is></c>".utf8
            case .number(let text): appendValue(text, style: style)
            case .wan(let yuan): appendValue(SheetXML.wan(yuan), style: .wan)
            case .date(let date): appendValue(String(SheetXML.serial(date)), style: .date)
            case .percent(let rate): appendValue(rate.isFinite ? String(rate) : "0", style: .percent)
            }
        }
        buffer += "</row>".utf8
        if buffer.count >= Self.flushSize { try flush() }
    }

    private func appendValue(_ text: String, style: XLSXStyle?) {
        if let style, style != .plain { buffer += " s=\"\(style.rawValue)\"".utf8 }
        buffer += "><v>".utf8
        buffer += text.utf8
        buffer += "</v></c>".utf8
    }

    /// Ends the open sheet.
    func endSheet() throws {
        guard sheetOpen else { return }
        sheetOpen = false
        buffer += "</sheetData>".utf8
        if layout.protected {
            buffer += "<sheetProtection sheet=\"1\" objects=\"1\" scenarios=\"1\" formatColumns=\"0\" formatRows=\"0\"/>".utf8
        }
        if !layout.choices.isEmpty && rows > 1 {
            buffer += "<dataValidations count=\"\(layout.choices.count)\">".utf8
            for choice in layout.choices {
                let column = SheetXML.column(choice.column)
                buffer += "<dataValidation type=\"list\" allowBlank=\"1\" showErrorMessage=\"1\" sqref=\"\(column)2:\(column)\(rows)\"><formula1>".utf8
                SheetXML.appendEscaped(Self.listFormula(choice.values), to: &buffer)
                buffer += "</formula1></dataValidation>".utf8
            }
            buffer += "</dataValidations>".utf8
        }
        buffer += "</worksheet>".utf8
        try flush()
        try zip.endEntry()
    }

    /// Writes the workbook's remaining parts and moves the file into place.
    func finish() throws {
        try endSheet()
        if sheetNames.isEmpty {
            try beginSheet("Sheet", columns: [])
            try endSheet()
        }
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        let sheets = sheetNames.indices

        var types = declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        types += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        types += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        types += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        for index in sheets {
            types += "<Override PartName=\"/xl/worksheets/sheet\(index + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        types += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/></Types>"
        try addPart("[Content_Types].xml", types)

        try addPart("_rels/.rels", declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"\(relationships)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>")

        var workbook = declaration + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\"><bookViews><workbookView/></bookViews><sheets>"
        for (index, name) in sheetNames.enumerated() {
            var escaped: [UInt8] = []
            SheetXML.appendEscaped(name, to: &escaped)
            workbook += "<sheet name=\"\(String(decoding: escaped, as: UTF8.self).replacingEvery("\"", with: "&quot;"))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        workbook += "</sheets></workbook>"
        try addPart("xl/workbook.xml", workbook)

        var rels = declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for index in sheets {
            rels += "<Relationship Id=\"rId\(index + 1)\" Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
        }
        rels += "<Relationship Id=\"rId\(sheetNames.count + 1)\" Type=\"\(relationships)/styles\" Target=\"styles.xml\"/></Relationships>"
        try addPart("xl/_rels/workbook.xml.rels", rels)
        try addPart("xl/styles.xml", XLSXStyle.stylesXML)
        try zip.finish()
    }

    private func addPart(_ name: String, _ text: String) throws {
        try zip.beginEntry(name)
        var bytes = Array(text.utf8)
        try bytes.withUnsafeMutableBytes { try zip.add(UnsafeRawBufferPointer($0)) }
        try zip.endEntry()
    }

    /// A list of values as a data validation's formula: in double quotes, separated by commas.
    private static func listFormula(_ values: [String]) -> String {
        "\"" + values.joined(separator: ",") + "\""
    }

    private func flush() throws {
        try buffer.withUnsafeBytes { try zip.add($0) }
        buffer.removeAll(keepingCapacity: true)
    }
}
