extension LocalDate {
    /// Reads a date as people write it in spreadsheets: `2024-03-01`, `2024-3-1`, `2024/3/1`,
    /// `2024.3.1` or `2024年3月1日`, ignoring surrounding spaces.
    ///
    /// - Throws: ``DuikouError/Code/invalidInput`` naming `field` for anything else or a day that does not exist.
    init(parsingWritten text: String, field: String) throws {
        if let date = try? LocalDate(parsing: text, field: field) {
            self = date
            return
        }
        guard let (year, month, day) = Self.writtenParts(text.trimmingSpaces()) else {
            throw DuikouError.invalid(field, text, "is not a date; write YYYY-MM-DD, e.g. 2019-05-09 (2019/5/9, 2019.5.9 and 2019年5月9日 are read too)")
        }
        if let problem = Self.problem(year: year, month: month, day: day) {
            throw DuikouError.invalid(field, text, problem)
        }
        self.init(unchecked: year, month, day)
    }

    /// The year, month and day of `Y-M-D`, `Y/M/D`, `Y.M.D` (one separator throughout) or `Y年M月D日`.
    private static func writtenParts(_ text: String) -> (Int, Int, Int)? {
        var text = Substring(text)
        let separator: Character
        if text.contains("年") {
            guard text.hasSuffix("日") else { return nil }
            text = text.dropLast()
            guard text.split(separator: "年").count == 2, text.split(separator: "月").count == 2,
                  let yearEnd = text.firstIndex(of: "年"), let monthEnd = text.firstIndex(of: "月"), yearEnd < monthEnd
            else { return nil }
            text = text[..<yearEnd] + "-" + text[text.index(after: yearEnd)..<monthEnd] + "-" + text[text.index(after: monthEnd)...]
            separator = "-"
        } else {
            guard let first = text.first(where: { !$0.isASCIIDigitCharacter }), "-/.".contains(first) else { return nil }
            separator = first
        }
        let parts = text.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigitCharacter) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        return (year, month, day)
    }
}
