#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Maps a file's header to the columns of an ``InterchangeKind``.
struct ImportHeader {
    let kind: InterchangeKind
    /// For each field position, the column key it holds.
    let keys: [String]
    /// For each column key, the position of its field (the first, when a header repeats a column).
    let positions: [String: Int]
    /// The unit a header names for an amount column (`计划总投资（亿元）`), which bare numbers are in.
    let units: [String: Money.Unit]
    /// For a spreadsheet, the sheet as references name it (`'It''s'`); problems then name cells.
    let sheet: String?

    init(kind: InterchangeKind, keys: [String], units: [String: Money.Unit] = [:], sheet: String? = nil) {
        self.kind = kind
        self.keys = keys
        self.units = units
        self.sheet = sheet
        var positions: [String: Int] = [:]
        for (position, key) in keys.enumerated() where !key.isEmpty && positions[key] == nil {
            positions[key] = position
        }
        self.positions = positions
    }

    /// The columns that hold amounts of money, whose header may name a unit.
    static let amountKeys: Set<String> = ["planned", "completed", "amount"]

    /// The cell of a spreadsheet's row `line` and 0-based field `position`, when reading a spreadsheet.
    static func cell(sheet: String?, line: Int, position: Int?) -> String? {
        sheet.map { "\($0)!\(SheetRowReader.columnName((position ?? 0) + 1))\(line)" }
    }

    /// Reads the header record, reporting unknown, duplicate and missing required columns.
    ///
    /// A header is the column's key (`planned`, `Planned`, `northeast party`) or its Chinese header
    /// (`计划总投资`); an amount column may name its unit after it, in brackets or not: `计划总投资（亿元）`,
    /// `planned (万元)`, `金额元`. Bare numbers in that column are then in that unit.
    static func read(_ record: CSVRecord, kind: InterchangeKind, sheet: String? = nil) -> (ImportHeader, [ImportProblem]) {
        var problems = record.problems.map { ImportProblem(line: record.line, column: nil, message: $0, cell: cell(sheet: sheet, line: record.line, position: nil)) }
        func problem(_ position: Int?, _ column: String?, _ message: String) {
            problems.append(ImportProblem(line: record.line, column: column, message: message, cell: cell(sheet: sheet, line: record.line, position: position)))
        }
        var keys: [String] = []
        var units: [String: Money.Unit] = [:]
        for name in record.fields {
            let position = keys.count
            if name.trimmingSpaces().isEmpty {
                problem(position, nil, "column \(keys.count + 1) has no name (a trailing comma?)")
                keys.append("")
                continue
            }
            guard let (column, unit) = Self.column(named: name, of: kind) else {
                let known = kind.columns.map(\.key).joined(separator: ", ")
                problem(position, name, "unknown column; \(kind.rawValue) files have \(known) (or their Chinese headers)")
                keys.append("")
                continue
            }
            if keys.contains(column.key) {
                problem(position, name, "column given twice")
            }
            if let unit {
                if amountKeys.contains(column.key) { units[column.key] = unit } else { problem(position, name, "only amounts have a unit") }
            }
            keys.append(column.key)
        }
        for column in kind.columns where column.required && !keys.contains(column.key) {
            problem(nil, column.key, "required column is missing")
        }
        return (ImportHeader(kind: kind, keys: keys, units: units, sheet: sheet), problems)
    }

    /// The column a header names, and the unit it gives, if any.
    private static func column(named name: String, of kind: InterchangeKind) -> (InterchangeColumn, Money.Unit?)? {
        let trimmed = name.trimmingSpaces()
        if let column = plainColumn(trimmed, of: kind) { return (column, nil) }
        if let (base, unit) = splitUnit(trimmed), let column = plainColumn(base, of: kind) { return (column, unit) }
        return peopleColumn(trimmed, of: kind)
    }

