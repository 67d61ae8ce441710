/// Reads the rows of one sheet as a stream, each as the text of its cells by column.
///
/// Numbers come as exact decimal text (`1114.79`), date cells as `YYYY-MM-DD`, booleans as `TRUE` or
/// `FALSE`, formula cells as their cached value. A cell's problems (an error value, a control
/// character) are reported with its column; a sheet beyond Excel's limits (rows, columns, characters in
/// a cell) is refused with the cell named, `FILE:SHEET!CELL: problem`.
final class SheetRowReader {
    private let tokenizer: XMLTokenizer
    private let workbook: XLSXReader
    let sheet: XLSXSheet
    private var lastRow = 0
    private var finished = false

    init(tokenizer: XMLTokenizer, workbook: XLSXReader, sheet: XLSXSheet) {
        self.tokenizer = tokenizer
        self.workbook = workbook
        self.sheet = sheet
    }

    /// How much of the sheet's compressed data was read, for progress.
    var bytesRead: Int64 { tokenizer.source.compressedBytesRead }

    /// The size of the sheet's compressed data.
    var size: Int64 { tokenizer.source.compressedSize }

    /// A cell's reference within the sheet: `'It''s'!B3`.
    func reference(row: Int, column: Int) -> String { "\(sheet.reference)!\(Self.columnName(column))\(row)" }

    private func refuse(row: Int, column: Int, _ why: String) -> DuikouError {
        DuikouError(.invalidInput, "\(workbook.path):\(reference(row: row, column: column)): \(why)")
    }

    /// The letters of the 1-based column `index`: 1 is `A`, 27 is `AA`.
    static func columnName(_ index: Int) -> String {
        var letters: [UInt8] = []
        var rest = index
        while rest > 0 {
            letters.insert(UInt8(ascii: "A") + UInt8((rest - 1) % 26), at: 0)
            rest = (rest - 1) / 26
        }
        return String(decoding: letters, as: UTF8.self)
    }

