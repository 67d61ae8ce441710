/// How much a target counts in its pairing's score: a positive decimal with at most three decimals,
/// from 0.001 to 1000, kept exactly as a whole number of thousandths (`0.5` is 500).
///
/// Keeping thousandths rather than a binary fraction makes every weighted mean reproducible: the
/// weights add up exactly, in any order, on any machine.
public struct PlanWeight: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The weights allowed, in thousandths: 0.001 to 1000.
    public static let thousandthsRange: ClosedRange<Int64> = 1...1_000_000

    /// The weight of a target set without one: 1.
    public static let one = PlanWeight(uncheckedThousandths: 1000)

    /// The weight in thousandths: 1000 is a weight of 1.
    public let thousandths: Int64

    /// Creates a weight from thousandths, refusing one outside ``thousandthsRange``.
    public init(thousandths: Int64) throws {
        guard Self.thousandthsRange.contains(thousandths) else {
            throw DuikouError.invalid("weight", "\(thousandths)/1000", Self.outOfRange)
        }
        self.thousandths = thousandths
    }

    /// Reads a weight such as `1`, `0.5` or `2.25`: a positive decimal number with at most three
    /// decimals, no more than 1000.
    ///
    /// - Parameters:
    ///   - text: the weight.
    ///   - field: the name of the field being read, used in the error message.
    /// - Throws: ``DuikouError/Code/invalidInput`` for 0, a negative weight, text that is not a
    ///   decimal number (`NaN`, `1e3`, `二`), more than three decimals and a weight above 1000.
    public init(parsing text: String, field: String = "weight") throws {
        let trimmed = Substring(text.trimmingSpaces())
        if trimmed.first == "-" {
            throw DuikouError.invalid(field, text, "is negative; \(Self.outOfRange)")
        }
        guard let decimal = DecimalDigits(trimmed.first == "+" ? trimmed.dropFirst() : trimmed) else {
            throw DuikouError.invalid(field, text, "is not a number; write a weight such as 0.5, 1 or 2")
        }
        switch decimal.scaled(by: 1000) {
        case .exact(let thousandths) where thousandths == 0:
            throw DuikouError.invalid(field, text, "is zero; \(Self.outOfRange)")
        case .exact(let thousandths) where Self.thousandthsRange.contains(thousandths):
            self.thousandths = thousandths
        case .exact, .overflow:
            throw DuikouError.invalid(field, text, "is too large; \(Self.outOfRange)")
        case .fractional:
            throw DuikouError.invalid(field, text, "has more than three decimals")
        }
    }

    init(uncheckedThousandths thousandths: Int64) {
        self.thousandths = thousandths
    }

    /// The weight as a number, such as 0.5.
    public var value: Double { Double(thousandths) / 1000 }

    /// The weight exactly, trailing zeros dropped: `1`, `0.5`, `2.25`.
    public var description: String { DecimalDigits.text(thousandths, scale: 1000) }

    /// Orders weights by size.
    public static func < (lhs: PlanWeight, rhs: PlanWeight) -> Bool { lhs.thousandths < rhs.thousandths }

    private static let outOfRange = "a weight is a number from 0.001 to 1000"
}
