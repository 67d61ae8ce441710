import Foundation
import Testing
@testable import DuikouKit

/// Display widths, aligned tables, JSON text, CSV records, and how amounts and ratios are shown.
@Suite struct TextOutputTests {
    // MARK: - Display width

    @Test(arguments: [
        ("", 0),
        ("a", 1),
        ("abc 123", 7),
        ("辽", 2),
        ("辽宁省", 6),
        ("２", 2),
        ("ＡＢＣ", 6),
        ("（哈尔滨）", 10),
        ("，。、", 6),
        ("😀", 2),
        ("🚀", 2),
        ("🎉", 2),
        ("🥟", 2),
        ("e\u{301}", 1),
        ("\u{301}", 0),
        ("\u{200B}", 0),
        ("a\u{200D}b", 2),
        ("\u{FE0F}", 0),
        ("한국", 4),
        ("ｶﾅ", 2),
        ("1114.79亿元", 11),
        ("\u{3000}", 2),
    ])
    func displayWidth(text: String, width: Int) {
        #expect(text.displayWidth == width)
    }

    @Test(arguments: ["✅", "⌚", "🫠", "🪁"])
    func emojiOutsideTheMainPictographBlocksAreWideToo(emoji: String) {
        // These have East Asian Width W and emoji presentation by default; terminals draw them two columns wide.
        #expect(emoji.displayWidth == 2)
    }

    // MARK: - TextTable

    @Test func tableAlignsMixedChineseAndASCIIByDisplayWidth() {
        let table = TextTable(
            columns: [.init("项目"), .init("Pairing"), .init("计划投资（亿元）", .right), .init("状态")],
            rows: [
                ["华晨宝马铁西工厂", "liaoning-jiangsu", "1,114.79", "投产"],
                ["A", "b", "1.00", "signed"],
                ["深圳（哈尔滨）产业园区", "hlj-gd", "12.50", "开工"],
                ["ＡＢＣ２", "", "0.35", ""],
            ],
            footer: [["合计", "", "1,128.64", ""]]
        )
        let text = table.rendered()
        #expect(text.hasSuffix("\n"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(lines.count == 1 + 1 + 4 + 1 + 1)

        let widths = [22, 16, 16, 6] // the widest cell (or heading) of each column, in display columns
        let starts = [0, 24, 42, 60]
        let total = 66
        #expect(lines[1] == String(repeating: "-", count: total))
        #expect(lines[6] == String(repeating: "-", count: total))

        let cellLines = [0, 2, 3, 4, 5, 7]
        let cells = [table.columns.map(\.title)] + table.rows + table.footer
        for (lineIndex, row) in zip(cellLines, cells) {
            let line = lines[lineIndex]
            #expect(!line.hasSuffix(" "), "line \(lineIndex) keeps trailing spaces")
            #expect(line.displayWidth <= total)
            for column in 0..<4 {
                let slot = displaySlice(line, from: starts[column], width: widths[column])
                let cell = row[column]
                let trimmed = slot.trimmingCharacters(in: .whitespaces)
                #expect(trimmed == cell, "line \(lineIndex), column \(column): \(slot)")
                if table.columns[column].alignment == .left {
                    #expect(slot.hasPrefix(cell), "line \(lineIndex), column \(column) is not flush left")
                } else {
                    #expect(slot.hasSuffix(cell), "line \(lineIndex), column \(column) is not flush right")
                    #expect(slot.displayWidth == widths[column])
                }
                if column > 0 {
                    #expect(displaySlice(line, from: starts[column] - 2, width: 2) == "  ", "line \(lineIndex) lacks the gap before column \(column)")
                }
            }
        }
    }

