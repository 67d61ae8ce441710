import Testing
import DuikouDemo
@testable import DuikouKit

/// Parsing, showing and adding exact amounts of money.
@Suite struct MoneyTests {
    // MARK: - Units

    @Test(arguments: [
        ("3500元", Int64(3_500)),
        ("0元", 0),
        ("35万", 350_000),
        ("35万元", 350_000),
        ("2亿", 200_000_000),
        ("2亿元", 200_000_000),
        ("35", 350_000),
        ("0", 0),
    ])
    func everyUnit(text: String, yuan: Int64) throws {
        #expect(try Money(parsing: text).yuan == yuan)
    }

    @Test(arguments: [
        ("1114.79亿", Int64(111_479_000_000)),
        ("1114.79亿元", 111_479_000_000),
        ("626207万元", 6_262_070_000),
        ("0.35万", 3_500),
        ("0.0001万", 1),
        ("0.00000001亿", 1),
        ("12.5", 125_000),
        (".5万", 5_000),
        ("12.万", 120_000),
        ("1.0元", 1),
        ("1.00000万", 10_000),
        ("1.000000000000元", 1),
        ("007万", 70_000),
    ])
    func decimals(text: String, yuan: Int64) throws {
        #expect(try Money(parsing: text).yuan == yuan)
    }

    // MARK: - Thousands separators

    @Test(arguments: [
        ("1,234.5万", Int64(12_345_000)),
        ("1,234,567元", 1_234_567),
        ("12,345", 123_450_000),
        ("999,999亿", 99_999_900_000_000),
    ])
    func thousandsSeparatorsGroupingByThree(text: String, yuan: Int64) throws {
        #expect(try Money(parsing: text).yuan == yuan)
    }

    @Test(arguments: ["1,23", "1,2345", ",123", "1,,234", "1234,567", "1,234,56元", "1,234.5,6万", "1,", ","])
    func badThousandsSeparatorsAreRefused(text: String) {
        expectInvalidInput { try Money(parsing: text) }
    }

    // MARK: - Spaces

    @Test(arguments: [" 35万", "35万 ", "  35万  ", "\t35万\n", "\u{3000}35万\u{3000}", "35 万", "35\u{3000}万元", " 35 万元 "])
    func surroundingSpacesAreIgnored(text: String) throws {
        #expect(try Money(parsing: text).yuan == 350_000)
    }

    @Test func windowsLineEndingIsASpaceToo() throws {
        // "\r\n" is a single Character in Swift, so it must be recognised as a line break on its own.
        #expect(try Money(parsing: "35万\r\n").yuan == 350_000)
        #expect(try Money(parsing: "\r\n35万").yuan == 350_000)
    }

    @Test(arguments: ["3 5万", "1 234万", "1\u{3000}234元"])
    func spacesInsideTheNumberAreRefused(text: String) {
        expectInvalidInput { try Money(parsing: text) }
    }

    // MARK: - Limits

    @Test(arguments: ["9223372036854775807元", "922337203685477.5807万", "922337203685477.5807万元", "92233720368.54775807亿",
                      "9,223,372,036,854,775,807元"])
    func int64MaxYuanIsAccepted(text: String) throws {
        #expect(try Money(parsing: text).yuan == Int64.max)
    }

    @Test(arguments: ["9223372036854775808元", "922337203685477.5808万", "922337203685478万", "922337203685478",
                      "92233720368.54775808亿", "92233720369亿", "100000000000亿", "99999999999999999999999999元",
                      "18446744073709551616元"])
    func overflowIsRefused(text: String) {
        expectInvalidInput { try Money(parsing: text) }
    }

    @Test(arguments: ["-5", "-5万", "-0.5亿", " -5元", "-0", "-0元", "\u{3000}-1,000万元"])
    func negativeAmountsAreRefused(text: String) {
        expectInvalidInput { try Money(parsing: text) }
    }

    @Test func negativeYuanIsRefused() {
        expectInvalidInput { try Money(yuan: -1) }
        expectInvalidInput { try Money(yuan: .min) }
    }

    @Test func wholeYuanInitialiser() throws {
        #expect(try Money(yuan: 0) == .zero)
        #expect(try Money(yuan: Int64.max).yuan == Int64.max)
    }

    @Test(arguments: ["0.5元", "1.5元", "1.50元", "1.00001万", "0.000000001亿", "0.00005万", "1114.791234567亿", "0.00001"])
    func fractionsOfAYuanAreRefused(text: String) {
        expectInvalidInput { try Money(parsing: text) }
    }

