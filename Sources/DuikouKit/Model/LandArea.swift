/// An exact land area, such as a park's planned area, kept in whole square metres.
///
/// Read from km² text with up to six decimals (`26`, `1.53`); shown in km².
public struct LandArea: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The area in square metres.
    public let squareMetres: Int64

    /// Reads an area in km², such as `26` or `1.53`, optionally followed by `km2`, `km²` or `平方公里`.
    public init(parsingKm2 text: String, field: String = "planned-area-km2") throws {
        var number = Substring(text.trimmingSpaces())
        if let stripped = number.stripSuffix(["平方公里", "km²", "km2"]) {
            number = Substring(String(stripped).trimmingSpaces())
        }
        if number.first == "-" {
            throw DuikouError.invalid(field, text, "is negative")
        }
        guard let decimal = DecimalDigits(number) else {
            throw DuikouError.invalid(field, text, "is not an area in km²; write e.g. 26 or 1.53")
        }
        switch decimal.scaled(by: 1_000_000) {
        case .exact(let metres): squareMetres = metres
        case .fractional: throw DuikouError.invalid(field, text, "is finer than a square metre")
        case .overflow: throw DuikouError.invalid(field, text, "is too large")
        }
    }

    init(squareMetres: Int64) {
        self.squareMetres = squareMetres
    }

    /// The area in km², exactly: `26`, `1.53`.
    public var km2Text: String { DecimalDigits.text(squareMetres, scale: 1_000_000) }

    /// The area in km².
    public var description: String { km2Text + " km²" }

    /// Orders areas by size.
    public static func < (lhs: LandArea, rhs: LandArea) -> Bool { lhs.squareMetres < rhs.squareMetres }
}
