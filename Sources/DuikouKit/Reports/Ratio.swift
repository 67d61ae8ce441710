#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How ratios are written: JSON carries them rounded to four decimals, tables as percentages.
enum Ratio {
    /// `0.4567`, or `null` when there is no ratio.
    static func json(_ ratio: Double?) -> JSONValue {
        guard let ratio else { return .null }
        return .number(decimal(ratio, places: 4))
    }

    /// `45.7%`, or `-` when there is no ratio.
    static func percent(_ ratio: Double?) -> String {
        guard let ratio else { return "-" }
        return printfFormatted("%.1f%%", ratio * 100)
    }

    /// `45.67%`: a percentage that Excel and WPS read from CSV as the number 0.4567.
    static func spreadsheetPercent(_ ratio: Double) -> String {
        printfFormatted("%.2f%%", ratio * 100)
    }

    /// The ratio as JSON writes it, rounded to four decimals, as an exact number for a `Codable`
    /// encoding; `nil` when there is no ratio.
    static func exact(_ ratio: Double?) -> Decimal? {
        ratio.flatMap { Decimal(string: decimal($0, places: 4)) }
    }

    /// The ratio in CSV: four decimals, or empty.
    static func csv(_ ratio: Double?) -> String {
        ratio.map { decimal($0, places: 4) } ?? ""
    }

    private static func decimal(_ value: Double, places: Int) -> String {
        var text = printfFormatted("%.\(places)f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
