/// Which cell styles of a workbook show numbers as dates, read from `xl/styles.xml`: the number
/// format of each `<xf>` of `<cellXfs>` (a cell's `s` attribute indexes them), built in or from `<numFmts>`.
struct CellFormats {
    /// For each cell style, whether it is a date format.
    private var dateStyles: [Bool] = []

    /// No styles: every number is a number.
    init() {}

    init(_ tokenizer: XMLTokenizer) throws {
        var customDates: [Int: Bool] = [:]
        var inCellFormats = false
        var styleIDs: [Int] = []
        while let token = try tokenizer.next() {
            switch token {
            case .start(let tag):
                switch tag.name {
                case "numFmt":
                    if let id = tag.attribute("numFmtId").flatMap({ Int($0) }), let code = tag.attribute("formatCode") {
                        customDates[id] = Self.isDateFormat(code)
                    }
                case "cellXfs": inCellFormats = !tag.closesItself
                case "xf" where inCellFormats: styleIDs.append(tag.attribute("numFmtId").flatMap { Int($0) } ?? 0)
                default: break
                }
            case .end("cellXfs"): inCellFormats = false
            default: break
            }
        }
        dateStyles = styleIDs.map { customDates[$0] ?? Self.builtInDateIDs.contains($0) }
    }

    /// Whether the cell style `index` shows a date.
    func isDate(style index: Int) -> Bool { index >= 0 && index < dateStyles.count && dateStyles[index] }

    /// The built-in number formats that show dates or times: 14–22 and 45–47 everywhere, and the
    /// Chinese, Japanese and Korean ones 27–36 and 50–58 (such as 31, `yyyy"年"m"月"d"日"`).
    static let builtInDateIDs: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    /// Whether a custom format code shows a date: after dropping quoted text, escapes and bracketed
    /// parts (colours, locales, elapsed times such as `[h]`), it has a year or day code, or a month code (a month
    /// `m` only when no hour or second is next to it, where `m` means minutes).
    static func isDateFormat(_ code: String) -> Bool {
        var letters: [Character] = []
        var quoted = false, bracketed = false, escaped = false
        for character in code {
            if escaped { escaped = false; continue }
            if quoted { quoted = character != "\""; continue }
            if bracketed { bracketed = character != "]"; continue }
            switch character {
            case "\"": quoted = true
            case "[": bracketed = true
            case "\\", "_", "*": escaped = true
            case ";": if !letters.isEmpty { return Self.isDateCodes(letters) }
            default: letters.append(Character(character.lowercased()))
            }
        }
        return Self.isDateCodes(letters)
    }

    private static func isDateCodes(_ letters: [Character]) -> Bool {
        if letters.contains("y") || letters.contains("d") { return true }
        return letters.contains("m") && !letters.contains("h") && !letters.contains("s")
    }
}
