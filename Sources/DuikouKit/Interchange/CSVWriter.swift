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
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// One field, quoted when it needs to be.
    public static func field(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingEvery("\"", with: "\"\"") + "\""
    }
}
