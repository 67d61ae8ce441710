#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension PlanWeight: Codable {
    /// Writes the weight as an exact number, such as `1`, `0.5` or `2.25`, as the CLI's JSON does.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(decimal)
    }

    /// Reads a number from 0.001 to 1000 with at most three decimals.
    ///
    /// - Throws: `DecodingError` for 0, a negative weight, more than three decimals, a weight above
    ///   1000, or anything but a number.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let number = try container.decode(Decimal.self)
        do {
            self = try PlanWeight(parsing: number.description, field: "weight")
        } catch let error as DuikouError {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    /// The weight as an exact decimal number.
    var decimal: Decimal {
        Decimal(sign: .plus, exponent: -3, significand: Decimal(thousandths))
    }
}
