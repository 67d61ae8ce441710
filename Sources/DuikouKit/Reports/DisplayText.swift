/// How Duikou's tables and reports write figures and text, for other renderers (the web
/// workspace's pages) that must show them the same way.
public enum DisplayText {
    /// An amount rounded to two decimals in 亿元 (`1,114.79`) or 万元 (`626,207.00`) with thousands
    /// separators, as the CLI's tables show it; in yuan it is a whole number (`800`).
    public static func money(_ money: Money, in unit: Money.Unit) -> String {
        switch unit {
        case .yi: MoneyText.yi(money)
        case .wan: MoneyText.wan(money)
        case .yuan: MoneyText.grouped(money.yuan)
        }
    }

    /// A ratio as a percentage with one decimal (`45.7%`), or `-` when there is none.
    public static func percent(_ ratio: Double?) -> String { Ratio.percent(ratio) }

    /// A count with thousands separators: `1,410`.
    public static func count(_ value: Int) -> String { HTMLText.count(value) }

    /// The text made safe for HTML, both as element content and inside a quoted attribute: `&`, `<`,
    /// `>`, `"` and `'` become character references (each Unicode scalar on its own, so a combining
    /// mark after a quote cannot hide it); control characters other than tab and line feed become
    /// spaces.
    public static func html(_ text: String) -> String { HTMLText.escape(text) }
}
