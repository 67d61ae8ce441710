import Foundation

/// One value of the JSON line.
enum JSONField {
    /// A whole number.
    case integer(Int)
    /// A number rounded to so many decimals, or null.
    case number(Double?, Int)
    /// A string (plain ASCII here).
    case text(String)
    /// A boolean, or null.
    case flag(Bool?)
    /// An object of named fields, in order.
    indirect case object([(String, JSONField)])

    /// The value as JSON.
    var text: String {
        switch self {
        case .integer(let value): return String(value)
        case .number(let value, let decimals):
            guard let value, value.isFinite else { return "null" }
            return decimals == 0 ? String(Int(value.rounded())) : String(format: "%.\(decimals)f", value)
        case .text(let value):
            return "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        case .flag(let value): return value.map { $0 ? "true" : "false" } ?? "null"
        case .object(let fields): return "{" + fields.map { JSONField.text($0.0).text + ":" + $0.1.text }.joined(separator: ",") + "}"
        }
    }
}
