#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Writes RFC 4180 CSV: fields holding commas, quotes or line breaks are quoted, quotes doubled,
/// records ended by CRLF.
public enum CSVWriter {
    /// One record, ended by CRLF.
    public static func record(_ fields: [String]) -> String {
        var out = ""
        append(fields, to: &out)
        return out
    }

    /// One field, quoted when it needs to be.
    public static func field(_ text: String) -> String {
        var out = ""
        append(field: text, to: &out)
        return out
    }

    /// Appends one record, ended by CRLF, to `out`.
    static func append(_ fields: [String], to out: inout String) {
        for (index, text) in fields.enumerated() {
            if index > 0 { out += "," }
            append(field: text, to: &out)
        }
        out += "\r\n"
    }

    /// Appends one field to `out`, quoted when it holds a comma, a quote or a line break (looked
    /// for in its UTF-8 bytes, where none of them can be part of another character).
    static func append(field text: String, to out: inout String) {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else {
            out += text
            return
        }
        out += "\""
        out += text.replacingEvery("\"", with: "\"\"")
        out += "\""
    }
}
