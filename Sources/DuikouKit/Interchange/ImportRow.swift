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

    init(kind: InterchangeKind, keys: [String]) {
        self.kind = kind
        self.keys = keys
        var positions: [String: Int] = [:]
        for (position, key) in keys.enumerated() where !key.isEmpty && positions[key] == nil {
            positions[key] = position
        }
        self.positions = positions
    }

    /// Reads the header record, reporting unknown, duplicate and missing required columns.
    static func read(_ record: CSVRecord, kind: InterchangeKind) -> (ImportHeader, [ImportProblem]) {
        var problems = record.problems.map { ImportProblem(line: record.line, column: nil, message: $0) }
        var keys: [String] = []
        for name in record.fields {
            if name.trimmingSpaces().isEmpty {
                problems.append(ImportProblem(line: record.line, column: nil, message: "column \(keys.count + 1) has no name (a trailing comma?)"))
                keys.append("")
                continue
            }
            let normalized = name.trimmingSpaces().lowercased().replacingEvery(" ", with: "_").replacingEvery("-", with: "_")
            guard let column = kind.columns.first(where: { $0.key == normalized || $0.headerZH == name.trimmingSpaces() }) else {
                let known = kind.columns.map(\.key).joined(separator: ", ")
                problems.append(ImportProblem(line: record.line, column: name, message: "unknown column; \(kind.rawValue) files have \(known) (or their Chinese headers)"))
                keys.append("")
                continue
            }
            if keys.contains(column.key) {
                problems.append(ImportProblem(line: record.line, column: name, message: "column given twice"))
            }
            keys.append(column.key)
        }
        for column in kind.columns where column.required && !keys.contains(column.key) {
            problems.append(ImportProblem(line: record.line, column: column.key, message: "required column is missing"))
        }
        return (ImportHeader(kind: kind, keys: keys), problems)
    }
}

/// One data row, read field by field with the library's parsers; each refused value becomes a
/// problem naming its column, so that one pass reports everything wrong with the row.
struct ImportRow {
    let line: Int
    private let fields: [String]
    private let positions: [String: Int]
    private(set) var problems: [ImportProblem] = []

    init(_ record: CSVRecord, header: ImportHeader) {
        line = record.line
        fields = record.fields
        positions = header.positions
        problems = record.problems.map { ImportProblem(line: record.line, column: nil, message: $0) }
        if problems.isEmpty && record.fields.count != header.keys.count {
            problems.append(ImportProblem(line: line, column: nil, message: "has \(record.fields.count) fields; the header has \(header.keys.count)"))
        }
    }

    mutating func problem(_ column: String?, _ message: String) {
        problems.append(ImportProblem(line: line, column: column, message: message))
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

    mutating func money(_ key: String) -> Money? { parse(key) { try Money(parsing: $0, field: key) } }

    mutating func date(_ key: String) -> LocalDate? { parse(key) { try LocalDate(parsing: $0, field: key) } }

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
