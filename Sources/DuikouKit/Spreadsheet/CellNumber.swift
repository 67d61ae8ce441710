/// The numbers of cells, read from their `<v>` text exactly, never through floating point.
enum CellNumber {
    /// `text` (`1114.79`, `1.5E+3`, `-2`, `3.0000000000000004`) as plain decimal digits, exponent applied:
    /// `1500`, or `nil` when it is not a number.
    static func plainDecimal(_ text: String) -> String? {
        var mantissa = Substring(text)
        var exponent = 0
        if let mark = text.firstIndex(where: { $0 == "E" || $0 == "e" }) {
            guard let value = Int(text[text.index(after: mark)...]), abs(value) <= 400 else { return nil }
            exponent = value
            mantissa = text[..<mark]
        }
        var negative = false
        if mantissa.first == "-" {
            negative = true
            mantissa = mantissa.dropFirst()
        } else if mantissa.first == "+" {
            mantissa = mantissa.dropFirst()
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigitCharacter) }),
              parts.contains(where: { !$0.isEmpty })
        else { return nil }
        var digits = Array(parts[0]) + (parts.count == 2 ? Array(parts[1]) : [])
        var point = parts[0].count + exponent
        if point < 0 {
            digits.insert(contentsOf: repeatElement("0", count: -point), at: 0)
            point = 0
        }
        if point > digits.count { digits.append(contentsOf: repeatElement("0", count: point - digits.count)) }
        var whole = String(digits[..<point]).drop { $0 == "0" }
        var fraction = String(digits[point...])
        while fraction.last == "0" { fraction.removeLast() }
        if whole.isEmpty { whole = "0" }
        let number = fraction.isEmpty ? String(whole) : "\(whole).\(fraction)"
        return negative && number != "0" ? "-" + number : number
    }

    /// ``plainDecimal(_:)`` of UTF-8 bytes: text already in plain form (`-12.5`, `1500`, `0.0001`,
    /// as Duikou and most writers put numbers) is taken as it is, without a look at its digits one
    /// character at a time; anything else goes through the text form.
    static func plainDecimal(_ bytes: [UInt8]) -> String? {
        isPlain(bytes) ? String(decoding: bytes, as: UTF8.self) : plainDecimal(String(decoding: bytes, as: UTF8.self))
    }

    /// Whether `bytes` are what ``plainDecimal(_:)`` would return for them: an optional minus, whole
    /// digits without a leading zero (but for `0` itself), an optional point and fraction digits not
    /// ending in zero; never minus zero.
    private static func isPlain(_ bytes: [UInt8]) -> Bool {
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        var index = 0
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { index = 1 }
        let wholeStart = index
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        let wholeCount = index - wholeStart
        guard wholeCount > 0, wholeCount == 1 || bytes[wholeStart] != UInt8(ascii: "0") else { return false }
        if index == bytes.count { return !(negative && wholeCount == 1 && bytes[wholeStart] == UInt8(ascii: "0")) }
        guard bytes[index] == UInt8(ascii: "."), index + 1 < bytes.count, bytes[bytes.count - 1] != UInt8(ascii: "0") else { return false }
        return bytes[(index + 1)...].allSatisfy(isDigit)
    }

    /// ``date(serial:system1904:)`` of UTF-8 bytes; a whole number of days is read without making text.
    static func date(serial bytes: [UInt8], system1904: Bool) throws -> LocalDate {
        guard (1...7).contains(bytes.count), bytes.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return try date(serial: String(decoding: bytes, as: UTF8.self), system1904: system1904)
        }
        return try date(days: bytes.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }, system1904: system1904) {
            String(decoding: bytes, as: UTF8.self)
        }
    }

    /// The date of an Excel serial day number (`<v>` of a date cell): days since 1899-12-30 in the 1900
    /// system (whose serial 60 is the 29 February 1900 that never was), since 1904-01-01 in the 1904
    /// system. A time of day is dropped; a serial before the first day is refused.
    static func date(serial text: String, system1904: Bool) throws -> LocalDate {
        guard let plain = plainDecimal(text), !plain.hasPrefix("-"),
              let days = Int(plain.split(separator: ".").first ?? "")
        else { throw DuikouError.invalid("date", text, "is not a date serial number") }
        return try date(days: days, system1904: system1904) { text }
    }

    /// The date of `days`, the whole part of a serial; `text` names it in errors.
    private static func date(days: Int, system1904: Bool, text: () -> String) throws -> LocalDate {
        guard days < 3_000_000 else { throw DuikouError.invalid("date", text(), "is beyond the year 9999") }
        if system1904 { return LocalDate(daysSinceEpoch: Int64(days) + Self.days1904) }
        guard days >= 1 else { throw DuikouError.invalid("date", text(), "holds a time of day, not a date") }
        guard days != 60 else { throw DuikouError.invalid("date", text(), "is 1900-02-29, a day that never was (Excel's 1900 leap-year bug)") }
        return LocalDate(daysSinceEpoch: Int64(days) + (days < 60 ? Self.days1899_12_31 : Self.days1899_12_30))
    }

    /// Days from 1970-01-01 to 1899-12-30, 1899-12-31 and 1904-01-01.
    private static let days1899_12_30: Int64 = -25_569
    private static let days1899_12_31: Int64 = -25_568
    private static let days1904: Int64 = -24_107
}

extension Character {
    var isASCIIDigitCharacter: Bool { ("0"..."9").contains(self) }
}
