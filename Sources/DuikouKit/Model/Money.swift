/// An exact amount of money in whole yuan (元).
///
/// Amounts are read from text with a unit: `元`, `万`/`万元` (10⁴ 元) or `亿`/`亿元` (10⁸ 元).
/// A bare number means 万元, the unit the programme reports in. Decimals are allowed as long as
/// the result is a whole number of yuan: `1114.79亿` is 111,479,000,000 元, `0.5元` is refused.
/// Thousands separators (`1,234.5万`) are accepted when they group by three.
public struct Money: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The amount in yuan.
    public let yuan: Int64

    /// Creates an amount from whole yuan; negative amounts are refused.
    public init(yuan: Int64) throws {
        guard yuan >= 0 else {
            throw DuikouError.invalid("amount", String(yuan), "is negative; amounts are zero or more")
        }
        self.yuan = yuan
    }

    init(uncheckedYuan: Int64) {
        self.yuan = uncheckedYuan
    }

    /// Zero yuan.
    public static let zero = Money(uncheckedYuan: 0)

    /// The units an amount may be written in.
    public enum Unit: Int64, Sendable, CaseIterable {
        /// 元.
        case yuan = 1
        /// 万元, 10⁴ 元.
        case wan = 10_000
        /// 亿元, 10⁸ 元.
        case yi = 100_000_000
    }

    /// Reads an amount such as `1114.79亿`, `626207万元`, `3500元` or `12.5` (万元).
    ///
    /// - Parameters:
    ///   - text: the amount, with or without a unit.
    ///   - field: the name of the field being read, used in the error message.
    /// - Throws: ``DuikouError`` with code ``DuikouError/Code/invalidInput`` naming the field and value.
    public init(parsing text: String, field: String = "amount") throws {
        yuan = try Self.plainYuan(text) ?? Self.yuan(reading: text, field: field)
    }

    /// Reads an amount as ``init(parsing:field:)`` does, a bare number being in `unit` rather than
    /// 万元: the unit a spreadsheet's header names, as in `计划总投资（亿元）`.
    init(parsing text: String, field: String, bareUnit unit: Unit) throws {
        yuan = try Self.plainYuan(text, bareUnit: unit) ?? Self.yuan(reading: text, field: field, bareUnit: unit)
    }

    /// The general reader behind ``init(parsing:field:)``: spaces, separators and every refusal.
    static func yuan(reading text: String, field: String, bareUnit: Unit = .wan) throws -> Int64 {
        let trimmed = text.trimmingSpaces()
        var number = Substring(trimmed)
        let unit: Unit
        if let stripped = number.stripSuffix(["亿元", "亿"]) {
            (number, unit) = (stripped, .yi)
        } else if let stripped = number.stripSuffix(["万元", "万"]) {
            (number, unit) = (stripped, .wan)
        } else if let stripped = number.stripSuffix(["元"]) {
            (number, unit) = (stripped, .yuan)
        } else {
            unit = bareUnit
        }
        number = Substring(String(number).trimmingSpaces())
        guard !number.isEmpty else {
            throw DuikouError.invalid(field, text, "is not an amount; write e.g. 1114.79亿, 626207万元 or 3500元")
        }
        if number.first == "-" {
            throw DuikouError.invalid(field, text, "is negative; amounts are zero or more")
        }
        guard let decimal = DecimalDigits(number) else {
            throw DuikouError.invalid(field, text, "is not an amount; write e.g. 1114.79亿, 626207万元 or 3500元")
        }
        switch decimal.scaled(by: unit.rawValue) {
        case .exact(let yuan): return yuan
        case .fractional:
            throw DuikouError.invalid(field, text, "is not a whole number of yuan")
        case .overflow:
            throw DuikouError.invalid(field, text, "is too large")
        }
    }

    /// The amount in yuan of the common spelling, read straight from the UTF-8 bytes: ASCII digits
    /// with at most one point, then nothing or one of the units. `nil` for anything else (spaces,
    /// separators, a sign, other text, a value that is fractional or too large), which the general
    /// reader then accepts or refuses with its message: this only spares bulk imports its cost.
    static func plainYuan(_ text: String, bareUnit: Unit = .wan) -> Int64? {
        var text = text
        return text.withUTF8 { bytes -> Int64? in
            var end = bytes.count
            var unit = bareUnit
            for (suffix, suffixUnit) in plainSuffixes where end >= suffix.count {
                if bytes[(end - suffix.count)...].elementsEqual(suffix) {
                    end -= suffix.count
                    unit = suffixUnit
                    break
                }
            }
            var whole: Int64 = 0
            var fraction: Int64 = 0
            var place = unit.rawValue
            var digits = 0
            var seenPoint = false
            for byte in bytes[..<end] {
                if byte == UInt8(ascii: ".") && !seenPoint {
                    seenPoint = true
                    continue
                }
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                let digit = Int64(byte - UInt8(ascii: "0"))
                digits += 1
                if seenPoint {
                    guard place > 1 else {
                        if digit != 0 { return nil }
                        continue
                    }
                    place /= 10
                    fraction += digit * place
                } else {
                    let (shifted, overflow) = whole.multipliedReportingOverflow(by: 10)
                    guard !overflow, shifted <= Int64.max - digit else { return nil }
                    whole = shifted + digit
                }
            }
            guard digits > 0 else { return nil }
            let (scaled, overflow) = whole.multipliedReportingOverflow(by: unit.rawValue)
            guard !overflow, scaled <= Int64.max - fraction else { return nil }
            return scaled + fraction
        }
    }

    /// The unit suffixes of ``plainYuan(_:)`` as UTF-8, longest first so that `亿元` is not read as `元`.
    private static let plainSuffixes: [([UInt8], Unit)] = [
        (Array("亿元".utf8), .yi), (Array("万元".utf8), .wan), (Array("亿".utf8), .yi), (Array("万".utf8), .wan),
        (Array("元".utf8), .yuan),
    ]

    /// The amount in 万元, exactly, as text: `626207`, `1114790` or `0.35`.
    public var wanText: String { Self.decimalText(yuan, unit: .wan) }

    /// The amount in 亿元, exactly, as text: `1114.79`.
    public var yiText: String { Self.decimalText(yuan, unit: .yi) }

    /// The amount in the largest unit that reads well: `1114.79亿元`, `35万元`, `800元`.
    public var description: String {
        if yuan >= Unit.yi.rawValue { return yiText + "亿元" }
        if yuan >= Unit.wan.rawValue { return wanText + "万元" }
        return "\(yuan)元"
    }

    /// Exact decimal text of `value / unit`, with trailing zeros dropped.
    static func decimalText(_ value: Int64, unit: Unit) -> String {
        DecimalDigits.text(value, scale: unit.rawValue)
    }

    /// Adds two amounts, throwing instead of overflowing.
    public static func sum(_ lhs: Money, _ rhs: Money) throws -> Money {
        let (total, overflow) = lhs.yuan.addingReportingOverflow(rhs.yuan)
        guard !overflow else { throw DuikouError(.invalidInput, "amount: the total exceeds \(Int64.max) 元") }
        return Money(uncheckedYuan: total)
    }

    /// Orders amounts by value.
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.yuan < rhs.yuan }
}