    // MARK: - Garbage

    @Test(arguments: ["", "   ", "\u{3000}", "abc", "12x", "x12", "1.2.3", "..", ".", "亿", "万", "元", "万元", "亿元", "--5", "+5",
                      "💰", "5💰", "💰5万", "1e5", "0x10", "NaN", "１２万", "12万亿", "12亿万", "12元元", "12万 元 元", "12 万 x",
                      "5\u{301}万", "٣٥万", "三十五万"])
    func garbageIsRefused(text: String) {
        expectInvalidInput { try Money(parsing: text) }
    }

    @Test func errorNamesTheField() throws {
        let error = #expect(throws: DuikouError.self) { try Money(parsing: "abc", field: "planned-investment") }
        #expect(error?.code == .invalidInput)
        #expect(error?.message.contains("planned-investment") == true)

        let negative = #expect(throws: DuikouError.self) { try Money(parsing: "-3万", field: "completed") }
        #expect(negative?.message.contains("completed") == true)

        let fraction = #expect(throws: DuikouError.self) { try Money(parsing: "0.5元", field: "completed") }
        #expect(fraction?.message.contains("completed") == true)

        let huge = #expect(throws: DuikouError.self) { try Money(parsing: "1000000000000亿", field: "planned") }
        #expect(huge?.message.contains("planned") == true)
    }

    // MARK: - Showing amounts

    @Test(arguments: [
        (Int64(0), "0", "0"),
        (1, "0.0001", "0.00000001"),
        (3_500, "0.35", "0.000035"),
        (10_000, "1", "0.0001"),
        (6_262_070_000, "626207", "62.6207"),
        (111_479_000_000, "11147900", "1114.79"),
        (100_000_001, "10000.0001", "1.00000001"),
        (Int64.max, "922337203685477.5807", "92233720368.54775807"),
    ])
    func wanAndYiText(yuan: Int64, wan: String, yi: String) throws {
        let money = try Money(yuan: yuan)
        #expect(money.wanText == wan)
        #expect(money.yiText == yi)
        #expect(try Money(parsing: wan + "万").yuan == yuan)
        #expect(try Money(parsing: yi + "亿").yuan == yuan)
    }

    @Test(arguments: [
        (Int64(0), "0元"),
        (800, "800元"),
        (9_999, "9999元"),
        (10_000, "1万元"),
        (350_000, "35万元"),
        (3_500_001, "350.0001万元"),
        (99_999_999, "9999.9999万元"),
        (100_000_000, "1亿元"),
        (111_479_000_000, "1114.79亿元"),
        (100_000_001, "1.00000001亿元"),
    ])
    func description(yuan: Int64, text: String) throws {
        let money = try Money(yuan: yuan)
        #expect(money.description == text)
        #expect(try Money(parsing: text) == money)
    }

    // MARK: - Adding and ordering

    @Test func sumAddsExactly() throws {
        let a = try Money(parsing: "1114.79亿")
        let b = try Money(parsing: "0.35万")
        #expect(try Money.sum(a, b).yuan == 111_479_003_500)
        #expect(try Money.sum(.zero, .zero) == .zero)
        let max = try Money(yuan: .max)
        #expect(try Money.sum(max, .zero) == max)
        #expect(try Money.sum(try Money(yuan: .max - 1), try Money(yuan: 1)) == max)
    }

    @Test func sumRefusesOverflow() throws {
        let max = try Money(yuan: .max)
        expectInvalidInput { try Money.sum(max, try Money(yuan: 1)) }
        expectInvalidInput { try Money.sum(try Money(yuan: 1), max) }
        expectInvalidInput { try Money.sum(max, max) }
    }

    @Test func amountsOrderByValue() throws {
        let amounts = try ["1亿", "3500元", "0", "35万", "0.35万"].map { try Money(parsing: $0) }
        #expect(amounts.sorted().map(\.yuan) == [0, 3_500, 3_500, 350_000, 100_000_000])
        #expect(try Money(parsing: "0.35万") == Money(parsing: "3500元"))
    }

    // MARK: - Deterministic fuzzing

