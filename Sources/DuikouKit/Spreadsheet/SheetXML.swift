/// The pieces of SpreadsheetML (ECMA-376 part 1) that cells are written with: escaped text, exact
/// decimal amounts, Excel's serial dates, column letters and sheet names.
enum SheetXML {
    /// The most characters (UTF-16 code units) Excel keeps in a cell.
    static let maxTextLength = 32_767
    /// The most characters in a sheet name.
    static let maxSheetNameLength = 31

    /// Appends `text` as XML character data: `&`, `<` and `>` escaped; a carriage return as `&#13;`
    /// (a parser would otherwise fold it into the line feed); the other control characters, which
    /// XML 1.0 cannot hold (tab and line feed stay), and U+FFFE/U+FFFF as Excel's `_xHHHH_`; and an
    /// underscore that would start such an escape in the text itself as `_x005F_`, so that Excel and
    /// LibreOffice read back exactly the text that was written.
    static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        let bytes = text.utf8
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case UInt8(ascii: "<"): out += "&lt;".utf8
            case UInt8(ascii: ">"): out += "&gt;".utf8
            case 0x0D: out += "&#13;".utf8
            case 0x09, 0x0A: out.append(byte)
            case 0x00..<0x20: appendHexEscape(UInt16(byte), to: &out)
            case UInt8(ascii: "_") where startsEscape(bytes[bytes.index(after: index)...]): appendHexEscape(0x5F, to: &out)
            case 0xEF:
                // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
                let rest = bytes[index...].prefix(3)
                if rest.count == 3, rest.dropFirst().first == 0xBF, let last = rest.last, last == 0xBE || last == 0xBF {
                    appendHexEscape(last == 0xBE ? 0xFFFE : 0xFFFF, to: &out)
                    index = bytes.index(index, offsetBy: 3)
                    continue
                }
                out.append(byte)
            default: out.append(byte)
            }
            index = bytes.index(after: index)
        }
    }

    /// Whether `rest` (the bytes after an underscore) reads `xHHHH_`.
    private static func startsEscape(_ rest: Substring.UTF8View.SubSequence) -> Bool {
        var iterator = rest.makeIterator()
        guard let marker = iterator.next(), marker == UInt8(ascii: "x") || marker == UInt8(ascii: "X") else { return false }
        for _ in 0..<4 {
            guard let byte = iterator.next(), isHexDigit(byte) else { return false }
        }
        return iterator.next() == UInt8(ascii: "_")
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }

    private static func appendHexEscape(_ value: UInt16, to out: inout [UInt8]) {
        let digits = Array("0123456789ABCDEF".utf8)
        out += "_x".utf8
        for shift in [12, 8, 4, 0] { out.append(digits[Int((value >> UInt16(shift)) & 0xF)]) }
        out.append(UInt8(ascii: "_"))
    }

    /// Whether text needs `xml:space="preserve"` to keep its leading or trailing white space.
    static func needsPreserve(_ text: String) -> Bool {
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        guard let first = text.utf8.first, let last = text.utf8.last else { return false }
        return isSpace(first) || isSpace(last)
    }

    /// An amount of yuan in 万元, as exact decimal text: `125000` for 1,250,000,000 yuan, `0.0001`
    /// for 1 yuan, `-3.5` for -35,000 yuan. Written from the integer, digit by digit, so no binary
    /// floating point ever rounds it.
    static func wan(_ yuan: Int64) -> String {
        let magnitude = yuan.magnitude
        let whole = magnitude / 10_000
        var fraction = magnitude % 10_000
        var text = yuan < 0 ? "-" : ""
        text += String(whole)
        guard fraction != 0 else { return text }
        var digits = 4
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        let fractionText = String(fraction)
        text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
        return text
    }

    /// Excel's serial day number of a date in the 1900 date system: 1 for 1900-01-01, 61 for
    /// 1900-03-01. Excel counts a 1900-02-29 that never was (serial 60), so dates from 1900-03-01 on
    /// are the days since 1899-12-30 and earlier ones one fewer.
    static func serial(_ date: LocalDate) -> Int64 {
        let days = date.daysSinceEpoch + 25_569  // 1899-12-30 is 25,569 days before 1970-01-01
        return date < LocalDate(unchecked: 1900, 3, 1) ? days - 1 : days
    }

    /// The letters of a column: `A` for 0, `Z` for 25, `AA` for 26.
    static func column(_ index: Int) -> String {
        var letters: [UInt8] = []
        var rest = index + 1
        while rest > 0 {
            rest -= 1
            letters.insert(UInt8(ascii: "A") + UInt8(rest % 26), at: 0)
            rest /= 26
        }
        return String(decoding: letters, as: UTF8.self)
    }

    /// A name Excel accepts for a sheet: `[ ] : * ? / \` become `_`, an apostrophe may not start or end
    /// it, at most 31 characters, never empty.
    static func sheetName(_ proposed: String) -> String {
        var name = String(proposed.map { "[]:*?/\\".contains($0) ? "_" : $0 })
        while name.hasPrefix("'") { name.removeFirst() }
        while name.utf16.count > maxSheetNameLength { name.removeLast() }
        while name.hasSuffix("'") { name.removeLast() }
        return name.isEmpty ? "Sheet" : name
    }
}