/// A non-negative decimal number read digit by digit, so that no precision is lost.
struct DecimalDigits {
    var integerDigits: [UInt8]
    var fractionDigits: [UInt8]

    enum Scaled { case exact(Int64), fractional, overflow }

    /// Reads `123`, `1,234.5`, `.5` or `12.`; refuses anything else.
    init?(_ text: Substring) {
        var integer: [UInt8] = []
        var fraction: [UInt8] = []
        var seenPoint = false
        var groups: [Int] = []
        var currentGroup = 0
        for char in text {
            if let digit = char.asciiDigit {
                if seenPoint { fraction.append(digit) } else { integer.append(digit); currentGroup += 1 }
            } else if char == "." && !seenPoint {
                seenPoint = true
            } else if char == "," && !seenPoint {
                groups.append(currentGroup)
                currentGroup = 0
            } else {
                return nil
            }
        }
        guard !integer.isEmpty || !fraction.isEmpty else { return nil }
        if !groups.isEmpty {
            let leading = groups[0]
            guard (1...3).contains(leading), groups.dropFirst().allSatisfy({ $0 == 3 }), currentGroup == 3 else {
                return nil
            }
        }
        integerDigits = integer
        fractionDigits = fraction
    }

    /// Exact decimal text of `value / scale` (a power of ten), trailing zeros dropped: `1114.79`, `26`.
    static func text(_ value: Int64, scale: Int64) -> String {
        let whole = value / scale
        let fraction = value % scale
        guard fraction != 0 else { return String(whole) }
        var digits = String(fraction)
        digits = String(repeating: "0", count: String(scale).count - 1 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(whole).\(digits)"
    }

    /// The number times `factor` (a power of ten), if that is a whole number that fits.
    func scaled(by factor: Int64) -> Scaled {
        var value: Int64 = 0
        for digit in integerDigits {
            let (shifted, o1) = value.multipliedReportingOverflow(by: 10)
            let (added, o2) = shifted.addingReportingOverflow(Int64(digit))
            if o1 || o2 { return .overflow }
            value = added
        }
        let (scaled, o3) = value.multipliedReportingOverflow(by: factor)
        if o3 { return .overflow }
        var place = factor
        var fractionValue: Int64 = 0
        for digit in fractionDigits {
            if place > 1 {
                place /= 10
                fractionValue += Int64(digit) * place
            } else if digit != 0 {
                return .fractional
            }
        }
        let (total, o4) = scaled.addingReportingOverflow(fractionValue)
        return o4 ? .overflow : .exact(total)
    }
}

extension Character {
    var asciiDigit: UInt8? {
        guard let ascii = asciiValue, ascii >= 48, ascii <= 57 else { return nil }
        return ascii - 48
    }
}

extension Substring {
    func stripSuffix(_ suffixes: [String]) -> Substring? {
        for suffix in suffixes where hasSuffix(suffix) {
            return dropLast(suffix.count)
        }
        return nil
    }
}

extension String {
    /// Whether the string is empty or only spaces, tabs and line breaks, as ``trimmingSpaces()`` sees them.
    var isBlank: Bool { unicodeScalars.allSatisfy(Self.isSpace) }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{3000}"
    }

    /// The string without leading and trailing spaces, tabs and line breaks (ASCII and ideographic).
    func trimmingSpaces() -> String {
        let isSpace = Self.isSpace
        let scalars = unicodeScalars
        if let first = scalars.first, let last = scalars.last, !isSpace(first), !isSpace(last) { return self }
        guard let start = scalars.firstIndex(where: { !isSpace($0) }), let end = scalars.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(scalars[start...end])
    }
}