    /// The column a header of the kind's export for people names (`状态日期`, `Park ID`,
    /// `Planned investment (10,000 yuan)`), so that such an export imports back as it is; its
    /// amounts are in 万元.
    private static func peopleColumn(_ name: String, of kind: InterchangeKind) -> (InterchangeColumn, Money.Unit?)? {
        let lowercased = name.lowercased()
        guard let people = kind.peopleColumns.first(where: { $0.headerZH == name || $0.headerEN.lowercased() == lowercased }),
              let column = kind.columns.first(where: { $0.key == people.key })
        else { return nil }
        return (column, people.role == .wan ? .wan : nil)
    }

    private static func plainColumn(_ name: String, of kind: InterchangeKind) -> InterchangeColumn? {
        let normalized = name.lowercased().replacingEvery(" ", with: "_").replacingEvery("-", with: "_")
        return kind.columns.first { $0.key == normalized || $0.headerZH == name }
    }

    /// `计划总投资（亿元）`, `planned (万元)`, `planned [yuan]` or `金额元` as the header before the unit and the unit.
    static func splitUnit(_ header: String) -> (String, Money.Unit)? {
        let brackets: [(Character, Character)] = [("（", "）"), ("(", ")"), ("[", "]"), ("【", "】")]
        for (open, close) in brackets where header.last == close {
            guard let start = header.lastIndex(of: open), let unit = unit(named: String(header[header.index(after: start)..<header.index(before: header.endIndex)]))
            else { return nil }
            return (String(header[..<start]).trimmingSpaces(), unit)
        }
        for (suffix, unit) in [("亿元", Money.Unit.yi), ("万元", .wan), ("元", .yuan)] where header.hasSuffix(suffix) && header.count > suffix.count {
            return (String(header.dropLast(suffix.count)).trimmingSpaces(), unit)
        }
        return nil
    }

    private static func unit(named name: String) -> Money.Unit? {
        switch name.trimmingSpaces().lowercased() {
        case "元", "yuan", "rmb", "cny", "人民币元": .yuan
        case "万元", "万", "wan", "10k yuan", "万元人民币": .wan
        case "亿元", "亿", "yi", "100m yuan", "亿元人民币": .yi
        default: nil
        }
    }
}

/// One data row, read field by field with the library's parsers; each refused value becomes a
/// problem naming its column, so that one pass reports everything wrong with the row.
struct ImportRow {
    let line: Int
    private let fields: [String]
    private let positions: [String: Int]
    private let units: [String: Money.Unit]
    private let sheet: String?
    private(set) var problems: [ImportProblem] = []

    init(_ record: CSVRecord, header: ImportHeader) {
        line = record.line
        fields = record.fields
        positions = header.positions
        units = header.units
        sheet = header.sheet
        problems = record.problems.map { ImportProblem(line: record.line, column: nil, message: $0) }
        for problem in record.fieldProblems {
            let key = problem.field < header.keys.count ? header.keys[problem.field] : ""
            problems.append(ImportProblem(line: line, column: key.isEmpty ? nil : key, message: problem.message,
                                          cell: ImportHeader.cell(sheet: sheet, line: line, position: problem.field)))
        }
        if sheet != nil {
            // A sheet's row ends at its last cell with a value or a format: cells left out are empty,
            // and only a value beyond the header's last column is wrong.
            if let extra = record.fields.indices.dropFirst(header.keys.count).first(where: { !record.fields[$0].isBlank }) {
                problems.append(ImportProblem(line: line, column: nil, message: "has a value beyond the header's last column",
                                              cell: ImportHeader.cell(sheet: sheet, line: line, position: extra)))
            }
        } else if problems.isEmpty && record.fields.count != header.keys.count {
            problems.append(ImportProblem(line: line, column: nil, message: "has \(record.fields.count) fields; the header has \(header.keys.count)"))
        }
    }

    mutating func problem(_ column: String?, _ message: String) {
        problems.append(ImportProblem(line: line, column: column, message: message,
                                      cell: ImportHeader.cell(sheet: sheet, line: line, position: column.flatMap { positions[$0] })))
    }

