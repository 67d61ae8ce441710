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
    static func parseReference(_ text: String) -> (column: Int, row: Int)? { parseReference(text.utf8) }

    /// The 1-based column and row of a reference given as its UTF-8 bytes.
    static func parseReference<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> (column: Int, row: Int)? {
        var column = 0, row = 0, letters = 0, digits = 0
        for byte in bytes {
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
    ///
    /// Names are compared and attributes read as bytes, and only the text of values is kept: no
    /// string is made per tag, nor for the white space between them.
    func next() throws -> CSVRecord? {
        guard !finished else { return nil }
        // The text of the current cell's `<v>` and of its inline string's `<t>`, as bytes.
        var value: [UInt8] = []
        var inline: [UInt8] = []
        var row = 0
        var fields: [String] = []
        var problems: [CSVRecord.FieldProblem] = []
        var cell = Cell()
        var inRow = false
        while let event = try tokenizer.advance() {
            switch event {
            case .start:
                let closes = tokenizer.closesItself
                switch element() {
                case .row:
                    row = try rowNumber()
                    lastRow = row
                    inRow = true
                    if closes { return CSVRecord(line: row, fields: [], problems: []) }
                case .cell where inRow:
                    cell = Cell(column: try columnNumber(row: row, after: fields.count), type: CellType(tokenizer.attributeValue("t")),
                                style: Self.integer(tokenizer.attributeValue("s")) ?? 0)
                    value.removeAll(keepingCapacity: true)
                    inline.removeAll(keepingCapacity: true)
                    if closes { try finish(cell, value, inline, row: row, into: &fields, &problems) }
                case .value: cell.inValue = !closes
                case .inline: cell.inInline = !closes
                case .phonetic: cell.inPhonetic = !closes
                case .text: cell.inText = cell.inInline && !cell.inPhonetic && !closes
                case .cell, .sheetData, .other: break
                }
            case .end:
                switch element() {
                case .value: cell.inValue = false
                case .inline: cell.inInline = false
                case .phonetic: cell.inPhonetic = false
                case .text: cell.inText = false
                case .cell where inRow: try finish(cell, value, inline, row: row, into: &fields, &problems)
                case .row: return CSVRecord(line: row, fields: fields, problems: [], fieldProblems: problems)
                case .sheetData:
                    finished = true
                    return nil
                case .cell, .other: break
                }
            case .text:
                if cell.inValue { tokenizer.appendText(to: &value) } else if cell.inText { tokenizer.appendText(to: &inline) }
            }
        }
        finished = true
        return nil
    }

    /// The elements of a sheet that rows are read from.
    private enum Element {
        case row, cell, value, inline, phonetic, text, sheetData, other
    }

    /// The element of the tag the tokenizer read last.
    private func element() -> Element {
        let name = tokenizer.nameBytes
        switch name.count {
        case 1:
            switch name[0] {
            case UInt8(ascii: "c"): return .cell
            case UInt8(ascii: "v"): return .value
            case UInt8(ascii: "t"): return .text
            default: return .other
            }
        case 2: return tokenizer.isNamed("is") ? .inline : .other
        case 3: return tokenizer.isNamed("row") ? .row : tokenizer.isNamed("rPh") ? .phonetic : .other
        case 9: return tokenizer.isNamed("sheetData") ? .sheetData : .other
        default: return .other
        }
    }

    /// The whole number `bytes` spell, as `Int(String)` reads it; `nil` when none or absent.
    private static func integer<Bytes: Collection<UInt8>>(_ bytes: Bytes?) -> Int? {
        guard let bytes else { return nil }
        guard !bytes.isEmpty, bytes.count <= 18, bytes.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return Int(String(decoding: bytes, as: UTF8.self))
        }
        return bytes.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }

    private func rowNumber() throws -> Int {
        let row = Self.integer(tokenizer.attributeValue("r")) ?? lastRow + 1
        guard row >= 1, row <= SpreadsheetLimits.maximumRows else {
            throw refuse(row: row, column: 1, "row \(row) is beyond the \(SpreadsheetLimits.maximumRows) rows a sheet has")
        }
        guard row > lastRow else { throw refuse(row: row, column: 1, "row \(row) comes after row \(lastRow); the sheet's rows are out of order") }
        return row
    }

    private func columnNumber(row: Int, after previous: Int) throws -> Int {
        guard let bytes = tokenizer.attributeValue("r") else { return previous + 1 }
        guard let (column, cellRow) = Self.parseReference(bytes), cellRow == row else {
            let text = String(decoding: bytes, as: UTF8.self)
            throw DuikouError(.invalidInput, "\(workbook.path):\(sheet.reference)!\(text): is not a cell reference of row \(row)")
        }
        guard column <= SpreadsheetLimits.maximumColumns else {
            let text = String(decoding: bytes, as: UTF8.self)
            throw DuikouError(.invalidInput, "\(workbook.path):\(sheet.reference)!\(text): column \(column) is beyond the \(SpreadsheetLimits.maximumColumns) columns a sheet has")
        }
        guard column > previous else { throw refuse(row: row, column: column, "cells out of order") }
        return column
    }

    /// Puts the text of `cell` (its `<v>` text `value`, its inline string `inline`) in `fields`,
    /// empty fields before it for the cells left out.
    private func finish(_ cell: Cell, _ value: [UInt8], _ inline: [UInt8], row: Int, into fields: inout [String], _ problems: inout [CSVRecord.FieldProblem]) throws {
        var problem: String?
        var text: String
        var valueText: String { String(decoding: value, as: UTF8.self) }
        switch cell.type {
        case .shared:
            if let index = Self.integer(value[...]), let string = workbook.strings.string(at: index) {
                text = string
            } else {
                text = ""
                problem = "refers to shared string \(valueText), which the workbook does not have"
            }
        case .inline: text = String(decoding: inline, as: UTF8.self)
        case .formula: text = valueText
        case .boolean: text = value.elementsEqual("1".utf8) || value.elementsEqual("true".utf8) ? "TRUE" : "FALSE"
        case .error:
            text = ""
            problem = "holds the error value \(valueText)"
        case .date: text = String(valueText.prefix(10))
        case .number:
            text = ""
            if !value.isEmpty {
                if workbook.formats.isDate(style: cell.style) {
                    do { text = try CellNumber.date(serial: value, system1904: workbook.system1904).description } catch let error as DuikouError {
                        problem = "\(valueText) as a date: " + (error.message.split(separator: ": ", maxSplits: 1).last.map(String.init) ?? error.message)
                    }
                } else if let number = CellNumber.plainDecimal(value) {
                    text = number
                } else {
                    problem = "\(DuikouError.quoted(valueText)) is not a number"
                }
            }
        }
        if cell.type.isText {
            var marks = TextMarks(text)
            if marks.underscore {
                text = Self.unescaped(text)
                marks = TextMarks(text)
            }
            if marks.control,
               let control = text.unicodeScalars.first(where: { $0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r" || $0.value == 0x7F }) {
                problem = control.value == 0 ? "contains a NUL character" : "contains the control character U+\(String(control.value, radix: 16, uppercase: true).leftPadded(4))"
            }
            // A cell's UTF-16 length is at most its UTF-8 length: only long texts need counting.
            if text.utf8.count > SpreadsheetLimits.maximumCellCharacters, text.utf16.count > SpreadsheetLimits.maximumCellCharacters {
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

/// What a cell's text holds that needs a second look, found in one pass over its bytes: an
/// underscore (perhaps an `_xHHHH_` escape) and a control character (a single byte in UTF-8, never
/// part of a longer sequence; tabs and line breaks included, which the caller lets through).
private struct TextMarks {
    var underscore = false
    var control = false

    init(_ text: String) {
        let found = text.utf8.withContiguousStorageIfAvailable(Self.scan) ?? Self.scan(text.utf8)
        underscore = found.underscore
        control = found.control
    }

    private static func scan<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> (underscore: Bool, control: Bool) {
        var underscore = false
        var control = false
        for byte in bytes where byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "_") {
            if byte == UInt8(ascii: "_") { underscore = true } else { control = true }
        }
        return (underscore, control)
    }
}

/// The type of a cell, from its `t` attribute: a number unless it says otherwise (an unknown type too).
private enum CellType {
    case shared, inline, formula, boolean, error, date, number

    init(_ attribute: UnsafeBufferPointer<UInt8>?) {
        guard let attribute else {
            self = .number
            return
        }
        switch String(decoding: attribute, as: UTF8.self) {
        case "s": self = .shared
        case "inlineStr": self = .inline
        case "str": self = .formula
        case "b": self = .boolean
        case "e": self = .error
        case "d": self = .date
        default: self = .number
        }
    }

    /// Whether the cell holds text, which is unescaped and checked for control characters.
    var isText: Bool { self == .shared || self == .inline || self == .formula }
}

/// The cell being read.
private struct Cell {
    var column = 0
    var type = CellType.number
    var style = 0
    var inValue = false
    var inInline = false
    var inText = false
    var inPhonetic = false
}

extension String {
    /// The string with zeros before it to make `width` characters.
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
