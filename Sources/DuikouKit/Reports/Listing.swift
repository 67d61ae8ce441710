/// A list of records that can be printed as a table, JSON or CSV from one definition, so that the
/// three formats always agree.
public struct Listing: Sendable {
    /// One field of the records: its JSON key (also the CSV header) and its table heading.
    struct Field {
        let key: String
        let title: String
        let alignment: TextTable.Alignment
        /// Whether the terminal table shows it (long text such as descriptions is left to JSON and CSV).
        let inTable: Bool

        /// Creates a field whose key is the record's `Codable` key, so that the listing and the
        /// record's own encoding name it alike.
        init(_ key: some CodingKey, _ title: String, _ alignment: TextTable.Alignment = .left, inTable: Bool = true) {
            self.key = key.stringValue
            self.title = title
            self.alignment = alignment
            self.inTable = inTable
        }
    }

    /// One value: exact in JSON and CSV, readable in the table.
    struct Cell {
        let json: JSONValue
        let display: String

        init(_ json: JSONValue, display: String? = nil) {
            self.json = json
            self.display = display ?? Cell.csvText(json)
        }

        static func text(_ text: String?) -> Cell { Cell(.optional(text), display: text ?? "") }

        static func csvText(_ value: JSONValue) -> String {
            switch value {
            case .null: ""
            case .bool(let flag): flag ? "true" : "false"
            case .integer(let number): String(number)
            case .number(let text), .string(let text): text
            case .array, .object: value.text()
            }
        }
    }

    let fields: [Field]
    let rows: [[Cell]]

    /// The records as a JSON array of objects.
    public var json: JSONValue {
        .array(rows.map { row in .object(zip(fields, row).map { ($0.key, $1.json) }) })
    }

    /// The records as CSV with a header of the JSON keys.
    public var csv: String {
        var out = ""
        CSVWriter.append(fields.map(\.key), to: &out)
        for row in rows {
            CSVWriter.append(row.map { Cell.csvText($0.json) }, to: &out)
        }
        return out
    }

    /// The records as a table for a terminal.
    public var table: String {
        let shown = fields.indices.filter { fields[$0].inTable }
        return TextTable(
            columns: shown.map { TextTable.Column(fields[$0].title, fields[$0].alignment) },
            rows: rows.map { row in shown.map { row[$0].display } }
        ).rendered()
    }
}
