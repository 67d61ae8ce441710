import DuikouKit

/// A piece of HTML that is safe to send: literal markup written in the code, with every value
/// interpolated into it escaped. A `String` interpolated into `Markup` is escaped; `Markup`
/// interpolated into `Markup` is kept as it is. Nothing else makes markup from text, so a value from
/// the database or the request cannot reach a page unescaped.
struct Markup: ExpressibleByStringInterpolation, Sendable {
    private(set) var html: String

    init(stringLiteral literal: String) { html = literal }

    init(stringInterpolation: Interpolation) { html = stringInterpolation.html }

    /// Markup made by the library, such as its SVG charts, whose text it escapes itself.
    init(trusted html: String) { self.html = html }

    struct Interpolation: StringInterpolationProtocol {
        var html = ""

        init(literalCapacity: Int, interpolationCount: Int) { html.reserveCapacity(literalCapacity * 2) }

        mutating func appendLiteral(_ literal: String) { html += literal }

        /// Text: escaped.
        mutating func appendInterpolation(_ text: String) { html += DisplayText.html(text) }

        /// A whole number: written as digits.
        mutating func appendInterpolation(_ number: Int) { html += String(number) }

        /// Markup: kept.
        mutating func appendInterpolation(_ markup: Markup) { html += markup.html }

        /// Several pieces of markup, one after another.
        mutating func appendInterpolation(_ pieces: [Markup]) { for piece in pieces { html += piece.html } }
    }
}

extension Markup {
    /// `value` when `condition` holds, else nothing.
    static func when(_ condition: Bool, _ value: @autoclosure () -> Markup) -> Markup { condition ? value() : "" }
}