    /// The 1-based column and row of a reference such as `AA10`, or `nil` when it is not one.
    static func parseReference(_ text: String) -> (column: Int, row: Int)? {
        var column = 0, row = 0, letters = 0, digits = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
                column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9") where letters > 0:
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            case UInt8(ascii: "$"): continue
            default: return nil
            }
            guard letters <= 3, digits <= 8 else { return nil }
        }
        return letters > 0 && digits > 0 ? (column, row) : nil
    }

    /// The next row, by number (`line`), or `nil` after the last.
    func next() throws -> CSVRecord? {
        guard !finished else { return nil }
        var row = 0
        var fields: [String] = []
        var problems: [CSVRecord.FieldProblem] = []
        var cell = Cell()
        var inRow = false
        while let token = try tokenizer.next() {
            switch token {
            case .start(let tag):
                switch tag.name {
                case "row":
                    row = try rowNumber(tag)
                    lastRow = row
                    inRow = true
                    if tag.closesItself { return CSVRecord(line: row, fields: [], problems: []) }
                case "c" where inRow:
                    cell = Cell(column: try columnNumber(tag, row: row, after: fields.count), type: tag.attribute("t") ?? "n",
                                style: tag.attribute("s").flatMap { Int($0) } ?? 0)
                    if tag.closesItself { try finish(cell, row: row, into: &fields, &problems) }
                case "v": cell.inValue = !tag.closesItself
                case "is": cell.inInline = !tag.closesItself
                case "rPh": cell.inPhonetic = !tag.closesItself
                case "t": cell.inText = cell.inInline && !cell.inPhonetic && !tag.closesItself
                default: break
                }
            case .end(let name):
                switch name {
                case "v": cell.inValue = false
                case "is": cell.inInline = false
                case "rPh": cell.inPhonetic = false
                case "t": cell.inText = false
                case "c" where inRow: try finish(cell, row: row, into: &fields, &problems)
                case "row": return CSVRecord(line: row, fields: fields, problems: [], fieldProblems: problems)
                case "sheetData":
                    finished = true
                    return nil
                default: break
                }
            case .text(let text):
                if cell.inValue { cell.value += text } else if cell.inText { cell.inline += text }
            }
        }
        finished = true
        return nil
    }

    private func rowNumber(_ tag: XMLTag) throws -> Int {
        let row = tag.attribute("r").flatMap { Int($0) } ?? lastRow + 1
        guard row >= 1, row <= SpreadsheetLimits.maximumRows else {
            throw refuse(row: row, column: 1, "row \(row) is beyond the \(SpreadsheetLimits.maximumRows) rows a sheet has")
        }
        guard row > lastRow else { throw refuse(row: row, column: 1, "row \(row) comes after row \(lastRow); the sheet's rows are out of order") }
        return row
    }

    private func columnNumber(_ tag: XMLTag, row: Int, after previous: Int) throws -> Int {
        guard let text = tag.attribute("r") else { return previous + 1 }
        guard let (column, cellRow) = Self.parseReference(text), cellRow == row else {
            throw DuikouError(.invalidInput, "\(workbook.path):\(sheet.reference)!\(text): is not a cell reference of row \(row)")
        }
        guard column <= SpreadsheetLimits.maximumColumns else {
            throw DuikouError(.invalidInput, "\(workbook.path):\(sheet.reference)!\(text): column \(column) is beyond the \(SpreadsheetLimits.maximumColumns) columns a sheet has")
        }
        guard column > previous else { throw refuse(row: row, column: column, "cells out of order") }
        return column
    }

    /// Puts the text of `cell` in `fields`, empty fields before it for the cells left out.
    private func finish(_ cell: Cell, row: Int, into fields: inout [String], _ problems: inout [CSVRecord.FieldProblem]) throws {
        var problem: String?
        var text: String
        switch cell.type {
        case "s":
            if let index = Int(cell.value), let string = workbook.strings.string(at: index) {
                text = string
            } else {
                text = ""
                problem = "refers to shared string \(cell.value), which the workbook does not have"
            }
        case "inlineStr": text = cell.inline
        case "str": text = cell.value
        case "b": text = cell.value == "1" || cell.value == "true" ? "TRUE" : "FALSE"
        case "e":
            text = ""
            problem = "holds the error value \(cell.value)"
        case "d": text = String(cell.value.prefix(10))
        default:
            text = ""
            if !cell.value.isEmpty {
                if workbook.formats.isDate(style: cell.style) {
                    do { text = try CellNumber.date(serial: cell.value, system1904: workbook.system1904).description } catch let error as DuikouError {
                        problem = "\(cell.value) as a date: " + (error.message.split(separator: ": ", maxSplits: 1).last.map(String.init) ?? error.message)
                    }
                } else if let number = CellNumber.plainDecimal(cell.value) {
                    text = number
                } else {
                    problem = "\(DuikouError.quoted(cell.value)) is not a number"
                }
            }
        }
        if cell.type == "s" || cell.type == "inlineStr" || cell.type == "str" {
            text = Self.unescaped(text)
            if let control = text.unicodeScalars.first(where: { $0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r" || $0.value == 0x7F }) {
                problem = control.value == 0 ? "contains a NUL character" : "contains the control character U+\(String(control.value, radix: 16, uppercase: true).leftPadded(4))"
            }
            if text.utf16.count > SpreadsheetLimits.maximumCellCharacters {
                throw refuse(row: row, column: cell.column, "holds \(text.utf16.count) characters; a cell holds at most \(SpreadsheetLimits.maximumCellCharacters)")
            }
        }
        while fields.count < cell.column - 1 { fields.append("") }
        fields.append(text)
        if let problem { problems.append(CSVRecord.FieldProblem(field: cell.column - 1, message: problem)) }
    }

    /// Decodes the `_xHHHH_` escapes Excel writes for characters XML cannot hold (`_x000D_`, and `_x005F_` for `_`).
    static func unescaped(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "_")) else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "_", index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_",
               let value = UInt32(String(String.UnicodeScalarView(scalars[index + 2..<index + 6])), radix: 16),
               let scalar = Unicode.Scalar(value) {
                result.append(scalar)
                index += 7
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return String(result)
    }
}

/// The cell being read.
private struct Cell {
    var column = 0
    var type = "n"
    var style = 0
    var value = ""
    var inline = ""
    var inValue = false
    var inInline = false
    var inText = false
    var inPhonetic = false
}

extension String {
    /// The string with zeros before it to make `width` characters.
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