    /// Random strings from digits, separators, units and junk: parsing never crashes, and whatever it
    /// accepts is a non-negative amount that reads back the same from its yuan and its description.
    @Test func fuzzedTextParsesConsistently() throws {
        let alphabet = ["0", "1", "2", "5", "7", "9", "0", "3", ".", ".", ",", ",", "-", "元", "万", "万元", "亿", "亿元",
                        " ", "\u{3000}", "\t", "x", "e", "+", "１", "💰", "\u{301}", "\r\n", "_"]
        var rng = SeededGenerator(seed: 0xD01C_0DE5)
        var accepted = 0
        for _ in 0..<4_000 {
            let length = Int(rng.next(below: 14))
            var text = ""
            for _ in 0..<length { text += alphabet[Int(rng.next(below: UInt64(alphabet.count)))] }
            guard let money = try? Money(parsing: text) else { continue }
            accepted += 1
            #expect(money.yuan >= 0, "\(text)")
            #expect(try Money(parsing: "\(money.yuan)元") == money, "\(text)")
            #expect(try Money(parsing: money.description) == money, "\(text)")
        }
        // The alphabet is rich in digits, so a fair share of the strings must be amounts.
        #expect(accepted > 100)
    }

    /// Random exact amounts written in each unit (with and without thousands separators) read back exactly.
    @Test func fuzzedAmountsRoundTripThroughEveryUnit() throws {
        var rng = SeededGenerator(seed: 42)
        for round in 0..<3_000 {
            // Mix huge values with small ones so that every magnitude is covered.
            let bits = rng.next() >> 1
            let yuan = Int64(bitPattern: round % 2 == 0 ? bits : bits >> rng.next(below: 63))
            let money = try Money(yuan: yuan)
            #expect(try Money(parsing: "\(yuan)元") == money)
            #expect(try Money(parsing: grouped(String(yuan)) + "元") == money)
            #expect(try Money(parsing: money.wanText) == money)
            #expect(try Money(parsing: money.wanText + "万元") == money)
            #expect(try Money(parsing: groupedDecimal(money.wanText) + "万") == money)
            #expect(try Money(parsing: money.yiText + "亿") == money)
            #expect(try Money(parsing: groupedDecimal(money.yiText) + "亿元") == money)
            #expect(try Money(parsing: money.description) == money)
        }
    }

    // MARK: - The fast reader of bulk imports

    /// `Money(parsing:)` reads the common spelling straight from the bytes and leaves the rest to the
    /// general reader; wherever the fast reader answers, the general one must give the same amount.
    @Test func fastReaderAgreesWithTheGeneralReader() {
        let alphabet: [String] = ["0", "1", "5", "9", "9", "0", ".", ".", ",", " ", "-", "+", "亿", "万", "元", "e", "\u{3000}", "\u{301}", "٣"]
        var generator = SeededGenerator(seed: 20_171_117)
        var answered = 0
        for _ in 0..<20_000 {
            let length = Int(generator.next(below: 12))
            let text = (0..<length).map { _ in alphabet[Int(generator.next(below: UInt64(alphabet.count)))] }.joined()
            guard let fast = Money.plainYuan(text) else { continue }
            answered += 1
            #expect((try? Money.yuan(reading: text, field: "amount")) == fast, "\(text)")
        }
        #expect(answered > 1_000)
    }

    @Test(arguments: ["9223372036854775807元", "92233720368.54775807亿", "922337203685477.5807万"])
    func fastReaderReachesTheLargestAmount(text: String) {
        #expect(Money.plainYuan(text) == Int64.max)
        #expect((try? Money.yuan(reading: text, field: "amount")) == Int64.max)
    }

    @Test(arguments: ["9223372036854775808元", "92233720368.54775808亿", "99999999999999999999", "0.5元", "1.000000001亿", "1,234万", " 5万", "5 万", "-5", "", "亿", "."])
    func fastReaderLeavesTheRestToTheGeneralReader(text: String) {
        #expect(Money.plainYuan(text) == nil)
    }

    // MARK: - Helpers

    private func expectInvalidInput<T>(_ sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> T) {
        let error = #expect(throws: DuikouError.self, sourceLocation: sourceLocation) { _ = try body() }
        #expect(error?.code == .invalidInput, sourceLocation: sourceLocation)
    }

    /// `1234567` as `1,234,567`.
    private func grouped(_ digits: String) -> String {
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return out
    }

    /// `1234.5678` as `1,234.5678`.
    private func groupedDecimal(_ text: String) -> String {
        let parts = text.split(separator: ".", maxSplits: 1)
        return grouped(String(parts[0])) + (parts.count > 1 ? "." + parts[1] : "")
    }
}
