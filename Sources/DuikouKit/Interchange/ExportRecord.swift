/// The file formats records are exported to.
public enum ExportFormat: String, Keyword {
    /// RFC 4180 CSV with the import's English headers; amounts as `N元`, so that they import back exactly.
    case csv
    /// JSON Lines: one object per line with the same keys; amounts as integer yuan.
    case jsonl

    /// The Chinese label.
    public var labelZH: String { self == .csv ? "CSV" : "JSON Lines" }

    /// The English label.
    public var labelEN: String { self == .csv ? "CSV" : "JSON Lines" }
}

/// One value of an exported record, written the way each format wants it.
enum ExportValue {
    case text(String?)
    case yuan(Int64?)
    case flag(Bool)
    case integer(Int64?)
    case decimal(String?)

    var csv: String {
        switch self {
        case .text(let text), .decimal(let text): text ?? ""
        case .yuan(let yuan): yuan.map { "\($0)元" } ?? ""
        case .flag(let flag): flag ? "1" : "0"
        case .integer(let number): number.map(String.init) ?? ""
        }
    }

    var json: JSONValue {
        switch self {
        case .text(let text): .optional(text)
        case .yuan(let number), .integer(let number): .optional(number)
        case .flag(let flag): .bool(flag)
        case .decimal(let text): text.map(JSONValue.number) ?? .null
        }
    }
}

/// Writes exported records in one format, header first for CSV.
struct ExportEncoder {
    let kind: InterchangeKind
    let format: ExportFormat
    let byteOrderMark: Bool

    var header: String {
        switch format {
        case .csv: (byteOrderMark ? "\u{FEFF}" : "") + CSVWriter.record(kind.columns.map(\.key))
        case .jsonl: ""
        }
    }

    func line(_ values: [ExportValue]) -> String {
        switch format {
        case .csv: CSVWriter.record(values.map(\.csv))
        case .jsonl: JSONValue.object(zip(kind.columns, values).map { ($0.key, $1.json) }).text() + "\n"
        }
    }
}
