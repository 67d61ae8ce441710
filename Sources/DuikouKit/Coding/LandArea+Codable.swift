#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension LandArea: Codable {
    /// Writes the area as an exact number of km², such as `26` or `1.53`, as the CLI's JSON does.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(km2)
    }

    /// Reads a number of km², exact to the square metre.
    ///
    /// - Throws: `DecodingError` for a negative area, one finer than a square metre, one too large,
    ///   or anything but a number.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let km2 = try container.decode(Decimal.self)
        do {
            self = try LandArea(parsingKm2: km2.description, field: "planned_area_km2")
        } catch let error as DuikouError {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    /// The area in km² as an exact decimal number.
    var km2: Decimal {
        Decimal(sign: .plus, exponent: -6, significand: Decimal(squareMetres))
    }
}
