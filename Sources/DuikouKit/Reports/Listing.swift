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
    /// How many records there are.
    let count: Int
    /// The cells of the record at an index, made when the record is written, so that a long listing
    /// of values held elsewhere is never copied whole into cells.
    let row: @Sendable (Int) -> [Cell]

    /// A listing of records whose cells are already made.
    init(fields: [Field], rows: [[Cell]]) {
        self.init(fields: fields, count: rows.count) { rows[$0] }
    }

    /// A listing of `count` records whose cells `row` makes from the record's index when it is written.
    init(fields: [Field], count: Int, row: @escaping @Sendable (Int) -> [Cell]) {
        self.fields = fields
        self.count = count
        self.row = row
    }

    /// The records as a JSON array of objects.
    public var json: JSONValue {
        .array((0..<count).map { index in .object(zip(fields, row(index)).map { ($0.key, $1.json) }) })
    }

    /// The records as CSV with a header of the JSON keys.
    public var csv: String {
        var out = ""
        writeCSV { out += $0 }
        return out
    }

    /// Writes ``csv`` to `write` a record at a time, so that a long listing is never held whole as text.
    public func writeCSV(to write: (String) throws -> Void) rethrows {
        var line = ""
        CSVWriter.append(fields.map(\.key), to: &line)
        try write(line)
        for index in 0..<count {
            line.removeAll(keepingCapacity: true)
            CSVWriter.append(row(index).map { Cell.csvText($0.json) }, to: &line)
            try write(line)
        }
    }

    /// Writes ``json`` as indented text, as `json.text(pretty: true)` gives it, to `write` a record at
    /// a time, so that a long listing is never held whole as a tree or as text.
    public func writeJSON(to write: (String) throws -> Void) rethrows {
        guard count > 0 else { return try write("[]") }
        var chunk = ""
        for index in 0..<count {
            chunk.removeAll(keepingCapacity: true)
            chunk += index == 0 ? "[\n  " : ",\n  "
            JSONValue.object(zip(fields, row(index)).map { ($0.key, $1.json) }).write(to: &chunk, pretty: true, indent: 1)
            try write(chunk)
        }
        try write("\n]")
    }

    /// The records as a table for a terminal.
    public var table: String {
        let shown = fields.indices.filter { fields[$0].inTable }
        return TextTable(
            columns: shown.map { TextTable.Column(fields[$0].title, fields[$0].alignment) },
            rows: (0..<count).map { index in
                let cells = row(index)
                return shown.map { cells[$0].display }
            }
        ).rendered()
    }
}
