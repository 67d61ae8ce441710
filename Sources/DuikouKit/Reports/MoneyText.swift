/// How amounts are shown in tables and reports: rounded to two decimals in 亿元 or 万元, with thousands separators.
enum MoneyText {
    /// `1,114.79` (亿元).
    static func yi(_ money: Money) -> String { rounded(money.yuan, unit: 100_000_000) }

    /// `626,207.00` (万元).
    static func wan(_ money: Money) -> String { rounded(money.yuan, unit: 10_000) }

    /// An optional amount in 亿元, or `-`.
    static func yi(_ money: Money?) -> String { money.map { yi($0) } ?? "-" }

    private static func rounded(_ yuan: Int64, unit: Int64) -> String {
        let hundredths = unit / 100
        let (quotient, remainder) = yuan.quotientAndRemainder(dividingBy: hundredths)
        let cents = remainder * 2 >= hundredths ? quotient + 1 : quotient
        let whole = cents / 100
        let fraction = cents % 100
        return grouped(whole) + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }

    /// `1,234,567`: a whole number with thousands separators.
    static func grouped(_ value: Int64) -> String {
        let digits = Array(String(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return out
    }
}
