/// Text made safe for HTML and SVG, and the numbers the report writes.
enum HTMLText {
    /// The text with `&`, `<`, `>`, `"` and `'` written as character references, so that it is safe
    /// both as element content and inside a quoted attribute; control characters other than tab
    /// and line feed become spaces.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    out += " "
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// A count with thousands separators: `1,410`.
    static func count(_ value: Int) -> String {
        value >= 0 ? MoneyText.grouped(Int64(value)) : String(value)
    }

    /// A non-negative number rounded to `places` decimals, with thousands separators: `1,250.5`.
    /// Written digit by digit, so the text never depends on a locale.
    static func decimal(_ value: Double, places: Int) -> String {
        var scale: Int64 = 1
        for _ in 0..<min(max(0, places), 9) { scale *= 10 }
        let product = (abs(value) * Double(scale)).rounded()
        guard product.isFinite, product < 9e18 else { return "-" }
        let scaled = Int64(product)
        let sign = value < 0 && scaled != 0 ? "-" : ""
        let whole = MoneyText.grouped(scaled / scale)
        guard scale > 1 else { return sign + whole }
        let fraction = String(scaled % scale)
        return sign + whole + "." + String(repeating: "0", count: String(scale).count - 1 - fraction.count) + fraction
    }
}