    /// Records a refused value under its column, taking the error's own field when it names one.
    mutating func problem(_ column: String?, _ error: Error) {
        if let error = error as? DuikouError {
            problem(error.field ?? column, Self.withoutFieldPrefix(error.message, field: error.field ?? column))
        } else {
            problem(column, String(describing: error))
        }
    }

    /// The raw text of a column, or `nil` when it is absent, empty or only spaces.
    func text(_ key: String) -> String? {
        guard let position = positions[key], position < fields.count else { return nil }
        let field = fields[position]
        return field.isBlank ? nil : field
    }

    /// A required text column, or a problem.
    mutating func required(_ key: String) -> String? {
        guard let value = text(key) else {
            problem(key, "is required")
            return nil
        }
        return value
    }

    /// A column read with `parse`, or a problem naming the column (and ending with `hint`, if given).
    mutating func parse<T>(_ key: String, hint: String? = nil, _ parse: (String) throws -> T) -> T? {
        guard let value = text(key) else { return nil }
        do { return try parse(value) } catch {
            // The problem belongs to this column, whatever field name the parser used.
            let message = if let error = error as? DuikouError {
                Self.withoutFieldPrefix(error.message, field: error.field ?? key)
            } else {
                String(describing: error)
            }
            problem(key, hint.map { "\(message) (\($0))" } ?? message)
            return nil
        }
    }

    /// A required column naming a pairing by its id, name, short name or alias, read as the
    /// pairing's id; or a problem naming the column (with the candidates when the name is ambiguous).
    mutating func pairing(_ key: String, in catalogue: Catalogue) -> String? {
        guard required(key) != nil else { return nil }
        return parse(key, hint: "see `duikou pairings`") { try catalogue.pairing(named: $0).id }
    }

    /// A required column naming a task by its code or Chinese name, read as the task's code; or a
    /// problem naming the column.
    mutating func task(_ key: String, in catalogue: Catalogue) -> String? {
        guard required(key) != nil else { return nil }
        return parse(key, hint: "see `duikou tasks`") { try catalogue.task(named: $0).code }
    }

    /// An amount; a bare number is in the unit the column's header names, or in 万元.
    mutating func money(_ key: String) -> Money? {
        guard let unit = units[key] else { return parse(key) { try Money(parsing: $0, field: key) } }
        return parse(key) { try Money(parsing: $0, field: key, bareUnit: unit) }
    }

    /// A date as people write it: `2024-03-01`, `2024/3/1`, `2024.3.1` or `2024年3月1日`.
    mutating func date(_ key: String) -> LocalDate? { parse(key) { try LocalDate(parsingWritten: $0, field: key) } }

    mutating func keyword<K: Keyword>(_ key: String, _ type: K.Type) -> K? { parse(key) { try K(parsing: $0, field: key) } }

    mutating func uuid(_ key: String) -> UUID? {
        parse(key) { text in
            guard let id = UUID(key: text.trimmingSpaces()) else {
                throw DuikouError.invalid(key, text, "is not an id (a UUID such as 3f2a9c1e-…)")
            }
            return id
        }
    }

    /// `1/0`, `true/false`, `yes/no`, `是/否`; empty means false.
    mutating func flag(_ key: String) -> Bool {
        parse(key) { text in
            switch text.trimmingSpaces().lowercased() {
            case "1", "true", "yes", "y", "是", "√", "✓": return true
            case "0", "false", "no", "n", "否": return false
            default: throw DuikouError.invalid(key, text, "is not a yes/no value; write 1/0, true/false or 是/否")
            }
        } ?? false
    }

    mutating func count(_ key: String) -> Int? {
        parse(key) { try NewExchange.participants(parsing: $0, field: key) }
    }

    /// Drops a leading `field: ` from a message, since the problem line names the column already.
    private static func withoutFieldPrefix(_ message: String, field: String?) -> String {
        guard let field, message.hasPrefix(field + ": ") else { return message }
        return String(message.dropFirst(field.count + 2))
    }
}