    @Test func tableShowsLineBreaksAndTabsInCellsOnOneLine() {
        let table = TextTable(columns: [.init("note"), .init("n", .right)], rows: [["第一行\n第二行", "1"], ["a\tb", "22"]])
        let text = table.rendered()
        #expect(text.contains("第一行⏎第二行"))
        #expect(text.contains("a b"))
        #expect(text.components(separatedBy: "\n").count == 1 + 1 + 2 + 1)
        #expect(text == """
        note            n
        -----------------
        第一行⏎第二行   1
        a b            22

        """)
    }

    @Test func tableWithoutRowsShowsHeadingsAndRule() {
        let table = TextTable(columns: [.init("名称"), .init("Amount", .right)])
        #expect(table.rendered() == "名称  Amount\n------------\n")
    }

    @Test func missingCellsAreBlank() {
        let table = TextTable(columns: [.init("a"), .init("b"), .init("c")], rows: [["x"], ["1", "2", "3"]])
        #expect(table.rendered() == "a  b  c\n-------\nx\n1  2  3\n")
    }

    /// The part of a line between two display positions.
    private func displaySlice(_ line: String, from start: Int, width: Int) -> String {
        var position = 0
        var out = ""
        for character in line {
            let w = String(character).displayWidth
            if position >= start && position + w <= start + width { out.append(character) }
            position += w
        }
        // A line loses its trailing spaces; pad so that a short last cell still fills its slot.
        let missing = width - out.displayWidth
        return missing > 0 && position <= start + width ? out + String(repeating: " ", count: missing) : out
    }

    // MARK: - JSON

    @Test(arguments: [
        ("plain", #""plain""#),
        ("say \"hi\"", #""say \"hi\"""#),
        ("back\\slash", #""back\\slash""#),
        ("line\nbreak", #""line\nbreak""#),
        ("cr\rtab\t", #""cr\rtab\t""#),
        ("\u{0}", #""\u0000""#),
        ("\u{1}\u{1F}", #""\u0001\u001f""#),
        ("\u{8}\u{C}", #""\u0008\u000c""#),
        ("\u{2028}\u{2029}", #""\u2028\u2029""#),
        ("/", #""/""#),
        ("辽宁省", #""辽宁省""#),
        ("😀🚀", #""😀🚀""#),
        ("e\u{301}", "\"e\u{301}\""),
        ("", #""""#),
    ])
    func jsonStringEscaping(text: String, json: String) {
        #expect(JSONValue.string(text).text() == json)
        #expect(JSONValue.string(text).text(pretty: true) == json)
    }

    @Test func jsonStringsReadBackExactly() throws {
        var samples = ["\"\\\n\r\t\u{0}\u{7}\u{1B}\u{7F}", "辽宁\u{2028}江苏", "😀\u{301}", "{\"a\":1}", "</script>"]
        samples.append(String((0..<0x80).map { Character(Unicode.Scalar($0)!) }))
        for sample in samples {
            let text = JSONValue.array([.string(sample)]).text()
            let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String]
            #expect(parsed == [sample])
        }
    }

    @Test func jsonScalars() {
        #expect(JSONValue.null.text() == "null")
        #expect(JSONValue.bool(true).text() == "true")
        #expect(JSONValue.bool(false).text() == "false")
        #expect(JSONValue.integer(Int64.max).text() == "9223372036854775807")
        #expect(JSONValue.integer(-5).text() == "-5")
        #expect(JSONValue.number("0.4567").text() == "0.4567")
        #expect(JSONValue.array([]).text(pretty: true) == "[]")
        #expect(JSONValue.object([]).text(pretty: true) == "{}")
    }

    let sample = JSONValue.object([
        ("zeta", .integer(1)),
        ("alpha", .array([.bool(true), .null, .string("签约")])),
        ("mid", .object([("b", .integer(2)), ("a", .object([]))])),
        ("empty", .array([])),
    ])

    @Test func jsonCompactKeepsKeyOrder() {
        #expect(sample.text() == #"{"zeta":1,"alpha":[true,null,"签约"],"mid":{"b":2,"a":{}},"empty":[]}"#)
    }

    @Test func jsonPrettyIndentsByTwoSpaces() {
        #expect(sample.text(pretty: true) == """
        {
          "zeta": 1,
          "alpha": [
            true,
            null,
            "签约"
          ],
          "mid": {
            "b": 2,
            "a": {}
          },
          "empty": []
        }
        """)
    }

    @Test func jsonKeysAreEscapedToo() {
        #expect(JSONValue.object([("a\"b\n", .null)]).text() == #"{"a\"b\n":null}"#)
    }

    @Test func jsonEqualityRespectsMemberOrder() {
        let ab = JSONValue.object([("a", .integer(1)), ("b", .integer(2))])
        let ba = JSONValue.object([("b", .integer(2)), ("a", .integer(1))])
        #expect(ab == JSONValue.object([("a", .integer(1)), ("b", .integer(2))]))
        #expect(ab != ba)
        #expect(Set([ab, ab, ba]).count == 2)
    }

    @Test func jsonOutputIsValidJSON() throws {
        for pretty in [false, true] {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(sample.text(pretty: pretty).utf8)) as? [String: Any])
            #expect(object["zeta"] as? Int == 1)
            #expect((object["alpha"] as? [Any])?.count == 3)
        }
    }

    // MARK: - CSV

    @Test(arguments: [
        ("plain", "plain"),
        ("", ""),
        ("辽宁省", "辽宁省"),
        ("with space", "with space"),
        ("a,b", #""a,b""#),
        ("say \"hi\"", #""say ""hi""""#),
        ("\"", #""""""#),
        ("line\nbreak", "\"line\nbreak\""),
        ("line\r\nbreak", "\"line\r\nbreak\""),
        ("cr\ronly", "\"cr\ronly\""),
        ("1,114.79", #""1,114.79""#),
        ("，", "，"),
        // A quote followed by a combining mark is one character, but still a quote to CSV.
        ("\"\u{301}", "\"\"\"\u{301}\""),
    ])
    func csvFieldQuoting(text: String, field: String) {
        #expect(CSVWriter.field(text) == field)
    }

    @Test func csvRecordsEndWithCRLF() {
        #expect(CSVWriter.record(["a", "b,c", "d\"e", "签约"]) == "a,\"b,c\",\"d\"\"e\",签约\r\n")
        #expect(CSVWriter.record(["only"]) == "only\r\n")
        #expect(CSVWriter.record(["", ""]) == ",\r\n")
        #expect(CSVWriter.record([]) == "\r\n")
    }

    // MARK: - Amounts and ratios in tables

    @Test(arguments: [
        (Int64(111_479_000_000), "1,114.79", "11,147,900.00"),
        (6_262_070_000, "62.62", "626,207.00"),
        (0, "0.00", "0.00"),
        (3_500, "0.00", "0.35"),
        (500_000, "0.01", "50.00"),
        (499_999, "0.00", "50.00"),
        (50, "0.00", "0.01"),
        (49, "0.00", "0.00"),
        (99_999_999_999, "1,000.00", "10,000,000.00"),
        (Int64.max, "92,233,720,368.55", "922,337,203,685,477.58"),
    ])
    func moneyText(yuan: Int64, yi: String, wan: String) throws {
        let money = try Money(yuan: yuan)
        #expect(MoneyText.yi(money) == yi)
        #expect(MoneyText.wan(money) == wan)
        #expect(MoneyText.yi(Optional(money)) == yi)
    }

    @Test func missingMoneyIsADash() {
        #expect(MoneyText.yi(nil as Money?) == "-")
    }

    @Test func ratios() {
        #expect(Ratio.json(nil) == .null)
        #expect(Ratio.json(0.45678) == .number("0.4568"))
        #expect(Ratio.json(1) == .number("1"))
        #expect(Ratio.json(0) == .number("0"))
        #expect(Ratio.json(0.5) == .number("0.5"))
        #expect(Ratio.percent(nil) == "-")
        #expect(Ratio.percent(0.4567) == "45.7%")
        #expect(Ratio.percent(1) == "100.0%")
        #expect(Ratio.percent(0) == "0.0%")
        #expect(Ratio.percent(2.5) == "250.0%")
        #expect(Ratio.percent(0.12345) == "12.3%")
        #expect(Ratio.csv(nil) == "")
        #expect(Ratio.csv(0.12345678) == "0.1235")
        #expect(Ratio.csv(0.1) == "0.1")
    }

    /// Ratios are rounded as C's printf rounds: the exact binary value, half to even.
    @Test func ratiosRoundLikePrintf() {
        #expect(Ratio.percent(0.00125) == "0.1%")
        #expect(Ratio.percent(123.45678) == "12345.7%")
        #expect(Ratio.json(0.00005) == .number("0.0001"))
        #expect(Ratio.json(0.66665) == .number("0.6666"))
        #expect(Ratio.json(1e-9) == .number("0"))
        // Longer than the first buffer: printf's exact digits of the double nearest 10³⁰⁰.
        #expect(Ratio.csv(1e300).count == 301)
        #expect(Ratio.csv(1e300).hasPrefix("10000000000000000525"))
    }
}
